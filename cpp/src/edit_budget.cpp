// Edits of budgets, co-financing and exchange rates (edit.hpp).
#include <algorithm>

#include "edit_support.hpp"
#include "interreg/budget_engine.hpp"
#include "interreg/edit.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

// The conflicts a line of `category` brings with the partner's flat rates (not those the rates
// have among themselves, which set_flat_rates refuses and a document may already hold).
void check_fits_rates(const FlatRates& rates, Category category) {
    std::array<bool, category_count> only{};
    only[static_cast<std::size_t>(category)] = true;
    const auto with_line = flat_rate_conflicts(rates, only);
    const auto without = flat_rate_conflicts(rates, {});
    for (const auto& conflict : with_line) {
        if (std::find(without.begin(), without.end(), conflict) == without.end()) throw ArgumentError("category", conflict);
    }
}

BudgetLine& line_at(Partner& partner, std::size_t index) {
    if (index >= partner.budget.lines.size()) {
        throw NotFoundError("no budget line " + std::to_string(index) + " of " + partner.id + "; it has " +
                            std::to_string(partner.budget.lines.size()) + " (numbered from 0)");
    }
    return partner.budget.lines[index];
}

const std::vector<std::string>& foreign_currencies() {
    static const std::vector<std::string> codes(currency_codes().begin() + 1, currency_codes().end());
    return codes;
}

}  // namespace

void check_line(const BudgetLine& line) {
    check_text("description", line.description, field::line_text);
    check_text("unit_type", line.unit_type, field::line_text);
    if (line.unit_cost) check_text("unit_cost", *line.unit_cost, field::option_id);
    if (line.lump_sum) check_text("lump_sum", *line.lump_sum, field::option_id);
    const auto& codes = currency_codes();
    if (std::find(codes.begin(), codes.end(), line.currency) == codes.end()) {
        throw ArgumentError("currency", "unknown currency '" + text::escape_invalid_utf8(line.currency) + "'; use one of " +
                                            text::join_choices(codes, ", "));
    }
    auto absurd = [](Money m) { return m.cents() > max_line_cents || m.cents() < -max_line_cents; };
    auto absurd_total = [&] {
        try {
            return absurd(line_total(line.units, line.unit_price));
        } catch (const ArgumentError&) {
            return true;  // overflow
        }
    };
    if (absurd(line.unit_price) || line.units.hundredths() > max_line_cents || line.units.hundredths() < -max_line_cents ||
        absurd_total()) {
        throw ArgumentError("", "the line's amount is beyond " + Money::from_cents(max_line_cents).to_string() +
                                    "; check units and unit price");
    }
    if (line.periods) {
        if (line.periods->size() > max_periods) {
            throw ArgumentError("periods", "at most " + std::to_string(max_periods) + " period amounts, not " +
                                               std::to_string(line.periods->size()));
        }
        for (std::size_t i = 0; i < line.periods->size(); ++i) {
            if (absurd((*line.periods)[i])) {
                throw ArgumentError("periods/" + std::to_string(i),
                                    "a period amount is beyond " + Money::from_cents(max_line_cents).to_string());
            }
        }
    }
}

void add_line(Proposal& p, std::string_view partner_id, BudgetLine line) {
    Partner& partner = p.partner(partner_id);
    if (partner.budget.lines.size() >= max_budget_lines) {
        throw ArgumentError("budget/lines", "a partner holds at most " + std::to_string(max_budget_lines) + " budget lines");
    }
    check_line(line);
    check_fits_rates(partner.budget.flat_rates, line.category);
    partner.budget.lines.push_back(std::move(line));
}

void replace_line(Proposal& p, std::string_view partner_id, std::size_t index, BudgetLine line) {
    Partner& partner = p.partner(partner_id);
    BudgetLine& old = line_at(partner, index);
    check_line(line);
    check_fits_rates(partner.budget.flat_rates, line.category);
    old = std::move(line);
}

std::vector<ArgumentError> line_problems(const Proposal& p, std::string_view partner_id, const std::vector<BudgetLine>& lines) {
    const Partner& partner = p.partner(partner_id);
    std::vector<ArgumentError> out;
    if (lines.size() > max_budget_lines) {
        out.emplace_back("lines", "a partner holds at most " + std::to_string(max_budget_lines) + " budget lines, not " +
                                      std::to_string(lines.size()));
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        try {
            check_line(lines[i]);
            check_fits_rates(partner.budget.flat_rates, lines[i].category);
        } catch (const ArgumentError& e) {
            const std::string field = "lines/" + std::to_string(i);
            out.emplace_back(e.field().empty() ? field : field + "/" + e.field(), e.detail());
        }
    }
    return out;
}

void replace_lines(Proposal& p, std::vector<std::pair<std::string, std::vector<BudgetLine>>> budgets) {
    for (const auto& [partner, lines] : budgets) {
        const auto problems = line_problems(p, partner, lines);
        if (!problems.empty()) throw problems.front();
    }
    for (auto& [partner, lines] : budgets) p.partner(partner).budget.lines = std::move(lines);  // cannot throw
}

void set_line_periods(Proposal& p, std::string_view partner_id, std::size_t index, std::optional<std::vector<Money>> periods) {
    BudgetLine& line = line_at(p.partner(partner_id), index);
    BudgetLine changed;  // checked on its own: a line's other fields are already valid
    changed.periods = std::move(periods);
    check_line(changed);
    line.periods = std::move(changed.periods);
}

std::vector<Money> spread_line_evenly(Proposal& p, const Programme& programme, std::string_view partner_id,
                                      std::size_t index) {
    BudgetLine& line = line_at(p.partner(partner_id), index);
    const auto periods = static_cast<int>(reporting_periods(programme, p).size());
    auto amounts = spread_evenly(line_total(line.units, effective_unit_price(programme, line)), periods);
    line.periods = amounts;
    return amounts;
}

void remove_line(Proposal& p, std::string_view partner_id, std::size_t index) {
    Partner& partner = p.partner(partner_id);
    line_at(partner, index);
    partner.budget.lines.erase(partner.budget.lines.begin() + static_cast<std::ptrdiff_t>(index));
}

void set_flat_rates(Proposal& p, std::string_view partner_id, FlatRates rates) {
    Partner& partner = p.partner(partner_id);
    const auto conflicts = flat_rate_conflicts(rates, partner.budget.categories_with_lines());
    if (!conflicts.empty()) throw ArgumentError("flat_rates", conflicts.front());
    partner.budget.flat_rates = rates;
}

void set_fund(Proposal& p, std::string_view partner_id, std::optional<std::string> fund) {
    Partner& partner = p.partner(partner_id);
    if (fund) check_text("fund", *fund, field::option_id);
    partner.cofinancing.fund = std::move(fund);
}

void set_cofinancing_rate(Proposal& p, std::string_view partner_id, std::optional<Rate> rate) {
    p.partner(partner_id).cofinancing.rate = rate;
}

void add_source(Proposal& p, std::string_view partner_id, ContributionSource source) {
    Partner& partner = p.partner(partner_id);
    auto& sources = partner.cofinancing.sources;
    if (sources.size() >= max_sources) {
        throw ArgumentError("sources", "a partner has at most " + std::to_string(max_sources) + " contribution sources");
    }
    check_text("name", source.name, field::source_name);
    if (source.amount.cents() < 0 || source.amount.cents() > max_line_cents) {
        throw ArgumentError("amount", "must lie between 0 and " + Money::from_cents(max_line_cents).to_string());
    }
    sources.push_back(std::move(source));
}

void remove_source(Proposal& p, std::string_view partner_id, std::size_t index) {
    auto& sources = p.partner(partner_id).cofinancing.sources;
    if (index >= sources.size()) {
        throw NotFoundError("no contribution source " + std::to_string(index) + "; the partner has " +
                            std::to_string(sources.size()) + " (numbered from 0)");
    }
    sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(index));
}

void set_exchange_rate(Proposal& p, std::string currency, ExchangeRateEntry rate) {
    const auto& codes = foreign_currencies();
    if (std::find(codes.begin(), codes.end(), currency) == codes.end()) {
        throw ArgumentError("", "'" + text::escape_invalid_utf8(currency) +
                                    "' is not a currency amounts can be entered in; use " + text::join_choices(codes, ", "));
    }
    check_text("source", rate.source, field::rate_source);
    p.exchange_rates[std::move(currency)] = std::move(rate);
}

void remove_exchange_rate(Proposal& p, std::string_view currency) {
    auto it = p.exchange_rates.find(std::string(currency));
    if (it == p.exchange_rates.end()) {
        throw NotFoundError("no exchange rate for '" + text::escape_invalid_utf8(currency) + "'");
    }
    p.exchange_rates.erase(it);
}

}  // namespace interreg
