#pragma once
// One of the programme's fixed lists (organisation types, funds, countries) as people spell
// its entries: the id in any case and with '_', '-' or spaces between words, the names in
// each of the programme's languages, and aliases the programme document gives as data.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace interreg {

class Vocabulary {
public:
    struct Entry {
        std::string id;
        std::optional<std::size_t> alias;  // the alias record it came from; none for ids and names
    };

    // Let `spelling` name `entry.id`. Returns the id it already names when that is another
    // entry (the caller reports the clash), nullptr otherwise.
    const std::string* add(std::string_view spelling, const Entry& entry);
    // What `spelling` names; nullptr when nothing.
    const Entry* find(std::string_view spelling) const;

private:
    std::unordered_map<std::string, Entry> entries_;  // text::fold(spelling) → entry
};

}  // namespace interreg
