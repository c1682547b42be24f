// Participation tables in CSV (RFC 4180), every unreadable row reported with its line.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>

#include "interreg/errors.hpp"
#include "interreg/fields.hpp"
#include "interreg/history.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

// The bytes that end an unquoted field: the separator, line breaks, and a quote (an error there).
struct Stops {
    bool at[256] = {};
    constexpr Stops() { at[static_cast<unsigned char>(',')] = at[static_cast<unsigned char>('\n')] =
                            at[static_cast<unsigned char>('\r')] = at[static_cast<unsigned char>('"')] = true; }
};
constexpr Stops stops;

struct Record {
    std::size_t line = 0;  // where the record starts
    std::vector<std::string_view> fields;  // views of the text, or of a copy when a field doubles quotes
    std::string error;  // a quoting problem
};

// Reads one record at a time from the whole text; quoted fields may hold commas, quotes ("")
// and line breaks. Fields are views found eight bytes at a time (unquoted) or by memchr for the
// closing quote, never copied unless they double quotes (into the caller's `copies`).
class CsvScanner {
public:
    explicit CsvScanner(std::string_view text) : s_(text) {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") s_.remove_prefix(3);  // byte order mark
    }

    bool next(Record& r, std::deque<std::string>& copies) {
        while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) skip_break();  // blank lines
        if (pos_ >= s_.size()) return false;
        r.line = line_;
        r.fields.clear();
        r.error.clear();
        const std::size_t start = pos_;
        for (;;) {
            std::string_view field;
            if (s_[pos_] == '"') {
                if (!quoted(copies, field)) return unclosed(r, start);
                if (pos_ < s_.size() && !is_break(s_[pos_]) && s_[pos_] != ',') {
                    if (r.error.empty()) r.error = "text after a closing quote (write a quote inside a quoted field as \"\")";
                    skip_field();
                }
            } else {
                const std::size_t from = pos_;
                pos_ = next_stop(pos_);
                if (pos_ < s_.size() && s_[pos_] == '"') {
                    if (r.error.empty()) r.error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                    skip_field();
                }
                field = s_.substr(from, pos_ - from);
            }
            r.fields.push_back(field);
            if (pos_ >= s_.size()) return true;
            if (s_[pos_] != ',') {
                skip_break();
                return true;
            }
            if (++pos_ == s_.size()) {  // a separator at the very end: one more, empty field
                r.fields.emplace_back();
                return true;
            }
        }
    }

private:
    // A quoted field may span lines, but no field the history takes is this long: a quote that
    // runs further was never closed, and reading on would swallow the rows after it.
    static constexpr std::size_t max_quoted_bytes = 4 * max_name_length;

    static bool is_break(char c) { return c == '\n' || c == '\r'; }

    // The first stop at or after `at`, or the end: eight bytes at a time, a stop's place in a word
    // being the lowest byte of w ^ c·0x01..01 that is zero (the lowest flag of the test below is
    // exact; flags above it may not be, and are not read). Byte by byte on big-endian machines.
    std::size_t next_stop(std::size_t at) const {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const auto zero_bytes = [](std::uint64_t w, unsigned char c) {
            const std::uint64_t x = w ^ (ones * c);
            return (x - ones) & ~x & highs;
        };
        for (; at + 8 <= s_.size(); at += 8) {
            std::uint64_t w;
            std::memcpy(&w, s_.data() + at, 8);
            const std::uint64_t found = zero_bytes(w, ',') | zero_bytes(w, '\n') | zero_bytes(w, '\r') | zero_bytes(w, '"');
            if (found != 0) return at + static_cast<std::size_t>(__builtin_ctzll(found)) / 8;
        }
#endif
        while (at < s_.size() && !stops.at[static_cast<unsigned char>(s_[at])]) ++at;
        return at;
    }

    // The quoted field at pos_ (a quote); false when it is not closed in time.
    bool quoted(std::deque<std::string>& copies, std::string_view& field) {
        const std::size_t opened = pos_++;
        const std::size_t limit = std::min(s_.size(), opened + max_quoted_bytes + 1);
        std::string* copy = nullptr;
        std::size_t from = pos_;
        for (;;) {
            if (pos_ >= limit) return false;
            const auto* q = static_cast<const char*>(std::memchr(s_.data() + pos_, '"', limit - pos_));
            if (!q) return false;
            const auto at = static_cast<std::size_t>(q - s_.data());
            if (at + 1 < s_.size() && s_[at + 1] == '"') {  // a doubled quote is one quote
                if (!copy) copy = &copies.emplace_back();  // a deque: earlier copies stay put
                copy->append(s_.data() + from, at + 1 - from);
                pos_ = from = at + 2;
                continue;
            }
            if (copy) {
                copy->append(s_.data() + from, at - from);
                field = *copy;
            } else {
                field = s_.substr(from, at - from);
            }
            line_ += static_cast<std::size_t>(std::count(s_.begin() + static_cast<std::ptrdiff_t>(opened),
                                                         s_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
            pos_ = at + 1;
            return true;
        }
    }

    // The rest of a field already found faulty, quotes and all, up to its separator or line end.
    void skip_field() {
        while (pos_ < s_.size() && s_[pos_] != ',' && !is_break(s_[pos_])) ++pos_;
    }

    // The record as one problem on its first line; reading goes on from the line after it.
    bool unclosed(Record& r, std::size_t start) {
        r.fields.clear();
        r.error = "a quote opened on this line is not closed (a quoted field may span lines but not " +
                  std::to_string(max_quoted_bytes) + " bytes); the lines after it are read again";
        pos_ = s_.find_first_of("\r\n", start);
        line_ = r.line;
        if (pos_ == std::string_view::npos) {
            pos_ = s_.size();
        } else {
            skip_break();
        }
        return true;
    }

    void skip_break() {
        if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// Records read before their cells are numbered: enough for two threads to share, few enough
// that their cells' views stay a few megabytes.
constexpr std::size_t csv_chunk_rows = 65'536;

// Records read together, then numbered together.
struct CsvChunk {
    std::deque<std::string> copies;  // its fields that doubled quotes
    std::vector<std::size_t> lines;  // per row taken: its line
    std::vector<std::string_view> cells[HistoryBuilder::columns];
    std::vector<HistoryProblem> unread;
};

std::string trim_lower(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

}  // namespace

HistoryReadResult read_history_csv(std::string_view text) {
    if (text.size() > max_history_bytes) {
        throw FormatError("", "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                                  std::to_string(max_history_bytes));
    }
    if (const auto wide = text::wide_encoding(text); !wide.empty()) {
        throw FormatError("", "the file is " + std::string(wide) + " text; save it as UTF-8 (CSV UTF-8) and try again");
    }
    CsvScanner scanner(text);
    HistoryReadResult result;
    HistoryBuilder builder;
    Record header;
    std::deque<std::string> header_copies;
    if (!scanner.next(header, header_copies)) {  // no header: an empty history
        result.history = builder.build();
        return result;
    }
    if (!header.error.empty()) throw FormatError("", "line " + std::to_string(header.line) + ": header: " + header.error);
    // Column positions of the known names, in the order of ParticipationRow's fields.
    const auto& known = history_columns();
    std::vector<int> column(known.size(), -1);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto name = trim_lower(header.fields[i]);
        const auto it = std::find(known.begin(), known.end(), name);
        if (it == known.end()) continue;
        auto& slot = column[static_cast<std::size_t>(it - known.begin())];
        if (slot >= 0) throw FormatError("", "line " + std::to_string(header.line) + ": column '" + name + "' appears twice");
        slot = static_cast<int>(i);
    }
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < 3; ++k) {
        if (column[k] < 0) missing.push_back(known[k]);
    }
    if (!missing.empty()) {
        std::vector<std::string> found;
        for (const auto& f : header.fields) found.push_back("'" + std::string(f) + "'");
        throw FormatError("", "line " + std::to_string(header.line) + ": the header has no column " +
                                  text::join_choices(missing, " and ") + "; it has " +
                                  (found.empty() ? std::string("none") : text::join_choices(found, " and ")) +
                                  ". Required: project, organisation, country; optional: programme, period, region, "
                                  "org_type, role, organisation_number");
    }
    // The rows a chunk at a time: its cells numbered a column at a time (two columns at once on two
    // cores, while the calling thread first reads the next chunk), then its rows added in order,
    // each problem at its line.
    std::vector<std::size_t> present;  // the known columns the file has
    for (std::size_t k = 0; k < known.size(); ++k) {
        if (column[k] >= 0) present.push_back(k);
    }
    std::uint32_t absent[HistoryBuilder::columns], row[HistoryBuilder::columns];
    for (std::size_t k = 0; k < known.size(); ++k) absent[k] = builder.value(k, {});
    // The next chunk's records: false when the text has no more.
    auto scan = [&, r = Record()](CsvChunk& c) mutable {
        c.copies.clear();
        c.lines.clear();
        for (auto k : present) c.cells[k].clear();
        c.unread.clear();
        bool more = true;
        for (std::size_t records = 0; records < csv_chunk_rows && (more = scanner.next(r, c.copies)); ++records) {
            if (!r.error.empty()) {
                c.unread.push_back({r.line, r.error});
            } else if (r.fields.size() != header.fields.size()) {
                c.unread.push_back({r.line, "has " + std::to_string(r.fields.size()) + " fields; the header has " +
                                                std::to_string(header.fields.size())});
            } else {
                c.lines.push_back(r.line);
                for (auto k : present) c.cells[k].push_back(r.fields[static_cast<std::size_t>(column[k])]);
            }
        }
        return more;
    };
    CsvChunk chunks[2];
    std::vector<std::uint32_t> codes[HistoryBuilder::columns];
    std::vector<HistoryProblem> refused;
    bool more = scan(chunks[0]);
    for (std::size_t n = 0;; ++n) {
        const CsvChunk& now = chunks[n % 2];
        bool next_read = false;
        // The calling thread reads the next chunk first (the scanner is not the builder's), then
        // takes its share of this chunk's columns.
        number_columns_in_parallel(
            present.size(), now.lines.size() * present.size(),
            [&](std::size_t i) {
                const std::size_t k = present[i];
                codes[k].resize(now.lines.size());
                for (std::size_t j = 0; j < now.lines.size(); ++j) codes[k][j] = builder.value(k, now.cells[k][j]);
                builder.prepare(k);
            },
            [&] {
                if (!more) return;
                more = scan(chunks[(n + 1) % 2]);
                next_read = true;
            });
        refused.clear();
        for (std::size_t j = 0; j < now.lines.size(); ++j) {
            for (std::size_t k = 0; k < known.size(); ++k) row[k] = column[k] >= 0 ? codes[k][j] : absent[k];
            if (auto problem = builder.add(row); !problem.empty()) refused.push_back({now.lines[j], std::move(problem)});
        }
        std::merge(now.unread.begin(), now.unread.end(), std::make_move_iterator(refused.begin()),
                   std::make_move_iterator(refused.end()), std::back_inserter(result.problems),
                   [](const HistoryProblem& a, const HistoryProblem& b) { return a.line < b.line; });
        if (!next_read) break;
    }
    result.history = builder.build();
    return result;
}

}  // namespace interreg
