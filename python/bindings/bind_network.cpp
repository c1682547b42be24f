// Cooperation history, its network (Boost.Graph), partner suggestions and the consortium graph.
// Tables go to Python as columns (dicts of lists) so that pandas builds frames in one step;
// one value per organisation goes as a NumPy array; graph algorithms release the GIL.
#include "bindings.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <unordered_map>

#include "interreg/consortium.hpp"
#include "interreg/errors.hpp"
#include "interreg/history.hpp"
#include "interreg/network.hpp"
#include "interreg/partners.hpp"
#include "interreg/synthetic.hpp"

namespace interreg::bindings {

namespace {

// pybind11 holds a History through a shared_ptr to non-const; the core never changes one.
using HistoryPtr = std::shared_ptr<History>;

HistoryPtr held(std::shared_ptr<const History> h) { return std::const_pointer_cast<History>(std::move(h)); }

// One value per organisation as a NumPy array: one copy instead of a Python object per value.
template <typename T>
py::array_t<T> per_organisation(const std::vector<T>& values) {
    return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::list problems_list(const std::vector<HistoryProblem>& problems) {
    py::list out;
    for (const auto& p : problems) out.append(py::make_tuple(p.line, p.message));
    return out;
}

py::dict participations(const History& h) {
    py::list project, programme, period, organisation, country, region, org_type, role, number;
    for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
        const auto& pr = h.projects()[p];
        for (auto [it, end] = h.members(p); it != end; ++it) {
            const auto& o = h.organisations()[*it];
            project.append(pr.id);
            programme.append(pr.programme);
            period.append(pr.period);
            organisation.append(o.name);
            country.append(o.country);
            region.append(o.region);
            org_type.append(o.org_type);
            role.append(h.role(p, *it));
            number.append(o.organisation_number);
        }
    }
    py::dict out;
    out["project"] = project;
    out["programme"] = programme;
    out["period"] = period;
    out["organisation"] = organisation;
    out["country"] = country;
    out["region"] = region;
    out["org_type"] = org_type;
    out["role"] = role;
    out["organisation_number"] = number;
    return out;
}

py::dict organisations(const History& h) {
    py::list name, country, region, org_type, number, projects;
    for (std::uint32_t o = 0; o < h.organisations().size(); ++o) {
        const auto& org = h.organisations()[o];
        const auto [begin, end] = h.projects_of(o);
        name.append(org.name);
        country.append(org.country);
        region.append(org.region);
        org_type.append(org.org_type);
        number.append(org.organisation_number);
        projects.append(end - begin);
    }
    py::dict out;
    out["organisation"] = name;
    out["country"] = country;
    out["region"] = region;
    out["org_type"] = org_type;
    out["organisation_number"] = number;
    out["projects"] = projects;
    return out;
}

// The organisations' name, country, region and org_type as an (n, 4) object array: a row each,
// for taking whole rows at once. A country, region or type is one str however often it occurs.
py::array organisation_rows(const History& h) {
    const auto& orgs = h.organisations();
    py::array rows(py::dtype("object"), {static_cast<py::ssize_t>(orgs.size()), py::ssize_t{4}}, {});
    auto** slots = static_cast<PyObject**>(rows.mutable_data());
    std::unordered_map<std::string_view, py::str> shared;
    auto put = [&](PyObject*& slot, PyObject* value) {
        PyObject* old = slot;  // None (or NULL) in a new object array
        slot = value;
        Py_XDECREF(old);
    };
    for (std::size_t o = 0; o < orgs.size(); ++o) {
        const auto& org = orgs[o];
        put(slots[4 * o], py::str(org.name).release().ptr());
        const std::string_view repeated[3] = {org.country, org.region, org.org_type};
        for (int k = 0; k < 3; ++k) {
            auto it = shared.find(repeated[k]);
            if (it == shared.end()) it = shared.emplace(repeated[k], py::str(repeated[k])).first;
            put(slots[4 * o + 1 + k], it->second.inc_ref().ptr());
        }
    }
    return rows;
}

py::dict suggestion_dict(const SuggestResult& r) {
    py::list rows;
    for (const auto& s : r.suggestions) {
        py::dict d;
        d["organisation"] = s.organisation;
        d["region"] = s.region;
        d["score"] = s.score;
        d["fills"] = s.fills;
        py::list worked;
        for (const auto& t : s.worked_with) worked.append(py::make_tuple(t.partner, t.projects));
        d["worked_with"] = worked;
        d["via"] = s.via;
        d["projects"] = s.projects;
        d["reason"] = s.reason;
        rows.append(d);
    }
    py::dict out;
    out["suggestions"] = rows;
    out["members"] = r.members;
    out["member_organisations"] = r.member_organisations;
    out["gaps"] = r.gaps;
    return out;
}

// Partner suggestions from a network (its graph built) or from a history (partners.hpp).
template <class Source>
py::dict suggestions(const Source& source, const Programme& programme, const Draft& draft, std::size_t n,
                     const py::list& country_args, const py::list& org_type_args, py::handle geography_arg) {
    std::vector<std::string> countries, org_types;
    for (auto c : country_args) countries.push_back(text_arg(c, "countries"));
    for (auto t : org_type_args) org_types.push_back(text_arg(t, "org_types"));
    const std::string geography = text_arg(geography_arg, "geography");
    const SuggestResult r = reading(draft, [&](const Proposal& proposal) {
        return suggest_partners(source, programme, proposal, SuggestOptions{n, countries, org_types, geography});
    });
    return suggestion_dict(r);
}

}  // namespace

void register_network(py::module_& m) {
    py::class_<History, HistoryPtr>(m, "History", "An immutable table of participations in past cooperation projects.")
        .def_property_readonly("organisation_count", [](const History& h) { return h.organisations().size(); })
        .def_property_readonly("project_count", [](const History& h) { return h.projects().size(); })
        .def_property_readonly("participation_count", &History::participation_count)
        .def_property_readonly("periods", &History::periods, "The programme periods, sorted.")
        .def("organisations", &organisations,
             "Columns: organisation, country, region, org_type, organisation_number, projects.")
        .def("organisation_rows", &organisation_rows,
             "An (organisations, 4) object array: organisation, country, region, org_type.")
        .def("partners_table", [](const History& h, std::uint32_t o) {
                 std::vector<Tie> ties;
                 SharedProjects shared;
                 std::vector<std::uint32_t> partner, projects, latest;
                 {
                     py::gil_scoped_release release;
                     ties = partners_in(h, o);  // from the history: no graph to build first
                     shared = shared_projects_in(h, o, ties);
                     partner.reserve(ties.size());
                     projects.reserve(ties.size());
                     latest.reserve(ties.size());
                     for (const auto& t : ties) {
                         partner.push_back(t.organisation);
                         projects.push_back(t.projects);
                         latest.push_back(t.latest);
                     }
                 }
                 // The projects' ids as lists of str, each id one shared object, built with the C API:
                 // a hub's hundreds of thousands of rows cost a small list each and nothing more.
                 // The cyclic collector is paused meanwhile: each new list would count towards its next
                 // pass, and its passes over hundreds of thousands of fresh lists cost more than making them.
                 std::unordered_map<std::uint32_t, py::str> ids;
                 py::array lists(py::dtype("object"), {static_cast<py::ssize_t>(ties.size())}, {});
                 auto** slots = static_cast<PyObject**>(lists.mutable_data());
                 const int collecting = PyGC_Disable();
                 struct Resume {
                     int on;
                     ~Resume() {
                         if (on) PyGC_Enable();
                     }
                 } resume{collecting};
                 for (std::size_t i = 0; i < ties.size(); ++i) {
                     const std::size_t begin = shared.offsets[i], count = shared.offsets[i + 1] - begin;
                     PyObject* row = PyList_New(static_cast<Py_ssize_t>(count));
                     if (!row) throw py::error_already_set();
                     for (std::size_t k = 0; k < count; ++k) {
                         const std::uint32_t p = shared.projects[begin + k];
                         auto it = ids.find(p);
                         if (it == ids.end()) it = ids.emplace(p, py::str(h.projects()[p].id)).first;
                         PyList_SET_ITEM(row, static_cast<Py_ssize_t>(k), it->second.inc_ref().ptr());  // steals
                     }
                     PyObject* old = slots[i];  // None (or NULL) in a new object array
                     slots[i] = row;
                     Py_XDECREF(old);
                 }
                 py::dict d;
                 d["partner"] = per_organisation(partner);
                 d["shared_projects"] = per_organisation(projects);
                 d["latest"] = per_organisation(latest);
                 d["projects"] = lists;
                 return d;
             }, py::arg("organisation"),
             "Columns partner, shared_projects, latest (period rank) as arrays and projects (an object array of "
             "lists of ids) of an organisation's partners, strongest first, in one pass over its projects' members.")
        .def("participations", &participations,
             "Columns: project, programme, period, organisation, country, region, org_type, role, organisation_number.")
        .def("organisation", [](const History& h, std::uint32_t o) {
                 if (o >= h.organisations().size()) throw ArgumentError("organisation number out of range");
                 const auto& org = h.organisations()[o];
                 py::dict d;
                 d["organisation"] = org.name;
                 d["country"] = org.country;
                 d["region"] = org.region;
                 d["org_type"] = org.org_type;
                 return d;
             }, py::arg("index"))
        .def("project", [](const History& h, std::uint32_t p) {
                 if (p >= h.projects().size()) throw ArgumentError("project number out of range");
                 const auto& pr = h.projects()[p];
                 return py::make_tuple(pr.id, pr.programme, pr.period);
             }, py::arg("index"), "(id, programme, period) of a project.")
        .def("find", [](const History& h, py::handle name, py::handle country) {
                 return h.find(text_arg(name, "organisation"), text_arg(country, "country"));
             }, py::arg("name"), py::arg("country") = "", "The organisation's number, or None (not found or ambiguous).")
        .def("require", [](const History& h, py::handle name, py::handle country) {
                 return h.require(text_arg(name, "organisation"), text_arg(country, "country"));
             }, py::arg("name"), py::arg("country") = "",
             "The organisation's number; NotFoundError with the nearest names, ArgumentError when ambiguous.")
        .def("find_number", [](const History& h, py::handle country, py::handle number) {
                 return h.find_number(text_arg(country, "country"), text_arg(number, "organisation_number"));
             }, py::arg("country"), py::arg("number"),
             "The organisation with this organisation number in the country (any usual spelling), or None.")
        .def("memory_bytes", &History::memory_bytes);

    m.attr("max_history_bytes") = max_history_bytes;
    m.attr("max_project_organisations") = max_project_organisations;

    m.def("read_history_file", [](py::handle path) {
              const std::string name = path_arg(path);
              HistoryReadResult r;
              {
                  py::gil_scoped_release release;
                  r = read_history_file(name);
              }
              return py::make_tuple(held(r.history), problems_list(r.problems));
          }, py::arg("path"), "read_history_csv of a regular file, a few megabytes at a time (FileError beyond "
          "max_history_bytes or for anything but a regular file).");
    m.def("history_from_columns", [](const py::dict& columns, const py::function& text) {
              const HistoryReadResult r = history_from_frame_columns(columns, text);
              return py::make_tuple(held(r.history), problems_list(r.problems));
          }, py::arg("columns"), py::arg("text"),
          "Build a history from columns of equal length (1-D object arrays; `text` turns a cell that is not a "
          "str into one): (history, [(row, problem), ...]).");
    m.def("history_columns", &history_columns, "The column names the history knows, required first.");
    m.def("synthetic_history", [](std::uint64_t seed, std::uint32_t projects, std::uint32_t new_per_thousand) {
              py::gil_scoped_release release;
              return held(synthetic_history(SyntheticOptions{seed, projects, new_per_thousand}));
          }, py::arg("seed") = 1, py::arg("projects") = 30000, py::arg("new_per_thousand") = 420,
          "A reproducible synthetic history at the scale of the public project databases.");

    py::class_<CooperationNetwork, std::shared_ptr<CooperationNetwork>>(
        m, "CooperationNetwork", "The organisation–project and co-participation graphs of a history (Boost.Graph).")
        .def(py::init<HistoryPtr>(), py::arg("history"), py::call_guard<py::gil_scoped_release>())
        .def_property_readonly("history", [](const CooperationNetwork& n) { return held(n.history_ptr()); })
        .def_property_readonly("organisation_count", &CooperationNetwork::organisation_count)
        .def_property_readonly("edge_count", &CooperationNetwork::edge_count)
        .def("memory_bytes", &CooperationNetwork::memory_bytes, "Bytes held by both graphs.")
        .def("degree", [](const CooperationNetwork& n, std::uint32_t o) {
                 if (o >= n.organisation_count()) throw ArgumentError("organisation number out of range");
                 return n.degree(o);
             }, py::arg("organisation"))
        .def("partners_of", [](const CooperationNetwork& n, std::uint32_t o) {
                 std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> out;
                 for (const auto& t : n.partners_of(o)) out.emplace_back(t.organisation, t.projects, t.latest);
                 return out;
             }, py::arg("organisation"), "(partner, shared projects, latest period rank), strongest first.")
        .def("shared_projects", &CooperationNetwork::shared_projects, py::arg("a"), py::arg("b"))
        .def("common_neighbours", &CooperationNetwork::common_neighbours, py::arg("a"), py::arg("b"))
        .def("path", &CooperationNetwork::path, py::arg("a"), py::arg("b"), py::call_guard<py::gil_scoped_release>(),
             "A shortest chain of co-participations (empty when not connected).")
        .def("components", [](const CooperationNetwork& n) {
                 Components c;
                 {
                     py::gil_scoped_release release;
                     c = n.components();
                 }
                 return py::make_tuple(per_organisation(c.label), c.sizes);
             }, "(label per organisation as an array, list of sizes per label); label 0 is the largest.")
        .def("communities", [](const CooperationNetwork& n, int max_rounds) {
                 std::vector<std::uint32_t> c;
                 {
                     py::gil_scoped_release release;
                     c = n.communities(max_rounds);
                 }
                 return per_organisation(c);
             }, py::arg("max_rounds") = 30, "Community per organisation (label propagation; 0 the largest), an array.")
        .def("pagerank", [](const CooperationNetwork& n, const std::vector<std::uint32_t>& nodes, double alpha,
                            double tolerance, int max_iterations) {
                 std::vector<double> rank;
                 {
                     py::gil_scoped_release release;
                     rank = n.pagerank(nodes, alpha, tolerance, max_iterations);
                 }
                 return per_organisation(rank);
             }, py::arg("nodes") = std::vector<std::uint32_t>{}, py::arg("alpha") = 0.85, py::arg("tolerance") = 1e-6,
             py::arg("max_iterations") = 100, "Weighted PageRank over `nodes` (all when empty), an array.")
        .def("adamic_adar", &CooperationNetwork::adamic_adar, py::arg("members"), py::call_guard<py::gil_scoped_release>(),
             "(organisation, Adamic–Adar index summed over members) for every positive score.")
        .def("cross_border_edges", &CooperationNetwork::cross_border_edges, py::call_guard<py::gil_scoped_release>())
        .def("edges", [](const CooperationNetwork& n) {
                 std::vector<std::uint32_t> a, b, projects, latest;
                 {
                     py::gil_scoped_release release;
                     for (std::uint32_t u = 0; u < n.organisation_count(); ++u) {
                         for (const auto& t : n.partners_of(u)) {
                             if (t.organisation <= u) continue;
                             a.push_back(u);
                             b.push_back(t.organisation);
                             projects.push_back(t.projects);
                             latest.push_back(t.latest);
                         }
                     }
                 }
                 py::dict d;
                 d["a"] = a;
                 d["b"] = b;
                 d["projects"] = projects;
                 d["latest"] = latest;
                 return d;
             }, "Columns a, b (a < b), projects, latest of every edge.");

    m.def("suggest_partners", &suggestions<CooperationNetwork>, py::arg("network"), py::arg("programme"), py::arg("proposal"),
          py::arg("n") = 10, py::arg("countries") = py::list(), py::arg("org_types") = py::list(), py::arg("geography") = "",
          "Partner suggestions for a proposal, best first, with the reasons.");
    m.def("suggest_partners", &suggestions<History>, py::arg("history"), py::arg("programme"), py::arg("proposal"),
          py::arg("n") = 10, py::arg("countries") = py::list(), py::arg("org_types") = py::list(), py::arg("geography") = "",
          "The same from a history whose graph is not built: only the rows the suggestion reads are made.");

    m.def("consortium_graph", [](const Draft& draft) {
              const auto g = reading(draft, [](const Proposal& proposal) { return consortium_graph(proposal); });
              py::list links;
              for (const auto& l : g.links) links.append(py::make_tuple(l.a, l.b, l.activities, l.work_packages));
              py::dict d;
              d["links"] = links;
              d["activities"] = g.activities;
              return d;
          }, py::arg("proposal"), "Partners linked by shared activities and work packages: links (a, b, activities, "
                                  "work packages) and activities per partner.");
}

}  // namespace interreg::bindings
