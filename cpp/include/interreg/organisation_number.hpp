#pragma once
// National organisation numbers and their check digits: a Swedish organisationsnummer
// (10 digits, Luhn), a Danish CVR number (8 digits, weighted modulus 11) and a Norwegian
// organisasjonsnummer (9 digits, weighted modulus 11). Numbers of other countries are kept
// as given and not checked.
#include <optional>
#include <string>
#include <string_view>

namespace interreg {

enum class OrgNumberScheme { se_orgnr, dk_cvr, no_orgnr };

std::string_view to_string(OrgNumberScheme s);  // "se-orgnr", "dk-cvr", "no-orgnr"
std::optional<OrgNumberScheme> parse_org_number_scheme(std::string_view s);
// The scheme of a country's own organisation numbers (SE, DK, NO; any case), or none.
std::optional<OrgNumberScheme> national_org_number_scheme(std::string_view country);

// A scheme in messages: its name ("Swedish organisationsnummer"), its form ("10 digits, written
// NNNNNN-NNNN, the last a check digit") and the register that keeps the numbers.
std::string_view org_number_name(OrgNumberScheme s);
std::string_view org_number_form(OrgNumberScheme s);
std::string_view org_number_register(OrgNumberScheme s);

struct OrgNumberCheck {
    std::string digits;   // the number without spaces, hyphens, dots or a country prefix
    std::string problem;  // empty when the number is well-formed with a right check digit
};

// Checks `number` as written in any usual way ("556036-0793", "DK 13 74 81 36",
// "NO 974 760 673 MVA", a Swedish 12-digit form with the "16" prefix).
OrgNumberCheck check_org_number(OrgNumberScheme scheme, std::string_view number);

// The key two partners share when they are one organisation: country + digits when the
// country has a scheme and the number is well-formed, otherwise country + the letters and
// digits of the text (accents folded, lower case; "HRB 1234" and "hrb-1234" are one); empty
// when it has none (nothing to compare).
std::string org_number_key(std::string_view country, std::optional<OrgNumberScheme> scheme, std::string_view number);

}  // namespace interreg
