// Validation, findings, reports and the rule catalogue.
#include "bindings.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string_view>

#include "interreg/batch.hpp"
#include "interreg/errors.hpp"
#include "interreg/interner.hpp"
#include "interreg/rules.hpp"

namespace interreg::bindings {

namespace {

// A column of Python objects grown one value at a time, then handed to a 1-D numpy object array
// without copying the values.
class ObjectColumn {
public:
    ObjectColumn() = default;
    ObjectColumn(const ObjectColumn&) = delete;
    ObjectColumn& operator=(const ObjectColumn&) = delete;
    ~ObjectColumn() {
        for (PyObject* v : values_) Py_DECREF(v);
    }
    void reserve(std::size_t n) { values_.reserve(n); }
    void push_back(py::object value) {
        values_.push_back(nullptr);  // room first: a failed push_back must not lose the reference
        values_.back() = value.release().ptr();
    }
    py::array array() {
        py::array out(py::dtype("object"), {static_cast<py::ssize_t>(values_.size())}, {});
        auto** slots = static_cast<PyObject**>(out.mutable_data());
        for (std::size_t i = 0; i < values_.size(); ++i) {
            Py_XDECREF(slots[i]);  // None (or NULL) in a new object array
            slots[i] = values_[i];
        }
        values_.clear();  // the array owns them now
        return out;
    }

private:
    std::vector<PyObject*> values_;
};

py::array_t<std::int64_t> numbers(const std::vector<std::int64_t>& values) {
    return py::array_t<std::int64_t>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::array_t<bool> flags(const std::vector<std::uint8_t>& values) {
    py::array_t<bool> out(static_cast<py::ssize_t>(values.size()));
    auto* at = out.mutable_data();
    for (std::size_t i = 0; i < values.size(); ++i) at[i] = values[i] != 0;
    return out;
}

// The findings of many reports as whole columns, for one DataFrame without a Python object per
// finding: report (the position of its report), rule, severity, path, message, source and
// assumed. Every text repeats from report to report (a batch of 2,000 drafts said 37,000 things in
// 859 messages): each distinct one is one str, shared.
class FindingColumns {
public:
    void reserve(std::size_t n) {
        report_.reserve(n);
        assumed_.reserve(n);
        for (auto* c : {&rule_, &severity_, &path_, &message_, &source_}) c->reserve(n);
    }

    void add(std::size_t report, std::string_view rule, Severity severity, std::string_view path, std::string_view message,
             std::string_view source, bool assumed) {
        report_.push_back(static_cast<std::int64_t>(report));
        assumed_.push_back(assumed);
        rule_.push_back(once(kRule, rule));
        severity_.push_back(once(kSeverity, to_string(severity)));
        path_.push_back(once(kPath, path));  // the same places recur from document to document
        message_.push_back(once(kMessage, message));
        source_.push_back(once(kSource, source));
    }

    py::dict columns() {
        py::dict out;
        out["report"] = numbers(report_);
        out["rule"] = rule_.array();
        out["severity"] = severity_.array();
        out["path"] = path_.array();
        out["message"] = message_.array();
        out["source"] = source_.array();
        out["assumed"] = flags(assumed_);
        return out;
    }

private:
    enum Shared { kRule, kSeverity, kPath, kMessage, kSource, kShared };
    // A report's findings come in rule order: most often a column repeats the finding before.
    py::str once(Shared column, std::string_view s) {
        std::uint32_t& last = last_[column];
        if (last != UINT32_MAX && texts_.values()[last] == s) return strs_[last];
        last = texts_.intern(s);  // a copy of the text: the findings go once added
        if (last == strs_.size()) strs_.emplace_back(s.data(), s.size());
        return strs_[last];
    }

    std::vector<std::int64_t> report_;
    std::vector<std::uint8_t> assumed_;
    ObjectColumn rule_, severity_, path_, message_, source_;
    Interner texts_;              // each distinct text, numbered
    std::vector<py::str> strs_;   // its str, by number
    // Each column's text of the finding before, by number (none yet at first).
    std::uint32_t last_[kShared] = {UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX};
};

py::dict findings_table(const std::vector<const Report*>& reports) {
    std::size_t n = 0;
    for (const Report* r : reports) n += r->findings.size();
    FindingColumns table;
    table.reserve(n);
    for (std::size_t k = 0; k < reports.size(); ++k) {
        for (const Finding& f : reports[k]->findings) table.add(k, f.rule, f.severity, f.path, f.message, f.source, f.assumed);
    }
    return table.columns();
}

// The files of `paths` checked as two tables: files (file, input, readable, errors, warnings,
// infos; one row per file) and findings (findings_table's columns, report being the file's row).
// Each file's rows are made as soon as it is done, while the workers check the files after it.
py::tuple checks_table(const std::vector<std::string>& paths, const BatchProgrammes& programmes, unsigned workers) {
    std::optional<FileChecks> checks;
    {
        py::gil_scoped_release release;  // walking the folders and starting the workers
        checks.emplace(paths, programmes, workers);
    }
    const std::size_t n = checks->size();
    py::list names(n);
    std::vector<std::int64_t> input(n), errors(n), warnings(n), infos(n);
    std::vector<std::uint8_t> readable(n);
    FindingColumns findings;
    for (std::size_t k = 0; k < n; ++k) {
        // Ctrl-C (or any signal handler that raises) stops a long batch here: the workers stop
        // after their current file.
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        PackedCheck c;
        {
            py::gil_scoped_release release;
            c = checks->take(k);
        }
        // The file system's bytes, decoded as os.fsdecode does.
        PyObject* name = PyUnicode_DecodeFSDefaultAndSize(c.file.data(), static_cast<Py_ssize_t>(c.file.size()));
        if (!name) throw py::error_already_set();
        names[k] = py::reinterpret_steal<py::object>(name);
        input[k] = static_cast<std::int64_t>(c.input);
        readable[k] = c.readable;
        errors[k] = static_cast<std::int64_t>(c.errors);
        warnings[k] = static_cast<std::int64_t>(c.warnings);
        infos[k] = static_cast<std::int64_t>(c.infos);
        for (const auto& e : c.findings) {
            findings.add(k, c.text(e.rule), e.severity, c.text(e.path), c.text(e.message), c.text(e.source), e.assumed);
        }
    }
    py::dict files;
    files["file"] = names;
    files["input"] = numbers(input);
    files["readable"] = flags(readable);
    files["errors"] = numbers(errors);
    files["warnings"] = numbers(warnings);
    files["infos"] = numbers(infos);
    return py::make_tuple(files, findings.columns());
}

std::vector<std::string> path_args(const py::list& paths) {
    std::vector<std::string> out;
    out.reserve(paths.size());
    for (py::handle p : paths) out.push_back(path_arg(p));
    return out;
}

BatchProgrammes batch_programmes(const std::vector<std::shared_ptr<Programme>>& available, const std::shared_ptr<Programme>& only) {
    BatchProgrammes programmes{{}, only.get()};
    for (const auto& p : available) programmes.available.push_back(p.get());
    return programmes;
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

    m.def("check_files", [](const py::list& paths, const std::vector<std::shared_ptr<Programme>>& available,
                            const std::shared_ptr<Programme>& only, unsigned workers) {
              // Paths as the file system's bytes: a name that is not UTF-8 is checked like any other.
              const std::vector<std::string> names = path_args(paths);
              const BatchProgrammes programmes = batch_programmes(available, only);
              std::vector<FileCheck> checks;
              {
                  py::gil_scoped_release release;
                  checks = check_files(names, programmes, workers);
              }
              py::list out;
              for (auto& c : checks) out.append(py::make_tuple(py::bytes(c.file), c.input, std::move(c.report), c.readable));
              return out;
          }, py::arg("paths"), py::arg("available"), py::arg("only"), py::arg("workers"),
          "Read and validate proposal files and folders (str, bytes or os.PathLike; a folder is every *.json under it) on "
          "`workers` threads: per file (file, input position, report, readable). Each is checked against `only` "
          "when given, else the programme of `available` it names; a file that cannot be checked has one "
          "document.* finding.");
    m.def("check_files_table", [](const py::list& paths, const std::vector<std::shared_ptr<Programme>>& available,
                                  const std::shared_ptr<Programme>& only, unsigned workers) {
              return checks_table(path_args(paths), batch_programmes(available, only), workers);
          }, py::arg("paths"), py::arg("available"), py::arg("only"), py::arg("workers"),
          "check_files as two tables: files (file, input, readable, errors, warnings, infos; one row per file) "
          "and findings (findings_table's columns, report being the file's row). No Report is kept.");

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
