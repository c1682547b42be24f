// JSON text → nlohmann::json through a SAX handler of our own: linear time (the callback
// parser re-scans containers), nesting and value-count limits enforced before anything more is built,
// duplicate keys refused, and errors that give line, column and the JSON Pointer of the
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

class DomBuilder {
public:
    DomBuilder(std::string_view text, DocumentKind kind) : text_(text), kind_(kind) {}

    json take() { return std::move(root_); }

    bool null() { return add(nullptr); }
    bool boolean(bool v) { return add(v); }
    bool number_integer(json::number_integer_t v) { return add(v); }
    bool number_unsigned(json::number_unsigned_t v) { return add(v); }
    bool number_float(json::number_float_t v, const std::string&) { return add(v); }
    bool string(std::string& v) { return add(std::move(v)); }
    bool binary(json::binary_t& v) { return add(json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        // The member goes in now, as null, and the value coming next fills it: one lookup.
        auto& object = stack_.back().container->get_ref<json::object_t&>();
        const auto [it, added] = object.emplace(std::move(k), nullptr);
        if (!added) fail(pointer_append(path(), it->first), "duplicate key '" + it->first + "' (each key may appear once)");
        stack_.back().key = &it->first;
        stack_.back().slot = &it->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        fail(path(), "not valid JSON at " + where(position) + ": " + reason(e));
        return false;
    }

private:
    // An open object or array, and in an object the member being read.
    struct Open {
        json* container;
        const std::string* key = nullptr;  // the member's key (in the object itself)
        json* slot = nullptr;              // its value
    };

    // The JSON Pointer of the value being read: the pending key, or the next index.
    std::string path() const {
        std::string out;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const Open& open = stack_[i];
            if (open.container->is_object()) {
                if (open.key) out = pointer_append(out, *open.key);
            } else {
                const std::size_t n = open.container->size();
                out = pointer_append(out, i + 1 == stack_.size() ? n : n - 1);
            }
        }
        return out;
    }

    bool add(json value) {
        count();
        insert(std::move(value));
        if (!stack_.empty()) stack_.back().key = nullptr;  // the member (if any) is complete
        return true;
    }

    void count() {
        if (++values_ > max_document_values) {
            fail(path(), "too many values (objects, arrays, strings, numbers...): the limit is " +
                             std::to_string(max_document_values) + " per document");
        }
    }

    // Put a value where the document is: the root, the next item of an array, or the pending member.
    json* insert(json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Open& parent = stack_.back();
        if (parent.container->is_array()) {
            parent.container->push_back(std::move(value));
            return &parent.container->back();
        }
        *parent.slot = std::move(value);
        return parent.slot;
    }

    bool open(json container) {
        if (stack_.size() >= static_cast<std::size_t>(max_nesting_depth)) {
            fail(path(), "values are nested more than " + std::to_string(max_nesting_depth) + " levels deep");
        }
        count();
        stack_.push_back({insert(std::move(container))});
        return true;
    }

    bool close() {
        stack_.pop_back();
        if (!stack_.empty()) stack_.back().key = nullptr;  // the member is complete
        return true;
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
    json root_;
    std::vector<Open> stack_;  // outermost first
    std::size_t values_ = 0;   // values read so far
};

}  // namespace

nlohmann::json parse_json(std::string_view text, DocumentKind kind) {
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
    DomBuilder builder(text, kind);
    json::sax_parse(text.begin(), text.end(), &builder);
    return builder.take();
}

}  // namespace interreg
