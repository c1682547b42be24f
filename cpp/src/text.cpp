#include "interreg/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace interreg::text {
namespace {

// Decode one UTF-8 code point at `i`; invalid bytes decode as themselves.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
    if (extra && i + extra >= s.size()) extra = 0;  // truncated sequence
    std::uint32_t cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += 1 + extra;
    return cp;
}

// ASCII folding of Latin-1 letters U+00C0..U+00FF (upper and lower case alike).
const char* fold_latin1(std::uint32_t cp) {
    static const std::array<const char*, 64> table = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // C0-CF
        "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",   // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // E0-EF
        "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y"};   // F0-FF
    return table[cp - 0xC0];
}

// Each ASCII character folded: a letter to lower case, a digit as it is, anything else a space.
constexpr std::array<char, 128> ascii_folds = [] {
    std::array<char, 128> folds{};
    for (int c = 0; c < 128; ++c) folds[c] = ' ';
    for (int c = '0'; c <= '9'; ++c) folds[c] = static_cast<char>(c);
    for (int c = 'a'; c <= 'z'; ++c) folds[c] = folds[c - 'a' + 'A'] = static_cast<char>(c);
    return folds;
}();

std::vector<std::string> split_words(const std::string& folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        auto end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

bool contains(std::initializer_list<std::string_view> set, std::string_view word) {
    return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

std::string fold(std::string_view utf8) {
    // Written in place: a folded name is never longer than twice its text (an "æ" of two bytes
    // gives two letters, each space stands for at least one byte that gave nothing else). A space
    // is written only after a letter or digit, and one left at the end is taken off.
    std::string out(2 * utf8.size(), '\0');
    char* const begin = out.data();
    char* at = begin;
    auto put = [&](char c) {
        if (c != ' ' || (at != begin && at[-1] != ' ')) *at++ = c;
    };
    auto put_all = [&](std::string_view piece) {
        for (char c : piece) put(c);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        if (const auto b = static_cast<unsigned char>(utf8[i]); b < 0x80) {  // most names are ASCII: no branch
            const char c = ascii_folds[b];
            *at = c;  // within the buffer: what is written so far takes at most twice the bytes before this one
            at += (c != ' ') | (at != begin && at[-1] != ' ');
            ++i;
            continue;
        }
        const std::uint32_t cp = next_code_point(utf8, i);
        if (cp >= 0xC0 && cp <= 0xFF) {
            put_all(fold_latin1(cp));
        } else if (cp == 0x0152 || cp == 0x0153) {
            put_all("oe");
        } else if (cp < 0xC0) {
            put(' ');  // Latin-1 punctuation and symbols
        } else {
            std::string other;
            append_utf8(other, cp);
            put_all(other);
        }
    }
    if (at != begin && at[-1] == ' ') --at;
    out.resize(static_cast<std::size_t>(at - begin));
    return out;
}

std::string region_key(std::string_view name) {
    auto words = split_words(fold(name));
    std::vector<std::string> kept;
    for (auto& w : words) {
        if (!contains({"region", "regionen", "lan", "fylke", "fylkeskommune", "county", "kommune", "the"}, w)) {
            kept.push_back(std::move(w));
        }
    }
    return join_words(kept);
}

std::string organisation_key(std::string_view name) {
    std::string folded = fold(name);
    // fold() gives words joined by single spaces: legal forms come off either end of the view.
    std::string_view rest = folded;
    const auto first = [&] { return rest.substr(0, rest.find(' ')); };
    const auto last = [&] { return rest.substr(rest.rfind(' ') + 1); };  // npos + 1 is 0: the only word
    const auto drop_last = [&] { rest.remove_suffix(last().size() + 1); };
    auto is_form = [](std::string_view w) {
        return w.size() >= 2 && w.size() <= 7 &&  // the forms' lengths: most words are not looked up
               contains({"ab", "publ", "aps", "as", "asa", "oy", "oyj", "ltd", "gmbh", "ag", "amba", "smba", "ek", "kommun",
                         "kommune", "inc", "plc"},
                        w);
    };
    while (rest.find(' ') != std::string_view::npos) {  // more than one word
        if (last() == "s" && std::count(rest.begin(), rest.end(), ' ') >= 2) {
            // Two-letter forms written with a slash fold to two words: "A/S" → "a s", "I/S" → "i s".
            const std::string_view s_dropped = rest.substr(0, rest.size() - 2);
            const std::string_view before = s_dropped.substr(s_dropped.rfind(' ') + 1);
            if (before == "a" || before == "i") {
                drop_last();
                drop_last();
                continue;
            }
        }
        if (is_form(last())) {
            drop_last();
        } else if (is_form(first())) {
            rest.remove_prefix(first().size() + 1);
        } else {
            break;
        }
    }
    // The key is what is left of the folded name, cut in place (most names lose nothing).
    const auto from = static_cast<std::size_t>(rest.data() - folded.data());
    folded.erase(from + rest.size());
    folded.erase(0, from);
    return folded;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return 1;
    std::size_t extra;
    std::uint32_t cp, min;
    if ((b & 0xE0) == 0xC0) { extra = 1; cp = b & 0x1F; min = 0x80; }
    else if ((b & 0xF0) == 0xE0) { extra = 2; cp = b & 0x0F; min = 0x800; }
    else if ((b & 0xF8) == 0xF0) { extra = 3; cp = b & 0x07; min = 0x10000; }
    else return 0;
    if (i + extra >= s.size()) return 0;  // truncated
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return extra + 1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (std::uint64_t w; i + 8 <= s.size()) {  // eight ASCII bytes at once
            std::memcpy(&w, s.data() + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string escape_invalid_utf8(std::string_view s) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
            const auto b = static_cast<unsigned char>(s[i++]);
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xF];
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return a.size() + b.size();
    // One row of the table; on the stack for the names suggestions compare (most of the calls).
    std::size_t small[64];
    std::vector<std::size_t> large;
    std::size_t* row = small;
    if (b.size() >= 64) {
        large.resize(b.size() + 1);
        row = large.data();
    }
    std::iota(row, row + b.size() + 1, std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::vector<std::size_t> rank_nearest(std::string_view folded_query, const std::vector<std::string_view>& folded) {
    const std::string_view q = folded_query;
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // (score, index)
    scored.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const std::string_view c = folded[i];
        std::size_t score;
        if (!q.empty() && c.substr(0, q.size()) == q) score = 0;
        else if (!q.empty() && c.find(q) != std::string_view::npos) score = 1;
        else score = edit_distance(q, c) + 2;
        scored.emplace_back(score, i);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::size_t> out;
    out.reserve(scored.size());
    for (const auto& s : scored) out.push_back(s.second);
    return out;
}

std::vector<std::string> nearest(std::string_view query, const std::vector<std::string>& candidates, std::size_t n) {
    std::vector<std::string> folded;
    folded.reserve(candidates.size());
    for (const auto& c : candidates) folded.push_back(fold(c));
    std::vector<std::string_view> views(folded.begin(), folded.end());
    std::vector<std::string> out;
    for (std::size_t i : rank_nearest(fold(query), views)) {
        if (out.size() == n) break;
        if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
    }
    return out;
}

std::string_view wide_encoding(std::string_view d) {
    const auto at = [&](std::size_t i) { return i < d.size() ? static_cast<unsigned char>(d[i]) : 0x100u; };
    if (at(0) == 0x00 && at(1) == 0x00 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32BE";
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0x00 && at(3) == 0x00) return "UTF-32LE";
    if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
    if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
    // No mark: ASCII text in a wide encoding has zero bytes beside each character.
    if (at(0) != 0 && at(1) == 0 && at(2) == 0 && at(3) == 0) return "UTF-32LE";
    if (at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0 && at(3) != 0x100u) return "UTF-32BE";
    if (at(0) != 0 && at(0) != 0x100u && at(1) == 0) return "UTF-16LE";
    if (at(0) == 0 && at(1) != 0 && at(1) != 0x100u) return "UTF-16BE";
    return {};
}

std::string join_choices(const std::vector<std::string>& items, std::string_view last_sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
        out += items[i];
    }
    return out;
}

}  // namespace interreg::text
