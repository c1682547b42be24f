#pragma once
// A JSON document held compactly for reading. Every value is one 8-byte node in document order,
// strings and keys are unescaped back to back in one buffer, and each object keeps its members'
// keys sorted for lookup: 4 to 12 bytes per value where a tree of nlohmann::json values takes 50
// to 100, so that reading even the densest document the limits admit stays within a few times
// its size (docs/limits.md).
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace interreg {

class JsonValue;

class JsonDocument {
public:
    class Builder;

    // The same value held compactly (API arguments given as nlohmann values).
    static JsonDocument from(const nlohmann::json& value);
    static JsonDocument from(const nlohmann::ordered_json& value);

    JsonValue root() const;

private:
    friend class JsonValue;
    struct Node {
        std::uint32_t head;  // the kind (low 4 bits) and a string's length or a container's size
        std::uint32_t data;  // a small integer, a string's offset, an array's end, an object's index
    };
    struct Data {
        std::vector<Node> nodes;
        std::vector<std::uint32_t> members;  // per non-empty object: its end, then its key nodes sorted by key
        std::string strings;
        std::vector<std::uint64_t> numbers;  // integers beyond 32 bits and floating-point numbers
    };
    explicit JsonDocument(std::unique_ptr<Data> data) : data_(std::move(data)) {}
    std::unique_ptr<Data> data_;  // behind a pointer: values stay valid when the document moves
};

// One value of a JsonDocument (which must outlive it).
class JsonValue {
public:
    enum class Type : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

    Type type() const;
    bool is_null() const { return type() == Type::null; }
    bool is_object() const { return type() == Type::object; }
    bool is_array() const { return type() == Type::array; }
    bool is_string() const { return type() == Type::string; }

    // The value; each requires its type (unsigned_integer: an integer above INT64_MAX).
    bool boolean() const;
    std::int64_t integer() const;
    std::uint64_t unsigned_integer() const;
    double floating() const;
    std::string_view string() const;

    // Items of an array or members of an object; 0 for anything else.
    std::size_t size() const;

    // An array's items in order.
    class Items;
    Items items() const;

    // An object's members in key order (bytewise, as std::map orders them): the i-th key and value.
    std::string_view key(std::size_t i) const;
    JsonValue value(std::size_t i) const;
    // The member under `key`, if the object has it: the key as the document holds it, and its value.
    std::optional<std::pair<std::string_view, JsonValue>> find(std::string_view key) const;

    // The value as nlohmann::json (a rule's parameters, kept with the programme).
    nlohmann::json to_json() const;

    // The same values of the same types (a floating 1.0 is not the integer 1), members in the same order.
    bool operator==(const JsonValue& other) const;
    bool operator!=(const JsonValue& other) const { return !(*this == other); }

private:
    friend class JsonDocument;
    using Node = JsonDocument::Node;
    JsonValue(const JsonDocument::Data* data, std::uint32_t index) : d_(data), i_(index) {}
    const Node& node() const { return d_->nodes[i_]; }
    std::uint32_t member_key(std::size_t i) const;  // the node of the i-th key
    std::uint32_t end() const;                      // the node after this value and all it holds

    const JsonDocument::Data* d_;
    std::uint32_t i_;
};

class JsonValue::Items {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = JsonValue;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = JsonValue;
        JsonValue operator*() const { return value_; }
        iterator& operator++() {
            value_.i_ = value_.end();
            return *this;
        }
        bool operator==(const iterator& o) const { return value_.i_ == o.value_.i_; }
        bool operator!=(const iterator& o) const { return !(*this == o); }

    private:
        friend class Items;
        explicit iterator(JsonValue v) : value_(v) {}
        JsonValue value_;
    };
    iterator begin() const { return iterator(first_); }
    iterator end() const { return iterator(last_); }

private:
    friend class JsonValue;
    Items(JsonValue first, JsonValue last) : first_(first), last_(last) {}
    JsonValue first_, last_;
};

// Builds a document from a parser's events or another tree. Keys go before their values;
// containers are closed in order. The caller enforces depth and count limits.
class JsonDocument::Builder {
public:
    // `text_bytes`: the size of the text about to be read (0 if none), to reserve its worst case
    // once instead of growing (a vector that doubles holds three times its size while it moves).
    explicit Builder(std::size_t text_bytes = 0);

    void null();
    void boolean(bool v);
    void integer(std::int64_t v);
    void unsigned_integer(std::uint64_t v);
    void floating(double v);
    void string(std::string_view v);
    void key(std::string_view k);
    void start_array();
    void start_object();
    void end_array();
    // Closes an object; or, when it holds a key twice, returns that key and leaves the object open
    // (path() names it): the document is not valid and the builder is not to be used further.
    std::optional<std::string> end_object();

    // The JSON Pointer of the value being read: the pending key, or the next item's index.
    std::string path() const;
    std::size_t depth() const { return depth_; }

    JsonDocument finish();

private:
    struct Open {
        std::uint32_t node;
        std::uint32_t size = 0;          // items or members so far
        std::uint32_t key = 0;           // the pending member's key node (objects)
        bool keyed = false;              // a key waits for its value
        std::vector<std::uint32_t> keys;  // an object's key nodes so far
    };
    void add(std::uint32_t kind, std::uint32_t size, std::uint32_t data);
    void completed();
    std::uint32_t wide(std::uint64_t bits);

    std::unique_ptr<Data> data_;
    std::vector<Open> open_;  // open_[0, depth_) are open; deeper entries keep their key vectors for reuse
    std::size_t depth_ = 0;
};

}  // namespace interreg
