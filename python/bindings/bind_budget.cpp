// Budget lines, flat rates and co-financing. Amounts cross the boundary
// as decimal strings (or str/int/Decimal/exact float on the way in), never as floats.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg::bindings {
namespace {

// str, int, decimal.Decimal, or a float with at most `decimals` decimals that converts exactly
// → the canonical decimal text the C++ parsers read.
std::string decimal_text(py::handle value, const char* field, int decimals) {
    if (py::isinstance<py::bool_>(value)) throw py::type_error(std::string(field) + " must be a number, not bool");
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    if (py::isinstance<py::int_>(value)) return py::str(value).cast<std::string>();
    py::object decimal = py::module_::import("decimal").attr("Decimal");
    if (py::isinstance<py::float_>(value)) {
        // A float is taken at its shortest decimal form (repr) when that has at most
        // `decimals` decimals and the float is below 2^53, where every such value is exact.
        const double d = value.cast<double>();
        const bool in_range = std::isfinite(d) && std::fabs(d) < 9007199254740992.0 / 100;
        py::object shortest = in_range ? decimal(py::repr(value)) : py::object();
        if (!in_range || shortest.attr("as_tuple")().attr("exponent").cast<int>() < -decimals) {
            throw ArgumentError(std::string(field) + " = " + py::repr(value).cast<std::string>() +
                                " is a float that is not an exact amount with at most " + std::to_string(decimals) +
                                " decimals; pass a str or decimal.Decimal, e.g. '1234.50'");
        }
        return py::module_::import("builtins").attr("format")(shortest, "f").cast<std::string>();
    }
    if (py::isinstance(value, decimal)) {
        if (!value.attr("is_finite")().cast<bool>()) throw ArgumentError(std::string(field) + " must be finite");
        // Decimal("0.150") is 0.15: drop trailing zeros before counting decimals.
        return py::module_::import("builtins").attr("format")(value.attr("normalize")(), "f").cast<std::string>();
    }
    throw py::type_error(std::string(field) + " must be a str, int or decimal.Decimal, not " +
                         py::type::of(value).attr("__name__").cast<std::string>());
}

template <class T>
T parse_as(py::handle value, const char* field, int decimals, T (*parse)(std::string_view)) {
    const std::string text = decimal_text(value, field, decimals);
    try {
        return parse(text);
    } catch (const ArgumentError& e) {
        throw ArgumentError(std::string(field) + ": " + e.what());
    }
}

Money money(py::handle v, const char* field) { return parse_as(v, field, 2, &Money::parse); }
Units units(py::handle v, const char* field) { return parse_as(v, field, 2, &Units::parse); }
// "15%", or a fraction: 0.15, Decimal("0.15"). An int is refused: 15 or 1 would be ambiguous.
Rate rate(py::handle v, const char* field) {
    if (py::isinstance<py::int_>(v) && !py::isinstance<py::bool_>(v)) {
        throw ArgumentError(std::string(field) + ": give a rate as \"15%\" or Decimal(\"0.15\"), not the int " +
                            py::str(v).cast<std::string>());
    }
    return parse_as(v, field, 6, &Rate::parse);
}

// A partner's lines and flat rates must fit together whenever they are changed through the API.
void check_combination(const PartnerBudget& b) {
    const auto conflicts = flat_rate_conflicts(b.flat_rates, b.categories_with_lines());
    if (!conflicts.empty()) throw ArgumentError(conflicts.front());
}

py::object optional_text(const std::optional<Rate>& r) { return r ? py::object(py::str(r->to_string())) : py::none(); }

}  // namespace

void register_budget(py::module_& m) {
    m.attr("category_names") = category_names();
    m.attr("flat_rate_names") = flat_rate_names();
    m.attr("currency_codes") = currency_codes();

    py::class_<BudgetLine>(m, "BudgetLine", "One budget line: units × unit price in a cost category.")
        .def(py::init([](const std::string& category, const std::string& description, py::handle units_, py::handle price,
                         const std::string& unit_type, const std::string& currency, std::optional<py::list> periods,
                         std::optional<std::string> unit_cost, std::optional<std::string> lump_sum) {
                 BudgetLine l;
                 l.category = parse_category(category);
                 l.description = description;
                 l.units = units(units_, "units");
                 l.unit_price = money(price, "unit_price");
                 l.unit_type = unit_type;
                 l.currency = currency;
                 if (periods) {
                     l.periods.emplace();
                     for (auto p : *periods) l.periods->push_back(money(p, "periods"));
                 }
                 l.unit_cost = unit_cost;
                 l.lump_sum = lump_sum;
                 check_line(l);
                 return l;
             }),
             py::arg("category"), py::arg("description"), py::arg("units"), py::arg("unit_price"),
             py::arg("unit_type") = "", py::arg("currency") = "EUR", py::arg("periods") = py::none(),
             py::arg("unit_cost") = py::none(), py::arg("lump_sum") = py::none())
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

    auto partner = py::reinterpret_borrow<py::class_<Partner>>(m.attr("Partner"));
    partner
        .def_property_readonly("budget_lines", [](const Partner& p) { return p.budget.lines; })
        .def("add_line", [](Partner& p, const BudgetLine& line) {
            PartnerBudget b = p.budget;
            b.lines.push_back(line);
            check_combination(b);
            if (b.lines.size() > max_budget_lines) throw ArgumentError("too many budget lines");
            p.budget = b;
        }, py::arg("line"))
        .def("set_line", [](Partner& p, std::size_t index, const BudgetLine& line) {
            if (index >= p.budget.lines.size()) throw NotFoundError("no budget line " + std::to_string(index));
            PartnerBudget b = p.budget;
            b.lines[index] = line;
            check_combination(b);
            p.budget = b;
        }, py::arg("index"), py::arg("line"))
        .def("remove_line", [](Partner& p, std::size_t index) {
            if (index >= p.budget.lines.size()) throw NotFoundError("no budget line " + std::to_string(index));
            p.budget.lines.erase(p.budget.lines.begin() + static_cast<std::ptrdiff_t>(index));
        }, py::arg("index"))
        .def_property_readonly("flat_rates", [](const Partner& p) {
            py::dict out;
            for (const auto& name : flat_rate_names()) out[py::str(name)] = optional_text(flat_rate(p.budget.flat_rates, name));
            return out;
        })
        .def("set_flat_rates", [](Partner& p, const py::dict& rates) {
            PartnerBudget b = p.budget;
            b.flat_rates = FlatRates();
            for (auto item : rates) {
                const auto name = item.first.cast<std::string>();
                set_flat_rate(b.flat_rates, name, item.second.is_none() ? std::nullopt
                                                                         : std::optional<Rate>(rate(item.second, name.c_str())));
            }
            check_combination(b);
            p.budget = b;
        }, py::arg("rates"), "Replace all flat rates: name → rate (\"15%\", Decimal(\"0.15\")) or None.")
        .def_property("cofinancing_fund", [](const Partner& p) { return p.cofinancing.fund; },
                      [](Partner& p, std::optional<std::string> f) { p.cofinancing.fund = f; })
        .def_property("cofinancing_rate", [](const Partner& p) { return optional_text(p.cofinancing.rate); },
                      [](Partner& p, py::handle v) {
                          p.cofinancing.rate = v.is_none() ? std::nullopt : std::optional<Rate>(rate(v, "rate"));
                      })
        .def_property_readonly("contribution_sources", [](const Partner& p) {
            py::list out;
            for (const auto& s : p.cofinancing.sources) {
                py::dict d;
                d["name"] = s.name;
                d["own"] = s.own;
                d["status"] = std::string(to_string(s.status));
                d["amount"] = s.amount.to_string();
                out.append(d);
            }
            return out;
        })
        .def("add_source", [](Partner& p, const std::string& name, py::handle amount, const std::string& status, bool own) {
            Partner changed = p;
            changed.cofinancing.sources.push_back({name, own, parse_funding(status), money(amount, "amount")});
            changed.check();
            p = changed;
        }, py::arg("name"), py::arg("amount"), py::arg("status") = "public", py::arg("own") = true)
        .def("remove_source", [](Partner& p, std::size_t index) {
            if (index >= p.cofinancing.sources.size()) throw NotFoundError("no contribution source " + std::to_string(index));
            p.cofinancing.sources.erase(p.cofinancing.sources.begin() + static_cast<std::ptrdiff_t>(index));
        }, py::arg("index"));

    auto proposal = py::reinterpret_borrow<py::class_<Proposal>>(m.attr("Proposal"));
    proposal
        .def_property_readonly("exchange_rates", [](const Proposal& p) {
            py::dict out;
            for (const auto& [code, e] : p.exchange_rates) {
                py::dict d;
                d["rate"] = e.rate.to_string();
                d["date"] = e.date ? py::object(py::str(e.date->to_string())) : py::none();
                d["source"] = e.source;
                out[py::str(code)] = d;
            }
            return out;
        })
        .def("set_exchange_rate", [](Proposal& p, const std::string& currency, py::handle value,
                                     std::optional<std::string> date, const std::string& source) {
            const auto& codes = currency_codes();
            if (std::find(codes.begin() + 1, codes.end(), currency) == codes.end()) {
                throw ArgumentError("exchange rates are for DKK, SEK and NOK, not '" + currency + "'");
            }
            ExchangeRateEntry e;
            e.rate = parse_as(value, "rate", 6, &ExchangeRate::parse);
            if (date) {
                e.date = Date::parse(*date);
                if (!e.date) throw ArgumentError("date must be YYYY-MM-DD, not '" + *date + "'");
            }
            if (text::utf8_length(source) > max_name_length) {
                throw ArgumentError("source has at most " + std::to_string(max_name_length) + " characters");
            }
            e.source = source;
            p.exchange_rates[currency] = e;
        }, py::arg("currency"), py::arg("rate"), py::arg("date") = py::none(), py::arg("source") = "")
        .def("remove_exchange_rate", [](Proposal& p, const std::string& currency) {
            if (!p.exchange_rates.erase(currency)) throw NotFoundError("no exchange rate for '" + currency + "'");
        }, py::arg("currency"));

    m.def("effective_line_total", [](const Programme& programme, const BudgetLine& line) {
        return line_total(line.units, effective_unit_price(programme, line)).to_string();
    }, py::arg("programme"), py::arg("line"),
          "units × the price the line is charged at (the programme's for unit costs and lump sums)");

    m.def("period_count", [](const Programme& programme, const Proposal& proposal) {
        return reporting_periods(programme, proposal).size();
    }, py::arg("programme"), py::arg("proposal"));

    m.def("spread_evenly", [](py::handle total, int periods) {
        std::vector<std::string> out;
        for (Money m : spread_evenly(money(total, "total"), periods)) out.push_back(m.to_string());
        return out;
    }, py::arg("total"), py::arg("periods"), "Split an amount over periods: equal cents, the last takes the rest.");

    m.def("line_total", [](py::handle units_, py::handle price) {
        return line_total(units(units_, "units"), money(price, "unit_price")).to_string();
    }, py::arg("units"), py::arg("unit_price"));

    m.def("parse_money", [](py::handle v) { return money(v, "amount").to_string(); }, py::arg("amount"),
          "An amount as canonical decimal text; refuses inexact floats and more than two decimals.");
}

}  // namespace interreg::bindings
