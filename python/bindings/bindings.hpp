#pragma once
// Shared declarations of the binding files: one register_<area>() per file.
#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "interreg/draft.hpp"
#include "interreg/money.hpp"

namespace interreg {
struct HistoryReadResult;
}  // namespace interreg

namespace interreg::bindings {

namespace py = pybind11;

void register_errors(py::module_& m);
void register_programme(py::module_& m);
void register_proposal(py::module_& m);
void register_validation(py::module_& m);
void register_budget(py::module_& m);  // after register_proposal: it extends Partner and Proposal
void register_summary(py::module_& m);
void register_workplan(py::module_& m);  // after register_proposal: it extends Proposal
void register_alignment(py::module_& m);  // after register_programme
void register_network(py::module_& m);    // after register_programme and register_proposal
void register_files(py::module_& m);
void register_schedule(py::module_& m);  // after register_proposal
void register_diff(py::module_& m);      // after register_proposal and register_validation
void register_sweep(py::module_& m);     // after register_proposal

// A message for Python: UTF-8, with any stray byte (messages quote user input) as a backslash
// escape rather than a UnicodeDecodeError.
py::str message_text(const std::string& message);

// JSON (nlohmann, ordered or not) → Python objects, keeping the key order.
py::object to_python(const nlohmann::ordered_json& value);
py::object to_python(const nlohmann::json& value);
// A file system path (str, bytes or os.PathLike) as the bytes the system sees, so that a name
// that is not UTF-8 is opened like any other.
std::string path_arg(py::handle path);
// A history from columns of equal length (1-D object arrays; `text` turns a cell that is not a
// str into one), and the rows it refused (history_frame.cpp).
HistoryReadResult history_from_frame_columns(const py::dict& columns, const py::function& text);
// The bytes of the regular file a path names, read without the GIL (files.hpp: never waits on a
// FIFO); FileError beyond `max_bytes` or for anything but a regular file.
std::string read_file_arg(py::handle path, std::size_t max_bytes);

// Python dict/list/str/int/bool/None → JSON; anything else is a FormatError at its path.
nlohmann::json from_python(py::handle value, const std::string& path = "");

// ---- arguments ---------------------------------------------------------------------------
// Text from Python, byte for byte: a str with a lone surrogate reaches the core as the invalid
// UTF-8 it is, and the core refuses it with an ArgumentError naming the field. Not a str: a
// TypeError naming the field.
std::string text_arg(py::handle value, const char* field);
std::optional<std::string> optional_text_arg(py::handle value, const char* field);  // None → nullopt
// Amounts, units and rates: str, int, decimal.Decimal, or a float that is an exact decimal
// with few enough places (else ArgumentError); bool is a TypeError.
Money money_arg(py::handle value, const char* field);
Units units_arg(py::handle value, const char* field);
Rate rate_arg(py::handle value, const char* field);  // "15%" or a fraction; an int is refused
ExchangeRate exchange_rate_arg(py::handle value, const char* field);
// decimal.Decimal, looked up once (never freed: it lives as long as the interpreter), and one
// made from a number the core wrote (an amount keeps its two decimals: "620.80").
const py::object& decimal_type();
py::object decimal(const std::string& text);

// ---- the proposal's lock -----------------------------------------------------------------
// f(const Proposal&) under the draft's shared lock, and f(Proposal&) under its exclusive lock,
// both without the GIL: the lock is never held while Python runs, so threads cannot deadlock.
template <class F>
decltype(auto) reading(const Draft& draft, F&& f) {
    py::gil_scoped_release release;
    return draft.read(std::forward<F>(f));
}
template <class F>
decltype(auto) editing(Draft& draft, F&& f) {
    py::gil_scoped_release release;
    return draft.edit(std::forward<F>(f));
}
// The same for a small edit that returns nothing (one line, one field): when no other thread holds
// the proposal it runs at once, keeping the GIL (it runs no Python, so it cannot wait for it);
// releasing and taking back the GIL cost as much as such an edit.
template <class F>
void editing_small(Draft& draft, F&& f) {
    if (draft.try_edit(f)) return;
    editing(draft, std::forward<F>(f));
}

}  // namespace interreg::bindings
