// What-if sweeps: a variant reads exactly as its whole document would (the proposal, or the
// reader's error and its path), its figures are its summary's, and the product's order.
#include <gtest/gtest.h>

#include "../src/sweep_variant.hpp"
#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"
#include "interreg/sweep.hpp"
#include "test_support.hpp"

using interreg::Proposal;
using interreg::SweepVariants;
using interreg_test::baseline;
using interreg_test::programme;
using json = nlohmann::json;

namespace {

using Changes = std::vector<std::pair<std::string, json>>;

SweepVariants variants_of(const std::vector<Changes>& list) {
    SweepVariants v;
    for (const auto& changes : list) {
        auto& variant = v.variants.emplace_back();
        for (const auto& [pointer, value] : changes) {
            auto at = std::find(v.pointers.begin(), v.pointers.end(), pointer);
            if (at == v.pointers.end()) at = v.pointers.insert(v.pointers.end(), pointer);
            variant.emplace_back(static_cast<std::size_t>(at - v.pointers.begin()), v.values.size());
            v.values.push_back(value);
        }
    }
    return v;
}

// The variant done by hand: its changes applied to the whole document in order, the array
// elements it removes taken out last from the highest index down, and the document read.
std::string by_hand(const Proposal& base, const Changes& changes) {
    json doc = json::parse(interreg::dump_proposal(base));
    std::vector<json::json_pointer> removals;
    for (const auto& [pointer, value] : changes) {
        const json::json_pointer ptr(pointer);
        if (value.is_null() && doc.at(ptr.parent_pointer()).is_array()) {
            removals.push_back(ptr);
        } else {
            doc[ptr] = value;
        }
    }
    std::sort(removals.begin(), removals.end(), [](const auto& a, const auto& b) { return std::stoul(a.back()) > std::stoul(b.back()); });
    for (const auto& ptr : removals) doc.at(ptr.parent_pointer()).erase(std::stoul(ptr.back()));
    try {
        return interreg::dump_proposal(interreg::proposal_from_json(doc));
    } catch (const interreg::FormatError& e) {
        return std::string("refused: ") + e.what();
    }
}

std::string by_sweep(const Proposal& base, const Changes& changes) {
    const SweepVariants v = variants_of({changes});
    try {
        return interreg::dump_proposal(interreg::detail::VariantReader(base, v).read(v.variants[0]));
    } catch (const interreg::FormatError& e) {
        return std::string("refused: ") + e.what();
    }
}

}  // namespace

TEST(SweepVariant, ReadsAsTheWholeDocumentWould) {
    const Proposal base = baseline();
    const std::vector<Changes> cases = {
        {},
        {{"/partners/1/cofinancing/rate", "40%"}},
        {{"/partners/0/budget/flat_rates/office_on_staff", "15%"}},
        {{"/partners/0/budget/flat_rates/office_on_staff", nullptr}},
        {{"/partners/2/budget/flat_rates/other_costs", "40%"}},  // conflicts with its travel line: a finding
        {{"/partners/0/budget/lines/0/units", "10"}, {"/partners/2/country", "SE"}},
        {{"/partners/0/budget/lines/0", nullptr}},
        {{"/partners/0/budget/lines/0", nullptr}, {"/partners/0/budget/lines/1", nullptr}},
        {{"/partners/0/budget/lines/-", {{"category", "travel"}, {"description", "Trip"}, {"units", "2"}, {"unit_price", "400.00"}}}},
        {{"/partners/1", nullptr}},
        {{"/partners/0", nullptr}, {"/partners/2/role", "lead"}},
        {{"/partners/1/name", "Aalborg Universitet"}, {"/partners/1/org_type", "university"}},
        {{"/partners/-", {{"id", "PP9"}, {"name", "Lunds universitet"}, {"country", "SE"}, {"role", "partner"}}}},
        {{"/duration_months", 24}, {"/start", "2026-03-01"}},
        {{"/specific_objective", "RSO1.1"}, {"/partners/1/cofinancing/rate", "50%"}},
        {{"/exchange_rates/NOK", {{"rate", "11.5"}}}},
        {{"/work_plan", nullptr}},
        {{"/partners", json::array()}},
        // Refused, each with the reader's message at the variant document's path.
        {{"/partners/1/cofinancing/rate", "lots"}},
        {{"/partners/1/cofinancing/rate", 0.4}},
        {{"/partners/1/id", "PP1"}},
        {{"/partners/0", nullptr}, {"/partners/2/id", "PP2"}},
        {{"/partners/1/name", nullptr}},
        {{"/partners/1/budget/lines/0/unit_price", "-5.00"}},
        {{"/partners/0/colour", "blue"}},
        {{"/duration_months", 0}},
        {{"/partners/-", {{"id", "PP9"}, {"name", "Nobody"}}}},
    };
    for (const auto& changes : cases) {
        std::string what;
        for (const auto& [pointer, value] : changes) what += pointer + "=" + value.dump() + " ";
        EXPECT_EQ(by_sweep(base, changes), by_hand(base, changes)) << what;
    }
}

TEST(SweepVariant, AWorkPlanGivenToAProposalWithoutOne) {
    Proposal base = baseline();
    base.work_plan = {};  // its document has no "work_plan" key
    const json work_plan = json::parse(interreg::dump_proposal(baseline())).at("work_plan");
    for (const Changes& changes : std::vector<Changes>{{{"/work_plan", work_plan}}, {{"/work_plan", nullptr}},
                                                       {{"/work_plan", 7}}}) {
        EXPECT_EQ(by_sweep(base, changes), by_hand(base, changes)) << changes[0].second.dump().substr(0, 40);
    }
}

TEST(SweepVariant, PointersTheBaseHasNoPlaceForAreArgumentErrors) {
    const Proposal base = baseline();
    for (const std::string pointer : {"", "partners/0", "/partners/7/name", "/partners/0/budget/lines/99",
                                      "/nothing/here", "/partners/x/name", "/partners/0/name~2", "/partners/01/name"}) {
        const SweepVariants v = variants_of({{{pointer, "x"}}});
        EXPECT_THROW(interreg::detail::VariantReader(base, v), interreg::ArgumentError) << pointer;
    }
    const SweepVariants append_nothing = variants_of({{{"/partners/-", nullptr}}});
    EXPECT_THROW(interreg::detail::VariantReader(base, append_nothing), interreg::ArgumentError);
}

TEST(SweepVariant, AChangeInsideWhatTheVariantRemovedHasNoPlace) {
    const Proposal base = baseline();
    const SweepVariants v = variants_of({{{"/partners/0/budget/lines", json::array()}, {"/partners/0/budget/lines/0/units", "3"}},
                                         {{"/partners/1", nullptr}, {"/partners/1/name", "X"}}});
    const interreg::detail::VariantReader reader(base, v);
    const auto first = interreg_test::thrown<interreg::FormatError>([&] { reader.read(v.variants[0]); });
    ASSERT_TRUE(first);
    EXPECT_EQ(first->path(), "/partners/0/budget/lines/0/units");
    const auto second = interreg_test::thrown<interreg::FormatError>([&] { reader.read(v.variants[1]); });
    ASSERT_TRUE(second);
    EXPECT_EQ(second->path(), "/partners/1");
    EXPECT_CONTAINS(second->detail(), "no such place");
}

TEST(SweepProduct, EveryCombinationInItertoolsOrder) {
    const SweepVariants v = interreg::sweep_product({{"/a", {1, 2}}, {"/b", {"x", "y", "z"}}});
    ASSERT_EQ(v.variants.size(), 6u);
    std::vector<std::string> seen;
    for (const auto& variant : v.variants) {
        ASSERT_EQ(variant.size(), 2u);
        seen.push_back(v.values[variant[0].second].dump() + v.values[variant[1].second].dump());
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"1\"x\"", "1\"y\"", "1\"z\"", "2\"x\"", "2\"y\"", "2\"z\""}));
    EXPECT_THROW(interreg::sweep_product({{"/a", {}}}), interreg::ArgumentError);
    EXPECT_THROW(interreg::sweep_product({{"/a", {1}}, {"/a", {2}}}), interreg::ArgumentError);
    std::vector<json> thousand(1001, 1);
    EXPECT_THROW(interreg::sweep_product({{"/a", thousand}, {"/b", thousand}}), interreg::ArgumentError);
}

TEST(Sweep, EachRowIsThatVariantsSummaryAndValidation) {
    const Proposal base = baseline();
    const SweepVariants v = interreg::sweep_product({{"/partners/1/cofinancing/rate", {"60%", "40%", "odd"}},
                                                     {"/partners/2/cofinancing/rate", {"50%", "30%"}}});
    for (unsigned workers : {1u, 3u}) {
        const interreg::SweepTable t = interreg::sweep(programme(), base, v, workers);
        ASSERT_EQ(t.error.size(), 6u);
        const auto column = [&](const std::string& name) {
            const auto it = std::find(t.money_columns.begin(), t.money_columns.end(), name);
            EXPECT_NE(it, t.money_columns.end()) << name;
            return t.money[static_cast<std::size_t>(it - t.money_columns.begin())];
        };
        for (std::size_t k = 0; k < 6; ++k) {
            const interreg::detail::VariantReader reader(base, v);
            if (k >= 4) {  // "odd" is not a rate
                EXPECT_CONTAINS(t.error[k], "/partners/1/cofinancing/rate");
                EXPECT_EQ(t.errors[k], -1);
                EXPECT_FALSE(column("total")[k].has_value());
                continue;
            }
            EXPECT_EQ(t.error[k], "");
            const Proposal p = reader.read(v.variants[k]);
            const auto s = interreg::summarise_budget(programme(), p);
            const auto report = interreg::validate(programme(), p);
            EXPECT_EQ(column("total")[k], s.costs.total);
            EXPECT_EQ(column("fund:erdf")[k], s.fund_totals.at("erdf"));
            EXPECT_EQ(column("fund:erdf:DK")[k], s.partners[1].fund_amount);
            EXPECT_EQ(column("fund:no-interreg:NO")[k], s.partners[2].fund_amount);
            EXPECT_EQ(column("contribution")[k], s.contribution);
            EXPECT_EQ(column("contribution:PP2")[k], s.partners[1].contribution);
            EXPECT_EQ(*column("fund:erdf")[k] + *column("fund:no-interreg")[k] + *column("contribution")[k], s.costs.total);
            EXPECT_EQ(t.errors[k], static_cast<int>(report.count(interreg::Severity::error)));
            EXPECT_EQ(t.warnings[k], static_cast<int>(report.count(interreg::Severity::warning)));
        }
    }
}

TEST(Sweep, TheHeadroomIsTheCapLessTheFund) {
    Proposal base = interreg_test::pre_project_baseline();
    const SweepVariants v = variants_of({{}});
    const interreg::SweepTable t = interreg::sweep(programme(), base, v, 1);
    const auto caps = interreg::fund_caps(programme(), base);
    const auto s = interreg::summarise_budget(programme(), base);
    for (const auto& [fund, cap] : caps) {
        const auto it = std::find(t.money_columns.begin(), t.money_columns.end(), "headroom:" + fund);
        ASSERT_NE(it, t.money_columns.end()) << fund;
        const auto used = s.fund_totals.count(fund) ? s.fund_totals.at(fund) : interreg::Money();
        EXPECT_EQ(t.money[static_cast<std::size_t>(it - t.money_columns.begin())][0], cap.amount - used);
    }
    EXPECT_FALSE(caps.empty());
}
