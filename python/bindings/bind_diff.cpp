// What changed between two versions (diff.hpp): computed without the GIL, the two versions'
// documents, validations and summaries on two threads (each under its own proposal's lock; no
// thread holds one lock while waiting for the other), handed to Python as columns.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include <future>

#include "interreg/diff.hpp"

namespace interreg::bindings {
namespace {

py::object value_or_none(const std::optional<nlohmann::ordered_json>& v) {
    return v ? to_python(*v) : py::none();
}

py::list cents(const BudgetFigures& figures) {
    py::list out;
    for (const Money& m : figures) out.append(m.cents());
    return out;
}

py::dict budget_row(const BudgetDifferenceRow& row) {
    py::dict out;
    out["id"] = row.partner_id;
    out["name"] = row.partner_name;
    out["before"] = cents(row.before);
    out["after"] = cents(row.after);
    out["difference"] = cents(row.difference);
    return out;
}

}  // namespace

void register_diff(py::module_& m) {
    py::class_<ProposalDiff>(m, "ProposalDiff", "The changes, budget differences and findings of two versions.")
        .def_property_readonly("identical", &ProposalDiff::identical)
        .def("changes", [](const ProposalDiff& d) {
            py::list path, kind, before, after, partner_id, partner_name, section;
            for (const Change& c : d.changes) {
                path.append(c.path);
                kind.append(std::string(to_string(c.kind)));
                before.append(value_or_none(c.before));
                after.append(value_or_none(c.after));
                partner_id.append(c.partner_id);
                partner_name.append(c.partner_name);
                section.append(c.section);
            }
            py::dict out;
            out["path"] = path;
            out["kind"] = kind;
            out["before"] = before;
            out["after"] = after;
            out["partner_id"] = partner_id;
            out["partner_name"] = partner_name;
            out["section"] = section;
            return out;
        }, "The changes as columns (values as plain data; None where absent; partner '' outside partners).")
        .def("budget", [](const ProposalDiff& d) {
            py::dict out;
            out["before_error"] = d.budget.before_error;
            out["after_error"] = d.budget.after_error;
            py::list rows;
            for (const auto& row : d.budget.partners) rows.append(budget_row(row));
            out["partners"] = rows;
            out["total"] = budget_row(d.budget.total);
            return out;
        }, "Per partner and for the project: before, after and difference in cents, in the order of "
           "budget_difference_columns; errors '' when both summaries were computed.")
        .def_property_readonly("fixed", [](const ProposalDiff& d) { return d.findings.fixed; })
        .def_property_readonly("introduced", [](const ProposalDiff& d) { return d.findings.introduced; })
        .def_property_readonly("unchanged", [](const ProposalDiff& d) { return d.findings.unchanged; });

    m.attr("diff_sections") = diff_sections();
    m.attr("budget_difference_columns") = budget_difference_columns();

    m.def("diff", [](const Draft& before, const Draft& after) {
        py::gil_scoped_release release;
        auto b = std::async(std::launch::async, [&] {
            return before.read([&](const Proposal& p) { return diff_side(before.programme(), p); });
        });
        const DiffSide a = after.read([&](const Proposal& p) { return diff_side(after.programme(), p); });
        return diff_sides(b.get(), a);
    }, py::arg("before"), py::arg("after"), "Compare two proposals, each with its own programme.");
}

}  // namespace interreg::bindings
