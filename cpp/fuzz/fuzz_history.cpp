// libFuzzer target: the participation table's CSV reader on any bytes. It reads the text or
// refuses it with a FormatError (no header columns, a wide encoding, too large); what it reads
// holds together: problems in line order after the header, every row either a participation
// or a problem, every participation's project and organisation in the history. Read in windows of
// 1 byte to 4 KiB (as a file is read through a small buffer), it reads the same.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "interreg/errors.hpp"
#include "interreg/history.hpp"

namespace {

// The same problems and the same history (organisations, projects, their members and roles).
bool same_reading(const interreg::HistoryReadResult& a, const interreg::HistoryReadResult& b) {
    if (a.problems.size() != b.problems.size()) return false;
    for (std::size_t i = 0; i < a.problems.size(); ++i) {
        if (a.problems[i].line != b.problems[i].line || a.problems[i].message != b.problems[i].message) return false;
    }
    const auto &x = *a.history, &y = *b.history;
    if (x.organisations().size() != y.organisations().size() || x.projects().size() != y.projects().size()) return false;
    for (std::size_t o = 0; o < x.organisations().size(); ++o) {
        const auto &p = x.organisations()[o], &q = y.organisations()[o];
        if (p.name != q.name || p.key != q.key || p.country != q.country || p.region != q.region ||
            p.org_type != q.org_type || p.organisation_number != q.organisation_number) {
            return false;
        }
    }
    for (std::uint32_t p = 0; p < x.projects().size(); ++p) {
        const auto &r = x.projects()[p], &s = y.projects()[p];
        if (r.id != s.id || r.programme != s.programme || r.period != s.period || r.period_rank != s.period_rank) return false;
        const auto [a0, a1] = x.members(p);
        const auto [b0, b1] = y.members(p);
        if (!std::equal(a0, a1, b0, b1)) return false;
        for (auto m = a0; m != a1; ++m) {
            if (x.role(p, *m) != y.role(p, *m)) return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t window = std::size_t{1} << (size > 0 ? data[0] % 13 : 0);  // tiny ones as often as larger
    std::optional<interreg::HistoryReadResult> windowed;
    std::string windowed_refusal;
    try {
        windowed = interreg::read_history_csv(text, window);
    } catch (const interreg::FormatError& e) {
        windowed_refusal = e.what();
    }
    try {
        const interreg::HistoryReadResult read = interreg::read_history_csv(text);
        if (!windowed || !same_reading(read, *windowed)) __builtin_trap();
        const auto& problems = read.problems;
        const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                           static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r')) + 1;
        for (std::size_t i = 0; i < problems.size(); ++i) {
            if (problems[i].line < 2 || problems[i].line > lines) __builtin_trap();  // after the header, in the text
            if (i > 0 && problems[i].line < problems[i - 1].line) __builtin_trap();  // in line order
            if (problems[i].message.empty()) __builtin_trap();
        }
        const interreg::History& h = *read.history;
        if (h.participation_count() + problems.size() > lines) __builtin_trap();  // a row is one or the other
        for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
            const auto [first, last] = h.members(p);
            if (first == last) __builtin_trap();  // a project exists because a row named it
            for (auto m = first; m != last; ++m) {
                if (*m >= h.organisations().size()) __builtin_trap();
            }
        }
    } catch (const interreg::FormatError& e) {
        if (windowed || windowed_refusal != e.what()) __builtin_trap();  // refused alike
    }
    return 0;
}
