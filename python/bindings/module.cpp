// interreg._core: the compiled core. Private; the public API is the Python package.
#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "Compiled core of interreg (private: use the interreg package).";
    m.attr("__version__") = INTERREG_VERSION;
    interreg::bindings::register_errors(m);
    interreg::bindings::register_programme(m);
    interreg::bindings::register_proposal(m);
    interreg::bindings::register_budget(m);
    interreg::bindings::register_summary(m);
    interreg::bindings::register_workplan(m);
    interreg::bindings::register_validation(m);
    interreg::bindings::register_alignment(m);
    interreg::bindings::register_network(m);
    interreg::bindings::register_schedule(m);
    interreg::bindings::register_files(m);
    interreg::bindings::register_diff(m);
    interreg::bindings::register_sweep(m);
}
