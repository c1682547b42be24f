// Validation, findings, reports and the rule catalogue.
#include "bindings.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <string_view>
#include <unordered_map>

#include "interreg/batch.hpp"
#include "interreg/errors.hpp"
#include "interreg/rules.hpp"

namespace interreg::bindings {

namespace {

// A 1-D object array of `n` slots, filled by put().
py::array object_column(std::size_t n) { return py::array(py::dtype("object"), {static_cast<py::ssize_t>(n)}, {}); }

void put(py::array& column, std::size_t i, py::object value) {
    auto** slots = static_cast<PyObject**>(column.mutable_data());
    PyObject* old = slots[i];  // None (or NULL) in a new object array
    slots[i] = value.release().ptr();
    Py_XDECREF(old);
}

// The findings of many reports as whole columns, for one DataFrame without a Python object per
// finding: report (the position of its report), rule, severity, path, message, source and
// assumed. Rules, severities, sources and paths repeat: each distinct one is one str, shared.
py::dict findings_table(const std::vector<const Report*>& reports) {
    std::size_t n = 0;
    for (const Report* r : reports) n += r->findings.size();
    py::array_t<std::int64_t> report(static_cast<py::ssize_t>(n));
    py::array_t<bool> assumed(static_cast<py::ssize_t>(n));
    py::array rule = object_column(n), severity = object_column(n), path = object_column(n),
              message = object_column(n), source = object_column(n);
    auto* report_at = report.mutable_data();
    auto* assumed_at = assumed.mutable_data();
    std::unordered_map<std::string_view, py::str> shared;
    auto once = [&](std::string_view s) {
        auto it = shared.find(s);
        if (it == shared.end()) it = shared.emplace(s, py::str(s.data(), s.size())).first;
        return it->second;
    };
    std::size_t i = 0;
    for (std::size_t k = 0; k < reports.size(); ++k) {
        for (const Finding& f : reports[k]->findings) {
            report_at[i] = static_cast<std::int64_t>(k);
            assumed_at[i] = f.assumed;
            put(rule, i, once(f.rule));
            put(severity, i, once(to_string(f.severity)));
            put(path, i, once(f.path));  // the same places recur from document to document
            put(message, i, py::str(f.message));
            put(source, i, once(f.source));
            ++i;
        }
    }
    py::dict out;
    out["report"] = report;
    out["rule"] = rule;
    out["severity"] = severity;
    out["path"] = path;
    out["message"] = message;
    out["source"] = source;
    out["assumed"] = assumed;
    return out;
}

// Each report's findings per severity, as columns: errors, warnings, infos.
py::dict report_counts(const std::vector<const Report*>& reports) {
    py::dict out;
    for (const auto& [name, severity] : {std::pair{"errors", Severity::error}, {"warnings", Severity::warning}, {"infos", Severity::info}}) {
        py::array_t<std::int64_t> column(static_cast<py::ssize_t>(reports.size()));
        auto* at = column.mutable_data();
        for (std::size_t k = 0; k < reports.size(); ++k) at[k] = static_cast<std::int64_t>(reports[k]->count(severity));
        out[name] = column;
    }
    return out;
}

}  // namespace

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

    m.def("findings_table", &findings_table, py::arg("reports"),
          "The findings of `reports` as columns: report (its position), rule, severity, path, message, source "
          "(object arrays) and assumed (bool array).");
    m.def("report_counts", &report_counts, py::arg("reports"),
          "Each report's findings per severity as int64 columns: errors, warnings, infos.");

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
