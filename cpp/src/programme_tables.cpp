// The programme's records as rows of plain values: one shape for data frames, the CLI and
// HTML, so that Python never restates which columns a table has.
#include <algorithm>

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

void add_source(json& row, const Citation& c) {
    row["status"] = c.assumed ? "assumed" : "confirmed";
    row["source"] = c.text();
}

json caps(const std::map<std::string, Money>& m) {
    json out = json::object();
    for (const auto& [fund, amount] : m) out[fund] = amount.to_string();
    return out;
}

}  // namespace

const std::vector<std::string>& Programme::table_names() {
    static const std::vector<std::string> names = {"countries", "regions", "sub_geographies", "priorities",
                                                   "specific_objectives", "indicators", "funds", "project_kinds", "calls",
                                                   "org_types", "rules"};
    return names;
}

nlohmann::ordered_json Programme::table(std::string_view name) const {
    json rows = json::array();
    if (name == "countries") {
        for (const auto& c : countries_) {
            json row = {{"code", c.code}, {"name", text_in(c.name, "en")}, {"local_name", text_in(c.name, "local")}};
            if (const Fund* f = fund_for_country(c.code)) row["fund"] = f->id;
            add_source(row, c.source);
            rows.push_back(row);
        }
    } else if (name == "regions") {
        for (const auto& g : regions_) {
            std::string geographies;
            for (const auto& s : sub_geographies_) {
                if (in_sub_geography(g, s)) geographies += (geographies.empty() ? "" : ", ") + s.id;
            }
            json row = {{"code", g.code}, {"name", g.name}, {"name_en", g.name_en}, {"country", g.country},
                        {"nuts", g.nuts}, {"level", g.level}, {"parent", g.parent ? json(*g.parent) : json(nullptr)},
                        {"in_area", in_area(g)}, {"sub_geographies", geographies},
                        {"valid_from", optional_date(g.valid_from)}, {"valid_to", optional_date(g.valid_to)},
                        {"successors", text::join_choices(g.successors, ", ")},
                        {"aliases", text::join_choices(g.aliases, ", ")}};
            add_source(row, g.source);
            rows.push_back(row);
        }
    } else if (name == "sub_geographies") {
        for (const auto& s : sub_geographies_) {
            json row = {{"id", s.id}, {"name", text_in(s.name, "en")}, {"regions", text::join_choices(s.regions, ", ")}};
            add_source(row, s.source);
            rows.push_back(row);
        }
    } else if (name == "priorities") {
        for (const auto& p : priorities_) {
            json row = {{"id", p.id}, {"policy_objective", p.policy_objective}, {"title", text_in(p.title, "en")},
                        {"title_sv", text_in(p.title, "sv")}, {"title_da", text_in(p.title, "da")},
                        {"title_no", text_in(p.title, "no")}};
            add_source(row, p.source);
            rows.push_back(row);
        }
    } else if (name == "specific_objectives") {
        for (const auto& o : objectives_) {
            const Priority* p = priority(o.priority);
            json row = {{"code", o.code}, {"priority", o.priority}, {"policy_objective", p->policy_objective},
                        {"title", text_in(o.title, "en")}, {"title_sv", text_in(o.title, "sv")},
                        {"title_da", text_in(o.title, "da")}, {"title_no", text_in(o.title, "no")}};
            add_source(row, o.source);
            rows.push_back(row);
        }
    } else if (name == "indicators") {
        for (const auto& i : indicators_.indicators) {
            std::vector<std::string> objectives;
            for (const auto& o : objectives_) {
                if (std::count(o.indicators.begin(), o.indicators.end(), i.code)) objectives.push_back(o.code);
            }
            json row = {{"code", i.code}, {"kind", i.kind == IndicatorKind::output ? "output" : "result"},
                        {"name", text_in(i.name, "en")}, {"unit", i.unit},
                        {"result", i.result ? json(*i.result) : json(nullptr)}, {"jointly", i.jointly},
                        {"objectives", text::join_choices(objectives, ", ")}, {"note", i.note}};
            add_source(row, i.source);
            rows.push_back(row);
        }
    } else if (name == "funds") {
        for (const auto& f : funds_) {
            json row = {{"id", f.id}, {"name", text_in(f.name, "en")}, {"countries", text::join_choices(f.countries, ", ")},
                        {"max_rate", f.max_rate.to_string()}};
            add_source(row, f.source);
            rows.push_back(row);
        }
    } else if (name == "project_kinds") {
        for (const auto& k : kinds_) {
            json row = {{"id", k.id}, {"name", text_in(k.name, "en")}, {"max_duration_months", k.max_duration_months},
                        {"fund_caps", caps(k.fund_caps)}};
            add_source(row, k.source);
            rows.push_back(row);
        }
    } else if (name == "calls") {
        for (const auto& c : calls_) {
            json row = {{"id", c.id}, {"kind", c.kind}, {"opens", c.opens.to_string()}, {"closes", optional_date(c.closes)},
                        {"open_objectives", text::join_choices(c.open_objectives, ", ")},
                        {"fund_caps", caps(c.fund_caps)}};
            add_source(row, c.source);
            rows.push_back(row);
        }
    } else if (name == "org_types") {
        for (const auto& t : org_types_) {
            json row = {{"id", t.id}, {"name", text_in(t.name, "en")}, {"eligible", t.eligible}};
            add_source(row, t.source);
            rows.push_back(row);
        }
    } else if (name == "rules") {
        for (const auto& r : rules_) {
            const RuleDef* def = find_rule(r.id);
            json row = {{"id", r.id}, {"severity", std::string(to_string(r.severity))}, {"title", std::string(def->title)},
                        {"params", json::parse(r.params.dump())}};
            add_source(row, r.source);
            rows.push_back(row);
        }
    } else {
        throw ArgumentError("unknown table '" + std::string(name) + "'; choose one of: " +
                            text::join_choices(table_names(), ", "));
    }
    return rows;
}

}  // namespace interreg
