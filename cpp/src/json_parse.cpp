// JSON text → JsonDocument: nlohmann's SAX parser (linear time, strict), its events put straight
// into the compact document; nesting and value-count limits enforced before anything more is
// built, duplicate keys refused, and errors that give line, column and the JSON Pointer of the
// value being read. Most documents are first read by a plain reader that gives the builder the
// same events at a fraction of the cost, and hands anything unusual to the SAX parser.
#include <algorithm>
#include <limits>
#include <optional>
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

// The JSON documents are made of, read without the SAX parser's per-byte bookkeeping (it copies
// every byte of every token twice, once for its error messages): the same events, in the same
// order, to the same builder. It reads objects, arrays, strings (valid UTF-8, every escape),
// integers of up to 19 digits, true, false and null; anything else (a fraction or exponent, a
// longer integer, a byte order mark, a lone surrogate, any error, a limit reached, a duplicate
// key) stops it, and the SAX parser reads the whole text instead, with its own messages.
class PlainReader {
public:
    explicit PlainReader(std::string_view text) : text_(text), builder_(text.size()) {}

    std::optional<JsonDocument> read() {
        skip_space();
        if (!value()) return std::nullopt;
        skip_space();
        if (at_ != text_.size()) return std::nullopt;
        return builder_.finish();
    }

private:
    bool value() {
        if (at_ == text_.size()) return false;
        switch (text_[at_]) {
            case '{': return object();
            case '[': return array();
            case '"': {
                std::string_view s;
                if (!string(s) || !count()) return false;
                builder_.string(s);
                return true;
            }
            case 't': return literal("true") && count() && (builder_.boolean(true), true);
            case 'f': return literal("false") && count() && (builder_.boolean(false), true);
            case 'n': return literal("null") && count() && (builder_.null(), true);
            default: return number();
        }
    }

    bool object() {
        if (!open()) return false;
        builder_.start_object();
        ++at_;
        skip_space();
        if (next_is('}')) return !builder_.end_object();
        for (;;) {
            skip_space();
            std::string_view key;
            if (at_ == text_.size() || text_[at_] != '"' || !string(key)) return false;
            builder_.key(key);
            skip_space();
            if (!next_is(':')) return false;
            skip_space();
            if (!value()) return false;
            skip_space();
            if (next_is(',')) continue;
            return next_is('}') && !builder_.end_object();
        }
    }

    bool array() {
        if (!open()) return false;
        builder_.start_array();
        ++at_;
        skip_space();
        if (next_is(']')) return builder_.end_array(), true;
        for (;;) {
            skip_space();
            if (!value()) return false;
            skip_space();
            if (next_is(',')) continue;
            return next_is(']') && (builder_.end_array(), true);
        }
    }

    // A string at the opening quote: a view of the text, or of scratch_ when it has escapes.
    bool string(std::string_view& out) {
        std::size_t from = ++at_;
        bool copied = false;
        for (;;) {
            while (at_ < text_.size() && plain_byte(text_[at_])) ++at_;
            if (at_ == text_.size()) return false;
            const auto c = static_cast<unsigned char>(text_[at_]);
            if (c == '"') {
                const std::string_view tail = text_.substr(from, at_++ - from);
                if (!copied) {
                    out = tail;
                } else {
                    out = scratch_.append(tail);
                }
                return true;
            }
            if (c >= 0x80) {
                const std::size_t n = text::utf8_sequence_length(text_, at_);
                if (n == 0) return false;
                at_ += n;
                continue;
            }
            if (c != '\\') return false;  // a control character, which JSON writes escaped
            if (!copied) scratch_.clear();
            copied = true;
            scratch_.append(text_.substr(from, at_ - from));
            if (!escape()) return false;
            from = at_;
        }
    }

    // The escape at a backslash, appended to scratch_.
    bool escape() {
        if (++at_ == text_.size()) return false;
        const char c = text_[at_++];
        switch (c) {
            case '"': case '\\': case '/': scratch_ += c; return true;
            case 'b': scratch_ += '\b'; return true;
            case 'f': scratch_ += '\f'; return true;
            case 'n': scratch_ += '\n'; return true;
            case 'r': scratch_ += '\r'; return true;
            case 't': scratch_ += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        std::uint32_t cp = 0;
        if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low one must follow
            std::uint32_t low = 0;
            if (text_.substr(at_, 2) != "\\u") return false;
            at_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        text::append_utf8(scratch_, cp);
        return true;
    }

    bool hex4(std::uint32_t& cp) {
        if (text_.size() - at_ < 4) return false;
        for (int k = 0; k < 4; ++k) {
            const char h = text_[at_++];
            int digit = -1;
            if (h >= '0' && h <= '9') digit = h - '0';
            if (h >= 'a' && h <= 'f') digit = h - 'a' + 10;
            if (h >= 'A' && h <= 'F') digit = h - 'A' + 10;
            if (digit < 0) return false;
            cp = cp << 4 | static_cast<std::uint32_t>(digit);
        }
        return true;
    }

    // An integer: the SAX parser gives a non-negative one as unsigned, a negative one as signed.
    bool number() {
        const bool negative = text_[at_] == '-';
        if (negative) ++at_;
        const std::size_t first = at_;
        std::uint64_t v = 0;
        while (at_ < text_.size() && is_digit(text_[at_])) {
            if (at_ - first == 19) return false;  // 20 digits may pass 64 bits: the SAX parser decides
            v = v * 10 + static_cast<std::uint64_t>(text_[at_++] - '0');
        }
        const std::size_t digits = at_ - first;
        if (digits == 0 || (digits > 1 && text_[first] == '0')) return false;
        if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E')) return false;
        if (!count()) return false;
        if (!negative) {
            builder_.unsigned_integer(v);
        } else if (v <= std::uint64_t{1} << 63) {
            builder_.integer(v == std::uint64_t{1} << 63 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(v));
        } else {
            return false;
        }
        return true;
    }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }

    // The limits the SAX path enforces with a message: reaching one hands the text over.
    bool count() { return ++values_ <= max_document_values; }
    bool open() { return builder_.depth() < static_cast<std::size_t>(max_nesting_depth) && count(); }

    bool next_is(char c) {
        if (at_ == text_.size() || text_[at_] != c) return false;
        ++at_;
        return true;
    }

    void skip_space() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) ++at_;
    }

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    // Printable ASCII other than the quote and the backslash: a string's bytes taken as they are.
    static bool plain_byte(char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
    }

    std::string_view text_;
    std::size_t at_ = 0;
    JsonDocument::Builder builder_;
    std::string scratch_;  // a string with escapes, unescaped
    std::size_t values_ = 0;
};

}  // namespace

namespace detail {

std::optional<JsonDocument> read_plain_json(std::string_view text) { return PlainReader(text).read(); }

JsonDocument read_json_sax(std::string_view text, DocumentKind kind) {
    TapeBuilder builder(text, kind);
    json::sax_parse(text.begin(), text.end(), &builder);
    return builder.take();
}

}  // namespace detail

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
    if (auto plain = detail::read_plain_json(text)) return std::move(*plain);
    return detail::read_json_sax(text, kind);
}

}  // namespace interreg
