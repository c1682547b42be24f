// libFuzzer target: the compact document against nlohmann's own tree, on any text. Where the
// library accepts a text, nlohmann accepts it too and both hold the same values; where the
// library refuses one that nlohmann accepts, it is for a rule of ours (depth, value count,
// duplicate key, NUL byte, UTF-16/32, empty text), never an accident. And whatever the plain
// reader reads, the SAX parser reads to the very same document, types and all.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

namespace {

bool our_rule(const std::string& message) {
    for (const char* reason : {"nested more than", "too many values", "duplicate key", "NUL byte", "UTF-16", "UTF-32",
                               "document is empty"}) {
        if (message.find(reason) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nlohmann::json theirs;
    bool they_accept = true;
    try {
        theirs = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        they_accept = false;
    }
    if (const auto plain = interreg::detail::read_plain_json(text)) {
        try {
            if (!(plain->root() == interreg::detail::read_json_sax(text, interreg::DocumentKind::proposal).root())) __builtin_trap();
        } catch (const interreg::FormatError&) {
            __builtin_trap();  // the plain reader read what the SAX parser refuses
        }
    }
    try {
        const interreg::JsonDocument ours = interreg::parse_json(text, interreg::DocumentKind::proposal);
        if (!they_accept) __builtin_trap();                // we accepted what is not JSON
        if (ours.root().to_json() != theirs) __builtin_trap();  // or read other values
    } catch (const interreg::FormatError& e) {
        if (they_accept && !our_rule(e.what())) __builtin_trap();  // refused valid JSON for no rule of ours
    }
    return 0;
}
