#pragma once
// Strict, path-aware reading of JSON documents. Every error names the JSON Pointer of the
// value at fault and says what would be valid.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace interreg {

enum class DocumentKind { proposal, programme };

// Limits on any JSON document the library reads (docs/limits.md).
inline constexpr std::size_t max_document_bytes = 64u << 20;
inline constexpr int max_nesting_depth = 64;
// Values of any kind (objects, arrays, strings, numbers...) in one document: bounds the memory a
// document can take once parsed (a 64 MiB file of "[[],[],..." would otherwise need gigabytes).
inline constexpr std::size_t max_document_values = 4'000'000;

// Parse JSON text; a syntax error, invalid UTF-8, a number out of range, nesting deeper than
// max_nesting_depth, more than max_document_values values or text over max_document_bytes
// throws FormatError (or ProgrammeError).
nlohmann::json parse_json(std::string_view text, DocumentKind kind);

// Read a whole file (IoError if it cannot be read) and parse it.
nlohmann::json load_json_file(const std::string& path, DocumentKind kind);

// "/partners/2" + "name" → "/partners/2/name" (RFC 6901 escaping).
std::string pointer_append(const std::string& path, std::string_view key);
std::string pointer_append(const std::string& path, std::size_t index);

class JsonReader {
public:
    JsonReader(const nlohmann::json& value, std::string path, DocumentKind kind)
        : value_(&value), path_(std::move(path)), kind_(kind) {}

    const nlohmann::json& json() const { return *value_; }
    const std::string& path() const { return path_; }
    bool is_null() const { return value_->is_null(); }

    // Require an object whose keys are all in `allowed` (else the error lists them).
    const JsonReader& expect_object(std::initializer_list<std::string_view> allowed) const;
    // The value under a key that must be present.
    JsonReader at(std::string_view key) const;
    // The value under a key, or nullopt when absent or null.
    std::optional<JsonReader> find(std::string_view key) const;
    // Items of an array (throws unless this is an array of at most `max_items`).
    std::vector<JsonReader> items(std::size_t max_items = 100000) const;
    // Members of an object as (key, reader) pairs.
    std::vector<std::pair<std::string, JsonReader>> members() const;

    std::string string(std::size_t max_length = 100000) const;
    std::string nonempty_string(std::size_t max_length = 100000) const;
    std::int64_t integer(std::int64_t min, std::int64_t max) const;
    bool boolean() const;
    std::vector<std::string> strings() const;
    // One of `choices` (the error lists them, nearest first).
    std::string choice(const std::vector<std::string>& choices) const;

    [[noreturn]] void fail(const std::string& detail) const;

private:
    std::string type_name() const;
    const nlohmann::json* value_;
    std::string path_;
    DocumentKind kind_;
};

[[noreturn]] void throw_document_error(DocumentKind kind, std::string path, std::string detail);

}  // namespace interreg
