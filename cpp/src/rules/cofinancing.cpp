// cofinancing.*: funds, rates, caps and the partners' own contributions.
#include <algorithm>

#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

std::string cofinancing_path(std::size_t partner) { return partner_path(partner) + "/cofinancing"; }

void max_rate(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const auto& c = p.cofinancing;
        const Fund* own = ctx.programme.fund_for_country(p.country);
        if (c.fund) {
            const Fund* chosen = ctx.programme.fund(*c.fund);
            if (!chosen) {
                ctx.emit(cofinancing_path(i) + "/fund", "'" + *c.fund + "' is not a fund of the programme; choose one of " +
                                                            text::join_choices(ids_of(ctx.programme.funds(), &Fund::id), ", ") + ".");
                continue;
            }
            const bool listed = std::find(chosen->countries.begin(), chosen->countries.end(), p.country) != chosen->countries.end();
            if (!own && chosen->exclusive && !listed) {
                ctx.emit(cofinancing_path(i) + "/fund", "'" + chosen->id + "' finances only partners in " +
                                                            text::join_choices(chosen->countries) + "; " + p.name + " is in " +
                                                            p.country + ". Remove the fund.");
                continue;
            }
            if (own && chosen != own) {
                ctx.emit(cofinancing_path(i) + "/fund", p.name + " is in " + p.country + ", whose partners are financed by '" +
                                                            own->id + "', not '" + chosen->id + "'. Remove the fund or set it to '" + own->id + "'.");
                continue;
            }
            own = chosen;
        }
        if (!own && c.rate) {
            ctx.emit(cofinancing_path(i) + "/rate", p.name + " asks for " + c.rate->to_string() + " but no fund finances partners in " +
                                                        p.country + ". Choose the fund (cofinancing.fund) or remove the rate.");
            continue;
        }
        if (!own || !c.rate || !(*c.rate > own->max_rate)) continue;
        ctx.emit(cofinancing_path(i) + "/rate", p.name + " asks for " + c.rate->to_string() + " from '" + own->id +
                                                    "'; the programme pays at most " + own->max_rate.to_string() +
                                                    ". Lower the rate to " + own->max_rate.to_string() + " or less.",
                 own->source.assumed);
    }
}

// Fund totals above caps: `caps` from the call or the project kind.
void check_caps(RuleContext& ctx, const std::map<std::string, Money>& caps, const std::string& what, const Citation& source,
                const std::string& only_fund = {}) {
    for (const auto& [fund, cap] : caps) {
        if (!only_fund.empty() && fund != only_fund) continue;
        auto it = ctx.budget->fund_totals.find(fund);
        if (it == ctx.budget->fund_totals.end() || it->second <= cap) continue;
        std::vector<std::string> who;
        for (const auto& p : ctx.budget->partners) {
            if (p.fund == fund && p.fund_amount.cents() > 0) who.push_back(p.name + " " + p.fund_amount.to_string());
        }
        ctx.emit_citing(source, "/partners",
                        "The partners ask for " + it->second.to_string() + " EUR from '" + fund + "'; " + what +
                            " allows at most " + cap.to_string() + " EUR (over by " + (it->second - cap).to_string() +
                            "). Lower the budget or the rate of " + text::join_choices(who) + ".");
    }
}

void norwegian_cap(RuleContext& ctx) {
    if (!ctx.budget) return;
    const Call* call = effective_call(ctx.programme, ctx.proposal);
    if (!call || call->kind != ctx.proposal.kind) return;
    check_caps(ctx, call->fund_caps, "call " + call->id, call->caps_source, ctx.param("fund").get<std::string>());
}

void pre_project_cap(RuleContext& ctx) {
    if (!ctx.budget) return;
    const ProjectKind* kind = ctx.programme.project_kind(ctx.proposal.kind);
    if (!kind) return;
    check_caps(ctx, kind->fund_caps, "a " + kind->id, kind->source);
}

// Who pays the partner's contribution. A draft may not know its sources yet, so a partner
// without any is a WARNING; sources that do not add up are an ERROR.
void sources(RuleContext& ctx) {
    if (!ctx.budget) return;
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& s = ctx.budget->partners[i];
        if (partners[i].cofinancing.sources.empty()) {
            if (s.role == Role::associated || s.contribution.cents() <= 0) continue;
            ctx.emit_warning(cofinancing_path(i) + "/sources",
                             s.name + " declares no sources for its contribution: " + s.contribution.to_string() +
                                 " EUR (total " + s.costs.total.to_string() + " minus " + s.fund_amount.to_string() +
                                 " from '" + (s.fund.empty() ? "no fund" : s.fund) +
                                 "') are not covered. Say who pays it: its own money with partner.cofinancing.add_source(\"" +
                                 s.name + "\", \"" + s.contribution.to_string() +
                                 "\"), or one source per co-financier (own=False for another body).");
            continue;
        }
        if (s.sources_total == s.contribution) continue;
        ctx.emit(cofinancing_path(i) + "/sources",
                 s.name + ": the contribution sources add up to " + s.sources_total.to_string() + " EUR, but the partner's "
                          "contribution is " + s.contribution.to_string() + " EUR (total " + s.costs.total.to_string() +
                          " minus " + s.fund_amount.to_string() + " from '" + (s.fund.empty() ? "no fund" : s.fund) +
                          "'). Difference: " + (s.contribution - s.sources_total).to_string() + ".");
    }
}

}  // namespace

std::vector<RuleDef> cofinancing() {
    return {
        {"cofinancing.max-rate", Severity::error, "The fund and its rate fit the partner's country", {}, max_rate},
        {"cofinancing.norwegian-cap", Severity::error, "Norwegian funds within the call's cap per project",
         {{"fund", ParamType::string}}, norwegian_cap},
        {"cofinancing.pre-project-cap", Severity::error, "Funds within the caps of the project kind (pre-projects)", {},
         pre_project_cap},
        {"cofinancing.sources", Severity::error, "Contribution sources add up to the partner's contribution", {}, sources},
    };
}

}  // namespace interreg::rules
