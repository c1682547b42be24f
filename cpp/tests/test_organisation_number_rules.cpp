// partner.organisation-number: a partner's number against its country's scheme (the programme
// says which country has which, and cites where the check digit is defined).
#include <gtest/gtest.h>

#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Proposal;
using interreg::Severity;
using interreg_test::baseline;
using interreg_test::check;
using interreg_test::describe;
using interreg_test::expect_silent;
using interreg_test::fired;
using interreg_test::make_partner;
using interreg_test::programme;
using interreg_test::single;
using interreg_test::source_of;
using json = nlohmann::json;

namespace {

constexpr const char* rule = "partner.organisation-number";

std::string scheme_source(const std::string& country) { return programme().country(country)->org_number_source.text(); }

Proposal with_number(std::size_t partner, std::optional<std::string> number) {
    Proposal p = baseline();
    p.partners.at(partner).organisation_number = std::move(number);
    return p;
}

}  // namespace

TEST(OrganisationNumberRule, EveryWayOfWritingAValidNumberIsSilent) {
    for (const char* n : {"202100-1215", "2021001215", "SE 202100-1215", "16202100-1215"}) expect_silent(with_number(0, n), rule);
    for (const char* n : {"29189420", "29 18 94 20", "DK-29189420"}) expect_silent(with_number(1, n), rule);
    for (const char* n : {"974544466", "974 544 466", "NO 974 544 466 MVA"}) expect_silent(with_number(2, n), rule);
}

TEST(OrganisationNumberRule, WrongCheckDigitIsAnErrorCitingTheScheme) {
    auto f = single(with_number(0, "202100-1216"), rule);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/partners/0/organisation_number");
    EXPECT_CONTAINS(f->message, "Göteborgs universitet's organisation number '202100-1216'");
    EXPECT_CONTAINS(f->message, "wrong check digit");
    EXPECT_CONTAINS(f->message, "10 digits, written NNNNNN-NNNN");
    EXPECT_CONTAINS(f->message, "Skatteverket");
    EXPECT_EQ(f->source, scheme_source("SE"));
    EXPECT_NE(f->source, source_of(rule));
    EXPECT_FALSE(f->assumed);
}

TEST(OrganisationNumberRule, EachCountrySaysWhatIsWrongAndWhatIsValid) {
    struct Case {
        std::size_t partner;
        const char* number;
        const char* country;
        std::vector<const char*> words;
    };
    const Case cases[] = {
        {0, "202100-121", "SE", {"has 9 digits", "Swedish organisationsnummer has 10 digits"}},
        {0, "SE202100121501", "SE", {"has 12 digits", "NNNNNN-NNNN"}},  // the VAT number
        {0, "org.nr 202100-1215", "SE", {"is not a number"}},
        {1, "29189421", "DK", {"wrong check digit", "valid one is 8 digits, written NNNNNNNN", "datacvr.virk.dk"}},
        {1, "2918942", "DK", {"has 7 digits"}},
        {2, "974 544 467", "NO", {"wrong check digit", "9 digits, written NNN NNN NNN", "Brønnøysundregistrene"}},
        {2, "97454446", "NO", {"has 8 digits"}},
    };
    for (const auto& c : cases) {
        auto f = single(with_number(c.partner, c.number), rule);
        ASSERT_TRUE(f) << c.number;
        EXPECT_EQ(f->severity, Severity::error) << c.number;
        EXPECT_EQ(f->path, "/partners/" + std::to_string(c.partner) + "/organisation_number");
        EXPECT_EQ(f->source, scheme_source(c.country)) << c.number;
        EXPECT_CONTAINS(f->message, std::string("'") + c.number + "'");
        for (const char* w : c.words) EXPECT_CONTAINS(f->message, w);
    }
}

TEST(OrganisationNumberRule, AMissingNumberIsOnlyInformation) {
    const Proposal p = with_number(2, std::nullopt);
    const auto report = check(p);
    auto f = interreg_test::single_in(report, rule);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::info);
    EXPECT_EQ(f->path, "/partners/2/organisation_number");
    EXPECT_CONTAINS(f->message, "Østfold fylkeskommune has no organisation number yet");
    EXPECT_CONTAINS(f->message, "Norwegian organisasjonsnummer (9 digits");
    EXPECT_EQ(f->source, source_of(rule));
    EXPECT_TRUE(report.ok()) << describe(report);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(OrganisationNumberRule, PartnersOfCountriesWithoutASchemeAreNotChecked) {
    Proposal p = baseline();
    add_partner(p, make_partner("Kieler Universität", "DE", "Schleswig-Holstein", "university", interreg::Role::associated));
    add_partner(p, make_partner("Universität Rostock", "DE", "Rostock", "university", interreg::Role::associated));
    p.partners[4].organisation_number = "not checked: any text";
    expect_silent(p, rule);
}

TEST(OrganisationNumberRule, AProgrammeWithoutASchemeForACountryChecksNothingThere) {
    const auto prog = interreg_test::mutated_programme([](json& d) {
        d["countries"][interreg_test::index_of(d, "countries", "code", "NO")].erase("organisation_number");
    });
    EXPECT_TRUE(fired(with_number(2, "974 544 467"), rule, *prog).empty());
    EXPECT_TRUE(fired(with_number(2, std::nullopt), rule, *prog).empty());
    EXPECT_EQ(fired(with_number(1, "29189421"), rule, *prog).size(), 1u);
}

TEST(OrganisationNumberRule, AnAssumedSchemeGivesAWarning) {
    // Severity follows evidence: the check digit rests on the scheme's source.
    const auto prog = interreg_test::mutated_programme([](json& d) {
        d["countries"][interreg_test::index_of(d, "countries", "code", "DK")]["organisation_number"]["status"] = "assumed";
    });
    const auto found = fired(with_number(1, "29189421"), rule, *prog);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
    EXPECT_TRUE(found[0].assumed);
    EXPECT_CONTAINS(found[0].message, "marked as assumed");
}
