// Validation, findings, reports and the rule catalogue.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/batch.hpp"
#include "interreg/errors.hpp"
#include "interreg/rules.hpp"

namespace interreg::bindings {

void register_validation(py::module_& m) {
    py::class_<Finding>(m, "Finding", "One finding of a validation.")
        .def_readonly("rule", &Finding::rule)
        .def_property_readonly("severity", [](const Finding& f) { return std::string(to_string(f.severity)); })
        .def_readonly("message", &Finding::message)
        .def_readonly("path", &Finding::path)
        .def_readonly("source", &Finding::source)
        .def_readonly("assumed", &Finding::assumed);

    py::class_<Report>(m, "Report", "The findings of one validation, in rule order.")
        .def_readonly("findings", &Report::findings)
        .def_property_readonly("ok", &Report::ok)
        .def("count", [](const Report& r, const std::string& severity) {
            auto s = parse_severity(severity);
            if (!s) throw ArgumentError("severity must be ERROR, WARNING or INFO, not '" + severity + "'");
            return r.count(*s);
        }, py::arg("severity"));

    m.def("validate", [](const Programme& programme, const Draft& draft) {
        return reading(draft, [&](const Proposal& p) { return validate(programme, p); });
    }, py::arg("programme"), py::arg("proposal"), "Run every rule the programme switches on.");

    m.def("check_files", [](const std::vector<std::string>& paths, const std::vector<std::shared_ptr<Programme>>& programmes,
                            unsigned workers) {
              std::vector<const Programme*> known;
              for (const auto& p : programmes) known.push_back(p.get());
              std::vector<FileCheck> checks;
              {
                  py::gil_scoped_release release;
                  checks = check_files(paths, known, workers);
              }
              static const char* const outcomes[] = {"validated", "unreadable", "malformed", "elsewhere"};
              py::list out;
              for (auto& c : checks) {
                  py::object report = c.outcome == FileCheck::Outcome::validated ? py::cast(std::move(c.report)) : py::none();
                  out.append(py::make_tuple(outcomes[static_cast<int>(c.outcome)], report, message_text(c.message),
                                            message_text(c.path), message_text(c.programme)));
              }
              return out;
          }, py::arg("paths"), py::arg("programmes"), py::arg("workers"),
          "Read and validate proposal files on `workers` threads: per file (outcome, report, message, path, "
          "programme); outcome is validated, unreadable, malformed or elsewhere (not settled in the core: a "
          "programme not among `programmes`, or another error; check it the Python way).");

    m.def("rule_catalogue", [] {
        py::list out;
        for (const auto& r : rule_catalogue()) {
            py::list params;
            for (const auto& p : r.params) params.append(std::string(p.key));
            py::dict row;
            row["id"] = std::string(r.id);
            row["severity"] = std::string(to_string(r.severity));
            row["title"] = std::string(r.title);
            row["params"] = params;
            out.append(row);
        }
        return out;
    }, "Every rule the library knows, whether or not a programme switches it on.");
}

}  // namespace interreg::bindings
