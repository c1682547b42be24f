// JsonDocument: the compact document holds exactly what the text or tree holds.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "interreg/errors.hpp"
#include "interreg/json_document.hpp"
#include "interreg/json_reader.hpp"
#include "test_support.hpp"

using interreg::DocumentKind;
using interreg::JsonDocument;
using interreg::JsonValue;
using interreg::parse_json;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

JsonDocument parsed(const std::string& text) { return parse_json(text, DocumentKind::proposal); }

// A random tree of every kind of value, nested up to `depth`.
json random_tree(std::mt19937& rng, int depth) {
    std::uniform_int_distribution<int> pick(0, depth > 0 ? 9 : 7);
    switch (pick(rng)) {
        case 0: return nullptr;
        case 1: return rng() % 2 == 0;
        case 2: return static_cast<std::int64_t>(rng() % 2000) - 1000;
        case 3: return static_cast<std::int64_t>(rng()) * 4096 * ((rng() % 2) ? 1 : -1);  // beyond 32 bits
        case 4: return std::numeric_limits<std::uint64_t>::max() - rng() % 10;            // beyond int64
        case 5: return static_cast<double>(rng() % 1000) / 8.0;
        case 6: return std::string(rng() % 5, static_cast<char>('a' + rng() % 3));
        case 7: return "ø\n\"\\/\t" + std::to_string(rng() % 7);
        case 8: {
            json a = json::array();
            for (unsigned n = rng() % 5; n > 0; --n) a.push_back(random_tree(rng, depth - 1));
            return a;
        }
        default: {
            json o = json::object();
            for (unsigned n = rng() % 6; n > 0; --n) o[std::string(1 + rng() % 2, static_cast<char>('a' + rng() % 4))] = random_tree(rng, depth - 1);
            return o;
        }
    }
}

}  // namespace

TEST(JsonDocument, HoldsEveryKindOfValue) {
    const auto doc = parsed(R"({"n": null, "t": true, "f": false, "small": -2147483648, "big": 2147483648,
        "neg": -9223372036854775808, "huge": 18446744073709551615, "x": 0.5, "s": "a\"b\u00f8", "e": "",
        "a": [1, [2, {}], []], "o": {}})");
    const JsonValue root = doc.root();
    ASSERT_TRUE(root.is_object());
    EXPECT_EQ(root.size(), 12u);
    const auto at = [&](std::string_view key) { return root.find(key)->second; };
    EXPECT_TRUE(at("n").is_null());
    EXPECT_EQ(at("t").type(), JsonValue::Type::boolean);
    EXPECT_TRUE(at("t").boolean());
    EXPECT_FALSE(at("f").boolean());
    EXPECT_EQ(at("small").integer(), std::numeric_limits<std::int32_t>::min());
    EXPECT_EQ(at("big").integer(), 2147483648);
    EXPECT_EQ(at("neg").integer(), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(at("huge").type(), JsonValue::Type::unsigned_integer);
    EXPECT_EQ(at("huge").unsigned_integer(), std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(at("x").type(), JsonValue::Type::floating);
    EXPECT_EQ(at("x").floating(), 0.5);
    EXPECT_EQ(at("s").string(), "a\"b\xc3\xb8");
    EXPECT_EQ(at("e").string(), "");
    EXPECT_TRUE(at("o").is_object());
    EXPECT_EQ(at("o").size(), 0u);
    EXPECT_FALSE(at("o").find(""));
}

TEST(JsonDocument, ItemsSkipWhatEachItemHolds) {
    const auto doc = parsed(R"([1, [2, [3, {"k": [4]}]], {"a": {"b": 5}}, "x", []])");
    std::vector<JsonValue::Type> types;
    for (const JsonValue item : doc.root().items()) types.push_back(item.type());
    using T = JsonValue::Type;
    EXPECT_EQ(types, (std::vector<T>{T::integer, T::array, T::object, T::string, T::array}));
    EXPECT_EQ(doc.root().size(), 5u);
    const JsonValue empty = *std::next(doc.root().items().begin(), 4);
    EXPECT_EQ(empty.items().begin(), empty.items().end());

    const auto objects = parsed(R"([{}, {"a": {}, "b": [{}]}, {}, 1])");
    std::vector<std::size_t> sizes;
    for (const JsonValue item : objects.root().items()) sizes.push_back(item.size());
    EXPECT_EQ(sizes, (std::vector<std::size_t>{0, 2, 0, 0}));
    EXPECT_EQ(objects.root().to_json(), json::parse(R"([{}, {"a": {}, "b": [{}]}, {}, 1])"));
}

TEST(JsonDocument, MembersComeInKeyOrderAndAreFoundByKey) {
    const auto doc = parsed(R"({"b": 1, "a": {"z": 2, "y": 3}, "\u00e5": 4, "A": 5, "": 6})");
    const JsonValue root = doc.root();
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < root.size(); ++i) keys.emplace_back(root.key(i));
    EXPECT_EQ(keys, (std::vector<std::string>{"", "A", "a", "b", "\xc3\xa5"}));  // bytewise, as std::map
    EXPECT_EQ(root.value(3).integer(), 1);
    EXPECT_EQ(root.find("")->second.integer(), 6);
    EXPECT_EQ(root.find("a")->second.find("y")->second.integer(), 3);
    EXPECT_EQ(root.find("a")->first, "a");
    EXPECT_FALSE(root.find("c"));
    EXPECT_FALSE(root.find(std::string_view("a\0", 2)));
    EXPECT_FALSE(root.find("a")->second.find("a"));
}

TEST(JsonDocument, AgreesWithNlohmannOnRandomTrees) {
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        const json tree = random_tree(rng, 4);
        EXPECT_EQ(JsonDocument::from(tree).root().to_json(), tree);
        EXPECT_EQ(parsed(tree.dump()).root().to_json(), tree) << tree.dump();
        EXPECT_EQ(parsed(tree.dump(2)).root().to_json(), json::parse(tree.dump(2)));
    }
}

TEST(JsonDocument, FromAnOrderedTreeSortsItsKeys) {
    const nlohmann::ordered_json tree = {{"z", 1}, {"a", {{"y", true}, {"b", nullptr}}}};
    const auto doc = JsonDocument::from(tree);
    EXPECT_EQ(doc.root().key(0), "a");
    EXPECT_EQ(doc.root().value(0).key(0), "b");
    EXPECT_EQ(doc.root().to_json(), json::parse(tree.dump()));
}

TEST(JsonDocument, ValuesStayValidWhenTheDocumentMoves) {
    auto doc = parsed(R"({"a": ["x"]})");
    const JsonValue a = doc.root().find("a")->second;
    const JsonDocument moved = std::move(doc);
    EXPECT_EQ((*a.items().begin()).string(), "x");
    EXPECT_EQ(moved.root().size(), 1u);
}

TEST(JsonDocument, ADuplicateKeyIsNamedWithItsObjectsPath) {
    auto e = thrown<interreg::FormatError>([] { parsed(R"({"p": [{"a": 1}, {"b": {"c": 1}, "a": 2, "b": 3}]})"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/p/1/b");
    EXPECT_CONTAINS(e->detail(), "duplicate key 'b'");
}

TEST(JsonDocument, KeysAndStringsMayHoldEscapesAndNul) {
    const auto doc = parsed(R"({"a\u0000b": "x\u0000y", "~/": 1})");
    EXPECT_EQ(doc.root().find(std::string_view("a\0b", 3))->second.string(), std::string_view("x\0y", 3));
    EXPECT_EQ(doc.root().find("~/")->second.integer(), 1);
}
