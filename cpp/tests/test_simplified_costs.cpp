// budget.simplified-costs (CPR Art. 53(2)): in an operation whose total eligible cost (the
// partners ERDF finances) is at most EUR 200,000, a partner not under State aid budgets no line
// at real cost outside the base of its flat rates. The pre-project baseline (test_support.hpp)
// has ERDF partners of 23,000.00 (staff + office 15 %) and 42,000.00 (staff + 40 %): 65,000.00.
#include <gtest/gtest.h>

#include <functional>

#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::BudgetLine;
using interreg::Category;
using interreg::Proposal;
using interreg::Severity;
using interreg::StateAid;
using interreg::StateAidScheme;
using interreg_test::budget_line;
using interreg_test::expect_silent;
using interreg_test::fired;
using interreg_test::percent;
using interreg_test::pre_project_baseline;
using interreg_test::programme;
using interreg_test::single;
using json = nlohmann::json;

namespace {

constexpr const char* rule = "budget.simplified-costs";

std::shared_ptr<const interreg::Programme> mutated_programme(const std::function<void(json&)>& mutate) {
    json doc = interreg_test::programme_doc();
    mutate(doc);
    return interreg::Programme::from_json(doc);
}

json& rule_params(json& doc) { return doc["rules"][interreg_test::index_of(doc, "rules", "id", rule)]["params"]; }

// The pre-project with the lead's budget at real cost only: 20,000.00 + 10,000.00 + 2,000.00 =
// 32,000.00; the operation's ERDF partners 74,000.00.
Proposal lead_at_real_cost() {
    Proposal p = pre_project_baseline();
    auto& b = p.partners[0].budget;
    b = {};
    b.lines.push_back(budget_line(Category::staff, "Project manager", "hours", "400", "50.00"));
    b.lines.push_back(budget_line(Category::external, "Feasibility study", "contract", "1", "10000.00"));
    b.lines.push_back(budget_line(Category::equipment, "Sensors", "set", "1", "2000.00"));
    return p;
}

// The pre-project with the lead's costs one staff line of `amount` at real cost.
Proposal lead_staff_only(const char* amount) {
    Proposal p = pre_project_baseline();
    p.partners[0].budget = {};
    p.partners[0].budget.lines.push_back(budget_line(Category::staff, "Staff", "lump", "1", amount));
    return p;
}

}  // namespace

TEST(FlatRateBases, WhatEachRateIsComputedOn) {
    auto bases = [](auto set) {
        interreg::FlatRates r;
        set(r);
        std::string out;
        const auto b = interreg::flat_rate_bases(r);
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (b[i]) out += (out.empty() ? "" : " ") + std::string(to_string(static_cast<Category>(i)));
        }
        return out;
    };
    EXPECT_EQ(bases([](auto&) {}), "");
    EXPECT_EQ(bases([](auto& r) { r.staff = percent("20%"); }), "travel external equipment infrastructure");
    EXPECT_EQ(bases([](auto& r) { r.office_on_staff = percent("15%"); }), "staff");
    EXPECT_EQ(bases([](auto& r) { r.travel = percent("15%"); }), "staff");
    EXPECT_EQ(bases([](auto& r) { r.other_costs = percent("40%"); }), "staff");
    EXPECT_EQ(bases([](auto& r) { r.office_on_direct = percent("7%"); }), "staff travel external equipment infrastructure");
}

TEST(SimplifiedCosts, PreProjectWithFlatRatesIsFine) { expect_silent(pre_project_baseline(), rule); }

TEST(SimplifiedCosts, FiresForRealCostsInASmallOperation) {
    const auto f = single(lead_at_real_cost(), rule);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/partners/0/budget");
    EXPECT_FALSE(f->assumed);
    EXPECT_CONTAINS(f->source, "Art. 53(2)");
    for (const char* text : {"74000.00 EUR", "at most 200000.00 EUR", "European Regional Development Fund",
                             "Göteborgs universitet budgets line 1 (Project manager), line 2 (Feasibility study) and "
                             "line 3 (Sensors) at real cost",
                             "a lump sum line", "staff costs with 40% for all other costs", "State-aid scheme"}) {
        EXPECT_CONTAINS(f->message, text);
    }
    EXPECT_NOT_CONTAINS(f->message, "unit cost '");  // ÖKS defines no unit costs
}

TEST(SimplifiedCosts, APreProjectEntirelyAtRealCostFiresForEveryErdfPartner) {
    Proposal p = lead_at_real_cost();
    p.partners[1].budget.flat_rates = {};  // the municipality's staff without the 40 %
    p.partners[2].budget.flat_rates = {};  // the Norwegian county: outside the CPR
    const auto found = fired(p, rule);
    ASSERT_EQ(found.size(), 2u) << interreg_test::describe(interreg_test::check(p));
    EXPECT_EQ(found[0].path, "/partners/0/budget");
    EXPECT_EQ(found[1].path, "/partners/1/budget");
    EXPECT_CONTAINS(found[1].message, "Aalborg Kommune budgets line 1 (Project coordinator) at real cost");
    EXPECT_CONTAINS(found[1].message, "62000.00 EUR");  // 32,000.00 + 30,000.00
}

TEST(SimplifiedCosts, OnlyLinesOutsideTheFlatRatesBasesAreNamed) {
    Proposal p = lead_at_real_cost();
    p.partners[0].budget.flat_rates.office_on_staff = percent("15%");  // staff is its base
    const auto f = single(p, rule);
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "budgets line 2 (Feasibility study) and line 3 (Sensors) at real cost");
    EXPECT_NOT_CONTAINS(f->message, "line 1");
}

TEST(SimplifiedCosts, StaffFlatRateCoversTheOtherDirectCosts) {
    Proposal p = lead_at_real_cost();
    auto& b = p.partners[0].budget;
    b.lines.erase(b.lines.begin());  // no staff lines under a staff flat rate
    b.lines.push_back(budget_line(Category::travel, "Study visits", "trips", "4", "500.00"));
    b.flat_rates.staff = percent("20%");
    expect_silent(p, rule);
}

TEST(SimplifiedCosts, OfficeOnDirectCostsCoversAllDirectCosts) {
    Proposal p = lead_at_real_cost();
    p.partners[0].budget.flat_rates.office_on_direct = percent("7%");
    expect_silent(p, rule);
}

TEST(SimplifiedCosts, ProjectDefinedLumpSumsAreSimplified) {
    Proposal p = pre_project_baseline();
    p.partners[0].budget = {};
    p.partners[0].budget.lines.push_back(budget_line(Category::lump_sum, "Pre-project study", "study", "1", "40000.00"));
    expect_silent(p, rule);
}

TEST(SimplifiedCosts, ProgrammeUnitCostsAreSimplifiedAndOffered) {
    const auto prog = mutated_programme([](json& d) {
        d["budget"]["unit_costs"] = json::array({json{{"id", "staff-hour"},
                                                      {"name", {{"en", "Staff hour"}}},
                                                      {"category", "staff"},
                                                      {"unit_type", "hours"},
                                                      {"price", "48.50"},
                                                      {"source", "cpr"},
                                                      {"status", "assumed"}}});
    });
    Proposal p = lead_staff_only("20000.00");
    const auto f = single(p, rule, *prog);
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "the programme's unit cost 'staff-hour'");
    BudgetLine hours = budget_line(Category::staff, "Staff hours", "hours", "400", "0");
    hours.unit_cost = "staff-hour";
    p.partners[0].budget.lines = {hours};
    interreg_test::expect_silent(p, rule, *prog);
}

TEST(SimplifiedCosts, PartnersUnderStateAidAreExempt) {
    for (auto scheme : {StateAidScheme::de_minimis, StateAidScheme::gber_20a, StateAidScheme::gber_other}) {
        Proposal p = lead_at_real_cost();
        p.partners[0].state_aid = StateAid{scheme, std::nullopt};
        expect_silent(p, rule);
    }
    Proposal none = lead_at_real_cost();
    ASSERT_EQ(none.partners[0].state_aid->scheme, StateAidScheme::none);  // "none" is no exemption
    EXPECT_EQ(fired(none, rule).size(), 1u);
    none.partners[0].state_aid.reset();
    EXPECT_EQ(fired(none, rule).size(), 1u);
}

TEST(SimplifiedCosts, AtMostTheMaximumFiresOneCentMoreDoesNot) {
    // 158,000.00 + 42,000.00 = 200,000.00 of ERDF partners; the Norwegian 36,500.00 does not count.
    const auto f = single(lead_staff_only("158000.00"), rule);
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "is 200000.00 EUR");
    expect_silent(lead_staff_only("158000.01"), rule);
}

TEST(SimplifiedCosts, NorwegianPartnersAreNotChecked) {
    // PP3's travel line is outside the base of its office flat rate (staff), but Norwegian
    // funds are not under the CPR.
    const Proposal p = lead_at_real_cost();
    for (const auto& f : fired(p, rule)) EXPECT_NE(f.path, "/partners/2/budget");
    const auto prog = mutated_programme([](json& d) { rule_params(d)["funds"] = json::array({"erdf", "no-interreg"}); });
    const auto found = fired(p, rule, *prog);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[1].path, "/partners/2/budget");
    EXPECT_CONTAINS(found[1].message, "110500.00 EUR");  // 74,000.00 + 36,500.00
    EXPECT_CONTAINS(found[1].message, "line 2 (Partner meetings)");
}

TEST(SimplifiedCosts, TheMaximumIsAParameter) {
    const auto prog = mutated_programme([](json& d) { rule_params(d)["max_total"] = "50000.00"; });
    interreg_test::expect_silent(lead_at_real_cost(), rule, *prog);
}

TEST(SimplifiedCosts, AssociatedPartnersAreLeftToBudgetAssociated) {
    Proposal p = pre_project_baseline();
    interreg::Partner council = interreg_test::make_partner("Nordic Council of Ministers", "DK", "Hovedstaden",
                                                            "other-public", interreg::Role::associated);
    council.budget.lines.push_back(budget_line(Category::travel, "Travel", "trips", "2", "400.00"));
    add_partner(p, std::move(council));
    expect_silent(p, rule);
    EXPECT_EQ(fired(p, "budget.associated").size(), 1u);
}

TEST(SimplifiedCosts, ParametersAreChecked) {
    auto error = [](const std::function<void(json&)>& mutate) {
        return interreg_test::thrown<interreg::ProgrammeError>([&] { mutated_programme(mutate); });
    };
    auto amount = error([](json& d) { rule_params(d)["max_total"] = "200 000"; });
    ASSERT_TRUE(amount);
    EXPECT_CONTAINS(amount->path(), "/params/max_total");
    auto funds = error([](json& d) { rule_params(d)["funds"] = "erdf"; });
    ASSERT_TRUE(funds);
    EXPECT_CONTAINS(funds->path(), "/params/funds");
}
