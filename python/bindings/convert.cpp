// JSON ⇄ Python objects, written here (not with a conversion library) so that key order
// survives and unconvertible values become FormatErrors that name their path.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

namespace interreg::bindings {
namespace {

template <class Json>
py::object convert(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return py::none();
        case Json::value_t::boolean: return py::bool_(value.template get<bool>());
        case Json::value_t::number_integer: return py::int_(value.template get<std::int64_t>());
        case Json::value_t::number_unsigned: return py::int_(value.template get<std::uint64_t>());
        case Json::value_t::number_float: return py::float_(value.template get<double>());
        case Json::value_t::string: return py::str(value.template get_ref<const std::string&>());
        case Json::value_t::array: {
            py::list out;
            for (const auto& item : value) out.append(convert(item));
            return std::move(out);
        }
        case Json::value_t::object: {
            py::dict out;
            for (const auto& item : value.items()) out[py::str(item.key())] = convert(item.value());
            return std::move(out);
        }
        default: return py::none();
    }
}

}  // namespace

py::object to_python(const nlohmann::ordered_json& value) { return convert(value); }
py::object to_python(const nlohmann::json& value) { return convert(value); }

namespace {

nlohmann::json from_python_at(py::handle value, const std::string& path, int depth) {
    if (depth > max_nesting_depth) {
        throw FormatError(path, "values are nested more than " + std::to_string(max_nesting_depth) + " levels deep");
    }
    if (value.is_none()) return nullptr;
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    if (py::isinstance<py::int_>(value)) {
        try {
            return value.cast<std::int64_t>();
        } catch (const py::cast_error&) {
            throw FormatError(path, "integer out of range");
        }
    }
    if (py::isinstance<py::float_>(value)) return value.cast<double>();
    if (py::isinstance<py::str>(value)) return text_arg(value, path.c_str());  // broken text reaches the reader, which refuses it
    if (py::isinstance<py::dict>(value)) {
        nlohmann::json out = nlohmann::json::object();
        for (auto item : value.cast<py::dict>()) {
            if (!py::isinstance<py::str>(item.first)) {
                throw FormatError(path, "object keys must be strings, found " + std::string(py::str(py::type::of(item.first).attr("__name__"))));
            }
            const auto key = text_arg(item.first, path.c_str());
            out[key] = from_python_at(item.second, pointer_append(path, key), depth + 1);
        }
        return out;
    }
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
        nlohmann::json out = nlohmann::json::array();
        std::size_t i = 0;
        for (auto item : value) out.push_back(from_python_at(item, pointer_append(path, i++), depth + 1));
        return out;
    }
    throw FormatError(path, "cannot store a value of type " + std::string(py::str(py::type::of(value).attr("__name__"))) +
                                " in a document; use str, int, bool, None, list or dict");
}

}  // namespace

nlohmann::json from_python(py::handle value, const std::string& path) { return from_python_at(value, path, 0); }

}  // namespace interreg::bindings
