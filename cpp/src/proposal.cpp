#include "interreg/proposal.hpp"

#include <algorithm>
#include <utility>

#include "interreg/choices.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

const std::vector<std::string>& role_names() {
    static const std::vector<std::string> names = {"lead", "partner", "associated"};
    return names;
}

const std::vector<std::string>& legal_status_names() {
    static const std::vector<std::string> names = {"public", "private", "other"};
    return names;
}

const std::vector<std::string>& language_codes() {
    static const std::vector<std::string> codes = {"en", "sv", "da", "no"};
    return codes;
}

const std::vector<std::string>& narrative_sections() {
    static const std::vector<std::string> sections = {"relevance",  "target_groups", "cross_border_value",
                                                      "management", "communication", "durability"};
    return sections;
}

const std::vector<std::string>& state_aid_scheme_names() {
    static const std::vector<std::string> names = {"none", "de-minimis", "gber-20a", "gber-other"};
    return names;
}

std::string_view to_string(Role r) { return role_names()[static_cast<std::size_t>(r)]; }
std::string_view to_string(LegalStatus s) { return legal_status_names()[static_cast<std::size_t>(s)]; }
Role parse_role(std::string_view s) { return parse_choice<Role>(s, role_names(), "role"); }
LegalStatus parse_legal_status(std::string_view s) {
    return parse_choice<LegalStatus>(s, legal_status_names(), "legal status");
}

std::string_view to_string(StateAidScheme s) { return state_aid_scheme_names()[static_cast<std::size_t>(s)]; }
StateAidScheme parse_state_aid_scheme(std::string_view s) {
    return parse_choice<StateAidScheme>(s, state_aid_scheme_names(), "state-aid scheme");
}

const Partner* Proposal::find_partner(std::string_view id_or_name) const {
    for (const auto& p : partners) {
        if (p.id == id_or_name) return &p;
    }
    const auto key = text::organisation_key(id_or_name);
    for (const auto& p : partners) {
        if (!key.empty() && text::organisation_key(p.name) == key) return &p;
    }
    return nullptr;
}

const Partner& Proposal::partner(std::string_view id_or_name) const {
    if (const Partner* p = find_partner(id_or_name)) return *p;
    std::vector<std::string> known;
    for (const auto& p : partners) known.push_back(p.id + " (" + p.name + ")");
    throw NotFoundError("no partner '" + std::string(id_or_name) + "'" +
                        (known.empty() ? std::string("; the proposal has no partners yet")
                                       : "; partners: " + text::join_choices(known, ", ")));
}

Partner& Proposal::partner(std::string_view id_or_name) {
    return const_cast<Partner&>(std::as_const(*this).partner(id_or_name));
}

std::size_t Proposal::partner_index(std::string_view id_or_name) const {
    return static_cast<std::size_t>(&partner(id_or_name) - partners.data());
}

std::optional<Date> Proposal::end() const {
    if (!start || !duration_months) return std::nullopt;
    return start->add_months(*duration_months);
}

}  // namespace interreg
