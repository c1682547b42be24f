#pragma once
// Shared declarations of the binding files: one register_<area>() per file.
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace interreg::bindings {

namespace py = pybind11;

void register_errors(py::module_& m);
void register_programme(py::module_& m);
void register_proposal(py::module_& m);
void register_validation(py::module_& m);
void register_budget(py::module_& m);  // after register_proposal: it extends Partner and Proposal
void register_summary(py::module_& m);
void register_alignment(py::module_& m);  // after register_programme
void register_network(py::module_& m);    // after register_programme and register_proposal
void register_schedule(py::module_& m);  // after register_proposal

// A message for Python: UTF-8, with any stray byte (messages quote user input) as a backslash
// escape rather than a UnicodeDecodeError.
py::str message_text(const std::string& message);

// JSON (nlohmann, ordered or not) → Python objects, keeping the key order.
py::object to_python(const nlohmann::ordered_json& value);
py::object to_python(const nlohmann::json& value);
// Python dict/list/str/int/bool/None → JSON; anything else is a FormatError at its path.
nlohmann::json from_python(py::handle value, const std::string& path = "");

}  // namespace interreg::bindings
