#include "interreg/json_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "interreg/errors.hpp"
#include "interreg/files.hpp"
#include "interreg/fields.hpp"
#include "interreg/text.hpp"

namespace interreg {

void throw_document_error(DocumentKind kind, std::string path, std::string detail) {
    if (kind == DocumentKind::programme) throw ProgrammeError(std::move(path), std::move(detail));
    if (kind == DocumentKind::argument) {
        // An API argument read like a document value: the field is its path without the slash.
        throw ArgumentError(path.empty() || path[0] != '/' ? path : path.substr(1), std::move(detail));
    }
    throw FormatError(std::move(path), std::move(detail));
}

JsonDocument load_json_file(const std::string& path, DocumentKind kind) {
    return parse_json(read_regular_file(path, max_document_bytes,
                                        [&](std::size_t size) {
                                            throw_document_error(kind, "", "'" + shown_path(path) + "' is " + std::to_string(size) +
                                                                               " bytes; the limit is " +
                                                                               std::to_string(max_document_bytes));
                                        }),
                      kind);
}

std::string pointer_append(const std::string& path, std::string_view key) {
    std::string out = path;
    out += '/';
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_append(const std::string& path, std::size_t index) {
    return path + "/" + std::to_string(index);
}

std::string JsonReader::path() const {
    std::string out(root_);
    for (std::uint8_t i = 0; i < depth_; ++i) {
        out = steps_[i].key ? pointer_append(out, std::string_view(steps_[i].key, steps_[i].n))
                            : pointer_append(out, steps_[i].n);
    }
    return out;
}

JsonReader JsonReader::child(JsonValue value, Step step) const {
    if (depth_ == max_depth) throw std::logic_error("JsonReader: read deeper than max_depth at " + path());
    JsonReader out(*this);
    out.value_ = value;
    out.steps_[out.depth_++] = step;
    return out;
}

void JsonReader::fail(const std::string& detail) const { throw_document_error(kind_, path(), detail); }

std::string JsonReader::type_name() const {
    switch (value_.type()) {
        case JsonValue::Type::integer:
        case JsonValue::Type::unsigned_integer: return "an integer";
        case JsonValue::Type::floating: return "a number";
        case JsonValue::Type::string: return "a string";
        case JsonValue::Type::boolean: return "a boolean";
        case JsonValue::Type::null: return "null";
        case JsonValue::Type::array: return "an array";
        case JsonValue::Type::object: break;
    }
    return "an object";
}

// Every key of `value` among `allowed` (strings or views), else a DocumentError at the first other.
template <class Names>
void JsonReader::check_keys(const Names& allowed) const {
    if (!value_.is_object()) fail("expected an object, found " + type_name());
    for (std::size_t i = 0; i < value_.size(); ++i) {
        const std::string_view key = value_.key(i);
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        throw_document_error(kind_, pointer_append(path(), key),
                             "unknown key '" + std::string(key) + "'; valid keys, nearest first: " +
                                 text::join_choices(text::nearest(key, names, names.size()), ", "));
    }
}

const JsonReader& JsonReader::expect_object(std::initializer_list<std::string_view> allowed) const {
    check_keys(allowed);  // no copy of the names: every object a document holds is checked
    return *this;
}

const JsonReader& JsonReader::expect_object(const std::vector<std::string>& allowed) const {
    check_keys(allowed);
    return *this;
}

JsonReader JsonReader::at(std::string_view key) const {
    if (!value_.is_object()) fail("expected an object, found " + type_name());
    const auto member = value_.find(key);
    if (!member) fail("missing required key '" + std::string(key) + "'");
    return child(member->second, {member->first.data(), member->first.size()});
}

std::optional<JsonReader> JsonReader::find(std::string_view key) const {
    if (!value_.is_object()) fail("expected an object, found " + type_name());
    const auto member = value_.find(key);
    if (!member || member->second.is_null()) return std::nullopt;
    return child(member->second, {member->first.data(), member->first.size()});
}

std::vector<JsonReader> JsonReader::items(std::size_t max_items) const {
    if (!value_.is_array()) fail("expected an array, found " + type_name());
    if (value_.size() > max_items) {
        fail("has " + std::to_string(value_.size()) + " items; the limit is " + std::to_string(max_items));
    }
    std::vector<JsonReader> out;
    out.reserve(value_.size());
    std::size_t i = 0;
    for (const JsonValue item : value_.items()) out.push_back(child(item, {nullptr, i++}));
    return out;
}

std::vector<std::pair<std::string_view, JsonReader>> JsonReader::members() const {
    if (!value_.is_object()) fail("expected an object, found " + type_name());
    std::vector<std::pair<std::string_view, JsonReader>> out;
    out.reserve(value_.size());
    for (std::size_t i = 0; i < value_.size(); ++i) {
        const std::string_view key = value_.key(i);
        out.emplace_back(key, child(value_.value(i), {key.data(), key.size()}));
    }
    return out;
}

std::string JsonReader::string(std::size_t max_length) const {
    if (!value_.is_string()) fail("expected a string, found " + type_name());
    const std::string_view s = value_.string();
    if (s.size() > max_length && text::utf8_length(s) > max_length) {  // never more characters than bytes
        fail("text is " + std::to_string(text::utf8_length(s)) + " characters; the limit is " +
             std::to_string(max_length));
    }
    return std::string(s);
}

std::string JsonReader::nonempty_string(std::size_t max_length) const {
    std::string s = string(max_length);
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) fail("must not be empty");
    return s;
}

std::int64_t JsonReader::integer(std::int64_t min, std::int64_t max) const {
    const auto range = [&] { return "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not "; };
    if (value_.type() == JsonValue::Type::unsigned_integer) fail(range() + std::to_string(value_.unsigned_integer()));
    if (value_.type() != JsonValue::Type::integer) fail("expected an integer, found " + type_name());
    const auto v = value_.integer();
    try {
        check_range("", v, min, max);
    } catch (const ArgumentError& e) {
        fail(e.detail());
    }
    return v;
}

std::string JsonReader::text(TextRule rule) const {
    if (!value_.is_string()) fail("expected a string, found " + type_name());
    const std::string_view s = value_.string();
    try {
        check_text("", s, rule);
    } catch (const ArgumentError& e) {
        fail(e.detail());
    }
    return std::string(s);
}

bool JsonReader::boolean() const {
    if (value_.type() != JsonValue::Type::boolean) fail("expected true or false, found " + type_name());
    return value_.boolean();
}

std::vector<std::string> JsonReader::strings() const {
    std::vector<std::string> out;
    for (const auto& item : items()) out.push_back(item.string());
    return out;
}

std::string JsonReader::choice(const std::vector<std::string>& choices) const {
    std::string s = string();
    for (const auto& c : choices) {
        if (c == s) return s;
    }
    fail("'" + s + "' is not valid; choose one of (nearest first): " +
         text::join_choices(text::nearest(s, choices, choices.size()), ", "));
}

}  // namespace interreg
