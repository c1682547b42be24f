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

    m.def("check_files", [](const std::vector<py::bytes>& paths, const std::vector<std::shared_ptr<Programme>>& available,
                            const std::shared_ptr<Programme>& only, unsigned workers) {
              // Paths as the file system's bytes: a name that is not UTF-8 is checked like any other.
              std::vector<std::string> names(paths.begin(), paths.end());
              BatchProgrammes programmes{{}, only.get()};
              for (const auto& p : available) programmes.available.push_back(p.get());
              std::vector<FileCheck> checks;
              {
                  py::gil_scoped_release release;
                  checks = check_files(names, programmes, workers);
              }
              py::list out;
              for (auto& c : checks) out.append(py::make_tuple(py::bytes(c.file), c.input, std::move(c.report), c.readable));
              return out;
          }, py::arg("paths"), py::arg("available"), py::arg("only"), py::arg("workers"),
          "Read and validate proposal files and folders (paths as bytes; a folder is every *.json under it) on "
          "`workers` threads: per file (file, input position, report, readable). Each is checked against `only` "
          "when given, else the programme of `available` it names; a file that cannot be checked has one "
          "document.* finding.");

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
