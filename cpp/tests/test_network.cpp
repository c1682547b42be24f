// The co-participation graph and its algorithms on small histories whose answers are worked
// out by hand (the Python tests compare with networkx on random graphs), and partner suggestions.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "interreg/network.hpp"
#include "interreg/partners.hpp"
#include "test_support.hpp"

using interreg::CooperationNetwork;
using interreg::read_history_csv;

namespace {

// Projects as lists of organisation names (country SE unless "name/XX").
std::shared_ptr<const interreg::History> history(const std::vector<std::vector<std::string>>& projects) {
    std::string csv = "project,organisation,country,period\n";
    for (std::size_t p = 0; p < projects.size(); ++p) {
        for (const auto& member : projects[p]) {
            const auto slash = member.find('/');
            const std::string name = member.substr(0, slash);
            const std::string country = slash == std::string::npos ? "SE" : member.substr(slash + 1);
            csv += "P" + std::to_string(p) + "," + name + "," + country + "," + (p % 2 ? "2021-2027" : "2014-2020") + "\n";
        }
    }
    auto r = read_history_csv(csv);
    EXPECT_TRUE(r.problems.empty());
    return r.history;
}

std::uint32_t id(const CooperationNetwork& n, const std::string& name) { return n.history().require(name); }

}  // namespace

TEST(Network, ProjectionCountsSharedProjectsAndLatestPeriod) {
    CooperationNetwork n(history({{"A", "B", "C"}, {"A", "B"}, {"D"}}));
    EXPECT_EQ(n.organisation_count(), 4u);
    EXPECT_EQ(n.edge_count(), 3u);  // A-B, A-C, B-C
    EXPECT_EQ(boost::num_vertices(n.bipartite()), 4u + 3u);
    EXPECT_EQ(boost::num_edges(n.bipartite()), 2u * 6u);
    const auto* ab = n.edge(id(n, "A"), id(n, "B"));
    ASSERT_NE(ab, nullptr);
    EXPECT_EQ(ab->projects, 2u);
    EXPECT_EQ(n.history().periods()[ab->latest - 1], "2021-2027");
    EXPECT_EQ(n.edge(id(n, "A"), id(n, "D")), nullptr);
    const auto ties = n.partners_of(id(n, "A"));
    ASSERT_EQ(ties.size(), 2u);
    EXPECT_EQ(ties[0].organisation, id(n, "B"));  // most shared first
    EXPECT_EQ(n.shared_projects(id(n, "A"), id(n, "B")).size(), 2u);
    EXPECT_GT(n.memory_bytes(), 0u);
}

TEST(Network, ComponentsLargestFirst) {
    CooperationNetwork n(history({{"A", "B"}, {"C", "D", "E"}, {"F"}}));
    const auto c = n.components();
    EXPECT_EQ(c.sizes, (std::vector<std::uint32_t>{3, 2, 1}));
    EXPECT_EQ(c.label[id(n, "C")], 0u);
    EXPECT_EQ(c.label[id(n, "A")], 1u);
    EXPECT_EQ(c.label[id(n, "F")], 2u);
}

TEST(Network, ShortestPath) {
    // A-B-C-D chain plus a shortcut A-E-D: the path from A to D has 3 organisations.
    CooperationNetwork n(history({{"A", "B"}, {"B", "C"}, {"C", "D"}, {"A", "E"}, {"E", "D"}, {"X", "Y"}}));
    const auto p = n.path(id(n, "A"), id(n, "D"));
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p.front(), id(n, "A"));
    EXPECT_EQ(p[1], id(n, "E"));
    EXPECT_EQ(p.back(), id(n, "D"));
    EXPECT_EQ(n.path(id(n, "A"), id(n, "A")), std::vector<std::uint32_t>{id(n, "A")});
    EXPECT_TRUE(n.path(id(n, "A"), id(n, "X")).empty());
    EXPECT_EQ(n.path(id(n, "B"), id(n, "C")).size(), 2u);
    EXPECT_THROW(n.path(0, 99), interreg::ArgumentError);
}

TEST(Network, PathSearchesShareTheirScratchAcrossNetworks) {
    // The search keeps its working memory per thread: a long search in a large network, then
    // searches in a small one and back again must not see each other's marks.
    std::vector<std::vector<std::string>> chain;
    for (int k = 0; k < 300; ++k) chain.push_back({"N" + std::to_string(k), "N" + std::to_string(k + 1)});
    CooperationNetwork large(history(chain));
    CooperationNetwork small(history({{"A", "B"}, {"B", "C"}, {"X"}}));
    for (int round = 0; round < 2; ++round) {
        EXPECT_EQ(large.path(id(large, "N0"), id(large, "N300")).size(), 301u);
        EXPECT_EQ(small.path(id(small, "A"), id(small, "C")).size(), 3u);
        EXPECT_TRUE(small.path(id(small, "A"), id(small, "X")).empty());
        EXPECT_EQ(large.path(id(large, "N299"), id(large, "N3")).size(), 297u);
    }
}

TEST(Network, AdamicAdarByHand) {
    // M1 and M2 are members. Z (degree 3: M1, M2, C) and W (degree 2: M1, C) are C's common partners.
    CooperationNetwork n(history({{"M1", "Z"}, {"M2", "Z"}, {"Z", "C"}, {"M1", "W"}, {"W", "C"}}));
    const auto scores = n.adamic_adar({id(n, "M1"), id(n, "M2")});
    double c = -1;
    for (const auto& [o, s] : scores) {
        EXPECT_NE(o, id(n, "M1"));
        EXPECT_NE(o, id(n, "M2"));
        if (o == id(n, "C")) c = s;
    }
    // M1: via Z (1/ln 3) and W (1/ln 2); M2: via Z (1/ln 3).
    EXPECT_NEAR(c, 2 / std::log(3.0) + 1 / std::log(2.0), 1e-12);
}

TEST(Network, PageRankSumsToOneAndFavoursHubs) {
    CooperationNetwork n(history({{"Hub", "A"}, {"Hub", "B"}, {"Hub", "C"}, {"A", "B"}, {"Lone"}}));
    const auto pr = n.pagerank();
    EXPECT_NEAR(std::accumulate(pr.begin(), pr.end(), 0.0), 1.0, 1e-9);
    EXPECT_GT(pr[id(n, "Hub")], pr[id(n, "A")]);
    EXPECT_GT(pr[id(n, "A")], pr[id(n, "C")]);
    const auto part = n.pagerank({id(n, "Hub"), id(n, "A")});
    EXPECT_EQ(part[id(n, "B")], 0.0);
    EXPECT_NEAR(part[id(n, "Hub")], 0.5, 1e-9);
}

TEST(Network, CommunitiesSplitTwoCliquesJoinedByOneEdge) {
    CooperationNetwork n(history({{"A1", "A2", "A3", "A4"}, {"A1", "A2", "A3", "A4"}, {"B1", "B2", "B3", "B4"},
                                  {"B1", "B2", "B3", "B4"}, {"A4", "B1"}, {"Solo"}}));
    const auto c = n.communities();
    EXPECT_EQ(c[id(n, "A1")], c[id(n, "A4")]);
    EXPECT_EQ(c[id(n, "B1")], c[id(n, "B4")]);
    EXPECT_NE(c[id(n, "A1")], c[id(n, "B1")]);
    EXPECT_NE(c[id(n, "Solo")], c[id(n, "A1")]);
}

TEST(Network, CrossBorderEdges) {
    CooperationNetwork n(history({{"A/SE", "B/DK", "C/SE"}}));
    EXPECT_EQ(n.cross_border_edges().size(), 2u);
}

TEST(Network, EmptyHistory) {
    CooperationNetwork n(read_history_csv("").history);
    EXPECT_EQ(n.organisation_count(), 0u);
    EXPECT_TRUE(n.components().sizes.empty());
    EXPECT_TRUE(n.communities().empty());
    EXPECT_TRUE(n.pagerank().empty());
    EXPECT_TRUE(n.adamic_adar({}).empty());
}

// ---- partner suggestions ------------------------------------------------------------------

namespace {

// A history around the baseline consortium (Göteborgs universitet SE, Aalborg Kommune DK,
// Østfold fylkeskommune NO).
std::shared_ptr<const interreg::History> consortium_history() {
    return read_history_csv(
               "project,organisation,country,region,org_type,period\n"
               "P1,Göteborgs universitet,SE,SE232,university,2014-2020\n"
               "P1,Københavns Kommune,DK,DK011,local-authority,2014-2020\n"
               "P1,Roskilde Universitet,DK,Region Sjælland,university,2014-2020\n"
               "P2,Aalborg Kommune,DK,DK05,local-authority,2021-2027\n"
               "P2,Roskilde Universitet,DK,DK02,university,2021-2027\n"
               "P2,Region Skåne,SE,SE224,regional-authority,2021-2027\n"
               "P3,Helsingør Jobkonsult,DK,DK01,sole-trader,2021-2027\n"
               "P3,Göteborgs universitet,SE,SE232,university,2021-2027\n"
               "P4,Odense Kommune,DK,DK03,local-authority,2021-2027\n"
               "P4,Göteborgs universitet,SE,SE232,university,2021-2027\n"
               "P5,Hillerød Kommune,DK,DK01,local-authority,2021-2027\n"
               "P5,Lunds universitet,SE,SE224,university,2021-2027\n")
        .history;
}

}  // namespace

TEST(Suggestions, RankGapFillersCloseToTheConsortiumAndSayWhy) {
    CooperationNetwork n(consortium_history());
    interreg::Proposal p = interreg_test::baseline();
    const auto r = interreg::suggest_partners(n, interreg_test::programme(), p, {10, {"DK"}, {}, "oresund"});
    // Öresund: the consortium has no Danish or Swedish partner there.
    EXPECT_EQ(r.gaps, (std::vector<std::string>{"Denmark in Öresund", "Sweden in Öresund"}));
    EXPECT_EQ(r.members.size(), 2u);  // Göteborgs universitet, Aalborg Kommune
    ASSERT_GE(r.suggestions.size(), 2u);
    const auto& orgs = n.history().organisations();
    std::vector<std::string> names;
    for (const auto& s : r.suggestions) names.emplace_back(orgs[s.organisation].name);
    // Roskilde (DK02) shares a project with both members; København (DK011) with one.
    EXPECT_EQ(names[0], "Roskilde Universitet");
    EXPECT_EQ(names[1], "Københavns Kommune");
    // Not eligible: a sole trader; outside Öresund: Odense (DK03, outside the area too).
    EXPECT_EQ(std::count(names.begin(), names.end(), "Helsingør Jobkonsult"), 0);
    EXPECT_EQ(std::count(names.begin(), names.end(), "Odense Kommune"), 0);
    EXPECT_EQ(r.suggestions[0].fills, std::vector<std::string>{"Denmark in Öresund"});
    EXPECT_EQ(r.suggestions[0].worked_with.size(), 2u);
    EXPECT_CONTAINS(r.suggestions[0].reason, "worked with Göteborgs universitet in 1 project (latest 2014-2020)");
    EXPECT_CONTAINS(r.suggestions[0].reason, "Aalborg Kommune");
    EXPECT_EQ(r.suggestions[0].region, "DK02");  // the name "Region Sjælland" resolved
}

TEST(Suggestions, OrgTypesAndCountriesAreCheckedAgainstTheProgramme) {
    CooperationNetwork n(consortium_history());
    const auto p = interreg_test::baseline();
    const auto& prog = interreg_test::programme();
    const auto unis = interreg::suggest_partners(n, prog, p, {10, {}, {"university"}, ""});
    for (const auto& s : unis.suggestions) EXPECT_EQ(n.history().organisations()[s.organisation].org_type, "university");
    EXPECT_THROW(interreg::suggest_partners(n, prog, p, {10, {"DE"}, {}, ""}), interreg::ArgumentError);
    EXPECT_THROW(interreg::suggest_partners(n, prog, p, {10, {}, {"univ"}, ""}), interreg::ArgumentError);
    EXPECT_THROW(interreg::suggest_partners(n, prog, p, {10, {}, {"sole-trader"}, ""}), interreg::ArgumentError);
    EXPECT_THROW(interreg::suggest_partners(n, prog, p, {10, {}, {}, "skåne"}), interreg::ArgumentError);
}

TEST(Suggestions, EmptyHistoryGivesNone) {
    CooperationNetwork n(read_history_csv("").history);
    const auto r = interreg::suggest_partners(n, interreg_test::programme(), interreg_test::baseline(), {});
    EXPECT_TRUE(r.suggestions.empty());
    EXPECT_TRUE(r.members.empty());
}

TEST(Network, PartnersReadFromTheHistoryAreTheGraphsTies) {
    const auto h = history({{"A", "B", "C"}, {"A", "B"}, {"D"}, {"A", "C", "E"}, {"F", "A"}, {"B", "C"}});
    CooperationNetwork n(h);
    for (std::uint32_t o = 0; o < n.organisation_count(); ++o) {
        const auto graph = n.partners_of(o);
        const auto direct = interreg::partners_in(*h, o);
        ASSERT_EQ(direct.size(), graph.size()) << o;
        for (std::size_t i = 0; i < graph.size(); ++i) {
            EXPECT_EQ(direct[i].organisation, graph[i].organisation) << o << " " << i;
            EXPECT_EQ(direct[i].projects, graph[i].projects);
            EXPECT_EQ(direct[i].latest, graph[i].latest);
        }
    }
    EXPECT_TRUE(interreg_test::thrown<interreg::ArgumentError>([&] { interreg::partners_in(*h, 99); }));
}

TEST(Network, SharedProjectsOfAHubInOnePass) {
    CooperationNetwork n(history({{"A", "B", "C"}, {"A", "B"}, {"D"}, {"A", "C", "E"}}));
    const auto ties = n.partners_of(id(n, "A"));
    const auto shared = n.shared_projects_of(id(n, "A"), ties);
    ASSERT_EQ(shared.offsets.size(), ties.size() + 1);
    EXPECT_EQ(shared.offsets.back(), shared.projects.size());
    for (std::size_t i = 0; i < ties.size(); ++i) {
        const std::vector<std::uint32_t> of_tie(shared.projects.begin() + shared.offsets[i],
                                                shared.projects.begin() + shared.offsets[i + 1]);
        EXPECT_EQ(of_tie, n.shared_projects(id(n, "A"), ties[i].organisation));
        EXPECT_EQ(of_tie.size(), ties[i].projects);
    }
    EXPECT_EQ(n.shared_projects(id(n, "C"), id(n, "A")), n.shared_projects(id(n, "A"), id(n, "C")));
    EXPECT_TRUE(n.shared_projects(id(n, "D"), id(n, "A")).empty());
}
