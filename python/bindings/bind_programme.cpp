// Programme and its read-only records.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/programme.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::bindings {
namespace {

py::object date_or_none(const std::optional<Date>& d) { return d ? py::object(py::str(d->to_string())) : py::none(); }

py::dict caps(const std::map<std::string, Money>& m) {
    py::dict out;
    for (const auto& [fund, amount] : m) out[py::str(fund)] = amount.to_string();
    return out;
}

// Shared by every record: its citation.
template <class T>
void add_source(py::class_<T>& cls) {
    cls.def_readonly("source", &T::source, "Where the fact comes from (title, url) and whether it is assumed.");
}

std::shared_ptr<Programme> mutable_ptr(std::shared_ptr<const Programme> p) { return std::const_pointer_cast<Programme>(p); }

}  // namespace

void register_programme(py::module_& m) {
    py::class_<Citation>(m, "Citation", "The programme source of a fact.")
        .def_readonly("key", &Citation::key)
        .def_readonly("title", &Citation::title)
        .def_readonly("url", &Citation::url)
        .def_readonly("assumed", &Citation::assumed)
        .def_readonly("note", &Citation::note)
        .def("text", &Citation::text)
        .def("__repr__", [](const Citation& c) {
            return "Citation(" + c.key + ", " + (c.assumed ? "assumed" : "confirmed") + ")";
        });

    py::class_<Country> country(m, "Country", "A programme country.");
    country.def_readonly("code", &Country::code)
        .def_readonly("name", &Country::name)
        .def_property_readonly("organisation_number", [](const Country& c) {
            return c.org_number ? std::optional<std::string>(to_string(*c.org_number)) : std::nullopt;
        }, "The scheme of the national organisation numbers partners give ('se-orgnr', 'dk-cvr', 'no-orgnr'), or None.")
        .def_readonly("organisation_number_source", &Country::org_number_source,
                      "Where the scheme's check digit is defined (meaningful when there is a scheme).");
    add_source(country);

    py::class_<Region> region(m, "Region", "A region (NUTS unit or county) known to the programme.");
    region.def_readonly("code", &Region::code)
        .def_readonly("country", &Region::country)
        .def_readonly("nuts", &Region::nuts)
        .def_readonly("level", &Region::level)
        .def_readonly("name", &Region::name)
        .def_readonly("name_en", &Region::name_en)
        .def_readonly("aliases", &Region::aliases)
        .def_readonly("parent", &Region::parent)
        .def_property_readonly("valid_from", [](const Region& g) { return date_or_none(g.valid_from); })
        .def_property_readonly("valid_to", [](const Region& g) { return date_or_none(g.valid_to); })
        .def_readonly("successors", &Region::successors)
        .def("__repr__", [](const Region& g) { return "Region(" + g.code + ", " + g.name + ", " + g.country + ")"; });
    add_source(region);

    py::class_<SubGeography> geo(m, "SubGeography", "A part of the programme area a project can apply within.");
    geo.def_readonly("id", &SubGeography::id).def_readonly("name", &SubGeography::name).def_readonly("regions", &SubGeography::regions);
    add_source(geo);

    py::class_<Priority> priority(m, "Priority", "A programme priority.");
    priority.def_readonly("id", &Priority::id)
        .def_readonly("policy_objective", &Priority::policy_objective)
        .def_readonly("title", &Priority::title)
        .def("__repr__", [](const Priority& p) { return "Priority(" + p.id + ", " + p.title.at("en") + ")"; });
    add_source(priority);

    py::class_<SpecificObjective> objective(m, "SpecificObjective", "A specific objective (RSO code).");
    objective.def_readonly("code", &SpecificObjective::code)
        .def_readonly("priority", &SpecificObjective::priority)
        .def_readonly("title", &SpecificObjective::title)
        .def_readonly("keywords", &SpecificObjective::keywords, "Language code → keywords for objective alignment.")
        .def_readonly("indicators", &SpecificObjective::indicators, "Codes of the indicators a project under it chooses from.")
        .def_readonly("indicators_source", &SpecificObjective::indicators_source, "Where the list of indicators comes from.")
        .def("__repr__", [](const SpecificObjective& o) { return "SpecificObjective(" + o.code + ", " + o.title.at("en") + ")"; });
    add_source(objective);

    py::class_<Indicator> indicator(m, "Indicator", "A programme output (RCO) or result (RCR) indicator.");
    indicator.def_readonly("code", &Indicator::code)
        .def_property_readonly("kind", [](const Indicator& i) { return i.kind == IndicatorKind::output ? "output" : "result"; })
        .def_readonly("name", &Indicator::name)
        .def_readonly("unit", &Indicator::unit)
        .def_readonly("result", &Indicator::result, "An output's usual result indicator, or None.")
        .def_readonly("jointly", &Indicator::jointly, "Counts only what organisations of two or more countries do together.")
        .def_readonly("note", &Indicator::note)
        .def("__repr__", [](const Indicator& i) { return "Indicator(" + i.code + ", " + i.name.at("en") + ")"; });
    add_source(indicator);

    py::class_<Fund> fund(m, "Fund", "A fund and the countries whose partners it finances.");
    fund.def_readonly("id", &Fund::id)
        .def_readonly("name", &Fund::name)
        .def_readonly("countries", &Fund::countries)
        .def_property_readonly("max_rate", [](const Fund& f) { return f.max_rate.to_string(); });
    add_source(fund);

    py::class_<ProjectKind> kind(m, "ProjectKind", "A kind of project (main project, pre-project).");
    kind.def_readonly("id", &ProjectKind::id)
        .def_readonly("name", &ProjectKind::name)
        .def_readonly("max_duration_months", &ProjectKind::max_duration_months)
        .def_property_readonly("fund_caps", [](const ProjectKind& k) { return caps(k.fund_caps); })
        .def_readonly("min_partners", &ProjectKind::min_partners, "Fewest partners (not associated), or None.")
        .def_readonly("max_partners", &ProjectKind::max_partners, "Most partners (not associated), or None.")
        .def_property_readonly(
            "total_budget_cap",
            [](const ProjectKind& k) -> std::optional<std::string> {
                if (!k.total_budget_cap) return std::nullopt;
                return k.total_budget_cap->to_string();
            },
            "The most the whole project may budget, in EUR as a decimal string, or None.");
    add_source(kind);

    py::class_<Call> call(m, "Call", "A call for proposals.");
    call.def_readonly("id", &Call::id)
        .def_readonly("kind", &Call::kind)
        .def_property_readonly("opens", [](const Call& c) { return c.opens.to_string(); })
        .def_property_readonly("closes", [](const Call& c) { return date_or_none(c.closes); })
        .def_readonly("open_objectives", &Call::open_objectives)
        .def_property_readonly("fund_caps", [](const Call& c) { return caps(c.fund_caps); })
        .def_readonly("caps_source", &Call::caps_source, "Where the fund caps are stated (by default the call's page).")
        .def("__repr__", [](const Call& c) { return "Call(" + c.id + ")"; });
    add_source(call);

    py::class_<OrgType> org(m, "OrgType", "A type of organisation and whether it may be a partner.");
    org.def_readonly("id", &OrgType::id).def_readonly("name", &OrgType::name).def_readonly("eligible", &OrgType::eligible)
        .def_readonly("economic_activity", &OrgType::economic_activity,
                      "Whether organisations of this type carry out an economic activity by default (None: it depends).");
    add_source(org);

    py::class_<CostCategory> category(m, "CostCategory", "What the programme calls a cost category in its languages.");
    category.def_readonly("id", &CostCategory::id).def_readonly("name", &CostCategory::name);
    add_source(category);

    py::class_<Alias> alias(m, "Alias", "Other spellings of an entry of one of the programme's lists.");
    alias.def_readonly("list", &Alias::list).def_readonly("id", &Alias::id).def_readonly("names", &Alias::names);
    add_source(alias);

    py::class_<Programme, std::shared_ptr<Programme>>(m, "Programme", "A programme read from its JSON document.")
        .def_static("load", [](const std::string& path) { return mutable_ptr(Programme::load(path)); }, py::arg("path"))
        .def_static("from_dict", [](py::handle doc) { return mutable_ptr(Programme::from_json(from_python(doc))); },
                    py::arg("document"))
        .def_property_readonly("id", &Programme::id)
        .def_property_readonly("name", &Programme::name)
        .def_property_readonly("period", &Programme::period, "The programming period, e.g. \"2021-2027\" (\"\" when not given).")
        .def_property_readonly("countries", &Programme::countries)
        .def_property_readonly("regions", &Programme::regions)
        .def_property_readonly("sub_geographies", &Programme::sub_geographies)
        .def_property_readonly("priorities", &Programme::priorities)
        .def_property_readonly("specific_objectives", &Programme::specific_objectives)
        .def_property_readonly("funds", &Programme::funds)
        .def_property_readonly("cost_categories", [](const Programme& p) { return p.budget().categories; },
                               "The programme's names of the cost categories (may be empty).")
        .def_property_readonly("project_kinds", &Programme::project_kinds)
        .def_property_readonly("calls", &Programme::calls)
        .def_property_readonly("org_types", &Programme::org_types)
        .def_property_readonly("aliases", &Programme::aliases)
        .def_property_readonly("indicators", &Programme::indicators)
        .def("indicator", [](const Programme& p, const std::string& code) {
            if (const Indicator* i = p.indicator(code)) return *i;
            std::vector<std::string> codes;
            for (const auto& i : p.indicators()) codes.push_back(i.code);
            throw NotFoundError("no indicator '" + code + "'; nearest: " +
                                text::join_choices(text::nearest(normalise_indicator(code), codes, 5), ", "));
        }, py::arg("code"))
        .def("region", &Programme::region, py::arg("name"), py::return_value_policy::copy)
        .def("find_region", [](const Programme& p, const std::string& name) -> std::optional<Region> {
            const Region* g = p.find_region(name);
            return g ? std::optional<Region>(*g) : std::nullopt;
        }, py::arg("name"))
        .def("org_type", [](const Programme& p, const std::string& name) {
            if (const OrgType* t = p.org_type(name)) return *t;
            const auto ids = ids_of(p.org_types(), &OrgType::id);
            throw NotFoundError("no organisation type '" + name + "'; nearest: " +
                                text::join_choices(text::nearest(name, ids, 5), ", "));
        }, py::arg("name"))
        .def("nearest_regions", &Programme::nearest_regions, py::arg("query"), py::arg("n") = 5, py::arg("country") = "")
        .def("in_area", &Programme::in_area, py::arg("region"))
        .def("table", [](const Programme& p, const std::string& name) { return to_python(p.table(name)); }, py::arg("name"))
        .def_property_readonly_static("table_names", [](py::object) { return Programme::table_names(); })
        .def("require_project_kind", &Programme::require_project_kind, py::arg("id"), py::return_value_policy::copy)
        .def("require_sub_geography", &Programme::require_sub_geography, py::arg("id"), py::return_value_policy::copy);
}

}  // namespace interreg::bindings
