#pragma once
// The work plan as a timeline: one row per work package, activity and deliverable with the
// periods it spans, activities in an order that honours their predecessors. A circle of
// predecessors is not an error here (workplan.predecessor-cycle reports it): the schedule
// then keeps the document's order and names the circle.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/workplan.hpp"

namespace interreg {

enum class RowKind { work_package, activity, deliverable };
std::string_view to_string(RowKind kind);

struct ScheduleRow {
    RowKind kind = RowKind::activity;
    std::string id;     // "WP1", the activity's id ("A1.1"), or a deliverable id ("D1.1.1")
    std::string title;
    int work_package = 1;  // number of the work package the row belongs to
    std::string activity;  // a deliverable's activity id; "" for other rows
    // Periods spanned: an activity's as given, a deliverable's period, a work package's
    // first start to last end of its activities; none for a work package without activities.
    std::optional<int> start, end;
    std::optional<std::string> lead;       // a work package's lead partner id
    std::vector<std::string> partners;     // an activity's partners; a work package's: those of its activities
    std::vector<std::string> predecessors; // an activity's, as given
};

// An activity that starts before one of its predecessors ends (starting in the period the
// predecessor ends in is fine: periods are coarse). Positions locate it in the document.
struct OrderConflict {
    std::size_t work_package_index = 0, activity_index = 0;
    std::string activity, predecessor;
    int start = 0, predecessor_end = 0;
};

// Every such conflict, in document order; unknown predecessor ids are ignored
// (workplan.references reports them).
std::vector<OrderConflict> order_conflicts(const WorkPlan& work_plan);

struct Schedule {
    // Work packages by number; each is followed by its activities in `activity_order`, and
    // each activity by its deliverables (by period, then as listed).
    std::vector<ScheduleRow> rows;
    // Every activity id: each after its predecessors; ties go to the lower work package
    // number, then to the activity listed first. Document order when there is a circle.
    std::vector<std::string> activity_order;
    // Activity ids that wait for each other in a circle (each waits for the one before it,
    // the first for the last); empty when there is none.
    std::vector<std::string> cycle;
    // Activities drawn before a predecessor ends (workplan.activity-order reports them).
    std::vector<OrderConflict> conflicts;
};

Schedule schedule(const WorkPlan& work_plan);

// The first circle of predecessors found, as in Schedule::cycle. Unknown ids are ignored
// (workplan.references reports them).
std::vector<std::string> predecessor_cycle(const WorkPlan& work_plan);

// "D" + the activity id without its leading "A" + "." + the 1-based position ("A1.1" → "D1.1.2");
// for an id that does not start with "A": the id + ".D" + the position.
std::string deliverable_id(std::string_view activity_id, std::size_t position);

}  // namespace interreg
