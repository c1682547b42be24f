// network.* rules on the consortium graph: each one silent on a consortium whose work packages
// mix countries, and firing on the shape it describes.
#include <gtest/gtest.h>

#include "interreg/consortium.hpp"
#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Proposal;
using interreg::Role;
using interreg_test::findings_of;

namespace {

// A work package led by `lead` with one activity per list of partner ids.
interreg::WorkPackage package(int number, const std::string& lead, const std::vector<std::vector<std::string>>& activities) {
    interreg::WorkPackage wp;
    wp.number = number;
    wp.title = "Work package " + std::to_string(number);
    wp.lead = lead;
    for (std::size_t i = 0; i < activities.size(); ++i) {
        interreg::Activity a;
        a.id = "A" + std::to_string(number) + "." + std::to_string(i + 1);
        a.title = "Activity " + a.id;
        a.partners = activities[i];
        wp.activities.push_back(a);
    }
    return wp;
}

// The baseline (PP1 SE, PP2 DK, PP3 NO) with a second Swedish partner PP4.
Proposal four_partners() {
    Proposal p = interreg_test::baseline();
    add_partner(p, interreg_test::make_partner("Lunds universitet", "SE", "Skåne", "university", Role::partner));
    return p;
}

std::vector<interreg::Finding> fired(const Proposal& p, std::string_view rule) {
    return findings_of(interreg::validate(interreg_test::programme(), p), rule);
}

Proposal mixed() {
    Proposal p = four_partners();
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP2", "PP3"}, {"PP1", "PP4", "PP2"}}),
                                 package(2, "PP2", {{"PP2", "PP3", "PP4"}})};
    return p;
}

}  // namespace

TEST(NetworkRules, SilentWithoutAWorkPlanAndOnAMixedConsortium) {
    for (const auto& p : {four_partners(), mixed()}) {
        for (const char* rule : {"network.isolated-country", "network.joint-activity", "network.single-bridge"}) {
            EXPECT_TRUE(fired(p, rule).empty()) << rule;
        }
    }
}

TEST(NetworkRules, IsolatedCountry) {
    Proposal p = four_partners();
    add_partner(p, interreg_test::make_partner("Københavns Kommune", "DK", "DK011", "local-authority", Role::partner));
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP3", "PP4"}}), package(2, "PP2", {{"PP2", "PP5"}})};
    const auto f = fired(p, "network.isolated-country");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, interreg::Severity::warning);
    EXPECT_EQ(f[0].path, "/work_plan/work_packages");
    EXPECT_CONTAINS(f[0].message, "Denmark");
    EXPECT_CONTAINS(f[0].message, "Aalborg Kommune and Københavns Kommune");
    EXPECT_CONTAINS(f[0].message, "joint activity");
    EXPECT_FALSE(f[0].source.empty());
}

TEST(NetworkRules, JointActivity) {
    Proposal p = four_partners();
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP3", "PP4"}}), package(2, "PP2", {{"PP2"}, {"PP2"}})};
    const auto f = fired(p, "network.joint-activity");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].severity, interreg::Severity::warning);
    EXPECT_EQ(f[0].path, "/partners/1");
    EXPECT_CONTAINS(f[0].message, "2 activities");
}

TEST(NetworkRules, JointActivityLeavesPartnersWithoutActivitiesToTheWorkPlanRules) {
    Proposal p = four_partners();
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP2", "PP3"}})};  // PP4 in none
    EXPECT_TRUE(fired(p, "network.joint-activity").empty());
}

TEST(NetworkRules, SingleBridge) {
    Proposal p = four_partners();
    // Links PP1-PP2, PP1-PP4, PP2-PP3: PP1 alone joins PP4 (SE) to DK and NO; PP2 alone joins NO to SE.
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP2"}}), package(2, "PP1", {{"PP1", "PP4"}}),
                                 package(3, "PP2", {{"PP2", "PP3"}})};
    const auto f = fired(p, "network.single-bridge");
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].severity, interreg::Severity::info);
    EXPECT_EQ(f[0].path, "/partners/0");
    EXPECT_CONTAINS(f[0].message, "Denmark and Sweden");
    EXPECT_CONTAINS(f[0].message, "Norway and Sweden");
    EXPECT_EQ(f[1].path, "/partners/1");
    EXPECT_CONTAINS(f[1].message, "Norway and Sweden");
}

TEST(ConsortiumBridges, NoneWithFewerThanThreePartners) {
    // Found by fuzz_validate (seed regression-one-partner-bridges.json): one partner in an
    // activity made Boost count the components of a graph with every vertex filtered out, an int
    // overflow that clang's UBSan reports.
    for (std::size_t size : {1u, 2u}) {
        Proposal p = four_partners();
        p.partners.resize(size);
        p.work_plan.work_packages = {package(1, "PP1", {{"PP1"}, {"PP1", size == 2 ? "PP2" : "PP1"}})};
        EXPECT_TRUE(interreg::consortium_bridges(p, interreg::consortium_graph(p)).empty()) << size;
    }
}

TEST(ConsortiumGraph, LinksCountActivitiesAndWorkPackages) {
    Proposal p = four_partners();
    p.work_plan.work_packages = {package(1, "PP1", {{"PP1", "PP2"}, {"PP2", "PP3", "PX"}})};
    const auto g = interreg::consortium_graph(p);
    EXPECT_EQ(g.activities, (std::vector<std::uint32_t>{1, 2, 1, 0}));
    ASSERT_EQ(g.links.size(), 3u);  // 0-1 (activity + package), 0-2 (package), 1-2 (activity + package)
    EXPECT_EQ(g.links[0].a, 0u);
    EXPECT_EQ(g.links[0].b, 1u);
    EXPECT_EQ(g.links[0].activities, 1u);
    EXPECT_EQ(g.links[0].work_packages, 1u);
    EXPECT_EQ(g.links[1].activities, 0u);
    EXPECT_EQ(g.links[1].work_packages, 1u);
}
