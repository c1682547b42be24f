#pragma once
// What a value of the proposal document may hold, checked in one place for the JSON reader and
// for every edit of the API, so that whatever one accepts the other accepts too, with the same
// message (docs/limits.md). The checks throw ArgumentError(field, detail); the reader reports
// the detail at the value's JSON path.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace interreg {

// Limits of the format; beyond them a value is malformed.
inline constexpr std::size_t max_name_length = 500;     // names, titles, descriptions, acronym
inline constexpr std::size_t max_text_length = 100000;  // summaries and other narrative texts
inline constexpr std::size_t max_id_length = 50;        // ids, codes, calls, kinds
inline constexpr std::size_t max_programme_id_length = 100;

// A kind of text: how long it may be, whether it may span lines (tab and newline allowed) and
// whether it may be empty.
struct TextRule {
    std::size_t max_length;
    bool multiline = false;
    bool required = false;
};

inline constexpr TextRule name_rule{max_name_length};                    // may be empty
inline constexpr TextRule required_name_rule{max_name_length, false, true};
inline constexpr TextRule id_rule{max_id_length, false, true};
inline constexpr TextRule short_rule{max_id_length};                   // a call, an objective code
inline constexpr TextRule long_text_rule{max_text_length, true};

// The text fields of the document and their rule: the reader and the edits use these names.
namespace field {
inline constexpr TextRule programme{max_programme_id_length, false, true};
inline constexpr TextRule call = short_rule;
inline constexpr TextRule kind = id_rule;
inline constexpr TextRule acronym = name_rule;
inline constexpr TextRule title{max_text_length};  // per language; one line
inline constexpr TextRule summary = long_text_rule;  // per language
inline constexpr TextRule specific_objective = short_rule;
inline constexpr TextRule geography = short_rule;
inline constexpr TextRule partner_id = id_rule;
inline constexpr TextRule partner_name = required_name_rule;
inline constexpr TextRule region = name_rule;
inline constexpr TextRule org_type = name_rule;
inline constexpr TextRule organisation_number = id_rule;  // as written: "556036-0793", "NO 974 760 673 MVA"
inline constexpr TextRule address = name_rule;
inline constexpr TextRule contact_person = name_rule;
inline constexpr TextRule line_text = name_rule;  // a line's description and unit type
inline constexpr TextRule option_id = id_rule;    // a fund, unit cost or lump sum id
inline constexpr TextRule source_name = required_name_rule;  // who pays a contribution
inline constexpr TextRule rate_source = name_rule;           // where an exchange rate comes from
inline constexpr TextRule narrative = long_text_rule;        // work plan texts and the form's text sections
inline constexpr TextRule item_id = id_rule;                 // objective, activity, partner references
inline constexpr TextRule item_title = name_rule;            // work package, activity, deliverable
inline constexpr TextRule indicator = id_rule;
}  // namespace field

// Throws ArgumentError(field, ...) unless `value` is well-formed UTF-8 without NUL, C0 or C1
// control characters (tab and newline only where the rule is multi-line), at most
// `rule.max_length` characters long and, when required, not blank.
void check_text(std::string_view field, std::string_view value, TextRule rule);

// An integer in [min, max], e.g. a reporting period; ArgumentError(field, ...) otherwise.
void check_range(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max);

}  // namespace interreg
