#pragma once
// Every change to a proposal, as checked operations. The JSON reader builds a proposal with
// them too, so whatever an edit accepts saves and loads again, and the two refuse the same
// values with the same message (fields.hpp). Each operation either applies completely or
// throws — ArgumentError naming the field, NotFoundError for an id that is not there — and
// leaves the proposal as it was; each touches only what it changes.
//
// What only the programme can judge (a region, an organisation type, a fund, an objective) is
// stored as given and judged by validation; Draft (draft.hpp) resolves vocabularies to their
// ids before it calls these.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/errors.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

// ---- the proposal's own fields ---------------------------------------------------------

void set_programme_id(Proposal& p, std::string id);
void set_call(Proposal& p, std::optional<std::string> call);
void set_kind(Proposal& p, std::string kind);
void set_acronym(Proposal& p, std::string acronym);
void set_title(Proposal& p, TextMap title);
void set_summary(Proposal& p, TextMap summary);
// One of narrative_sections() (else ArgumentError with the choices); no texts clears it.
void set_narrative(Proposal& p, std::string_view section, TextMap texts);
void set_specific_objective(Proposal& p, std::string code);
void set_geography(Proposal& p, std::string geography);
void set_start(Proposal& p, std::optional<Date> start);
void set_duration(Proposal& p, std::optional<std::int64_t> months);

// "YYYY-MM-DD" → Date; ArgumentError(field, ...) otherwise.
Date parse_date(std::string_view field, std::string_view text);

// ---- partners --------------------------------------------------------------------------

// Checks every field of a partner, its budget lines and its co-financing.
void check_partner(const Partner& partner);
// Adds a checked partner; one without an id gets the next free "PPn" (never reusing a removed
// one's number). Returns the stored partner.
const Partner& add_partner(Proposal& p, Partner partner);

void set_partner_name(Proposal& p, std::string_view id, std::string name);
void set_partner_country(Proposal& p, std::string_view id, std::string country);  // ISO 3166-1 alpha-2
void set_partner_region(Proposal& p, std::string_view id, std::optional<std::string> region);
void set_partner_org_type(Proposal& p, std::string_view id, std::optional<std::string> org_type);
void set_partner_legal_status(Proposal& p, std::string_view id, std::optional<LegalStatus> status);
// Kept as given (validation checks the number's check digit); none clears.
void set_partner_organisation_number(Proposal& p, std::string_view id, std::optional<std::string> number);
void set_partner_address(Proposal& p, std::string_view id, std::optional<std::string> address);
void set_partner_contact_person(Proposal& p, std::string_view id, std::optional<std::string> contact);
void set_partner_role(Proposal& p, std::string_view id, Role role);
void set_norwegian_project_owner(Proposal& p, std::string_view id, bool owner);
// Whether the partner carries out an economic activity; none: its organisation type's default.
void set_partner_economic_activity(Proposal& p, std::string_view id, std::optional<bool> value);
// The State-aid scheme the partner recorded, or none (not screened yet). ArgumentError when the
// previous de minimis aid is negative or beyond the format's limit.
void set_partner_state_aid(Proposal& p, std::string_view id, std::optional<StateAid> aid);

// Where the work plan names a partner: "lead of work package 2", "partner in activity A1.2".
std::vector<std::string> partner_references(const Proposal& p, std::string_view id);
// Removes a partner. When the work plan names it, ArgumentError lists where, unless `cascade`:
// then the work packages it leads lose their lead and its activities lose it as a partner.
void remove_partner(Proposal& p, std::string_view id, bool cascade = false);

// ---- budgets and co-financing ----------------------------------------------------------

// A line as the document holds it (ArgumentError naming what is wrong).
void check_line(const BudgetLine& line);
// A line must fit the partner's flat rates: a flat-rated category takes no lines, 40 % leaves
// only staff and lump sums (CPR Arts. 54-56). ArgumentError with the conflict otherwise.
void add_line(Proposal& p, std::string_view partner, BudgetLine line);
void replace_line(Proposal& p, std::string_view partner, std::size_t index, BudgetLine line);
// What keeps `lines` from becoming the partner's lines, each as add_line would refuse it (the
// field names the line: "lines/3/category"); empty when they may. A budget read from a
// spreadsheet is checked whole with it before anything changes.
std::vector<ArgumentError> line_problems(const Proposal& p, std::string_view partner, const std::vector<BudgetLine>& lines);
// Replaces the lines of each partner named, all or nothing: ArgumentError with the first of
// line_problems, NotFoundError for an unknown partner, and the proposal as it was.
void replace_lines(Proposal& p, std::vector<std::pair<std::string, std::vector<BudgetLine>>> budgets);
void set_line_periods(Proposal& p, std::string_view partner, std::size_t index, std::optional<std::vector<Money>> periods);
void remove_line(Proposal& p, std::string_view partner, std::size_t index);
// Writes an even spread of a line's amount (at the price charged) over the reporting periods:
// equal cents, the last period takes the rest. Returns the amounts.
std::vector<Money> spread_line_evenly(Proposal& p, const Programme& programme, std::string_view partner, std::size_t index);
void set_flat_rates(Proposal& p, std::string_view partner, FlatRates rates);

void set_fund(Proposal& p, std::string_view partner, std::optional<std::string> fund);
void set_cofinancing_rate(Proposal& p, std::string_view partner, std::optional<Rate> rate);
void add_source(Proposal& p, std::string_view partner, ContributionSource source);
void remove_source(Proposal& p, std::string_view partner, std::size_t index);

// The rate for DKK, SEK or NOK amounts ("1 EUR = rate × currency").
void set_exchange_rate(Proposal& p, std::string currency, ExchangeRateEntry rate);
void remove_exchange_rate(Proposal& p, std::string_view currency);

// ---- the work plan ---------------------------------------------------------------------

void set_overall_objective(Proposal& p, std::string text);
// A criterion's text (cooperation_criteria()), or none.
void set_cooperation(Proposal& p, std::string_view criterion, std::optional<std::string> text);
// A horizontal principle's effect and text (horizontal_principles()), or none.
void set_principle(Proposal& p, std::string_view principle, std::optional<Principle> value);

// The items of a work plan the API adds, changes and removes.
enum class ItemKind { objective, work_package, activity, output, result };
std::string_view to_string(ItemKind kind);     // "objective", "work_package", ...
ItemKind parse_item_kind(std::string_view s);  // ArgumentError listing the kinds

// How a caller names an item: an objective id ("O1"), a work package number, an activity id
// ("A1.2"), or an output's or result's indicator code ("RCO84", any spelling).
struct ItemKey {
    std::optional<int> number;  // a work package
    std::string id;             // anything else
};

// The item `key` names: NotFoundError listing what there is, ArgumentError when it could be
// two items (an objective and an activity with the same id).
ItemKind find_item(const WorkPlan& w, const ItemKey& key);

// Adds an item read from `fields` exactly as the document's reader reads one (unknown keys,
// wrong types and values beyond the limits are ArgumentErrors naming the field). An objective
// or activity without "id" gets the next free one ("O1", "A<wp>.1"), a work package without
// "number" the next number; an activity goes into the work package `work_package`. Returns
// the key of the new item.
ItemKey add_item(Proposal& p, ItemKind kind, const nlohmann::json& fields, std::optional<int> work_package = {});

// Changes the fields of an item: its document form with `fields` laid over it, read again by
// the document's reader. Renaming an item (its id or number) renames every reference to it;
// an activity's "work_package" moves it to that work package.
void update_item(Proposal& p, const ItemKey& key, const nlohmann::json& fields);

// Where the work plan refers to an item: "predecessor of A1.2", "work package of output RCO84".
std::vector<std::string> item_references(const WorkPlan& w, const ItemKey& key);
// Removes an item (a work package with its activities). When others refer to it, ArgumentError
// lists them, unless `cascade`: then those references go with it (a predecessor is dropped from
// the lists, an objective or work package reference is cleared).
void remove_item(Proposal& p, const ItemKey& key, bool cascade = false);

// ---- values as a user names them -----------------------------------------------------
// The API names values of fixed lists as people write them; these resolve them against the
// programme to what the document stores (ArgumentError listing the choices, nearest first).

Role role_named(const Programme& programme, std::string_view name);
LegalStatus legal_status_named(const Programme& programme, std::string_view name);
Category category_named(const Programme& programme, std::string_view name);
std::string country_named(const Programme& programme, std::string_view name);  // "se" → "SE"
// The programme's project kind and sub-geography ids.
std::string kind_named(const Programme& programme, std::string_view name);
std::string geography_named(const Programme& programme, std::string_view name);
Effect effect_named(std::string_view name);    // positive, neutral, negative
Funding funding_named(std::string_view name);  // public, private
// What the programme judges (organisation types, funds) is stored as its id when the programme
// knows the name, and as given otherwise (validation reports it then). Regions are stored as
// given: their own matching (Programme::find_region) serves every rule and table.
std::string org_type_named(const Programme& programme, std::string name);
std::string fund_named(const Programme& programme, std::string name);

}  // namespace interreg
