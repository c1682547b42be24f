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

namespace {

constexpr DocumentKind kind = DocumentKind::programme;

struct Sources {
    std::map<std::string, Citation> by_key;

    // Every fact record ends with source/status/note: read them into a Citation.
    Citation cite(const JsonReader& record) const {
        const auto key_reader = record.at("source");
        const std::string key = key_reader.string();
        auto it = by_key.find(key);
        if (it == by_key.end()) key_reader.fail("unknown source '" + key + "'; define it under /sources");
        Citation c = it->second;
        c.assumed = record.at("status").choice({"confirmed", "assumed"}) == "assumed";
        if (auto note = record.find("note")) c.note = note->string();
        return c;
    }
};

TextMap read_text_map(const JsonReader& r) {
    r.expect_object({"en", "sv", "da", "no", "local"});
    TextMap out;
    for (const auto& [lang, value] : r.members()) out[lang] = value.nonempty_string();
    if (!out.count("en")) r.fail("missing required key 'en'");
    return out;
}

// Keyword lists of an objective: language → phrases, each with at least one searchable word
// and none repeated (after folding) within a language.
std::map<std::string, std::vector<std::string>> read_keywords(const JsonReader& r) {
    r.expect_object({"en", "sv", "da", "no", "local"});
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [lang, list] : r.members()) {
        std::set<std::string> seen;
        const auto items = list.items(1000);
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string keyword = items[i].nonempty_string(200);
            if (!seen.insert(text::fold(keyword)).second) items[i].fail("keyword '" + keyword + "' is listed twice");
            if (alignment::tokens(keyword).empty()) {
                items[i].fail("keyword '" + keyword + "' has no searchable word: only stop words or words every "
                              "proposal uses, such as 'project' (docs/alignment.md)");
            }
            out[lang].push_back(std::move(keyword));
        }
    }
    return out;
}

std::optional<Date> read_date(const std::optional<JsonReader>& r) {
    if (!r) return std::nullopt;
    auto d = Date::parse(r->string());
    if (!d) r->fail("expected a date as YYYY-MM-DD");
    return d;
}

Money read_amount(const JsonReader& r) {
    try {
        Money m = Money::parse(r.string());
        if (m.cents() < 0) r.fail("must not be negative");
        return m;
    } catch (const ArgumentError& e) {
        r.fail(e.what());
    }
}

Rate read_rate(const JsonReader& r) {
    try {
        return Rate::parse(r.string());
    } catch (const ArgumentError& e) {
        r.fail(e.what());
    }
}

ExchangeRate read_exchange_rate(const JsonReader& r) {
    try {
        return ExchangeRate::parse(r.string());
    } catch (const ArgumentError& e) {
        r.fail(e.what());
    }
}

// Fail unless every id is unique.
template <class T, class Key>
void require_unique(const std::vector<T>& items, Key key, const JsonReader& array) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!seen.insert(items[i].*key).second) {
            throw ProgrammeError(pointer_append(array.path(), i), "duplicate id '" + items[i].*key + "'");
        }
    }
}

template <class T>
bool has(const std::vector<T>& items, std::string T::*key, const std::string& value) {
    return std::any_of(items.begin(), items.end(), [&](const T& t) { return t.*key == value; });
}

BudgetSettings read_budget_settings(const JsonReader& r, const Sources& sources) {
    r.expect_object({"reporting_period", "flat_rates", "exchange_rates", "lump_sums", "unit_costs"});
    BudgetSettings b;
    const auto period = r.at("reporting_period");
    period.expect_object({"months", "source", "status", "note"});
    b.period_months = static_cast<int>(period.at("months").integer(1, 60));
    b.period_source = sources.cite(period);
    for (const auto& f : r.at("flat_rates").items()) {
        f.expect_object({"id", "max_rate", "source", "status", "note"});
        FlatRateOption o{f.at("id").choice(flat_rate_names()), read_rate(f.at("max_rate")), sources.cite(f)};
        b.flat_rates.push_back(std::move(o));
    }
    require_unique(b.flat_rates, &FlatRateOption::id, r.at("flat_rates"));
    for (const auto& e : r.at("exchange_rates").items()) {
        e.expect_object({"currency", "rate", "date", "source", "status", "note"});
        FixedExchangeRate x;
        x.currency = e.at("currency").choice(std::vector<std::string>(currency_codes().begin() + 1, currency_codes().end()));
        x.rate.rate = read_exchange_rate(e.at("rate"));
        x.rate.date = read_date(e.find("date"));
        x.source = sources.cite(e);
        x.rate.source = x.source.text();
        b.exchange_rates.push_back(std::move(x));
    }
    require_unique(b.exchange_rates, &FixedExchangeRate::currency, r.at("exchange_rates"));
    for (const auto& l : r.at("lump_sums").items()) {
        l.expect_object({"id", "name", "amount", "source", "status", "note"});
        b.lump_sums.push_back({l.at("id").nonempty_string(50), read_text_map(l.at("name")), read_amount(l.at("amount")),
                               sources.cite(l)});
    }
    require_unique(b.lump_sums, &LumpSum::id, r.at("lump_sums"));
    for (const auto& u : r.at("unit_costs").items()) {
        u.expect_object({"id", "name", "category", "unit_type", "price", "source", "status", "note"});
        UnitCost c{u.at("id").nonempty_string(50), read_text_map(u.at("name")), Category::staff,
                   u.at("unit_type").nonempty_string(50), read_amount(u.at("price")), sources.cite(u)};
        c.category = parse_category(u.at("category").choice(category_names()));
        b.unit_costs.push_back(std::move(c));
    }
    require_unique(b.unit_costs, &UnitCost::id, r.at("unit_costs"));
    return b;
}

// A code as the document must spell it: normalised (docs/programme-format.md).
std::string read_indicator_code(const JsonReader& r) {
    std::string code = r.nonempty_string(max_id_length);
    if (normalise_indicator(code) != code) r.fail("write the code as '" + normalise_indicator(code) + "'");
    return code;
}

IndicatorCatalogue read_indicators(const JsonReader& r, const Sources& sources) {
    r.expect_object({"outputs", "results", "pairings", "jointly", "source", "status", "note"});
    IndicatorCatalogue c;
    c.source = sources.cite(r);
    for (auto [key, kind] : {std::pair{"outputs", IndicatorKind::output}, std::pair{"results", IndicatorKind::result}}) {
        for (const auto& e : r.at(key).items()) {
            e.expect_object({"code", "name", "unit", "note"});
            Indicator i{read_indicator_code(e.at("code")), kind, read_text_map(e.at("name")), e.at("unit").nonempty_string(200),
                        std::nullopt, false, {}, c.source};
            if (auto note = e.find("note")) i.note = note->string();
            c.indicators.push_back(std::move(i));
        }
    }
    for (std::size_t i = 0; i < c.indicators.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (c.indicators[i].code == c.indicators[j].code) r.fail("indicator '" + c.indicators[i].code + "' is listed twice");
        }
    }
    auto find = [&](const std::string& code) -> Indicator* {
        for (auto& i : c.indicators) {
            if (i.code == code) return &i;
        }
        return nullptr;
    };
    const auto pairings = r.at("pairings");
    pairings.expect_object({"pairs", "source", "status", "note"});
    c.pairing_source = sources.cite(pairings);
    for (const auto& [output, result] : pairings.at("pairs").members()) {
        Indicator* o = find(output);
        if (!o || o->kind != IndicatorKind::output) result.fail("'" + output + "' is not an output indicator of the catalogue");
        const std::string code = result.string();
        const Indicator* res = find(code);
        if (!res || res->kind != IndicatorKind::result) result.fail("'" + code + "' is not a result indicator of the catalogue");
        o->result = code;
    }
    const auto jointly = r.at("jointly");
    jointly.expect_object({"codes", "source", "status", "note"});
    c.jointly_source = sources.cite(jointly);
    for (const auto& code : jointly.at("codes").strings()) {
        Indicator* i = find(code);
        if (!i) jointly.at("codes").fail("'" + code + "' is not an indicator of the catalogue");
        i->jointly = true;
    }
    return c;
}

}  // namespace

std::shared_ptr<const Programme> Programme::load(const std::string& path) {
    return from_json(load_json_file(path, kind));
}

std::shared_ptr<const Programme> Programme::from_json(const nlohmann::json& doc) {
    const JsonReader root(doc, "", kind);
    root.expect_object({"format", "version", "id", "name", "sources", "countries", "regions", "sub_geographies",
                        "priorities", "specific_objectives", "indicators", "funds", "project_kinds", "calls", "org_types", "budget",
                        "rules"});
    if (root.at("format").string() != "interreg-programme") root.at("format").fail("expected \"interreg-programme\"");
    const auto version = root.at("version").integer(1, 1000000);
    if (version != 1) root.at("version").fail("version " + std::to_string(version) + " is newer than this library reads (1); update interreg");

    std::shared_ptr<Programme> p(new Programme());
    p->id_ = root.at("id").nonempty_string(100);
    p->name_ = read_text_map(root.at("name"));

    Sources sources;
    for (const auto& [key, r] : root.at("sources").members()) {
        r.expect_object({"url", "title"});
        Citation c;
        c.key = key;
        c.url = r.at("url").string();
        c.title = r.at("title").nonempty_string();
        sources.by_key[key] = c;
    }

    for (const auto& r : root.at("countries").items()) {
        r.expect_object({"code", "name", "source", "status", "note"});
        const auto code_reader = r.at("code");
        if (!countries::find(code_reader.string())) code_reader.fail("not an ISO 3166-1 alpha-2 code");
        p->countries_.push_back({code_reader.string(), read_text_map(r.at("name")), sources.cite(r)});
    }

    const auto regions = root.at("regions");
    for (const auto& r : regions.items()) {
        r.expect_object({"code", "country", "nuts", "level", "name", "name_en", "aliases", "parent", "in_area",
                         "valid_from", "valid_to", "successors", "source", "status", "note"});
        Region g;
        g.code = r.at("code").nonempty_string(20);
        g.country = r.at("country").string();
        if (!has(p->countries_, &Country::code, g.country)) r.at("country").fail("not one of the programme's countries");
        g.nuts = r.at("nuts").nonempty_string(20);
        g.level = static_cast<int>(r.at("level").integer(0, 3));
        g.name = r.at("name").nonempty_string(200);
        g.name_en = r.at("name_en").nonempty_string(200);
        g.aliases = r.at("aliases").strings();
        if (auto parent = r.find("parent")) g.parent = parent->string();
        g.in_area = r.at("in_area").boolean();
        g.valid_from = read_date(r.find("valid_from"));
        g.valid_to = read_date(r.find("valid_to"));
        g.successors = r.at("successors").strings();
        g.source = sources.cite(r);
        p->regions_.push_back(std::move(g));
    }
    require_unique(p->regions_, &Region::code, regions);
    for (std::size_t i = 0; i < p->regions_.size(); ++i) {
        const auto& g = p->regions_[i];
        const auto path = pointer_append(regions.path(), i);
        if (g.parent && !has(p->regions_, &Region::code, *g.parent)) {
            throw ProgrammeError(path + "/parent", "unknown region '" + *g.parent + "'");
        }
        for (const auto& s : g.successors) {
            if (!has(p->regions_, &Region::code, s)) throw ProgrammeError(path + "/successors", "unknown region '" + s + "'");
        }
    }
    p->index_regions();

    for (const auto& r : root.at("sub_geographies").items()) {
        r.expect_object({"id", "name", "regions", "source", "status", "note"});
        SubGeography s{r.at("id").nonempty_string(100), read_text_map(r.at("name")), r.at("regions").strings(), sources.cite(r)};
        for (const auto& code : s.regions) {
            if (!has(p->regions_, &Region::code, code)) r.at("regions").fail("unknown region '" + code + "'");
        }
        p->sub_geographies_.push_back(std::move(s));
    }
    require_unique(p->sub_geographies_, &SubGeography::id, root.at("sub_geographies"));

    for (const auto& r : root.at("priorities").items()) {
        r.expect_object({"id", "policy_objective", "title", "source", "status", "note"});
        p->priorities_.push_back({r.at("id").nonempty_string(20), r.at("policy_objective").nonempty_string(20),
                                  read_text_map(r.at("title")), sources.cite(r)});
    }
    require_unique(p->priorities_, &Priority::id, root.at("priorities"));

    if (auto i = root.find("indicators")) p->indicators_ = read_indicators(*i, sources);

    for (const auto& r : root.at("specific_objectives").items()) {
        r.expect_object({"code", "priority", "title", "keywords", "indicators", "source", "status", "note"});
        SpecificObjective o{r.at("code").nonempty_string(20), r.at("priority").string(), read_text_map(r.at("title")),
                            sources.cite(r), {}, {}, {}};
        if (auto k = r.find("keywords")) o.keywords = read_keywords(*k);
        if (!p->priority(o.priority)) r.at("priority").fail("unknown priority '" + o.priority + "'");
        if (auto i = r.find("indicators")) {
            i->expect_object({"codes", "source", "status", "note"});
            o.indicators_source = sources.cite(*i);
            const auto codes = i->at("codes");
            for (const auto& code : codes.strings()) {
                if (!p->indicator(code)) codes.fail("'" + code + "' is not in the programme's indicators (/indicators)");
                if (std::find(o.indicators.begin(), o.indicators.end(), code) != o.indicators.end()) {
                    codes.fail("'" + code + "' is listed twice");
                }
                o.indicators.push_back(code);
            }
        }
        p->objectives_.push_back(std::move(o));
    }
    require_unique(p->objectives_, &SpecificObjective::code, root.at("specific_objectives"));

    for (const auto& r : root.at("funds").items()) {
        r.expect_object({"id", "name", "countries", "max_rate", "exclusive", "source", "status", "note"});
        Fund f{r.at("id").nonempty_string(50), read_text_map(r.at("name")), r.at("countries").strings(),
               read_rate(r.at("max_rate")), false, sources.cite(r)};
        if (auto e = r.find("exclusive")) f.exclusive = e->boolean();
        for (const auto& c : f.countries) {
            if (!p->country(c)) r.at("countries").fail("'" + c + "' is not one of the programme's countries");
        }
        p->funds_.push_back(std::move(f));
    }
    require_unique(p->funds_, &Fund::id, root.at("funds"));

    auto read_caps = [&](const JsonReader& r) {
        std::map<std::string, Money> caps;
        for (const auto& [fund, amount] : r.members()) {
            if (!p->fund(fund)) amount.fail("unknown fund '" + fund + "'");
            caps[fund] = read_amount(amount);
        }
        return caps;
    };

    for (const auto& r : root.at("project_kinds").items()) {
        r.expect_object({"id", "name", "max_duration_months", "fund_caps", "source", "status", "note"});
        p->kinds_.push_back({r.at("id").nonempty_string(50), read_text_map(r.at("name")),
                             static_cast<int>(r.at("max_duration_months").integer(1, max_duration_months)),
                             read_caps(r.at("fund_caps")), sources.cite(r)});
    }
    require_unique(p->kinds_, &ProjectKind::id, root.at("project_kinds"));

    for (const auto& r : root.at("calls").items()) {
        r.expect_object({"id", "kind", "opens", "closes", "open_objectives", "fund_caps", "source", "status", "note"});
        Call c;
        c.id = r.at("id").nonempty_string(50);
        c.kind = r.at("kind").choice(ids_of(p->kinds_, &ProjectKind::id));
        c.opens = *read_date(r.at("opens"));
        c.closes = read_date(r.find("closes"));
        if (c.closes && *c.closes < c.opens) r.at("closes").fail("closes before it opens");
        for (auto& code : r.at("open_objectives").strings()) {
            const SpecificObjective* o = p->objective(code);
            if (!o) r.at("open_objectives").fail("unknown specific objective '" + code + "'");
            c.open_objectives.push_back(o->code);  // canonical spelling, so rules compare exactly
        }
        c.fund_caps = read_caps(r.at("fund_caps"));
        c.source = sources.cite(r);
        p->calls_.push_back(std::move(c));
    }
    require_unique(p->calls_, &Call::id, root.at("calls"));

    for (const auto& r : root.at("org_types").items()) {
        r.expect_object({"id", "name", "eligible", "source", "status", "note"});
        p->org_types_.push_back({r.at("id").nonempty_string(50), read_text_map(r.at("name")), r.at("eligible").boolean(),
                                 sources.cite(r)});
    }
    require_unique(p->org_types_, &OrgType::id, root.at("org_types"));

    if (auto b = root.find("budget")) p->budget_ = read_budget_settings(*b, sources);

    for (const auto& r : root.at("rules").items()) {
        r.expect_object({"id", "params", "severity", "source", "status", "note"});
        const auto id_reader = r.at("id");
        const RuleDef* def = find_rule(id_reader.string());
        if (!def) {
            std::vector<std::string> known;
            for (const auto& d : rule_catalogue()) known.emplace_back(d.id);
            id_reader.fail("unknown rule '" + id_reader.string() + "'; known rules, nearest first: " +
                           text::join_choices(text::nearest(id_reader.string(), known, 5), ", "));
        }
        check_rule_params(*def, r.at("params"));
        RuleConfig c{std::string(def->id), r.at("params").json(), def->severity, sources.cite(r)};
        if (auto s = r.find("severity")) {
            c.severity = *parse_severity(s->choice({"error", "warning", "info"}));
        }
        p->rules_.push_back(std::move(c));
    }
    require_unique(p->rules_, &RuleConfig::id, root.at("rules"));
    p->objective_index_ = std::make_shared<const ObjectiveIndex>(*p);
    return p;
}

void Programme::index_regions() {
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        const auto& g = regions_[i];
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
    std::vector<std::string> names;
    std::vector<std::size_t> owner;
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        const auto& g = regions_[i];
        if (!country.empty() && g.country != country) continue;
        std::vector<std::string> all = g.aliases;
        all.insert(all.end(), {g.name, g.name_en, g.code});
        for (auto& a : all) {
            names.push_back(std::move(a));
            owner.push_back(i);
        }
    }
    std::vector<std::string> ranked = text::nearest(text::region_key(query), names, names.size());
    std::vector<std::string> out;
    std::set<std::size_t> seen;
    for (const auto& name : ranked) {
        const auto pos = static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
        const Region& g = regions_[owner[pos]];
        if (seen.insert(owner[pos]).second) out.push_back(g.name + " (" + g.code + ")");
        if (out.size() == n) break;
    }
    return out;
}

bool Programme::has_regions_for(std::string_view country) const {
    return std::any_of(regions_.begin(), regions_.end(), [&](const Region& g) { return g.country == country; });
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
const Country* Programme::country(std::string_view code) const { return find_by(countries_, &Country::code, code); }
const Priority* Programme::priority(std::string_view id) const { return find_by(priorities_, &Priority::id, id); }
const Fund* Programme::fund(std::string_view id) const { return find_by(funds_, &Fund::id, id); }
const ProjectKind* Programme::project_kind(std::string_view id) const { return find_by(kinds_, &ProjectKind::id, id); }
const SubGeography* Programme::sub_geography(std::string_view id) const { return find_by(sub_geographies_, &SubGeography::id, id); }
const Call* Programme::call(std::string_view id) const { return find_by(calls_, &Call::id, id); }
const OrgType* Programme::org_type(std::string_view id) const { return find_by(org_types_, &OrgType::id, id); }

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
