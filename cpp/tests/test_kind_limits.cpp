// project.kind-limits: a project kind's partner count and cap on the whole budget, read from
// the programme document (project_kinds[].min_partners, max_partners, total_budget_cap).
#include <gtest/gtest.h>

#include "interreg/programme.hpp"
#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Programme;
using interreg_test::baseline;
using interreg_test::fired;
using interreg_test::programme_doc;
using interreg_test::single;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

// The embedded ÖKS document with limits on its main kind and the rule switched on.
std::shared_ptr<const Programme> with_limits(const json& limits) {
    json doc = programme_doc();
    for (auto& kind : doc["project_kinds"]) {
        if (kind["id"] == "main") kind.update(limits);
    }
    doc["rules"].push_back({{"id", "project.kind-limits"}, {"params", json::object()}, {"source", "call-2024-2"},
                            {"status", "confirmed"}});
    return Programme::from_json(doc);
}

}  // namespace

TEST(KindLimits, WithinTheLimitsIsSilent) {
    const auto prog = with_limits({{"min_partners", 3}, {"max_partners", 3}, {"total_budget_cap", "10000000.00"}});
    EXPECT_TRUE(fired(baseline(), "project.kind-limits", *prog).empty());
}

TEST(KindLimits, TooManyPartnersCitesTheKindsPage) {
    const auto prog = with_limits({{"max_partners", 2}});
    const auto f = single(baseline(), "project.kind-limits", *prog);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->path, "/partners");
    EXPECT_CONTAINS(f->message, "3 partners");
    EXPECT_CONTAINS(f->message, "at most 2");
    EXPECT_EQ(f->source, prog->project_kind("main")->source.text());
}

TEST(KindLimits, TooFewPartners) {
    const auto f = single(baseline(), "project.kind-limits", *with_limits({{"min_partners", 4}}));
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "at least 4");
}

TEST(KindLimits, AssociatedPartnersDoNotCount) {
    auto p = baseline();
    p.partners[1].role = interreg::Role::associated;
    const auto f = single(p, "project.kind-limits", *with_limits({{"min_partners", 3}}));
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "has 2 partner(s)");
}

TEST(KindLimits, TotalBudgetOverTheCapSaysByHowMuch) {
    const auto f = single(baseline(), "project.kind-limits", *with_limits({{"total_budget_cap", "1000.00"}}));
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "at most 1000.00 EUR in total");
    EXPECT_CONTAINS(f->message, "over by");
}

TEST(KindLimits, MaxBelowMinIsAProgrammeError) {
    json doc = programme_doc();
    doc["project_kinds"][0]["min_partners"] = 5;
    doc["project_kinds"][0]["max_partners"] = 4;
    const auto e = thrown<interreg::ProgrammeError>([&] { Programme::from_json(doc); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/project_kinds/0/max_partners");
}
