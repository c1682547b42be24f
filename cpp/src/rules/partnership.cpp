// partnership.*: who is in the consortium, as a whole.
#include <algorithm>
#include <map>
#include <set>

#include "interreg/organisation_number.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

bool counts(const Partner& p) { return p.role != Role::associated; }

std::vector<std::string> as_strings(const nlohmann::json& list) { return list.get<std::vector<std::string>>(); }

void min_partners(RuleContext& ctx) {
    const auto min = ctx.param("min").get<std::size_t>();
    const auto& partners = ctx.proposal.partners;
    const auto n = static_cast<std::size_t>(std::count_if(partners.begin(), partners.end(), counts));
    if (n < min) {
        ctx.emit("/partners", "The proposal has " + std::to_string(n) + " partner(s) that are not associated; at least " +
                                  std::to_string(min) + " are required. Add a partner (role 'lead' or 'partner').");
    }
}

void min_countries(RuleContext& ctx) {
    const auto min = ctx.param("min").get<std::size_t>();
    std::set<std::string> present;
    for (const auto& p : ctx.proposal.partners) {
        if (counts(p) && ctx.programme.country(p.country)) present.insert(p.country);
    }
    if (present.size() >= min) return;
    std::vector<std::string> missing;
    for (const auto& c : ctx.programme.countries()) {
        if (!present.count(c.code)) missing.push_back(c.code + " (" + c.name.at("en") + ")");
    }
    ctx.emit("/partners", "The partners come from " + std::to_string(present.size()) +
                              " programme country(ies); at least " + std::to_string(min) +
                              " are required. Add a partner from " + text::join_choices(missing) + ".");
}

void lead_partner(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    std::vector<std::size_t> leads;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (partners[i].role == Role::lead) leads.push_back(i);
    }
    if (leads.empty()) {
        ctx.emit("/partners", "No partner has the role 'lead'. Make the organisation that submits the application and "
                              "receives the grant the lead partner.");
    }
    for (std::size_t k = 1; k < leads.size(); ++k) {
        const auto& first = partners[leads[0]];
        ctx.emit(partner_path(leads[k]) + "/role", partners[leads[k]].name + " is a second lead partner besides " +
                                                       first.name + "; a project has exactly one. Set its role to 'partner'.");
    }
}

std::string country_names(const Programme& programme, const std::vector<std::string>& codes) {
    std::vector<std::string> names;
    for (const auto& code : codes) {
        const Country* c = programme.country(code);
        names.push_back(c ? c->name.at("en") : code);
    }
    return text::join_choices(names);
}

bool eligible_type(const Programme& programme, const Partner& p) {
    const OrgType* t = p.org_type ? programme.org_type(*p.org_type) : nullptr;
    return !t || t->eligible;
}

void lead_country(RuleContext& ctx) {
    const auto allowed = as_strings(ctx.param("countries"));
    const auto& partners = ctx.proposal.partners;
    auto is_allowed = [&](const Partner& p) { return std::find(allowed.begin(), allowed.end(), p.country) != allowed.end(); };
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        if (p.role != Role::lead || is_allowed(p)) continue;
        std::vector<std::string> candidates;
        for (const auto& other : partners) {
            if (counts(other) && is_allowed(other) && eligible_type(ctx.programme, other)) candidates.push_back(other.name);
        }
        const std::string allowed_names = country_names(ctx.programme, allowed);
        std::string advice = candidates.empty() ? "Add a partner from " + allowed_names + " to lead the project."
                                                : "Make " + text::join_choices(candidates) + " the lead partner instead.";
        if (p.country == owner_country(ctx.programme)) {
            advice += " Keep " + p.name + " as a partner and make it the Norwegian project owner.";
        }
        ctx.emit(partner_path(i) + "/country", "The lead partner " + p.name + " is in " +
                                                   country_names(ctx.programme, {p.country}) +
                                                   "; the ERDF is paid through the lead partner, so the programme expects it in " +
                                                   allowed_names + ". " + advice);
    }
}

void norwegian_owner(RuleContext& ctx) {
    const auto country = ctx.param("country").get<std::string>();
    const auto& partners = ctx.proposal.partners;
    std::vector<std::size_t> owners;
    std::vector<std::string> members;  // partners in the owner country
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        if (p.norwegian_project_owner && p.country != country) {
            ctx.emit(partner_path(i) + "/norwegian_project_owner",
                     p.name + " is marked as Norwegian project owner but is in " + p.country +
                         ". Only a partner in " + country + " can own the Norwegian part; unset the flag.");
            continue;
        }
        if (p.country != country || !counts(p)) continue;
        members.push_back(p.name);
        if (p.norwegian_project_owner) owners.push_back(i);
    }
    if (!members.empty() && owners.empty()) {
        ctx.emit("/partners", "None of the partners in " + country +
                                  " is the Norwegian project owner (norsk prosjekteier), who books the Norwegian costs "
                                  "and holds the Norwegian funds. Set norwegian_project_owner on " +
                                  (members.size() == 1 ? members[0] : "one of " + text::join_choices(members)) + ".");
    }
    for (std::size_t k = 1; k < owners.size(); ++k) {
        ctx.emit(partner_path(owners[k]) + "/norwegian_project_owner",
                 partners[owners[k]].name + " is a second Norwegian project owner besides " + partners[owners[0]].name +
                     "; there is exactly one. Unset the flag on all but one.");
    }
}

// The key of a partner's organisation number (country + digits when well-formed for the country's
// scheme, the text folded in a country without one); empty when it has none, one that is
// malformed, or one with nothing to compare.
std::string number_key(const Programme& programme, const Partner& p) {
    if (!p.organisation_number) return {};
    const Country* country = programme.country(p.country);
    const auto scheme = country ? country->org_number : std::nullopt;
    if (scheme && !check_org_number(*scheme, *p.organisation_number).problem.empty()) return {};
    return org_number_key(p.country, scheme, *p.organisation_number);
}

// One organisation listed twice: the same organisation number in the same country (whatever the
// names), or the same name — unless both numbers are given and differ, which makes them two bodies.
void duplicate(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    std::vector<std::string> numbers;
    std::map<std::string, std::size_t> by_number, by_name;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        numbers.push_back(number_key(ctx.programme, p));
        const auto& number = numbers.back();
        const auto self = [&p] { return p.name + " (" + p.id + ")"; };  // for a finding only
        if (!number.empty()) {
            auto [it, inserted] = by_number.emplace(number, i);
            if (!inserted) {
                const auto& earlier = partners[it->second];
                ctx.emit(partner_path(i) + "/organisation_number",
                         self() + " has the same organisation number as " + earlier.name + " (" + earlier.id + "), " +
                             *p.organisation_number + ": they are one organisation. List it once: it counts once "
                             "towards the partnership.");
                continue;
            }
        }
        auto [it, inserted] = by_name.emplace(text::organisation_key(p.name), i);
        if (inserted) continue;
        const auto& earlier = partners[it->second];
        const auto& other = numbers[it->second];
        if (!number.empty() && !other.empty()) continue;  // two numbers, two organisations
        // Names alone can be shared by two bodies, so this is a WARNING that asks.
        ctx.emit(partner_path(i) + "/name", self() + " has the same name as " + earlier.name + " (" + earlier.id +
                                                "), ignoring case, accents and legal form. If they are one organisation, "
                                                "list it once: it counts once towards the partnership.");
    }
}

}  // namespace

std::vector<RuleDef> partnership() {
    return {
        {"partnership.min-partners", Severity::error, "Enough partners that are not associated",
         {{"min", ParamType::integer}}, min_partners},
        {"partnership.min-countries", Severity::error, "Partners from enough programme countries",
         {{"min", ParamType::integer}}, min_countries},
        {"partnership.lead-partner", Severity::error, "Exactly one lead partner", {}, lead_partner},
        {"partnership.lead-country", Severity::error, "The lead partner is in an eligible country",
         {{"countries", ParamType::string_list}}, lead_country},
        {"partnership.norwegian-owner", Severity::error, "Exactly one Norwegian project owner when Norwegian partners take part",
         {{"country", ParamType::string}}, norwegian_owner},
        {"partnership.duplicate", Severity::warning, "Each organisation takes part once", {}, duplicate},
    };
}

}  // namespace interreg::rules
