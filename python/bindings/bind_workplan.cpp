// The work plan of a draft: its document, and items added, changed and removed by the core's
// edits, which read them exactly as a document's items (edit.hpp).
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/edit.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"

namespace interreg::bindings {
namespace {

// An item as the API names it: a work package number, an id or indicator code, or an
// (indicator, work package) pair for one of several outputs of the same indicator.
ItemKey key_arg(py::handle key) {
    if (PyLong_Check(key.ptr()) && !PyBool_Check(key.ptr())) return {key.cast<int>(), {}};
    if (PyTuple_Check(key.ptr()) && py::len(key) == 2) {
        const auto pair = key.cast<py::tuple>();
        return {pair[1].cast<int>(), text_arg(pair[0], "item")};
    }
    if (PyUnicode_Check(key.ptr())) return {std::nullopt, text_arg(key, "item")};
    throw py::type_error("name a work plan item by its id (str), a work package by its number (int), or an output by "
                         "(indicator, work package)");
}

py::object key_object(const ItemKey& key) {
    if (key.id.empty()) return py::int_(*key.number);
    return py::str(key.id);
}

// Keyword arguments → the JSON fields of an item; a value JSON cannot hold names its field.
nlohmann::json fields_arg(py::handle fields) {
    try {
        return from_python(fields);
    } catch (const FormatError& e) {
        throw ArgumentError(e.path().empty() ? e.path() : e.path().substr(1), e.detail());
    }
}

}  // namespace

void register_workplan(py::module_& m) {
    auto proposal = py::reinterpret_borrow<py::class_<Draft, std::shared_ptr<Draft>>>(m.attr("Proposal"));
    proposal
        .def_property("work_plan",
                      [](const Draft& d) { return to_python(reading(d, [](const Proposal& p) { return work_plan_to_json(p.work_plan); })); },
                      [](Draft& d, py::handle doc) {
                          WorkPlan w = work_plan_from_json(from_python(doc, "/work_plan"));
                          editing(d, [&](Proposal& p) { p.work_plan = std::move(w); });
                      },
                      "The work plan as a document (dict); setting it reads it strictly (FormatError with the path).")
        .def("add_work_plan_item", [](Draft& d, const std::string& kind, py::handle fields, std::optional<int> work_package) {
            const ItemKind k = parse_item_kind(kind);
            const auto doc = fields_arg(fields);
            return key_object(editing(d, [&](Proposal& p) { return add_item(p, k, doc, work_package); }));
        }, py::arg("kind"), py::arg("fields"), py::arg("work_package") = py::none(),
           "Add an objective, work_package, activity, output or result; returns its id or number.")
        .def("update_work_plan_item", [](Draft& d, py::handle key, py::handle fields) {
            const ItemKey k = key_arg(key);
            const auto doc = fields_arg(fields);
            editing(d, [&](Proposal& p) { update_item(p, k, doc); });
        }, py::arg("key"), py::arg("fields"))
        .def("work_plan_item_kind", [](const Draft& d, py::handle key) {
            const ItemKey k = key_arg(key);
            return std::string(to_string(reading(d, [&](const Proposal& p) { return find_item(p.work_plan, k); })));
        }, py::arg("key"))
        .def("work_plan_references", [](const Draft& d, py::handle key) {
            const ItemKey k = key_arg(key);
            return reading(d, [&](const Proposal& p) { return item_references(p.work_plan, k); });
        }, py::arg("key"))
        .def("remove_work_plan_item", [](Draft& d, py::handle key, bool cascade) {
            const ItemKey k = key_arg(key);
            editing(d, [&](Proposal& p) { remove_item(p, k, cascade); });
        }, py::arg("key"), py::arg("cascade") = false)
        .def("set_overall_objective", [](Draft& d, py::handle text) {
            auto value = text_arg(text, "overall_objective");
            editing(d, [&](Proposal& p) { set_overall_objective(p, std::move(value)); });
        }, py::arg("text"))
        .def("set_cooperation", [](Draft& d, py::handle criterion, py::handle text) {
            const auto name = text_arg(criterion, "criterion");
            auto value = optional_text_arg(text, name.c_str());
            editing(d, [&](Proposal& p) { set_cooperation(p, name, std::move(value)); });
        }, py::arg("criterion"), py::arg("text"))
        .def("set_principle", [](Draft& d, py::handle principle, py::handle effect, py::handle text) {
            const auto name = text_arg(principle, "principle");
            std::optional<Principle> value;
            if (!effect.is_none()) value = Principle{effect_named(text_arg(effect, "effect")), text_arg(text, "text")};
            editing(d, [&](Proposal& p) { set_principle(p, name, std::move(value)); });
        }, py::arg("principle"), py::arg("effect"), py::arg("text") = "");
}

}  // namespace interreg::bindings
