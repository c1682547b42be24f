// Organisation numbers in a participation table: one organisation per country and number,
// whatever the names; rows without a number join it by a name only it is spelt.
#include <gtest/gtest.h>

#include "interreg/history.hpp"
#include "interreg/network.hpp"
#include "interreg/partners.hpp"
#include "test_support.hpp"

using interreg::read_history_csv;

namespace {

const char* const header = "project,organisation,country,region,organisation_number\n";

std::size_t projects_of(const interreg::History& h, std::uint32_t o) {
    const auto [begin, end] = h.projects_of(o);
    return static_cast<std::size_t>(end - begin);
}

}  // namespace

TEST(HistoryNumbers, OneNumberIsOneOrganisationWhateverTheNames) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,Västra Götalandsregionen,SE,SE232,212000-1355\n"
                                    "P2,Region Västra Götaland,SE,,SE 2120001355\n"
                                    "P2,Göteborgs Stad,SE,SE232,\n"
                                    "P3,VÄSTRA GÖTALANDSREGIONEN,SE,,16 212000-1355\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
    const auto& h = *r.history;
    ASSERT_EQ(h.organisations().size(), 2u);
    const auto vgr = h.find("Region Västra Götaland");
    ASSERT_TRUE(vgr);
    EXPECT_EQ(h.find("Västra Götalandsregionen"), vgr);
    EXPECT_EQ(h.find_number("se", "2120001355"), vgr);
    EXPECT_EQ(h.find_number("SE", "212000-1356"), std::nullopt);  // malformed
    EXPECT_EQ(h.find_number("DK", "2120001355"), std::nullopt);
    const auto& org = h.organisations()[*vgr];
    EXPECT_EQ(org.name, "Västra Götalandsregionen");  // the first spelling
    EXPECT_EQ(org.organisation_number, "212000-1355");  // as first written
    EXPECT_EQ(org.key, "#SE:2120001355");
    EXPECT_EQ(projects_of(h, *vgr), 3u);
    EXPECT_EQ(h.organisations()[*h.find("Göteborgs Stad")].organisation_number, "");
}

TEST(HistoryNumbers, RowsWithoutANumberJoinByTheNameInAnyOrder) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,Region Skåne,SE,,\n"          // before the number is known
                                    "P1,Lunds universitet,SE,SE224,\n"
                                    "P2,Region Skåne,SE,SE224,232100-0255\n"
                                    "P2,Region Skane,SE,,\n"          // the same project twice: counts once
                                    "P3,Skåne,SE,,\n");               // another name: stays apart
    ASSERT_TRUE(r.problems.empty());
    const auto& h = *r.history;
    ASSERT_EQ(h.organisations().size(), 3u);
    const auto skane = h.find("Region Skåne");
    ASSERT_TRUE(skane);
    EXPECT_EQ(h.organisations()[*skane].organisation_number, "232100-0255");
    EXPECT_EQ(h.organisations()[*skane].region, "SE224");  // the numbered rows' region first
    EXPECT_EQ(projects_of(h, *skane), 2u);
    EXPECT_EQ(h.participation_count(), 4u);
    EXPECT_NE(h.find("Skåne"), skane);
    const auto lund = h.find("Lunds universitet");
    ASSERT_TRUE(lund);
    EXPECT_EQ(projects_of(h, *lund), 1u);
    // The indexes follow the joined organisations: every member is a valid organisation.
    for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
        for (auto [it, end] = h.members(p); it != end; ++it) EXPECT_LT(*it, h.organisations().size());
    }
}

TEST(HistoryNumbers, TwoNumbersOfOneNameAreTwoOrganisationsAndTheNamelessRowStaysApart) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,Nordic Link AB,SE,,556036-0793\n"
                                    "P2,Nordic Link,SE,,556008-3585\n"
                                    "P3,Nordic Link,SE,,\n");
    ASSERT_TRUE(r.problems.empty());
    const auto& h = *r.history;
    EXPECT_EQ(h.organisations().size(), 3u);  // which of the two the third row is, nobody knows
    EXPECT_FALSE(h.find("Nordic Link", "SE"));  // ambiguous
    EXPECT_NE(h.find_number("SE", "5560360793"), h.find_number("SE", "5560083585"));
}

TEST(HistoryNumbers, NumbersAreComparedWithinACountry) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,Forschungszentrum Nord,DE,,HRB 1234\n"
                                    "P2,FZ Nord GmbH,DE,,hrb-1234\n"  // no scheme: compared as written, folded
                                    "P3,Forschungszentrum Nord,AT,,HRB 1234\n");
    ASSERT_TRUE(r.problems.empty());
    EXPECT_EQ(r.history->organisations().size(), 2u);
    EXPECT_EQ(r.history->find("FZ Nord GmbH"), r.history->find_number("DE", "HRB 1234"));
}

TEST(HistoryNumbers, AMalformedNumberIsAProblemWithItsLine) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,Volvo AB,SE,,556036-0794\n"
                                    "P1,Aalborg Kommune,DK,,2918942\n"
                                    "P1,Oslo kommune,NO,,---\n"
                                    "P1,Lunds universitet,SE,,202100-3211\n");
    ASSERT_EQ(r.problems.size(), 3u);
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_CONTAINS(r.problems[0].message, "organisation_number '556036-0794' has a wrong check digit");
    EXPECT_CONTAINS(r.problems[0].message, "NNNNNN-NNNN");
    EXPECT_CONTAINS(r.problems[0].message, "leave it empty to match Volvo AB by its name");
    EXPECT_CONTAINS(r.problems[1].message, "has 7 digits");
    EXPECT_CONTAINS(r.problems[2].message, "is not a number");
    EXPECT_EQ(r.history->organisations().size(), 1u);
}

TEST(HistoryNumbers, ColumnsInAnyOrderAndTheRowFunction) {
    const auto r = read_history_csv("Organisation_Number,country,organisation,project\n29189420,DK,Aalborg Kommune,P1\n");
    ASSERT_TRUE(r.problems.empty());
    EXPECT_EQ(r.history->organisations()[0].organisation_number, "29189420");
    const auto row = interreg::participation_row({"P1", "Lunds universitet", "SE", "OKS", "2014-2020", "Skåne",
                                                  "university", "lead", "202100-3211"});
    EXPECT_EQ(row.project, "P1");
    EXPECT_EQ(row.programme, "OKS");
    EXPECT_EQ(row.organisation, "Lunds universitet");
    EXPECT_EQ(row.organisation_number, "202100-3211");
    EXPECT_EQ(interreg::history_columns().back(), "organisation_number");
    EXPECT_EQ(interreg::history_number_key("SE", "SE 202100-3211"), "#SE:2021003211");
    EXPECT_EQ(interreg::history_number_key("SE", "202100-3212"), "");
}

// A partner is found in the history by its organisation number, under any name there.
TEST(HistoryNumbers, SuggestionsKnowAPartnerByItsNumber) {
    const auto history = read_history_csv(
                             "project,organisation,country,region,org_type,organisation_number\n"
                             "P1,University of Gothenburg,SE,SE232,university,202100-1215\n"
                             "P1,Roskilde Universitet,DK,DK02,university,\n"
                             "P2,Lunds universitet,SE,SE224,university,\n"
                             "P2,Roskilde Universitet,DK,DK02,university,\n")
                             .history;
    interreg::CooperationNetwork n(history);
    const interreg::Proposal p = interreg_test::baseline();  // PP1 Göteborgs universitet, 202100-1215
    const auto r = interreg::suggest_partners(n, interreg_test::programme(), p, {10, {}, {}, ""});
    ASSERT_EQ(r.members, std::vector<std::size_t>{0});
    const auto gothenburg = history->find_number("SE", "202100-1215");
    ASSERT_TRUE(gothenburg);
    EXPECT_EQ(r.member_organisations, std::vector<std::uint32_t>{*gothenburg});
    std::vector<std::string> names;
    for (const auto& s : r.suggestions) names.emplace_back(history->organisations()[s.organisation].name);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"Lunds universitet", "Roskilde Universitet"}));  // not itself
}
