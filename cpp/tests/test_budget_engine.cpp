// The budget engine, checked against budgets worked out by hand. Each case states the rounding
// step by step (amounts in euro, then the cents the engine must give) and asserts every field
// of the CostBreakdown, the fund amount and the contribution, the per-period values, and that
// the periods add up to the totals.
//
// The rules (docs/budget.md, from the programmes' monitoring system): a line is units × unit
// price truncated to the cent; flat rates are computed on category totals and rounded down,
// later flat rates using the rounded values (staff flat → travel flat → office → other costs);
// fund = total × rate rounded down, contribution = the remainder; per period, each period's
// flat rates and fund are computed on that period's sums and the last period takes the
// residual; a currency converts as local ÷ rate, truncated.
#include <gtest/gtest.h>

#include <functional>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::BudgetLine;
using interreg::BudgetSummary;
using interreg::Category;
using interreg::CostBreakdown;
using interreg::Money;
using interreg::Partner;
using interreg::PartnerBudget;
using interreg::PartnerSummary;
using interreg::Proposal;
using interreg::Rate;
using interreg::Role;
using interreg_test::budget_line;
using interreg_test::eur;
using interreg_test::make_partner;
using interreg_test::percent;
using interreg_test::programme;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

// Expected costs in cents, in the order of CostBreakdown.
struct B {
    std::int64_t staff, office_admin, travel, external, equipment, infrastructure, other_costs, lump_sums, total;
};

void expect_breakdown(const CostBreakdown& got, const B& want, const std::string& where) {
    SCOPED_TRACE(where);
    // The expectation itself must add up (guards the hand arithmetic).
    EXPECT_EQ(want.staff + want.office_admin + want.travel + want.external + want.equipment + want.infrastructure +
                  want.other_costs + want.lump_sums,
              want.total)
        << "expected breakdown does not add up";
    EXPECT_EQ(got.staff.cents(), want.staff) << "staff";
    EXPECT_EQ(got.office_admin.cents(), want.office_admin) << "office_admin";
    EXPECT_EQ(got.travel.cents(), want.travel) << "travel";
    EXPECT_EQ(got.external.cents(), want.external) << "external";
    EXPECT_EQ(got.equipment.cents(), want.equipment) << "equipment";
    EXPECT_EQ(got.infrastructure.cents(), want.infrastructure) << "infrastructure";
    EXPECT_EQ(got.other_costs.cents(), want.other_costs) << "other_costs";
    EXPECT_EQ(got.lump_sums.cents(), want.lump_sums) << "lump_sums";
    EXPECT_EQ(got.total.cents(), want.total) << "total";
}

template <class Amounts>
std::vector<std::int64_t> cents(const Amounts& v) {
    std::vector<std::int64_t> out;
    for (Money m : v) out.push_back(m.cents());
    return out;
}

struct Expected {
    B costs;
    std::int64_t fund_amount, contribution;
    std::vector<B> periods;
    std::vector<std::int64_t> fund_by_period, contribution_by_period;
};

void expect_partner(const PartnerSummary& got, const Expected& want) {
    SCOPED_TRACE("partner " + got.id + " (" + got.name + ")");
    expect_breakdown(got.costs, want.costs, "costs");
    EXPECT_EQ(got.fund_amount.cents(), want.fund_amount) << "fund_amount";
    EXPECT_EQ(got.contribution.cents(), want.contribution) << "contribution";
    EXPECT_EQ(want.fund_amount + want.contribution, want.costs.total) << "expected fund + contribution";
    ASSERT_EQ(got.periods.size(), want.periods.size());
    for (std::size_t k = 0; k < want.periods.size(); ++k) {
        expect_breakdown(got.periods[k], want.periods[k], "period " + std::to_string(k + 1));
    }
    EXPECT_EQ(cents(got.fund_by_period), want.fund_by_period) << "fund_by_period";
    EXPECT_EQ(cents(got.contribution_by_period), want.contribution_by_period) << "contribution_by_period";
}

// Every total is the sum of its parts: periods → partner, lines → line totals, partners →
// project, per field.
void expect_consistent(const BudgetSummary& s) {
    const std::size_t n = s.periods.size();
    ASSERT_GE(n, 1u);
    ASSERT_EQ(s.period_totals.size(), n);
    CostBreakdown project;
    Money fund, contribution;
    std::map<std::string, Money> by_fund, by_country;
    for (const auto& p : s.partners) {
        SCOPED_TRACE("partner " + p.id);
        ASSERT_EQ(p.periods.size(), n);
        ASSERT_EQ(p.fund_by_period.size(), n);
        ASSERT_EQ(p.contribution_by_period.size(), n);
        CostBreakdown sum;
        Money fund_sum, contribution_sum;
        for (std::size_t k = 0; k < n; ++k) {
            sum += p.periods[k];
            fund_sum = fund_sum + p.fund_by_period[k];
            contribution_sum = contribution_sum + p.contribution_by_period[k];
            EXPECT_EQ(p.fund_by_period[k] + p.contribution_by_period[k], p.periods[k].total) << "period " << k + 1;
            const auto& b = p.periods[k];
            EXPECT_EQ(b.staff + b.office_admin + b.travel + b.external + b.equipment + b.infrastructure +
                          b.other_costs + b.lump_sums,
                      b.total)
                << "period " << k + 1;
        }
        for (auto field : {&CostBreakdown::staff, &CostBreakdown::office_admin, &CostBreakdown::travel,
                           &CostBreakdown::external, &CostBreakdown::equipment, &CostBreakdown::infrastructure,
                           &CostBreakdown::other_costs, &CostBreakdown::lump_sums, &CostBreakdown::total}) {
            EXPECT_EQ(sum.*field, p.costs.*field);
        }
        EXPECT_EQ(fund_sum, p.fund_amount);
        EXPECT_EQ(contribution_sum, p.contribution);
        EXPECT_EQ(p.fund_amount + p.contribution, p.costs.total);
        project += p.costs;
        fund = fund + p.fund_amount;
        contribution = contribution + p.contribution;
        if (!p.fund.empty()) by_fund[p.fund] = by_fund[p.fund] + p.fund_amount;
        by_country[p.country] = by_country[p.country] + p.costs.total;
    }
    EXPECT_EQ(s.costs.total, project.total);
    EXPECT_EQ(s.costs.staff, project.staff);
    // The project per period is the sum of the partners per period, and adds up to the project.
    ASSERT_EQ(s.period_costs.size(), n);
    Money project_fund, project_contribution;
    for (std::size_t k = 0; k < n; ++k) {
        Money total_k, fund_k, contribution_k;
        for (const auto& p : s.partners) {
            total_k = total_k + p.periods[k].total;
            fund_k = fund_k + p.fund_by_period[k];
            contribution_k = contribution_k + p.contribution_by_period[k];
        }
        EXPECT_EQ(s.period_costs[k].total, total_k) << "period " << k + 1;
        EXPECT_EQ(s.fund_by_period[k], fund_k) << "period " << k + 1;
        EXPECT_EQ(s.contribution_by_period[k], contribution_k) << "period " << k + 1;
        project_fund = project_fund + s.fund_by_period[k];
        project_contribution = project_contribution + s.contribution_by_period[k];
    }
    EXPECT_EQ(project_fund, s.fund_amount);
    EXPECT_EQ(project_contribution, s.contribution);
    EXPECT_EQ(s.fund_amount, fund);
    EXPECT_EQ(s.contribution, contribution);
    for (const auto& [id, amount] : by_fund) EXPECT_EQ(s.fund_totals.at(id), amount) << id;
    EXPECT_EQ(s.country_totals, by_country);
    Money periods_sum;
    for (Money m : s.period_totals) periods_sum = periods_sum + m;
    EXPECT_EQ(periods_sum, s.costs.total);
    for (const auto& l : s.lines) {
        ASSERT_EQ(l.periods.size(), n);
        Money line_sum;
        for (Money m : l.periods) line_sum = line_sum + m;
        EXPECT_EQ(line_sum, l.total) << l.partner << " line " << l.index;
    }
}

// A proposal with the given partners (the first leads), starting 2026-01-01.
Proposal project(int months, std::vector<Partner> partners, std::string kind = "main") {
    Proposal p;
    p.call = kind == "main" ? std::optional<std::string>("2025:1") : std::nullopt;
    p.kind = kind;
    p.acronym = "CALC";
    p.title = {{"en", "Hand-worked budget"}};
    p.specific_objective = "RSO4.1";
    p.start = interreg::Date{2026, 1, 1};
    p.duration_months = months;
    for (auto& partner : partners) add_partner(p, std::move(partner));
    return p;
}

Partner partner(const std::string& country, std::vector<BudgetLine> lines, interreg::FlatRates flat = {},
                interreg::Cofinancing cofinancing = {}) {
    static const std::map<std::string, std::pair<std::string, std::string>> who = {
        {"SE", {"Högskolan Väst", "Västra Götaland"}},
        {"DK", {"Frederikshavn Kommune", "Region Nordjylland"}},
        {"NO", {"Viken fylkeskommune", "Østfold"}},
        {"DE", {"Kieler Universität", "Schleswig-Holstein"}}};
    Partner p = make_partner(who.at(country).first, country, who.at(country).second, "university");
    p.budget.lines = std::move(lines);
    p.budget.flat_rates = flat;
    p.cofinancing = std::move(cofinancing);
    return p;
}

interreg::FlatRates flat(std::initializer_list<std::pair<const char*, const char*>> rates) {
    interreg::FlatRates f;
    for (const auto& [name, rate] : rates) interreg::set_flat_rate(f, name, percent(rate));
    return f;
}

BudgetSummary summarise(const Proposal& p) { return interreg::summarise_budget(programme(), p); }

std::vector<interreg::Finding> findings(const Proposal& p, std::string_view rule) {
    return interreg_test::findings_of(interreg::validate(programme(), p), rule);
}

}  // namespace

// ---- (a) a flat rate rounds down ---------------------------------------------------------------

TEST(HandWorkedBudget, A_OfficeFlatRateRoundsDown) {
    // SE partner, 12 months (2 periods), staff 1 × 10,000.01, office 15 % of staff.
    //   staff   10,000.01                        = 1,000,001 c
    //   office  15 % × 10,000.01 = 1,500.0015    →   150,000 c  (1,500.00)
    //   total                                    = 1,150,001 c
    //   ERDF    60 % × 11,500.01 = 6,900.006     →   690,000 c; contribution 460,001 c
    // Periods: the line spreads 1,000,001 / 2 → 500,000 | 500,001 (residual last)
    //   P1 staff 500,000, office 15 % = 75,000, total 575,000; fund 60 % = 345,000; contr. 230,000
    //   P2 staff 500,001, office 150,000 − 75,000 = 75,000, total 1,150,001 − 575,000 = 575,001;
    //      fund 690,000 − 345,000 = 345,000; contribution 575,001 − 345,000 = 230,001
    const auto s = summarise(project(12, {partner("SE", {budget_line(Category::staff, "Analyst", "month", "1", "10000.01")},
                                                  flat({{"office_on_staff", "15%"}}))}));
    ASSERT_EQ(s.partners.size(), 1u);
    expect_partner(s.partners[0], {{1000001, 150000, 0, 0, 0, 0, 0, 0, 1150001},
                                   690000,
                                   460001,
                                   {{500000, 75000, 0, 0, 0, 0, 0, 0, 575000}, {500001, 75000, 0, 0, 0, 0, 0, 0, 575001}},
                                   {345000, 345000},
                                   {230000, 230001}});
    EXPECT_EQ(s.partners[0].costs.office_admin, eur("1500.00"));
    expect_consistent(s);
}

// ---- (b) travel 15 % and office 15 % of staff ---------------------------------------------------

TEST(HandWorkedBudget, B_TravelAndOfficeOnStaff) {
    // DK partner, 12 months (2 periods); travel 15 % and office 15 % of staff.
    //   staff line 1: 1720.5 h × 45.37 = 78,059.085 → 78,059.08 = 7,805,908 c
    //   staff line 2: 12 months × 3,333.33 = 39,999.96           = 3,999,996 c
    //   staff  = 11,805,904 c (118,059.04)
    //   travel = 15 % × 11,805,904 = 1,770,885.6 → 1,770,885 c
    //   office = 15 % × 11,805,904                → 1,770,885 c
    //   total  = 11,805,904 + 1,770,885 + 1,770,885 = 15,347,674 c
    //   ERDF 60 % = 9,208,604.4 → 9,208,604 c; contribution 6,139,070 c
    // Periods: line 1 → 3,902,954 | 3,902,954; line 2 → 1,999,998 | 1,999,998
    //   P1 staff 5,902,952; travel 15 % = 885,442.8 → 885,442; office 885,442;
    //      total 7,673,836; fund 60 % = 4,604,301.6 → 4,604,301; contribution 3,069,535
    //   P2 staff 5,902,952; travel 1,770,885 − 885,442 = 885,443; office 885,443;
    //      total 15,347,674 − 7,673,836 = 7,673,838; fund 9,208,604 − 4,604,301 = 4,604,303;
    //      contribution 7,673,838 − 4,604,303 = 3,069,535
    const auto s = summarise(project(
        12, {partner("DK",
                     {budget_line(Category::staff, "Researcher", "hours", "1720.5", "45.37"),
                      budget_line(Category::staff, "Coordinator", "months", "12", "3333.33")},
                     flat({{"travel", "15%"}, {"office_on_staff", "15%"}}))}));
    expect_partner(s.partners[0], {{11805904, 1770885, 1770885, 0, 0, 0, 0, 0, 15347674},
                                   9208604,
                                   6139070,
                                   {{5902952, 885442, 885442, 0, 0, 0, 0, 0, 7673836},
                                    {5902952, 885443, 885443, 0, 0, 0, 0, 0, 7673838}},
                                   {4604301, 4604303},
                                   {3069535, 3069535}});
    EXPECT_EQ(cents(s.lines[0].periods), (std::vector<std::int64_t>{3902954, 3902954}));
    EXPECT_EQ(cents(s.lines[1].periods), (std::vector<std::int64_t>{1999998, 1999998}));
    expect_consistent(s);
}

// ---- (c) the staff flat rate, with travel real or flat --------------------------------------

TEST(HandWorkedBudget, C1_StaffFlatRateWithRealTravel) {
    // SE partner, 6 months (1 period); staff = 20 % of travel + external + equipment + infra.
    //   travel     8 trips × 612.50 = 4,900.00        =   490,000 c
    //   external   1 × 25,000.00                      = 2,500,000 c
    //   equipment  3 × 1,299.99 = 3,899.97            =   389,997 c
    //   staff      20 % × (490,000 + 2,500,000 + 389,997 = 3,379,997) = 675,999.4 → 675,999 c
    //   total      675,999 + 490,000 + 2,500,000 + 389,997 = 4,055,996 c
    //   ERDF 60 % = 2,433,597.6 → 2,433,597 c; contribution 1,622,399 c
    const auto s = summarise(project(6, {partner("SE",
                                                 {budget_line(Category::travel, "Study visits", "trips", "8", "612.50"),
                                                  budget_line(Category::external, "Web platform", "contract", "1", "25000.00"),
                                                  budget_line(Category::equipment, "Laptops", "pieces", "3", "1299.99")},
                                                 flat({{"staff", "20%"}}))}));
    const B one{675999, 0, 490000, 2500000, 389997, 0, 0, 0, 4055996};
    expect_partner(s.partners[0], {one, 2433597, 1622399, {one}, {2433597}, {1622399}});
    expect_consistent(s);
}

TEST(HandWorkedBudget, C2_StaffFlatRateWithFlatTravel) {
    // As C1 without the travel line, and travel as 15 % of the (flat) staff costs.
    //   staff   20 % × (2,500,000 + 389,997 = 2,889,997) = 577,999.4 → 577,999 c
    //   travel  15 % × 577,999 (the rounded staff)      =  86,699.85 →  86,699 c
    //   total   577,999 + 86,699 + 2,500,000 + 389,997 = 3,554,695 c
    //   ERDF 60 % = 2,132,817.0 → 2,132,817 c; contribution 1,421,878 c
    const std::vector<BudgetLine> lines = {budget_line(Category::external, "Web platform", "contract", "1", "25000.00"),
                                           budget_line(Category::equipment, "Laptops", "pieces", "3", "1299.99")};
    const auto s = summarise(project(6, {partner("SE", lines, flat({{"staff", "20%"}, {"travel", "15%"}}))}));
    const B one{577999, 0, 86699, 2500000, 389997, 0, 0, 0, 3554695};
    expect_partner(s.partners[0], {one, 2132817, 1421878, {one}, {2132817}, {1421878}});
    expect_consistent(s);

    // With a travel flat rate, travel lines are not "other direct costs" of the staff rate and
    // do not count: the same budget with C1's travel line gives the same result (the line
    // itself is a flat_rate_conflicts finding).
    auto with_travel_line = lines;
    with_travel_line.push_back(budget_line(Category::travel, "Study visits", "trips", "8", "612.50"));
    const auto t = summarise(project(6, {partner("SE", with_travel_line, flat({{"staff", "20%"}, {"travel", "15%"}}))}));
    expect_partner(t.partners[0], {one, 2132817, 1421878, {one}, {2132817}, {1421878}});
    EXPECT_EQ(t.lines[2].total, eur("4900.00"));  // the line is still listed
}

// ---- (d) office on direct costs 7 % -----------------------------------------------------------

TEST(HandWorkedBudget, D_OfficeOnDirectCosts) {
    // NO partner (Norwegian funds 50 %), 6 months (1 period); office = 7 % of direct costs.
    //   staff           1500 h × 41.17 = 61,755.00   = 6,175,500 c
    //   travel          6 × 483.33 = 2,899.98        =   289,998 c
    //   external        1 × 12,345.67                = 1,234,567 c
    //   equipment       1 × 999.99                   =    99,999 c
    //   infrastructure  1 × 20,000.00                = 2,000,000 c
    //   lump sum        1 × 5,000.00                 =   500,000 c (not a direct cost of the base)
    //   direct = 6,175,500 + 289,998 + 1,234,567 + 99,999 + 2,000,000 = 9,800,064 c
    //   office = 7 % × 9,800,064 = 686,004.48 → 686,004 c
    //   total  = 9,800,064 + 686,004 + 500,000 = 10,986,068 c
    //   Norwegian funds 50 % = 5,493,034 c; contribution 5,493,034 c
    const auto s = summarise(project(
        6, {partner("NO",
                    {budget_line(Category::staff, "Planner", "hours", "1500", "41.17"),
                     budget_line(Category::travel, "Meetings", "trips", "6", "483.33"),
                     budget_line(Category::external, "Survey", "contract", "1", "12345.67"),
                     budget_line(Category::equipment, "Sensors", "set", "1", "999.99"),
                     budget_line(Category::infrastructure, "Charging point", "unit", "1", "20000.00"),
                     budget_line(Category::lump_sum, "Closing conference", "event", "1", "5000.00")},
                    flat({{"office_on_direct", "7%"}}))}));
    const B one{6175500, 686004, 289998, 1234567, 99999, 2000000, 0, 500000, 10986068};
    expect_partner(s.partners[0], {one, 5493034, 5493034, {one}, {5493034}, {5493034}});
    EXPECT_EQ(s.partners[0].fund, "no-interreg");
    EXPECT_EQ(s.partners[0].rate, percent("50%"));
    expect_consistent(s);
}

TEST(HandWorkedBudget, D2_FlatRatesChainOnRoundedValues) {
    // DK partner, 6 months; staff 20 % flat, travel 15 % of staff, office 7 % of direct costs.
    //   external 1 × 10,000.03 = 1,000,003 c; equipment 1 × 3,333.33 = 333,333 c
    //   staff  = 20 % × 1,333,336 = 266,667.2 → 266,667 c
    //   travel = 15 % × 266,667   =  40,000.05 →  40,000 c
    //   office = 7 % × (266,667 + 40,000 + 1,000,003 + 333,333 = 1,640,003) = 114,800.21 → 114,800 c
    //   total  = 266,667 + 114,800 + 40,000 + 1,000,003 + 333,333 = 1,754,803 c
    //   ERDF 60 % = 1,052,881.8 → 1,052,881 c; contribution 701,922 c
    const auto s = summarise(project(6, {partner("DK",
                                                 {budget_line(Category::external, "Design", "contract", "1", "10000.03"),
                                                  budget_line(Category::equipment, "Screens", "set", "1", "3333.33")},
                                                 flat({{"staff", "20%"}, {"travel", "15%"}, {"office_on_direct", "7%"}}))}));
    const B one{266667, 114800, 40000, 1000003, 333333, 0, 0, 0, 1754803};
    expect_partner(s.partners[0], {one, 1052881, 701922, {one}, {1052881}, {701922}});
    expect_consistent(s);
}

// ---- (e) the 40 % option -----------------------------------------------------------------------

TEST(HandWorkedBudget, E_FortyPercentOption) {
    // DK partner, 12 months (2 periods); staff + 40 % of staff for all other costs; a lump sum.
    //   staff     1234.5 h × 38.91 = 48,034.395 → 48,034.39 = 4,803,439 c
    //   other     40 % × 4,803,439 = 1,921,375.6 → 1,921,375 c
    //   lump sum  1 × 2,500.00 = 250,000 c
    //   total     4,803,439 + 1,921,375 + 250,000 = 6,974,814 c
    //   ERDF 60 % = 4,184,888.4 → 4,184,888 c; contribution 2,789,926 c
    // Periods: staff 4,803,439 / 2 → 2,401,719 | 2,401,720; lump sum 125,000 | 125,000
    //   P1 other 40 % × 2,401,719 = 960,687.6 → 960,687; total 3,487,406;
    //      fund ⌊60 % × 3,487,406⌋ = 2,092,443; contribution 1,394,963
    //   P2 other 1,921,375 − 960,687 = 960,688; total 6,974,814 − 3,487,406 = 3,487,408;
    //      fund ⌊60 % × 6,974,814⌋ − 2,092,443 = 2,092,445; contribution 1,394,963
    const auto s = summarise(project(12, {partner("DK",
                                                  {budget_line(Category::staff, "Case workers", "hours", "1234.5", "38.91"),
                                                   budget_line(Category::lump_sum, "Job fair", "event", "1", "2500.00")},
                                                  flat({{"other_costs", "40%"}}))}));
    expect_partner(s.partners[0], {{4803439, 0, 0, 0, 0, 0, 1921375, 250000, 6974814},
                                   4184888,
                                   2789926,
                                   {{2401719, 0, 0, 0, 0, 0, 960687, 125000, 3487406},
                                    {2401720, 0, 0, 0, 0, 0, 960688, 125000, 3487408}},
                                   {2092443, 2092445},
                                   {1394963, 1394963}});
    expect_consistent(s);
}

// ---- (f) 36 months, six periods ----------------------------------------------------------------

TEST(HandWorkedBudget, F_ThirtySixMonthsSixPeriods) {
    // SE partner, 36 months; travel 15 % and office 15 % of staff.
    //   staff     1 × 100,000.41 = 10,000,041 c;  external 1 × 7,000.01 = 700,001 c
    //   travel    15 % × 10,000,041 = 1,500,006.15 → 1,500,006 c; office the same
    //   total     10,000,041 + 1,500,006 + 1,500,006 + 700,001 = 13,700,054 c
    //   ERDF 60 % = 8,220,032.4 → 8,220,032 c; contribution 5,480,022 c
    // Lines spread evenly: staff 10,000,041 / 6 = 1,666,673 (×5 = 8,333,365), last 1,666,676;
    //                      external 700,001 / 6 = 116,666 (×5 = 583,330), last 116,671
    //   P1-P5 travel 15 % × 1,666,673 = 250,000.95 → 250,000 (0.95 c lost each period);
    //         office 250,000; total 1,666,673 + 250,000 + 250,000 + 116,666 = 2,283,339
    //   P6    staff 1,666,676; travel 1,500,006 − 5 × 250,000 = 250,006 (the residual, not
    //         15 % × 1,666,676 = 250,001); office 250,006; external 116,671;
    //         total 13,700,054 − 5 × 2,283,339 = 2,283,359
    // Fund per period on the running total C_k: fund_k = ⌊0.6 C_k⌋ − ⌊0.6 C_{k−1}⌋
    //   C: 2,283,339 | 4,566,678 | 6,850,017 | 9,133,356 | 11,416,695 | 13,700,054
    //   ⌊0.6 C⌋: 1,370,003 | 2,740,006 | 4,110,010 | 5,480,013 | 6,850,017 | 8,220,032
    //   fund: 1,370,003 | 1,370,003 | 1,370,004 | 1,370,003 | 1,370,004 | 1,370,015
    //   contribution = total − fund: 913,336 | 913,336 | 913,335 | 913,336 | 913,335 | 913,344
    const auto s = summarise(project(36, {partner("SE",
                                                  {budget_line(Category::staff, "Project staff", "lump", "1", "100000.41"),
                                                   budget_line(Category::external, "Audit", "contract", "1", "7000.01")},
                                                  flat({{"travel", "15%"}, {"office_on_staff", "15%"}}))}));
    const B p{1666673, 250000, 250000, 116666, 0, 0, 0, 0, 2283339};
    expect_partner(s.partners[0], {{10000041, 1500006, 1500006, 700001, 0, 0, 0, 0, 13700054},
                                   8220032,
                                   5480022,
                                   {p, p, p, p, p, {1666676, 250006, 250006, 116671, 0, 0, 0, 0, 2283359}},
                                   {1370003, 1370003, 1370004, 1370003, 1370004, 1370015},
                                   {913336, 913336, 913335, 913336, 913335, 913344}});
    EXPECT_EQ(cents(s.lines[0].periods), (std::vector<std::int64_t>{1666673, 1666673, 1666673, 1666673, 1666673, 1666676}));
    EXPECT_EQ(cents(s.lines[1].periods), (std::vector<std::int64_t>{116666, 116666, 116666, 116666, 116666, 116671}));
    EXPECT_EQ(cents(s.period_totals), (std::vector<std::int64_t>{2283339, 2283339, 2283339, 2283339, 2283339, 2283359}));

    ASSERT_EQ(s.periods.size(), 6u);
    const char* starts[] = {"2026-01-01", "2026-07-01", "2027-01-01", "2027-07-01", "2028-01-01", "2028-07-01"};
    const char* ends[] = {"2026-06-30", "2026-12-31", "2027-06-30", "2027-12-31", "2028-06-30", "2028-12-31"};
    for (int k = 0; k < 6; ++k) {
        EXPECT_EQ(s.periods[k].number, k + 1);
        EXPECT_EQ(s.periods[k].first_month, 6 * k + 1);
        EXPECT_EQ(s.periods[k].last_month, 6 * k + 6);
        ASSERT_TRUE(s.periods[k].start && s.periods[k].end);
        EXPECT_EQ(s.periods[k].start->to_string(), starts[k]);
        EXPECT_EQ(s.periods[k].end->to_string(), ends[k]);
    }
    expect_consistent(s);
}

// ---- (g) 32 months: the last period is two months ---------------------------------------------

TEST(HandWorkedBudget, G_ThirtyTwoMonthsShortLastPeriod) {
    // SE partner, 32 months → periods of months 1-6, 7-12, 13-18, 19-24, 25-30, 31-32.
    // Lines are spread per period, not per month: the short period gets an equal share.
    //   staff   1 × 60,000.05 = 6,000,005 c → 1,000,000 × 5, last 1,000,005
    //   travel  4 trips × 250.00 = 100,000 c, given per period: 0 | 250 | 250 | 0 | 250 | 250
    //   office  15 % × 6,000,005 = 900,000.75 → 900,000 c; per period 15 % × 1,000,000 = 150,000
    //   total   6,000,005 + 900,000 + 100,000 = 7,000,005 c
    //   ERDF 60 % = 4,200,003 c; contribution 2,800,002 c
    //   P1 1,000,000 + 150,000 + 0      = 1,150,000; fund 690,000; contribution 460,000
    //   P2 1,000,000 + 150,000 + 25,000 = 1,175,000; fund 705,000; contribution 470,000
    //   P3 = P2; P4 = P1; P5 = P2
    //   P6 staff 1,000,005; office 900,000 − 750,000 = 150,000; travel 25,000 (residual
    //      100,000 − 75,000); total 7,000,005 − 5,825,000 = 1,175,005;
    //      fund 4,200,003 − 3,495,000 = 705,003; contribution 470,002
    auto travel = budget_line(Category::travel, "Partner meetings", "trips", "4", "250.00");
    travel.periods = std::vector<Money>{eur("0"), eur("250.00"), eur("250.00"), eur("0"), eur("250.00"), eur("250.00")};
    const Proposal p = project(32, {partner("SE", {budget_line(Category::staff, "Staff", "lump", "1", "60000.05"), travel},
                                            flat({{"office_on_staff", "15%"}}))});
    const auto s = summarise(p);
    const B p1{1000000, 150000, 0, 0, 0, 0, 0, 0, 1150000}, p2{1000000, 150000, 25000, 0, 0, 0, 0, 0, 1175000};
    expect_partner(s.partners[0], {{6000005, 900000, 100000, 0, 0, 0, 0, 0, 7000005},
                                   4200003,
                                   2800002,
                                   {p1, p2, p2, p1, p2, {1000005, 150000, 25000, 0, 0, 0, 0, 0, 1175005}},
                                   {690000, 705000, 705000, 690000, 705000, 705003},
                                   {460000, 470000, 470000, 460000, 470000, 470002}});
    ASSERT_EQ(s.periods.size(), 6u);
    EXPECT_EQ(s.periods[5].first_month, 31);
    EXPECT_EQ(s.periods[5].last_month, 32);
    EXPECT_EQ(s.periods[5].start->to_string(), "2028-07-01");
    EXPECT_EQ(s.periods[5].end->to_string(), "2028-08-31");
    EXPECT_EQ(p.end()->to_string(), "2028-09-01");  // the day after the last period
    expect_consistent(s);
    EXPECT_TRUE(findings(p, "budget.period-sum").empty());
}

// ---- (h) a line in Norwegian kroner -------------------------------------------------------------

TEST(HandWorkedBudget, H_NorwegianKronerConverted) {
    // NO partner, 12 months (2 periods), 1 EUR = 11.4876 NOK; office 15 % of staff.
    //   staff     1000 h × 650.00 NOK = 650,000.00 NOK; ÷ 11.4876 = 56,582.7500... → 5,658,275 c
    //             given per period in NOK: 300,000.00 | 350,000.00
    //             P1 300,000.00 ÷ 11.4876 = 26,115.1154... → 2,611,511 c
    //             P2 the residual 5,658,275 − 2,611,511 = 3,046,764 c (direct: 3,046,763)
    //   travel    1 × 1,000.00 NOK ÷ 11.4876 = 87.0503... → 8,705 c; spread 4,352 | 4,353
    //   external  1 × 500.00 EUR = 50,000 c; spread 25,000 | 25,000
    //   office    15 % × 5,658,275 = 848,741.25 → 848,741 c
    //   total     5,658,275 + 848,741 + 8,705 + 50,000 = 6,565,721 c
    //   Norwegian funds 50 % = 3,282,860.5 → 3,282,860 c; contribution 3,282,861 c
    //   P1 staff 2,611,511; office 15 % = 391,726.65 → 391,726; travel 4,352; external 25,000;
    //      total 3,032,589; fund 50 % = 1,516,294.5 → 1,516,294; contribution 1,516,295
    //   P2 staff 3,046,764; office 848,741 − 391,726 = 457,015; travel 4,353; external 25,000;
    //      total 6,565,721 − 3,032,589 = 3,533,132; fund 3,282,860 − 1,516,294 = 1,766,566;
    //      contribution 1,766,566
    auto staff = budget_line(Category::staff, "Rådgiver", "hours", "1000", "650.00", "NOK");
    staff.periods = std::vector<Money>{eur("300000.00"), eur("350000.00")};
    Proposal p = project(12, {partner("NO",
                                      {staff, budget_line(Category::travel, "Tog til Göteborg", "trip", "1", "1000.00", "NOK"),
                                       budget_line(Category::external, "Translation", "contract", "1", "500.00")},
                                      flat({{"office_on_staff", "15%"}}))});
    p.exchange_rates["NOK"] = {interreg::ExchangeRate::parse("11.4876"), interreg::Date{2025, 12, 31}, "Norges Bank"};
    const auto s = summarise(p);
    expect_partner(s.partners[0], {{5658275, 848741, 8705, 50000, 0, 0, 0, 0, 6565721},
                                   3282860,
                                   3282861,
                                   {{2611511, 391726, 4352, 25000, 0, 0, 0, 0, 3032589},
                                    {3046764, 457015, 4353, 25000, 0, 0, 0, 0, 3533132}},
                                   {1516294, 1766566},
                                   {1516295, 1766566}});
    ASSERT_EQ(s.lines.size(), 3u);
    EXPECT_EQ(s.lines[0].currency, "NOK");
    EXPECT_EQ(s.lines[0].unit_price, eur("650.00"));
    EXPECT_EQ(s.lines[0].total_local, eur("650000.00"));
    EXPECT_EQ(s.lines[0].total, eur("56582.75"));
    EXPECT_EQ(cents(s.lines[0].periods), (std::vector<std::int64_t>{2611511, 3046764}));
    EXPECT_EQ(s.lines[1].total, eur("87.05"));
    EXPECT_EQ(s.lines[2].currency, "EUR");
    ASSERT_EQ(s.exchange_rates_used.size(), 1u);
    EXPECT_EQ(s.exchange_rates_used.at("NOK").rate.to_string(), "11.4876");
    EXPECT_EQ(s.exchange_rates_used.at("NOK").source, "Norges Bank");
    expect_consistent(s);
    EXPECT_TRUE(findings(p, "budget.period-sum").empty());
    EXPECT_TRUE(findings(p, "budget.exchange-rate").empty());
}

// ---- (i) the contribution is the remainder --------------------------------------------------

TEST(HandWorkedBudget, I_ContributionIsTheRemainder) {
    // SE partner, 6 months; 1 × 12,345.67, no flat rate.
    //   ERDF 60 % × 12,345.67 = 7,407.402 → 7,407.40; contribution 12,345.67 − 7,407.40 = 4,938.27
    //   (not 40 % × 12,345.67 = 4,938.268 → 4,938.26: the remainder, so the cents add up)
    const auto s = summarise(project(6, {partner("SE", {budget_line(Category::external, "Study", "contract", "1", "12345.67")})}));
    const B one{0, 0, 0, 1234567, 0, 0, 0, 0, 1234567};
    expect_partner(s.partners[0], {one, 740740, 493827, {one}, {740740}, {493827}});
    EXPECT_EQ(s.partners[0].fund_amount, eur("7407.40"));
    EXPECT_EQ(s.partners[0].contribution, eur("4938.27"));
    EXPECT_EQ(s.partners[0].fund, "erdf");
    EXPECT_EQ(s.partners[0].rate, percent("60%"));
    EXPECT_EQ(s.fund_totals.at("erdf"), eur("7407.40"));
    EXPECT_EQ(s.fund_totals.at("no-interreg"), Money());  // every fund is listed, even at zero
    expect_consistent(s);
}

// ---- (j) the Norwegian cap of call 2025:1 --------------------------------------------------------

namespace {

// The baseline with PP3's budget replaced by staff 1 × `staff` and office 15 % of staff.
Proposal norwegian_partner_with_staff(const char* staff) {
    Proposal p = interreg_test::baseline();
    PartnerBudget b;
    b.lines.push_back(budget_line(Category::staff, "Regional developers", "lump", "1", staff));
    b.flat_rates.office_on_staff = percent("15%");
    p.partners[2].budget = b;
    return p;
}

}  // namespace

TEST(HandWorkedBudget, J_NorwegianPartnerExactlyAtTheCap) {
    // PP3 (NO, 50 %) in the baseline (36 months, 6 periods), staff 521,739.14 + office 15 %:
    //   staff  52,173,914 c; office 15 % = 7,826,087.1 → 7,826,087 c; total 60,000,001 c
    //   Norwegian funds 50 % = 30,000,000.5 → 30,000,000 c = 300,000.00, exactly the cap
    //   contribution 30,000,001 c
    // Periods: staff 52,173,914 / 6 = 8,695,652 (×5 = 43,478,260), last 8,695,654
    //   P1-P5 office 15 % × 8,695,652 = 1,304,347.8 → 1,304,347; total 9,999,999
    //   P6    office 7,826,087 − 6,521,735 = 1,304,352; total 60,000,001 − 49,999,995 = 10,000,006
    // Fund on the running total: ⌊0.5 C_k⌋ = 4,999,999 | 9,999,999 | 14,999,998 | 19,999,998 |
    //   24,999,997 | 30,000,000 → fund 4,999,999 | 5,000,000 | 4,999,999 | 5,000,000 | 4,999,999 |
    //   5,000,003; contribution 5,000,000 | 4,999,999 | 5,000,000 | 4,999,999 | 5,000,000 | 5,000,003
    Proposal p = norwegian_partner_with_staff("521739.14");
    p.partners[2].cofinancing = interreg_test::own_contribution("Østfold fylkeskommune", "300000.01");
    const auto s = summarise(p);
    const B k{8695652, 1304347, 0, 0, 0, 0, 0, 0, 9999999};
    expect_partner(s.partners[2], {{52173914, 7826087, 0, 0, 0, 0, 0, 0, 60000001},
                                   30000000,
                                   30000001,
                                   {k, k, k, k, k, {8695654, 1304352, 0, 0, 0, 0, 0, 0, 10000006}},
                                   {4999999, 5000000, 4999999, 5000000, 4999999, 5000003},
                                   {5000000, 4999999, 5000000, 4999999, 5000000, 5000003}});
    EXPECT_EQ(s.fund_totals.at("no-interreg"), eur("300000.00"));
    expect_consistent(s);
    const auto report = interreg::validate(programme(), p);
    EXPECT_TRUE(report.findings.empty()) << interreg_test::describe(report);
}

TEST(HandWorkedBudget, J_NorwegianPartnerOneCentOverTheCap) {
    // staff 521,739.15: 52,173,915 c; office 15 % = 7,826,087.25 → 7,826,087 c;
    //   total 60,000,002 c; Norwegian funds 50 % = 30,000,001 c = 300,000.01: over by 0.01
    const Proposal p = norwegian_partner_with_staff("521739.15");
    const auto s = summarise(p);
    expect_breakdown(s.partners[2].costs, {52173915, 7826087, 0, 0, 0, 0, 0, 0, 60000002}, "PP3");
    EXPECT_EQ(s.partners[2].fund_amount.cents(), 30000001);
    EXPECT_EQ(s.partners[2].contribution.cents(), 30000001);
    expect_consistent(s);
    const auto found = findings(p, "cofinancing.norwegian-cap");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].path, "/partners");
    EXPECT_CONTAINS(found[0].message, "300000.01");
    EXPECT_CONTAINS(found[0].message, "300000.00");
    EXPECT_CONTAINS(found[0].message, "over by 0.01");
    EXPECT_CONTAINS(found[0].message, "Østfold fylkeskommune 300000.01");
}

// ---- (k) the pre-project caps ----------------------------------------------------------------------

namespace {

// The pre-project baseline (12 months, 2 periods) with one staff line per partner, no flat
// rates and no contribution sources.
Proposal pre_project_with_staff(const char* se, const char* dk, const char* no) {
    Proposal p = interreg_test::pre_project_baseline();
    const char* amounts[] = {se, dk, no};
    for (int i = 0; i < 3; ++i) {
        p.partners[i].budget = {};
        p.partners[i].budget.lines.push_back(budget_line(Category::staff, "Staff", "lump", "1", amounts[i]));
        p.partners[i].cofinancing.sources.clear();
    }
    return p;
}

}  // namespace

TEST(HandWorkedBudget, K_PreProjectExactlyAtTheCaps) {
    // PP1 (SE) 50,000.00 → ERDF 60 % = 30,000.00; PP2 (DK) 50,000.00 → 30,000.00:
    //   ERDF 60,000.00 = the cap; PP3 (NO) 60,000.00 → Norwegian funds 50 % = 30,000.00 = the cap.
    // Periods: 2,500,000 | 2,500,000 (SE, DK), fund 1,500,000 | 1,500,000, contribution 1,000,000 each;
    //          3,000,000 | 3,000,000 (NO), fund 1,500,000 | 1,500,000, contribution 1,500,000 each.
    Proposal p = pre_project_with_staff("50000.00", "50000.00", "60000.00");
    for (auto [i, amount] : {std::pair{0, "20000.00"}, std::pair{1, "20000.00"}, std::pair{2, "30000.00"}}) {
        p.partners[i].cofinancing = interreg_test::own_contribution(p.partners[i].name, amount);
    }
    const auto s = summarise(p);
    const B half{2500000, 0, 0, 0, 0, 0, 0, 0, 2500000}, no_half{3000000, 0, 0, 0, 0, 0, 0, 0, 3000000};
    for (int i = 0; i < 2; ++i) {
        expect_partner(s.partners[i], {{5000000, 0, 0, 0, 0, 0, 0, 0, 5000000},
                                       3000000,
                                       2000000,
                                       {half, half},
                                       {1500000, 1500000},
                                       {1000000, 1000000}});
    }
    expect_partner(s.partners[2], {{6000000, 0, 0, 0, 0, 0, 0, 0, 6000000},
                                   3000000,
                                   3000000,
                                   {no_half, no_half},
                                   {1500000, 1500000},
                                   {1500000, 1500000}});
    EXPECT_EQ(s.fund_totals.at("erdf"), eur("60000.00"));
    EXPECT_EQ(s.fund_totals.at("no-interreg"), eur("30000.00"));
    expect_consistent(s);
    // No cap fires. Staff at real cost in an operation below EUR 200,000 is a simplified-costs
    // finding for the two ERDF partners, and only that.
    const auto report = interreg::validate(programme(), p);
    for (const auto& f : report.findings) EXPECT_EQ(f.rule, "budget.simplified-costs") << interreg_test::describe(report);
    EXPECT_EQ(report.findings.size(), 2u) << interreg_test::describe(report);
}

TEST(HandWorkedBudget, K_PreProjectErdfOneCentOver) {
    // PP2 50,000.02 → ERDF 60 % = 30,000.012 → 30,000.01; ERDF total 60,000.01: over by 0.01.
    //   Periods of PP2: 2,500,001 | 2,500,001; fund 60 % = 1,500,000.6 → 1,500,000 | residual
    //   1,500,001; contribution 1,000,001 | 1,000,000.
    const Proposal p = pre_project_with_staff("50000.00", "50000.02", "60000.00");
    const auto s = summarise(p);
    const B half{2500001, 0, 0, 0, 0, 0, 0, 0, 2500001};
    expect_partner(s.partners[1], {{5000002, 0, 0, 0, 0, 0, 0, 0, 5000002},
                                   3000001,
                                   2000001,
                                   {half, half},
                                   {1500000, 1500001},
                                   {1000001, 1000000}});
    expect_consistent(s);
    const auto found = findings(p, "cofinancing.pre-project-cap");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].path, "/partners");
    EXPECT_CONTAINS(found[0].message, "60000.01");
    EXPECT_CONTAINS(found[0].message, "'erdf'");
    EXPECT_CONTAINS(found[0].message, "over by 0.01");
    EXPECT_CONTAINS(found[0].message, "Göteborgs universitet 30000.00");
    EXPECT_CONTAINS(found[0].message, "Aalborg Kommune 30000.01");
}

TEST(HandWorkedBudget, K_PreProjectNorwegianOneCentOver) {
    // PP3 60,000.02 → 50 % = 30,000.01: over the 30,000.00 cap by 0.01.
    //   Periods: 3,000,001 | 3,000,001; fund 50 % = 1,500,000.5 → 1,500,000 | 1,500,001;
    //   contribution 1,500,001 | 1,500,000.
    const Proposal p = pre_project_with_staff("50000.00", "50000.00", "60000.02");
    const auto s = summarise(p);
    const B half{3000001, 0, 0, 0, 0, 0, 0, 0, 3000001};
    expect_partner(s.partners[2], {{6000002, 0, 0, 0, 0, 0, 0, 0, 6000002},
                                   3000001,
                                   3000001,
                                   {half, half},
                                   {1500000, 1500001},
                                   {1500001, 1500000}});
    expect_consistent(s);
    const auto found = findings(p, "cofinancing.pre-project-cap");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_CONTAINS(found[0].message, "30000.01");
    EXPECT_CONTAINS(found[0].message, "'no-interreg'");
    EXPECT_CONTAINS(found[0].message, "over by 0.01");
    EXPECT_TRUE(findings(p, "cofinancing.norwegian-cap").empty());  // the pre-project call has no cap
}

// ---- (l) a lower rate and contribution sources ----------------------------------------------------

namespace {

Proposal half_rate_partner(const char* company_amount) {
    Proposal p = interreg_test::baseline();
    p.duration_months = 12;
    p.work_plan = interreg_test::full_work_plan(true);  // two periods
    auto& pp1 = p.partners[0];
    pp1.budget = {};
    pp1.budget.lines.push_back(budget_line(Category::staff, "Researcher", "lump", "1", "20000.01"));
    pp1.budget.flat_rates.office_on_staff = percent("15%");
    pp1.cofinancing.fund = "erdf";
    pp1.cofinancing.rate = percent("50%");
    pp1.cofinancing.sources = {
        interreg_test::contribution_source("Göteborgs universitet", true, interreg::Funding::public_funding, "6500.01"),
        interreg_test::contribution_source("Göteborgs Stad", false, interreg::Funding::public_funding, "4000.00"),
        interreg_test::contribution_source("Volvo Cars", false, interreg::Funding::private_funding, company_amount)};
    return p;
}

}  // namespace

TEST(HandWorkedBudget, L_LowerRateWithSourcesThatAddUp) {
    // PP1 (SE) asks for 50 % ERDF instead of 60 %; 12 months (2 periods).
    //   staff 1 × 20,000.01 = 2,000,001 c; office 15 % = 300,000.15 → 300,000 c; total 2,300,001 c
    //   ERDF 50 % = 1,150,000.5 → 1,150,000 c; contribution 1,150,001 c = 11,500.01
    //   sources: own 6,500.01 (public) + Göteborgs Stad 4,000.00 (public) + Volvo Cars 1,000.00
    //   (private) = 11,500.01 → own 650,001, public 1,050,001, private 100,000
    // Periods: staff 1,000,000 | 1,000,001; office 150,000 | 150,000; total 1,150,000 | 1,150,001;
    //   fund 575,000 | 575,000; contribution 575,000 | 575,001
    const Proposal p = half_rate_partner("1000.00");
    const auto s = summarise(p);
    const auto& pp1 = s.partners[0];
    expect_partner(pp1, {{2000001, 300000, 0, 0, 0, 0, 0, 0, 2300001},
                         1150000,
                         1150001,
                         {{1000000, 150000, 0, 0, 0, 0, 0, 0, 1150000}, {1000001, 150000, 0, 0, 0, 0, 0, 0, 1150001}},
                         {575000, 575000},
                         {575000, 575001}});
    EXPECT_EQ(pp1.rate, percent("50%"));
    EXPECT_EQ(pp1.own_contribution.cents(), 650001);
    EXPECT_EQ(pp1.public_contribution.cents(), 1050001);
    EXPECT_EQ(pp1.private_contribution.cents(), 100000);
    EXPECT_EQ(pp1.sources_total.cents(), 1150001);
    expect_consistent(s);
    const auto report = interreg::validate(programme(), p);
    EXPECT_TRUE(report.findings.empty()) << interreg_test::describe(report);
}

TEST(HandWorkedBudget, L_SourcesOffByOneCent) {
    // Volvo Cars 999.99: the sources add up to 11,500.00, one cent short of 11,500.01.
    const Proposal p = half_rate_partner("999.99");
    const auto s = summarise(p);
    EXPECT_EQ(s.partners[0].sources_total.cents(), 1150000);
    EXPECT_EQ(s.partners[0].private_contribution.cents(), 99999);
    EXPECT_EQ(s.partners[0].contribution.cents(), 1150001);  // the sources do not change it
    const auto found = findings(p, "cofinancing.sources");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].path, "/partners/0/cofinancing/sources");
    EXPECT_CONTAINS(found[0].message, "11500.00");
    EXPECT_CONTAINS(found[0].message, "11500.01");
    EXPECT_CONTAINS(found[0].message, "Difference: 0.01");
    // One cent too much is reported too, with the sign.
    const auto over = findings(half_rate_partner("1000.01"), "cofinancing.sources");
    ASSERT_EQ(over.size(), 1u);
    EXPECT_CONTAINS(over[0].message, "Difference: -0.01");
}

// ---- the baseline, the whole project ---------------------------------------------------------

TEST(HandWorkedBudget, M_BaselineProject) {
    // The three budgets of test_support.hpp over 36 months (6 periods).
    // PP1 (SE 60 %): staff 13,519,200 + 7,805,908 = 21,325,108; travel = office =
    //   15 % = 3,198,766.2 → 3,198,766; external 2,400,000; total 30,122,640;
    //   ERDF 18,073,584; contribution 12,049,056.
    //   Lines: 13,519,200 / 6 = 2,253,200; 7,805,908 / 6 = 1,300,984 (last 1,300,988); 400,000.
    //   P1-P5 staff 3,554,184; travel = office = 15 % = 533,127.6 → 533,127; total 5,020,438
    //   P6    staff 3,554,188; travel = office = 3,198,766 − 2,665,635 = 533,131;
    //         total 30,122,640 − 25,102,190 = 5,020,450
    //   Fund on the running total C_k = 5,020,438 k (k ≤ 5), 30,122,640:
    //         ⌊0.6 C_k⌋ = 3,012,262 | 6,024,525 | 9,036,788 | 12,049,051 | 15,061,314 | 18,073,584
    //         fund 3,012,262 | 3,012,263 | 3,012,263 | 3,012,263 | 3,012,263 | 3,012,270;
    //         contribution 2,008,176 | 2,008,175 | 2,008,175 | 2,008,175 | 2,008,175 | 2,008,180
    // PP2 (DK 60 %): staff 18,720,000; other 40 % 7,488,000; total 26,208,000; ERDF 15,724,800;
    //   contribution 10,483,200; each period 3,120,000 + 1,248,000 = 4,368,000, fund 2,620,800.
    // PP3 (NO 50 %): staff 18,750,000; travel 1,020,000; office 2,812,500; total 22,582,500;
    //   fund 11,291,250; each period 3,125,000 + 170,000 + 468,750 = 3,763,750, fund 1,881,875.
    // Project: 78,913,140; ERDF 33,798,384; Norwegian 11,291,250; contribution 33,823,506.
    //   Periods P1-P5 5,020,438 + 4,368,000 + 3,763,750 = 13,152,188; P6 13,152,200.
    const auto s = summarise(interreg_test::baseline());
    ASSERT_EQ(s.partners.size(), 3u);
    const B a{3554184, 533127, 533127, 400000, 0, 0, 0, 0, 5020438};
    expect_partner(s.partners[0], {{21325108, 3198766, 3198766, 2400000, 0, 0, 0, 0, 30122640},
                                   18073584,
                                   12049056,
                                   {a, a, a, a, a, {3554188, 533131, 533131, 400000, 0, 0, 0, 0, 5020450}},
                                   {3012262, 3012263, 3012263, 3012263, 3012263, 3012270},
                                   {2008176, 2008175, 2008175, 2008175, 2008175, 2008180}});
    const B b{3120000, 0, 0, 0, 0, 0, 1248000, 0, 4368000};
    expect_partner(s.partners[1], {{18720000, 0, 0, 0, 0, 0, 7488000, 0, 26208000},
                                   15724800,
                                   10483200,
                                   {b, b, b, b, b, b},
                                   std::vector<std::int64_t>(6, 2620800),
                                   std::vector<std::int64_t>(6, 1747200)});
    const B c{3125000, 468750, 170000, 0, 0, 0, 0, 0, 3763750};
    expect_partner(s.partners[2], {{18750000, 2812500, 1020000, 0, 0, 0, 0, 0, 22582500},
                                   11291250,
                                   11291250,
                                   {c, c, c, c, c, c},
                                   std::vector<std::int64_t>(6, 1881875),
                                   std::vector<std::int64_t>(6, 1881875)});
    expect_breakdown(s.costs, {58795108, 6011266, 4218766, 2400000, 0, 0, 7488000, 0, 78913140}, "project");
    EXPECT_EQ(s.fund_amount.cents(), 45089634);
    EXPECT_EQ(s.contribution.cents(), 33823506);
    EXPECT_EQ(s.fund_totals.at("erdf").cents(), 33798384);
    EXPECT_EQ(s.fund_totals.at("no-interreg").cents(), 11291250);
    EXPECT_EQ(s.country_totals.at("SE").cents(), 30122640);
    EXPECT_EQ(s.country_totals.at("DK").cents(), 26208000);
    EXPECT_EQ(s.country_totals.at("NO").cents(), 22582500);
    EXPECT_EQ(cents(s.period_totals),
              (std::vector<std::int64_t>{13152188, 13152188, 13152188, 13152188, 13152188, 13152200}));
    EXPECT_EQ(s.partners[0].sources_total, s.partners[0].contribution);
    EXPECT_TRUE(s.exchange_rates_used.empty());
    expect_consistent(s);
}

// ---- more engine behaviour -------------------------------------------------------------------

TEST(BudgetEngine, ApplyFlatRatesWithoutRatesKeepsRealCosts) {
    interreg::CategorySums real{};
    real[static_cast<std::size_t>(Category::staff)] = eur("100.00");
    real[static_cast<std::size_t>(Category::office_admin)] = eur("10.00");
    real[static_cast<std::size_t>(Category::travel)] = eur("20.00");
    real[static_cast<std::size_t>(Category::external)] = eur("30.00");
    real[static_cast<std::size_t>(Category::equipment)] = eur("40.00");
    real[static_cast<std::size_t>(Category::infrastructure)] = eur("50.00");
    real[static_cast<std::size_t>(Category::lump_sum)] = eur("60.00");
    expect_breakdown(interreg::apply_flat_rates(real, {}), {10000, 1000, 2000, 3000, 4000, 5000, 0, 6000, 31000}, "real");
}

TEST(BudgetEngine, FlatRatedCategoriesIgnoreTheirOwnLines) {
    // office_on_staff replaces office lines; other_costs adds to the others (a conflict the
    // validation reports, but the arithmetic stays defined).
    interreg::CategorySums real{};
    real[static_cast<std::size_t>(Category::staff)] = eur("1000.00");
    real[static_cast<std::size_t>(Category::office_admin)] = eur("999.00");
    const auto b = interreg::apply_flat_rates(real, flat({{"office_on_staff", "15%"}}));
    expect_breakdown(b, {100000, 15000, 0, 0, 0, 0, 0, 0, 115000}, "office flat");
}

TEST(BudgetEngine, PartnerWithoutFundGetsNothing) {
    // A German partner: no fund of the programme finances it, rate 0 %, the whole total is
    // its contribution.
    const auto s = summarise(project(6, {partner("SE", {budget_line(Category::staff, "S", "h", "1", "100.00")}),
                                         partner("DE", {budget_line(Category::staff, "S", "h", "1", "100.00")})}));
    EXPECT_EQ(s.partners[1].fund, "");
    EXPECT_EQ(s.partners[1].rate.ppm(), 0);
    EXPECT_EQ(s.partners[1].fund_amount, Money());
    EXPECT_EQ(s.partners[1].contribution, eur("100.00"));
    EXPECT_EQ(s.country_totals.at("DE"), eur("100.00"));
    expect_consistent(s);
}

TEST(BudgetEngine, ChosenRateIsUsed) {
    interreg::Cofinancing c;
    c.rate = percent("33.3333%");
    const auto s = summarise(project(6, {partner("DK", {budget_line(Category::staff, "S", "h", "1", "1000.00")}, {}, c)}));
    // 33.3333 % × 1,000.00 = 333.333 → 333.33
    EXPECT_EQ(s.partners[0].fund_amount, eur("333.33"));
    EXPECT_EQ(s.partners[0].contribution, eur("666.67"));
    EXPECT_EQ(s.partners[0].rate.to_string(), "33.3333%");
}

TEST(BudgetEngine, WithoutDurationThereIsOnePeriodOfProgrammeLength) {
    Proposal p = project(6, {partner("SE", {budget_line(Category::staff, "S", "h", "3", "33.33")})});
    p.duration_months.reset();
    p.start.reset();
    const auto s = summarise(p);
    ASSERT_EQ(s.periods.size(), 1u);
    EXPECT_EQ(s.periods[0].first_month, 1);
    EXPECT_EQ(s.periods[0].last_month, programme().budget().period_months);
    EXPECT_FALSE(s.periods[0].start);
    EXPECT_FALSE(s.periods[0].end);
    EXPECT_EQ(s.partners[0].costs.total, eur("99.99"));
}

TEST(BudgetEngine, PeriodDatesClampAtMonthEnds) {
    // Start 2026-08-31, 12 months: the second period starts six months later, clamped to
    // 2027-02-28, and the first ends the day before.
    Proposal p = project(12, {partner("SE", {budget_line(Category::staff, "S", "h", "1", "1.00")})});
    p.start = interreg::Date{2026, 8, 31};
    const auto periods = interreg::reporting_periods(programme(), p);
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods[0].start->to_string(), "2026-08-31");
    EXPECT_EQ(periods[0].end->to_string(), "2027-02-27");
    EXPECT_EQ(periods[1].start->to_string(), "2027-02-28");
    EXPECT_EQ(periods[1].end->to_string(), "2027-08-30");
    EXPECT_EQ(p.end()->to_string(), "2027-08-31");
}

TEST(BudgetEngine, PeriodAmountsOfTheWrongCountAreSpreadEvenly) {
    // Five amounts for six periods: budget.period-sum reports it; the engine spreads the total.
    auto l = budget_line(Category::staff, "S", "h", "1", "600.00");
    l.periods = std::vector<Money>(5, eur("120.00"));
    const auto s = summarise(project(36, {partner("SE", {l})}));
    EXPECT_EQ(cents(s.lines[0].periods), (std::vector<std::int64_t>{10000, 10000, 10000, 10000, 10000, 10000}));
}

TEST(BudgetEngine, PeriodAmountsThatDoNotAddUpLeaveTheResidualLast) {
    // 100 + 100 + 100 + 100 + 100 + 99.99 = 599.99 for a 600.00 line: the last period takes
    // 600.00 − 500.00 = 100.00, so the periods still sum to the line's total.
    auto l = budget_line(Category::staff, "S", "h", "1", "600.00");
    l.periods = std::vector<Money>{eur("100"), eur("100"), eur("100"), eur("100"), eur("100"), eur("99.99")};
    const auto s = summarise(project(36, {partner("SE", {l})}));
    EXPECT_EQ(cents(s.lines[0].periods), (std::vector<std::int64_t>{10000, 10000, 10000, 10000, 10000, 10000}));
}

TEST(BudgetEngine, MissingExchangeRateThrowsNamingTheLine) {
    const Proposal p = project(6, {partner("SE", {budget_line(Category::staff, "Lön", "h", "10", "500.00", "SEK")})});
    auto e = thrown<interreg::ArgumentError>([&] { summarise(p); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "budget line 0");
    EXPECT_CONTAINS(e->what(), "SEK");
    EXPECT_CONTAINS(e->what(), "exchange_rates");
}

TEST(BudgetEngine, ProgrammeExchangeRateAppliesUnlessTheProposalGivesOne) {
    json doc = interreg_test::programme_doc();
    doc["budget"]["exchange_rates"] =
        json::array({json{{"currency", "SEK"}, {"rate", "11.5"}, {"date", "2025-01-01"}, {"source", "cpr"}, {"status", "confirmed"}}});
    const auto prog = interreg::Programme::from_json(doc);
    Proposal p = project(6, {partner("SE", {budget_line(Category::staff, "Lön", "h", "10", "1150.00", "SEK")})});
    // 11,500.00 SEK ÷ 11.5 = 1,000.00 EUR
    auto s = interreg::summarise_budget(*prog, p);
    EXPECT_EQ(s.partners[0].costs.total, eur("1000.00"));
    EXPECT_EQ(s.exchange_rates_used.at("SEK").rate.to_string(), "11.5");
    EXPECT_EQ(s.exchange_rates_used.at("SEK").date->to_string(), "2025-01-01");
    // The proposal's own rate wins: 11,500.00 ÷ 11.2 = 1,026.7857 → 1,026.78
    p.exchange_rates["SEK"] = {interreg::ExchangeRate::parse("11.2"), std::nullopt, "Riksbanken"};
    s = interreg::summarise_budget(*prog, p);
    EXPECT_EQ(s.partners[0].costs.total, eur("1026.78"));
    EXPECT_EQ(s.exchange_rates_used.at("SEK").source, "Riksbanken");
}

TEST(BudgetEngine, SummaryJsonIsInCents) {
    const auto j = interreg::budget_summary_to_json(summarise(interreg_test::baseline()));
    EXPECT_EQ(j["costs"]["total"], 78913140);
    EXPECT_EQ(j["fund_amount"], 45089634);
    EXPECT_EQ(j["contribution"], 33823506);
    EXPECT_EQ(j["fund_totals"]["erdf"], 33798384);
    EXPECT_EQ(j["fund_totals"]["no-interreg"], 11291250);
    EXPECT_EQ(j["partners"][0]["rate"], "60%");
    EXPECT_EQ(j["partners"][2]["fund"], "no-interreg");
    EXPECT_EQ(j["partners"][0]["periods"].size(), 6u);
    EXPECT_EQ(j["partners"][0]["periods"][5]["total"], 5020450);
    EXPECT_EQ(j["periods"][0]["start"], "2026-01-01");
    EXPECT_EQ(j["periods"][5]["end"], "2028-12-31");
    EXPECT_EQ(j["lines"][1]["total"], 7805908);
    EXPECT_EQ(j["lines"][1]["category"], "staff");
    EXPECT_EQ(j["period_totals"][5], 13152200);
    EXPECT_TRUE(j["exchange_rates"].empty());
}
