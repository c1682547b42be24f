#pragma once
// The cooperation network of a history, on Boost.Graph: the organisation–project graph
// (bipartite) and its projection, the organisation co-participation graph, weighted by the
// projects two organisations shared and the latest period they shared one in. Both are
// compressed sparse row graphs (each undirected edge stored in both directions, neighbours
// ascending), built once and read-only afterwards, so queries may run in parallel.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "interreg/history.hpp"

namespace interreg {

// What an edge of the co-participation graph carries.
struct CoEdge {
    std::uint32_t projects : 24;  // shared projects (saturates at 2^24 - 1)
    std::uint32_t latest : 8;     // History::periods() rank of the latest shared project; 0: unknown
};

using CoGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, CoEdge, boost::no_property,
                                                   std::uint32_t, std::uint32_t>;
// Vertices: organisations 0..n-1, then projects n..n+m-1.
using BipartiteGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                          boost::no_property, std::uint32_t, std::uint32_t>;

struct Tie {
    std::uint32_t organisation;
    std::uint32_t projects;  // shared
    std::uint32_t latest;    // period rank, 0: unknown
};

// The projects each of an organisation's ties shared with it, parallel to the ties: tie i's are
// projects[offsets[i] .. offsets[i + 1]), ascending.
struct SharedProjects {
    std::vector<std::size_t> offsets;  // ties + 1
    std::vector<std::uint32_t> projects;
};

// An organisation's partners read from the history itself, without building the graph: one pass
// over its projects' members, so the question costs what the organisation's projects hold however
// large the rest of the history is. The same ties in the same order as
// CooperationNetwork::partners_of (most shared projects first, then the latest, then number).
// ArgumentError when `o` is out of range.
std::vector<Tie> partners_in(const History& history, std::uint32_t o);
// The projects each tie shared with `o`: one pass as above, and two allocations.
SharedProjects shared_projects_in(const History& history, std::uint32_t o, const std::vector<Tie>& ties);

// Adamic–Adar closeness to a set of members: for each organisation c, the sum over members m and
// common neighbours z of m and c of 1 / log(degree(z)); 0 for the members. `scored` lists the
// organisations with a positive score in the order first met.
struct Closeness {
    std::vector<double> score;
    std::vector<std::uint32_t> scored;
};

struct Components {
    std::vector<std::uint32_t> label;  // per organisation; 0 is the largest component
    std::vector<std::uint32_t> sizes;  // per label, descending (ties: the component of the lower organisation first)
};

class CooperationNetwork {
public:
    explicit CooperationNetwork(std::shared_ptr<const History> history);

    const History& history() const { return *history_; }
    const std::shared_ptr<const History>& history_ptr() const { return history_; }
    const CoGraph& graph() const { return graph_; }
    const BipartiteGraph& bipartite() const { return bipartite_; }
    std::uint32_t organisation_count() const { return static_cast<std::uint32_t>(history_->organisations().size()); }
    std::size_t edge_count() const { return boost::num_edges(graph_) / 2; }  // undirected
    std::uint32_t degree(std::uint32_t o) const { return static_cast<std::uint32_t>(boost::out_degree(o, graph_)); }
    // The edge between two organisations; nullptr when they never shared a project.
    const CoEdge* edge(std::uint32_t a, std::uint32_t b) const;
    // Bytes held by both graphs (an exact count of their arrays, for benchmarks).
    std::size_t memory_bytes() const;

    // An organisation's partners, most shared projects first (then latest, then position).
    std::vector<Tie> partners_of(std::uint32_t o) const;
    // Projects both took part in, ascending: each project of the one with fewer looked up in
    // the other's, so a hub's many projects cost a logarithm, not a pass.
    std::vector<std::uint32_t> shared_projects(std::uint32_t a, std::uint32_t b) const;
    // partners_of(o) with the projects each shared with `o` (see shared_projects_in).
    SharedProjects shared_projects_of(std::uint32_t o, const std::vector<Tie>& ties) const;
    // A shortest chain of co-participations from a to b (both included; {a} when a == b; empty
    // when they are not connected). Bidirectional breadth-first search, a level at a time from
    // the side with fewer edges to read; deterministic for a given graph.
    std::vector<std::uint32_t> path(std::uint32_t a, std::uint32_t b) const;
    Components components() const;
    // Communities by weighted label propagation (deterministic: organisations in order, ties to
    // the smallest label), numbered by size, largest first; a community never spans components.
    std::vector<std::uint32_t> communities(int max_rounds = 30) const;
    // PageRank with shared projects as weights (teleport 1 - alpha, dangling organisations spread
    // evenly), over `nodes` (the graph they induce) or, when empty, over all organisations. The
    // result has one value per organisation; organisations outside `nodes` get 0.
    std::vector<double> pagerank(const std::vector<std::uint32_t>& nodes = {}, double alpha = 0.85,
                                 double tolerance = 1e-6, int max_iterations = 100) const;
    // Adamic–Adar index summed over `members`: for each organisation c, the sum over members m
    // and common neighbours z of m and c of 1 / log(degree(z)). Only organisations with a
    // positive score, members left out; ascending by organisation.
    std::vector<std::pair<std::uint32_t, double>> adamic_adar(const std::vector<std::uint32_t>& members) const;
    // The same scores, dense (see Closeness).
    Closeness adamic_adar_scores(const std::vector<std::uint32_t>& members) const;
    // The common neighbours of a and b, ascending.
    std::vector<std::uint32_t> common_neighbours(std::uint32_t a, std::uint32_t b) const;
    // Edges between organisations of different countries (a < b).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cross_border_edges() const;
    // The organisations that shared a project with `o`, ascending (its row of the graph). `o` is
    // not checked: this is the algorithms' inner loop.
    std::pair<const std::uint32_t*, const std::uint32_t*> neighbours(std::uint32_t o) const;

private:
    std::shared_ptr<const History> history_;
    BipartiteGraph bipartite_;
    CoGraph graph_;
};

// The co-participation graph's rows read from the history without building the graph: an
// organisation's row is made from its projects' members when first asked for, then kept. A few
// questions about a few organisations (a first partner suggestion) cost what their projects hold,
// not the whole graph; the answers are CooperationNetwork's, bit for bit. Not for concurrent use.
class HistoryNeighbourhood {
public:
    explicit HistoryNeighbourhood(const History& history);

    const History& history() const { return history_; }
    std::uint32_t organisation_count() const { return static_cast<std::uint32_t>(history_.organisations().size()); }
    // As CooperationNetwork's; ArgumentError for an organisation out of range.
    std::pair<const std::uint32_t*, const std::uint32_t*> neighbours(std::uint32_t o) const;
    std::uint32_t degree(std::uint32_t o) const;
    const CoEdge* edge(std::uint32_t a, std::uint32_t b) const;
    Closeness adamic_adar_scores(const std::vector<std::uint32_t>& members) const;
    std::vector<std::uint32_t> common_neighbours(std::uint32_t a, std::uint32_t b) const;

private:
    struct Row {
        std::vector<std::uint32_t> targets;  // ascending
        std::vector<CoEdge> edges;
    };
    const Row& row(std::uint32_t o) const;

    const History& history_;
    mutable std::vector<std::unique_ptr<Row>> rows_;  // per organisation, once made
    mutable std::vector<std::uint32_t> slot_;  // per organisation, while a row is made (UINT32_MAX otherwise)
    mutable std::vector<std::uint64_t> packed_;  // a row being sorted
};

}  // namespace interreg
