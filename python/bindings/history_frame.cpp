// A history from a DataFrame's columns (1-D NumPy object arrays). Each cell becomes the number of
// its distinct value in its column, so the core checks and normalises every spelling once. The
// str cells are read without the Python API, two columns at a time on a machine with two cores:
// the frame's str objects lie anywhere in memory and reading them is most of the work. The GIL
// stays held by the calling thread meanwhile, so no Python code can change or free a cell.
#include "bindings.hpp"

#include <pybind11/numpy.h>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "interreg/errors.hpp"
#include "interreg/history.hpp"

namespace interreg::bindings {

namespace {

// How far ahead a cell's object is asked for while the current one is read.
constexpr std::size_t prefetch_distance = 24;

struct CellColumn {
    std::size_t column;  // in history_columns()
    const char* base;
    py::ssize_t stride;
    std::vector<std::uint32_t> codes;  // per row: its value's number
    std::vector<std::size_t> pending;  // rows whose cell is not a str read here (None, NaN, a number)

    PyObject* at(std::size_t r) const { return *reinterpret_cast<PyObject* const*>(base + static_cast<py::ssize_t>(r) * stride); }
};

// Code units (UCS-1, 2 or 4: a str's storage) as UTF-8 at `w`; returns the end. A lone surrogate
// becomes the three bytes it would be, as "surrogatepass" writes it.
template <typename Unit>
char* encode_utf8(const Unit* units, std::size_t n, char* w) {
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t c = units[i];
        if (c < 0x80) {
            *w++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *w++ = static_cast<char>(0xC0 | (c >> 6));
            *w++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *w++ = static_cast<char>(0xE0 | (c >> 12));
            *w++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *w++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *w++ = static_cast<char>(0xF0 | (c >> 18));
            *w++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *w++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *w++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return w;
}

// The UTF-8 of a str read from its memory, without the Python API: ASCII in place, other text
// encoded into `buffer` (a lone surrogate as the invalid UTF-8 it is, which the core refuses
// naming the column). False for a str in a legacy form that needs the API (never made by NumPy
// or pandas).
bool utf8_of(PyObject* s, std::string& buffer, std::string_view& out) {
    const auto n = static_cast<std::size_t>(PyUnicode_GET_LENGTH(s));
    if (PyUnicode_IS_COMPACT_ASCII(s)) {
        out = {static_cast<const char*>(PyUnicode_DATA(s)), n};
        return true;
    }
    if (!PyUnicode_IS_READY(s)) return false;
    const int kind = PyUnicode_KIND(s);
    const std::size_t most = n * (kind == PyUnicode_1BYTE_KIND ? 2 : kind == PyUnicode_2BYTE_KIND ? 3 : 4);  // UTF-8 bytes
    if (buffer.size() < most) buffer.resize(most);
    char* end = nullptr;
    switch (kind) {
        case PyUnicode_1BYTE_KIND: end = encode_utf8(PyUnicode_1BYTE_DATA(s), n, buffer.data()); break;
        case PyUnicode_2BYTE_KIND: end = encode_utf8(PyUnicode_2BYTE_DATA(s), n, buffer.data()); break;
        default: end = encode_utf8(PyUnicode_4BYTE_DATA(s), n, buffer.data()); break;
    }
    out = {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
    return true;
}

// Numbers one column's str cells (any thread); the others are left pending.
void number_cells(HistoryBuilder& builder, CellColumn& c, std::size_t rows) {
    c.codes.resize(rows);
    std::string buffer;
    PyObject* last = nullptr;  // a cell repeating the object above it is not read again
    std::uint32_t last_code = 0;
    bool last_pending = false;
    for (std::size_t r = 0; r < rows; ++r) {
        if (r + prefetch_distance < rows) {  // the object's header and, for ASCII, its first text
            const char* ahead = reinterpret_cast<const char*>(c.at(r + prefetch_distance));
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + 64);
        }
        PyObject* cell = c.at(r);
        if (cell != last) {
            std::string_view utf8;
            last = cell;
            last_pending = !PyUnicode_Check(cell) || !utf8_of(cell, buffer, utf8);
            if (!last_pending) last_code = builder.value(c.column, utf8);
        }
        if (last_pending) {
            c.pending.push_back(r);
        } else {
            c.codes[r] = last_code;
        }
    }
}

// The pending cells as text by `text` (Python, with the GIL), once per distinct object.
void number_pending(HistoryBuilder& builder, CellColumn& c, const py::function& text) {
    std::unordered_map<PyObject*, std::uint32_t> seen;
    std::string buffer;
    for (const std::size_t r : c.pending) {
        PyObject* cell = c.at(r);
        auto [it, fresh] = seen.try_emplace(cell, 0);
        if (fresh) {
            const py::object as_text = PyUnicode_Check(cell) ? py::reinterpret_borrow<py::object>(cell) : text(py::handle(cell));
            if (!PyUnicode_Check(as_text.ptr())) throw py::type_error("text() must return a str");
            if (PyUnicode_READY(as_text.ptr()) < 0) throw py::error_already_set();
            std::string_view utf8;
            utf8_of(as_text.ptr(), buffer, utf8);
            it->second = builder.value(c.column, utf8);
        }
        c.codes[r] = it->second;
    }
}

// A column's str cells numbered, and its values so far checked and normalised (the organisation
// names' keys are the dearest part of building a history).
void number_column(HistoryBuilder& builder, CellColumn& c, std::size_t rows) {
    number_cells(builder, c, rows);
    builder.prepare(c.column);
}

// Every column numbered, the largest first, on this thread and one more when there is work for two.
void number_columns(HistoryBuilder& builder, std::vector<CellColumn>& columns, std::size_t rows) {
    number_columns_in_parallel(columns.size(), rows * columns.size(),
                               [&](std::size_t i) { number_column(builder, columns[i], rows); });
}

}  // namespace

HistoryReadResult history_from_frame_columns(const py::dict& columns, const py::function& text) {
    const auto& known = history_columns();
    HistoryBuilder builder;
    std::vector<CellColumn> cells;
    std::vector<py::array> held;  // the arrays, alive while their cells are read
    std::size_t rows = 0;
    for (const auto& [key, value] : columns) {
        const auto name = py::cast<std::string>(key);
        const auto it = std::find(known.begin(), known.end(), name);
        if (it == known.end()) continue;
        const auto array = py::cast<py::array>(value);
        if (array.ndim() != 1 || array.dtype().kind() != 'O') throw ArgumentError("column '" + name + "' must be a 1-D object array");
        const auto n = static_cast<std::size_t>(array.shape(0));
        if (!cells.empty() && n != rows) {
            throw ArgumentError("column '" + name + "' has " + std::to_string(n) + " values, the others " + std::to_string(rows));
        }
        rows = n;
        cells.push_back({static_cast<std::size_t>(it - known.begin()), static_cast<const char*>(array.data()), array.strides(0), {}, {}});
        held.push_back(array);
    }
    // The organisation names first: the most distinct values, the longest to read.
    std::stable_sort(cells.begin(), cells.end(), [](const CellColumn& a, const CellColumn& b) {
        return (history_columns()[a.column] == "organisation") > (history_columns()[b.column] == "organisation");
    });
    number_columns(builder, cells, rows);
    for (auto& c : cells) number_pending(builder, c, text);

    std::vector<const std::uint32_t*> codes(known.size(), nullptr);
    for (const auto& c : cells) codes[c.column] = c.codes.data();
    std::uint32_t absent[HistoryBuilder::columns];
    for (std::size_t k = 0; k < known.size(); ++k) absent[k] = builder.value(k, {});
    std::vector<HistoryProblem> problems;
    py::gil_scoped_release release;
    builder.reserve(rows);
    std::uint32_t row[HistoryBuilder::columns];
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t k = 0; k < known.size(); ++k) row[k] = codes[k] ? codes[k][r] : absent[k];
        if (auto problem = builder.add(row); !problem.empty()) problems.push_back({r, std::move(problem)});
    }
    std::vector<CellColumn>().swap(cells);  // freed before the history's indexes are made
    return {builder.build(), std::move(problems)};
}

}  // namespace interreg::bindings
