#pragma once
// Parsing a value that must be one of a fixed list of names (roles, categories, effects).
#include <string>
#include <string_view>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

// The enumerator whose position in `names` is the name given; ArgumentError listing the
// names, nearest first, otherwise.
template <class E>
E parse_choice(std::string_view s, const std::vector<std::string>& names, const char* what) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == s) return static_cast<E>(i);
    }
    throw ArgumentError("unknown " + std::string(what) + " '" + std::string(s) + "'; choose one of (nearest first): " +
                        text::join_choices(text::nearest(s, names, names.size()), ", "));
}

}  // namespace interreg
