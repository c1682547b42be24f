// Proposal and Partner: mutable models whose setters refuse values that cannot be stored.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal.hpp"
#include "interreg/proposal_json.hpp"

namespace interreg::bindings {
namespace {

std::optional<std::string> legal_status_of(const Partner& p) {
    if (!p.legal_status) return std::nullopt;
    return std::string(to_string(*p.legal_status));
}

}  // namespace

void register_proposal(py::module_& m) {
    m.attr("max_duration_months") = max_duration_months;
    m.attr("max_partners") = max_partners;
    py::class_<Partner>(m, "Partner", "One partner of a proposal.")
        .def(py::init([](const std::string& name, const std::string& country) {
                 Partner p;
                 p.name = name;
                 p.country = countries::require(country).code;  // "se" → "SE"
                 p.check();
                 return p;
             }),
             py::arg("name"), py::arg("country"))
        .def_readonly("id", &Partner::id)
        .def_property("name", [](const Partner& p) { return p.name; },
                      [](Partner& p, const std::string& v) {
                          Partner copy = p;
                          copy.name = v;
                          copy.check();
                          p = copy;
                      })
        .def_property("country", [](const Partner& p) { return p.country; },
                      [](Partner& p, const std::string& v) { p.country = countries::require(v).code; })
        .def_readwrite("region", &Partner::region)
        .def_readwrite("org_type", &Partner::org_type)
        .def_property("legal_status", &legal_status_of,
                      [](Partner& p, const std::optional<std::string>& v) {
                          p.legal_status = v ? std::optional<LegalStatus>(parse_legal_status(*v)) : std::nullopt;
                      })
        .def_property("role", [](const Partner& p) { return std::string(to_string(p.role)); },
                      [](Partner& p, const std::string& v) { p.role = parse_role(v); })
        .def_readwrite("norwegian_project_owner", &Partner::norwegian_project_owner);

    py::class_<Proposal>(m, "Proposal", "The metadata and partners of one application.")
        .def(py::init<>())
        .def_readwrite("programme", &Proposal::programme)
        .def_readwrite("call", &Proposal::call)
        .def_readwrite("kind", &Proposal::kind)
        .def_readwrite("acronym", &Proposal::acronym)
        .def_property("title", [](const Proposal& p) { return p.title; },
                      [](Proposal& p, const TextMap& v) { check_text_map(v, "title"); p.title = v; })
        .def_property("summary", [](const Proposal& p) { return p.summary; },
                      [](Proposal& p, const TextMap& v) { check_text_map(v, "summary"); p.summary = v; })
        .def_readwrite("specific_objective", &Proposal::specific_objective)
        .def_readwrite("geography", &Proposal::geography)
        .def_property("start",
                      [](const Proposal& p) -> std::optional<std::string> {
                          return p.start ? std::optional<std::string>(p.start->to_string()) : std::nullopt;
                      },
                      [](Proposal& p, const std::optional<std::string>& v) {
                          if (!v) {
                              p.start.reset();
                              return;
                          }
                          auto d = Date::parse(*v);
                          if (!d) throw ArgumentError("start must be a date as YYYY-MM-DD (e.g. 2026-01-01), not '" + *v + "'");
                          p.start = d;
                      })
        .def_property("duration_months", [](const Proposal& p) { return p.duration_months; },
                      [](Proposal& p, std::optional<int> v) {
                          if (v) check_duration(*v);
                          p.duration_months = v;
                      })
        .def_property_readonly("end", [](const Proposal& p) -> std::optional<std::string> {
            auto e = p.end();
            return e ? std::optional<std::string>(e->to_string()) : std::nullopt;
        })
        .def_readonly("partners", &Proposal::partners)
        .def("add_partner", [](Proposal& p, const Partner& partner) { return p.add_partner(partner); }, py::arg("partner"))
        .def("partner", &Proposal::partner, py::arg("id_or_name"), py::return_value_policy::copy)
        .def("update_partner", &Proposal::update_partner, py::arg("partner"))
        .def("remove_partner", &Proposal::remove_partner, py::arg("id"))
        .def("to_dict", [](const Proposal& p) { return to_python(proposal_to_json(p)); })
        .def_static("from_dict", [](py::handle doc) { return proposal_from_json(from_python(doc)); }, py::arg("document"))
        .def("dumps", &dump_proposal)
        .def_static("loads", [](const std::string& text) { return parse_proposal(text); }, py::arg("text"),
                    py::call_guard<py::gil_scoped_release>())  // the text is already a C++ string
        .def_static("loads_bytes", [](const py::bytes& data) {
            std::string text(data);
            py::gil_scoped_release release;
            return parse_proposal(text);
        }, py::arg("data"))
        .def("save", [](const Proposal& p, const std::string& path) {
            py::gil_scoped_release release;
            save_proposal(p, path);
        }, py::arg("path"))
        .def_static("load", [](const std::string& path) {
            py::gil_scoped_release release;
            return load_proposal(path);
        }, py::arg("path"))
        .def("copy", [](const Proposal& p) { return Proposal(p); })
        .def_property("work_plan", [](const Proposal& p) { return to_python(work_plan_to_json(p.work_plan)); },
                      [](Proposal& p, py::handle doc) { p.work_plan = work_plan_from_json(from_python(doc, "/work_plan")); },
                      "The work plan as a document (dict); setting it reads it strictly (FormatError with the path).");
}

}  // namespace interreg::bindings
