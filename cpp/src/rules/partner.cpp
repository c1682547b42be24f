// partner.*: each partner on its own — where it is, what kind of organisation it is and its
// organisation number.
#include <algorithm>

#include "interreg/organisation_number.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

std::string region_label(const Region& g) { return g.name + " (" + g.code + ")"; }

// The date a region must exist on, and how to call it: the project start, else the opening
// of the call.
std::optional<std::pair<Date, std::string>> reference_date(const RuleContext& ctx) {
    if (ctx.proposal.start) return std::make_pair(*ctx.proposal.start, "the project starts");
    if (const Call* c = effective_call(ctx.programme, ctx.proposal)) return std::make_pair(c->opens, "call " + c->id + " opens");
    return std::nullopt;
}

std::string labels(const Programme& programme, const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& code : codes) out.push_back(region_label(*programme.find_region(code)));
    return text::join_choices(out);
}

void region(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const auto path = partner_path(i) + "/region";
        if (!p.region || p.region->find_first_not_of(' ') == std::string::npos) {
            const std::string* examples = ctx.programme.region_examples(p.country);
            ctx.emit(path, p.name + " has no region. Give its region as a name or NUTS code" +
                               (examples ? " (e.g. " + *examples + ")." : "."));
            continue;
        }
        const Region* g = ctx.partner_regions[i];
        if (!g) {
            if (!ctx.programme.has_regions_for(p.country)) continue;  // other countries: free text
            ctx.emit(path, "'" + *p.region + "' is not a known region in " + p.country + ". Nearest: " +
                               text::join_choices(ctx.programme.nearest_regions(*p.region, 3, p.country), ", ") + ".");
        } else if (g->country != p.country) {
            ctx.emit(path, "'" + *p.region + "' is " + region_label(*g) + " in " + g->country + ", but " + p.name +
                               " is in " + p.country + ". Correct the country or the region.");
        }
    }
}

void outside_area(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const Region* g = ctx.partner_regions[i];
        const bool foreign = !ctx.programme.country(p.country);
        if (!foreign && (!g || g->country != p.country || ctx.programme.in_area(*g))) continue;
        if (foreign && !p.region) continue;  // partner.region asks for the region first
        const std::string where = g ? region_label(*g) : "'" + *p.region + "', " + p.country;
        // Interreg Regulation Art. 22(1): the monitoring committee approves such partners; one from a
        // country not represented there also needs that country's written agreement (or a bank guarantee).
        std::string message = p.name + " is located outside the programme area (" + where +
                              "). Its participation needs the approval of the monitoring committee (Interreg Regulation "
                              "Art. 22(1)): explain in the application how it benefits the programme area.";
        if (foreign) {
            message += " " + p.country + " is not represented in the programme's monitoring committee, so approval also "
                       "needs " + p.country + "'s written agreement to recover amounts unduly paid to the partner "
                       "(Art. 52(2)), or else a bank guarantee from the partner.";
        }
        ctx.emit(partner_path(i) + "/region", std::move(message), g && g->source.assumed);
    }
}

void region_renamed(RuleContext& ctx) {
    const auto ref = reference_date(ctx);
    if (!ref) return;
    const auto& [when, event] = *ref;
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Region* g = ctx.partner_regions[i];
        if (!g) continue;
        if (g->valid_to && *g->valid_to <= when) {
            ctx.emit(partner_path(i) + "/region",
                     g->name + " ceased to exist on " + g->valid_to->to_string() + ", before " + event + " (" +
                         when.to_string() + "). Use the current county: " + labels(ctx.programme, g->successors) + ".");
        } else if (g->valid_from && when < *g->valid_from) {
            std::vector<std::string> before;  // the regions it was carved out of
            for (const auto& other : ctx.programme.regions()) {
                if (std::find(other.successors.begin(), other.successors.end(), g->code) != other.successors.end()) {
                    before.push_back(other.code);
                }
            }
            ctx.emit(partner_path(i) + "/region",
                     g->name + " exists only from " + g->valid_from->to_string() + ", after " + event + " (" +
                         when.to_string() + ")." +
                         (before.empty() ? "" : " Use the county of that time: " + labels(ctx.programme, before) + "."),
                     g->source.assumed);
        }
    }
}

std::vector<std::string> org_type_ids(const Programme& programme) { return ids_of(programme.org_types(), &OrgType::id); }

void org_type(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    const auto ids = org_type_ids(ctx.programme);
    std::string choices;  // joined once, for every partner without a type
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const auto path = partner_path(i) + "/org_type";
        if (!p.org_type) {
            if (choices.empty()) choices = text::join_choices(ids, ", ");
            ctx.emit_warning(path, p.name + " has no organisation type yet. Set org_type to one of: " + choices + ".");
        } else if (!ctx.programme.org_type(*p.org_type)) {
            ctx.emit(path, "'" + *p.org_type + "' is not an organisation type of the programme, so whether " + p.name +
                               " may be a partner cannot be judged. Choose one of (nearest first): " +
                               text::join_choices(text::nearest(*p.org_type, ids, ids.size()), ", ") + ".");
        }
    }
}

void eligible_type(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const OrgType* t = p.org_type ? ctx.programme.org_type(*p.org_type) : nullptr;
        if (!t || t->eligible) continue;
        // Named through an assumed alias (a harmonised partner type), the verdict rests on the
        // library's mapping: a WARNING that says what to check, never an ERROR.
        const Alias* via = ctx.programme.org_type_alias(*p.org_type);
        std::string message = p.name + " is of the type '" + t->name.at("en") + "', which cannot be a partner in this "
                              "programme. Involve it through an eligible organisation, for example as a supplier or a "
                              "participant in activities.";
        if (via && via->source.assumed) {
            ctx.emit_warning(partner_path(i) + "/org_type",
                             message + " '" + *p.org_type + "' was read as that type; check the type with the secretariat.",
                             true);
        } else {
            ctx.emit(partner_path(i) + "/org_type", std::move(message), t->source.assumed);
        }
    }
}

// The number the application form asks for, checked against its country's scheme (the programme
// says which); partners of countries without one are not checked.
void organisation_number(RuleContext& ctx) {
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const Country* country = ctx.programme.country(p.country);
        if (!country || !country->org_number) continue;
        const OrgNumberScheme scheme = *country->org_number;
        const auto path = [i] { return partner_path(i) + "/organisation_number"; };  // for a finding only
        const std::string_view form = org_number_form(scheme), where = org_number_register(scheme);
        if (!p.organisation_number) {
            ctx.emit_info(path(), p.name + " has no organisation number yet. The application form asks for it: give its " +
                                      std::string(org_number_name(scheme)) + " (" + std::string(form) + ") from " +
                                      std::string(where) + ".");
            continue;
        }
        const auto check = check_org_number(scheme, *p.organisation_number);
        if (check.problem.empty()) continue;
        ctx.emit_citing(country->org_number_source, path(),
                        p.name + "'s organisation number '" + *p.organisation_number + "' " + check.problem +
                            ". A valid one is " + std::string(form) + ": copy it from " + std::string(where) + ".");
    }
}

}  // namespace

std::vector<RuleDef> partner() {
    return {
        {"partner.region", Severity::error, "The partner's region is known and lies in its country", {}, region},
        {"partner.outside-area", Severity::warning, "A partner outside the programme area needs a justification", {},
         outside_area},
        {"partner.region-renamed", Severity::warning, "Regions as they are when the project starts", {}, region_renamed},
        {"partner.org-type", Severity::error, "The partner's organisation type is given and known", {}, org_type},
        {"partner.eligible-type", Severity::error, "The partner's type of organisation is eligible", {}, eligible_type},
        {"partner.organisation-number", Severity::error,
         "The partner's organisation number is well-formed with a right check digit", {}, organisation_number},
    };
}

}  // namespace interreg::rules
