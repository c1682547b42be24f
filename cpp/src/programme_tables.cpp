// The programme's records as rows of plain values: one shape for data frames, the CLI and
// HTML, so that Python never restates which columns a table has.
#include <algorithm>
#include <utility>

#include "interreg/errors.hpp"
#include "interreg/programme.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg {
namespace {

using json = nlohmann::ordered_json;

std::string text_in(const TextMap& m, const std::string& lang) {
    auto it = m.find(lang);
    return it == m.end() ? std::string() : it->second;
}

json optional_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

json caps(const std::map<std::string, Money>& m) {
    json out = json::object();
    for (const auto& [fund, amount] : m) out[fund] = amount.to_string();
    return out;
}

// One row per record, each ending with the record's status and source.
template <class T, class Row>
json rows_of(const std::vector<T>& items, Row row_of) {
    json rows = json::array();
    for (const T& item : items) {
        json row = row_of(item);
        row["status"] = item.source.assumed ? "assumed" : "confirmed";
        row["source"] = item.source.text();
        rows.push_back(std::move(row));
    }
    return rows;
}

json countries(const Programme& p) {
    return rows_of(p.countries(), [&](const Country& c) {
        json row = {{"code", c.code}, {"name", text_in(c.name, "en")}, {"local_name", text_in(c.name, "local")}};
        if (const Fund* f = p.fund_for_country(c.code)) row["fund"] = f->id;
        return row;
    });
}

json regions(const Programme& p) {
    return rows_of(p.regions(), [&](const Region& g) {
        std::vector<std::string> geographies;
        for (const auto& s : p.sub_geographies()) {
            if (p.in_sub_geography(g, s)) geographies.push_back(s.id);
        }
        return json{{"code", g.code}, {"name", g.name}, {"name_en", g.name_en}, {"country", g.country},
                    {"nuts", g.nuts}, {"level", g.level}, {"parent", g.parent ? json(*g.parent) : json(nullptr)},
                    {"in_area", p.in_area(g)}, {"sub_geographies", text::join_choices(geographies, ", ")},
                    {"valid_from", optional_date(g.valid_from)}, {"valid_to", optional_date(g.valid_to)},
                    {"successors", text::join_choices(g.successors, ", ")},
                    {"aliases", text::join_choices(g.aliases, ", ")}};
    });
}

json sub_geographies(const Programme& p) {
    return rows_of(p.sub_geographies(), [](const SubGeography& s) {
        return json{{"id", s.id}, {"name", text_in(s.name, "en")}, {"regions", text::join_choices(s.regions, ", ")}};
    });
}

json priorities(const Programme& p) {
    return rows_of(p.priorities(), [](const Priority& r) {
        return json{{"id", r.id}, {"policy_objective", r.policy_objective}, {"title", text_in(r.title, "en")},
                    {"title_sv", text_in(r.title, "sv")}, {"title_da", text_in(r.title, "da")},
                    {"title_no", text_in(r.title, "no")}};
    });
}

json specific_objectives(const Programme& p) {
    return rows_of(p.specific_objectives(), [&](const SpecificObjective& o) {
        return json{{"code", o.code}, {"priority", o.priority}, {"policy_objective", p.priority(o.priority)->policy_objective},
                    {"title", text_in(o.title, "en")}, {"title_sv", text_in(o.title, "sv")},
                    {"title_da", text_in(o.title, "da")}, {"title_no", text_in(o.title, "no")}};
    });
}

json indicators(const Programme& p) {
    return rows_of(p.indicators(), [&](const Indicator& i) {
        std::vector<std::string> objectives;
        for (const auto& o : p.specific_objectives()) {
            if (std::count(o.indicators.begin(), o.indicators.end(), i.code)) objectives.push_back(o.code);
        }
        return json{{"code", i.code}, {"kind", i.kind == IndicatorKind::output ? "output" : "result"},
                    {"name", text_in(i.name, "en")}, {"unit", i.unit},
                    {"result", i.result ? json(*i.result) : json(nullptr)}, {"jointly", i.jointly},
                    {"objectives", text::join_choices(objectives, ", ")}, {"note", i.note}};
    });
}

json funds(const Programme& p) {
    return rows_of(p.funds(), [](const Fund& f) {
        return json{{"id", f.id}, {"name", text_in(f.name, "en")}, {"countries", text::join_choices(f.countries, ", ")},
                    {"max_rate", f.max_rate.to_string()}};
    });
}

json project_kinds(const Programme& p) {
    return rows_of(p.project_kinds(), [](const ProjectKind& k) {
        return json{{"id", k.id}, {"name", text_in(k.name, "en")}, {"max_duration_months", k.max_duration_months},
                    {"fund_caps", caps(k.fund_caps)}, {"budget_caps", caps(k.budget_caps)}};
    });
}

json calls(const Programme& p) {
    return rows_of(p.calls(), [](const Call& c) {
        return json{{"id", c.id}, {"kind", c.kind}, {"opens", c.opens.to_string()}, {"closes", optional_date(c.closes)},
                    {"open_objectives", text::join_choices(c.open_objectives, ", ")}, {"fund_caps", caps(c.fund_caps)}};
    });
}

json org_types(const Programme& p) {
    return rows_of(p.org_types(), [&](const OrgType& t) {
        std::vector<std::string> aliases;
        for (const auto& a : p.aliases()) {
            if (a.list == "org_types" && a.id == t.id) aliases.insert(aliases.end(), a.names.begin(), a.names.end());
        }
        return json{{"id", t.id}, {"name", text_in(t.name, "en")}, {"name_sv", text_in(t.name, "sv")},
                    {"name_da", text_in(t.name, "da")}, {"name_no", text_in(t.name, "no")}, {"eligible", t.eligible},
                    {"economic_activity", t.economic_activity ? json(*t.economic_activity) : json(nullptr)},
                    {"aliases", text::join_choices(aliases, ", ")}};
    });
}

json aliases(const Programme& p) {
    return rows_of(p.aliases(), [](const Alias& a) {
        return json{{"list", a.list}, {"id", a.id}, {"names", text::join_choices(a.names, ", ")}};
    });
}

json reference_rates(const Programme& p) {
    return rows_of(p.budget().reference_rates, [](const ReferenceRate& r) {
        json row = {{"currency", r.currency}, {"rate", r.rate.to_string()}, {"date", r.date.to_string()}};
        const std::optional<RateBand>& b = r.band;
        const std::optional<RateRange> range = b ? std::optional(band_around(b->centre, b->width)) : std::nullopt;
        row["band_centre"] = b ? json(b->centre.to_string()) : json(nullptr);
        row["band_width"] = b ? json(b->width.to_string()) : json(nullptr);
        row["band_low"] = range ? json(range->low.to_string()) : json(nullptr);
        row["band_high"] = range ? json(range->high.to_string()) : json(nullptr);
        row["band_status"] = b ? json(b->source.assumed ? "assumed" : "confirmed") : json(nullptr);
        row["band_source"] = b ? json(b->source.text()) : json(nullptr);
        return row;
    });
}

json rules(const Programme& p) {
    return rows_of(p.rules(), [](const RuleConfig& r) {
        return json{{"id", r.id}, {"severity", std::string(to_string(r.severity))},
                    {"title", std::string(find_rule(r.id)->title)}, {"params", json::parse(r.params.dump())},
                    {"note", r.source.note}};
    });
}

using TableBuilder = json (*)(const Programme&);
const std::vector<std::pair<std::string, TableBuilder>>& builders() {
    static const std::vector<std::pair<std::string, TableBuilder>> all = {
        {"countries", countries}, {"regions", regions}, {"sub_geographies", sub_geographies},
        {"priorities", priorities}, {"specific_objectives", specific_objectives}, {"indicators", indicators},
        {"funds", funds}, {"project_kinds", project_kinds}, {"calls", calls}, {"org_types", org_types},
        {"aliases", aliases}, {"reference_rates", reference_rates}, {"rules", rules}};
    return all;
}

}  // namespace

const std::vector<std::string>& Programme::table_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, build] : builders()) out.push_back(name);
        return out;
    }();
    return names;
}

nlohmann::ordered_json Programme::table(std::string_view name) const {
    for (const auto& [table_name, build] : builders()) {
        if (table_name == name) return build(*this);
    }
    throw ArgumentError("unknown table '" + std::string(name) + "'; choose one of: " + text::join_choices(table_names(), ", "));
}

}  // namespace interreg
