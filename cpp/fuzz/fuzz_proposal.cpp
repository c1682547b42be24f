// libFuzzer target: the proposal reader. Any text either becomes a proposal or raises one of
// the library's errors; a proposal that was read writes out and reads back to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    interreg::Proposal proposal;
    try {
        proposal = interreg::parse_proposal(text);
    } catch (const interreg::Error&) {
        return 0;  // refused with a located error: what a bad document should get
    }
    const std::string saved = interreg::dump_proposal(proposal);
    const std::string again = interreg::dump_proposal(interreg::parse_proposal(saved));
    if (saved != again) __builtin_trap();  // save → load → save must be byte-identical
    return 0;
}
