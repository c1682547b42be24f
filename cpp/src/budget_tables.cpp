// The budget summary as tables of columns (budget_tables.hpp). Every amount is copied from the
// summary; the only sums made here are the per-country fund amounts, whose totals are the
// summary's fund totals.
#include "interreg/budget_tables.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

using Text = std::optional<std::string>;

Text or_null(std::string_view s) { return s.empty() ? Text() : Text(s); }
Text text_of(const std::optional<std::string_view>& s) { return s ? Text(*s) : Text(); }

template <class T>
Text or_null(const std::optional<T>& v) {
    return v ? Text(v->to_string()) : Text();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::vector<std::size_t> indices(std::size_t n) {
    std::vector<std::size_t> out(n);
    std::iota(out.begin(), out.end(), std::size_t{0});
    return out;
}

// A column of `kind` with one value per row: value(row) gives a Text for the text kinds.
template <class Rows, class F>
TableColumn text_column(std::string id, const Rows& rows, F value, ColumnKind kind = ColumnKind::text) {
    TableColumn c{std::move(id), kind, {}, {}, std::nullopt, ""};
    c.texts.reserve(rows.size());
    for (const auto& row : rows) c.texts.emplace_back(value(row));
    return c;
}

template <class Rows, class F>
TableColumn integer_column(std::string id, const Rows& rows, F value) {
    TableColumn c{std::move(id), ColumnKind::integer, {}, {}, std::nullopt, ""};
    c.numbers.reserve(rows.size());
    for (const auto& row : rows) c.numbers.push_back(static_cast<std::int64_t>(value(row)));
    return c;
}

// A money column; `total` is the core's total for the total row.
template <class Rows, class F>
TableColumn money_column(std::string id, const Rows& rows, F value, std::optional<Money> total = std::nullopt,
                         std::string currency_column = "") {
    TableColumn c{std::move(id), ColumnKind::money, {}, {}, std::nullopt, std::move(currency_column)};
    c.numbers.reserve(rows.size());
    for (const auto& row : rows) c.numbers.push_back(value(row).cents());
    if (total) c.total = total->cents();
    return c;
}

// The nine cost columns of a breakdown per row, with the project's breakdown as totals.
template <class Rows, class F>
void add_cost_columns(BudgetTable& t, const Rows& rows, F breakdown, const CostBreakdown& totals) {
    for (const auto& cost : cost_fields()) {
        const auto field = cost.second;
        t.columns.push_back(money_column(cost.first, rows, [&](const auto& row) { return breakdown(row).*field; },
                                         totals.*field));
    }
}

void add_partner_columns(BudgetTable& t, const std::vector<PartnerSummary>& partners) {
    t.columns.push_back(text_column("id", partners, [](const PartnerSummary& p) { return p.id; }));
    t.columns.push_back(text_column("name", partners, [](const PartnerSummary& p) { return p.name; }));
    t.columns.push_back(text_column("country", partners, [](const PartnerSummary& p) { return p.country; }));
}

BudgetTable partners_table(const BudgetSummary& s) {
    BudgetTable t{"partners", {}, true};
    add_partner_columns(t, s.partners);
    add_cost_columns(t, s.partners, [](const PartnerSummary& p) -> const CostBreakdown& { return p.costs; }, s.costs);
    return t;
}

BudgetTable cofinancing_table(const BudgetSummary& s) {
    const auto& ps = s.partners;
    BudgetTable t{"cofinancing", {}, true};
    add_partner_columns(t, ps);
    t.columns.push_back(text_column("fund", ps, [](const PartnerSummary& p) { return or_null(p.fund); }));
    t.columns.push_back(
        text_column("rate", ps, [](const PartnerSummary& p) { return p.rate.to_string(); }, ColumnKind::percent));
    t.columns.push_back(money_column("total", ps, [](const PartnerSummary& p) { return p.costs.total; }, s.costs.total));
    const std::pair<const char*, Money PartnerSummary::*> amounts[] = {
        {"fund_amount", &PartnerSummary::fund_amount},
        {"contribution", &PartnerSummary::contribution},
        {"own_contribution", &PartnerSummary::own_contribution},
        {"public_contribution", &PartnerSummary::public_contribution},
        {"private_contribution", &PartnerSummary::private_contribution},
        {"sources_total", &PartnerSummary::sources_total},
    };
    const Money totals[] = {s.fund_amount, s.contribution, s.own_contribution, s.public_contribution,
                            s.private_contribution, s.sources_total};
    for (std::size_t k = 0; k < std::size(amounts); ++k) {
        const auto field = amounts[k].second;
        t.columns.push_back(money_column(amounts[k].first, ps, [&](const PartnerSummary& p) { return p.*field; }, totals[k]));
    }
    return t;
}

// A table of (key, amount) pairs from a map, in key order.
BudgetTable map_table(std::string id, const char* key, const char* amount, const std::map<std::string, Money>& m,
                      Money total) {
    const std::vector<std::pair<std::string, Money>> rows(m.begin(), m.end());
    BudgetTable t{std::move(id), {}, true};
    t.columns.push_back(text_column(key, rows, [](const auto& r) { return r.first; }));
    t.columns.push_back(money_column(amount, rows, [](const auto& r) { return r.second; }, total));
    return t;
}

BudgetTable periods_table(const BudgetSummary& s) {
    const auto& periods = s.periods;
    const auto rows = indices(periods.size());
    BudgetTable t{"periods", {}, true};
    t.columns.push_back(integer_column("period", periods, [](const ReportingPeriod& p) { return p.number; }));
    t.columns.push_back(text_column("start", periods, [](const ReportingPeriod& p) { return or_null(p.start); }, ColumnKind::date));
    t.columns.push_back(text_column("end", periods, [](const ReportingPeriod& p) { return or_null(p.end); }, ColumnKind::date));
    t.columns.push_back(text_column("months", periods, [](const ReportingPeriod& p) {
        return std::to_string(p.first_month) + "-" + std::to_string(p.last_month);
    }));
    add_cost_columns(t, rows, [&](std::size_t k) -> const CostBreakdown& { return s.period_costs[k]; }, s.costs);
    t.columns.push_back(money_column("fund_amount", rows, [&](std::size_t k) { return s.fund_by_period[k]; }, s.fund_amount));
    t.columns.push_back(money_column("contribution", rows, [&](std::size_t k) { return s.contribution_by_period[k]; },
                                     s.contribution));
    return t;
}

// One row per line: what the line says (units, unit type, price, currency) and its amounts;
// every money column but `total` is in the line's own currency, like the line itself.
BudgetTable lines_table(const BudgetSummary& s) {
    const auto& lines = s.lines;
    BudgetTable t{"lines", {}, false};
    t.columns.push_back(text_column("partner", lines, [](const LineSummary& l) { return std::string(l.partner); }));
    t.columns.push_back(integer_column("index", lines, [](const LineSummary& l) { return l.index; }));
    t.columns.push_back(text_column("category", lines, [](const LineSummary& l) { return std::string(to_string(l.category)); }));
    t.columns.push_back(text_column("description", lines, [](const LineSummary& l) { return std::string(l.description); }));
    t.columns.push_back(text_column("units", lines, [](const LineSummary& l) { return l.units.to_string(); }, ColumnKind::decimal));
    t.columns.push_back(text_column("unit_type", lines, [](const LineSummary& l) { return or_null(l.unit_type); }));
    t.columns.push_back(text_column("unit_cost", lines, [](const LineSummary& l) { return text_of(l.unit_cost); }));
    t.columns.push_back(text_column("lump_sum", lines, [](const LineSummary& l) { return text_of(l.lump_sum); }));
    t.columns.push_back(text_column("currency", lines, [](const LineSummary& l) { return std::string(l.currency); }));
    t.columns.push_back(money_column("unit_price", lines, [](const LineSummary& l) { return l.unit_price; }, std::nullopt,
                                     "currency"));
    t.columns.push_back(money_column("total_local", lines, [](const LineSummary& l) { return l.total_local; }, std::nullopt,
                                     "currency"));
    t.columns.push_back(text_column("exchange_rate", lines, [&](const LineSummary& l) {
        auto it = s.exchange_rates_used.find(l.currency);
        return it == s.exchange_rates_used.end() ? Text() : Text(it->second.rate.to_string());
    }, ColumnKind::decimal));
    t.columns.push_back(money_column("total", lines, [](const LineSummary& l) { return l.total; }));
    t.columns.push_back(text_column("split", lines, [](const LineSummary& l) {
        return std::string(l.periods_given ? "given" : "even");
    }));
    for (std::size_t k = 0; k < s.periods.size(); ++k) {
        t.columns.push_back(money_column("period_" + std::to_string(k + 1), lines,
                                         [k](const LineSummary& l) { return l.periods_local[k]; }, std::nullopt,
                                         "currency"));
    }
    return t;
}

// Partner × reporting period (euro), with each partner's total; the total row holds the
// project's periods and total.
BudgetTable partner_periods_table(const BudgetSummary& s) {
    BudgetTable t{"partner_periods", {}, true};
    add_partner_columns(t, s.partners);
    for (std::size_t k = 0; k < s.periods.size(); ++k) {
        t.columns.push_back(money_column("period_" + std::to_string(k + 1), s.partners,
                                         [k](const PartnerSummary& p) { return p.periods[k].total; }, s.period_totals[k]));
    }
    t.columns.push_back(money_column("total", s.partners, [](const PartnerSummary& p) { return p.costs.total; },
                                     s.costs.total));
    return t;
}

// Each fund with the partners it finances and its amount, then the partners' contribution
// (the row without a fund); the total row is the project's total.
BudgetTable funding_table(const BudgetSummary& s) {
    struct Row {
        Text fund;
        std::vector<std::string> partners;
        Money amount;
    };
    std::vector<Row> rows;
    for (const auto& [fund, amount] : s.fund_totals) {
        Row row{fund, {}, amount};
        for (const auto& p : s.partners) {
            if (p.fund == fund) row.partners.push_back(p.id);
        }
        rows.push_back(std::move(row));
    }
    Row contribution{std::nullopt, {}, s.contribution};
    for (const auto& p : s.partners) contribution.partners.push_back(p.id);
    rows.push_back(std::move(contribution));

    BudgetTable t{"funding", {}, true};
    t.columns.push_back(text_column("fund", rows, [](const Row& r) { return r.fund; }));
    t.columns.push_back(text_column("partners", rows, [](const Row& r) { return joined(r.partners); }));
    t.columns.push_back(money_column("amount", rows, [](const Row& r) { return r.amount; }, s.costs.total));
    return t;
}

// Per country (in the order the partners first name it): the amount from each fund some
// partner draws on (columns "fund:<id>"), the contribution and the total.
BudgetTable country_funding_table(const BudgetSummary& s) {
    struct Row {
        std::string country;
        std::map<std::string, Money> funds;
        Money contribution, total;
    };
    std::vector<Row> rows;
    for (const auto& p : s.partners) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.country == p.country; });
        if (it == rows.end()) it = rows.insert(rows.end(), Row{p.country, {}, Money(), Money()});
        if (!p.fund.empty()) it->funds[p.fund] = it->funds[p.fund] + p.fund_amount;
        it->contribution = it->contribution + p.contribution;
        it->total = it->total + p.costs.total;
    }
    BudgetTable t{"country_funding", {}, true};
    t.columns.push_back(text_column("country", rows, [](const Row& r) { return r.country; }));
    for (const auto& fund_total : s.fund_totals) {
        const std::string& fund = fund_total.first;
        const bool drawn = std::any_of(s.partners.begin(), s.partners.end(), [&](const PartnerSummary& p) { return p.fund == fund; });
        if (!drawn) continue;
        t.columns.push_back(money_column("fund:" + fund, rows, [&](const Row& r) {
            auto it = r.funds.find(fund);
            return it == r.funds.end() ? Money() : it->second;
        }, fund_total.second));
    }
    t.columns.push_back(money_column("contribution", rows, [](const Row& r) { return r.contribution; }, s.contribution));
    t.columns.push_back(money_column("total", rows, [](const Row& r) { return r.total; }, s.costs.total));
    return t;
}

BudgetTable exchange_rates_table(const BudgetSummary& s) {
    const std::vector<std::pair<std::string, ExchangeRateEntry>> rows(s.exchange_rates_used.begin(),
                                                                      s.exchange_rates_used.end());
    BudgetTable t{"exchange_rates", {}, false};
    t.columns.push_back(text_column("currency", rows, [](const auto& r) { return r.first; }));
    t.columns.push_back(text_column("rate", rows, [](const auto& r) { return r.second.rate.to_string(); }, ColumnKind::decimal));
    t.columns.push_back(text_column("date", rows, [](const auto& r) { return or_null(r.second.date); }, ColumnKind::date));
    t.columns.push_back(text_column("source", rows, [](const auto& r) { return r.second.source; }));
    return t;
}

bool numeric(ColumnKind kind) { return kind == ColumnKind::integer || kind == ColumnKind::money; }

}  // namespace

std::string_view to_string(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::text: return "text";
        case ColumnKind::integer: return "integer";
        case ColumnKind::money: return "money";
        case ColumnKind::percent: return "percent";
        case ColumnKind::decimal: return "decimal";
        case ColumnKind::date: return "date";
    }
    return "text";
}

std::size_t BudgetTable::row_count() const {
    if (columns.empty()) return 0;
    const TableColumn& c = columns.front();
    return numeric(c.kind) ? c.numbers.size() : c.texts.size();
}

const TableColumn& BudgetTable::column(std::string_view wanted) const {
    for (const auto& c : columns) {
        if (c.id == wanted) return c;
    }
    std::vector<std::string> ids;
    for (const auto& c : columns) ids.push_back(c.id);
    throw ArgumentError("the " + id + " table has no column '" + std::string(wanted) + "'; its columns are " +
                        text::join_choices(ids, ", "));
}

const std::vector<std::string>& budget_table_names() {
    static const std::vector<std::string> names = {"partners", "cofinancing", "funds",           "countries",
                                                   "periods",  "lines",       "partner_periods", "funding",
                                                   "country_funding", "exchange_rates"};
    return names;
}

const std::vector<std::string>& cost_column_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const auto& field : cost_fields()) out.emplace_back(field.first);
        return out;
    }();
    return ids;
}

BudgetTable budget_table(const BudgetSummary& s, std::string_view name) {
    if (name == "partners") return partners_table(s);
    if (name == "cofinancing") return cofinancing_table(s);
    if (name == "funds") return map_table("funds", "fund", "amount", s.fund_totals, s.fund_amount);
    if (name == "countries") return map_table("countries", "country", "total", s.country_totals, s.costs.total);
    if (name == "periods") return periods_table(s);
    if (name == "lines") return lines_table(s);
    if (name == "partner_periods") return partner_periods_table(s);
    if (name == "funding") return funding_table(s);
    if (name == "country_funding") return country_funding_table(s);
    if (name == "exchange_rates") return exchange_rates_table(s);
    throw ArgumentError("unknown budget table '" + std::string(name) + "'; choose one of: " +
                        text::join_choices(budget_table_names(), ", "));
}

}  // namespace interreg
