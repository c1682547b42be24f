// What-if sweeps (sweep.hpp): the variants come in as pointers and values, the results go out
// as columns; the evaluation runs without the GIL on every worker thread.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/sweep.hpp"

namespace interreg::bindings {
namespace {

py::dict table_columns(const SweepTable& t) {
    py::dict out;
    out["error"] = py::cast(t.error);
    out["budget_error"] = py::cast(t.budget_error);
    out["errors"] = py::cast(t.errors);
    out["warnings"] = py::cast(t.warnings);
    py::dict money;
    for (std::size_t c = 0; c < t.money_columns.size(); ++c) {
        py::list cents;
        for (const auto& amount : t.money[c]) {
            if (amount) {
                cents.append(amount->cents());
            } else {
                cents.append(py::none());
            }
        }
        money[py::str(t.money_columns[c])] = cents;
    }
    out["money"] = money;
    return out;
}

py::dict run(const Draft& draft, const SweepVariants& variants, unsigned workers) {
    SweepTable table;
    {
        py::gil_scoped_release release;
        const Proposal base = draft.copy();  // then no lock is held while the variants run
        table = sweep(draft.programme(), base, variants, workers);
    }
    return table_columns(table);
}

}  // namespace

void register_sweep(py::module_& m) {
    m.attr("max_sweep_variants") = max_sweep_variants;

    m.def("sweep_product", [](const Draft& draft, const std::vector<std::pair<std::string, py::list>>& axes,
                              unsigned workers) {
        std::vector<std::pair<std::string, std::vector<nlohmann::json>>> plain;
        for (const auto& [pointer, values] : axes) {
            auto& axis = plain.emplace_back(pointer, std::vector<nlohmann::json>{}).second;
            for (const auto& value : values) axis.push_back(from_python(value, pointer));
        }
        return run(draft, sweep_product(std::move(plain)), workers);
    }, py::arg("proposal"), py::arg("axes"), py::arg("workers"),
       "Every combination of the (pointer, values) axes, the first changing slowest; results as columns.");

    m.def("sweep_variants", [](const Draft& draft, const std::vector<std::vector<std::pair<std::string, py::object>>>& list,
                               unsigned workers) {
        SweepVariants variants;
        for (const auto& changes : list) {
            auto& variant = variants.variants.emplace_back();
            for (const auto& [pointer, value] : changes) {
                const auto at = std::find(variants.pointers.begin(), variants.pointers.end(), pointer);
                const std::size_t index = static_cast<std::size_t>(at - variants.pointers.begin());
                if (at == variants.pointers.end()) variants.pointers.push_back(pointer);
                variant.emplace_back(index, variants.values.size());
                variants.values.push_back(from_python(value, pointer));
            }
        }
        return run(draft, variants, workers);
    }, py::arg("proposal"), py::arg("variants"), py::arg("workers"),
       "Each variant a list of (pointer, value) changes; results as columns.");
}

}  // namespace interreg::bindings
