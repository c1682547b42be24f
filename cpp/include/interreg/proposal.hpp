#pragma once
// A proposal: the metadata and the partners of one application (docs/proposal-format.md).
// The model stores what the user gives; validation judges it. Only values that make no
// sense as data at all (an unknown country code or role, a negative duration) are refused.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/budget.hpp"
#include "interreg/date.hpp"
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

// Limits of the format (docs/limits.md); beyond them a document is malformed.
inline constexpr int max_duration_months = 120;
inline constexpr std::size_t max_partners = 200;
inline constexpr std::size_t max_name_length = 500;
inline constexpr std::size_t max_text_length = 100000;
inline constexpr std::size_t max_sources = 1000;   // contribution sources per partner
inline constexpr std::size_t max_id_length = 50;   // fund, unit cost and lump sum ids
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
    PartnerBudget budget;
    Cofinancing cofinancing;

    // Throws ArgumentError when a field cannot be stored (empty name, unknown country code,
    // a budget line beyond the limits).
    void check() const;
};

struct Proposal {
    std::string programme = "oks-2021-2027";
    std::optional<std::string> call;
    std::string kind = "main";
    std::string acronym;
    TextMap title;
    TextMap summary;
    std::string specific_objective;
    std::string geography = "whole";
    std::optional<Date> start;
    std::optional<int> duration_months;
    std::vector<Partner> partners;
    std::map<std::string, ExchangeRateEntry> exchange_rates;  // currency → rate the applicant uses
    WorkPlan work_plan;

    // Adds a partner (checked; gets the next free id "PPn" when it has none) and returns it.
    const Partner& add_partner(Partner partner);
    // By id ("PP2"), or by name compared as organisations are (case, diacritics, legal form).
    const Partner* find_partner(std::string_view id_or_name) const;
    const Partner& partner(std::string_view id_or_name) const;  // NotFoundError lists the ids
    std::size_t partner_index(std::string_view id_or_name) const;  // NotFoundError
    // Replace the partner with the same id (checked).
    void update_partner(const Partner& partner);
    void remove_partner(std::string_view id);

    std::optional<Date> end() const;  // start + duration, the first day after the project
};

void check_duration(int months);  // ArgumentError outside 1..max_duration_months
void check_line(const BudgetLine& line);  // ArgumentError when a line cannot be stored
void check_text_map(const TextMap& texts, std::string_view field);  // ArgumentError

}  // namespace interreg
