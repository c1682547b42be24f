// The library's exceptions as Python classes with two bases each (interreg.Error and the
// built-in they refine), so `except ValueError` works as users expect.
#include "bindings.hpp"

#include <new>

#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

namespace interreg::bindings {
namespace {

PyObject* make_type(py::module_& m, const char* name, PyObject* bases, const char* doc) {
    const std::string qualified = std::string("interreg.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
    if (!type) throw py::error_already_set();
    m.add_object(name, py::handle(type));
    return type;
}

PyObject* error_type = nullptr;
PyObject* format_error_type = nullptr;
PyObject* programme_error_type = nullptr;
PyObject* argument_error_type = nullptr;
PyObject* not_found_error_type = nullptr;
PyObject* io_error_type = nullptr;
PyObject* memory_error_type = nullptr;

// Raise `type`; `attribute` (path or field) names where the problem is.
void raise(PyObject* type, const char* message, const char* attribute = nullptr, const std::string* where = nullptr) {
    py::object instance = py::reinterpret_borrow<py::object>(type)(message_text(message));
    if (attribute) instance.attr(attribute) = message_text(*where);
    PyErr_SetObject(type, instance.ptr());
}

}  // namespace

py::str message_text(const std::string& message) {
    return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(message.data(), static_cast<py::ssize_t>(message.size()),
                                                               "backslashreplace"));
}

void register_errors(py::module_& m) {
    error_type = make_type(m, "Error", PyExc_Exception, "Base of every error interreg raises on purpose.");
    auto bases = [](PyObject* a, PyObject* b) { return py::make_tuple(py::handle(a), py::handle(b)).release().ptr(); };
    format_error_type = make_type(m, "FormatError", bases(error_type, PyExc_ValueError),
                                  "A proposal document that cannot be read; `path` is the JSON Pointer of the value at fault.");
    programme_error_type = make_type(m, "ProgrammeError", bases(error_type, PyExc_ValueError),
                                     "A programme document that is malformed or inconsistent; `path` locates the problem.");
    argument_error_type = make_type(m, "ArgumentError", bases(error_type, PyExc_ValueError),
                                    "A bad argument: the message lists the valid choices, nearest first; `field` "
                                    "names the argument or field at fault (\"\" when it is the call as a whole).");
    not_found_error_type = make_type(m, "NotFoundError", bases(error_type, PyExc_KeyError),
                                     "A partner, region or other name that is not there.");
    io_error_type = make_type(m, "FileError", bases(error_type, PyExc_OSError),
                              "A file that cannot be read or written.");
    memory_error_type = make_type(m, "OutOfMemoryError", bases(error_type, PyExc_MemoryError),
                                  "An input too large for the memory there is (the library's limits were not enough).");
    // Defaults for errors raised from Python code: where the problem is, when nobody says.
    py::handle(format_error_type).attr("path") = "";
    py::handle(programme_error_type).attr("path") = "";
    py::handle(argument_error_type).attr("field") = "";
    m.attr("max_document_bytes") = max_document_bytes;
    m.attr("max_nesting_depth") = max_nesting_depth;

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FormatError& e) {
            raise(format_error_type, e.what(), "path", &e.path());
        } catch (const ProgrammeError& e) {
            raise(programme_error_type, e.what(), "path", &e.path());
        } catch (const ArgumentError& e) {
            raise(argument_error_type, e.what(), "field", &e.field());
        } catch (const NotFoundError& e) {
            raise(not_found_error_type, e.what());
        } catch (const IoError& e) {
            raise(io_error_type, e.what());
        } catch (const Error& e) {
            raise(error_type, e.what());
        } catch (const std::bad_alloc&) {
            raise(memory_error_type, "out of memory: the input is too large for this machine");
        }
    });
}

}  // namespace interreg::bindings
