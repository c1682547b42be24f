// Rules about the document itself: raised when a file cannot be read as a proposal, before
// any programme rule can run (batch.hpp). No programme switches them; every batch applies them.
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace rules {

std::vector<RuleDef> document() {
    return {
        {"document.file", Severity::error, "The file can be read", {}, nullptr},
        {"document.format", Severity::error, "The file is a proposal document of the library's format", {}, nullptr},
        {"document.programme", Severity::error, "The document names a programme that is available", {}, nullptr},
        {"document.unreadable", Severity::error, "Every entry of a folder being checked can be read", {}, nullptr},
    };
}

}  // namespace rules

Finding document_finding(std::string_view rule, std::string message, std::string path) {
    const RuleDef* def = find_rule(rule);
    // The message may quote a file name that is not UTF-8: its odd bytes are written as \xNN.
    return {std::string(def->id), def->severity, text::escape_invalid_utf8(message), text::escape_invalid_utf8(path),
            "The interreg proposal format (docs/proposal-format.md)", false};
}

}  // namespace interreg
