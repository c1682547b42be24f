#pragma once
// ISO 3166-1 alpha-2 country codes. A partner may come from any country (Interreg Regulation
// Art. 22 allows partners outside the programme area); a code that is not ISO is an error.
#include <string>
#include <string_view>
#include <vector>

namespace interreg::countries {

struct Country {
    const char* code;  // "SE"
    const char* name;  // "Sweden"
};

const std::vector<Country>& all();
const Country* find(std::string_view code);  // case-insensitive: "se" finds SE
// Throws ArgumentError listing the nearest valid codes (matching codes and names).
const Country& require(std::string_view code);
// Like require(), and the code must be written as ISO writes it (documents store "SE", not "se").
const Country& require_canonical(std::string_view code);

}  // namespace interreg::countries
