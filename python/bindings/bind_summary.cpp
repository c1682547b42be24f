// The budget summary: computed without the GIL, converted to Python in parts on request.
#include "bindings.hpp"

#include "interreg/budget_engine.hpp"

namespace interreg::bindings {

void register_summary(py::module_& m) {
    py::class_<BudgetSummary>(m, "BudgetSummary", "A computed budget; its parts are converted to Python on request.")
        .def("totals", [](const BudgetSummary& s) { return to_python(budget_summary_to_json(s, false)); },
             "Everything but the lines, as plain data (amounts in cents).")
        .def("lines", [](const BudgetSummary& s) { return to_python(budget_lines_to_json(s)); },
             "One dict per budget line (amounts in cents).")
        .def("to_dict", [](const BudgetSummary& s) { return to_python(budget_summary_to_json(s)); },
             "The whole summary as plain data (amounts in cents).");

    m.def("summarise_budget", [](const Programme& programme, const Draft& draft) {
        return reading(draft, [&](const Proposal& p) { return summarise_budget(programme, p); });
    }, py::arg("programme"), py::arg("proposal"), "Compute the budget summary.");
}

}  // namespace interreg::bindings
