// stateaid.*: whether a partner that may be an undertaking has screened its activities for
// State aid, and the ceilings of the schemes it records (docs/rules.md#state-aid). Whether aid
// exists is the partner's and the programme's judgement, not the library's.
#include "interreg/rules.hpp"
#include "interreg/state_aid.hpp"

namespace interreg::rules {
namespace {

std::string state_aid_path(std::size_t partner) { return partner_path(partner) + "/state_aid"; }

bool has_scheme(const Partner& p, StateAidScheme scheme) {
    return p.role != Role::associated && p.state_aid && p.state_aid->scheme == scheme;
}

void screening(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Partner& p = partners[i];
        if (p.role == Role::associated || p.state_aid || p.budget.lines.empty()) continue;
        const auto activity = economic_activity(ctx.programme, p);
        if (activity == false) continue;
        const bool known = activity.has_value();  // then yes
        // A default of the organisation type that the programme only assumes makes the finding assumed.
        const bool assumed = known && !p.economic_activity &&
                             ctx.programme.org_type(*p.org_type)->economic_activity_source.assumed;
        const std::string does = known ? " carries out an economic activity"
                                       : " may carry out an economic activity (its organisation type does not tell)";
        ctx.emit(state_aid_path(i),
                 p.name + does +
                     ", so its part of the project may be State aid. Screen its activities against the four criteria: "
                     "public resources (Interreg funds are), an undertaking (any entity offering goods or services on a "
                     "market), a selective advantage, and an effect on competition and trade. Then record the scheme its "
                     "aid falls under (de-minimis, gber-20a, gber-other) or 'none', or set economic_activity to false.",
                 assumed);
    }
}

// Under de minimis, the aid of this project (the partner's grant) and the de minimis aid of the
// last three years stay within the ceiling per single undertaking.
void de_minimis_ceiling(RuleContext& ctx) {
    if (!ctx.budget) return;
    const Money ceiling = ctx.money_param("ceiling");
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Partner& p = partners[i];
        if (!has_scheme(p, StateAidScheme::de_minimis)) continue;
        const Money aid = ctx.budget->partners[i].fund_amount;
        const Money previous = p.state_aid->previous_de_minimis.value_or(Money());
        const Money total = aid + previous;
        if (total <= ceiling) continue;
        const Money headroom = previous < ceiling ? ceiling - previous : Money();
        ctx.emit(state_aid_path(i),
                 p.name + " receives " + aid.to_string() + " EUR of de minimis aid in this project (its grant); with the " +
                     previous.to_string() + " EUR it received in the last three years that is " + total.to_string() +
                     " EUR, above the ceiling of " + ceiling.to_string() + " EUR per single undertaking over three years. "
                     "Its headroom is " + headroom.to_string() + " EUR: reduce its grant by " + (total - ceiling).to_string() +
                     " EUR, or use another scheme (a GBER article).");
    }
}

void gber_20a_ceiling(RuleContext& ctx) {
    if (!ctx.budget) return;
    const Money ceiling = ctx.money_param("ceiling");
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Partner& p = partners[i];
        if (!has_scheme(p, StateAidScheme::gber_20a)) continue;
        const Money aid = ctx.budget->partners[i].fund_amount;
        if (aid <= ceiling) continue;
        ctx.emit(state_aid_path(i),
                 p.name + " receives " + aid.to_string() + " EUR of aid in this project (its grant) under GBER Art. 20a, "
                     "above its limit of " + ceiling.to_string() + " EUR per undertaking and project. Reduce its grant by " +
                     (aid - ceiling).to_string() + " EUR, or use another scheme (de-minimis or gber-other, e.g. GBER Art. 20).");
    }
}

}  // namespace

std::vector<RuleDef> stateaid() {
    return {
        {"stateaid.screening", Severity::warning, "A partner that may be an undertaking has screened its activities for State aid",
         {}, screening},
        {"stateaid.de-minimis-ceiling", Severity::error, "De minimis aid within the ceiling per undertaking over three years",
         {{"ceiling", ParamType::money}}, de_minimis_ceiling},
        {"stateaid.gber-20a-ceiling", Severity::error, "Aid under GBER Art. 20a within its limit per undertaking and project",
         {{"ceiling", ParamType::money}}, gber_20a_ceiling},
    };
}

}  // namespace interreg::rules
