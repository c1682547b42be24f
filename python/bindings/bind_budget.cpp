// Budget lines, flat rates and co-financing. Amounts cross the boundary
// as decimal strings (or str/int/Decimal/exact float on the way in), never as floats.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/edit.hpp"

namespace interreg::bindings {
namespace {

py::object optional_text(const std::optional<Rate>& r) { return r ? py::object(py::str(r->to_string())) : py::none(); }

std::optional<std::vector<Money>> periods_arg(py::handle periods) {
    if (periods.is_none()) return std::nullopt;
    if (PyUnicode_Check(periods.ptr()) || PyBytes_Check(periods.ptr())) {
        throw py::type_error("periods must be a list of amounts, one per reporting period, not a single string");
    }
    std::vector<Money> out;
    for (auto p : py::iter(periods)) out.push_back(money_arg(p, "periods"));
    return out;
}

BudgetLine line_arg(const Programme& programme, py::handle category, py::handle description, py::handle units,
                    py::handle unit_price, py::handle unit_type, py::handle currency, py::handle periods,
                    py::handle unit_cost, py::handle lump_sum) {
    BudgetLine l;
    l.category = category_named(programme, text_arg(category, "category"));
    l.description = text_arg(description, "description");
    l.units = units_arg(units, "units");
    l.unit_price = money_arg(unit_price, "unit_price");
    l.unit_type = text_arg(unit_type, "unit_type");
    l.currency = text_arg(currency, "currency");
    l.periods = periods_arg(periods);
    l.unit_cost = optional_text_arg(unit_cost, "unit_cost");
    l.lump_sum = optional_text_arg(lump_sum, "lump_sum");
    return l;
}

// A line's fields, named as interreg.BudgetLine names them and amounts as Decimals, in one dict.
// budget.add makes one for every line added: the keys are made once and the values set without
// pybind11's per-item conversions.
py::dict line_fields(const Programme& programme, const BudgetLine& line) {
    enum Field { category, description, unit_type, units, unit_price, currency, periods, unit_cost, lump_sum, total, count };
    static PyObject* const* const keys = [] {
        static const char* const names[count] = {"category", "description", "unit_type", "units",     "unit_price",
                                                 "currency", "periods",     "unit_cost", "lump_sum", "total"};
        static PyObject* made[count];  // interned for the life of the process, never freed
        for (int k = 0; k < count; ++k) made[k] = PyUnicode_InternFromString(names[k]);
        return made;
    }();
    py::dict out;
    const auto set = [&](Field k, py::object value) {
        if (PyDict_SetItem(out.ptr(), keys[k], value.ptr()) != 0) throw py::error_already_set();
    };
    const auto text = [](const std::string& s) -> py::object { return py::str(s); };
    const auto optional = [&](const std::optional<std::string>& s) { return s ? text(*s) : py::none(); };
    static PyObject* const* const categories = [] {  // interned once, like the keys
        static PyObject* made[category_count];
        for (std::size_t c = 0; c < category_count; ++c) {
            made[c] = PyUnicode_InternFromString(std::string(to_string(static_cast<Category>(c))).c_str());
        }
        return made;
    }();
    set(category, py::reinterpret_borrow<py::object>(categories[static_cast<std::size_t>(line.category)]));
    set(description, text(line.description));
    set(unit_type, text(line.unit_type));
    set(units, decimal(line.units.to_string()));
    set(unit_price, decimal(line.unit_price.to_string()));
    set(currency, text(line.currency));
    if (line.periods) {
        py::list amounts(line.periods->size());
        for (std::size_t i = 0; i < line.periods->size(); ++i) amounts[i] = decimal((*line.periods)[i].to_string());
        set(periods, std::move(amounts));
    } else {
        set(periods, py::none());
    }
    set(unit_cost, optional(line.unit_cost));
    set(lump_sum, optional(line.lump_sum));
    set(total, decimal(line_total(line.units, effective_unit_price(programme, line)).to_string()));
    return out;
}

// An instance of `line_type` (interreg.BudgetLine, a frozen dataclass) holding the line's fields:
// made as object.__new__ makes it, its __dict__ set at once. The dataclass's __init__ would cost
// a guarded assignment per field, most of what budget.add took.
py::object budget_line(py::handle line_type, const Programme& programme, const BudgetLine& line) {
    if (!PyType_Check(line_type.ptr())) throw py::type_error("line_type must be a class");
    auto* type = reinterpret_cast<PyTypeObject*>(line_type.ptr());
    static PyObject* const no_arguments = PyTuple_New(0);  // for the life of the process
    auto made = py::reinterpret_steal<py::object>(type->tp_new(type, no_arguments, nullptr));
    if (!made) throw py::error_already_set();
    const py::dict fields = line_fields(programme, line);
    if (PyObject_GenericSetDict(made.ptr(), fields.ptr(), nullptr) != 0) throw py::error_already_set();
    return made;
}

}  // namespace

void register_budget(py::module_& m) {
    m.attr("category_names") = category_names();
    m.attr("flat_rate_names") = flat_rate_names();
    m.attr("currency_codes") = currency_codes();

    py::class_<BudgetLine>(m, "BudgetLine", "One budget line as stored: units × unit price in a cost category (a copy).")
        .def_property_readonly("category", [](const BudgetLine& l) { return std::string(to_string(l.category)); })
        .def_readonly("description", &BudgetLine::description)
        .def_readonly("unit_type", &BudgetLine::unit_type)
        .def_property_readonly("units", [](const BudgetLine& l) { return l.units.to_string(); })
        .def_property_readonly("unit_price", [](const BudgetLine& l) { return l.unit_price.to_string(); })
        .def_readonly("currency", &BudgetLine::currency)
        .def_property_readonly("periods", [](const BudgetLine& l) -> std::optional<std::vector<std::string>> {
            if (!l.periods) return std::nullopt;
            std::vector<std::string> out;
            for (Money p : *l.periods) out.push_back(p.to_string());
            return out;
        })
        .def_readonly("unit_cost", &BudgetLine::unit_cost)
        .def_readonly("lump_sum", &BudgetLine::lump_sum);

    auto proposal = py::reinterpret_borrow<py::class_<Draft, std::shared_ptr<Draft>>>(m.attr("Proposal"));
    proposal
        // ---- lines
        .def("lines", [](const Draft& d, const std::string& partner) {
            return reading(d, [&](const Proposal& p) { return p.partner(partner).budget.lines; });
        }, py::arg("partner"), "Copies of a partner's budget lines.")
        .def("line_count", [](const Draft& d, const std::string& partner) {
            return reading(d, [&](const Proposal& p) { return p.partner(partner).budget.lines.size(); });
        }, py::arg("partner"))
        .def("add_line", [](Draft& d, const std::string& partner, py::handle category, py::handle description,
                            py::handle units, py::handle unit_price, py::handle unit_type, py::handle currency,
                            py::handle periods, py::handle unit_cost, py::handle lump_sum, py::handle line_type) {
            BudgetLine line = line_arg(d.programme(), category, description, units, unit_price, unit_type, currency,
                                       periods, unit_cost, lump_sum);
            editing_small(d, [&](Proposal& p) { add_line(p, partner, line); });
            return budget_line(line_type, d.programme(), line);
        }, py::arg("partner"), py::arg("category"), py::arg("description"), py::arg("units"), py::arg("unit_price"),
           py::arg("unit_type"), py::arg("currency"), py::arg("periods"), py::arg("unit_cost"), py::arg("lump_sum"),
           py::arg("line_type"), "Add a line; returns it as budget_line makes it.")
        .def("set_line_periods", [](Draft& d, const std::string& partner, std::size_t index, py::handle periods) {
            auto amounts = periods_arg(periods);
            editing(d, [&](Proposal& p) { set_line_periods(p, partner, index, std::move(amounts)); });
        }, py::arg("partner"), py::arg("index"), py::arg("periods"))
        .def("spread_line_evenly", [](Draft& d, const std::string& partner, std::size_t index) {
            const auto amounts = editing(d, [&](Proposal& p) { return spread_line_evenly(p, d.programme(), partner, index); });
            std::vector<std::string> out;
            for (Money a : amounts) out.push_back(a.to_string());
            return out;
        }, py::arg("partner"), py::arg("index"), "Write an even spread of a line over the periods; returns it.")
        .def("remove_line", [](Draft& d, const std::string& partner, std::size_t index) {
            editing(d, [&](Proposal& p) { remove_line(p, partner, index); });
        }, py::arg("partner"), py::arg("index"))
        .def("line_problems", [](const Draft& d, const std::string& partner, const std::vector<BudgetLine>& lines) {
            const auto problems = reading(d, [&](const Proposal& p) { return line_problems(p, partner, lines); });
            std::vector<std::pair<std::string, std::string>> out;
            for (const auto& e : problems) out.emplace_back(e.field(), e.detail());
            return out;
        }, py::arg("partner"), py::arg("lines"),
           "Why `lines` could not replace the partner's lines: (field, message) pairs, the field naming the line "
           "(\"lines/3/category\"); empty when they can.")
        .def("replace_lines", [](Draft& d, const std::vector<std::pair<std::string, std::vector<BudgetLine>>>& budgets) {
            editing(d, [&](Proposal& p) { replace_lines(p, budgets); });
        }, py::arg("budgets"), "Replace the lines of each (partner id, lines) pair, all or nothing.")
        // ---- flat rates
        .def("flat_rates", [](const Draft& d, const std::string& partner) {
            const FlatRates rates = reading(d, [&](const Proposal& p) { return p.partner(partner).budget.flat_rates; });
            py::dict out;
            for (const auto& name : flat_rate_names()) out[py::str(name)] = optional_text(flat_rate(rates, name));
            return out;
        }, py::arg("partner"))
        .def("set_flat_rates", [](Draft& d, const std::string& partner, const py::dict& rates) {
            FlatRates chosen;
            for (auto item : rates) {
                const auto name = text_arg(item.first, "flat rate");
                set_flat_rate(chosen, name, item.second.is_none() ? std::nullopt
                                                                  : std::optional<Rate>(rate_arg(item.second, name.c_str())));
            }
            editing(d, [&](Proposal& p) { set_flat_rates(p, partner, chosen); });
        }, py::arg("partner"), py::arg("rates"), "Replace all flat rates: name → rate (\"15%\", Decimal(\"0.15\")) or None.")
        // ---- co-financing
        .def("fund", [](const Draft& d, const std::string& partner) {
            return reading(d, [&](const Proposal& p) { return p.partner(partner).cofinancing.fund; });
        }, py::arg("partner"))
        .def("set_fund", [](Draft& d, const std::string& partner, py::handle fund) {
            auto id = optional_text_arg(fund, "fund");
            if (id) id = fund_named(d.programme(), std::move(*id));
            editing(d, [&](Proposal& p) { set_fund(p, partner, std::move(id)); });
        }, py::arg("partner"), py::arg("fund"))
        .def("cofinancing_rate", [](const Draft& d, const std::string& partner) {
            return optional_text(reading(d, [&](const Proposal& p) { return p.partner(partner).cofinancing.rate; }));
        }, py::arg("partner"))
        .def("set_cofinancing_rate", [](Draft& d, const std::string& partner, py::handle rate) {
            const auto value = rate.is_none() ? std::nullopt : std::optional<Rate>(rate_arg(rate, "rate"));
            editing(d, [&](Proposal& p) { set_cofinancing_rate(p, partner, value); });
        }, py::arg("partner"), py::arg("rate"))
        .def("sources", [](const Draft& d, const std::string& partner) {
            const auto sources = reading(d, [&](const Proposal& p) { return p.partner(partner).cofinancing.sources; });
            py::list out;
            for (const auto& s : sources) {
                py::dict row;
                row["name"] = s.name;
                row["own"] = s.own;
                row["status"] = std::string(to_string(s.status));
                row["amount"] = s.amount.to_string();
                out.append(row);
            }
            return out;
        }, py::arg("partner"))
        .def("add_source", [](Draft& d, const std::string& partner, py::handle name, py::handle amount, py::handle status,
                              bool own) {
            ContributionSource source{text_arg(name, "name"), own, funding_named(text_arg(status, "status")),
                                      money_arg(amount, "amount")};
            editing(d, [&](Proposal& p) { add_source(p, partner, std::move(source)); });
        }, py::arg("partner"), py::arg("name"), py::arg("amount"), py::arg("status") = "public", py::arg("own") = true)
        .def("remove_source", [](Draft& d, const std::string& partner, std::size_t index) {
            editing(d, [&](Proposal& p) { remove_source(p, partner, index); });
        }, py::arg("partner"), py::arg("index"))
        // ---- exchange rates
        .def_property_readonly("exchange_rates", [](const Draft& d) {
            const auto rates = reading(d, [](const Proposal& p) { return p.exchange_rates; });
            py::dict out;
            for (const auto& [code, e] : rates) {
                py::dict row;
                row["rate"] = e.rate.to_string();
                row["date"] = e.date ? py::object(py::str(e.date->to_string())) : py::none();
                row["source"] = e.source;
                out[py::str(code)] = row;
            }
            return out;
        })
        .def("set_exchange_rate", [](Draft& d, py::handle currency, py::handle value, py::handle date, py::handle source) {
            ExchangeRateEntry e;
            e.rate = exchange_rate_arg(value, "rate");
            if (auto text = optional_text_arg(date, "date")) e.date = parse_date("date", *text);
            e.source = text_arg(source, "source");
            auto code = text_arg(currency, "currency");
            editing(d, [&](Proposal& p) { set_exchange_rate(p, std::move(code), std::move(e)); });
        }, py::arg("currency"), py::arg("rate"), py::arg("date") = py::none(), py::arg("source") = "")
        .def("remove_exchange_rate", [](Draft& d, py::handle currency) {
            const auto code = text_arg(currency, "currency");
            editing(d, [&](Proposal& p) { remove_exchange_rate(p, code); });
        }, py::arg("currency"));

    m.def("make_line", [](const Programme& programme, py::handle category, py::handle description, py::handle units,
                          py::handle unit_price, py::handle unit_type, py::handle currency, py::handle periods,
                          py::handle unit_cost, py::handle lump_sum) {
        BudgetLine line = line_arg(programme, category, description, units, unit_price, unit_type, currency, periods,
                                   unit_cost, lump_sum);
        check_line(line);
        return line;
    }, py::arg("programme"), py::arg("category"), py::arg("description"), py::arg("units"), py::arg("unit_price"),
       py::arg("unit_type") = "", py::arg("currency") = "EUR", py::arg("periods") = py::none(),
       py::arg("unit_cost") = py::none(), py::arg("lump_sum") = py::none(),
       "A line checked as add_line checks it, added nowhere; ArgumentError's field names the value at fault.");

    m.def("budget_line", &budget_line, py::arg("line_type"), py::arg("programme"), py::arg("line"),
          "The line as an instance of line_type (interreg.BudgetLine) with its fields set: amounts as Decimal, "
          "total being units × the price charged.");

    m.def("spread_evenly", [](py::handle total, int periods) {
        std::vector<std::string> out;
        for (Money m : spread_evenly(money_arg(total, "total"), periods)) out.push_back(m.to_string());
        return out;
    }, py::arg("total"), py::arg("periods"), "Split an amount over periods: equal cents, the last takes the rest.");

    m.def("line_total", [](py::handle units, py::handle price) {
        return line_total(units_arg(units, "units"), money_arg(price, "unit_price")).to_string();
    }, py::arg("units"), py::arg("unit_price"));

    m.def("parse_money", [](py::handle v) { return money_arg(v, "amount").to_string(); }, py::arg("amount"),
          "An amount as canonical decimal text; refuses inexact floats and more than two decimals.");
}

}  // namespace interreg::bindings
