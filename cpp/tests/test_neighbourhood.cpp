// HistoryNeighbourhood: the co-participation graph's rows read from the history agree with the
// graph bit for bit, and partner suggestions made from the history equal those from the graph.
#include <gtest/gtest.h>

#include <random>

#include "interreg/network.hpp"
#include "interreg/partners.hpp"
#include "interreg/synthetic.hpp"
#include "test_support.hpp"

using interreg::CooperationNetwork;
using interreg::HistoryNeighbourhood;

namespace {

std::shared_ptr<const interreg::History> synthetic(std::uint32_t projects) {
    return interreg::synthetic_history({7, projects, 420});
}

std::vector<std::uint32_t> row(std::pair<const std::uint32_t*, const std::uint32_t*> r) { return {r.first, r.second}; }

}  // namespace

TEST(HistoryNeighbourhood, RowsDegreesAndEdgesAreTheGraphs) {
    const CooperationNetwork net(synthetic(1500));
    const HistoryNeighbourhood rows(net.history());
    for (std::uint32_t o = 0; o < net.organisation_count(); ++o) {
        ASSERT_EQ(row(rows.neighbours(o)), row(net.neighbours(o))) << o;
        ASSERT_EQ(rows.degree(o), net.degree(o));
        for (const std::uint32_t v : row(net.neighbours(o))) {
            const auto* mine = rows.edge(o, v);
            const auto* graphs = net.edge(o, v);
            ASSERT_NE(mine, nullptr);
            EXPECT_EQ(mine->projects, graphs->projects);
            EXPECT_EQ(mine->latest, graphs->latest);
        }
    }
    EXPECT_EQ(rows.edge(0, 0), nullptr);  // no organisation is its own partner
    EXPECT_THROW(rows.neighbours(net.organisation_count()), interreg::ArgumentError);
    EXPECT_THROW(rows.edge(0, net.organisation_count()), interreg::ArgumentError);
}

TEST(HistoryNeighbourhood, AdamicAdarAndCommonNeighboursAreTheGraphsBitForBit) {
    const CooperationNetwork net(synthetic(1500));
    const HistoryNeighbourhood rows(net.history());
    std::mt19937 rng(3);
    std::uniform_int_distribution<std::uint32_t> any(0, net.organisation_count() - 1);
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<std::uint32_t> members;
        for (int k = 0; k < 1 + trial % 6; ++k) members.push_back(any(rng));
        const auto mine = rows.adamic_adar_scores(members);
        const auto graphs = net.adamic_adar_scores(members);
        EXPECT_EQ(mine.scored, graphs.scored);
        EXPECT_EQ(mine.score, graphs.score);  // exact: the same sums in the same order
        EXPECT_EQ(rows.common_neighbours(members[0], members.back()), net.common_neighbours(members[0], members.back()));
    }
}

TEST(HistoryNeighbourhood, SuggestionsFromTheHistoryAreTheNetworks) {
    const CooperationNetwork net(synthetic(3000));
    const auto& orgs = net.history().organisations();
    const auto& programme = interreg_test::programme();
    std::mt19937 rng(5);
    std::uniform_int_distribution<std::uint32_t> any(0, net.organisation_count() - 1);
    std::size_t compared = 0;
    for (int trial = 0; trial < 25; ++trial) {
        interreg::Proposal p = interreg_test::baseline();
        for (auto& partner : p.partners) {  // partners the history knows, of any country
            const auto& o = orgs[any(rng)];
            partner.name = std::string(o.name);
            partner.country = std::string(o.country);
        }
        const interreg::SuggestOptions options{10, trial % 3 ? std::vector<std::string>{} : std::vector<std::string>{"NO"}, {},
                                               trial % 4 ? "" : "whole"};
        const auto mine = interreg::suggest_partners(net.history(), programme, p, options);
        const auto graphs = interreg::suggest_partners(net, programme, p, options);
        EXPECT_EQ(mine.members, graphs.members);
        EXPECT_EQ(mine.member_organisations, graphs.member_organisations);
        EXPECT_EQ(mine.gaps, graphs.gaps);
        ASSERT_EQ(mine.suggestions.size(), graphs.suggestions.size());
        for (std::size_t i = 0; i < mine.suggestions.size(); ++i) {
            const auto& a = mine.suggestions[i];
            const auto& b = graphs.suggestions[i];
            EXPECT_EQ(a.organisation, b.organisation);
            EXPECT_EQ(a.score, b.score);
            EXPECT_EQ(a.fills, b.fills);
            EXPECT_EQ(a.via, b.via);
            EXPECT_EQ(a.projects, b.projects);
            EXPECT_EQ(a.reason, b.reason);
            ASSERT_EQ(a.worked_with.size(), b.worked_with.size());
            for (std::size_t k = 0; k < a.worked_with.size(); ++k) EXPECT_EQ(a.worked_with[k].projects, b.worked_with[k].projects);
            ++compared;
        }
    }
    EXPECT_GT(compared, 100u);  // the trials did suggest
}
