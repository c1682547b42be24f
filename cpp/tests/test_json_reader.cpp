// parse_json, load_json_file, pointer_append and JsonReader: strict reading with exact paths.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <deque>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/text.hpp"
#include "test_support.hpp"

using interreg::DocumentKind;
using interreg::FormatError;
using interreg::JsonReader;
using interreg::ProgrammeError;
using interreg::parse_json;
using interreg::pointer_append;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

std::string nested_arrays(int depth, const std::string& inner = "") {
    return std::string(static_cast<std::size_t>(depth), '[') + inner + std::string(static_cast<std::size_t>(depth), ']');
}

std::string nested_objects(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "{\"a\":";
    s += "1";
    for (int i = 0; i < depth; ++i) s += "}";
    return s;
}

// A reader of `value`; its document is kept for the whole test run (readers point into it).
JsonReader reader(const json& value, std::string path = "", DocumentKind kind = DocumentKind::proposal) {
    static std::deque<interreg::JsonDocument> documents;
    documents.push_back(interreg::JsonDocument::from(value));
    return JsonReader(documents.back().root(), std::move(path), kind);
}

}  // namespace

// ---- parse_json --------------------------------------------------------------------------

TEST(ParseJson, ParsesAnObject) {
    const auto doc = parse_json(R"({"a": [1, "ø"]})", DocumentKind::proposal).root().to_json();
    EXPECT_EQ(doc.at("a").at(1), "ø");
}

TEST(ParseJson, EmptyTextIsFormatError) {
    auto e = thrown<FormatError>([] { parse_json("", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_EQ(e->detail(), "the document is empty; expected a JSON object");
    EXPECT_STREQ(e->what(), "the document is empty; expected a JSON object");  // no path prefix
}

TEST(ParseJson, WhitespaceOnlyIsEmpty) {
    auto e = thrown<FormatError>([] { parse_json(" \n\t\r ", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->detail(), "empty");
}

TEST(ParseJson, ProgrammeKindThrowsProgrammeError) {
    auto e = thrown<ProgrammeError>([] { parse_json("  ", DocumentKind::programme); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_TRUE(thrown<ProgrammeError>([] { parse_json("{", DocumentKind::programme); }));
}

TEST(ParseJson, TruncatedJson) {
    auto e = thrown<FormatError>([] { parse_json(R"({"format": )", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/format");  // the value being read when the text ended
    EXPECT_EQ(e->detail().rfind("not valid JSON at line 1, column 12: ", 0), 0u) << e->detail();
    EXPECT_NOT_CONTAINS(e->detail(), "[json.exception");  // nlohmann's prefix is stripped
    EXPECT_NOT_CONTAINS(e->detail(), "parse error at");    // and its own position, which we restate
}

TEST(ParseJson, TrailingGarbage) {
    auto e = thrown<FormatError>([] { parse_json("{} x", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->detail(), "not valid JSON");
}

TEST(ParseJson, InvalidUtf8InsideString) {
    auto e = thrown<FormatError>([] { parse_json("{\"name\": \"Caf\xe9\"}", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/name");
    EXPECT_TRUE(interreg::text::valid_utf8(e->detail())) << "the message must be printable text";
    EXPECT_CONTAINS(e->detail(), "not valid JSON");
    EXPECT_CONTAINS(e->detail(), "UTF-8");
}

TEST(ParseJson, OverlongUtf8Rejected) {
    EXPECT_TRUE(thrown<FormatError>([] { parse_json("[\"\xc0\xaf\"]", DocumentKind::proposal); }));
}

TEST(ParseJson, NumberOutOfRange) {
    auto e = thrown<FormatError>([] { parse_json(R"({"x": 1e400})", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/x");
    EXPECT_CONTAINS(e->detail(), "not valid JSON at line 1, column 12");
    EXPECT_CONTAINS(e->detail(), "1e400");
}

TEST(ParseJson, DuplicateKeyIsRejectedAtItsPath) {
    auto e = thrown<FormatError>([] { parse_json(R"({"a": {"b": 1, "b": 2}})", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/a/b");
    EXPECT_CONTAINS(e->detail(), "duplicate key 'b'");
}

TEST(ParseJson, ErrorInsideAnArrayNamesTheIndex) {
    auto e = thrown<FormatError>([] { parse_json(R"({"partners": [{}, {"name": tru}]})", DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/1/name");
}

TEST(ParseJson, ManyObjectsInAnArrayParseInLinearTime) {
    // 200,000 small objects: the callback parser took seconds here (it re-scanned the array).
    std::string text = "[";
    for (int i = 0; i < 200000; ++i) text += i ? ",{}" : "{}";
    text += "]";
    EXPECT_EQ(parse_json(text, DocumentKind::proposal).root().size(), 200000u);
}

TEST(ParseJson, NestingOf64ArraysIsAccepted) {
    EXPECT_NO_THROW(parse_json(nested_arrays(64), DocumentKind::proposal));
    EXPECT_NO_THROW(parse_json(nested_arrays(64, "1"), DocumentKind::proposal));
}

TEST(ParseJson, NestingOf64ObjectsIsAccepted) { EXPECT_NO_THROW(parse_json(nested_objects(64), DocumentKind::proposal)); }

TEST(ParseJson, NestingOf65ArraysHoldingAValueIsRejected) {
    auto e = thrown<FormatError>([] { parse_json(nested_arrays(65, "1"), DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path().size(), 64u * 2);  // "/0" for each enclosing array
    EXPECT_EQ(e->detail(), "values are nested more than 64 levels deep");
}

TEST(ParseJson, NestingOf65ObjectsIsRejected) {
    auto e = thrown<FormatError>([] { parse_json(nested_objects(65), DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->detail(), "nested more than 64");
}

TEST(ParseJson, NestingOf65EmptyArraysIsRejected) {
    // 65 containers inside each other are 65 levels, whether or not the innermost holds a value.
    try {
        parse_json(nested_arrays(65), DocumentKind::proposal);
    } catch (const FormatError& e) {
        EXPECT_CONTAINS(e.detail(), "nested more than 64");
        return;
    }
    FAIL() << "regression: json_reader.cpp:43 counts the depth a container is opened at (its parent's depth), so "
                    "65 nested empty arrays/objects pass the 64-level limit; only a value inside the 65th level "
                    "is refused";
}

TEST(ParseJson, VeryDeepNestingIsRejectedWithoutCrashing) {
    EXPECT_TRUE(thrown<FormatError>([] { parse_json(nested_arrays(100000), DocumentKind::proposal); }));
}

TEST(ParseJson, DocumentOverLimitIsRejected) {
    const std::string big(interreg::max_document_bytes + 1, ' ');
    auto e = thrown<FormatError>([&] { parse_json(big, DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->detail(), "the limit is " + std::to_string(interreg::max_document_bytes));
}

// ---- load_json_file ----------------------------------------------------------------------

TEST(LoadJsonFile, MissingFileIsIoError) {
    interreg_test::TempDir dir;
    const auto path = dir.file("missing.json");
    auto e = thrown<interreg::IoError>([&] { interreg::load_json_file(path, DocumentKind::proposal); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), path);
}

TEST(LoadJsonFile, ReadsAFile) {
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("a.json"), R"({"k": true})");
    EXPECT_EQ(interreg::load_json_file(dir.file("a.json"), DocumentKind::proposal).root().to_json(), json({{"k", true}}));
}

TEST(LoadJsonFile, EmptyFileIsDocumentErrorOfItsKind) {
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("empty.json"), "");
    EXPECT_TRUE(thrown<FormatError>([&] { interreg::load_json_file(dir.file("empty.json"), DocumentKind::proposal); }));
    EXPECT_TRUE(thrown<ProgrammeError>([&] { interreg::load_json_file(dir.file("empty.json"), DocumentKind::programme); }));
}

TEST(LoadJsonFile, DirectoryIsIoError) {
    interreg_test::TempDir dir;
    const std::string sub = dir.file("sub");
    ::mkdir(sub.c_str(), 0755);
    std::string problem;
    try {
        interreg::load_json_file(sub, DocumentKind::proposal);
        problem = "nothing thrown";
    } catch (const interreg::IoError& e) {
        EXPECT_CONTAINS(e.what(), sub);
    } catch (const std::exception& e) {
        problem = e.what();
    }
    ::rmdir(sub.c_str());
    if (!problem.empty()) {
        FAIL() << "regression: json_reader.cpp:57-62 load_json_file on a directory opens it, tellg() gives "
                        "LLONG_MAX, so it throws FormatError/ProgrammeError ('is 9223372036854775807 bytes') "
                        "instead of IoError. Got: " << problem;
    }
}

// ---- pointer_append ----------------------------------------------------------------------

TEST(PointerAppend, Keys) {
    EXPECT_EQ(pointer_append("", "partners"), "/partners");
    EXPECT_EQ(pointer_append("/partners/2", "name"), "/partners/2/name");
    EXPECT_EQ(pointer_append("", ""), "/");
}

TEST(PointerAppend, Indexes) {
    EXPECT_EQ(pointer_append("/partners", std::size_t{2}), "/partners/2");
    EXPECT_EQ(pointer_append("", std::size_t{0}), "/0");
}

TEST(PointerAppend, EscapesSlashAndTilde) {
    EXPECT_EQ(pointer_append("/x", "a/b"), "/x/a~1b");
    EXPECT_EQ(pointer_append("/x", "m~n"), "/x/m~0n");
    EXPECT_EQ(pointer_append("", "~/"), "/~0~1");
}

// ---- JsonReader --------------------------------------------------------------------------

TEST(JsonReaderExpectObject, AcceptsKnownKeys) {
    const json v = {{"name", "x"}, {"role", "lead"}};
    EXPECT_NO_THROW(reader(v, "/partners/0").expect_object({"name", "country", "role"}));
}

TEST(JsonReaderExpectObject, UnknownKeyNamesPathAndValidKeys) {
    const json v = {{"name", "x"}, {"colour", "blue"}};
    auto e = thrown<FormatError>([&] { reader(v, "/partners/0").expect_object({"name", "country", "role"}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/colour");
    EXPECT_EQ(e->detail().rfind("unknown key 'colour'; valid keys, nearest first: ", 0), 0u) << e->detail();
    EXPECT_CONTAINS(e->detail(), "name");
    EXPECT_CONTAINS(e->detail(), "country");
    EXPECT_CONTAINS(e->detail(), "role");
    EXPECT_EQ(std::string(e->what()), "/partners/0/colour: " + e->detail());
}

TEST(JsonReaderExpectObject, NearestKeyFirst) {
    const json v = {{"countr", "SE"}};
    auto e = thrown<FormatError>([&] { reader(v, "/p").expect_object({"name", "role", "country"}); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->detail(), "nearest first: country, ");
}

TEST(JsonReaderExpectObject, UnknownKeyWithSlashAndTildeIsEscaped) {
    auto e = thrown<FormatError>([] { reader(json{{"a/b", 1}}, "").expect_object({"a"}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/a~1b");
    auto e2 = thrown<FormatError>([] { reader(json{{"m~n", 1}}, "/x").expect_object({"a"}); });
    ASSERT_TRUE(e2);
    EXPECT_EQ(e2->path(), "/x/m~0n");
}

TEST(JsonReaderExpectObject, NotAnObject) {
    auto e = thrown<FormatError>([] { reader(json::array({1}), "/partners/0").expect_object({"a"}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0");
    EXPECT_EQ(e->detail(), "expected an object, found an array");
}

TEST(JsonReaderExpectObject, ProgrammeKindThrowsProgrammeError) {
    auto e = thrown<ProgrammeError>(
        [] { reader(json{{"x", 1}}, "/rules/0", DocumentKind::programme).expect_object({"id"}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/x");
}

TEST(JsonReaderAt, PresentKeyGetsChildPath) {
    const json v = {{"partners", json::array({json{{"name", "A"}}})}};
    const auto r = reader(v).at("partners").items()[0].at("name");
    EXPECT_EQ(r.path(), "/partners/0/name");
    EXPECT_EQ(r.string(), "A");
}

TEST(JsonReaderAt, MissingKeyFailsAtParentPath) {
    auto e = thrown<FormatError>([] { reader(json::object(), "/partners/3").at("role"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/3");
    EXPECT_EQ(e->detail(), "missing required key 'role'");
}

TEST(JsonReaderAt, KeyNeedingEscapeGetsEscapedPath) {
    const json v = {{"a/b", 1}};
    EXPECT_EQ(reader(v, "/x").at("a/b").path(), "/x/a~1b");
}

TEST(JsonReaderFind, AbsentAndNullAreNullopt) {
    const json v = {{"a", nullptr}, {"b", 2}};
    EXPECT_FALSE(reader(v).find("a"));
    EXPECT_FALSE(reader(v).find("zzz"));
    auto b = reader(v).find("b");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->path(), "/b");
    EXPECT_EQ(b->integer(0, 10), 2);
}

TEST(JsonReaderItems, PathsOfItems) {
    const json v = json::array({1, 2, 3});
    const auto items = reader(v, "/list").items();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[2].path(), "/list/2");
}

TEST(JsonReaderItems, NotAnArray) {
    auto e = thrown<FormatError>([] { reader(json::object(), "/partners").items(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners");
    EXPECT_EQ(e->detail(), "expected an array, found an object");
}

TEST(JsonReaderItems, TooManyItems) {
    auto e = thrown<FormatError>([] { reader(json::array({1, 2, 3}), "/partners").items(2); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners");
    EXPECT_EQ(e->detail(), "has 3 items; the limit is 2");
}

TEST(JsonReaderMembers, PathsOfMembers) {
    const json v = {{"en", "x"}, {"a/b", "y"}};
    const auto members = reader(v, "/title").members();
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].first, "a/b");
    EXPECT_EQ(members[0].second.path(), "/title/a~1b");
    EXPECT_EQ(members[1].second.path(), "/title/en");
}

TEST(JsonReaderString, WrongTypes) {
    const json v = {{"i", 5}, {"f", 1.5}, {"b", true}, {"n", nullptr}, {"a", json::array()}, {"o", json::object()}};
    const auto r = reader(v);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"i", "an integer"}, {"f", "a number"}, {"b", "a boolean"}, {"n", "null"}, {"a", "an array"}, {"o", "an object"}};
    for (const auto& [key, type] : cases) {
        auto e = thrown<FormatError>([&, k = key] { r.at(k).string(); });
        ASSERT_TRUE(e) << key;
        EXPECT_EQ(e->path(), "/" + key);
        EXPECT_EQ(e->detail(), "expected a string, found " + type);
    }
}

TEST(JsonReaderString, LengthCountsCodePoints) {
    const json v = "øøø";
    EXPECT_EQ(reader(v, "/name").string(3), "øøø");
    auto e = thrown<FormatError>([&] { reader(v, "/name").string(2); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/name");
    EXPECT_EQ(e->detail(), "text is 3 characters; the limit is 2");
}

TEST(JsonReaderString, NonemptyRejectsBlank) {
    EXPECT_EQ(reader(json("x")).nonempty_string(), "x");
    auto e = thrown<FormatError>([] { reader(json(" \t\n"), "/acronym").nonempty_string(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/acronym");
    EXPECT_EQ(e->detail(), "must not be empty");
    EXPECT_TRUE(thrown<FormatError>([] { reader(json("")).nonempty_string(); }));
}

TEST(JsonReaderInteger, InRange) {
    EXPECT_EQ(reader(json(1)).integer(1, 120), 1);
    EXPECT_EQ(reader(json(120)).integer(1, 120), 120);
    EXPECT_EQ(reader(json(-5)).integer(-10, 10), -5);
}

TEST(JsonReaderInteger, OutOfRange) {
    for (const json& v : {json(0), json(121), json(-3)}) {
        auto e = thrown<FormatError>([&] { reader(v, "/duration_months").integer(1, 120); });
        ASSERT_TRUE(e) << v;
        EXPECT_EQ(e->path(), "/duration_months");
        EXPECT_EQ(e->detail(), "must be between 1 and 120, not " + v.dump());
    }
}

TEST(JsonReaderInteger, HugeUnsignedIsOutOfRange) {
    const auto v = json::parse("18446744073709551615");
    auto e = thrown<FormatError>([&] { reader(v, "/n").integer(0, 1000000); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->detail(), "must be between 0 and 1000000, not 18446744073709551615");
}

TEST(JsonReaderInteger, FractionIsNotAnInteger) {
    auto e = thrown<FormatError>([] { reader(json::parse("36.0"), "/duration_months").integer(1, 120); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->detail(), "expected an integer, found a number");
}

TEST(JsonReaderInteger, StringIsNotAnInteger) {
    auto e = thrown<FormatError>([] { reader(json("36"), "/d").integer(1, 120); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->detail(), "expected an integer, found a string");
}

TEST(JsonReaderBoolean, Values) {
    EXPECT_TRUE(reader(json(true)).boolean());
    EXPECT_FALSE(reader(json(false)).boolean());
    auto e = thrown<FormatError>([] { reader(json("yes"), "/p/norwegian_project_owner").boolean(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/p/norwegian_project_owner");
    EXPECT_EQ(e->detail(), "expected true or false, found a string");
    EXPECT_TRUE(thrown<FormatError>([] { reader(json(1)).boolean(); }));
}

TEST(JsonReaderStrings, ListOfStrings) {
    EXPECT_EQ(reader(json::array({"DK", "SE"})).strings(), (std::vector<std::string>{"DK", "SE"}));
    auto e = thrown<FormatError>([] { reader(json::array({"DK", 1}), "/countries").strings(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/countries/1");
    EXPECT_EQ(e->detail(), "expected a string, found an integer");
}

TEST(JsonReaderChoice, AcceptsAChoice) {
    EXPECT_EQ(reader(json("lead")).choice({"lead", "partner", "associated"}), "lead");
}

TEST(JsonReaderChoice, RejectsWithNearestFirst) {
    auto e = thrown<FormatError>([] { reader(json("leader"), "/partners/0/role").choice({"partner", "associated", "lead"}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/role");
    EXPECT_EQ(e->detail(), "'leader' is not valid; choose one of (nearest first): lead, partner, associated");
}

TEST(JsonReaderChoice, IsCaseSensitive) {
    EXPECT_TRUE(thrown<FormatError>([] { reader(json("Lead")).choice({"lead", "partner"}); }));
}

TEST(JsonReaderFail, KindDecidesTheExceptionClass) {
    const json v = 1;
    EXPECT_TRUE(thrown<FormatError>([&] { reader(v, "/a", DocumentKind::proposal).fail("x"); }));
    auto e = thrown<ProgrammeError>([&] { reader(v, "/a", DocumentKind::programme).fail("bad thing"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/a");
    EXPECT_EQ(e->detail(), "bad thing");
    EXPECT_STREQ(e->what(), "/a: bad thing");
}

TEST(DocumentErrors, AreInterregErrors) {
    // Callers catch interreg::Error for everything the library throws on purpose.
    EXPECT_TRUE(thrown<interreg::Error>([] { parse_json("", DocumentKind::proposal); }));
    EXPECT_TRUE(thrown<interreg::DocumentError>([] { parse_json("", DocumentKind::programme); }));
}

// ---- value-count limit -------------------------------------------------------------------

TEST(ParseJsonLimits, MoreValuesThanTheLimitAreRejectedAtTheValueOverTheLimit) {
    // 4,000,001 empty arrays: under the size limit (12 MB) but gigabytes once built without the limit.
    std::string text = "[";
    text.reserve(3 * interreg::max_document_values + 8);
    for (std::size_t i = 0; i < interreg::max_document_values; ++i) text += i ? ",[]" : "[]";
    text += "]";
    auto e = thrown<FormatError>([&] { parse_json(text, DocumentKind::proposal); });
    ASSERT_TRUE(e);
    // The outer array is value 1, so the array at index limit - 1 is one too many.
    EXPECT_EQ(e->path(), "/" + std::to_string(interreg::max_document_values - 1));
    EXPECT_CONTAINS(e->detail(), "the limit is " + std::to_string(interreg::max_document_values));
}

TEST(ParseJsonLimits, AsManyValuesAsTheLimitAreAccepted) {
    std::string text = "[";
    for (std::size_t i = 0; i + 1 < interreg::max_document_values; ++i) text += i ? ",0" : "0";
    text += "]";
    EXPECT_EQ(parse_json(text, DocumentKind::proposal).root().size(), interreg::max_document_values - 1);
}
