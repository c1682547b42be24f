// Reading and writing whole files with the core's rules (files.hpp), for the Python package's
// histories and exports: one implementation of what a safe read and an atomic save are.
#include "bindings.hpp"

#include "interreg/errors.hpp"
#include "interreg/files.hpp"

namespace interreg::bindings {

std::string read_file_arg(py::handle path, std::size_t max_bytes) {
    const std::string name = path_arg(path);
    py::gil_scoped_release release;
    return read_regular_file(name, max_bytes, [&](std::size_t size) {
        throw IoError("cannot read '" + shown_path(name) + "': it is " + std::to_string(size) + " bytes; the limit is " +
                      std::to_string(max_bytes));
    });
}

void register_files(py::module_& m) {
    m.def("read_file", [](py::handle path, std::size_t max_bytes) { return py::bytes(read_file_arg(path, max_bytes)); },
          py::arg("path"), py::arg("max_bytes"), "The bytes of a regular file (FileError for anything else).");

    m.def("write_file", [](py::handle path, const py::bytes& data) {
        const std::string name = path_arg(path);
        const std::string contents = data;
        py::gil_scoped_release release;
        write_file_atomically(name, contents);
    }, py::arg("path"), py::arg("data"), "Replace the file a path names atomically (FileError when refused).");
}

}  // namespace interreg::bindings
