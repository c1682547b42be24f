// Edits of the proposal's own fields and of its partners (edit.hpp).
#include <algorithm>

#include "edit_support.hpp"
#include "interreg/countries.hpp"
#include "interreg/edit.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

void check_texts(std::string_view field, const TextMap& texts, TextRule rule) {
    const auto& codes = language_codes();
    for (const auto& [lang, text] : texts) {
        if (std::find(codes.begin(), codes.end(), lang) == codes.end()) {
            throw ArgumentError(std::string(field) + "/" + text::escape_invalid_utf8(lang),
                                "unknown language; use one of " + text::join_choices(codes, ", "));
        }
        check_text(std::string(field) + "/" + lang, text, rule);
    }
}

void check_optional(std::string_view field, const std::optional<std::string>& value, TextRule rule) {
    if (value) check_text(field, *value, rule);
}

// A country as documents store it: an ISO code written as ISO writes it ("SE").
void check_country(const std::string& code) {
    detail::within("country", [&] {
        try {
            countries::require_canonical(code);
        } catch (const ArgumentError& e) {
            throw ArgumentError("", e.detail());
        }
    });
}

void check_sources(const Cofinancing& c) {
    if (c.fund) detail::within("cofinancing", [&] { check_text("fund", *c.fund, field::option_id); });
    if (c.sources.size() > max_sources) {
        throw ArgumentError("cofinancing/sources", "a partner has at most " + std::to_string(max_sources) +
                                                       " contribution sources, not " + std::to_string(c.sources.size()));
    }
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
        detail::within("cofinancing/sources/" + std::to_string(i), [&] {
            const auto& s = c.sources[i];
            check_text("name", s.name, field::source_name);
            if (s.amount.cents() < 0 || s.amount.cents() > max_line_cents) {
                throw ArgumentError("amount", "must lie between 0 and " + Money::from_cents(max_line_cents).to_string());
            }
        });
    }
}

void check_state_aid(const StateAid& aid) {
    const auto& previous = aid.previous_de_minimis;
    if (previous && (previous->cents() < 0 || previous->cents() > max_line_cents)) {
        throw ArgumentError("state_aid/previous_de_minimis",
                            "must lie between 0 and " + Money::from_cents(max_line_cents).to_string() + " (EUR)");
    }
}

// The highest n of the ids "PPn" in use.
int highest_partner_number(const Proposal& p) {
    int highest = 0;
    for (const auto& partner : p.partners) {
        const auto& id = partner.id;
        if (id.size() > 2 && id.size() < 9 && id.compare(0, 2, "PP") == 0 &&
            id.find_first_not_of("0123456789", 2) == std::string::npos) {
            highest = std::max(highest, std::stoi(id.substr(2)));
        }
    }
    return highest;
}

}  // namespace

// ---- the proposal's own fields ---------------------------------------------------------

void set_programme_id(Proposal& p, std::string id) {
    check_text("programme", id, field::programme);
    p.programme = std::move(id);
}

void set_call(Proposal& p, std::optional<std::string> call) {
    check_optional("call", call, field::call);
    p.call = std::move(call);
}

void set_kind(Proposal& p, std::string kind) {
    check_text("kind", kind, field::kind);
    p.kind = std::move(kind);
}

void set_acronym(Proposal& p, std::string acronym) {
    check_text("acronym", acronym, field::acronym);
    p.acronym = std::move(acronym);
}

void set_title(Proposal& p, TextMap title) {
    check_texts("title", title, field::title);
    p.title = std::move(title);
}

void set_summary(Proposal& p, TextMap summary) {
    check_texts("summary", summary, field::summary);
    p.summary = std::move(summary);
}

void set_narrative(Proposal& p, std::string_view section, TextMap texts) {
    const auto& sections = narrative_sections();
    if (std::find(sections.begin(), sections.end(), section) == sections.end()) {
        throw ArgumentError("narrative/" + text::escape_invalid_utf8(section),
                            "unknown section; use one of " + text::join_choices(sections, ", "));
    }
    const std::string field = "narrative/" + std::string(section);
    check_texts(field, texts, field::narrative);
    if (texts.empty()) {
        p.narrative.erase(std::string(section));
    } else {
        p.narrative[std::string(section)] = std::move(texts);
    }
}

void set_specific_objective(Proposal& p, std::string code) {
    check_text("specific_objective", code, field::specific_objective);
    p.specific_objective = std::move(code);
}

void set_geography(Proposal& p, std::string geography) {
    check_text("geography", geography, field::geography);
    p.geography = std::move(geography);
}

void set_start(Proposal& p, std::optional<Date> start) { p.start = start; }

void set_duration(Proposal& p, std::optional<std::int64_t> months) {
    if (months) check_range("duration_months", *months, 1, max_duration_months);
    p.duration_months = months ? std::optional<int>(static_cast<int>(*months)) : std::nullopt;
}

Date parse_date(std::string_view field, std::string_view text) {
    if (auto d = Date::parse(text)) return *d;
    throw ArgumentError(std::string(field), "expected a date as YYYY-MM-DD (e.g. 2026-01-01), not '" +
                                                text::escape_invalid_utf8(text.substr(0, 40)) + "'");
}

// ---- partners --------------------------------------------------------------------------

void check_partner(const Partner& partner) { detail::check_partner(partner, true); }

void detail::check_partner(const Partner& partner, bool lines_too) {
    if (!partner.id.empty()) check_text("id", partner.id, field::partner_id);
    check_text("name", partner.name, field::partner_name);
    check_country(partner.country);
    check_optional("region", partner.region, field::region);
    check_optional("org_type", partner.org_type, field::org_type);
    check_optional("organisation_number", partner.organisation_number, field::organisation_number);
    check_optional("address", partner.address, field::address);
    check_optional("contact_person", partner.contact_person, field::contact_person);
    const auto& lines = partner.budget.lines;
    if (lines.size() > max_budget_lines) {
        throw ArgumentError("budget/lines", "a partner holds at most " + std::to_string(max_budget_lines) +
                                                " budget lines, not " + std::to_string(lines.size()));
    }
    for (std::size_t i = 0; lines_too && i < lines.size(); ++i) {
        detail::within("budget/lines/" + std::to_string(i), [&] { check_line(lines[i]); });
    }
    check_sources(partner.cofinancing);
    if (partner.state_aid) check_state_aid(*partner.state_aid);
}

const Partner& add_partner(Proposal& p, Partner partner) {
    check_partner(partner);
    return detail::append_partner(p, std::move(partner));
}

const Partner& detail::append_partner(Proposal& p, Partner partner) {
    if (p.partners.size() >= max_partners) {
        throw ArgumentError("partners", "a proposal holds at most " + std::to_string(max_partners) + " partners");
    }
    if (partner.id.empty()) {
        // After the highest number in use: removing PP1 does not give its id to the next partner.
        partner.id = "PP" + std::to_string(highest_partner_number(p) + 1);
    } else if (std::any_of(p.partners.begin(), p.partners.end(), [&](const Partner& q) { return q.id == partner.id; })) {
        throw ArgumentError("id", "a partner with id '" + partner.id + "' already exists");
    }
    p.partners.push_back(std::move(partner));
    return p.partners.back();
}

void set_partner_name(Proposal& p, std::string_view id, std::string name) {
    Partner& partner = p.partner(id);
    check_text("name", name, field::partner_name);
    partner.name = std::move(name);
}

void set_partner_country(Proposal& p, std::string_view id, std::string country) {
    Partner& partner = p.partner(id);
    check_country(country);
    partner.country = std::move(country);
}

namespace {

// One of a partner's optional one-line texts, checked against its field's rule.
void set_partner_text(Proposal& p, std::string_view id, std::string_view field, std::optional<std::string> value,
                      TextRule rule, std::optional<std::string> Partner::*member) {
    Partner& partner = p.partner(id);
    check_optional(field, value, rule);
    partner.*member = std::move(value);
}

}  // namespace

void set_partner_region(Proposal& p, std::string_view id, std::optional<std::string> region) {
    set_partner_text(p, id, "region", std::move(region), field::region, &Partner::region);
}

void set_partner_org_type(Proposal& p, std::string_view id, std::optional<std::string> org_type) {
    set_partner_text(p, id, "org_type", std::move(org_type), field::org_type, &Partner::org_type);
}

void set_partner_legal_status(Proposal& p, std::string_view id, std::optional<LegalStatus> status) {
    p.partner(id).legal_status = status;
}

void set_partner_organisation_number(Proposal& p, std::string_view id, std::optional<std::string> number) {
    set_partner_text(p, id, "organisation_number", std::move(number), field::organisation_number, &Partner::organisation_number);
}

void set_partner_address(Proposal& p, std::string_view id, std::optional<std::string> address) {
    set_partner_text(p, id, "address", std::move(address), field::address, &Partner::address);
}

void set_partner_contact_person(Proposal& p, std::string_view id, std::optional<std::string> contact) {
    set_partner_text(p, id, "contact_person", std::move(contact), field::contact_person, &Partner::contact_person);
}

void set_partner_role(Proposal& p, std::string_view id, Role role) { p.partner(id).role = role; }

void set_norwegian_project_owner(Proposal& p, std::string_view id, bool owner) {
    p.partner(id).norwegian_project_owner = owner;
}

void set_partner_economic_activity(Proposal& p, std::string_view id, std::optional<bool> value) {
    p.partner(id).economic_activity = value;
}

void set_partner_state_aid(Proposal& p, std::string_view id, std::optional<StateAid> aid) {
    Partner& partner = p.partner(id);
    if (aid) check_state_aid(*aid);
    partner.state_aid = aid;
}

std::vector<std::string> partner_references(const Proposal& p, std::string_view id) {
    std::vector<std::string> out;
    for (const auto& wp : p.work_plan.work_packages) {
        if (wp.lead == id) out.push_back("lead of work package " + std::to_string(wp.number));
        for (const auto& a : wp.activities) {
            if (std::find(a.partners.begin(), a.partners.end(), id) != a.partners.end()) {
                out.push_back("partner in activity " + a.id);
            }
        }
    }
    return out;
}

void remove_partner(Proposal& p, std::string_view id_or_name, bool cascade) {
    const std::size_t index = p.partner_index(id_or_name);
    const std::string id = p.partners[index].id;
    const auto references = partner_references(p, id);
    if (!references.empty() && !cascade) {
        throw ArgumentError("", "the work plan names " + id + " (" + p.partners[index].name + ") as " +
                                    text::join_choices(references, " and ") +
                                    "; change those first, or remove it with cascade=True to take it out of them too");
    }
    for (auto& wp : p.work_plan.work_packages) {
        if (wp.lead == id) wp.lead.reset();
        for (auto& a : wp.activities) a.partners.erase(std::remove(a.partners.begin(), a.partners.end(), id), a.partners.end());
    }
    p.partners.erase(p.partners.begin() + static_cast<std::ptrdiff_t>(index));
}

}  // namespace interreg
