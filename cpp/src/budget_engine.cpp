#include "interreg/budget_engine.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "interreg/errors.hpp"

namespace interreg {
namespace {

using oj = nlohmann::ordered_json;

Money sum_of(Money a) { return a; }
template <class... M>
Money sum_of(Money a, M... rest) {
    return a + sum_of(rest...);
}

Money at(const CategorySums& s, Category c) { return s[static_cast<std::size_t>(c)]; }

// A line's cost per period (in euro when `rate` converts it, else in its own currency), written
// to `out`: its own period amounts, or an even spread; the last period takes the residual.
void line_periods(const BudgetLine& line, Money total, std::optional<ExchangeRate> rate, int count, Money* out) {
    const auto n = static_cast<std::size_t>(count);
    Money so_far;
    if (!line.periods || line.periods->size() != n) {
        const Money even = Money::from_cents(total.cents() / count);
        std::fill(out, out + n - 1, even);
        so_far = Money::from_cents(even.cents() * (count - 1));
    } else {
        for (std::size_t k = 0; k + 1 < n; ++k) {
            const Money given = (*line.periods)[k];
            out[k] = rate ? to_euro(given, *rate) : given;
            so_far = so_far + out[k];
        }
    }
    out[n - 1] = total - so_far;
}

// Room for `n` more amounts in the summary's array, reserved beforehand: earlier views stay valid.
Money* more_amounts(BudgetSummary& s, std::size_t n) {
    const std::size_t at = s.line_amounts.size();
    if (at + n > s.line_amounts.capacity()) throw std::logic_error("budget summary: line amounts not reserved");
    s.line_amounts.resize(at + n);
    return s.line_amounts.data() + at;
}

// Split a total the way the periods' own computations say, with the residual last.
template <class T, class F>
std::vector<T> by_period_with_residual(const T& total, int count, F compute) {
    std::vector<T> out;
    T so_far{};
    for (int k = 0; k + 1 < count; ++k) {
        out.push_back(compute(k));
        so_far += out.back();
    }
    T last = total;
    last -= so_far;
    out.push_back(last);
    return out;
}

oj breakdown_json(const CostBreakdown& b) {
    oj out = oj::object();
    for (const auto& [name, field] : cost_fields()) out[name] = (b.*field).cents();
    return out;
}

template <class Amounts>
oj cents_list(const Amounts& v) {
    oj out = oj::array();
    for (Money m : v) out.push_back(m.cents());
    return out;
}

}  // namespace

const std::array<CostField, 9>& cost_fields() {
    static const std::array<CostField, 9> fields = {{
        {"staff", &CostBreakdown::staff},
        {"office_admin", &CostBreakdown::office_admin},
        {"travel", &CostBreakdown::travel},
        {"external", &CostBreakdown::external},
        {"equipment", &CostBreakdown::equipment},
        {"infrastructure", &CostBreakdown::infrastructure},
        {"other_costs", &CostBreakdown::other_costs},
        {"lump_sums", &CostBreakdown::lump_sums},
        {"total", &CostBreakdown::total},
    }};
    return fields;
}

CostBreakdown& CostBreakdown::operator+=(const CostBreakdown& o) {
    for (const auto& [name, field] : cost_fields()) this->*field = this->*field + o.*field;
    return *this;
}

CostBreakdown& CostBreakdown::operator-=(const CostBreakdown& o) {
    for (const auto& [name, field] : cost_fields()) this->*field = this->*field - o.*field;
    return *this;
}

CostBreakdown apply_flat_rates(const CategorySums& real, const FlatRates& f) {
    CostBreakdown b;
    b.external = at(real, Category::external);
    b.equipment = at(real, Category::equipment);
    b.infrastructure = at(real, Category::infrastructure);
    b.lump_sums = at(real, Category::lump_sum);
    const Money travel_real = f.travel ? Money() : at(real, Category::travel);
    b.staff = f.staff ? apply_rate(sum_of(travel_real, b.external, b.equipment, b.infrastructure), *f.staff)
                      : at(real, Category::staff);
    b.travel = f.travel ? apply_rate(b.staff, *f.travel) : at(real, Category::travel);
    if (f.office_on_staff) {
        b.office_admin = apply_rate(b.staff, *f.office_on_staff);
    } else if (f.office_on_direct) {
        b.office_admin = apply_rate(sum_of(b.staff, b.travel, b.external, b.equipment, b.infrastructure), *f.office_on_direct);
    } else {
        b.office_admin = at(real, Category::office_admin);
    }
    b.other_costs = f.other_costs ? apply_rate(b.staff, *f.other_costs) : Money();
    b.total = sum_of(b.staff, b.office_admin, b.travel, b.external, b.equipment, b.infrastructure, b.other_costs, b.lump_sums);
    return b;
}

std::vector<ReportingPeriod> reporting_periods(const Programme& programme, const Proposal& proposal) {
    const int length = programme.budget().period_months;
    const int months = proposal.duration_months.value_or(length);
    std::vector<ReportingPeriod> out;
    for (int first = 1, number = 1; first <= months; first += length, ++number) {
        ReportingPeriod p;
        p.number = number;
        p.first_month = first;
        p.last_month = std::min(first + length - 1, months);
        if (proposal.start) {
            p.start = proposal.start->add_months(first - 1);
            p.end = proposal.start->add_months(p.last_month).day_before();
        }
        out.push_back(p);
    }
    return out;
}

std::optional<ExchangeRateEntry> exchange_rate(const Programme& programme, const Proposal& proposal,
                                               const std::string& currency) {
    if (auto it = proposal.exchange_rates.find(currency); it != proposal.exchange_rates.end()) return it->second;
    for (const auto& fixed : programme.budget().exchange_rates) {
        if (fixed.currency == currency) return fixed.rate;
    }
    return std::nullopt;
}

Money effective_unit_price(const Programme& programme, const BudgetLine& line) {
    if (line.unit_cost) {
        if (const UnitCost* u = programme.unit_cost(*line.unit_cost)) return u->price;
    }
    if (line.lump_sum) {
        if (const LumpSum* l = programme.lump_sum(*line.lump_sum)) return l->amount;
    }
    return line.unit_price;
}

bool priced_by_programme(const Programme& programme, const BudgetLine& line) {
    return (line.unit_cost && programme.unit_cost(*line.unit_cost)) || (line.lump_sum && programme.lump_sum(*line.lump_sum));
}

namespace {

// A partner's real costs in euro by line category: for the whole project and per period.
struct PartnerCosts {
    CategorySums total{};
    std::vector<CategorySums> per_period;
};

// One line in euro, added to `s.lines`: its price (the programme's for unit costs and lump
// sums), its total in its currency and in euro, and its periods. Records the exchange rate used.
const LineSummary& summarise_line(const Programme& programme, const Proposal& proposal, const Partner& partner,
                                  std::string_view partner_id, std::size_t index, int count, BudgetSummary& s) {
    const BudgetLine& line = partner.budget.lines[index];
    LineSummary& ls = s.lines.emplace_back();
    auto keep = [&](const std::optional<std::string>& text) {
        return text ? std::optional<std::string_view>(s.texts.keep(*text)) : std::nullopt;
    };
    ls.partner = partner_id;
    ls.index = index;
    ls.category = line.category;
    ls.description = s.texts.keep(line.description);
    ls.units = line.units;
    ls.unit_type = s.texts.keep(line.unit_type);
    ls.unit_cost = keep(line.unit_cost);
    ls.lump_sum = keep(line.lump_sum);
    static const std::string euro = "EUR";
    const bool priced = priced_by_programme(programme, line);
    ls.currency = priced || line.currency == euro ? std::string_view(euro) : s.texts.keep(line.currency);
    ls.unit_price = effective_unit_price(programme, line);
    ls.total_local = line_total(line.units, ls.unit_price);
    std::optional<ExchangeRate> rate;
    if (!priced && line.currency != euro) {
        auto used = s.exchange_rates_used.find(line.currency);  // each currency is looked up once
        if (used == s.exchange_rates_used.end()) {
            auto entry = exchange_rate(programme, proposal, line.currency);
            if (!entry) {
                throw ArgumentError("partner " + partner.id + ", budget line " + std::to_string(index) + " is in " +
                                    line.currency + " but there is no exchange rate for " + line.currency +
                                    "; add one to the proposal's exchange_rates");
            }
            used = s.exchange_rates_used.emplace(line.currency, *entry).first;
        }
        rate = used->second.rate;
    }
    ls.total = rate ? to_euro(ls.total_local, *rate) : ls.total_local;
    const auto n = static_cast<std::size_t>(count);
    Money* euro_periods = more_amounts(s, n);
    line_periods(line, ls.total, rate, count, euro_periods);
    ls.periods = PeriodAmounts(euro_periods, n);
    ls.periods_local = ls.periods;  // in euro: the same amounts
    if (rate) {
        Money* local_periods = more_amounts(s, n);
        line_periods(line, ls.total_local, std::nullopt, count, local_periods);
        ls.periods_local = PeriodAmounts(local_periods, n);
    }
    ls.periods_given = line.periods && static_cast<int>(line.periods->size()) == count;
    return ls;
}

// The partner's lines summarised into `s.lines`, and their sums by category.
PartnerCosts summarise_lines(const Programme& programme, const Proposal& proposal, const Partner& partner, int count,
                             BudgetSummary& s) {
    PartnerCosts costs;
    costs.per_period.resize(static_cast<std::size_t>(count));
    const std::string_view id = partner.budget.lines.empty() ? std::string_view() : s.texts.keep(partner.id);
    for (std::size_t li = 0; li < partner.budget.lines.size(); ++li) {
        const LineSummary& ls = summarise_line(programme, proposal, partner, id, li, count, s);
        const auto c = static_cast<std::size_t>(ls.category);
        costs.total[c] = costs.total[c] + ls.total;
        for (int k = 0; k < count; ++k) costs.per_period[k][c] = costs.per_period[k][c] + ls.periods[k];
    }
    return costs;
}

// Fund per period on the running total (fund_k = rate × C_k − rate × C_{k-1}, each rounded
// down): the periods sum to the fund amount and no period's fund exceeds its costs.
void split_fund_by_period(PartnerSummary& ps) {
    Money running, funded;
    for (const CostBreakdown& period : ps.periods) {
        running = running + period.total;
        const Money fund_k = apply_rate(running, ps.rate) - funded;
        funded = funded + fund_k;
        ps.fund_by_period.push_back(fund_k);
        ps.contribution_by_period.push_back(period.total - fund_k);
    }
}

// The contribution sources the partner names: own, public and private money, and their sum.
void add_sources(PartnerSummary& ps, const Cofinancing& cofinancing) {
    for (const auto& src : cofinancing.sources) {
        ps.sources_total = ps.sources_total + src.amount;
        if (src.own) ps.own_contribution = ps.own_contribution + src.amount;
        if (src.status == Funding::public_funding) ps.public_contribution = ps.public_contribution + src.amount;
        else ps.private_contribution = ps.private_contribution + src.amount;
    }
}

// The partner's fund and rate, its costs after flat rates (in total and per period), the
// fund amount and the contribution.
PartnerSummary summarise_partner(const Programme& programme, const Partner& partner, const PartnerCosts& costs) {
    PartnerSummary ps;
    ps.id = partner.id;
    ps.name = partner.name;
    ps.country = partner.country;
    ps.role = partner.role;
    const Fund* fund = partner.cofinancing.fund ? programme.fund(*partner.cofinancing.fund)
                                                : programme.fund_for_country(partner.country);
    if (fund) {
        ps.fund = fund->id;
        ps.rate = partner.cofinancing.rate.value_or(fund->max_rate);
    }
    const FlatRates& flat = partner.budget.flat_rates;
    ps.costs = apply_flat_rates(costs.total, flat);
    ps.periods = by_period_with_residual(ps.costs, static_cast<int>(costs.per_period.size()),
                                         [&](int k) { return apply_flat_rates(costs.per_period[k], flat); });
    ps.fund_amount = apply_rate(ps.costs.total, ps.rate);
    ps.contribution = ps.costs.total - ps.fund_amount;
    split_fund_by_period(ps);
    add_sources(ps, partner.cofinancing);
    return ps;
}

// Add a partner's amounts to the project's totals, per period, per fund and per country.
void add_to_project(BudgetSummary& s, PartnerSummary ps) {
    for (std::size_t k = 0; k < ps.periods.size(); ++k) {
        s.period_totals[k] = s.period_totals[k] + ps.periods[k].total;
        s.period_costs[k] += ps.periods[k];
        s.fund_by_period[k] = s.fund_by_period[k] + ps.fund_by_period[k];
        s.contribution_by_period[k] = s.contribution_by_period[k] + ps.contribution_by_period[k];
    }
    s.costs += ps.costs;
    s.fund_amount = s.fund_amount + ps.fund_amount;
    s.contribution = s.contribution + ps.contribution;
    s.own_contribution = s.own_contribution + ps.own_contribution;
    s.public_contribution = s.public_contribution + ps.public_contribution;
    s.private_contribution = s.private_contribution + ps.private_contribution;
    s.sources_total = s.sources_total + ps.sources_total;
    if (!ps.fund.empty()) s.fund_totals[ps.fund] = s.fund_totals[ps.fund] + ps.fund_amount;
    s.country_totals[ps.country] = s.country_totals[ps.country] + ps.costs.total;
    s.partners.push_back(std::move(ps));
}

}  // namespace

BudgetSummary summarise_budget(const Programme& programme, const Proposal& proposal) {
    BudgetSummary s;
    s.periods = reporting_periods(programme, proposal);
    const int count = static_cast<int>(s.periods.size());
    s.period_totals.assign(s.periods.size(), Money());
    s.period_costs.assign(s.periods.size(), CostBreakdown());
    s.fund_by_period.assign(s.periods.size(), Money());
    s.contribution_by_period.assign(s.periods.size(), Money());
    std::size_t lines = 0;
    for (const Partner& partner : proposal.partners) lines += partner.budget.lines.size();
    s.lines.reserve(lines);
    s.line_amounts.reserve(2 * lines * s.periods.size());  // euro, and own currency at most
    for (const Partner& partner : proposal.partners) {
        const PartnerCosts costs = summarise_lines(programme, proposal, partner, count, s);
        add_to_project(s, summarise_partner(programme, partner, costs));
    }
    for (const auto& f : programme.funds()) s.fund_totals.emplace(f.id, Money());  // every fund, even at zero
    return s;
}

oj budget_lines_to_json(const BudgetSummary& s) {
    oj lines = oj::array();
    for (const auto& l : s.lines) {
        lines.push_back(oj{{"partner", l.partner},
                           {"index", l.index},
                           {"category", std::string(to_string(l.category))},
                           {"description", l.description},
                           {"currency", l.currency},
                           {"unit_price", l.unit_price.cents()},
                           {"total_local", l.total_local.cents()},
                           {"total", l.total.cents()},
                           {"periods", cents_list(l.periods)}});
    }
    return lines;
}

oj reporting_periods_to_json(const std::vector<ReportingPeriod>& periods) {
    oj out = oj::array();
    for (const auto& p : periods) {
        out.push_back(oj{{"number", p.number},
                         {"first_month", p.first_month},
                         {"last_month", p.last_month},
                         {"start", p.start ? oj(p.start->to_string()) : oj(nullptr)},
                         {"end", p.end ? oj(p.end->to_string()) : oj(nullptr)}});
    }
    return out;
}

oj budget_summary_to_json(const BudgetSummary& s, bool with_lines) {
    const oj periods = reporting_periods_to_json(s.periods);
    oj partners = oj::array();
    for (const auto& p : s.partners) {
        oj by_period = oj::array();
        for (const auto& b : p.periods) by_period.push_back(breakdown_json(b));
        partners.push_back(oj{{"id", p.id},
                              {"name", p.name},
                              {"country", p.country},
                              {"role", std::string(to_string(p.role))},
                              {"fund", p.fund.empty() ? oj(nullptr) : oj(p.fund)},
                              {"rate", p.rate.to_string()},
                              {"costs", breakdown_json(p.costs)},
                              {"fund_amount", p.fund_amount.cents()},
                              {"contribution", p.contribution.cents()},
                              {"own_contribution", p.own_contribution.cents()},
                              {"public_contribution", p.public_contribution.cents()},
                              {"private_contribution", p.private_contribution.cents()},
                              {"sources_total", p.sources_total.cents()},
                              {"periods", by_period},
                              {"fund_by_period", cents_list(p.fund_by_period)},
                              {"contribution_by_period", cents_list(p.contribution_by_period)}});
    }
    oj funds = oj::object();
    for (const auto& [id, m] : s.fund_totals) funds[id] = m.cents();
    oj countries = oj::object();
    for (const auto& [code, m] : s.country_totals) countries[code] = m.cents();
    oj rates = oj::object();
    for (const auto& [code, e] : s.exchange_rates_used) {
        rates[code] = oj{{"rate", e.rate.to_string()}, {"date", e.date ? oj(e.date->to_string()) : oj(nullptr)},
                         {"source", e.source}};
    }
    oj out{{"periods", periods}, {"partners", partners}};
    if (with_lines) out["lines"] = budget_lines_to_json(s);
    out["costs"] = breakdown_json(s.costs);
    out["fund_amount"] = s.fund_amount.cents();
    out["contribution"] = s.contribution.cents();
    out["own_contribution"] = s.own_contribution.cents();
    out["public_contribution"] = s.public_contribution.cents();
    out["private_contribution"] = s.private_contribution.cents();
    out["sources_total"] = s.sources_total.cents();
    oj period_costs = oj::array();
    for (const auto& b : s.period_costs) period_costs.push_back(breakdown_json(b));
    out["period_costs"] = period_costs;
    out["fund_by_period"] = cents_list(s.fund_by_period);
    out["contribution_by_period"] = cents_list(s.contribution_by_period);
    out["fund_totals"] = funds;
    out["country_totals"] = countries;
    out["period_totals"] = cents_list(s.period_totals);
    out["exchange_rates"] = rates;
    return out;
}

}  // namespace interreg
