#include "interreg/schedule.hpp"

#include <algorithm>
#include <functional>
#include <queue>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace interreg {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// The activities of a work plan as a graph: vertices are the activities, work packages by
// number (stable) and activities as listed within each, so a lower vertex index is the
// tie-break the schedule wants; an edge runs from a predecessor to the activity that waits
// for it. Unknown predecessor ids add no edge.
struct ActivityGraph {
    std::vector<const WorkPackage*> work_packages;  // by number
    std::vector<const Activity*> activities;        // vertex → activity
    std::vector<int> work_package_of;               // vertex → work package number
    Graph graph;

    explicit ActivityGraph(const WorkPlan& w) {
        for (const auto& wp : w.work_packages) work_packages.push_back(&wp);
        std::stable_sort(work_packages.begin(), work_packages.end(),
                         [](const WorkPackage* a, const WorkPackage* b) { return a->number < b->number; });
        for (const WorkPackage* wp : work_packages) {
            for (const auto& a : wp->activities) {
                activities.push_back(&a);
                work_package_of.push_back(wp->number);
            }
        }
        graph = Graph(activities.size());
        for (std::size_t v = 0; v < activities.size(); ++v) {
            for (const auto& before : activities[v]->predecessors) {
                const std::size_t u = index(before);
                if (u < activities.size()) boost::add_edge(u, v, graph);
            }
        }
    }

    std::size_t index(const std::string& id) const {
        return static_cast<std::size_t>(
            std::find_if(activities.begin(), activities.end(), [&](const Activity* a) { return a->id == id; }) -
            activities.begin());
    }
};

// Records the first back edge a depth-first search meets: that edge closes a cycle.
struct CycleFinder : boost::default_dfs_visitor {
    std::vector<std::size_t>* parent;
    std::vector<std::size_t>* cycle;
    template <class Edge, class G>
    void back_edge(Edge e, const G& g) {
        if (!cycle->empty()) return;
        const std::size_t from = boost::source(e, g), to = boost::target(e, g);
        for (std::size_t v = from; v != to; v = (*parent)[v]) cycle->push_back(v);
        cycle->push_back(to);
        std::reverse(cycle->begin(), cycle->end());
    }
    template <class Edge, class G>
    void tree_edge(Edge e, const G& g) {
        (*parent)[boost::target(e, g)] = boost::source(e, g);
    }
};

std::vector<std::string> find_cycle(const ActivityGraph& ag) {
    std::vector<std::size_t> parent(ag.activities.size()), cycle;
    CycleFinder finder;
    finder.parent = &parent;
    finder.cycle = &cycle;
    boost::depth_first_search(ag.graph, boost::visitor(finder));
    std::vector<std::string> ids;
    for (std::size_t v : cycle) ids.push_back(ag.activities[v]->id);
    return ids;
}

// Kahn's algorithm, always taking the lowest ready vertex: each activity after its
// predecessors, ties by work package number and then as listed. Empty when there is a cycle.
std::vector<std::size_t> topological_order(const ActivityGraph& ag) {
    const std::size_t n = ag.activities.size();
    std::vector<std::size_t> waiting(n);
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t v = 0; v < n; ++v) {
        waiting[v] = boost::in_degree(v, ag.graph);
        if (waiting[v] == 0) ready.push(v);
    }
    std::vector<std::size_t> order;
    while (!ready.empty()) {
        const std::size_t u = ready.top();
        ready.pop();
        order.push_back(u);
        for (auto [e, end] = boost::out_edges(u, ag.graph); e != end; ++e) {
            const std::size_t v = boost::target(*e, ag.graph);
            if (--waiting[v] == 0) ready.push(v);
        }
    }
    if (order.size() < n) order.clear();
    return order;
}

ScheduleRow activity_row(const Activity& a, int work_package) {
    ScheduleRow row;
    row.kind = RowKind::activity;
    row.id = a.id;
    row.title = a.title;
    row.work_package = work_package;
    row.start = a.start_period;
    row.end = a.end_period;
    row.partners = a.partners;
    row.predecessors = a.predecessors;
    return row;
}

void add_deliverables(const Activity& a, int work_package, std::vector<ScheduleRow>& rows) {
    std::vector<std::size_t> positions(a.deliverables.size());
    for (std::size_t k = 0; k < positions.size(); ++k) positions[k] = k;
    std::stable_sort(positions.begin(), positions.end(), [&](std::size_t x, std::size_t y) {
        return a.deliverables[x].period < a.deliverables[y].period;
    });
    for (std::size_t k : positions) {
        ScheduleRow row;
        row.kind = RowKind::deliverable;
        row.id = deliverable_id(a.id, k + 1);
        row.title = a.deliverables[k].title;
        row.work_package = work_package;
        row.activity = a.id;
        row.start = row.end = a.deliverables[k].period;
        rows.push_back(std::move(row));
    }
}

}  // namespace

std::string_view to_string(RowKind kind) {
    switch (kind) {
        case RowKind::work_package: return "work_package";
        case RowKind::activity: return "activity";
        case RowKind::deliverable: return "deliverable";
    }
    return "activity";
}

std::string deliverable_id(std::string_view activity_id, std::size_t position) {
    const std::string n = std::to_string(position);
    if (activity_id.size() > 1 && activity_id.front() == 'A') return "D" + std::string(activity_id.substr(1)) + "." + n;
    return std::string(activity_id) + ".D" + n;
}

std::vector<std::string> predecessor_cycle(const WorkPlan& work_plan) { return find_cycle(ActivityGraph(work_plan)); }

std::vector<OrderConflict> order_conflicts(const WorkPlan& work_plan) {
    std::vector<OrderConflict> out;
    for (std::size_t i = 0; i < work_plan.work_packages.size(); ++i) {
        const auto& activities = work_plan.work_packages[i].activities;
        for (std::size_t j = 0; j < activities.size(); ++j) {
            const Activity& a = activities[j];
            for (const auto& id : a.predecessors) {
                const Activity* before = work_plan.activity(id);
                if (!before || a.start_period >= before->end_period) continue;
                out.push_back({i, j, a.id, before->id, a.start_period, before->end_period});
            }
        }
    }
    return out;
}

Schedule schedule(const WorkPlan& work_plan) {
    const ActivityGraph ag(work_plan);
    Schedule s;
    s.conflicts = order_conflicts(work_plan);
    std::vector<std::size_t> order = topological_order(ag);
    if (order.empty() && !ag.activities.empty()) {
        s.cycle = find_cycle(ag);
        order.resize(ag.activities.size());
        for (std::size_t v = 0; v < order.size(); ++v) order[v] = v;  // document order
    }
    std::vector<std::size_t> rank(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        rank[order[k]] = k;
        s.activity_order.push_back(ag.activities[order[k]]->id);
    }

    std::size_t first = 0;  // the work package's first vertex
    for (const WorkPackage* wp : ag.work_packages) {
        ScheduleRow head;
        head.kind = RowKind::work_package;
        head.id = "WP" + std::to_string(wp->number);
        head.title = wp->title;
        head.work_package = wp->number;
        head.lead = wp->lead;
        std::vector<std::size_t> members(wp->activities.size());
        for (std::size_t k = 0; k < members.size(); ++k) members[k] = first + k;
        first += members.size();
        std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) { return rank[x] < rank[y]; });
        for (std::size_t v : members) {
            const Activity& a = *ag.activities[v];
            head.start = std::min(head.start.value_or(a.start_period), a.start_period);
            head.end = std::max(head.end.value_or(a.end_period), a.end_period);
            for (const auto& p : a.partners) {
                if (std::find(head.partners.begin(), head.partners.end(), p) == head.partners.end()) head.partners.push_back(p);
            }
        }
        s.rows.push_back(std::move(head));
        for (std::size_t v : members) {
            s.rows.push_back(activity_row(*ag.activities[v], wp->number));
            add_deliverables(*ag.activities[v], wp->number, s.rows);
        }
    }
    return s;
}

}  // namespace interreg
