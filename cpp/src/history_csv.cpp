// Participation tables in CSV (RFC 4180), every unreadable row reported with its line.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <iterator>

#include "csv_scanner.hpp"
#include "interreg/errors.hpp"
#include "interreg/files.hpp"
#include "interreg/history.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

// A window's records, read together, then numbered together. Half a megabyte holds rows enough
// for two threads to share (some 6,000 of a usual table), and its text and its cells' views stay
// in the caches while they are numbered.
constexpr std::size_t csv_window_bytes = std::size_t{1} << 19;

struct CsvChunk {
    std::string storage;             // the window, when it is a copy (of a file's bytes)
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

// For each known column (history_columns()), its field in the header; -1 when it has none.
std::vector<int> header_columns(const csv::Record& header) {
    if (!header.error.empty()) throw FormatError("", "line " + std::to_string(header.line) + ": header: " + header.error);
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
    return column;
}

HistoryReadResult read_csv(csv::Input& input) {
    using Next = csv::Scanner::Next;
    HistoryReadResult result;
    HistoryBuilder builder;
    csv::Scanner scanner;
    CsvChunk chunks[2];
    std::size_t now = 0;  // the chunk whose window the scanner reads
    csv::Record r;
    // The next window into chunks[now].
    auto next_window = [&](bool first) {
        CsvChunk& c = chunks[now];
        c.copies.clear();
        const std::string_view window = input.next(scanner.position(), c.storage);
        if (first) {
            if (const auto wide = text::wide_encoding(input.head()); !wide.empty()) {
                throw FormatError("", "the file is " + std::string(wide) + " text; save it as UTF-8 (CSV UTF-8) and try again");
            }
        }
        scanner.start(window, input.at_end(), first && window.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);  // byte order mark
    };
    // The header, from as many windows as it takes.
    Next got = Next::more;
    for (bool first = true; got != Next::record; first = false) {
        if (!first && got == Next::end && input.at_end()) {  // no header: an empty history
            result.history = builder.build();
            return result;
        }
        now ^= !first;
        next_window(first);
        got = scanner.next(r, chunks[now].copies);
    }
    const std::vector<int> column = header_columns(r);
    const std::size_t fields = r.fields.size();
    // The rows a window at a time: its cells numbered a column at a time (two columns at once on
    // two cores, while the calling thread first reads the next window), then its rows added in
    // order, each problem at its line.
    const auto& known = history_columns();
    std::vector<std::size_t> present;  // the known columns the file has
    for (std::size_t k = 0; k < known.size(); ++k) {
        if (column[k] >= 0) present.push_back(k);
    }
    std::uint32_t absent[HistoryBuilder::columns], row[HistoryBuilder::columns];
    for (std::size_t k = 0; k < known.size(); ++k) absent[k] = builder.value(k, {});
    // The rest of the scanner's window into chunks[now]: false when the text has no more.
    auto take = [&] {
        CsvChunk& c = chunks[now];
        c.lines.clear();
        for (auto k : present) c.cells[k].clear();
        c.unread.clear();
        while ((got = scanner.next(r, c.copies)) == Next::record) {
            if (!r.error.empty()) {
                c.unread.push_back({r.line, r.error});
            } else if (r.fields.size() != fields) {
                c.unread.push_back({r.line, "has " + std::to_string(r.fields.size()) + " fields; the header has " +
                                                std::to_string(fields)});
            } else {
                c.lines.push_back(r.line);
                for (auto k : present) c.cells[k].push_back(r.fields[static_cast<std::size_t>(column[k])]);
            }
        }
        return !(got == Next::end && input.at_end());
    };
    bool more = take();
    std::vector<std::uint32_t> codes[HistoryBuilder::columns];
    std::vector<HistoryProblem> refused;
    for (;;) {
        CsvChunk& c = chunks[now];
        bool next_read = false;
        // The calling thread reads the next window first (the scanner is not the builder's), then
        // takes its share of this one's columns.
        number_columns_in_parallel(
            present.size(), c.lines.size() * present.size(),
            [&](std::size_t i) {
                const std::size_t k = present[i];
                codes[k].resize(c.lines.size());
                builder.values(k, c.cells[k].data(), c.lines.size(), codes[k].data());
                builder.prepare(k);
            },
            [&] {
                if (!more) return;
                now ^= 1;
                next_window(false);
                more = take();
                next_read = true;
            });
        refused.clear();
        for (std::size_t j = 0; j < c.lines.size(); ++j) {
            for (std::size_t k = 0; k < known.size(); ++k) row[k] = column[k] >= 0 ? codes[k][j] : absent[k];
            if (auto problem = builder.add(row); !problem.empty()) refused.push_back({c.lines[j], std::move(problem)});
        }
        std::merge(c.unread.begin(), c.unread.end(), std::make_move_iterator(refused.begin()),
                   std::make_move_iterator(refused.end()), std::back_inserter(result.problems),
                   [](const HistoryProblem& a, const HistoryProblem& b) { return a.line < b.line; });
        if (!next_read) break;
    }
    result.history = builder.build();
    return result;
}

}  // namespace

HistoryReadResult read_history_csv(std::string_view text, std::size_t window_bytes) {
    if (text.size() > max_history_bytes) {
        throw FormatError("", "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                                  std::to_string(max_history_bytes));
    }
    csv::TextInput input(text, window_bytes);
    return read_csv(input);
}

HistoryReadResult read_history_csv(std::string_view text) {
    return read_history_csv(text, csv_window_bytes);
}

HistoryReadResult read_history_file(const std::string& path, std::size_t window_bytes) {
    RegularFile file(path, max_history_bytes, [&](std::size_t size) {
        throw IoError("cannot read '" + shown_path(path) + "': it is " + std::to_string(size) + " bytes; the limit is " +
                      std::to_string(max_history_bytes));
    });
    csv::FileInput input(file, window_bytes);
    return read_csv(input);
}

HistoryReadResult read_history_file(const std::string& path) {
    return read_history_file(path, csv_window_bytes);
}

}  // namespace interreg
