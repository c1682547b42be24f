// budget.*: the partners' budget lines and flat rates.
#include <algorithm>

#include "exchange_rates.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

std::string budget_path(std::size_t partner) { return partner_path(partner) + "/budget"; }
std::string line_path(std::size_t partner, std::size_t line) {
    return budget_path(partner) + "/lines/" + std::to_string(line);
}
std::string line_label(const Partner& p, std::size_t line) {
    const auto& l = p.budget.lines[line];
    return p.name + ", line " + std::to_string(line) + (l.description.empty() ? "" : " (" + l.description + ")");
}

void line(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        for (std::size_t j = 0; j < p.budget.lines.size(); ++j) {
            const BudgetLine& l = p.budget.lines[j];
            const auto path = [&] { return line_path(i, j); };  // built only for a finding
            if (l.description.find_first_not_of(" \t\r\n") == std::string::npos) {
                ctx.emit(path() + "/description", p.name + ", line " + std::to_string(j) + " has no description. Say what the cost is for.");
            }
            if (l.units.hundredths() <= 0) {
                ctx.emit(path() + "/units", line_label(p, j) + " has " + l.units.to_string() + " units; give a number above zero or remove the line.");
            }
            if (l.unit_cost) {
                const UnitCost* u = ctx.programme.unit_cost(*l.unit_cost);
                if (!u) {
                    ctx.emit(path() + "/unit_cost", line_label(p, j) + " names the unit cost '" + *l.unit_cost +
                                                      "', which the programme does not define.");
                } else if (u->category != l.category) {
                    ctx.emit(path() + "/category", line_label(p, j) + " uses the unit cost '" + u->id + "', which belongs to " +
                                                     std::string(to_string(u->category)) + "; move the line there.");
                }
            }
            if (l.lump_sum) {
                if (!ctx.programme.lump_sum(*l.lump_sum)) {
                    ctx.emit(path() + "/lump_sum", line_label(p, j) + " names the lump sum '" + *l.lump_sum +
                                                     "', which the programme does not define.");
                } else if (l.category != Category::lump_sum) {
                    ctx.emit(path() + "/category", line_label(p, j) + " is a programme lump sum; set its category to 'lump_sum'.");
                }
            }
            const bool priced = priced_by_programme(ctx.programme, l);
            if (priced && l.currency != "EUR") {
                ctx.emit(path() + "/currency", line_label(p, j) + " is priced by the programme in EUR; set its currency "
                                                                "to EUR (its period amounts are read as EUR).");
            }
            if (!priced && l.unit_price.cents() <= 0) {
                ctx.emit(path() + "/unit_price", line_label(p, j) + " has the unit price " + l.unit_price.to_string() +
                                                   "; give a price above zero or remove the line.");
            }
        }
    }
}

// A line in DKK, SEK or NOK for which neither the proposal nor the programme gives a rate.
bool lacks_rate(const RuleContext& ctx, const BudgetLine& l) {
    return !priced_by_programme(ctx.programme, l) && l.currency != "EUR" &&
           !exchange_rate(ctx.programme, ctx.proposal, l.currency);
}

void exchange_rate_known(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        for (std::size_t j = 0; j < partners[i].budget.lines.size(); ++j) {
            const BudgetLine& l = partners[i].budget.lines[j];
            if (!lacks_rate(ctx, l)) continue;
            ctx.emit(line_path(i, j) + "/currency",
                     line_label(partners[i], j) + " is in " + l.currency + ", but the proposal gives no exchange rate for " +
                         l.currency + ". Add the rate you use (1 EUR = x " + l.currency + ") and its date to exchange_rates.");
        }
    }
    check_proposal_rates(ctx);
}

void period_sum(RuleContext& ctx) {
    const auto count = reporting_periods(ctx.programme, ctx.proposal).size();
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        for (std::size_t j = 0; j < partners[i].budget.lines.size(); ++j) {
            const BudgetLine& l = partners[i].budget.lines[j];
            if (!l.periods) continue;
            const auto path = line_path(i, j) + "/periods";
            if (l.periods->size() != count) {
                ctx.emit(path, line_label(partners[i], j) + " gives " + std::to_string(l.periods->size()) +
                                   " period amounts, but the project has " + std::to_string(count) +
                                   " reporting periods. Give one amount per period (or none to spread it evenly).");
                continue;
            }
            Money sum;
            for (Money m : *l.periods) sum = sum + m;
            const Money total = line_total(l.units, effective_unit_price(ctx.programme, l));
            if (sum != total) {
                ctx.emit(path, line_label(partners[i], j) + ": the period amounts add up to " + sum.to_string() + " " +
                                   l.currency + ", but the line totals " + total.to_string() + " " + l.currency +
                                   " (difference " + (total - sum).to_string() + "). Correct the amounts so they add up.");
            }
        }
    }
}

void flat_rate_combination(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& b = partners[i].budget;
        for (const auto& conflict : flat_rate_conflicts(b.flat_rates, b.categories_with_lines())) {
            ctx.emit(budget_path(i) + "/flat_rates", partners[i].name + ": " + conflict + ".");
        }
    }
}

void flat_rate_value(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        for (const auto& name : flat_rate_names()) {
            const auto rate = flat_rate(partners[i].budget.flat_rates, name);
            if (!rate) continue;
            const auto path = budget_path(i) + "/flat_rates/" + name;
            const FlatRateOption* option = ctx.programme.flat_rate_option(name);
            if (!option) {
                ctx.emit(path, partners[i].name + " uses the flat rate '" + name + "', which the programme does not offer. Budget those costs as real costs instead.");
            } else if (*rate > option->max_rate) {
                ctx.emit(path, partners[i].name + " uses " + rate->to_string() + " for '" + name + "'; the programme allows at most " +
                                   option->max_rate.to_string() + ". Lower the rate.",
                         option->source.assumed);
            }
        }
    }
}

// The partners (not associated) in the country of the Norwegian project owner: the owner
// books their costs, so their budgets are judged together.
struct NorwegianPart {
    std::string country;  // "" when the programme has no Norwegian project owner
    std::optional<std::size_t> owner;
    std::vector<std::string> others;  // names of the partners besides the owner
    bool has_costs = false;
};

NorwegianPart norwegian_part(const RuleContext& ctx) {
    NorwegianPart part{owner_country(ctx.programme), std::nullopt, {}, false};
    for (std::size_t i = 0; i < ctx.budget->partners.size(); ++i) {
        const auto& p = ctx.budget->partners[i];
        if (part.country.empty() || p.country != part.country || p.role == Role::associated) continue;
        part.has_costs = part.has_costs || p.costs.total.cents() != 0;
        if (ctx.proposal.partners[i].norwegian_project_owner && !part.owner) {
            part.owner = i;
        } else {
            part.others.push_back(p.name);
        }
    }
    return part;
}

void partner_empty(RuleContext& ctx) {
    if (!ctx.budget) return;
    const NorwegianPart norwegian = norwegian_part(ctx);
    for (std::size_t i = 0; i < ctx.budget->partners.size(); ++i) {
        const auto& p = ctx.budget->partners[i];
        if (p.role == Role::associated || p.costs.total.cents() != 0) continue;
        if (!norwegian.country.empty() && p.country == norwegian.country) {
            // Another partner's costs go through the owner (partnership.norwegian-owner asks for
            // one when none is set); only a Norwegian part without any costs is worth a word.
            if (i != norwegian.owner || norwegian.has_costs) continue;
            const auto& others = norwegian.others;
            const std::string booked = others.empty() ? "" : " (with the costs " + text::join_choices(others, " and ") +
                                                                 (others.size() == 1 ? " invoices" : " invoice") + " to it)";
            ctx.emit(budget_path(i), p.name + " is the Norwegian project owner, which budgets the Norwegian part, but no "
                                              "partner in " + p.country + " has costs. Add the Norwegian costs to its budget" +
                                              booked + ".");
            continue;
        }
        ctx.emit(budget_path(i), p.name + " has no budget. Add its costs, or make it an associated partner if it takes part without costs.");
    }
}

void associated(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        if (p.role != Role::associated || p.budget.empty()) continue;
        ctx.emit(budget_path(i), p.name + " is an associated partner but has a budget. Associated partners take part without "
                                          "costs: remove the budget, or make it a partner.");
    }
}

// Whether some line uses a currency without an exchange rate (budget.exchange-rate reports it).
bool rate_missing(const RuleContext& ctx) {
    for (const auto& p : ctx.proposal.partners) {
        for (const auto& l : p.budget.lines) {
            if (lacks_rate(ctx, l)) return true;
        }
    }
    return false;
}

void total(RuleContext& ctx) {
    if (!ctx.budget) {
        if (!rate_missing(ctx)) {
            ctx.emit("/partners", "The budget cannot be totalled: " + ctx.budget_error +
                                      ". Check the amounts, units and exchange rates for a typo.");
        }
        return;
    }
    if (ctx.budget->costs.total.cents() > 0) return;
    ctx.emit("/partners", "The project's total budget is " + ctx.budget->costs.total.to_string() +
                              " EUR. Add the partners' costs (partner.budget.add(...)).");
}

bool under_state_aid(const Partner& p) { return p.state_aid && p.state_aid->scheme != StateAidScheme::none; }

// The partner's lines at real cost outside the bases of its flat rates, as "line 1 (Equipment)"
// (numbered from 1, as people count), and their categories.
std::vector<std::string> real_cost_lines(const Programme& programme, const Partner& p,
                                         std::array<bool, category_count>& categories) {
    const auto bases = flat_rate_bases(p.budget.flat_rates);
    std::vector<std::string> out;
    for (std::size_t j = 0; j < p.budget.lines.size(); ++j) {
        const BudgetLine& l = p.budget.lines[j];
        const auto c = static_cast<std::size_t>(l.category);
        if (l.category == Category::lump_sum || l.lump_sum || priced_by_programme(programme, l) || bases[c]) continue;
        out.push_back("line " + std::to_string(j + 1) + (l.description.empty() ? "" : " (" + l.description + ")"));
        categories[c] = true;
    }
    return out;
}

// The simplified options that can replace real-cost lines of `categories`.
std::string simplified_options(const Programme& programme, const std::array<bool, category_count>& categories) {
    std::vector<std::string> options = {"a lump sum line (category 'lump_sum' with its amount from a draft budget)"};
    std::vector<std::string> unit_costs;
    for (const auto& u : programme.budget().unit_costs) {
        if (categories[static_cast<std::size_t>(u.category)]) unit_costs.push_back("'" + u.id + "'");
    }
    if (!unit_costs.empty()) options.push_back("the programme's unit cost " + text::join_choices(unit_costs, " or "));
    if (const FlatRateOption* o = programme.flat_rate_option("other_costs")) {
        options.push_back("staff costs with " + o->max_rate.to_string() + " for all other costs (flat rate other_costs)");
    }
    return text::join_choices(options, " or ");
}

// CPR Art. 53(2): in a small operation the support takes simplified forms. The operation is what
// the funds of `funds` finance (ÖKS: ERDF; the Norwegian funds are not under the CPR).
void simplified_costs(RuleContext& ctx) {
    if (!ctx.budget) return;
    const auto funds = ctx.param("funds").get<std::vector<std::string>>();
    auto covered = [&](const PartnerSummary& s) { return std::find(funds.begin(), funds.end(), s.fund) != funds.end(); };
    Money total;
    for (const auto& s : ctx.budget->partners) {
        if (covered(s)) total = total + s.costs.total;
    }
    const Money max_total = ctx.money_param("max_total");
    if (total > max_total || total.cents() == 0) return;
    std::vector<std::string> fund_names;
    for (const auto& id : funds) {
        const Fund* f = ctx.programme.fund(id);
        fund_names.push_back(f ? f->name.at("en") : id);
    }
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Partner& p = partners[i];
        if (p.role == Role::associated || under_state_aid(p) || !covered(ctx.budget->partners[i])) continue;
        std::array<bool, category_count> categories{};
        const auto lines = real_cost_lines(ctx.programme, p, categories);
        if (lines.empty()) continue;
        ctx.emit(budget_path(i),
                 "The operation's total eligible cost, counted over the partners financed by " +
                     text::join_choices(fund_names, " or ") + ", is " + total.to_string() + " EUR, at most " +
                     max_total.to_string() + " EUR, so its support takes the form of unit costs, lump sums or flat "
                     "rates, and only the costs a flat rate is computed on may be real costs. " + p.name + " budgets " +
                     text::join_choices(lines, " and ") + " at real cost. Use " +
                     simplified_options(ctx.programme, categories) +
                     ", or record the State-aid scheme if its support is State aid.");
    }
}

}  // namespace

// The total budget of the partners each fund finances, within the project kind's caps.
void kind_total(RuleContext& ctx) {
    if (!ctx.budget) return;
    const ProjectKind* kind = ctx.programme.project_kind(ctx.proposal.kind);
    if (!kind) return;
    for (const auto& [fund, cap] : kind->budget_caps) {
        Money total;
        for (const auto& partner : ctx.budget->partners) {
            if (partner.fund == fund) total = total + partner.costs.total;
        }
        if (total <= cap) continue;
        const Fund* f = ctx.programme.fund(fund);
        ctx.emit_citing(kind->source, "/partners",
                        "The partners financed by " + (f ? f->name.at("en") : fund) + " budget " + total.to_string() +
                            " EUR in total; a " + kind->id + " may budget at most " + cap.to_string() +
                            " EUR there. Reduce their costs by " + (total - cap).to_string() + " EUR.");
    }
}

std::vector<RuleDef> budget() {
    return {
        {"budget.line", Severity::error, "Budget lines are complete: description, units and price above zero, known programme ids", {}, line},
        {"budget.exchange-rate", Severity::error, "Every currency used has an exchange rate", {}, exchange_rate_known},
        {"budget.period-sum", Severity::error, "A line's period amounts add up to its total", {}, period_sum},
        {"budget.flat-rate-combination", Severity::error, "Flat rates are combined as the regulations allow", {}, flat_rate_combination},
        {"budget.flat-rate-value", Severity::error, "Flat rates are offered by the programme and within its maximum", {}, flat_rate_value},
        {"budget.partner-empty", Severity::warning, "Every partner (not associated) has a budget", {}, partner_empty},
        {"budget.associated", Severity::error, "Associated partners have no budget", {}, associated},
        {"budget.total", Severity::error, "The project's total budget is above zero", {}, total},
        {"budget.pre-project-total", Severity::error, "The total budget per fund within the project kind's caps", {},
         kind_total},
        {"budget.simplified-costs", Severity::error, "A small operation is budgeted with simplified cost options",
         {{"max_total", ParamType::money}, {"funds", ParamType::string_list}}, simplified_costs},
    };
}

}  // namespace interreg::rules
