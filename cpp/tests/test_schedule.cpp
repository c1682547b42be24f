// The schedule of a work plan: rows per work package, activity and deliverable with their
// periods; activities after their predecessors with a stable tie-break (work package number,
// then as listed); a circle of predecessors keeps the document order and is named.
#include <gtest/gtest.h>

#include "interreg/schedule.hpp"

using interreg::Activity;
using interreg::RowKind;
using interreg::Schedule;
using interreg::ScheduleRow;
using interreg::WorkPackage;
using interreg::WorkPlan;

namespace {

Activity activity(std::string id, int start, int end, std::vector<std::string> predecessors = {},
                  std::vector<interreg::Deliverable> deliverables = {}, std::vector<std::string> partners = {}) {
    Activity a;
    a.id = id;
    a.title = "Activity " + id;
    a.start_period = start;
    a.end_period = end;
    a.predecessors = std::move(predecessors);
    a.deliverables = std::move(deliverables);
    a.partners = std::move(partners);
    return a;
}

WorkPackage work_package(int number, std::vector<Activity> activities, std::optional<std::string> lead = {}) {
    WorkPackage wp;
    wp.number = number;
    wp.title = "Work package " + std::to_string(number);
    wp.lead = std::move(lead);
    wp.activities = std::move(activities);
    return wp;
}

std::vector<std::string> ids(const Schedule& s) {
    std::vector<std::string> out;
    for (const auto& r : s.rows) out.push_back(r.id);
    return out;
}

const ScheduleRow& row(const Schedule& s, const std::string& id) {
    for (const auto& r : s.rows) {
        if (r.id == id) return r;
    }
    throw std::out_of_range("no row " + id);
}

using Ids = std::vector<std::string>;

}  // namespace

TEST(Schedule, EmptyWorkPlan) {
    const Schedule s = interreg::schedule(WorkPlan{});
    EXPECT_TRUE(s.rows.empty());
    EXPECT_TRUE(s.activity_order.empty());
    EXPECT_TRUE(s.cycle.empty());
    EXPECT_TRUE(s.conflicts.empty());
}

TEST(Schedule, RowsSpansAndDeliverables) {
    WorkPlan w;
    w.work_packages = {
        work_package(1, {activity("A1.1", 1, 2, {}, {{"Survey report", 2}}, {"PP1", "PP2"}),
                         activity("A1.2", 3, 4, {"A1.1"}, {{"Map", 4}}, {"PP1", "PP3"})},
                     "PP1"),
        work_package(2, {activity("A2.1", 3, 6, {"A1.2"}, {{"Last fair", 6}, {"First fair", 3}}, {"PP2", "PP3"})}, "PP2")};
    const Schedule s = interreg::schedule(w);
    EXPECT_EQ(ids(s), (Ids{"WP1", "A1.1", "D1.1.1", "A1.2", "D1.2.1", "WP2", "A2.1", "D2.1.2", "D2.1.1"}));
    EXPECT_EQ(s.activity_order, (Ids{"A1.1", "A1.2", "A2.1"}));
    EXPECT_TRUE(s.cycle.empty());
    // A2.1 starts in period 3 while A1.2 runs to 4 (A1.2 after A1.1 is fine: 3 after 2).
    ASSERT_EQ(s.conflicts.size(), 1u);
    EXPECT_EQ(s.conflicts[0].activity, "A2.1");
    EXPECT_EQ(s.conflicts[0].predecessor, "A1.2");
    EXPECT_EQ(s.conflicts[0].start, 3);
    EXPECT_EQ(s.conflicts[0].predecessor_end, 4);
    EXPECT_EQ(s.conflicts[0].work_package_index, 1u);
    EXPECT_EQ(s.conflicts[0].activity_index, 0u);

    const auto& wp1 = row(s, "WP1");
    EXPECT_EQ(wp1.kind, RowKind::work_package);
    EXPECT_EQ(wp1.title, "Work package 1");
    EXPECT_EQ(wp1.start, 1);
    EXPECT_EQ(wp1.end, 4);
    EXPECT_EQ(wp1.lead, "PP1");
    EXPECT_EQ(wp1.partners, (Ids{"PP1", "PP2", "PP3"}));  // of its activities, first named first
    EXPECT_EQ(row(s, "WP2").start, 3);
    EXPECT_EQ(row(s, "WP2").end, 6);

    const auto& a12 = row(s, "A1.2");
    EXPECT_EQ(a12.kind, RowKind::activity);
    EXPECT_EQ(a12.work_package, 1);
    EXPECT_EQ(a12.start, 3);
    EXPECT_EQ(a12.end, 4);
    EXPECT_EQ(a12.predecessors, Ids{"A1.1"});
    EXPECT_EQ(a12.partners, (Ids{"PP1", "PP3"}));
    EXPECT_FALSE(a12.lead);

    const auto& first_fair = row(s, "D2.1.2");  // listed second, due first
    EXPECT_EQ(first_fair.kind, RowKind::deliverable);
    EXPECT_EQ(first_fair.title, "First fair");
    EXPECT_EQ(first_fair.activity, "A2.1");
    EXPECT_EQ(first_fair.work_package, 2);
    EXPECT_EQ(first_fair.start, 3);
    EXPECT_EQ(first_fair.end, 3);
}

TEST(Schedule, PredecessorsReorderActivitiesWithinTheirWorkPackage) {
    WorkPlan w;
    // Listed A1.1, A1.2, A1.3, but A1.1 waits for A1.3, which waits for A1.2.
    w.work_packages = {work_package(1, {activity("A1.1", 3, 3, {"A1.3"}), activity("A1.2", 1, 1),
                                        activity("A1.3", 2, 2, {"A1.2"})})};
    const Schedule s = interreg::schedule(w);
    EXPECT_EQ(s.activity_order, (Ids{"A1.2", "A1.3", "A1.1"}));
    EXPECT_EQ(ids(s), (Ids{"WP1", "A1.2", "A1.3", "A1.1"}));
}

TEST(Schedule, TiesGoToTheLowerWorkPackageThenToTheListing) {
    WorkPlan w;
    // Work packages listed 2 before 1; no predecessors at all: numbers, then listing, decide.
    w.work_packages = {work_package(2, {activity("B", 1, 1), activity("A", 1, 1)}),
                       work_package(1, {activity("Z", 1, 1), activity("Y", 1, 1)})};
    Schedule s = interreg::schedule(w);
    EXPECT_EQ(s.activity_order, (Ids{"Z", "Y", "B", "A"}));
    EXPECT_EQ(ids(s), (Ids{"WP1", "Z", "Y", "WP2", "B", "A"}));

    // Z waits for A (in WP2): the ready activities B, then A... Z comes right after A.
    w.work_packages[1].activities[0].predecessors = {"A"};
    s = interreg::schedule(w);
    EXPECT_EQ(s.activity_order, (Ids{"Y", "B", "A", "Z"}));
    EXPECT_EQ(ids(s), (Ids{"WP1", "Y", "Z", "WP2", "B", "A"}));  // work packages keep their numbers' order
}

TEST(Schedule, DiamondAndRepeatedAndUnknownPredecessors) {
    WorkPlan w;
    w.work_packages = {work_package(1, {activity("A1.4", 4, 4, {"A1.2", "A1.3", "A1.3", "nowhere"}),
                                        activity("A1.3", 2, 3, {"A1.1"}), activity("A1.2", 2, 2, {"A1.1"}),
                                        activity("A1.1", 1, 1)})};
    const Schedule s = interreg::schedule(w);
    EXPECT_TRUE(s.cycle.empty());
    EXPECT_EQ(s.activity_order, (Ids{"A1.1", "A1.3", "A1.2", "A1.4"}));
    EXPECT_EQ(row(s, "A1.4").predecessors, (Ids{"A1.2", "A1.3", "A1.3", "nowhere"}));  // as given
}

TEST(Schedule, CycleKeepsTheDocumentOrderAndNamesTheCircle) {
    WorkPlan w;
    w.work_packages = {work_package(1, {activity("A1.1", 1, 2, {"A2.1"}), activity("A1.2", 3, 4, {"A1.1"})}),
                       work_package(2, {activity("A2.1", 3, 6, {"A1.2"}), activity("A2.2", 1, 1)})};
    const Schedule s = interreg::schedule(w);
    EXPECT_EQ(s.cycle, (Ids{"A1.1", "A1.2", "A2.1"}));
    EXPECT_EQ(s.activity_order, (Ids{"A1.1", "A1.2", "A2.1", "A2.2"}));
    EXPECT_EQ(ids(s), (Ids{"WP1", "A1.1", "A1.2", "WP2", "A2.1", "A2.2"}));
    EXPECT_EQ(interreg::predecessor_cycle(w), s.cycle);
}

TEST(Schedule, CycleOfOne) {
    WorkPlan w;
    w.work_packages = {work_package(1, {activity("A1.1", 1, 1), activity("A1.2", 2, 2, {"A1.1", "A1.2"})})};
    const Schedule s = interreg::schedule(w);
    EXPECT_EQ(s.cycle, Ids{"A1.2"});
    EXPECT_EQ(s.activity_order, (Ids{"A1.1", "A1.2"}));
}

TEST(Schedule, WorkPackageWithoutActivitiesHasNoSpan) {
    WorkPlan w;
    w.work_packages = {work_package(1, {}, "PP1")};
    const Schedule s = interreg::schedule(w);
    ASSERT_EQ(s.rows.size(), 1u);
    EXPECT_FALSE(s.rows[0].start);
    EXPECT_FALSE(s.rows[0].end);
    EXPECT_TRUE(s.rows[0].partners.empty());
}

TEST(Schedule, DeliverableIds) {
    EXPECT_EQ(interreg::deliverable_id("A1.1", 2), "D1.1.2");
    EXPECT_EQ(interreg::deliverable_id("survey", 1), "survey.D1");
    EXPECT_EQ(interreg::deliverable_id("A", 1), "A.D1");
    EXPECT_EQ(interreg::to_string(RowKind::work_package), "work_package");
    EXPECT_EQ(interreg::to_string(RowKind::deliverable), "deliverable");
}
