// Python values → the core's types, for the arguments of edits. Only conversion happens here:
// what a value may hold is the core's to check (fields.hpp, edit.hpp).
#include "bindings.hpp"

#include <cmath>

#include "interreg/errors.hpp"

namespace interreg::bindings {
namespace {

const char* type_name(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

// builtins.format, looked up once (never freed: it lives as long as the interpreter).
std::string formatted(py::handle decimal) {
    static const py::object* format = new py::object(py::module_::import("builtins").attr("format"));
    return (*format)(decimal, "f").cast<std::string>();
}

// str, int, decimal.Decimal, or a float with at most `decimals` decimals that converts exactly
// → the decimal text the core's parsers read.
std::string decimal_text(py::handle value, const char* field, int decimals) {
    if (PyUnicode_Check(value.ptr())) return text_arg(value, field);
    if (PyBool_Check(value.ptr())) throw py::type_error(std::string(field) + " must be a number, not bool");
    if (PyLong_Check(value.ptr())) return py::str(value).cast<std::string>();
    if (PyFloat_Check(value.ptr())) {
        // A float is taken at its shortest decimal form (repr) when that has at most `decimals`
        // decimals and the float is below 2^53, where every such value is exact.
        const double d = PyFloat_AS_DOUBLE(value.ptr());
        const bool in_range = std::isfinite(d) && std::fabs(d) < 9007199254740992.0 / 100;
        py::object shortest = in_range ? decimal_type()(py::repr(value)) : py::object();
        if (!in_range || shortest.attr("as_tuple")().attr("exponent").cast<int>() < -decimals) {
            throw ArgumentError(field, py::repr(value).cast<std::string>() +
                                           " is a float that is not an exact amount with at most " +
                                           std::to_string(decimals) + " decimals; pass a str or decimal.Decimal, e.g. '1234.50'");
        }
        return formatted(shortest);
    }
    if (py::isinstance(value, decimal_type())) {
        if (!value.attr("is_finite")().cast<bool>()) throw ArgumentError(field, "must be finite");
        // Decimal("0.150") is 0.15: drop trailing zeros before counting decimals.
        return formatted(value.attr("normalize")());
    }
    throw py::type_error(std::string(field) + " must be a str, int or decimal.Decimal, not " + type_name(value));
}

template <class T>
T parse_as(py::handle value, const char* field, int decimals, T (*parse)(std::string_view)) {
    const std::string text = decimal_text(value, field, decimals);
    try {
        return parse(text);
    } catch (const ArgumentError& e) {
        throw ArgumentError(field, e.detail());
    }
}

}  // namespace

const py::object& decimal_type() {
    static const py::object* type = new py::object(py::module_::import("decimal").attr("Decimal"));
    return *type;
}

py::object decimal(const std::string& text) {
    const py::str given(text);
    PyObject* made = PyObject_CallOneArg(decimal_type().ptr(), given.ptr());
    if (!made) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(made);
}

std::string path_arg(py::handle path) {
    if (PyBytes_Check(path.ptr())) return path.cast<std::string>();
    if (PyUnicode_Check(path.ptr())) {  // what os.fsencode does with a str, without a call per path
        auto bytes = py::reinterpret_steal<py::object>(PyUnicode_EncodeFSDefault(path.ptr()));
        if (!bytes) throw py::error_already_set();
        return bytes.cast<std::string>();
    }
    static const py::object* fsencode = new py::object(py::module_::import("os").attr("fsencode"));  // never freed
    return (*fsencode)(path).cast<std::string>();
}

std::string text_arg(py::handle value, const char* field) {
    if (!PyUnicode_Check(value.ptr())) {
        throw py::type_error(std::string(field) + " must be a str, not " + type_name(value));
    }
    Py_ssize_t size = 0;
    if (const char* utf8 = PyUnicode_AsUTF8AndSize(value.ptr(), &size)) return std::string(utf8, static_cast<std::size_t>(size));
    PyErr_Clear();  // a lone surrogate: pass it on as the bytes it would be, for the core to refuse
    py::object bytes = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(value.ptr(), "utf-8", "surrogatepass"));
    if (!bytes) throw py::error_already_set();
    return std::string(PyBytes_AS_STRING(bytes.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
}

std::optional<std::string> optional_text_arg(py::handle value, const char* field) {
    if (value.is_none()) return std::nullopt;
    return text_arg(value, field);
}

Money money_arg(py::handle value, const char* field) { return parse_as(value, field, 2, &Money::parse); }
Units units_arg(py::handle value, const char* field) { return parse_as(value, field, 2, &Units::parse); }
ExchangeRate exchange_rate_arg(py::handle value, const char* field) {
    return parse_as(value, field, 6, &ExchangeRate::parse);
}

Rate rate_arg(py::handle value, const char* field) {
    // "15%", or a fraction: 0.15, Decimal("0.15"). An int is refused: 15 or 1 would be ambiguous.
    if (PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr())) {
        throw ArgumentError(field, "give a rate as \"15%\" or Decimal(\"0.15\"), not the int " + py::str(value).cast<std::string>());
    }
    return parse_as(value, field, 6, &Rate::parse);
}

}  // namespace interreg::bindings
