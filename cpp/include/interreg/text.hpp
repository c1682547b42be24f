#pragma once
// Text helpers shared by lookups: folding names so that "Västra Götalands län",
// "vastra gotaland" and "Region Västra Götaland" compare equal, and ranking near misses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interreg::text {

// Lower case, Nordic and Latin-1 diacritics folded to ASCII (å→a, æ→ae, ø→o, ß→ss),
// every other non-alphanumeric character a single space, trimmed.
std::string fold(std::string_view utf8);

// fold() without the words that decorate region names: region, regionen, län, fylke,
// fylkeskommune, county, kommune, the.
std::string region_key(std::string_view name);

// fold() without legal-form words at either end (AB, A/S, ApS, AS, ASA, Oy, GmbH, Ltd, ...)
// and without "kommun"/"kommune", so "Volvo AB" and "AB Volvo" compare equal.
std::string organisation_key(std::string_view name);

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);
// The length of the well-formed UTF-8 sequence starting at s[i] (no overlong form, surrogate or
// code point beyond U+10FFFF), or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// Append code point `cp` to `out` in UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

// `s` with every byte that is not part of well-formed UTF-8 written as "\xNN".
std::string escape_invalid_utf8(std::string_view s);

// The encoding `data` is written in when it is plainly UTF-16 or UTF-32 (a byte-order mark, or
// the zero bytes such text has in its first characters): "UTF-16LE", "UTF-32BE", ...; empty
// otherwise. Files saved so by a spreadsheet or an editor get a message that names it.
std::string_view wide_encoding(std::string_view data);

// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view utf8);

// Levenshtein distance over bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The positions of `folded` (candidates already folded) from nearest to `folded_query` to
// farthest: a prefix first, then a part, then by edit distance; ties keep their order.
std::vector<std::size_t> rank_nearest(std::string_view folded_query, const std::vector<std::string_view>& folded);

// Up to `n` candidates nearest to `query` (compared folded), nearest first; ties keep the
// candidates' order. A candidate that starts with, or contains, the query ranks first.
std::vector<std::string> nearest(std::string_view query, const std::vector<std::string>& candidates,
                                 std::size_t n);

// "a, b or c"
std::string join_choices(const std::vector<std::string>& items, std::string_view last_sep = " or ");

}  // namespace interreg::text
