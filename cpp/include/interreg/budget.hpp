#pragma once
// What a partner plans to spend and how it is financed: budget lines by cost category,
// simplified cost options (flat rates), and co-financing. The model stores what the user
// gives; the budget engine (budget_engine.hpp) computes, validation judges.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/date.hpp"
#include "interreg/money.hpp"

namespace interreg {

// Interreg Regulation Arts. 39-44, plus programme lump sums. The order is the display order.
enum class Category { staff, office_admin, travel, external, equipment, infrastructure, lump_sum };
inline constexpr std::size_t category_count = 7;

std::string_view to_string(Category c);
Category parse_category(std::string_view s);  // ArgumentError listing the categories
const std::vector<std::string>& category_names();

// The simplified cost options a partner chooses; each is a rate or unset.
struct FlatRates {
    std::optional<Rate> staff;             // staff = rate × other direct costs (CPR 55(1), 20 %)
    std::optional<Rate> office_on_staff;   // office and administration = rate × staff (CPR 54(b), 15 %)
    std::optional<Rate> office_on_direct;  // office and administration = rate × direct costs (CPR 54(a), 7 %)
    std::optional<Rate> travel;            // travel = rate × staff (IR 41(5), 15 %)
    std::optional<Rate> other_costs;       // all other costs = rate × staff (CPR 56, 40 %)

    bool any() const { return staff || office_on_staff || office_on_direct || travel || other_costs; }
};

// Option ids as documents and programmes name them, in a fixed order.
const std::vector<std::string>& flat_rate_names();  // staff, office_on_staff, office_on_direct, travel, other_costs
std::optional<Rate> flat_rate(const FlatRates& f, std::string_view name);  // ArgumentError for an unknown name
void set_flat_rate(FlatRates& f, std::string_view name, std::optional<Rate> rate);

// Why a set of options, or options with these lines, cannot be combined; empty when they can.
// (40 % excludes every other flat rate and every line but staff and lump sums; the two
// office options exclude each other; a flat-rated category takes no lines of its own.)
std::vector<std::string> flat_rate_conflicts(const FlatRates& rates, const std::array<bool, category_count>& has_lines);

// The categories whose real costs the chosen flat rates are computed on (as the budget engine
// applies them): staff → travel, external, equipment, infrastructure; office of staff, travel
// and other costs → staff; office of direct costs → staff, travel, external, equipment,
// infrastructure.
std::array<bool, category_count> flat_rate_bases(const FlatRates& rates);

struct BudgetLine {
    Category category = Category::staff;
    std::string description;
    std::string unit_type;       // "hours", "months", "trips"...
    Units units;
    Money unit_price;            // in `currency`; taken from the programme for unit costs and lump sums
    std::string currency = "EUR";
    std::optional<std::vector<Money>> periods;  // amounts per reporting period, in `currency`
    std::optional<std::string> unit_cost;       // id of a programme unit cost
    std::optional<std::string> lump_sum;        // id of a programme lump sum (category lump_sum)
};

struct PartnerBudget {
    FlatRates flat_rates;
    std::vector<BudgetLine> lines;

    bool empty() const { return lines.empty() && !flat_rates.any(); }
    std::array<bool, category_count> categories_with_lines() const;
};

enum class Funding { public_funding, private_funding };
std::string_view to_string(Funding f);
Funding parse_funding(std::string_view s);  // "public" | "private"

// Who pays part of a partner's contribution (the partner itself, or another body).
struct ContributionSource {
    std::string name;
    bool own = true;  // the partner's own money
    Funding status = Funding::public_funding;
    Money amount;
};

struct Cofinancing {
    std::optional<std::string> fund;  // default: the fund of the partner's country
    std::optional<Rate> rate;         // default: that fund's maximum rate
    std::vector<ContributionSource> sources;
};

// "1 EUR = rate × currency" as of `date`, with where the rate comes from.
struct ExchangeRateEntry {
    ExchangeRate rate;
    std::optional<Date> date;
    std::string source;
};

// Currencies amounts may be entered in; the budget is kept in euro.
const std::vector<std::string>& currency_codes();  // EUR, DKK, SEK, NOK

// Limits of the format (docs/limits.md).
inline constexpr std::size_t max_budget_lines = 2000;
inline constexpr std::size_t max_periods = 40;

}  // namespace interreg
