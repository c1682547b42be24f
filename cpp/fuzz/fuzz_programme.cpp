// libFuzzer target: the programme reader. Any text either becomes a programme or raises one
// of the library's errors (ProgrammeError for a malformed document).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/programme.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto programme =
            interreg::Programme::from_json(interreg::parse_json(text, interreg::DocumentKind::programme).root());
        (void)programme->rules().size();
    } catch (const interreg::Error&) {
    }
    return 0;
}
