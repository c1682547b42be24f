// The budget summary: computed without the GIL, converted to Python in parts on request, and
// its tables as columns (values converted once per column).
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/budget_engine.hpp"
#include "interreg/budget_tables.hpp"
#include "interreg/rules.hpp"

namespace interreg::bindings {
namespace {

// A column's values: int for integer and money (cents) columns, str or None for the others.
py::list column_values(const TableColumn& c) {
    const bool numeric = c.kind == ColumnKind::integer || c.kind == ColumnKind::money;
    py::list out(numeric ? c.numbers.size() : c.texts.size());
    if (numeric) {
        for (std::size_t i = 0; i < c.numbers.size(); ++i) out[i] = py::int_(c.numbers[i]);
    } else {
        for (std::size_t i = 0; i < c.texts.size(); ++i) {
            out[i] = c.texts[i] ? py::object(py::str(*c.texts[i])) : py::object(py::none());
        }
    }
    return out;
}

}  // namespace

void register_summary(py::module_& m) {
    py::class_<TableColumn>(m, "TableColumn", "One column of a budget table.")
        .def_readonly("id", &TableColumn::id)
        .def_property_readonly("kind", [](const TableColumn& c) { return std::string(to_string(c.kind)); },
                               "text, integer, money (cents), percent, decimal or date.")
        .def_property_readonly("values", &column_values, "One value per row (a new list each time).")
        .def_readonly("total", &TableColumn::total, "The column's value in the total row, if any.")
        .def_readonly("currency_column", &TableColumn::currency_column,
                      "For money in each row's own currency: the column naming it; empty for euro.");

    py::class_<BudgetTable>(m, "BudgetTable", "A table of a budget summary, as columns.")
        .def_readonly("id", &BudgetTable::id)
        .def_readonly("columns", &BudgetTable::columns)
        .def_readonly("has_total", &BudgetTable::has_total)
        .def_property_readonly("row_count", &BudgetTable::row_count);

    py::class_<BudgetSummary>(m, "BudgetSummary", "A computed budget; its parts are converted to Python on request.")
        .def("totals", [](const BudgetSummary& s) { return to_python(budget_summary_to_json(s, false)); },
             "Everything but the lines, as plain data (amounts in cents).")
        .def("to_dict", [](const BudgetSummary& s) { return to_python(budget_summary_to_json(s)); },
             "The whole summary as plain data (amounts in cents).")
        .def("table", [](const BudgetSummary& s, const std::string& name) {
            py::gil_scoped_release release;
            return budget_table(s, name);
        }, py::arg("name"), "One of the summary's tables (see budget_table_names).");

    m.attr("budget_table_names") = budget_table_names();
    m.attr("cost_columns") = cost_column_ids();

    m.def("summarise_budget", [](const Programme& programme, const Draft& draft) {
        return reading(draft, [&](const Proposal& p) { return summarise_budget(programme, p); });
    }, py::arg("programme"), py::arg("proposal"), "Compute the budget summary.");
    m.def("fund_caps", [](const Programme& programme, const Draft& draft) {
        py::dict out;
        for (const auto& [fund, cap] : reading(draft, [&](const Proposal& p) { return fund_caps(programme, p); })) {
            out[py::str(fund)] = py::make_tuple(cap.amount.cents(), cap.where);
        }
        return out;
    }, py::arg("programme"), py::arg("proposal"),
          "The most the project may take from each fund: fund → (cents, where the cap is set).");
}

}  // namespace interreg::bindings
