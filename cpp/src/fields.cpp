#include "interreg/fields.hpp"

#include <cstdio>

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

std::string code_point(unsigned value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "U+%04X", value);
    return buf;
}

}  // namespace

void check_text(std::string_view field, std::string_view value, TextRule rule) {
    const std::string name(field);
    if (!text::valid_utf8(value)) {
        throw ArgumentError(name, "is not valid UTF-8 text (a lone surrogate or a stray byte): " +
                                      text::escape_invalid_utf8(value.substr(0, 80)));
    }
    if (rule.required && value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw ArgumentError(name, "must not be empty");
    }
    std::size_t characters = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if ((byte & 0xC0) != 0x80) ++characters;
        unsigned control = 0x100;  // none
        if (byte < 0x20 || byte == 0x7F) control = byte;
        else if (byte == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) < 0xA0) {
            control = static_cast<unsigned char>(value[i + 1]);  // U+0080..U+009F (C1)
        }
        if (control == 0x100 || (rule.multiline && (control == '\t' || control == '\n'))) continue;
        throw ArgumentError(name, "contains the control character " + code_point(control) + " at character " +
                                      std::to_string(characters) + "; " +
                                      (rule.multiline ? "only tab and newline (\\n) may break the text"
                                                      : "this text is a single line without tabs or control characters"));
    }
    if (characters > rule.max_length) {
        throw ArgumentError(name, "text is " + std::to_string(characters) + " characters; the limit is " +
                                      std::to_string(rule.max_length));
    }
}

void check_range(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max) {
    if (value < min || value > max) {
        throw ArgumentError(std::string(field), "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                                    ", not " + std::to_string(value));
    }
}

}  // namespace interreg
