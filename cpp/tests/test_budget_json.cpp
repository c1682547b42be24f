// Budgets, flat rates, co-financing and exchange rates in the proposal document: strict
// reading with exact paths, and a deterministic writer (dump → parse → dump is byte-identical).
#include <gtest/gtest.h>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "test_support.hpp"

using interreg::BudgetLine;
using interreg::Category;
using interreg::FormatError;
using interreg::Money;
using interreg::Proposal;
using interreg::dump_proposal;
using interreg::parse_proposal;
using interreg::proposal_from_json;
using interreg_test::budget_line;
using interreg_test::eur;
using interreg_test::percent;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

// One partner with one budget line, a flat rate, co-financing with a source, and a NOK rate.
json budget_doc() {
    return json::parse(R"({
      "format": "interreg-proposal",
      "version": 1,
      "programme": "oks-2021-2027",
      "kind": "main",
      "acronym": "COAST",
      "duration_months": 12,
      "exchange_rates": {"NOK": {"rate": "11.4876", "date": "2025-12-31", "source": "Norges Bank"}},
      "partners": [{
        "id": "PP1", "name": "Lunds universitet", "country": "SE", "role": "lead",
        "budget": {
          "flat_rates": {"office_on_staff": "15%"},
          "lines": [{"category": "staff", "description": "Researcher", "unit_type": "hours",
                     "units": "1720.5", "unit_price": "45.37"}]
        },
        "cofinancing": {"rate": "60%",
                        "sources": [{"name": "Lunds universitet", "status": "public", "amount": "35905.09"}]}
      }]
    })");
}

std::optional<FormatError> format_error(const json& doc) {
    return thrown<FormatError>([&] { proposal_from_json(doc); });
}

json with(const std::string& pointer, const json& value) {
    json doc = budget_doc();
    doc[json::json_pointer(pointer)] = value;
    return doc;
}

const std::string line0 = "/partners/0/budget/lines/0";

// A proposal using every budget feature the format has.
Proposal rich_budget_proposal() {
    Proposal p = interreg_test::baseline();
    p.exchange_rates["NOK"] = {interreg::ExchangeRate::parse("11.4876"), interreg::Date{2025, 12, 31}, "Norges Bank"};
    p.exchange_rates["SEK"] = {interreg::ExchangeRate::parse("11.205"), std::nullopt, ""};
    p.exchange_rates["DKK"] = {interreg::ExchangeRate::parse("7.4588"), interreg::Date{2025, 1, 2}, "ECB — “fixed” rate"};
    auto& pp3 = p.partners[2];
    auto nok = budget_line(Category::travel, "Reiser til Göteborg", "trips", "6", "1000.00", "NOK");
    nok.periods = std::vector<Money>{eur("1000"), eur("1000"), eur("1000"), eur("1000"), eur("1000"), eur("1000")};
    pp3.budget.lines.push_back(nok);
    auto lump = budget_line(Category::lump_sum, "Preparation", "", "1", "25000.00");
    lump.lump_sum = "preparation";
    pp3.budget.lines.push_back(lump);
    auto unit = budget_line(Category::staff, "Staff hours", "hours", "0.5", "0.01");
    unit.unit_cost = "staff-hour";
    pp3.budget.lines.push_back(unit);
    pp3.cofinancing.fund = "no-interreg";
    pp3.cofinancing.rate = percent("12.3457%");
    pp3.cofinancing.sources = {
        interreg_test::contribution_source("Østfold fylkeskommune", true, interreg::Funding::public_funding, "100000.00"),
        interreg_test::contribution_source("Equinor ASA", false, interreg::Funding::private_funding, "0.01")};
    p.partners[1].budget.lines[0].periods = std::vector<Money>(6, eur("31200.00"));
    p.partners[1].budget.lines.push_back(budget_line(Category::staff, "Intern", "months", "-1", "-0.50", "DKK"));
    p.partners[0].budget.flat_rates.staff = percent("0.2");
    return p;
}

}  // namespace

// ---- reading ---------------------------------------------------------------------------------

TEST(BudgetJsonRead, ReadsTheBudget) {
    const Proposal p = proposal_from_json(budget_doc());
    ASSERT_EQ(p.partners.size(), 1u);
    const auto& b = p.partners[0].budget;
    ASSERT_EQ(b.lines.size(), 1u);
    EXPECT_EQ(b.lines[0].category, Category::staff);
    EXPECT_EQ(b.lines[0].description, "Researcher");
    EXPECT_EQ(b.lines[0].unit_type, "hours");
    EXPECT_EQ(b.lines[0].units.hundredths(), 172050);
    EXPECT_EQ(b.lines[0].unit_price, eur("45.37"));
    EXPECT_EQ(b.lines[0].currency, "EUR");  // the default
    EXPECT_FALSE(b.lines[0].periods);
    EXPECT_FALSE(b.lines[0].unit_cost);
    ASSERT_TRUE(b.flat_rates.office_on_staff);
    EXPECT_EQ(b.flat_rates.office_on_staff->ppm(), 150000);
    EXPECT_FALSE(b.flat_rates.travel);
    const auto& c = p.partners[0].cofinancing;
    EXPECT_FALSE(c.fund);
    EXPECT_EQ(c.rate, percent("60%"));
    ASSERT_EQ(c.sources.size(), 1u);
    EXPECT_TRUE(c.sources[0].own);  // the default
    EXPECT_EQ(c.sources[0].status, interreg::Funding::public_funding);
    EXPECT_EQ(c.sources[0].amount, eur("35905.09"));
    ASSERT_EQ(p.exchange_rates.count("NOK"), 1u);
    EXPECT_EQ(p.exchange_rates.at("NOK").rate.micros(), 11'487'600);
    EXPECT_EQ(p.exchange_rates.at("NOK").date->to_string(), "2025-12-31");
    EXPECT_EQ(p.exchange_rates.at("NOK").source, "Norges Bank");
}

TEST(BudgetJsonRead, ReadBudgetComputes) {
    // 1720.5 h × 45.37 = 78,059.08; office 15 % = 11,708.862 → 11,708.86; total 89,767.94;
    // ERDF 60 % = 53,860.764 → 53,860.76; contribution 35,907.18 (the source says 35,905.09).
    const auto s = interreg::summarise_budget(interreg_test::programme(), proposal_from_json(budget_doc()));
    EXPECT_EQ(s.partners[0].costs.total, eur("89767.94"));
    EXPECT_EQ(s.partners[0].fund_amount, eur("53860.76"));
    EXPECT_EQ(s.partners[0].contribution, eur("35907.18"));
}

TEST(BudgetJsonRead, NullsMeanUnset) {
    json doc = budget_doc();
    doc["partners"][0]["budget"]["flat_rates"] = {{"staff", nullptr}, {"office_on_staff", nullptr}};
    doc["partners"][0]["budget"]["lines"][0]["periods"] = nullptr;
    doc["partners"][0]["budget"]["lines"][0]["unit_cost"] = nullptr;
    doc["partners"][0]["budget"]["lines"][0]["currency"] = nullptr;
    doc["partners"][0]["cofinancing"] = {{"fund", nullptr}, {"rate", nullptr}, {"sources", nullptr}};
    doc["exchange_rates"]["NOK"]["date"] = nullptr;
    const Proposal p = proposal_from_json(doc);
    EXPECT_FALSE(p.partners[0].budget.flat_rates.any());
    EXPECT_FALSE(p.partners[0].budget.lines[0].periods);
    EXPECT_EQ(p.partners[0].budget.lines[0].currency, "EUR");
    EXPECT_FALSE(p.partners[0].cofinancing.rate);
    EXPECT_TRUE(p.partners[0].cofinancing.sources.empty());
    EXPECT_FALSE(p.exchange_rates.at("NOK").date);
}

TEST(BudgetJsonRead, BudgetAndCofinancingAreOptional) {
    json doc = budget_doc();
    doc["partners"][0].erase("budget");
    doc["partners"][0].erase("cofinancing");
    doc.erase("exchange_rates");
    const Proposal p = proposal_from_json(doc);
    EXPECT_TRUE(p.partners[0].budget.empty());
    EXPECT_TRUE(p.exchange_rates.empty());
}

TEST(BudgetJsonRead, FractionRateReadsAsPercent) {
    const Proposal p = proposal_from_json(with("/partners/0/budget/flat_rates/office_on_staff", "0.15"));
    EXPECT_EQ(p.partners[0].budget.flat_rates.office_on_staff->to_string(), "15%");
}

// ---- writing ---------------------------------------------------------------------------------

TEST(BudgetJsonWrite, RoundTripIsByteIdentical) {
    const std::string first = dump_proposal(rich_budget_proposal());
    const std::string second = dump_proposal(parse_proposal(first));
    EXPECT_EQ(first, second);
    const std::string third = dump_proposal(parse_proposal(second));
    EXPECT_EQ(second, third);
}

TEST(BudgetJsonWrite, RoundTripKeepsEveryValue) {
    const Proposal a = rich_budget_proposal();
    const Proposal b = parse_proposal(dump_proposal(a));
    ASSERT_EQ(b.partners.size(), a.partners.size());
    for (std::size_t i = 0; i < a.partners.size(); ++i) {
        const auto& x = a.partners[i];
        const auto& y = b.partners[i];
        ASSERT_EQ(x.budget.lines.size(), y.budget.lines.size());
        for (const auto& name : interreg::flat_rate_names()) {
            EXPECT_EQ(interreg::flat_rate(x.budget.flat_rates, name).has_value(),
                      interreg::flat_rate(y.budget.flat_rates, name).has_value());
            if (auto r = interreg::flat_rate(x.budget.flat_rates, name)) EXPECT_EQ(*r, *interreg::flat_rate(y.budget.flat_rates, name));
        }
        for (std::size_t j = 0; j < x.budget.lines.size(); ++j) {
            const BudgetLine& l = x.budget.lines[j];
            const BudgetLine& m = y.budget.lines[j];
            EXPECT_EQ(l.category, m.category);
            EXPECT_EQ(l.description, m.description);
            EXPECT_EQ(l.unit_type, m.unit_type);
            EXPECT_EQ(l.units.hundredths(), m.units.hundredths());
            EXPECT_EQ(l.unit_price, m.unit_price);
            EXPECT_EQ(l.currency, m.currency);
            EXPECT_EQ(l.periods, m.periods);
            EXPECT_EQ(l.unit_cost, m.unit_cost);
            EXPECT_EQ(l.lump_sum, m.lump_sum);
        }
        EXPECT_EQ(x.cofinancing.fund, y.cofinancing.fund);
        EXPECT_EQ(x.cofinancing.rate.has_value(), y.cofinancing.rate.has_value());
        if (x.cofinancing.rate) EXPECT_EQ(*x.cofinancing.rate, *y.cofinancing.rate);
        ASSERT_EQ(x.cofinancing.sources.size(), y.cofinancing.sources.size());
        for (std::size_t k = 0; k < x.cofinancing.sources.size(); ++k) {
            EXPECT_EQ(x.cofinancing.sources[k].name, y.cofinancing.sources[k].name);
            EXPECT_EQ(x.cofinancing.sources[k].own, y.cofinancing.sources[k].own);
            EXPECT_EQ(x.cofinancing.sources[k].status, y.cofinancing.sources[k].status);
            EXPECT_EQ(x.cofinancing.sources[k].amount, y.cofinancing.sources[k].amount);
        }
    }
    ASSERT_EQ(a.exchange_rates.size(), b.exchange_rates.size());
    for (const auto& [code, e] : a.exchange_rates) {
        EXPECT_EQ(e.rate.micros(), b.exchange_rates.at(code).rate.micros()) << code;
        EXPECT_EQ(e.date, b.exchange_rates.at(code).date) << code;
        EXPECT_EQ(e.source, b.exchange_rates.at(code).source) << code;
    }
}

TEST(BudgetJsonWrite, WritesCanonicalStrings) {
    const auto doc = interreg::proposal_to_json(rich_budget_proposal());
    const auto& pp3 = doc["partners"][2];
    EXPECT_EQ(pp3["budget"]["flat_rates"]["office_on_staff"], "15%");
    EXPECT_EQ(pp3["budget"]["flat_rates"]["travel"], nullptr);
    EXPECT_EQ(pp3["budget"]["lines"][0]["units"], "3000");
    EXPECT_EQ(pp3["budget"]["lines"][0]["unit_price"], "62.50");
    EXPECT_EQ(pp3["budget"]["lines"][0]["currency"], "EUR");
    EXPECT_EQ(pp3["budget"]["lines"][0]["periods"], nullptr);
    EXPECT_EQ(pp3["budget"]["lines"][2]["currency"], "NOK");
    EXPECT_EQ(pp3["budget"]["lines"][2]["periods"][0], "1000.00");
    EXPECT_EQ(pp3["budget"]["lines"][3]["lump_sum"], "preparation");
    EXPECT_EQ(pp3["budget"]["lines"][4]["units"], "0.5");
    EXPECT_EQ(pp3["cofinancing"]["rate"], "12.3457%");
    EXPECT_EQ(pp3["cofinancing"]["sources"][1]["own"], false);
    EXPECT_EQ(pp3["cofinancing"]["sources"][1]["status"], "private");
    EXPECT_EQ(pp3["cofinancing"]["sources"][1]["amount"], "0.01");
    EXPECT_EQ(doc["partners"][0]["budget"]["flat_rates"]["staff"], "20%");  // given as 0.2
    EXPECT_EQ(doc["partners"][1]["budget"]["lines"][1]["units"], "-1");
    EXPECT_EQ(doc["partners"][1]["budget"]["lines"][1]["unit_price"], "-0.50");
    EXPECT_EQ(doc["exchange_rates"]["NOK"]["rate"], "11.4876");
    EXPECT_EQ(doc["exchange_rates"]["SEK"]["rate"], "11.205");
    EXPECT_EQ(doc["exchange_rates"]["SEK"]["date"], nullptr);
    // Currencies in a fixed (sorted) order.
    std::vector<std::string> codes;
    for (const auto& item : doc["exchange_rates"].items()) codes.push_back(item.key());
    EXPECT_EQ(codes, (std::vector<std::string>{"DKK", "NOK", "SEK"}));
}

TEST(BudgetJsonWrite, EmptyBudgetIsWrittenInFull) {
    Proposal p;
    p.programme = interreg_test::programme().id();  // whoever creates a proposal names its programme
    p.kind = interreg_test::programme().project_kinds().front().id;  // and its kind
    add_partner(p, interreg_test::make_partner("X", "SE", std::nullopt, std::nullopt));
    const auto doc = interreg::proposal_to_json(p);
    EXPECT_EQ(doc["exchange_rates"], nlohmann::ordered_json::object());
    EXPECT_EQ(doc["partners"][0]["budget"]["lines"], nlohmann::ordered_json::array());
    EXPECT_EQ(doc["partners"][0]["cofinancing"]["fund"], nullptr);
    EXPECT_EQ(doc["partners"][0]["cofinancing"]["rate"], nullptr);
    EXPECT_EQ(doc["partners"][0]["cofinancing"]["sources"], nlohmann::ordered_json::array());
    EXPECT_EQ(dump_proposal(parse_proposal(dump_proposal(p))), dump_proposal(p));
}

// ---- strict reading: exact paths ---------------------------------------------------------------

TEST(BudgetJsonStrict, UnknownKeyInALine) {
    auto e = format_error(with(line0 + "/amount", "12.50"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/amount");
    EXPECT_CONTAINS(e->detail(), "unknown key 'amount'");
    EXPECT_CONTAINS(e->detail(), "unit_price");
}

TEST(BudgetJsonStrict, UnknownKeysElsewhere) {
    for (const char* pointer : {"/partners/0/budget/total", "/partners/0/budget/flat_rates/lump",
                                "/partners/0/cofinancing/own", "/partners/0/cofinancing/sources/0/iban",
                                "/exchange_rates/NOK/inverse"}) {
        auto e = format_error(with(pointer, "1"));
        ASSERT_TRUE(e) << pointer;
        EXPECT_EQ(e->path(), pointer);
        EXPECT_CONTAINS(e->detail(), "unknown key");
    }
}

TEST(BudgetJsonStrict, DecimalCommaInAnAmount) {
    auto e = format_error(with(line0 + "/unit_price", "12,50"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/budget/lines/0/unit_price");
    EXPECT_CONTAINS(e->detail(), "'12,50' is not an amount");
}

TEST(BudgetJsonStrict, ThreeDecimals) {
    auto e = format_error(with(line0 + "/unit_price", "12.505"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/unit_price");
    EXPECT_CONTAINS(e->detail(), "more than 2 decimals");
    auto u = format_error(with(line0 + "/units", "1.125"));
    ASSERT_TRUE(u);
    EXPECT_EQ(u->path(), line0 + "/units");
    EXPECT_CONTAINS(u->detail(), "more than 2 decimals");
}

TEST(BudgetJsonStrict, NumbersMustBeStrings) {
    // Amounts are decimal strings, never JSON numbers (no binary floating point on the way).
    for (const char* key : {"/units", "/unit_price"}) {
        auto e = format_error(with(line0 + key, 12.5));
        ASSERT_TRUE(e) << key;
        EXPECT_EQ(e->path(), line0 + key);
        EXPECT_CONTAINS(e->detail(), "expected a string");
    }
    auto r = format_error(with("/partners/0/cofinancing/rate", 0.6));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->path(), "/partners/0/cofinancing/rate");
}

TEST(BudgetJsonStrict, UnknownCategoryListsTheCategories) {
    auto e = format_error(with(line0 + "/category", "catering"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/category");
    EXPECT_CONTAINS(e->detail(), "'catering'");
    for (const char* c : {"staff", "office_admin", "travel", "external", "equipment", "infrastructure", "lump_sum"}) {
        EXPECT_CONTAINS(e->detail(), c);
    }
}

TEST(BudgetJsonStrict, UnknownCurrency) {
    auto e = format_error(with(line0 + "/currency", "USD"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/currency");
    EXPECT_CONTAINS(e->detail(), "'USD'");
    for (const char* c : {"EUR", "DKK", "SEK", "NOK"}) EXPECT_CONTAINS(e->detail(), c);
    EXPECT_TRUE(format_error(with(line0 + "/currency", "eur")));  // codes are upper case
}

TEST(BudgetJsonStrict, NegativeSourceAmount) {
    auto e = format_error(with("/partners/0/cofinancing/sources/0/amount", "-100.00"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/cofinancing/sources/0/amount");
    EXPECT_CONTAINS(e->detail(), "must lie between 0 and");
}

TEST(BudgetJsonStrict, SourceFields) {
    auto status = format_error(with("/partners/0/cofinancing/sources/0/status", "mixed"));
    ASSERT_TRUE(status);
    EXPECT_EQ(status->path(), "/partners/0/cofinancing/sources/0/status");
    EXPECT_CONTAINS(status->detail(), "public");
    EXPECT_CONTAINS(status->detail(), "private");
    auto name = format_error(with("/partners/0/cofinancing/sources/0/name", "  "));
    ASSERT_TRUE(name);
    EXPECT_EQ(name->path(), "/partners/0/cofinancing/sources/0/name");
    auto own = format_error(with("/partners/0/cofinancing/sources/0/own", "yes"));
    ASSERT_TRUE(own);
    EXPECT_EQ(own->path(), "/partners/0/cofinancing/sources/0/own");
}

TEST(BudgetJsonStrict, SourceAmountAboveTheLimitIsReportedAtTheAmount) {
    auto e = format_error(with("/partners/0/cofinancing/sources/0/amount", "10000000000.01"));
    ASSERT_TRUE(e);
    if (e->path() == "/partners/0") {
        FAIL() << "regression: proposal_json.cpp:98-99 (read_cofinancing) checks only the lower bound of a source "
                        "amount; the upper bound (max_line_cents) is left to Partner::check (proposal.cpp:107), "
                        "which add_partner reports at '/partners/0' instead of the amount's path. Detail: "
                     << e->detail();
    }
    EXPECT_EQ(e->path(), "/partners/0/cofinancing/sources/0/amount");
    EXPECT_CONTAINS(e->detail(), "10000000000.00");
}

TEST(BudgetJsonStrict, ExchangeRateForEuro) {
    json doc = budget_doc();
    doc["exchange_rates"]["EUR"] = {{"rate", "1"}};
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/exchange_rates/EUR");
    EXPECT_CONTAINS(e->detail(), "'EUR'");
    EXPECT_CONTAINS(e->detail(), "DKK, SEK, NOK");
}

TEST(BudgetJsonStrict, ExchangeRateForUsd) {
    json doc = budget_doc();
    doc["exchange_rates"]["USD"] = {{"rate", "1.08"}};
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/exchange_rates/USD");
    EXPECT_CONTAINS(e->detail(), "'USD' is not a currency");
}

TEST(BudgetJsonStrict, ExchangeRateZero) {
    auto e = format_error(with("/exchange_rates/NOK/rate", "0"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/exchange_rates/NOK/rate");
    EXPECT_CONTAINS(e->detail(), "between 0.0001 and 100000");
    auto neg = format_error(with("/exchange_rates/NOK/rate", "-11.4876"));
    ASSERT_TRUE(neg);
    EXPECT_EQ(neg->path(), "/exchange_rates/NOK/rate");
}

TEST(BudgetJsonStrict, ExchangeRateFields) {
    auto date = format_error(with("/exchange_rates/NOK/date", "31.12.2025"));
    ASSERT_TRUE(date);
    EXPECT_EQ(date->path(), "/exchange_rates/NOK/date");
    EXPECT_CONTAINS(date->detail(), "YYYY-MM-DD");
    json doc = budget_doc();
    doc["exchange_rates"]["NOK"].erase("rate");
    auto missing = format_error(doc);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->path(), "/exchange_rates/NOK");
    EXPECT_CONTAINS(missing->detail(), "missing required key 'rate'");
    auto not_object = format_error(with("/exchange_rates", json::array()));
    ASSERT_TRUE(not_object);
    EXPECT_EQ(not_object->path(), "/exchange_rates");
}

TEST(BudgetJsonStrict, FlatRateAboveHundredPercent) {
    auto e = format_error(with("/partners/0/budget/flat_rates/office_on_staff", "120%"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/budget/flat_rates/office_on_staff");
    EXPECT_CONTAINS(e->detail(), "'120%'");
    EXPECT_CONTAINS(e->detail(), "between 0% and 100%");
}

TEST(BudgetJsonStrict, CofinancingRate) {
    auto e = format_error(with("/partners/0/cofinancing/rate", "sixty"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/cofinancing/rate");
    auto blank_fund = format_error(with("/partners/0/cofinancing/fund", ""));
    ASSERT_TRUE(blank_fund);
    EXPECT_EQ(blank_fund->path(), "/partners/0/cofinancing/fund");
}

TEST(BudgetJsonStrict, FortyOnePeriodAmounts) {
    auto e = format_error(with(line0 + "/periods", json(std::vector<std::string>(41, "1.00"))));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/periods");
    EXPECT_CONTAINS(e->detail(), "has 41 items; the limit is 40");
    // 40 are fine (the format's limit; validation judges the count against the periods).
    EXPECT_NO_THROW(proposal_from_json(with(line0 + "/periods", json(std::vector<std::string>(40, "1.00")))));
}

TEST(BudgetJsonStrict, BadPeriodAmount) {
    auto e = format_error(with(line0 + "/periods", json{"1.00", "1,00"}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/periods/1");
    EXPECT_CONTAINS(e->detail(), "'1,00'");
}

TEST(BudgetJsonStrict, AbsurdLineIsRefused) {
    // 10^9 units × 10^9 EUR = 10^18 EUR: not a budget line.
    json doc = budget_doc();
    doc["partners"][0]["budget"]["lines"][0]["units"] = "1000000000";
    doc["partners"][0]["budget"]["lines"][0]["unit_price"] = "1000000000";
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0);
}

TEST(BudgetJsonStrict, AbsurdLineSaysWhy) {
    json doc = budget_doc();
    doc["partners"][0]["budget"]["lines"][0]["units"] = "1000000000";
    doc["partners"][0]["budget"]["lines"][0]["unit_price"] = "1000000000";
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    if (e->detail() == "amount overflow") {
        FAIL() << "regression: proposal.cpp:130-132 (check_line) computes line_total() inside the 'absurd' test; for "
                        "10^9 × 10^9 the product overflows int64 cents and line_total throws its own 'amount "
                        "overflow', so the user never sees 'the line's amount is beyond 10000000000.00; check units "
                        "and unit price'. Fix: catch the ArgumentError of line_total there (or compare units × price "
                        "in __int128) and throw the 'beyond' message.";
    }
    EXPECT_CONTAINS(e->detail(), "beyond 10000000000.00");
    EXPECT_CONTAINS(e->detail(), "units and unit price");
}

TEST(BudgetJsonStrict, LineJustAboveTheLimit) {
    // 1,000,000 × 10,000.00 = 10,000,000,000.00 is the largest line; a cent more is refused.
    json doc = budget_doc();
    doc["partners"][0]["budget"]["lines"][0]["units"] = "1000000";
    doc["partners"][0]["budget"]["lines"][0]["unit_price"] = "10000.00";
    EXPECT_NO_THROW(proposal_from_json(doc));
    doc["partners"][0]["budget"]["lines"][0]["unit_price"] = "10000.01";
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0);
    EXPECT_CONTAINS(e->detail(), "beyond 10000000000.00");
}

TEST(BudgetJsonStrict, AbsurdPeriodAmount) {
    auto e = format_error(with(line0 + "/periods", json{"10000000000.01"}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), line0 + "/periods/0");
    EXPECT_CONTAINS(e->detail(), "period amount is beyond");
}

TEST(BudgetJsonStrict, MissingRequiredLineKeys) {
    for (const char* key : {"category", "description", "units", "unit_price"}) {
        json doc = budget_doc();
        doc["partners"][0]["budget"]["lines"][0].erase(key);
        auto e = format_error(doc);
        ASSERT_TRUE(e) << key;
        EXPECT_EQ(e->path(), line0);
        EXPECT_CONTAINS(e->detail(), std::string("missing required key '") + key + "'");
    }
}

TEST(BudgetJsonStrict, TooManyLines) {
    json doc = budget_doc();
    json line = doc["partners"][0]["budget"]["lines"][0];
    doc["partners"][0]["budget"]["lines"] = json(std::vector<json>(interreg::max_budget_lines + 1, line));
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/budget/lines");
    EXPECT_CONTAINS(e->detail(), "has 2001 items; the limit is 2000");
}

TEST(BudgetJsonStrict, ProgrammeIds) {
    auto blank = format_error(with(line0 + "/unit_cost", " "));
    ASSERT_TRUE(blank);
    EXPECT_EQ(blank->path(), line0 + "/unit_cost");
    auto long_id = format_error(with(line0 + "/lump_sum", std::string(51, 'x')));
    ASSERT_TRUE(long_id);
    EXPECT_EQ(long_id->path(), line0 + "/lump_sum");
    EXPECT_NO_THROW(proposal_from_json(with(line0 + "/lump_sum", std::string(50, 'x'))));
}

// The reader limits ids to 50 characters (JsonReader::string counts code points); the model
// check must then accept every id the reader accepts.
namespace {
std::string fifty_characters_of_100_bytes() {
    std::string id;
    for (int i = 0; i < 50; ++i) id += "ø";
    return id;
}
}  // namespace

TEST(BudgetJsonStrict, UnitCostIdOfFiftyNonAsciiCharacters) {
    try {
        const Proposal p = proposal_from_json(with(line0 + "/unit_cost", fifty_characters_of_100_bytes()));
        EXPECT_EQ(*p.partners[0].budget.lines[0].unit_cost, fifty_characters_of_100_bytes());
    } catch (const FormatError& e) {
        FAIL() << "regression: proposal.cpp:121-124 (check_line) limits unit cost / lump sum ids by bytes "
                        "((*id)->size() > max_id_length) while the reader (proposal_json.cpp:65-66, "
                        "nonempty_string(max_id_length)) counts characters: a 50-character id 'øøø…' (100 bytes) "
                        "passes the reader and is then refused with '"
                     << e.detail() << "' at " << e.path() << ". Fix: compare text::utf8_length(**id).";
    }
}

TEST(BudgetJsonStrict, FundIdOfFiftyNonAsciiCharacters) {
    try {
        const Proposal p = proposal_from_json(with("/partners/0/cofinancing/fund", fifty_characters_of_100_bytes()));
        EXPECT_EQ(*p.partners[0].cofinancing.fund, fifty_characters_of_100_bytes());
    } catch (const FormatError& e) {
        FAIL() << "regression: proposal.cpp:98 (Partner::check) limits the fund id by bytes (fund->size() > "
                        "max_id_length) while the reader (proposal_json.cpp:89) counts characters: a 50-character "
                        "fund id of 100 bytes passes the reader and is then refused at '"
                     << e.path() << "' (not at /partners/0/cofinancing/fund) with '" << e.detail()
                     << "'. Fix: compare text::utf8_length(*cofinancing.fund).";
    }
}
