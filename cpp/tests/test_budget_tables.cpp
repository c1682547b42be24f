// The budget summary as tables: every table's columns, kinds and values, and for each table
// with a total row, that every total is the summary's own and the exact sum of the rows.
#include <gtest/gtest.h>

#include <numeric>

#include "interreg/budget_tables.hpp"
#include "interreg/errors.hpp"
#include "test_support.hpp"

using interreg::BudgetTable;
using interreg::ColumnKind;
using interreg::TableColumn;
using interreg_test::budget_line;
using interreg_test::programme;
using interreg_test::thrown;

namespace {

interreg::BudgetSummary baseline_summary() {
    return interreg::summarise_budget(programme(), interreg_test::baseline());
}

// The baseline with a NOK line for PP3 at 1 EUR = 11.7725 NOK (dated, with a source) and a
// German partner no fund finances.
interreg::Proposal with_currency_and_outsider() {
    interreg::Proposal p = interreg_test::baseline();
    p.exchange_rates["NOK"] = {interreg::ExchangeRate::parse("11.7725"), interreg::Date{2025, 9, 30}, "ECB"};
    p.partners[2].budget.lines.push_back(
        budget_line(interreg::Category::external, "Oversettelse", "lot", "1", "11772.50", "NOK"));
    interreg::Partner outsider = interreg_test::make_partner("TU München", "DE", std::nullopt, "university");
    outsider.budget.lines.push_back(budget_line(interreg::Category::external, "Study", "contract", "1", "1000.00"));
    interreg::add_partner(p, outsider);
    return p;
}

std::vector<std::string> ids(const BudgetTable& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.id);
    return out;
}

std::vector<std::string> texts(const TableColumn& c) {
    std::vector<std::string> out;
    for (const auto& t : c.texts) out.push_back(t.value_or("<null>"));
    return out;
}

// Every money column with a total: the total is the sum of its rows; the table is rectangular.
void expect_totals_add_up(const BudgetTable& t) {
    SCOPED_TRACE("table " + t.id);
    const std::size_t rows = t.row_count();
    for (const auto& c : t.columns) {
        const bool numeric = c.kind == ColumnKind::money || c.kind == ColumnKind::integer;
        EXPECT_EQ(numeric ? c.numbers.size() : c.texts.size(), rows) << c.id;
        EXPECT_TRUE(numeric ? c.texts.empty() : c.numbers.empty()) << c.id;
        if (c.total) {
            EXPECT_TRUE(t.has_total) << c.id;
            EXPECT_EQ(c.kind, ColumnKind::money) << c.id;
            EXPECT_EQ(std::accumulate(c.numbers.begin(), c.numbers.end(), std::int64_t{0}), *c.total) << c.id;
        }
    }
}

}  // namespace

TEST(BudgetTables, NamesAndUnknownTable) {
    const auto s = baseline_summary();
    for (const auto& name : interreg::budget_table_names()) {
        const BudgetTable t = interreg::budget_table(s, name);
        EXPECT_EQ(t.id, name);
        expect_totals_add_up(t);
    }
    const auto e = thrown<interreg::ArgumentError>([&] { interreg::budget_table(s, "regions"); });
    ASSERT_TRUE(e);
    EXPECT_NE(std::string(e->what()).find("unknown budget table 'regions'; choose one of: partners, cofinancing, funds, "
                                          "countries, periods, lines, partner_periods, funding, country_funding, "
                                          "exchange_rates"),
              std::string::npos)
        << e->what();
}

TEST(BudgetTables, PartnersByCategory) {
    const auto s = baseline_summary();
    const BudgetTable t = interreg::budget_table(s, "partners");
    EXPECT_EQ(ids(t), (std::vector<std::string>{"id", "name", "country", "staff", "office_admin", "travel", "external",
                                                "equipment", "infrastructure", "other_costs", "lump_sums", "total"}));
    EXPECT_TRUE(t.has_total);
    EXPECT_EQ(texts(t.column("id")), (std::vector<std::string>{"PP1", "PP2", "PP3"}));
    EXPECT_EQ(t.column("country").kind, ColumnKind::text);
    const TableColumn& staff = t.column("staff");
    EXPECT_EQ(staff.kind, ColumnKind::money);
    EXPECT_EQ(staff.numbers, (std::vector<std::int64_t>{21325108, 18720000, 18750000}));
    EXPECT_EQ(staff.total, 58795108);
    EXPECT_EQ(t.column("total").total, 78913140);
    EXPECT_EQ(t.column("lump_sums").total, 0);
    const auto columns = ids(t);
    EXPECT_EQ(interreg::cost_column_ids(), (std::vector<std::string>(columns.begin() + 3, columns.end())));
}

TEST(BudgetTables, Cofinancing) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable t = interreg::budget_table(s, "cofinancing");
    EXPECT_EQ(ids(t), (std::vector<std::string>{"id", "name", "country", "fund", "rate", "total", "fund_amount",
                                                "contribution", "own_contribution", "public_contribution",
                                                "private_contribution", "sources_total"}));
    EXPECT_EQ(texts(t.column("fund")), (std::vector<std::string>{"erdf", "erdf", "no-interreg", "<null>"}));
    EXPECT_EQ(t.column("rate").kind, ColumnKind::percent);
    EXPECT_EQ(texts(t.column("rate")), (std::vector<std::string>{"60%", "60%", "50%", "0%"}));
    EXPECT_FALSE(t.column("rate").total);
    EXPECT_EQ(t.column("fund_amount").total, s.fund_amount.cents());
    EXPECT_EQ(t.column("contribution").numbers.back(), 100000);  // no fund: all of it
    EXPECT_EQ(t.column("sources_total").numbers[0], 12049056);  // 90,490.56 + 30,000.00
    EXPECT_EQ(t.column("own_contribution").numbers[0], 9049056);
    expect_totals_add_up(t);
}

TEST(BudgetTables, FundsCountriesAndFunding) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable funds = interreg::budget_table(s, "funds");
    EXPECT_EQ(ids(funds), (std::vector<std::string>{"fund", "amount"}));
    EXPECT_EQ(texts(funds.column("fund")), (std::vector<std::string>{"erdf", "no-interreg"}));
    EXPECT_EQ(funds.column("amount").total, s.fund_amount.cents());

    const BudgetTable countries = interreg::budget_table(s, "countries");
    EXPECT_EQ(texts(countries.column("country")), (std::vector<std::string>{"DE", "DK", "NO", "SE"}));
    EXPECT_EQ(countries.column("total").total, s.costs.total.cents());

    // Each fund with the partners it finances, then the contribution of every partner.
    const BudgetTable funding = interreg::budget_table(s, "funding");
    EXPECT_EQ(ids(funding), (std::vector<std::string>{"fund", "partners", "amount"}));
    EXPECT_EQ(texts(funding.column("fund")), (std::vector<std::string>{"erdf", "no-interreg", "<null>"}));
    EXPECT_EQ(texts(funding.column("partners")),
              (std::vector<std::string>{"PP1, PP2", "PP3", "PP1, PP2, PP3, PP4"}));
    EXPECT_EQ(funding.column("amount").numbers.back(), s.contribution.cents());
    EXPECT_EQ(funding.column("amount").total, s.costs.total.cents());
    for (const auto& t : {funds, countries, funding}) expect_totals_add_up(t);
}

TEST(BudgetTables, CountryFundingInPartnerOrder) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable t = interreg::budget_table(s, "country_funding");
    EXPECT_EQ(ids(t), (std::vector<std::string>{"country", "fund:erdf", "fund:no-interreg", "contribution", "total"}));
    EXPECT_EQ(texts(t.column("country")), (std::vector<std::string>{"SE", "DK", "NO", "DE"}));
    EXPECT_EQ(t.column("fund:erdf").numbers, (std::vector<std::int64_t>{18073584, 15724800, 0, 0}));
    EXPECT_EQ(t.column("fund:no-interreg").numbers[2], s.fund_totals.at("no-interreg").cents());
    EXPECT_EQ(t.column("fund:erdf").total, s.fund_totals.at("erdf").cents());
    const auto& fund = t.column("fund:erdf").numbers;
    const auto& norwegian = t.column("fund:no-interreg").numbers;
    const auto& contribution = t.column("contribution").numbers;
    const auto& total = t.column("total").numbers;
    for (std::size_t k = 0; k < total.size(); ++k) EXPECT_EQ(fund[k] + norwegian[k] + contribution[k], total[k]);
    expect_totals_add_up(t);

    // A fund no partner draws on has no column.
    interreg::Proposal danish = interreg_test::baseline();
    danish.partners.resize(2);
    danish.partners[0].country = "DK";
    const BudgetTable only_erdf = interreg::budget_table(interreg::summarise_budget(programme(), danish), "country_funding");
    EXPECT_EQ(ids(only_erdf), (std::vector<std::string>{"country", "fund:erdf", "contribution", "total"}));
    EXPECT_EQ(texts(only_erdf.column("country")), (std::vector<std::string>{"DK"}));
}

TEST(BudgetTables, Periods) {
    const auto s = baseline_summary();
    const BudgetTable t = interreg::budget_table(s, "periods");
    const auto columns = ids(t);
    EXPECT_EQ((std::vector<std::string>(columns.begin(), columns.begin() + 4)),
              (std::vector<std::string>{"period", "start", "end", "months"}));
    EXPECT_EQ((std::vector<std::string>(columns.end() - 2, columns.end())),
              (std::vector<std::string>{"fund_amount", "contribution"}));
    EXPECT_EQ(t.column("period").kind, ColumnKind::integer);
    EXPECT_EQ(t.column("period").numbers, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(t.column("start").kind, ColumnKind::date);
    EXPECT_EQ(texts(t.column("start"))[1], "2026-07-01");
    EXPECT_EQ(texts(t.column("end"))[5], "2028-12-31");
    EXPECT_EQ(texts(t.column("months")), (std::vector<std::string>{"1-6", "7-12", "13-18", "19-24", "25-30", "31-36"}));
    EXPECT_EQ(t.column("total").numbers.back(), 13152200);
    EXPECT_EQ(t.column("fund_amount").total, 45089634);
    EXPECT_EQ(t.column("contribution").total, 33823506);
    expect_totals_add_up(t);

    interreg::Proposal undated = interreg_test::baseline();
    undated.start.reset();
    const BudgetTable no_dates = interreg::budget_table(interreg::summarise_budget(programme(), undated), "periods");
    EXPECT_EQ(texts(no_dates.column("start"))[0], "<null>");
}

TEST(BudgetTables, LinesInTheirCurrency) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable t = interreg::budget_table(s, "lines");
    EXPECT_FALSE(t.has_total);
    EXPECT_EQ(ids(t), (std::vector<std::string>{"partner", "index", "category", "description", "units", "unit_type",
                                                "unit_cost", "lump_sum", "currency", "unit_price", "total_local",
                                                "exchange_rate", "total", "split", "period_1", "period_2", "period_3",
                                                "period_4", "period_5", "period_6"}));
    EXPECT_EQ(t.row_count(), 8u);
    EXPECT_EQ(t.column("unit_price").currency_column, "currency");
    EXPECT_EQ(t.column("total_local").currency_column, "currency");
    EXPECT_EQ(t.column("total").currency_column, "");
    EXPECT_EQ(t.column("index").numbers, (std::vector<std::int64_t>{0, 1, 2, 0, 0, 1, 2, 0}));
    EXPECT_EQ(texts(t.column("partner")), (std::vector<std::string>{"PP1", "PP1", "PP1", "PP2", "PP3", "PP3", "PP3", "PP4"}));
    // PP3's NOK line: 11,772.50 NOK at 11.7725 = 1,000.00 EUR; the others are in euro.
    EXPECT_EQ(texts(t.column("currency"))[6], "NOK");
    EXPECT_EQ(t.column("unit_price").numbers[6], 1177250);
    EXPECT_EQ(t.column("total_local").numbers[6], 1177250);
    EXPECT_EQ(t.column("total").numbers[6], 100000);
    EXPECT_EQ(texts(t.column("exchange_rate")), (std::vector<std::string>{"<null>", "<null>", "<null>", "<null>",
                                                                          "<null>", "<null>", "11.7725", "<null>"}));
    EXPECT_EQ(texts(t.column("category"))[2], "external");
    EXPECT_EQ(texts(t.column("units"))[6], "1");
    EXPECT_EQ(texts(t.column("unit_type"))[6], "lot");
    EXPECT_EQ(t.column("units").kind, ColumnKind::decimal);
    EXPECT_EQ(texts(t.column("unit_cost"))[6], "<null>");
    // The periods are in the line's currency and add up to its local total.
    for (std::size_t row = 0; row < t.row_count(); ++row) {
        std::int64_t sum = 0;
        for (int k = 1; k <= 6; ++k) {
            const TableColumn& period = t.column("period_" + std::to_string(k));
            EXPECT_EQ(period.currency_column, "currency");
            sum += period.numbers[row];
        }
        EXPECT_EQ(sum, t.column("total_local").numbers[row]) << "line " << row;
    }
    EXPECT_EQ(texts(t.column("split")), std::vector<std::string>(8, "even"));
    expect_totals_add_up(t);
}

TEST(BudgetTables, GivenPeriodsStayInTheirCurrency) {
    interreg::Proposal p = with_currency_and_outsider();
    // PP3's NOK line given per period; the last period takes the residual.
    auto& line = p.partners[2].budget.lines.back();
    line.periods = std::vector<interreg::Money>{interreg_test::eur("11772.50"), {}, {}, {}, {}, {}};
    const BudgetTable t = interreg::budget_table(interreg::summarise_budget(programme(), p), "lines");
    EXPECT_EQ(texts(t.column("split"))[6], "given");
    EXPECT_EQ(t.column("period_1").numbers[6], 1177250);
    EXPECT_EQ(t.column("period_6").numbers[6], 0);
}

TEST(BudgetTables, PartnerPeriods) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable t = interreg::budget_table(s, "partner_periods");
    EXPECT_TRUE(t.has_total);
    EXPECT_EQ(ids(t), (std::vector<std::string>{"id", "name", "country", "period_1", "period_2", "period_3", "period_4",
                                                "period_5", "period_6", "total"}));
    EXPECT_EQ(t.row_count(), s.partners.size());
    for (std::size_t row = 0; row < t.row_count(); ++row) {
        std::int64_t sum = 0;
        for (int k = 1; k <= 6; ++k) sum += t.column("period_" + std::to_string(k)).numbers[row];
        EXPECT_EQ(sum, t.column("total").numbers[row]) << "partner " << row;
    }
    for (int k = 1; k <= 6; ++k) {
        EXPECT_EQ(*t.column("period_" + std::to_string(k)).total, s.period_totals[static_cast<std::size_t>(k - 1)].cents());
    }
    EXPECT_EQ(*t.column("total").total, s.costs.total.cents());
    expect_totals_add_up(t);
}

TEST(BudgetTables, ExchangeRates) {
    const auto s = interreg::summarise_budget(programme(), with_currency_and_outsider());
    const BudgetTable t = interreg::budget_table(s, "exchange_rates");
    EXPECT_FALSE(t.has_total);
    EXPECT_EQ(ids(t), (std::vector<std::string>{"currency", "rate", "date", "source"}));
    EXPECT_EQ(texts(t.column("currency")), (std::vector<std::string>{"NOK"}));
    EXPECT_EQ(t.column("rate").kind, ColumnKind::decimal);
    EXPECT_EQ(texts(t.column("rate")), (std::vector<std::string>{"11.7725"}));
    EXPECT_EQ(texts(t.column("date")), (std::vector<std::string>{"2025-09-30"}));
    EXPECT_EQ(texts(t.column("source")), (std::vector<std::string>{"ECB"}));
    EXPECT_EQ(interreg::budget_table(baseline_summary(), "exchange_rates").row_count(), 0u);
}

TEST(BudgetTables, EmptyProposalHasEmptyTablesWithTotals) {
    interreg::Proposal p;
    p.programme = "oks-2021-2027";
    const auto s = interreg::summarise_budget(programme(), p);
    const BudgetTable partners = interreg::budget_table(s, "partners");
    EXPECT_EQ(partners.row_count(), 0u);
    EXPECT_EQ(partners.column("total").total, 0);
    const BudgetTable funding = interreg::budget_table(s, "funding");
    EXPECT_EQ(texts(funding.column("partners")), (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(interreg::budget_table(s, "country_funding").columns.size(), 3u);  // no fund is drawn on
    EXPECT_EQ(interreg::budget_table(s, "periods").row_count(), 1u);
}

TEST(BudgetTables, UnknownColumnNamesTheColumns) {
    const BudgetTable t = interreg::budget_table(baseline_summary(), "funds");
    const auto e = thrown<interreg::ArgumentError>([&] { t.column("total"); });
    ASSERT_TRUE(e);
    EXPECT_STREQ(e->what(), "the funds table has no column 'total'; its columns are fund, amount");
}
