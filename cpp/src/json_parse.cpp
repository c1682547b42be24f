// JSON text → JsonDocument: nlohmann's SAX parser (linear time, strict), its events put straight
// into the compact document; nesting and value-count limits enforced before anything more is
// built, duplicate keys refused, and errors that give line, column and the JSON Pointer of the
// value being read.
#include <algorithm>
#include <string>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

using json = nlohmann::json;

class TapeBuilder {
public:
    TapeBuilder(std::string_view text, DocumentKind kind) : text_(text), kind_(kind), builder_(text.size()) {}

    JsonDocument take() { return builder_.finish(); }

    bool null() { count(); builder_.null(); return true; }
    bool boolean(bool v) { count(); builder_.boolean(v); return true; }
    bool number_integer(json::number_integer_t v) { count(); builder_.integer(v); return true; }
    bool number_unsigned(json::number_unsigned_t v) { count(); builder_.unsigned_integer(v); return true; }
    bool number_float(json::number_float_t v, const std::string&) { count(); builder_.floating(v); return true; }
    bool string(std::string& v) { count(); builder_.string(v); return true; }
    bool binary(json::binary_t&) { return true; }  // never produced by the JSON text parser

    bool start_object(std::size_t) { open(); builder_.start_object(); return true; }
    bool start_array(std::size_t) { open(); builder_.start_array(); return true; }
    bool end_array() { builder_.end_array(); return true; }
    bool end_object() {
        if (const auto key = builder_.end_object()) {  // the object stays open: path() names it
            fail(pointer_append(builder_.path(), *key), "duplicate key '" + *key + "' (each key may appear once)");
        }
        return true;
    }

    bool key(std::string& k) { builder_.key(k); return true; }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        fail(builder_.path(), "not valid JSON at " + where(position) + ": " + reason(e));
        return false;
    }

private:
    void count() {
        if (++values_ > max_document_values) {
            fail(builder_.path(), "too many values (objects, arrays, strings, numbers...): the limit is " +
                                      std::to_string(max_document_values) + " per document");
        }
    }

    void open() {
        if (builder_.depth() >= static_cast<std::size_t>(max_nesting_depth)) {
            fail(builder_.path(), "values are nested more than " + std::to_string(max_nesting_depth) + " levels deep");
        }
        count();
    }

    std::string where(std::size_t position) const {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < position && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    // nlohmann's message without its "[json.exception...] parse error at line L, column C: "
    // prefix (we say where ourselves), and with any invalid UTF-8 it quotes escaped.
    static std::string reason(const std::exception& e) {
        std::string what = e.what();
        if (!what.empty() && what.front() == '[') {
            const auto close = what.find("] ");
            if (close != std::string::npos) what.erase(0, close + 2);
        }
        const auto colon = what.find(": ");
        if (what.rfind("parse error", 0) == 0 && colon != std::string::npos) what.erase(0, colon + 2);
        return text::escape_invalid_utf8(what);
    }

    [[noreturn]] void fail(std::string path, std::string detail) const {
        throw_document_error(kind_, std::move(path), std::move(detail));
    }

    std::string_view text_;
    DocumentKind kind_;
    JsonDocument::Builder builder_;
    std::size_t values_ = 0;  // values read so far
};

}  // namespace

JsonDocument parse_json(std::string_view text, DocumentKind kind) {
    if (text.size() > max_document_bytes) {
        throw_document_error(kind, "", "document is " + std::to_string(text.size()) + " bytes; the limit is " +
                                           std::to_string(max_document_bytes));
    }
    // A JSON text holds no NUL byte (a NUL in a string is written \u0000), and the parser would
    // take one for the end of the input and ignore what follows it.
    if (const auto wide = text::wide_encoding(text); !wide.empty()) {
        throw_document_error(kind, "", "the document is " + std::string(wide) + " text; save it as UTF-8 and try again");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n') + 1;
        const auto line_start = text.rfind('\n', nul);
        const auto column = nul - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
        throw_document_error(kind, "", "the document holds a NUL byte at line " + std::to_string(line) + ", column " +
                                           std::to_string(column) + "; a JSON text has none (is the file padded or not JSON?)");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw_document_error(kind, "", "the document is empty; expected a JSON object");
    }
    TapeBuilder builder(text, kind);
    json::sax_parse(text.begin(), text.end(), &builder);
    return builder.take();
}

}  // namespace interreg
