// text::fold, region_key, organisation_key, utf8_length, edit_distance, nearest, join_choices.
#include <gtest/gtest.h>

#include "interreg/text.hpp"

namespace text = interreg::text;
using Strings = std::vector<std::string>;

// ---- fold --------------------------------------------------------------------------------

TEST(Fold, LowerCasesAscii) { EXPECT_EQ(text::fold("HeLLo World"), "hello world"); }

TEST(Fold, FoldsSwedishLettersBothCases) {
    EXPECT_EQ(text::fold("Västra Götalands län"), "vastra gotalands lan");
    EXPECT_EQ(text::fold("ÅÄÖ åäö"), "aao aao");
}

TEST(Fold, FoldsDanishAndNorwegianLetters) {
    EXPECT_EQ(text::fold("Øresund"), "oresund");
    EXPECT_EQ(text::fold("Ærø"), "aero");
    EXPECT_EQ(text::fold("æøå ÆØÅ"), "aeoa aeoa");
}

TEST(Fold, FoldsOtherLatin1Letters) {
    EXPECT_EQ(text::fold("Café"), "cafe");
    EXPECT_EQ(text::fold("Über"), "uber");
    EXPECT_EQ(text::fold("Straße"), "strasse");
    EXPECT_EQ(text::fold("Œuvre"), "oeuvre");
}

TEST(Fold, PunctuationBecomesSingleSpaces) {
    EXPECT_EQ(text::fold("Vest- og Sydsjælland"), "vest og sydsjaelland");
    EXPECT_EQ(text::fold("a,,,b...c"), "a b c");
    EXPECT_EQ(text::fold("A/S"), "a s");
    EXPECT_EQ(text::fold("RSO4.1"), "rso4 1");
}

TEST(Fold, Latin1SymbolsAreSeparators) {
    EXPECT_EQ(text::fold("a«b»c"), "a b c");
    EXPECT_EQ(text::fold("3×4÷2"), "3 4 2");
}

TEST(Fold, TrimsAndCollapsesWhitespace) {
    EXPECT_EQ(text::fold("  Hello,   World!!  "), "hello world");
    EXPECT_EQ(text::fold("\tTab\nNewline "), "tab newline");
}

TEST(Fold, EmptyAndPunctuationOnlyGiveEmpty) {
    EXPECT_EQ(text::fold(""), "");
    EXPECT_EQ(text::fold("!!! ---"), "");
}

TEST(Fold, KeepsCodePointsBeyondLatin1) { EXPECT_EQ(text::fold("ωmega 日本"), "ωmega 日本"); }

TEST(Fold, CutSequencesAtTheEndFoldAsLatin1AtTwiceTheirBytesAtMost) {
    // A lead byte with no room for its sequence is read as the Latin-1 letter it would be: one
    // byte "æ" gives two letters, the most a byte can give (fold writes into twice the text).
    EXPECT_EQ(text::fold("\xE6"), "ae");
    EXPECT_EQ(text::fold("x \xE6\xE6"), "x aeae");
    EXPECT_EQ(text::fold("-\xDE"), "th");
}

// ---- region_key --------------------------------------------------------------------------

TEST(RegionKey, DropsRegionWord) {
    EXPECT_EQ(text::region_key("Region Hovedstaden"), "hovedstaden");
    EXPECT_EQ(text::region_key("Regionen Skåne"), "skane");
}

TEST(RegionKey, DropsLan) { EXPECT_EQ(text::region_key("Västra Götalands län"), "vastra gotalands"); }

TEST(RegionKey, DropsFylkeAndFylkeskommune) {
    EXPECT_EQ(text::region_key("Vestland fylke"), "vestland");
    EXPECT_EQ(text::region_key("Østfold fylkeskommune"), "ostfold");
}

TEST(RegionKey, DropsCountyKommuneAndThe) {
    EXPECT_EQ(text::region_key("Stockholm County"), "stockholm");
    EXPECT_EQ(text::region_key("Aalborg Kommune"), "aalborg");
    EXPECT_EQ(text::region_key("The Capital Region"), "capital");
}

TEST(RegionKey, DropsWholeWordsOnly) {
    EXPECT_EQ(text::region_key("Regional Lantern"), "regional lantern");
}

TEST(RegionKey, NamesThatDifferOnlyByDecorationMatch) {
    EXPECT_EQ(text::region_key("Region Västra Götaland"), text::region_key("vastra gotaland"));
    EXPECT_EQ(text::region_key("Viken fylkeskommune"), text::region_key("VIKEN"));
}

TEST(RegionKey, OnlyDecorationGivesEmpty) { EXPECT_EQ(text::region_key("Region län"), ""); }

// ---- organisation_key --------------------------------------------------------------------

TEST(OrganisationKey, LegalFormAtEitherEndIsIgnored) {
    EXPECT_EQ(text::organisation_key("Volvo AB"), "volvo");
    EXPECT_EQ(text::organisation_key("AB Volvo"), "volvo");
    EXPECT_EQ(text::organisation_key("volvo"), "volvo");
    EXPECT_EQ(text::organisation_key("Volvo AB"), text::organisation_key("AB Volvo"));
}

TEST(OrganisationKey, DropsSlashForms) {
    EXPECT_EQ(text::organisation_key("Aalborg Universitet A/S"), "aalborg universitet");
    EXPECT_EQ(text::organisation_key("Fredrikstad Havn I/S"), "fredrikstad havn");
}

TEST(OrganisationKey, DropsNordicAndOtherForms) {
    EXPECT_EQ(text::organisation_key("Nordic Cluster ApS"), "nordic cluster");
    EXPECT_EQ(text::organisation_key("Nokia Oy"), "nokia");
    EXPECT_EQ(text::organisation_key("Nokia Oyj"), "nokia");
    EXPECT_EQ(text::organisation_key("Equinor ASA"), "equinor");
    EXPECT_EQ(text::organisation_key("Telenor AS"), "telenor");
    EXPECT_EQ(text::organisation_key("Siemens GmbH"), "siemens");
    EXPECT_EQ(text::organisation_key("Acme Ltd."), "acme");
}

TEST(OrganisationKey, DropsSeveralFormWords) { EXPECT_EQ(text::organisation_key("Ericsson AB (publ)"), "ericsson"); }

TEST(OrganisationKey, DropsKommunWords) {
    EXPECT_EQ(text::organisation_key("Göteborgs Kommun"), "goteborgs");
    EXPECT_EQ(text::organisation_key("Aalborg Kommune"), "aalborg");
}

TEST(OrganisationKey, KeepsLegalFormInsideTheName) {
    EXPECT_EQ(text::organisation_key("Stiftelsen AB Ljusdal Energi"), "stiftelsen ab ljusdal energi");
}

TEST(OrganisationKey, OneWordNameIsNeverEmptied) {
    EXPECT_EQ(text::organisation_key("AB"), "ab");
    EXPECT_EQ(text::organisation_key("Kommune"), "kommune");
    EXPECT_EQ(text::organisation_key("Kommune AS"), "kommune");
    EXPECT_EQ(text::organisation_key("AB AB"), "ab");
    EXPECT_EQ(text::organisation_key("A/S"), "a s");
}

TEST(OrganisationKey, IgnoresCaseAndDiacritics) {
    EXPECT_EQ(text::organisation_key("GÖTEBORGS UNIVERSITET"), text::organisation_key("Goteborgs universitet"));
}

// ---- utf8_length -------------------------------------------------------------------------

TEST(Utf8Length, CountsCodePointsNotBytes) {
    EXPECT_EQ(text::utf8_length(""), 0u);
    EXPECT_EQ(text::utf8_length("abc"), 3u);
    EXPECT_EQ(text::utf8_length("Øresund"), 7u);
    EXPECT_EQ(std::string("Øresund").size(), 8u);
    EXPECT_EQ(text::utf8_length("日本"), 2u);
    EXPECT_EQ(text::utf8_length("😀x"), 2u);
}

// ---- edit_distance -----------------------------------------------------------------------

TEST(EditDistance, ClassicExamples) {
    EXPECT_EQ(text::edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(text::edit_distance("flaw", "lawn"), 2u);
    EXPECT_EQ(text::edit_distance("abc", "abc"), 0u);
}

TEST(EditDistance, EmptySideIsLengthOfOther) {
    EXPECT_EQ(text::edit_distance("", "abc"), 3u);
    EXPECT_EQ(text::edit_distance("abcd", ""), 4u);
    EXPECT_EQ(text::edit_distance("", ""), 0u);
}

TEST(EditDistance, IsSymmetric) {
    EXPECT_EQ(text::edit_distance("Hovedstaden", "Hovedstadn"), 1u);
    EXPECT_EQ(text::edit_distance("Hovedstadn", "Hovedstaden"), 1u);
}

TEST(EditDistance, CountsBytes) { EXPECT_EQ(text::edit_distance("ö", "o"), 2u); }

// ---- nearest -----------------------------------------------------------------------------

TEST(Nearest, PrefixThenContainsThenDistance) {
    const Strings candidates = {"Halland", "Västra Götaland", "Gotland", "Agder"};
    EXPECT_EQ(text::nearest("go", candidates, 4), (Strings{"Gotland", "Västra Götaland", "Agder", "Halland"}));
}

TEST(Nearest, ContainsBeatsSmallDistance) {
    EXPECT_EQ(text::nearest("land", {"lund", "Gotland"}, 2), (Strings{"Gotland", "lund"}));
}

TEST(Nearest, ComparesFolded) { EXPECT_EQ(text::nearest("VASTRA", {"Skåne", "Västra Götaland"}, 1), Strings{"Västra Götaland"}); }

TEST(Nearest, TiesKeepCandidateOrder) {
    EXPECT_EQ(text::nearest("x", {"b", "a", "c"}, 3), (Strings{"b", "a", "c"}));
    EXPECT_EQ(text::nearest("ab", {"abz", "aby", "abx"}, 3), (Strings{"abz", "aby", "abx"}));
}

TEST(Nearest, ReturnsAtMostN) {
    EXPECT_EQ(text::nearest("a", {"ab", "ac", "ad"}, 2), (Strings{"ab", "ac"}));
    EXPECT_TRUE(text::nearest("a", {"ab"}, 0).empty());
}

TEST(Nearest, DropsDuplicateCandidates) { EXPECT_EQ(text::nearest("a", {"a", "a", "b"}, 3), (Strings{"a", "b"})); }

TEST(Nearest, EmptyCandidatesGiveEmpty) { EXPECT_TRUE(text::nearest("x", {}, 5).empty()); }

// ---- join_choices ------------------------------------------------------------------------

TEST(JoinChoices, DefaultSeparators) {
    EXPECT_EQ(text::join_choices({}), "");
    EXPECT_EQ(text::join_choices({"a"}), "a");
    EXPECT_EQ(text::join_choices({"a", "b"}), "a or b");
    EXPECT_EQ(text::join_choices({"a", "b", "c"}), "a, b or c");
}

TEST(JoinChoices, CustomLastSeparator) {
    EXPECT_EQ(text::join_choices({"a", "b", "c"}, ", "), "a, b, c");
    EXPECT_EQ(text::join_choices({"a", "b", "c"}, " and "), "a, b and c");
}
