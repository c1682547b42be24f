#pragma once
// Strict, path-aware reading of JSON documents. Every error names the JSON Pointer of the
// value at fault and says what would be valid.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/fields.hpp"
#include "interreg/json_document.hpp"

namespace interreg {

// What is being read: a document (errors are FormatError or ProgrammeError at a JSON path) or
// the fields of an API call given as JSON (ArgumentError naming the field).
enum class DocumentKind { proposal, programme, argument };

// Limits on any JSON document the library reads (docs/limits.md).
inline constexpr std::size_t max_document_bytes = 64u << 20;
inline constexpr int max_nesting_depth = 64;
// Values of any kind (objects, arrays, strings, numbers...) in one document: bounds the memory a
// document can take once parsed (a 64 MiB file of "[[],[],..." would otherwise need gigabytes).
inline constexpr std::size_t max_document_values = 4'000'000;

// Parse JSON text; a syntax error, invalid UTF-8, a number out of range, nesting deeper than
// max_nesting_depth, more than max_document_values values or text over max_document_bytes
// throws FormatError (or ProgrammeError).
JsonDocument parse_json(std::string_view text, DocumentKind kind);

namespace detail {
// The two readers parse_json uses, for the tests that hold them to the same documents: the plain
// reader (nullopt for any text it leaves to the other) and nlohmann's SAX parser.
std::optional<JsonDocument> read_plain_json(std::string_view text);
JsonDocument read_json_sax(std::string_view text, DocumentKind kind);
}  // namespace detail

// Read a whole file (IoError if it cannot be read) and parse it.
JsonDocument load_json_file(const std::string& path, DocumentKind kind);

// "/partners/2" + "name" → "/partners/2/name" (RFC 6901 escaping).
std::string pointer_append(const std::string& path, std::string_view key);
std::string pointer_append(const std::string& path, std::size_t index);

class JsonReader {
public:
    // `root` is the JSON Pointer of `value` in its document ("" for the whole document), which
    // must outlive the reader.
    JsonReader(JsonValue value, std::string root, DocumentKind kind)
        : value_(value), root_(std::move(root)), kind_(kind) {}

    DocumentKind kind() const { return kind_; }
    // The JSON Pointer of this value, e.g. "/partners/2/name".
    std::string path() const;
    bool is_null() const { return value_.is_null(); }
    bool is_string() const { return value_.is_string(); }
    bool is_object() const { return value_.is_object(); }
    // The value as it is (a rule's parameters, kept with the programme).
    nlohmann::json to_json() const { return value_.to_json(); }

    // Require an object whose keys are all in `allowed` (else the error lists them).
    const JsonReader& expect_object(std::initializer_list<std::string_view> allowed) const;
    const JsonReader& expect_object(const std::vector<std::string>& allowed) const;
    // The value under a key that must be present.
    JsonReader at(std::string_view key) const;
    // The value under a key, or nullopt when absent or null.
    std::optional<JsonReader> find(std::string_view key) const;
    // Items of an array (throws unless this is an array of at most `max_items`).
    std::vector<JsonReader> items(std::size_t max_items = 100000) const;
    // Members of an object as (key, reader) pairs.
    std::vector<std::pair<std::string_view, JsonReader>> members() const;  // keys: views of the document's

    std::string string(std::size_t max_length = 100000) const;
    // A string that check_text accepts for `rule` (fields.hpp): the proposal's texts.
    std::string text(TextRule rule) const;
    std::string nonempty_string(std::size_t max_length = 100000) const;
    std::int64_t integer(std::int64_t min, std::int64_t max) const;
    bool boolean() const;
    std::vector<std::string> strings() const;
    // One of `choices` (the error lists them, nearest first).
    std::string choice(const std::vector<std::string>& choices) const;

    [[noreturn]] void fail(const std::string& detail) const;

    // How deep below its root a reader may go (the formats are far shallower).
    static constexpr std::size_t max_depth = 12;

private:
    // One step down from the root: an object key (a view of the key stored in the document, so
    // it lives as long as the value) or an array index. The path is kept as these steps and
    // written out only when an error names it: most values never need it.
    struct Step {
        const char* key;  // nullptr: an array index
        std::size_t n;    // the key's length, or the index
    };
    JsonReader child(JsonValue value, Step step) const;
    std::string type_name() const;
    template <class Names>
    void check_keys(const Names& allowed) const;

    JsonValue value_;
    std::string root_;  // short in practice ("" or "/work_plan"): copied with the reader, no allocation
    DocumentKind kind_;
    std::uint8_t depth_ = 0;
    Step steps_[max_depth];
};

[[noreturn]] void throw_document_error(DocumentKind kind, std::string path, std::string detail);

}  // namespace interreg
