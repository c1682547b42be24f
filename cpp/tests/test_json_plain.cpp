// The plain JSON reader against nlohmann's SAX parser: whatever the plain reader reads, the SAX
// parser reads to the very same document; what it leaves alone, the SAX parser judges.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

using interreg::DocumentKind;
using interreg::detail::read_json_sax;
using interreg::detail::read_plain_json;

namespace {

// Whether the plain reader read `text`; when it did, the SAX parser must give the same document.
bool plain_agrees(const std::string& text) {
    const auto plain = read_plain_json(text);
    if (!plain) return false;
    const interreg::JsonDocument sax = read_json_sax(text, DocumentKind::proposal);  // must not throw
    EXPECT_TRUE(plain->root() == sax.root()) << text;
    return true;
}

// Whether a document holds a number the plain reader leaves to the SAX parser: one with a fraction
// or an exponent (floating) or an integer of 20 digits.
bool holds_number_left_to_sax(interreg::JsonValue v) {
    using Type = interreg::JsonValue::Type;
    switch (v.type()) {
        case Type::floating: return true;
        case Type::unsigned_integer: return v.unsigned_integer() >= 10'000'000'000'000'000'000ull;
        case Type::array:
            return std::any_of(v.items().begin(), v.items().end(), [](interreg::JsonValue item) { return holds_number_left_to_sax(item); });
        case Type::object:
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (holds_number_left_to_sax(v.value(i))) return true;
            }
            return false;
        default: return false;
    }
}

std::vector<std::string> json_files(const std::string& folder) {
    std::vector<std::string> out;
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return out;
    while (const dirent* e = ::readdir(dir)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        const std::string path = folder + "/" + name;
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) {
            out.push_back(path);
        } else if (name.find('.') == std::string::npos) {
            const auto inner = json_files(path);
            out.insert(out.end(), inner.begin(), inner.end());
        }
    }
    ::closedir(dir);
    return out;
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(PlainJson, ReadsEveryDocumentOfTheTestsAsTheSaxParserDoes) {
    std::size_t read = 0, files = 0, left = 0;
    for (const auto& folder : {std::string(INTERREG_TEST_DATA_DIR), std::string(INTERREG_PROGRAMME_DIR)}) {
        for (const auto& path : json_files(folder)) {
            const std::string text = contents(path);
            ++files;
            std::optional<interreg::JsonDocument> sax;
            try {
                sax = read_json_sax(text, DocumentKind::proposal);
            } catch (const interreg::Error&) {
            }
            if (plain_agrees(text)) ++read;
            // Every valid document is read plainly, unless it holds a number the plain reader
            // leaves (12.5, 1e3, a 20-digit integer) or starts with a byte order mark.
            if (!sax || text.rfind("\xEF\xBB\xBF", 0) == 0 || holds_number_left_to_sax(sax->root())) {
                ++left;
            } else {
                EXPECT_TRUE(read_plain_json(text)) << path;
            }
        }
    }
    EXPECT_GT(files, 40u);
    EXPECT_GT(read, files / 2) << "the plain reader left most documents to the SAX parser";
    EXPECT_GT(left, 0u) << "no test document is left to the SAX parser: the check above proves nothing";
}

TEST(PlainJson, ReadsStringsEscapesAndIntegersExactly) {
    for (const std::string text : {
             R"({"a": "plain", "b": "Malm\u00f6 and \"quotes\" \\ \/ \b\f\n\r\t", "c": "\ud83d\ude00"})",
             "{\"name\": \"Öresund \xE2\x80\x93 Kattegat \xF0\x9F\x98\x80\", \"del\": \"\x7F\"}",
             R"({"nul": "a\u0000b", "bmp": "\u20AC\uFFFF", "hex": "\u00E9\u00e9"})",
             R"([0, -0, 7, -7, 2147483647, 2147483648, -2147483649, 9223372036854775807, -9223372036854775808])",
             R"([9999999999999999999, 1000000000000000000, -1000000000000000000])",
             "  \n\t\r{\"empty\": {}, \"none\": [], \"t\": true, \"f\": false, \"n\": null}\r\n",
             R"({"b": 1, "a": 2, "": 3, "ab": [[], {}, [{}]]})",
             R"("a string alone")", "42", "-1", "true", "null",
         }) {
        EXPECT_TRUE(plain_agrees(text)) << text;
    }
}

TEST(PlainJson, LeavesToTheSaxParserWhatItDoesNotRead) {
    // Valid JSON it leaves: fractions, exponents, 20-digit integers, a byte order mark.
    for (const std::string text : {"[1.5]", "[1e3]", "[1E3]", "[-0.0]", "[18446744073709551615]", "[-9223372036854775809]",
                                   "[12345678901234567890]", "\xEF\xBB\xBF{}"}) {
        EXPECT_FALSE(read_plain_json(text)) << text;
        EXPECT_NO_THROW(read_json_sax(text, DocumentKind::proposal)) << text;
    }
    // Errors, each of which the SAX parser reports with its message.
    for (const std::string text : {
             "{", "[", "[1,]", "{,}", R"({"a" 1})", R"({"a":1,})", "[01]", "[-]", "[1 2]", "[tru]", "[nulls]", "{} {}",
             R"(["a)", "[\"tab\there\"]", R"(["\x"])", R"(["\u12"])", R"(["\uD800"])", R"(["\uDC00"])", R"(["\uD800\u0041"])",
             "[\"\xC3\"]", "[\"\xC0\xAF\"]", "[\"\xED\xA0\x80\"]", "[\"\xF4\x90\x80\x80\"]", "[\"\xFF\"]", R"({"a":1,"a":2})",
             "[1]]", "/* comment */ {}", "[+1]", "[.5]", "[0x10]", "[Infinity]", "[NaN]", "{'a': 1}",
         }) {
        EXPECT_FALSE(read_plain_json(text)) << text;
        EXPECT_THROW(read_json_sax(text, DocumentKind::proposal), interreg::FormatError) << text;
    }
}

TEST(PlainJson, LeavesTheLimitsToTheSaxParserAndItsMessages) {
    const std::string deep_enough = std::string(64, '[') + std::string(64, ']');
    const std::string too_deep = std::string(65, '[') + std::string(65, ']');
    EXPECT_TRUE(plain_agrees(deep_enough));
    EXPECT_FALSE(read_plain_json(too_deep));
    EXPECT_THROW(interreg::parse_json(too_deep, DocumentKind::proposal), interreg::FormatError);
    std::string many = "[";
    for (std::size_t i = 0; i < interreg::max_document_values; ++i) many += "0,";
    many += "0]";
    EXPECT_FALSE(read_plain_json(many));
    try {
        interreg::parse_json(many, DocumentKind::proposal);
        ADD_FAILURE() << "too many values accepted";
    } catch (const interreg::FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("too many values"), std::string::npos) << e.what();
    }
}
