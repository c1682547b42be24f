#include "interreg/programme.hpp"

#include <algorithm>
#include <set>

#include "interreg/alignment.hpp"
#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/proposal.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg {

std::string Citation::text() const { return url.empty() ? title : title + " — " + url; }

void Programme::index_regions() {
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        const auto& g = regions_[i];
        for (const auto& a : g.aliases) region_names_.emplace_back(text::fold(a), i);
        for (const auto* name : {&g.name, &g.name_en, &g.code}) region_names_.emplace_back(text::fold(*name), i);
        std::vector<std::string> names = g.aliases;
        names.insert(names.end(), {g.code, g.name, g.name_en});
        if (g.nuts != g.code && !g.valid_from) names.push_back(g.nuts);  // a 2024 county does not own its parent's code
        for (const auto& n : names) {
            const auto key = text::region_key(n);
            if (key.empty()) throw ProgrammeError("/regions/" + std::to_string(i), "name '" + n + "' is empty once folded");
            auto [it, inserted] = region_index_.emplace(key, i);
            if (!inserted && it->second != i) {
                throw ProgrammeError("/regions/" + std::to_string(i), "name '" + n + "' also names region '" +
                                                                          regions_[it->second].code + "'");
            }
        }
    }
    // Computed once: every draft without a region shows them.
    for (const auto& g : regions_) {
        if (!region_examples_.count(g.country)) region_examples_[g.country] = text::join_choices(nearest_regions("", 3, g.country), ", ");
    }
}

namespace {
// Index the ids and names of a list's records, in every language.
template <class T>
void add_names(Vocabulary& vocabulary, const std::vector<T>& items, std::string T::*id, TextMap T::*name,
               const std::string& list) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& key = items[i].*id;
        std::vector<std::string> spellings = {key};
        for (const auto& [lang, text] : items[i].*name) spellings.push_back(text);
        for (const auto& s : spellings) {
            if (const std::string* other = vocabulary.add(s, {key, std::nullopt})) {
                throw ProgrammeError("/" + list + "/" + std::to_string(i),
                                     "'" + s + "' also names '" + *other + "'; names must tell the entries apart");
            }
        }
    }
}
}  // namespace

void Programme::index_vocabularies() {
    add_names(org_type_names_, org_types_, &OrgType::id, &OrgType::name, "org_types");
    add_names(fund_names_, funds_, &Fund::id, &Fund::name, "funds");
    add_names(country_names_, countries_, &Country::code, &Country::name, "countries");
    add_names(category_names_, budget_.categories, &CostCategory::id, &CostCategory::name, "budget/categories");
    for (std::size_t i = 0; i < aliases_.size(); ++i) {
        const Alias& a = aliases_[i];
        Vocabulary& v = a.list == "org_types" ? org_type_names_ : a.list == "funds" ? fund_names_ : country_names_;
        for (const auto& name : a.names) {
            if (const std::string* other = v.add(name, {a.id, i})) {
                throw ProgrammeError("/aliases/" + std::to_string(i), "'" + name + "' already names '" + *other + "'");
            }
        }
    }
}

const Region* Programme::find_region(std::string_view name) const {
    auto it = region_index_.find(text::region_key(name));
    return it == region_index_.end() ? nullptr : &regions_[it->second];
}

const Region& Programme::region(std::string_view name) const {
    if (const Region* g = find_region(name)) return *g;
    throw NotFoundError("unknown region '" + std::string(name) + "'; nearest: " +
                        text::join_choices(nearest_regions(name, 5), ", "));
}

std::vector<std::string> Programme::nearest_regions(std::string_view query, std::size_t n, std::string_view country) const {
    // Rank every name and alias, report each region once under its display name.
    std::vector<std::string_view> names;
    std::vector<std::size_t> owner;
    for (const auto& [folded, i] : region_names_) {
        if (!country.empty() && regions_[i].country != country) continue;
        names.push_back(folded);
        owner.push_back(i);
    }
    std::vector<std::string> out;
    std::set<std::size_t> seen;
    for (std::size_t k : text::rank_nearest(text::region_key(query), names)) {
        if (out.size() == n) break;
        const Region& g = regions_[owner[k]];
        if (seen.insert(owner[k]).second) out.push_back(g.name + " (" + g.code + ")");
    }
    return out;
}

bool Programme::has_regions_for(std::string_view country) const { return region_examples_.count(country) > 0; }

const std::string* Programme::region_examples(std::string_view country) const {
    const auto it = region_examples_.find(country);
    return it == region_examples_.end() ? nullptr : &it->second;
}

bool Programme::in_area(const Region& region) const {
    if (region.in_area) return true;
    if (!region.parent) return false;
    const Region* parent = find_region(*region.parent);
    return parent && parent->in_area;
}

bool Programme::in_sub_geography(const Region& region, const SubGeography& geography) const {
    const auto& list = geography.regions;
    if (std::find(list.begin(), list.end(), region.code) != list.end()) return true;
    return region.parent && std::find(list.begin(), list.end(), *region.parent) != list.end();
}

namespace {
template <class T>
const T* find_by(const std::vector<T>& items, std::string T::*key, std::string_view value) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.*key == value; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const FlatRateOption* Programme::flat_rate_option(std::string_view id) const {
    return find_by(budget_.flat_rates, &FlatRateOption::id, id);
}
const LumpSum* Programme::lump_sum(std::string_view id) const { return find_by(budget_.lump_sums, &LumpSum::id, id); }
const UnitCost* Programme::unit_cost(std::string_view id) const { return find_by(budget_.unit_costs, &UnitCost::id, id); }
const ReferenceRate* Programme::reference_rate(std::string_view currency) const {
    return find_by(budget_.reference_rates, &ReferenceRate::currency, currency);
}
const Country* Programme::country(std::string_view code) const { return find_by(countries_, &Country::code, code); }
const Priority* Programme::priority(std::string_view id) const { return find_by(priorities_, &Priority::id, id); }
const Fund* Programme::fund(std::string_view name) const {
    const auto* e = fund_names_.find(name);
    return e ? find_by(funds_, &Fund::id, e->id) : nullptr;
}
const CostCategory* Programme::cost_category(std::string_view name) const {
    const auto* e = category_names_.find(name);
    return e ? find_by(budget_.categories, &CostCategory::id, e->id) : nullptr;
}
const ProjectKind* Programme::project_kind(std::string_view id) const { return find_by(kinds_, &ProjectKind::id, id); }
const SubGeography* Programme::sub_geography(std::string_view id) const { return find_by(sub_geographies_, &SubGeography::id, id); }
const Call* Programme::call(std::string_view id) const { return find_by(calls_, &Call::id, id); }
const OrgType* Programme::org_type(std::string_view name) const {
    const auto* e = org_type_names_.find(name);
    return e ? find_by(org_types_, &OrgType::id, e->id) : nullptr;
}

const Alias* Programme::org_type_alias(std::string_view name) const {
    const auto* e = org_type_names_.find(name);
    return e && e->alias ? &aliases_[*e->alias] : nullptr;
}

const Country* Programme::find_country(std::string_view name) const {
    const auto* e = country_names_.find(name);
    return e ? country(e->id) : nullptr;
}

const Indicator* Programme::indicator(std::string_view code) const {
    const std::string key = normalise_indicator(code);
    return find_by(indicators_.indicators, &Indicator::code, key);
}

const SpecificObjective* Programme::objective(std::string_view code) const {
    auto it = std::find_if(objectives_.begin(), objectives_.end(),
                           [&](const SpecificObjective& o) { return text::fold(o.code) == text::fold(code); });
    return it == objectives_.end() ? nullptr : &*it;
}

const Fund* Programme::fund_for_country(std::string_view country) const {
    for (const auto& f : funds_) {
        if (std::find(f.countries.begin(), f.countries.end(), country) != f.countries.end()) return &f;
    }
    return nullptr;
}

namespace {
template <class T>
const T& require_choice(const T* found, const std::vector<T>& items, std::string T::*key, std::string_view value,
                        const char* what) {
    if (found) return *found;
    const auto ids = ids_of(items, key);
    throw ArgumentError("unknown " + std::string(what) + " '" + std::string(value) + "'; choose one of (nearest first): " +
                        text::join_choices(text::nearest(value, ids, ids.size()), ", "));
}
}  // namespace

const ProjectKind& Programme::require_project_kind(std::string_view id) const {
    return require_choice(project_kind(id), kinds_, &ProjectKind::id, id, "project kind");
}

const SubGeography& Programme::require_sub_geography(std::string_view id) const {
    return require_choice(sub_geography(id), sub_geographies_, &SubGeography::id, id, "geography");
}

}  // namespace interreg
