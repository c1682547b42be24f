// libFuzzer target: the participation table's CSV reader on any bytes. It reads the text or
// refuses it with a FormatError (no header columns, a wide encoding, too large); what it reads
// holds together: problems in line order after the header, every row either a participation
// or a problem, every participation's project and organisation in the history.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interreg/errors.hpp"
#include "interreg/history.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const interreg::HistoryReadResult read = interreg::read_history_csv(text);
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
    } catch (const interreg::FormatError&) {
    }
    return 0;
}
