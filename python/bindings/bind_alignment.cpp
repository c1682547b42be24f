// Objective alignment: rank the programme's specific objectives by fit with a text.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/alignment.hpp"

namespace interreg::bindings {

void register_alignment(py::module_& m) {
    py::class_<MatchedTerm>(m, "MatchedTerm", "A term of the text that an objective's profile shares.")
        .def_readonly("term", &MatchedTerm::term, "The stem, e.g. 'arbetsmarknad'.")
        .def_readonly("words", &MatchedTerm::words, "The text's words that gave it, as written.")
        .def_readonly("contribution", &MatchedTerm::contribution, "Its part of the score.")
        .def("__repr__", [](const MatchedTerm& t) { return "MatchedTerm(" + t.term + ")"; });

    py::class_<ObjectiveScore>(m, "ObjectiveScore", "How well a text fits one specific objective.")
        .def_readonly("code", &ObjectiveScore::code)
        .def_readonly("score", &ObjectiveScore::score)
        .def_readonly("matched_terms", &ObjectiveScore::matched_terms)
        .def("__repr__", [](const ObjectiveScore& s) { return "ObjectiveScore(" + s.code + ", " + std::to_string(s.score) + ")"; });

    m.def("rank_objectives",
          [](const Programme& programme, const std::string& text) { return rank_objectives(programme, text); },
          py::arg("programme"), py::arg("text"), py::call_guard<py::gil_scoped_release>(),
          "Every specific objective of the programme, best fit with `text` first (BM25 over keyword profiles).");
    m.def("alignment_text", [](const Draft& draft) { return reading(draft, [](const Proposal& p) { return alignment_text(p); }); },
          py::arg("proposal"),
          "The proposal's texts that say what the project does (title, summary, work plan objectives and titles).");
}

}  // namespace interreg::bindings
