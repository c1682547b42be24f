// The budget summary: computed without the GIL, converted to Python in parts on request, and
// its tables as columns (values converted once per column).
#include "bindings.hpp"

#include <pybind11/stl.h>

#include <array>

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

// A dict key made once and kept (never freed: it lives as long as the interpreter); the views
// below set thousands of keys, and a new str for each would cost as much as the amounts.
py::handle key(const char* name) {
    PyObject* made = PyUnicode_InternFromString(name);
    if (!made) throw py::error_already_set();
    return made;
}

void set(py::dict& d, py::handle k, py::handle value) {
    if (PyDict_SetItem(d.ptr(), k.ptr(), value.ptr()) != 0) throw py::error_already_set();
}

// Amounts as Decimal with two places, from the core's text of them (decimal()). Zero, a third of
// a summary's amounts (categories a partner does not use), is made once: a Decimal is immutable,
// so the views can share it.
class Decimals {
public:
    py::object operator()(Money m) {
        static const py::handle zero = decimal(Money().to_string()).release();  // never freed, like decimal_type()
        return m.cents() == 0 ? py::reinterpret_borrow<py::object>(zero) : decimal(m.to_string());
    }

    py::dict operator()(const CostBreakdown& b) {
        static const auto keys = [] {
            std::array<py::handle, 9> out;
            for (std::size_t k = 0; k < out.size(); ++k) out[k] = key(cost_fields()[k].first);
            return out;
        }();
        py::dict out;
        for (std::size_t k = 0; k < keys.size(); ++k) set(out, keys[k], (*this)(b.*cost_fields()[k].second));
        return out;
    }

    template <class Amounts>
    py::list list(const Amounts& amounts) {
        py::list out(amounts.size());
        for (std::size_t k = 0; k < amounts.size(); ++k) out[k] = (*this)(amounts[k]);
        return out;
    }
};

// Everything but the lines, with the keys of budget_summary_to_json and amounts as Decimal:
// the Python summary's views, made in one pass without going through JSON.
py::dict summary_views(const BudgetSummary& s) {
    Decimals amount;
    auto breakdowns = [&](const std::vector<CostBreakdown>& bs) {
        py::list out(bs.size());
        for (std::size_t k = 0; k < bs.size(); ++k) out[k] = amount(bs[k]);
        return out;
    };
    py::list partners(s.partners.size());
    for (std::size_t i = 0; i < s.partners.size(); ++i) {
        const PartnerSummary& p = s.partners[i];
        static const py::handle id = key("id"), name = key("name"), country = key("country"), role = key("role"),
                                fund = key("fund"), rate = key("rate"), costs = key("costs"),
                                fund_amount = key("fund_amount"), contribution = key("contribution"),
                                own = key("own_contribution"), public_ = key("public_contribution"),
                                private_ = key("private_contribution"), sources = key("sources_total"),
                                periods = key("periods"), fund_by_period = key("fund_by_period"),
                                contribution_by_period = key("contribution_by_period");
        py::dict d;
        set(d, id, py::str(p.id));
        set(d, name, py::str(p.name));
        set(d, country, py::str(p.country));
        set(d, role, py::str(std::string(to_string(p.role))));
        set(d, fund, p.fund.empty() ? py::object(py::none()) : py::object(py::str(p.fund)));
        set(d, rate, py::str(p.rate.to_string()));
        set(d, costs, amount(p.costs));
        set(d, fund_amount, amount(p.fund_amount));
        set(d, contribution, amount(p.contribution));
        set(d, own, amount(p.own_contribution));
        set(d, public_, amount(p.public_contribution));
        set(d, private_, amount(p.private_contribution));
        set(d, sources, amount(p.sources_total));
        set(d, periods, breakdowns(p.periods));
        set(d, fund_by_period, amount.list(p.fund_by_period));
        set(d, contribution_by_period, amount.list(p.contribution_by_period));
        partners[i] = std::move(d);
    }
    auto by_key = [&](const std::map<std::string, Money>& amounts) {
        py::dict out;
        for (const auto& [key, m] : amounts) out[py::str(key)] = amount(m);
        return out;
    };
    py::dict rates;
    for (const auto& [code, e] : s.exchange_rates_used) {
        rates[py::str(code)] = py::dict(py::arg("rate") = e.rate.to_string(),
                                        py::arg("date") = e.date ? py::object(py::str(e.date->to_string())) : py::none(),
                                        py::arg("source") = e.source);
    }
    py::dict out;
    out["periods"] = to_python(reporting_periods_to_json(s.periods));
    out["partners"] = std::move(partners);
    out["costs"] = amount(s.costs);
    out["fund_amount"] = amount(s.fund_amount);
    out["contribution"] = amount(s.contribution);
    out["own_contribution"] = amount(s.own_contribution);
    out["public_contribution"] = amount(s.public_contribution);
    out["private_contribution"] = amount(s.private_contribution);
    out["sources_total"] = amount(s.sources_total);
    out["period_costs"] = breakdowns(s.period_costs);
    out["fund_by_period"] = amount.list(s.fund_by_period);
    out["contribution_by_period"] = amount.list(s.contribution_by_period);
    out["fund_totals"] = by_key(s.fund_totals);
    out["country_totals"] = by_key(s.country_totals);
    out["period_totals"] = amount.list(s.period_totals);
    out["exchange_rates"] = std::move(rates);
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
        .def("totals", &summary_views,
             "Everything but the lines, as plain data with the keys of to_dict() (amounts as Decimal with two places).")
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
