#include "interreg/json_document.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

namespace interreg {
namespace {

// A node's kind, in the low four bits of its head.
enum Kind : std::uint32_t { null_kind, false_kind, true_kind, small_kind, wide_kind, unsigned_kind, floating_kind, string_kind, array_kind, object_kind };
constexpr std::uint32_t kind_bits = 4;
constexpr std::uint32_t max_size = (1u << (32 - kind_bits)) - 1;

std::uint32_t kind_of(std::uint32_t head) { return head & ((1u << kind_bits) - 1); }
std::uint32_t size_of(std::uint32_t head) { return head >> kind_bits; }

[[noreturn]] void too_large(const std::string& what) {
    throw ArgumentError("", "the document is too large to read: " + what);
}

std::uint32_t checked_size(std::size_t n, const char* what) {
    if (n > max_size) too_large(std::string(what) + " of " + std::to_string(n) + "; at most " + std::to_string(max_size));
    return static_cast<std::uint32_t>(n);
}

// Keys ordered bytewise, as std::string_view orders them; most keys of an object differ in their
// first byte, which is compared here rather than in a call of memcmp.
bool key_less(std::string_view a, std::string_view b) {
    if (!a.empty() && !b.empty() && a[0] != b[0]) return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
    return a < b;
}

template <class Json>
void build(JsonDocument::Builder& b, const Json& v) {
    switch (v.type()) {
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded: b.null(); break;
        case nlohmann::json::value_t::boolean: b.boolean(v.template get<bool>()); break;
        case nlohmann::json::value_t::number_integer: b.integer(v.template get<std::int64_t>()); break;
        case nlohmann::json::value_t::number_unsigned: b.unsigned_integer(v.template get<std::uint64_t>()); break;
        case nlohmann::json::value_t::number_float: b.floating(v.template get<double>()); break;
        case nlohmann::json::value_t::string: b.string(v.template get_ref<const std::string&>()); break;
        case nlohmann::json::value_t::binary: throw ArgumentError("", "binary data is not a JSON value");
        case nlohmann::json::value_t::array:
            b.start_array();
            for (const auto& item : v) build(b, item);
            b.end_array();
            break;
        case nlohmann::json::value_t::object:
            b.start_object();
            for (const auto& item : v.items()) {
                b.key(item.key());
                build(b, item.value());
            }
            b.end_object();  // a tree's keys are unique
            break;
    }
}

template <class Json>
JsonDocument convert(const Json& value) {
    JsonDocument::Builder b;
    build(b, value);
    return b.finish();
}

}  // namespace

// ---- JsonDocument -----------------------------------------------------------------------------

JsonDocument JsonDocument::from(const nlohmann::json& value) { return convert(value); }
JsonDocument JsonDocument::from(const nlohmann::ordered_json& value) { return convert(value); }

JsonValue JsonDocument::root() const { return JsonValue(data_.get(), 0); }

// ---- JsonValue --------------------------------------------------------------------------------

JsonValue::Type JsonValue::type() const {
    switch (kind_of(node().head)) {
        case null_kind: return Type::null;
        case false_kind:
        case true_kind: return Type::boolean;
        case small_kind:
        case wide_kind: return Type::integer;
        case unsigned_kind: return Type::unsigned_integer;
        case floating_kind: return Type::floating;
        case string_kind: return Type::string;
        case array_kind: return Type::array;
        default: return Type::object;
    }
}

bool JsonValue::boolean() const { return kind_of(node().head) == true_kind; }

std::int64_t JsonValue::integer() const {
    if (kind_of(node().head) == small_kind) return static_cast<std::int32_t>(node().data);
    return static_cast<std::int64_t>(d_->numbers[node().data]);
}

std::uint64_t JsonValue::unsigned_integer() const { return d_->numbers[node().data]; }

double JsonValue::floating() const {
    double v;
    std::memcpy(&v, &d_->numbers[node().data], sizeof v);
    return v;
}

std::string_view JsonValue::string() const { return {d_->strings.data() + node().data, size_of(node().head)}; }

std::size_t JsonValue::size() const {
    const auto kind = kind_of(node().head);
    return kind == array_kind || kind == object_kind ? size_of(node().head) : 0;
}

std::uint32_t JsonValue::end() const {
    switch (kind_of(node().head)) {
        case array_kind: return node().data;
        case object_kind: return size_of(node().head) == 0 ? i_ + 1 : d_->members[node().data];
        default: return i_ + 1;
    }
}

JsonValue::Items JsonValue::items() const { return Items(JsonValue(d_, i_ + 1), JsonValue(d_, end())); }

std::uint32_t JsonValue::member_key(std::size_t i) const { return d_->members[node().data + 1 + i]; }

std::string_view JsonValue::key(std::size_t i) const { return JsonValue(d_, member_key(i)).string(); }

JsonValue JsonValue::value(std::size_t i) const { return JsonValue(d_, member_key(i) + 1); }

std::optional<std::pair<std::string_view, JsonValue>> JsonValue::find(std::string_view key) const {
    if (size() == 0) return std::nullopt;
    const auto first = d_->members.begin() + node().data + 1;
    const auto last = first + static_cast<std::ptrdiff_t>(size());
    const auto it = std::lower_bound(first, last, key, [&](std::uint32_t k, std::string_view wanted) {
        return key_less(JsonValue(d_, k).string(), wanted);
    });
    if (it == last) return std::nullopt;
    const std::string_view found = JsonValue(d_, *it).string();
    if (found != key) return std::nullopt;
    return std::make_pair(found, JsonValue(d_, *it + 1));
}

bool JsonValue::operator==(const JsonValue& other) const {
    if (type() != other.type() || size() != other.size()) return false;
    switch (type()) {
        case Type::null: return true;
        case Type::boolean: return boolean() == other.boolean();
        case Type::integer: return integer() == other.integer();
        case Type::unsigned_integer: return unsigned_integer() == other.unsigned_integer();
        case Type::floating: {
            const double a = floating(), b = other.floating();
            return std::memcmp(&a, &b, sizeof a) == 0;  // the same bits: -0.0 is not 0.0
        }
        case Type::string: return string() == other.string();
        case Type::array: return std::equal(items().begin(), items().end(), other.items().begin());
        case Type::object:
            for (std::size_t i = 0; i < size(); ++i) {
                if (key(i) != other.key(i) || value(i) != other.value(i)) return false;
            }
            return true;
    }
    return false;
}

nlohmann::json JsonValue::to_json() const {
    switch (type()) {
        case Type::null: return nullptr;
        case Type::boolean: return boolean();
        case Type::integer: return integer();
        case Type::unsigned_integer: return unsigned_integer();
        case Type::floating: return floating();
        case Type::string: return std::string(string());
        case Type::array: {
            auto out = nlohmann::json::array();
            for (const JsonValue item : items()) out.push_back(item.to_json());
            return out;
        }
        case Type::object: {
            auto out = nlohmann::json::object();
            for (std::size_t i = 0; i < size(); ++i) out[std::string(key(i))] = value(i).to_json();
            return out;
        }
    }
    return nullptr;
}

// ---- Builder ----------------------------------------------------------------------------------

JsonDocument::Builder::Builder(std::size_t text_bytes) : data_(std::make_unique<Data>()) {
    // A value takes at least two bytes of text ("0," "[]" "{}" "\"\"" ...), a member five ("\"\":0,"),
    // an object with members six ("{\"\":0}").
    // Reserved pages that are never written take no memory; a small text is not worth it.
    if (text_bytes >= (64u << 10)) {
        data_->nodes.reserve(text_bytes / 2 + 2);
        data_->members.reserve(text_bytes / 3 + 2);
        data_->strings.reserve(text_bytes);
    }
}

void JsonDocument::Builder::add(std::uint32_t kind, std::uint32_t size, std::uint32_t data) {
    if (data_->nodes.size() >= std::numeric_limits<std::uint32_t>::max() - 1) too_large("over 4 billion values");
    if (depth_ > 0) {
        Open& parent = open_[depth_ - 1];
        if (kind_of(data_->nodes[parent.node].head) == object_kind && !parent.keyed) {
            throw std::logic_error("JsonDocument::Builder: an object's value without a key");
        }
        ++parent.size;
    }
    data_->nodes.push_back({kind | (size << kind_bits), data});
}

std::uint32_t JsonDocument::Builder::wide(std::uint64_t bits) {
    if (data_->numbers.size() >= std::numeric_limits<std::uint32_t>::max()) too_large("over 4 billion numbers");
    data_->numbers.push_back(bits);
    return static_cast<std::uint32_t>(data_->numbers.size() - 1);
}

void JsonDocument::Builder::null() {
    add(null_kind, 0, 0);
    completed();
}
void JsonDocument::Builder::boolean(bool v) {
    add(v ? true_kind : false_kind, 0, 0);
    completed();
}
void JsonDocument::Builder::integer(std::int64_t v) {
    if (v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max()) {
        add(small_kind, 0, static_cast<std::uint32_t>(static_cast<std::int32_t>(v)));
    } else {
        add(wide_kind, 0, wide(static_cast<std::uint64_t>(v)));
    }
    completed();
}
void JsonDocument::Builder::unsigned_integer(std::uint64_t v) {
    if (v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return integer(static_cast<std::int64_t>(v));
    add(unsigned_kind, 0, wide(v));
    completed();
}
void JsonDocument::Builder::floating(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    add(floating_kind, 0, wide(bits));
    completed();
}

void JsonDocument::Builder::string(std::string_view v) {
    const std::uint32_t size = checked_size(v.size(), "a string");
    const std::uint32_t offset = checked_size(data_->strings.size(), "text in all");
    data_->strings.append(v);
    add(string_kind, size, offset);
    completed();
}

void JsonDocument::Builder::key(std::string_view k) {
    Open& object = open_.at(depth_ - 1);
    const std::uint32_t size = checked_size(k.size(), "a key");
    const std::uint32_t offset = checked_size(data_->strings.size(), "text in all");
    data_->strings.append(k);
    object.key = static_cast<std::uint32_t>(data_->nodes.size());
    object.keys.push_back(object.key);
    object.keyed = true;
    data_->nodes.push_back({string_kind | (size << kind_bits), offset});
}

void JsonDocument::Builder::start_array() {
    add(array_kind, 0, 0);
    if (open_.size() == depth_) open_.emplace_back();
    Open& o = open_[depth_++];
    o.node = static_cast<std::uint32_t>(data_->nodes.size() - 1);
    o.size = 0;
    o.keyed = false;
}

void JsonDocument::Builder::start_object() {
    start_array();
    data_->nodes.back().head = object_kind;
    open_[depth_ - 1].keys.clear();
}

void JsonDocument::Builder::end_array() {
    Open& o = open_.at(depth_ - 1);
    const std::uint32_t end = static_cast<std::uint32_t>(data_->nodes.size());
    data_->nodes[o.node] = {array_kind | (checked_size(o.size, "an array") << kind_bits), end};
    --depth_;
    completed();
}

std::optional<std::string> JsonDocument::Builder::end_object() {
    Open& o = open_.at(depth_ - 1);
    const auto key_of = [&](std::uint32_t k) { return JsonValue(data_.get(), k).string(); };
    std::sort(o.keys.begin(), o.keys.end(), [&](std::uint32_t a, std::uint32_t b) { return key_less(key_of(a), key_of(b)); });
    const auto twice = std::adjacent_find(o.keys.begin(), o.keys.end(), [&](std::uint32_t a, std::uint32_t b) {
        return key_of(a) == key_of(b);
    });
    if (twice != o.keys.end()) return std::string(key_of(*twice));

    // An empty object has no entry (it ends where it starts): "{}" takes 8 bytes, like "[]".
    const std::uint32_t index = o.keys.empty() ? 0 : checked_size(data_->members.size(), "members in all");
    if (!o.keys.empty()) {
        data_->members.push_back(static_cast<std::uint32_t>(data_->nodes.size()));
        data_->members.insert(data_->members.end(), o.keys.begin(), o.keys.end());
    }
    data_->nodes[o.node] = {object_kind | (checked_size(o.keys.size(), "an object") << kind_bits), index};
    --depth_;
    completed();
    return std::nullopt;
}

// A value is complete: its parent's pending key (if any) is used.
void JsonDocument::Builder::completed() {
    if (depth_ > 0) open_[depth_ - 1].keyed = false;
}

std::string JsonDocument::Builder::path() const {
    std::string out;
    for (std::size_t i = 0; i < depth_; ++i) {
        const Open& o = open_[i];
        if (kind_of(data_->nodes[o.node].head) == object_kind) {
            if (o.keyed) out = pointer_append(out, JsonValue(data_.get(), o.key).string());
        } else {
            // the next item's index at the innermost level, the item being read further out
            out = pointer_append(out, std::size_t{i + 1 == depth_ ? o.size : o.size - 1u});
        }
    }
    return out;
}

JsonDocument JsonDocument::Builder::finish() {
    if (depth_ != 0 || data_->nodes.empty()) throw std::logic_error("JsonDocument::Builder: finished before the document was complete");
    return JsonDocument(std::move(data_));
}

}  // namespace interreg
