#include "interreg/organisation_number.hpp"

#include <array>
#include <cctype>

#include "interreg/text.hpp"

namespace interreg {
namespace {

struct SchemeSpec {
    OrgNumberScheme scheme;
    std::string_view id, country, name;
    std::size_t length;
    std::string_view form, register_name;
};

constexpr std::array<SchemeSpec, 3> specs{{
    {OrgNumberScheme::se_orgnr, "se-orgnr", "SE", "Swedish organisationsnummer", 10,
     "10 digits, written NNNNNN-NNNN, the last a check digit", "Bolagsverket or Skatteverket"},
    {OrgNumberScheme::dk_cvr, "dk-cvr", "DK", "Danish CVR number", 8,
     "8 digits, written NNNNNNNN, the last a check digit", "the CVR register (datacvr.virk.dk)"},
    {OrgNumberScheme::no_orgnr, "no-orgnr", "NO", "Norwegian organisasjonsnummer", 9,
     "9 digits, written NNN NNN NNN, the last a check digit", "Enhetsregisteret (Brønnøysundregistrene)"},
}};

const SchemeSpec& spec(OrgNumberScheme s) { return specs[static_cast<std::size_t>(s)]; }

int digit(char c) { return c - '0'; }

// Luhn: from the right, every second digit doubled (its digits summed); the total ends in 0.
bool luhn_ok(const std::string& d) {
    int sum = 0;
    for (std::size_t i = 0; i < d.size(); ++i) {
        int v = digit(d[d.size() - 1 - i]);
        if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return sum % 10 == 0;
}

// Weighted modulus 11 over the digits before the last: the check digit is 11 − remainder,
// 0 for remainder 0; remainder 1 (a check digit of 10) gives no valid number.
bool mod11_ok(const std::string& d, const std::array<int, 8>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i + 1 < d.size(); ++i) sum += digit(d[i]) * weights[i];
    const int remainder = sum % 11;
    if (remainder == 1) return false;
    return digit(d.back()) == (remainder == 0 ? 0 : 11 - remainder);
}

// The digits of `number` without separators, a leading country code and a trailing "MVA"
// (the Norwegian VAT suffix); empty when anything else is in it.
std::string digits_of(std::string_view number, std::string_view country) {
    std::string s;
    for (char c : number) {
        if (c == ' ' || c == '-' || c == '.' || c == '/') continue;
        s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (s.compare(0, country.size(), country) == 0) s.erase(0, country.size());
    if (s.size() > 3 && s.compare(s.size() - 3, 3, "MVA") == 0) s.erase(s.size() - 3);
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    }
    return s;
}

}  // namespace

std::string_view to_string(OrgNumberScheme s) { return spec(s).id; }

std::optional<OrgNumberScheme> parse_org_number_scheme(std::string_view s) {
    for (const auto& sp : specs) {
        if (sp.id == s) return sp.scheme;
    }
    return std::nullopt;
}

std::optional<OrgNumberScheme> national_org_number_scheme(std::string_view country) {
    for (const auto& sp : specs) {
        if (country.size() == 2 && std::toupper(static_cast<unsigned char>(country[0])) == sp.country[0] &&
            std::toupper(static_cast<unsigned char>(country[1])) == sp.country[1]) {
            return sp.scheme;
        }
    }
    return std::nullopt;
}

std::string_view org_number_name(OrgNumberScheme s) { return spec(s).name; }
std::string_view org_number_form(OrgNumberScheme s) { return spec(s).form; }
std::string_view org_number_register(OrgNumberScheme s) { return spec(s).register_name; }

OrgNumberCheck check_org_number(OrgNumberScheme scheme, std::string_view number) {
    const SchemeSpec& sp = spec(scheme);
    OrgNumberCheck out;
    out.digits = digits_of(number, sp.country);
    // Swedish legal persons are also written with the century-like prefix "16" (12 digits).
    if (scheme == OrgNumberScheme::se_orgnr && out.digits.size() == 12 && out.digits.compare(0, 2, "16") == 0) {
        out.digits.erase(0, 2);
    }
    const std::string expected = std::string(sp.name) + " has " + std::to_string(sp.length) + " digits";
    if (out.digits.empty()) {
        out.problem = "is not a number: a " + expected;
    } else if (out.digits.size() != sp.length) {
        out.problem = "has " + std::to_string(out.digits.size()) + " digits; a " + expected;
    } else {
        const bool ok = scheme == OrgNumberScheme::se_orgnr  ? luhn_ok(out.digits)
                        : scheme == OrgNumberScheme::dk_cvr ? mod11_ok(out.digits, {2, 7, 6, 5, 4, 3, 2, 0})
                                                            : mod11_ok(out.digits, {3, 2, 7, 6, 5, 4, 3, 2});
        if (!ok) out.problem = "has a wrong check digit (the last digit) for a " + std::string(sp.name);
    }
    return out;
}

std::string org_number_key(std::string_view country, std::optional<OrgNumberScheme> scheme, std::string_view number) {
    if (scheme) {
        const auto check = check_org_number(*scheme, number);
        if (check.problem.empty()) return std::string(country) + ":" + check.digits;
    }
    std::string kept;
    for (char c : text::fold(number)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) kept += c;
    }
    return kept.empty() ? kept : std::string(country) + ":" + kept;
}

}  // namespace interreg
