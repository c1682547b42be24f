#pragma once
// Helpers shared by the edit operations and the document reader (not part of the API).
#include <string>
#include <string_view>
#include <utility>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/proposal.hpp"

namespace interreg::detail {

// check_partner, with its lines or without (lines checked before and not changed since).
void check_partner(const Partner& partner, bool lines_too);
// add_partner without check_partner: for a partner checked before (its id is still checked
// against the others).
const Partner& append_partner(Proposal& p, Partner partner);

// A value the reader takes whole and hands to an edit that checks its length.
inline constexpr std::size_t any_length = static_cast<std::size_t>(-1);

// "budget/lines/3" + "unit_price" → "budget/lines/3/unit_price"
inline std::string field_path(std::string_view prefix, std::string_view field) {
    if (prefix.empty()) return std::string(field);
    if (field.empty()) return std::string(prefix);
    return std::string(prefix) + "/" + std::string(field);
}

// Run f; an ArgumentError it throws names its field below `prefix`.
template <class F>
decltype(auto) within(std::string_view prefix, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const ArgumentError& e) {
        throw ArgumentError(field_path(prefix, e.field()), e.detail());
    }
}

// Run a check of the edit operations while reading a document: its ArgumentError becomes the
// reader's error at the value's path (and below it, at the field the error names).
template <class F>
decltype(auto) at_path(const JsonReader& r, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const ArgumentError& e) {
        throw_document_error(r.kind(), e.field().empty() ? r.path() : r.path() + "/" + e.field(), e.detail());
    }
}

// A decimal string read with one of the exact parsers (Money, Rate, Units...), failing at the
// value's path.
template <class T>
T read_decimal(const JsonReader& r, T (*parse)(std::string_view)) {
    const std::string s = r.string(40);
    return at_path(r, [&] { return parse(s); });
}

}  // namespace interreg::detail
