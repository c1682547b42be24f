#pragma once
// A proposal: the metadata and the partners of one application (docs/proposal-format.md).
// The model stores what the user gives; validation judges it. Only values that make no
// sense as data at all (an unknown country code or role, a negative duration) are refused:
// every change goes through the checked operations of edit.hpp.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/budget.hpp"
#include "interreg/date.hpp"
#include "interreg/fields.hpp"
#include "interreg/workplan.hpp"

namespace interreg {

using TextMap = std::map<std::string, std::string>;

enum class Role { lead, partner, associated };
enum class LegalStatus { public_body, private_body, other };

std::string_view to_string(Role r);
std::string_view to_string(LegalStatus s);
Role parse_role(std::string_view s);                 // throws ArgumentError with the choices
LegalStatus parse_legal_status(std::string_view s);  // throws ArgumentError with the choices
const std::vector<std::string>& role_names();
const std::vector<std::string>& legal_status_names();
const std::vector<std::string>& language_codes();    // en, sv, da, no
// The application form's text sections besides title and summary, in the form's order:
// relevance, target_groups, cross_border_value, management, communication, durability.
const std::vector<std::string>& narrative_sections();

// The State-aid scheme a partner's aid falls under, recorded after screening its activities
// (docs/rules.md#state-aid): no aid, de minimis (Reg. (EU) 2023/2831), GBER Art. 20a or another
// GBER article (Reg. (EU) No 651/2014).
enum class StateAidScheme { none, de_minimis, gber_20a, gber_other };
std::string_view to_string(StateAidScheme s);                // "none", "de-minimis", "gber-20a", "gber-other"
StateAidScheme parse_state_aid_scheme(std::string_view s);  // throws ArgumentError with the choices
const std::vector<std::string>& state_aid_scheme_names();

struct StateAid {
    StateAidScheme scheme = StateAidScheme::none;
    // De minimis aid (EUR) the undertaking received in the last three years; absent: none.
    std::optional<Money> previous_de_minimis;
};

// Limits of the format (docs/limits.md; text limits in fields.hpp); beyond them a document is malformed.
inline constexpr int max_duration_months = 120;
inline constexpr std::size_t max_partners = 200;
inline constexpr std::size_t max_sources = 1000;   // contribution sources per partner
inline constexpr std::int64_t max_line_cents = 1'000'000'000'000;  // EUR 10,000,000,000.00 a line: beyond is absurd

struct Partner {
    std::string id;  // "PP1"; assigned when empty
    std::string name;
    std::string country;  // ISO 3166-1 alpha-2
    std::optional<std::string> region;
    std::optional<std::string> org_type;
    std::optional<LegalStatus> legal_status;
    Role role = Role::partner;
    bool norwegian_project_owner = false;
    // As the application form asks for them; kept as given. partner.organisation-number checks
    // the number against its country's scheme (organisation_number.hpp).
    std::optional<std::string> organisation_number;  // "556036-0793", "DK 29189714", "974 760 673"
    std::optional<std::string> address;              // postal address, one line
    std::optional<std::string> contact_person;       // name, and e-mail or phone, one line
    std::optional<bool> economic_activity;  // absent: the default of its organisation type (state_aid.hpp)
    std::optional<StateAid> state_aid;      // absent: not screened yet
    PartnerBudget budget;
    Cofinancing cofinancing;
};

struct Proposal {
    std::string programme;  // the id of the programme it is for, set by whoever creates it
    std::optional<std::string> call;
    std::string kind;  // a project kind of the programme, set by whoever creates the proposal
    std::string acronym;
    TextMap title;
    TextMap summary;
    std::map<std::string, TextMap> narrative;  // section (narrative_sections) → texts; no empty entries
    std::string specific_objective;
    std::string geography = "whole";
    std::optional<Date> start;
    std::optional<int> duration_months;
    std::vector<Partner> partners;
    std::map<std::string, ExchangeRateEntry> exchange_rates;  // currency → rate the applicant uses
    WorkPlan work_plan;

    // By id ("PP2"), or by name compared as organisations are (case, diacritics, legal form).
    const Partner* find_partner(std::string_view id_or_name) const;
    const Partner& partner(std::string_view id_or_name) const;  // NotFoundError lists the ids
    Partner& partner(std::string_view id_or_name);
    std::size_t partner_index(std::string_view id_or_name) const;  // NotFoundError

    std::optional<Date> end() const;  // start + duration, the first day after the project
};

}  // namespace interreg
