#include "interreg/vocabulary.hpp"

#include "interreg/text.hpp"

namespace interreg {

const std::string* Vocabulary::add(std::string_view spelling, const Entry& entry) {
    auto key = text::fold(spelling);
    if (key.empty()) return nullptr;
    const auto [it, inserted] = entries_.emplace(std::move(key), entry);
    return inserted || it->second.id == entry.id ? nullptr : &it->second.id;
}

const Vocabulary::Entry* Vocabulary::find(std::string_view spelling) const {
    const auto it = entries_.find(text::fold(spelling));
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace interreg
