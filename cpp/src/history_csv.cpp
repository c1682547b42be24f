// Participation tables in CSV (RFC 4180), every unreadable row reported with its line.
#include <algorithm>

#include "interreg/errors.hpp"
#include "interreg/fields.hpp"
#include "interreg/history.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

struct Record {
    std::size_t line = 0;  // where the record starts
    std::vector<std::string> fields;
    std::string error;  // a quoting problem
};

// Reads one record at a time; quoted fields may hold commas, quotes ("") and line breaks.
class CsvScanner {
public:
    explicit CsvScanner(std::string_view text) : s_(text) {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") s_.remove_prefix(3);  // byte order mark
    }

    bool next(Record& r) {
        while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) skip_break();  // blank lines
        if (pos_ >= s_.size()) return false;
        r = Record{line_, {}, {}};
        const std::size_t start = pos_;
        std::string field;
        bool quoted = false, after_quote = false;
        std::size_t quote_opened = 0;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (quoted && pos_ - quote_opened > max_quoted_bytes) return unclosed(r, start);
            if (quoted) {
                if (c == '"') {
                    if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                        field += '"';
                        pos_ += 2;
                        continue;
                    }
                    quoted = false;
                    after_quote = true;
                } else {
                    if (c == '\n') ++line_;
                    field += c;
                }
                ++pos_;
                continue;
            }
            if (c == ',') {
                r.fields.push_back(std::move(field));
                field.clear();
                after_quote = false;
                ++pos_;
            } else if (c == '\n' || c == '\r') {
                skip_break();
                break;
            } else if (c == '"' && field.empty() && !after_quote) {
                quoted = true;
                quote_opened = pos_++;
            } else {
                if (r.error.empty() && (after_quote || c == '"')) {
                    r.error = after_quote ? "text after a closing quote (write a quote inside a quoted field as \"\")"
                                          : "a quote inside an unquoted field (quote the whole field and double the quote)";
                }
                field += c;
                ++pos_;
            }
        }
        if (quoted) return unclosed(r, start);
        r.fields.push_back(std::move(field));
        return true;
    }

private:
    // A quoted field may span lines, but no field the history takes is this long: a quote that
    // runs further was never closed, and reading on would swallow the rows after it.
    static constexpr std::size_t max_quoted_bytes = 4 * max_name_length;

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

std::string trim_lower(const std::string& s) {
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
    if (!scanner.next(header)) {  // no header: an empty history
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
        for (const auto& f : header.fields) found.push_back("'" + f + "'");
        throw FormatError("", "line " + std::to_string(header.line) + ": the header has no column " +
                                  text::join_choices(missing, " and ") + "; it has " +
                                  (found.empty() ? std::string("none") : text::join_choices(found, " and ")) +
                                  ". Required: project, organisation, country; optional: programme, period, region, "
                                  "org_type, role, organisation_number");
    }
    Record r;
    while (scanner.next(r)) {
        if (!r.error.empty()) {
            result.problems.push_back({r.line, r.error});
            continue;
        }
        if (r.fields.size() != header.fields.size()) {
            result.problems.push_back({r.line, "has " + std::to_string(r.fields.size()) + " fields; the header has " +
                                                   std::to_string(header.fields.size())});
            continue;
        }
        std::vector<std::string> values(known.size());
        for (std::size_t k = 0; k < known.size(); ++k) {
            if (column[k] >= 0) values[k] = r.fields[static_cast<std::size_t>(column[k])];
        }
        if (auto problem = builder.add(participation_row(values)); !problem.empty()) {
            result.problems.push_back({r.line, std::move(problem)});
        }
    }
    result.history = builder.build();
    return result;
}

}  // namespace interreg
