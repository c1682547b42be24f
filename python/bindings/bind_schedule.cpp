// The work plan's timeline: the schedule of work packages, activities and deliverables, and
// the reporting periods it is drawn against.
#include "bindings.hpp"

#include <pybind11/stl.h>

#include "interreg/budget_engine.hpp"
#include "interreg/schedule.hpp"

namespace interreg::bindings {

void register_schedule(py::module_& m) {
    py::class_<ScheduleRow>(m, "ScheduleRow", "One row of a schedule: a work package, an activity or a deliverable.")
        .def_property_readonly("kind", [](const ScheduleRow& r) { return std::string(to_string(r.kind)); },
                               "'work_package', 'activity' or 'deliverable'.")
        .def_readonly("id", &ScheduleRow::id, "'WP1', the activity's id, or the deliverable's ('D1.1.1').")
        .def_readonly("title", &ScheduleRow::title)
        .def_readonly("work_package", &ScheduleRow::work_package, "Number of the row's work package.")
        .def_readonly("activity", &ScheduleRow::activity, "A deliverable's activity id; '' for other rows.")
        .def_readonly("start", &ScheduleRow::start, "First period; None for a work package without activities.")
        .def_readonly("end", &ScheduleRow::end, "Last period; None for a work package without activities.")
        .def_readonly("lead", &ScheduleRow::lead, "A work package's lead partner id.")
        .def_readonly("partners", &ScheduleRow::partners)
        .def_readonly("predecessors", &ScheduleRow::predecessors)
        .def("__repr__", [](const ScheduleRow& r) { return "<ScheduleRow " + std::string(to_string(r.kind)) + " " + r.id + ">"; });

    py::class_<OrderConflict>(m, "OrderConflict", "An activity that starts before one of its predecessors ends.")
        .def_readonly("activity", &OrderConflict::activity)
        .def_readonly("predecessor", &OrderConflict::predecessor)
        .def_readonly("start", &OrderConflict::start, "The activity's first period.")
        .def_readonly("predecessor_end", &OrderConflict::predecessor_end, "The predecessor's last period.")
        .def("__repr__", [](const OrderConflict& c) { return "<OrderConflict " + c.activity + " before " + c.predecessor + " ends>"; });

    py::class_<Schedule>(m, "Schedule", "A work plan's rows in timeline order.")
        .def_readonly("rows", &Schedule::rows)
        .def_readonly("activity_order", &Schedule::activity_order, "Every activity id, each after its predecessors.")
        .def_readonly("cycle", &Schedule::cycle, "Activities waiting for each other in a circle (then document order).")
        .def_readonly("conflicts", &Schedule::conflicts, "Activities that start before a predecessor ends.");

    m.def("schedule", [](const Draft& draft) { return reading(draft, [](const Proposal& p) { return schedule(p.work_plan); }); },
          py::arg("proposal"),
          "The proposal's work plan as a timeline.");

    m.def("reporting_periods", [](const Programme& programme, const Draft& draft) {
        return to_python(reading(draft, [&](const Proposal& p) { return reporting_periods_to_json(reporting_periods(programme, p)); }));
    }, py::arg("programme"), py::arg("proposal"), "The project's reporting periods: number, months and dates.");
}

}  // namespace interreg::bindings
