#pragma once
// The budget engine: from budget lines to totals per partner, category, period, fund and
// country, exact to the cent (rounding rules: docs/budget.md). Every total is the sum of
// its parts; periods sum to totals because the last period takes the residual.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interreg/budget.hpp"
#include "interreg/interner.hpp"
#include "interreg/money.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

// Costs by the categories a summary shows; `total` is the sum of the others.
struct CostBreakdown {
    Money staff, office_admin, travel, external, equipment, infrastructure, other_costs, lump_sums, total;

    CostBreakdown& operator+=(const CostBreakdown& o);
    CostBreakdown& operator-=(const CostBreakdown& o);
};

// A breakdown's fields with their ids ("staff", ..., "total"), in display order.
using CostField = std::pair<const char*, Money CostBreakdown::*>;
const std::array<CostField, 9>& cost_fields();

// The real (line) costs of one partner or one period, by line category, in euro.
using CategorySums = std::array<Money, category_count>;

// Apply a partner's flat rates to its real costs (IR 39-41, CPR 54-56), in this order:
// staff (flat: of travel unless flat, external, equipment, infrastructure), travel (flat: of
// staff), office and administration (of staff, or of staff + travel + external + equipment +
// infrastructure), other costs (of staff); each rounded down to the cent.
CostBreakdown apply_flat_rates(const CategorySums& real, const FlatRates& rates);

struct ReportingPeriod {
    int number = 1;         // 1-based
    int first_month = 1;    // project months, 1-based, inclusive
    int last_month = 1;
    std::optional<Date> start;  // when the project's start is known
    std::optional<Date> end;    // last day
};

// Periods of `period_months` covering the duration; the last may be shorter. Without a
// duration there is one period.
std::vector<ReportingPeriod> reporting_periods(const Programme& programme, const Proposal& proposal);

// A line's amounts per period: a view of its summary's array (BudgetSummary::line_amounts), so
// that thousands of lines need no allocation each and their amounts lie side by side.
class PeriodAmounts {
public:
    PeriodAmounts() = default;
    PeriodAmounts(const Money* first, std::size_t size) : first_(first), size_(size) {}
    const Money* begin() const { return first_; }
    const Money* end() const { return first_ + size_; }
    std::size_t size() const { return size_; }
    Money operator[](std::size_t k) const { return first_[k]; }

private:
    const Money* first_ = nullptr;
    std::size_t size_ = 0;
};

// Its texts and amounts per period are views of its summary's own copies (BudgetSummary::texts,
// line_amounts): a summary outlives edits of the proposal, and thousands of lines need not each
// hold six strings and two arrays.
struct LineSummary {
    LineSummary() {}  // user-provided: a summary's emplace_back() need not zero the record first
    std::string_view partner;  // partner id
    std::size_t index = 0;  // position in the partner's lines
    Category category = Category::staff;
    std::string_view description;
    Units units;
    std::string_view unit_type;
    std::optional<std::string_view> unit_cost, lump_sum;  // the programme option pricing the line
    std::string_view currency;
    Money unit_price;       // in `currency`
    Money total_local;      // units × unit price, in `currency`
    Money total;            // in euro
    PeriodAmounts periods;        // in euro; sums to `total`
    PeriodAmounts periods_local;  // in `currency`; sums to `total_local` (the same view for euro)
    bool periods_given = false;        // the line's own amounts per period (else spread evenly)
};

struct PartnerSummary {
    std::string id, name, country;
    Role role = Role::partner;
    std::string fund;  // "" when no fund finances the partner
    Rate rate;
    CostBreakdown costs;
    Money fund_amount, contribution;
    Money own_contribution, public_contribution, private_contribution;  // from the sources given
    Money sources_total;
    std::vector<CostBreakdown> periods;
    std::vector<Money> fund_by_period, contribution_by_period;  // fund per period rounded on the running total
};

struct BudgetSummary {
    std::vector<ReportingPeriod> periods;
    std::vector<PartnerSummary> partners;
    std::vector<LineSummary> lines;
    TextStore texts;                  // the lines' texts
    std::vector<Money> line_amounts;  // the lines' amounts per period (never reallocated once made)
    // Move a summary (its lines' views stay valid); it cannot be copied.
    CostBreakdown costs;  // the project
    Money fund_amount, contribution;
    Money own_contribution, public_contribution, private_contribution, sources_total;
    std::vector<CostBreakdown> period_costs;  // the project per period
    std::vector<Money> fund_by_period, contribution_by_period;
    std::map<std::string, Money> fund_totals;     // fund id → amount
    std::map<std::string, Money> country_totals;  // country → partner totals
    std::vector<Money> period_totals;
    std::map<std::string, ExchangeRateEntry, std::less<>> exchange_rates_used;  // currency → the rate applied
};

// The exchange rate for `currency`: the proposal's own, else the programme's fixed one.
std::optional<ExchangeRateEntry> exchange_rate(const Programme& programme, const Proposal& proposal,
                                               const std::string& currency);
// The unit price a line is charged at: the programme's for unit costs and lump sums it names.
Money effective_unit_price(const Programme& programme, const BudgetLine& line);
// Whether the programme prices the line (a unit cost or lump sum it defines): then in euro.
bool priced_by_programme(const Programme& programme, const BudgetLine& line);

// Throws ArgumentError naming the line when a currency has no exchange rate, or on overflow.
BudgetSummary summarise_budget(const Programme& programme, const Proposal& proposal);

// The summary as JSON (amounts in cents, as integers) for the Python views; the lines, the
// bulk of a large budget, only when asked for.
nlohmann::ordered_json budget_summary_to_json(const BudgetSummary& summary, bool with_lines = true);
nlohmann::ordered_json budget_lines_to_json(const BudgetSummary& summary);
// Each period's number, first and last month, and start and end dates (null when unknown).
nlohmann::ordered_json reporting_periods_to_json(const std::vector<ReportingPeriod>& periods);

}  // namespace interreg
