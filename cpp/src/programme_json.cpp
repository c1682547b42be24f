// Reading a programme document (docs/programme-format.md): section by section, each checked
// against the sections before it, every problem a ProgrammeError naming its JSON path.
#include <algorithm>
#include <set>

#include "interreg/alignment.hpp"
#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg {

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
    for (const auto& [lang, value] : r.members()) out[std::string(lang)] = value.nonempty_string();
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
            out[std::string(lang)].push_back(std::move(keyword));
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

std::string read_foreign_currency(const JsonReader& r) {
    return r.choice(std::vector<std::string>(currency_codes().begin() + 1, currency_codes().end()));
}

// A band: a width either side of its centre, the reference rate unless it names its own.
RateBand read_band(const JsonReader& r, ExchangeRate rate, const Sources& sources) {
    r.expect_object({"centre", "width", "source", "status", "note"});
    RateBand b{rate, read_rate(r.at("width")), sources.cite(r)};
    if (auto c = r.find("centre")) b.centre = read_exchange_rate(*c);
    if (b.width.ppm() == 0) r.at("width").fail("a band of 0% holds only its centre; give the width either side, e.g. \"2.25%\"");
    return b;
}

std::vector<ReferenceRate> read_reference_rates(const JsonReader& list, const Sources& sources) {
    std::vector<ReferenceRate> out;
    for (const auto& e : list.items()) {
        e.expect_object({"currency", "rate", "date", "band", "source", "status", "note"});
        ReferenceRate x{read_foreign_currency(e.at("currency")), read_exchange_rate(e.at("rate")),
                        *read_date(e.at("date")), std::nullopt, sources.cite(e)};
        if (auto b = e.find("band")) x.band = read_band(*b, x.rate, sources);
        out.push_back(std::move(x));
    }
    require_unique(out, &ReferenceRate::currency, list);
    return out;
}

BudgetSettings read_budget_settings(const JsonReader& r, const Sources& sources) {
    r.expect_object({"reporting_period", "flat_rates", "exchange_rates", "reference_rates", "lump_sums", "unit_costs",
                     "categories"});
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
        x.currency = read_foreign_currency(e.at("currency"));
        x.rate.rate = read_exchange_rate(e.at("rate"));
        x.rate.date = read_date(e.find("date"));
        x.source = sources.cite(e);
        x.rate.source = x.source.text();
        b.exchange_rates.push_back(std::move(x));
    }
    require_unique(b.exchange_rates, &FixedExchangeRate::currency, r.at("exchange_rates"));
    if (auto refs = r.find("reference_rates")) b.reference_rates = read_reference_rates(*refs, sources);
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
    if (auto list = r.find("categories")) {
        for (const auto& c : list->items()) {
            c.expect_object({"id", "name", "source", "status", "note"});
            b.categories.push_back({c.at("id").choice(category_names()), read_text_map(c.at("name")), sources.cite(c)});
        }
        require_unique(b.categories, &CostCategory::id, *list);
    }
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
        Indicator* o = find(std::string(output));
        if (!o || o->kind != IndicatorKind::output) result.fail("'" + std::string(output) + "' is not an output indicator of the catalogue");
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

// Fills a programme from its document, one section per step, in the order the sections
// refer to each other.
class ProgrammeReader {
public:
    ProgrammeReader(Programme& p, const JsonReader& root) : p_(p), root_(root) {}

    void read() {
        header();
        sources();
        countries();
        regions();
        sub_geographies();
        priorities();
        if (auto i = root_.find("indicators")) p_.indicators_ = read_indicators(*i, sources_);
        objectives();
        funds();
        project_kinds();
        calls();
        org_types();
        if (auto b = root_.find("budget")) p_.budget_ = read_budget_settings(*b, sources_);
        aliases();
        rules();
        p_.index_vocabularies();
        p_.objective_index_ = std::make_shared<const ObjectiveIndex>(p_);
    }

private:
    Programme& p_;
    const JsonReader& root_;
    Sources sources_;

    void header() {
        root_.expect_object({"format", "version", "id", "name", "period", "sources", "countries", "regions", "sub_geographies",
                             "priorities", "specific_objectives", "indicators", "funds", "project_kinds", "calls",
                             "org_types", "aliases", "budget", "rules"});
        if (root_.at("format").string() != "interreg-programme") root_.at("format").fail("expected \"interreg-programme\"");
        const auto version = root_.at("version").integer(1, 1000000);
        if (version != 1) {
            root_.at("version").fail("version " + std::to_string(version) + " is newer than this library reads (1); update interreg");
        }
        p_.id_ = root_.at("id").nonempty_string(100);
        p_.name_ = read_text_map(root_.at("name"));
        if (auto period = root_.find("period")) p_.period_ = period->nonempty_string(50);
    }

    void sources() {
        for (const auto& [key, r] : root_.at("sources").members()) {
            r.expect_object({"url", "title"});
            Citation c;
            c.key = key;
            c.url = r.at("url").string();
            c.title = r.at("title").nonempty_string();
            sources_.by_key[c.key] = c;
        }
    }

    void countries() {
        for (const auto& r : root_.at("countries").items()) {
            r.expect_object({"code", "name", "organisation_number", "source", "status", "note"});
            const auto code_reader = r.at("code");
            if (!countries::find(code_reader.string())) code_reader.fail("not an ISO 3166-1 alpha-2 code");
            Country c{code_reader.string(), read_text_map(r.at("name")), sources_.cite(r), std::nullopt, {}};
            if (auto number = r.find("organisation_number")) {
                number->expect_object({"scheme", "source", "status", "note"});
                c.org_number = parse_org_number_scheme(number->at("scheme").choice({"se-orgnr", "dk-cvr", "no-orgnr"}));
                c.org_number_source = sources_.cite(*number);
            }
            p_.countries_.push_back(std::move(c));
        }
    }

    void regions() {
        const auto regions = root_.at("regions");
        for (const auto& r : regions.items()) {
            r.expect_object({"code", "country", "nuts", "level", "name", "name_en", "aliases", "parent", "in_area",
                             "valid_from", "valid_to", "successors", "source", "status", "note"});
            Region g;
            g.code = r.at("code").nonempty_string(20);
            g.country = r.at("country").string();
            if (!has(p_.countries_, &Country::code, g.country)) r.at("country").fail("not one of the programme's countries");
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
            g.source = sources_.cite(r);
            p_.regions_.push_back(std::move(g));
        }
        require_unique(p_.regions_, &Region::code, regions);
        for (std::size_t i = 0; i < p_.regions_.size(); ++i) {
            const auto& g = p_.regions_[i];
            const auto path = pointer_append(regions.path(), i);
            if (g.parent && !has(p_.regions_, &Region::code, *g.parent)) {
                throw ProgrammeError(path + "/parent", "unknown region '" + *g.parent + "'");
            }
            for (const auto& s : g.successors) {
                if (!has(p_.regions_, &Region::code, s)) throw ProgrammeError(path + "/successors", "unknown region '" + s + "'");
            }
        }
        p_.index_regions();
    }

    void sub_geographies() {
        for (const auto& r : root_.at("sub_geographies").items()) {
            r.expect_object({"id", "name", "regions", "source", "status", "note"});
            SubGeography s{r.at("id").nonempty_string(100), read_text_map(r.at("name")), r.at("regions").strings(),
                           sources_.cite(r)};
            for (const auto& code : s.regions) {
                if (!has(p_.regions_, &Region::code, code)) r.at("regions").fail("unknown region '" + code + "'");
            }
            p_.sub_geographies_.push_back(std::move(s));
        }
        require_unique(p_.sub_geographies_, &SubGeography::id, root_.at("sub_geographies"));
    }

    void priorities() {
        for (const auto& r : root_.at("priorities").items()) {
            r.expect_object({"id", "policy_objective", "title", "source", "status", "note"});
            p_.priorities_.push_back({r.at("id").nonempty_string(20), r.at("policy_objective").nonempty_string(20),
                                      read_text_map(r.at("title")), sources_.cite(r)});
        }
        require_unique(p_.priorities_, &Priority::id, root_.at("priorities"));
    }

    void objectives() {
        for (const auto& r : root_.at("specific_objectives").items()) {
            r.expect_object({"code", "priority", "title", "keywords", "indicators", "source", "status", "note"});
            SpecificObjective o{r.at("code").nonempty_string(20), r.at("priority").string(), read_text_map(r.at("title")),
                                sources_.cite(r), {}, {}, {}};
            if (auto k = r.find("keywords")) o.keywords = read_keywords(*k);
            if (!p_.priority(o.priority)) r.at("priority").fail("unknown priority '" + o.priority + "'");
            if (auto i = r.find("indicators")) objective_indicators(*i, o);
            p_.objectives_.push_back(std::move(o));
        }
        require_unique(p_.objectives_, &SpecificObjective::code, root_.at("specific_objectives"));
    }

    void objective_indicators(const JsonReader& r, SpecificObjective& o) const {
        r.expect_object({"codes", "source", "status", "note"});
        o.indicators_source = sources_.cite(r);
        const auto codes = r.at("codes");
        for (const auto& code : codes.strings()) {
            if (!p_.indicator(code)) codes.fail("'" + code + "' is not in the programme's indicators (/indicators)");
            if (std::find(o.indicators.begin(), o.indicators.end(), code) != o.indicators.end()) {
                codes.fail("'" + code + "' is listed twice");
            }
            o.indicators.push_back(code);
        }
    }

    void funds() {
        for (const auto& r : root_.at("funds").items()) {
            r.expect_object({"id", "name", "countries", "max_rate", "exclusive", "source", "status", "note"});
            Fund f{r.at("id").nonempty_string(50), read_text_map(r.at("name")), r.at("countries").strings(),
                   read_rate(r.at("max_rate")), false, sources_.cite(r)};
            if (auto e = r.find("exclusive")) f.exclusive = e->boolean();
            for (const auto& c : f.countries) {
                if (!p_.country(c)) r.at("countries").fail("'" + c + "' is not one of the programme's countries");
            }
            p_.funds_.push_back(std::move(f));
        }
        require_unique(p_.funds_, &Fund::id, root_.at("funds"));
    }

    // Caps per fund, written with the funds' ids.
    std::map<std::string, Money> caps(const JsonReader& r) const {
        std::map<std::string, Money> out;
        for (const auto& [fund, amount] : r.members()) {
            const std::string id(fund);
            if (!has(p_.funds_, &Fund::id, id)) amount.fail("unknown fund '" + id + "'");
            out[id] = read_amount(amount);
        }
        return out;
    }

    void project_kinds() {
        for (const auto& r : root_.at("project_kinds").items()) {
            r.expect_object({"id", "name", "max_duration_months", "fund_caps", "budget_caps", "min_partners",
                             "max_partners", "total_budget_cap", "source", "status", "note"});
            ProjectKind k{r.at("id").nonempty_string(50), read_text_map(r.at("name")),
                          static_cast<int>(r.at("max_duration_months").integer(1, max_duration_months)),
                          caps(r.at("fund_caps")), {}, sources_.cite(r), std::nullopt, std::nullopt, std::nullopt};
            if (auto b = r.find("budget_caps")) k.budget_caps = caps(*b);
            if (auto m = r.find("min_partners")) k.min_partners = static_cast<int>(m->integer(1, 1000));
            if (auto m = r.find("max_partners")) {
                k.max_partners = static_cast<int>(m->integer(1, 1000));
                if (k.min_partners && *k.max_partners < *k.min_partners) m->fail("below min_partners");
            }
            if (auto t = r.find("total_budget_cap")) k.total_budget_cap = read_amount(*t);
            p_.kinds_.push_back(std::move(k));
        }
        require_unique(p_.kinds_, &ProjectKind::id, root_.at("project_kinds"));
    }

    void calls() {
        for (const auto& r : root_.at("calls").items()) {
            r.expect_object({"id", "kind", "opens", "closes", "open_objectives", "fund_caps", "fund_caps_citation", "source",
                             "status", "note"});
            Call c;
            c.id = r.at("id").nonempty_string(50);
            c.kind = r.at("kind").choice(ids_of(p_.kinds_, &ProjectKind::id));
            c.opens = *read_date(r.at("opens"));
            c.closes = read_date(r.find("closes"));
            if (c.closes && *c.closes < c.opens) r.at("closes").fail("closes before it opens");
            for (auto& code : r.at("open_objectives").strings()) {
                const SpecificObjective* o = p_.objective(code);
                if (!o) r.at("open_objectives").fail("unknown specific objective '" + code + "'");
                c.open_objectives.push_back(o->code);  // canonical spelling, so rules compare exactly
            }
            c.fund_caps = caps(r.at("fund_caps"));
            c.source = sources_.cite(r);
            c.caps_source = c.source;
            if (auto cited = r.find("fund_caps_citation")) {  // caps stated elsewhere than the call's own page
                cited->expect_object({"source", "status", "note"});
                c.caps_source = sources_.cite(*cited);
            }
            p_.calls_.push_back(std::move(c));
        }
        require_unique(p_.calls_, &Call::id, root_.at("calls"));
    }

    void org_types() {
        for (const auto& r : root_.at("org_types").items()) {
            r.expect_object({"id", "name", "eligible", "economic_activity", "source", "status", "note"});
            OrgType t{r.at("id").nonempty_string(50), read_text_map(r.at("name")), r.at("eligible").boolean(),
                      sources_.cite(r), std::nullopt, {}};
            if (auto e = r.find("economic_activity")) {
                e->expect_object({"value", "source", "status", "note"});
                t.economic_activity = e->at("value").boolean();
                t.economic_activity_source = sources_.cite(*e);
            }
            p_.org_types_.push_back(std::move(t));
        }
        require_unique(p_.org_types_, &OrgType::id, root_.at("org_types"));
    }

    void aliases() {
        const auto list = root_.find("aliases");
        if (!list) return;
        for (const auto& r : list->items()) {
            r.expect_object({"list", "id", "names", "source", "status", "note"});
            Alias a;
            a.list = r.at("list").choice({"org_types", "funds", "countries"});
            const auto id = r.at("id");
            a.id = id.string();
            const bool known = a.list == "org_types"  ? has(p_.org_types_, &OrgType::id, a.id)
                               : a.list == "funds"    ? has(p_.funds_, &Fund::id, a.id)
                                                      : has(p_.countries_, &Country::code, a.id);
            if (!known) id.fail("'" + a.id + "' is not an id of /" + a.list);
            for (const auto& name : r.at("names").items()) a.names.push_back(name.nonempty_string(200));
            a.source = sources_.cite(r);
            p_.aliases_.push_back(std::move(a));
        }
    }

    void rules() {
        for (const auto& r : root_.at("rules").items()) {
            r.expect_object({"id", "params", "severity", "source", "status", "note"});
            const auto id_reader = r.at("id");
            const RuleDef* def = find_rule(id_reader.string());
            if (!def) {
                std::vector<std::string> known;
                for (const auto& d : rule_catalogue()) known.emplace_back(d.id);
                id_reader.fail("unknown rule '" + id_reader.string() + "'; known rules, nearest first: " +
                               text::join_choices(text::nearest(id_reader.string(), known, 5), ", "));
            }
            if (!def->check) id_reader.fail("'" + id_reader.string() + "' is raised when a file is read; a programme cannot switch it");
            check_rule_params(*def, r.at("params"));
            RuleConfig c{std::string(def->id), r.at("params").to_json(), def->severity, sources_.cite(r), def->check};
            if (auto s = r.find("severity")) {
                c.severity = *parse_severity(s->choice({"error", "warning", "info"}));
                if (c.severity == Severity::error && c.source.assumed) {
                    s->fail("a rule whose status is 'assumed' is at most a warning: confirm its source or lower it");
                }
            }
            // Severity follows evidence: a rule resting on an assumed fact cannot be an ERROR.
            if (c.source.assumed) c.severity = std::max(c.severity, Severity::warning);
            p_.rules_.push_back(std::move(c));
        }
        require_unique(p_.rules_, &RuleConfig::id, root_.at("rules"));
    }
};

std::shared_ptr<const Programme> Programme::load(const std::string& path) {
    return from_json(load_json_file(path, kind).root());
}

std::shared_ptr<const Programme> Programme::from_json(const nlohmann::json& doc) {
    return from_json(JsonDocument::from(doc).root());
}

std::shared_ptr<const Programme> Programme::from_json(JsonValue doc) {
    const JsonReader root(doc, "", kind);
    std::shared_ptr<Programme> p(new Programme());
    ProgrammeReader(*p, root).read();
    return p;
}

}  // namespace interreg
