// network.*: whether the consortium works across the border, judged on the graph of partners
// linked by shared activities and work packages (consortium.hpp). Silent until the work plan
// names partners in its activities.
#include <map>
#include <set>

#include "interreg/consortium.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

bool counts(const Partner& p) { return p.role != Role::associated; }

std::string country_name(const Programme& programme, const std::string& code) {
    const Country* c = programme.country(code);
    return c && c->name.count("en") ? c->name.at("en") : code;
}

// A country whose partners take part in activities but never with a partner of another country.
void isolated_country(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    const ConsortiumGraph& g = ctx.consortium();
    if (!g.has_activities()) return;
    std::map<std::string, std::vector<std::size_t>> by_country;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (counts(partners[i])) by_country[partners[i].country].push_back(i);
    }
    if (by_country.size() < 2) return;
    std::set<std::string> linked;  // countries with a link across the border
    for (const auto& l : g.links) {
        const auto &a = partners[l.a], &b = partners[l.b];
        if (counts(a) && counts(b) && a.country != b.country) {
            linked.insert(a.country);
            linked.insert(b.country);
        }
    }
    for (const auto& [country, members] : by_country) {
        if (linked.count(country)) continue;
        bool active = false;
        std::vector<std::string> names, others;
        for (auto i : members) {
            active = active || g.activities[i] > 0;
            names.push_back(partners[i].name);
        }
        if (!active) continue;  // partners in no activity: workplan.partner-involvement
        for (const auto& [other, unused] : by_country) {
            if (other != country) others.push_back(country_name(ctx.programme, other));
        }
        const std::string who = members.size() == 1 ? names[0] : "The partners from " + country_name(ctx.programme, country) +
                                                                     " (" + text::join_choices(names, " and ") + ")";
        ctx.emit("/work_plan/work_packages",
                 who + (members.size() == 1 ? " shares" : " share") + " no activity or work package with a partner from " +
                     text::join_choices(others) + ": the consortium works as national groups side by side. Involve " +
                     (members.size() == 1 ? "it" : "at least one of them") +
                     " in a joint activity with a partner from another country.");
    }
}

// A partner that takes part in activities, each of them alone.
void joint_activity(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    const ConsortiumGraph& g = ctx.consortium();
    if (!g.has_activities()) return;
    std::vector<char> joint(partners.size(), 0);
    for (const auto& l : g.links) {
        if (l.activities > 0) joint[l.a] = joint[l.b] = 1;
    }
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (!counts(partners[i]) || joint[i] || g.activities[i] == 0) continue;
        ctx.emit(partner_path(i), partners[i].name + " (" + partners[i].id + ") takes part in " +
                                      std::to_string(g.activities[i]) + " activit" + (g.activities[i] == 1 ? "y" : "ies") +
                                      ", each without another partner. Add it to an activity it carries out together with "
                                      "other partners, or add partners to its activities.");
    }
}

// A partner that alone connects the partners of two countries.
void single_bridge(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    const ConsortiumGraph& g = ctx.consortium();
    if (!g.has_activities()) return;
    for (const auto& bridge : consortium_bridges(ctx.proposal, g)) {
        std::vector<std::string> pairs;
        for (const auto& [a, b] : bridge.countries) {
            pairs.push_back(country_name(ctx.programme, a) + " and " + country_name(ctx.programme, b));
        }
        const auto& p = partners[bridge.partner];
        ctx.emit(partner_path(bridge.partner),
                 p.name + " (" + p.id + ") is the only link between the partners from " + text::join_choices(pairs, "; ") +
                     ": if it leaves, they no longer work together. Consider a joint activity that links them directly.");
    }
}

}  // namespace

std::vector<RuleDef> network() {
    return {
        {"network.isolated-country", Severity::warning, "Each country's partners work with partners from another country",
         {}, isolated_country},
        {"network.joint-activity", Severity::warning, "Each partner in activities shares one with another partner", {},
         joint_activity},
        {"network.single-bridge", Severity::info, "No single partner alone connects two countries", {}, single_bridge},
    };
}

}  // namespace interreg::rules
