#pragma once
// A programme: area, priorities, objectives, funds, calls and the rules it switches on,
// read from a programme document (docs/programme-format.md). Immutable once loaded.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/budget.hpp"
#include "interreg/date.hpp"
#include "interreg/json_document.hpp"
#include "interreg/money.hpp"
#include "interreg/organisation_number.hpp"
#include "interreg/report.hpp"
#include "interreg/vocabulary.hpp"

namespace interreg {

class ObjectiveIndex;  // alignment.hpp

// Language code ("en", "sv", "da", "no", "local") → text.
using TextMap = std::map<std::string, std::string>;

// Where a fact comes from and whether the programme confirms it.
struct Citation {
    std::string key;    // key in the document's `sources`
    std::string title;
    std::string url;
    bool assumed = false;
    std::string note;   // why it is assumed, when it is
    std::string text() const;  // "title — url"
};

struct Country {
    std::string code;
    TextMap name;
    Citation source;
    // The national organisation number partners of this country give, and where its check
    // digit is defined; none: numbers are kept as given.
    std::optional<OrgNumberScheme> org_number;
    Citation org_number_source;
};

struct Region {
    std::string code;     // unique; NUTS 2021 where one exists
    std::string country;
    std::string nuts;
    int level = 3;
    std::string name;     // local official name
    std::string name_en;
    std::vector<std::string> aliases;
    std::optional<std::string> parent;
    bool in_area = false;
    std::optional<Date> valid_from;
    std::optional<Date> valid_to;  // first day it no longer exists
    std::vector<std::string> successors;
    Citation source;
};

struct SubGeography {
    std::string id;
    TextMap name;
    std::vector<std::string> regions;
    Citation source;
};

struct Priority {
    std::string id;
    std::string policy_objective;
    TextMap title;
    Citation source;
};

struct SpecificObjective {
    std::string code;
    std::string priority;
    TextMap title;
    Citation source;
    // Language code → keywords (words or short phrases) that describe the objective, for
    // objective alignment (docs/alignment.md). Optional; the library's own words, not programme text.
    std::map<std::string, std::vector<std::string>> keywords;
    // The indicators a project under this objective chooses from (normalised codes).
    std::vector<std::string> indicators;
    Citation indicators_source;
};

enum class IndicatorKind { output, result };

// A programme indicator: a common output (RCO) or result (RCR) indicator, or one of the
// programme's own.
struct Indicator {
    std::string code;  // normalised: "RCO84", never "RCO084"
    IndicatorKind kind = IndicatorKind::output;
    TextMap name;
    std::string unit;
    std::optional<std::string> result;  // an output's usual result indicator
    bool jointly = false;  // counts only what organisations of two or more countries do together
    std::string note;
    Citation source;  // the catalogue's
};

// The programme's indicators and where their facts come from.
struct IndicatorCatalogue {
    std::vector<Indicator> indicators;
    Citation source;          // codes, names and units
    Citation pairing_source;  // output → result pairings
    Citation jointly_source;  // which indicators count only joint work
};

struct Fund {
    std::string id;
    TextMap name;
    std::vector<std::string> countries;  // the fund of partners in these countries
    Rate max_rate;
    bool exclusive = false;              // only partners in `countries` may receive it
    Citation source;
};

struct ProjectKind {
    std::string id;
    TextMap name;
    int max_duration_months = 0;
    std::map<std::string, Money> fund_caps;
    // Fund → the most the partners it finances may budget in total (ÖKS pre-projects: an EU
    // budget of EUR 100,000 and a Norwegian budget of EUR 60,000).
    std::map<std::string, Money> budget_caps;
    Citation source;
    // The whole project's limits where the kind states them (North Sea small-scale projects:
    // three to seven partners, at most EUR 500,000 in total); checked by project.kind-limits.
    std::optional<int> min_partners, max_partners;  // partners that are not associated
    std::optional<Money> total_budget_cap;          // all partners and funds, in EUR
};

struct Call {
    std::string id;
    std::string kind;
    Date opens;
    std::optional<Date> closes;  // none: open continuously
    std::vector<std::string> open_objectives;
    std::map<std::string, Money> fund_caps;
    Citation source;
    Citation caps_source;  // where fund_caps are stated: the call's page unless the document says otherwise
};

struct OrgType {
    std::string id;
    TextMap name;
    bool eligible = true;
    Citation source;
    // Whether organisations of this type carry out an economic activity unless a partner says
    // otherwise (State aid); absent: it depends on the organisation.
    std::optional<bool> economic_activity;
    Citation economic_activity_source;
};

// Other spellings of an entry of one of the programme's lists (docs/programme-format.md#aliases),
// such as the harmonised partner types of the Interreg monitoring systems for an organisation type.
struct Alias {
    std::string list;  // "org_types", "funds" or "countries"
    std::string id;    // the entry they name
    std::vector<std::string> names;
    Citation source;
};

// What the programme calls one of the cost categories (budget.hpp) in its languages.
struct CostCategory {
    std::string id;  // one of category_names()
    TextMap name;
    Citation source;
};

struct FlatRateOption {
    std::string id;  // one of flat_rate_names()
    Rate max_rate;
    Citation source;
};

struct LumpSum {
    std::string id;
    TextMap name;
    Money amount;
    Citation source;
};

struct UnitCost {
    std::string id;
    TextMap name;
    Category category = Category::staff;
    std::string unit_type;
    Money price;
    Citation source;
};

struct FixedExchangeRate {
    std::string currency;
    ExchangeRateEntry rate;
    Citation source;
};

// The range a currency's rate is expected within: Denmark's ERM II band, or a plausibility
// band around a reference rate. A rate outside it is unusual, not wrong.
struct RateBand {
    ExchangeRate centre;
    Rate width;  // either side of the centre
    Citation source;
};

// A published rate to judge a proposal's own rates by (the ECB's reference rates).
struct ReferenceRate {
    std::string currency;
    ExchangeRate rate;  // 1 EUR = rate × currency
    Date date;
    std::optional<RateBand> band;
    Citation source;
};

// How budgets are planned in the programme.
struct BudgetSettings {
    int period_months = 6;  // length of a reporting period
    Citation period_source;
    std::vector<FlatRateOption> flat_rates;  // the options partners may choose, with their maximum
    std::vector<FixedExchangeRate> exchange_rates;  // rates the programme fixes (a proposal may give its own)
    std::vector<ReferenceRate> reference_rates;     // to judge the proposal's own rates by
    std::vector<LumpSum> lump_sums;
    std::vector<UnitCost> unit_costs;
    std::vector<CostCategory> categories;  // names of the cost categories; may be empty
};

class RuleContext;

struct RuleConfig {
    std::string id;
    nlohmann::json params;
    Severity severity = Severity::error;
    Citation source;
    void (*check)(RuleContext&) = nullptr;  // the catalogue's check, found once when the programme is read
};

class Programme {
public:
    // Throws ProgrammeError naming the JSON path of the first problem.
    static std::shared_ptr<const Programme> from_json(const nlohmann::json& doc);
    static std::shared_ptr<const Programme> from_json(JsonValue doc);
    static std::shared_ptr<const Programme> load(const std::string& path);

    const std::string& id() const { return id_; }
    const TextMap& name() const { return name_; }
    // The programming period, e.g. "2021-2027"; empty when the document does not give one.
    const std::string& period() const { return period_; }
    const std::vector<Country>& countries() const { return countries_; }
    const std::vector<Region>& regions() const { return regions_; }
    const std::vector<SubGeography>& sub_geographies() const { return sub_geographies_; }
    const std::vector<Priority>& priorities() const { return priorities_; }
    const std::vector<SpecificObjective>& specific_objectives() const { return objectives_; }
    const std::vector<Fund>& funds() const { return funds_; }
    const std::vector<ProjectKind>& project_kinds() const { return kinds_; }
    const std::vector<Call>& calls() const { return calls_; }
    const std::vector<OrgType>& org_types() const { return org_types_; }
    const std::vector<Alias>& aliases() const { return aliases_; }
    const std::vector<RuleConfig>& rules() const { return rules_; }
    const BudgetSettings& budget() const { return budget_; }
    const IndicatorCatalogue& indicator_catalogue() const { return indicators_; }
    const std::vector<Indicator>& indicators() const { return indicators_.indicators; }
    // By code in any spelling ("rco084" finds RCO84); nullptr when unknown.
    const Indicator* indicator(std::string_view code) const;
    // The specific objectives' profiles for objective alignment, built once at load.
    const ObjectiveIndex& objective_index() const { return *objective_index_; }
    const FlatRateOption* flat_rate_option(std::string_view id) const;
    const LumpSum* lump_sum(std::string_view id) const;
    const UnitCost* unit_cost(std::string_view id) const;
    // A cost category by id or by its name in any of the programme's languages
    // ("Personalkostnader"); nullptr when the programme does not name it so.
    const CostCategory* cost_category(std::string_view name) const;
    const ReferenceRate* reference_rate(std::string_view currency) const;

    // Region by code, NUTS code, name or alias (case, diacritics and words like "län",
    // "Region", "fylkeskommune" ignored). nullptr when nothing matches.
    const Region* find_region(std::string_view name) const;
    // Like find_region, but throws NotFoundError listing the nearest names.
    const Region& region(std::string_view name) const;
    // Display names of regions nearest to `query`, optionally only of one country.
    std::vector<std::string> nearest_regions(std::string_view query, std::size_t n,
                                             std::string_view country = {}) const;
    bool has_regions_for(std::string_view country) const;
    // A few of a country's regions, "Name (CODE), ...", for a message that asks for one; nullptr
    // when the programme lists none for the country.
    const std::string* region_examples(std::string_view country) const;
    // In the programme area itself, or through its parent (a NUTS 3 unit of an area region).
    bool in_area(const Region& region) const;
    bool in_sub_geography(const Region& region, const SubGeography& geography) const;

    const Country* country(std::string_view code) const;  // by ISO code
    const SpecificObjective* objective(std::string_view code) const;  // case-insensitive
    const Priority* priority(std::string_view id) const;
    // Funds and organisation types by id in any case and with '_', '-' or spaces, by name in
    // any of the programme's languages or by an alias (vocabulary.hpp); nullptr when unknown.
    const Fund* fund(std::string_view name) const;
    const Fund* fund_for_country(std::string_view country) const;
    const ProjectKind* project_kind(std::string_view id) const;
    const SubGeography* sub_geography(std::string_view id) const;
    const Call* call(std::string_view id) const;
    const OrgType* org_type(std::string_view name) const;
    // The alias through which `name` names an organisation type; nullptr when it is an id or
    // a name (the rules say when a verdict rests on an assumed alias).
    const Alias* org_type_alias(std::string_view name) const;
    // A programme country's code by code or name in any language ("Sverige" → "SE").
    const Country* find_country(std::string_view name) const;

    // The same lookups for API arguments: throw ArgumentError listing the valid choices.
    const ProjectKind& require_project_kind(std::string_view id) const;
    const SubGeography& require_sub_geography(std::string_view id) const;

    // Rows of one table ("regions", "specific_objectives", ...) for data frames and the CLI.
    nlohmann::ordered_json table(std::string_view name) const;
    static const std::vector<std::string>& table_names();

private:
    friend class ProgrammeReader;  // programme_json.cpp
    Programme() = default;
    void index_regions();
    void index_vocabularies();

    std::string id_;
    TextMap name_;
    std::string period_;
    std::vector<Country> countries_;
    std::vector<Region> regions_;
    std::vector<SubGeography> sub_geographies_;
    std::vector<Priority> priorities_;
    std::vector<SpecificObjective> objectives_;
    std::vector<Fund> funds_;
    std::vector<ProjectKind> kinds_;
    std::vector<Call> calls_;
    std::vector<OrgType> org_types_;
    std::vector<Alias> aliases_;
    std::vector<RuleConfig> rules_;
    BudgetSettings budget_;
    IndicatorCatalogue indicators_;
    std::shared_ptr<const ObjectiveIndex> objective_index_;
    std::unordered_map<std::string, std::size_t> region_index_;  // region_key → position
    // Every alias, name and code of each region folded once, with its position: what
    // nearest_regions ranks (a missing region's finding suggests some on every check).
    std::vector<std::pair<std::string, std::size_t>> region_names_;
    std::map<std::string, std::string, std::less<>> region_examples_;  // country → examples
    Vocabulary org_type_names_, fund_names_, country_names_, category_names_;
};

// The ids of a list of records, for error messages ("valid: a, b or c").
template <class T, class Key>
std::vector<std::string> ids_of(const std::vector<T>& items, Key key) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.*key);
    return out;
}

}  // namespace interreg
