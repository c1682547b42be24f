#include "interreg/network.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <numeric>

#include "interreg/errors.hpp"
#include "interreg/huge_pages.hpp"

namespace interreg {

namespace {

// Vertex and edge numbers are 32-bit.
void check_size(std::size_t count, const char* what) {
    if (count >= UINT32_MAX) {
        throw ArgumentError("the cooperation history is too large for a network: " + std::to_string(count) + " " + what +
                            " (the limit is " + std::to_string(UINT32_MAX - 1) + ")");
    }
}

const History& checked_size(const History& h) {
    check_size(h.organisations().size() + h.projects().size(), "organisations and projects");
    check_size(2 * h.participation_count(), "organisation-project links in both directions");
    return h;
}

// A compressed sparse row graph from arrays already in its layout: row offsets and, row by row,
// ascending targets (and their properties). Boost's own constructors take (source, target)
// pairs and sort them again; its CSR arrays are public members, so the rows are handed over.
template <typename Graph, typename... Props>
Graph adopt_rows(std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> targets, Props... props) {
    Graph g(static_cast<std::uint32_t>(offsets.size() - 1));
    g.m_forward.m_rowstart.swap(offsets);
    g.m_forward.m_column.swap(targets);
    (g.m_forward.m_edge_properties.swap(props), ...);
    return g;
}

// The bipartite graph: organisation o → its projects (n + p), project n + p → its organisations.
BipartiteGraph build_bipartite(const History& h) {
    const auto n = static_cast<std::uint32_t>(h.organisations().size());
    const auto m = static_cast<std::uint32_t>(h.projects().size());
    std::vector<std::uint32_t> offsets, targets;
    offsets.reserve(n + m + 1);
    reserve_huge(targets, 2 * h.participation_count());
    offsets.push_back(0);
    for (std::uint32_t o = 0; o < n; ++o) {
        for (auto [it, end] = h.projects_of(o); it != end; ++it) targets.push_back(n + *it);
        offsets.push_back(static_cast<std::uint32_t>(targets.size()));
    }
    for (std::uint32_t p = 0; p < m; ++p) {
        const auto [begin, end] = h.members(p);  // ascending
        targets.insert(targets.end(), begin, end);
        offsets.push_back(static_cast<std::uint32_t>(targets.size()));
    }
    return adopt_rows<BipartiteGraph>(std::move(offsets), std::move(targets));
}

// Organisation u's row of the projection, appended to `targets` and `props`: its co-participants
// counted in the order met, with a dense array (`slot`, UINT32_MAX between rows) giving each
// one's place in the row, and the row then sorted while it is still in cache.
void append_row(const History& h, std::uint32_t u, std::vector<std::uint32_t>& slot, std::vector<std::uint32_t>& targets,
                std::vector<CoEdge>& props, std::vector<std::uint64_t>& row) {
    const std::size_t row_begin = targets.size();
    for (auto [p, pend] = h.projects_of(u); p != pend; ++p) {
        const std::uint32_t rank = std::min<std::uint32_t>(h.projects()[*p].period_rank, 255);
        for (auto [v, vend] = h.members(*p); v != vend; ++v) {
            if (*v == u) continue;
            if (slot[*v] == UINT32_MAX) {
                slot[*v] = static_cast<std::uint32_t>(targets.size() - row_begin);
                targets.push_back(*v);
                props.push_back(CoEdge{0, 0});
            }
            CoEdge& e = props[row_begin + slot[*v]];
            if (e.projects < (1u << 24) - 1) e.projects = e.projects + 1;
            if (rank > e.latest) e.latest = rank;
        }
    }
    row.clear();
    for (std::size_t k = row_begin; k < targets.size(); ++k) {
        slot[targets[k]] = UINT32_MAX;
        std::uint32_t bits;
        std::memcpy(&bits, &props[k], sizeof bits);
        row.push_back(std::uint64_t{targets[k]} << 32 | bits);
    }
    std::sort(row.begin(), row.end());
    for (std::size_t k = 0; k < row.size(); ++k) {
        targets[row_begin + k] = static_cast<std::uint32_t>(row[k] >> 32);
        const auto bits = static_cast<std::uint32_t>(row[k]);
        std::memcpy(&props[row_begin + k], &bits, sizeof bits);
    }
}

// The projection, row by row without a map.
CoGraph build_projection(const History& h) {
    const auto n = static_cast<std::uint32_t>(h.organisations().size());
    std::size_t bound = 0;  // pairs met, with repeats: at least the number of directed edges
    for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
        const auto [begin, end] = h.members(p);
        const auto k = static_cast<std::size_t>(end - begin);
        bound += k * (k - 1);
    }
    check_size(bound, "pairs of co-participants");
    std::vector<std::uint32_t> offsets(n + 1, 0), targets;
    std::vector<CoEdge> props;
    reserve_huge(targets, bound);
    reserve_huge(props, bound);
    std::vector<std::uint32_t> slot(n, UINT32_MAX);
    std::vector<std::uint64_t> row;  // (target, edge) packed, to sort the row
    for (std::uint32_t u = 0; u < n; ++u) {
        append_row(h, u, slot, targets, props, row);
        offsets[u + 1] = static_cast<std::uint32_t>(targets.size());
    }
    return adopt_rows<CoGraph>(std::move(offsets), std::move(targets), std::move(props));
}

// Adamic–Adar and common neighbours over either the graph or the history's rows: one loop, so
// both give the same numbers bit for bit.
template <class Neighbourhood>
Closeness adamic_adar_of(const Neighbourhood& net, const std::vector<std::uint32_t>& members) {
    Closeness out;
    out.score.assign(net.organisation_count(), 0.0);
    for (auto m : members) {
        const auto [z0, z1] = net.neighbours(m);
        for (const auto* z = z0; z != z1; ++z) {
            const auto d = net.degree(*z);
            if (d < 2) continue;
            const double w = 1.0 / std::log(static_cast<double>(d));
            const auto [c0, c1] = net.neighbours(*z);
            for (const auto* c = c0; c != c1; ++c) {
                if (*c == m) continue;
                if (out.score[*c] == 0.0) out.scored.push_back(*c);
                out.score[*c] += w;
            }
        }
    }
    for (auto m : members) out.score[m] = 0.0;
    out.scored.erase(std::remove_if(out.scored.begin(), out.scored.end(), [&](auto c) { return out.score[c] == 0.0; }),
                     out.scored.end());
    return out;
}

template <class Neighbourhood>
std::vector<std::uint32_t> common_neighbours_of(const Neighbourhood& net, std::uint32_t a, std::uint32_t b) {
    const auto [a0, a1] = net.neighbours(a);
    const auto [b0, b1] = net.neighbours(b);
    std::vector<std::uint32_t> out;
    std::set_intersection(a0, a1, b0, b1, std::back_inserter(out));
    return out;
}

void check_org(const History& history, std::uint32_t o) {
    if (o >= history.organisations().size()) {
        throw ArgumentError("organisation number " + std::to_string(o) + " is out of range (the history has " +
                            std::to_string(history.organisations().size()) + ")");
    }
}

// Ties strongest first; a tie of equals stays in organisation order, as in the graph's rows.
void order_ties(std::vector<Tie>& ties) {
    std::stable_sort(ties.begin(), ties.end(), [](const Tie& x, const Tie& y) {
        return x.projects != y.projects ? x.projects > y.projects : x.latest > y.latest;
    });
}

}  // namespace

CooperationNetwork::CooperationNetwork(std::shared_ptr<const History> history)
    : history_(std::move(history)),
      bipartite_(build_bipartite(checked_size(*history_))),
      graph_(build_projection(*history_)) {}

std::pair<const std::uint32_t*, const std::uint32_t*> CooperationNetwork::neighbours(std::uint32_t o) const {
    // The CSR arrays themselves (public in Boost's compressed_sparse_row_graph): rows ascending.
    const auto& rows = graph_.m_forward.m_rowstart;
    const auto* column = graph_.m_forward.m_column.data();
    return {column + rows[o], column + rows[o + 1]};
}

const CoEdge* CooperationNetwork::edge(std::uint32_t a, std::uint32_t b) const {
    check_org(*history_, a);
    check_org(*history_, b);
    const auto [begin, end] = neighbours(a);
    const auto* it = std::lower_bound(begin, end, b);
    if (it == end || *it != b) return nullptr;
    const auto index = static_cast<std::uint32_t>(it - graph_.m_forward.m_column.data());
    return &graph_[CoGraph::edge_descriptor(a, index)];
}

std::size_t CooperationNetwork::memory_bytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    return sizeof(*this) + bytes(bipartite_.m_forward.m_rowstart) + bytes(bipartite_.m_forward.m_column) +
           bytes(graph_.m_forward.m_rowstart) + bytes(graph_.m_forward.m_column) +
           graph_.m_forward.m_edge_properties.capacity() * sizeof(CoEdge);
}

std::vector<Tie> CooperationNetwork::partners_of(std::uint32_t o) const {
    check_org(*history_, o);
    std::vector<Tie> out;
    for (auto [e, end] = boost::out_edges(o, graph_); e != end; ++e) {
        const CoEdge& p = graph_[*e];
        out.push_back({boost::target(*e, graph_), p.projects, p.latest});
    }
    order_ties(out);
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::shared_projects(std::uint32_t a, std::uint32_t b) const {
    check_org(*history_, a);
    check_org(*history_, b);
    auto [a0, a1] = history_->projects_of(a);
    auto [b0, b1] = history_->projects_of(b);
    if (a1 - a0 > b1 - b0) {
        std::swap(a0, b0);
        std::swap(a1, b1);
    }
    std::vector<std::uint32_t> out;
    for (const std::uint32_t* p = a0; p != a1 && b0 != b1; ++p) {
        b0 = std::lower_bound(b0, b1, *p);
        if (b0 != b1 && *b0 == *p) out.push_back(*p);
    }
    return out;
}

SharedProjects CooperationNetwork::shared_projects_of(std::uint32_t o, const std::vector<Tie>& ties) const {
    return shared_projects_in(*history_, o, ties);
}


std::vector<Tie> partners_in(const History& history, std::uint32_t o) {
    check_org(history, o);
    std::vector<Tie> ties;
    std::vector<std::uint32_t> position(history.organisations().size(), ~std::uint32_t{0});  // organisation → tie
    const auto [p0, p1] = history.projects_of(o);
    for (const std::uint32_t* p = p0; p != p1; ++p) {
        const std::uint32_t rank = history.projects()[*p].period_rank;
        const auto [m0, m1] = history.members(*p);
        for (const std::uint32_t* m = m0; m != m1; ++m) {
            if (*m == o) continue;
            if (position[*m] == ~std::uint32_t{0}) {
                position[*m] = static_cast<std::uint32_t>(ties.size());
                ties.push_back({*m, 0, 0});
            }
            Tie& t = ties[position[*m]];
            ++t.projects;
            t.latest = std::max(t.latest, rank);
        }
    }
    std::sort(ties.begin(), ties.end(), [](const Tie& x, const Tie& y) { return x.organisation < y.organisation; });
    order_ties(ties);
    return ties;
}

SharedProjects shared_projects_in(const History& history, std::uint32_t o, const std::vector<Tie>& ties) {
    check_org(history, o);
    constexpr std::uint32_t none = ~std::uint32_t{0};
    std::vector<std::uint32_t> position(history.organisations().size(), none);  // organisation → its tie
    SharedProjects out;
    out.offsets.resize(ties.size() + 1);
    for (std::size_t i = 0; i < ties.size(); ++i) {
        position[ties[i].organisation] = static_cast<std::uint32_t>(i);
        out.offsets[i + 1] = out.offsets[i] + ties[i].projects;  // each tie's count is known
    }
    out.projects.resize(out.offsets.back());
    std::vector<std::size_t> next(out.offsets.begin(), out.offsets.end() - 1);  // where tie i writes
    const auto [p0, p1] = history.projects_of(o);
    for (const std::uint32_t* p = p0; p != p1; ++p) {  // ascending, so each tie's projects are too
        const auto [m0, m1] = history.members(*p);
        for (const std::uint32_t* m = m0; m != m1; ++m) {
            if (position[*m] != none) out.projects[next[position[*m]]++] = *p;
        }
    }
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::common_neighbours(std::uint32_t a, std::uint32_t b) const {
    check_org(*history_, a);
    check_org(*history_, b);
    return common_neighbours_of(*this, a, b);
}

HistoryNeighbourhood::HistoryNeighbourhood(const History& history)
    : history_(history), rows_(history.organisations().size()), slot_(history.organisations().size(), UINT32_MAX) {}

const HistoryNeighbourhood::Row& HistoryNeighbourhood::row(std::uint32_t o) const {
    check_org(history_, o);
    auto& made = rows_[o];
    if (!made) {
        made = std::make_unique<Row>();
        append_row(history_, o, slot_, made->targets, made->edges, packed_);
    }
    return *made;
}

std::pair<const std::uint32_t*, const std::uint32_t*> HistoryNeighbourhood::neighbours(std::uint32_t o) const {
    const Row& r = row(o);
    return {r.targets.data(), r.targets.data() + r.targets.size()};
}

std::uint32_t HistoryNeighbourhood::degree(std::uint32_t o) const {
    return static_cast<std::uint32_t>(row(o).targets.size());
}

const CoEdge* HistoryNeighbourhood::edge(std::uint32_t a, std::uint32_t b) const {
    check_org(history_, b);
    const Row& r = row(a);
    const auto it = std::lower_bound(r.targets.begin(), r.targets.end(), b);
    if (it == r.targets.end() || *it != b) return nullptr;
    return &r.edges[static_cast<std::size_t>(it - r.targets.begin())];
}

Closeness HistoryNeighbourhood::adamic_adar_scores(const std::vector<std::uint32_t>& members) const {
    for (auto m : members) check_org(history_, m);
    return adamic_adar_of(*this, members);
}

std::vector<std::uint32_t> HistoryNeighbourhood::common_neighbours(std::uint32_t a, std::uint32_t b) const {
    check_org(history_, b);
    return common_neighbours_of(*this, a, b);
}

namespace {

// One side of a bidirectional path search: the organisations it reached, level by level, each
// with the organisation it was reached from. A bit per organisation says what it reached: every
// neighbour read is checked against these bits (n/8 bytes, mostly in cache), not against a table
// the size of the graph. Kept per thread between queries.
struct SearchSide {
    std::vector<std::uint64_t> bits;
    std::vector<std::uint32_t> reached, parent;  // level by level
    std::vector<std::size_t> level;              // where each level begins in `reached`
    std::size_t work = 0;                        // edges the next expansion reads

    // Start from `start` in a graph of n organisations, forgetting the last search.
    void begin(std::uint32_t start, std::size_t n) {
        for (auto v : reached) bits[v / 64] = 0;
        if (bits.size() * 64 < n) bits.resize((n + 63) / 64);
        reached.clear();
        parent.clear();
        level.assign(1, 0);
        add(start, start);
    }
    bool has(std::uint32_t v) const { return bits[v / 64] >> (v % 64) & 1; }
    void add(std::uint32_t v, std::uint32_t from) {
        bits[v / 64] |= std::uint64_t{1} << (v % 64);
        reached.push_back(v);
        parent.push_back(from);
    }
    // The chain from v (reached in the last level) back to the start: the parent of an
    // organisation of level k is found among level k - 1, a short search done once per step.
    void chain(std::uint32_t v, std::vector<std::uint32_t>& out) const {
        for (std::size_t k = level.size(); k-- > 0;) {
            out.push_back(v);
            const std::size_t end = k + 1 < level.size() ? level[k + 1] : reached.size();
            const auto at = std::find(reached.begin() + level[k], reached.begin() + end, v) - reached.begin();
            assert(static_cast<std::size_t>(at) < end);
            v = parent[at];
        }
    }
};

}  // namespace

std::vector<std::uint32_t> CooperationNetwork::path(std::uint32_t a, std::uint32_t b) const {
    check_org(*history_, a);
    check_org(*history_, b);
    if (a == b) return {a};
    thread_local SearchSide sides[2];
    SearchSide* side = sides;  // one thread-local lookup, not one per use
    const auto& rows = graph_.m_forward.m_rowstart;
    const auto* column = graph_.m_forward.m_column.data();
    auto degree_of = [&](std::uint32_t v) -> std::size_t { return rows[v + 1] - rows[v]; };
    side[0].begin(a, organisation_count());
    side[1].begin(b, organisation_count());
    side[0].work = degree_of(a);
    side[1].work = degree_of(b);
    // Expand, one whole level at a time, the side with fewer edges to read (hubs make the number
    // of organisations a poor guide).
    for (;;) {
        const int own = side[0].work <= side[1].work ? 0 : 1;
        SearchSide& s = side[own];
        const SearchSide& other = side[1 - own];
        const std::size_t first = s.level.back(), last = s.reached.size();
        if (first == last) return {};  // this side is exhausted: no path
        s.level.push_back(last);
        for (std::size_t k = first; k < last; ++k) {
            const std::uint32_t u = s.reached[k];
            const auto [begin, end] = neighbours(u);
            for (const auto* it = begin; it != end; ++it) {
                if (other.has(*it)) {
                    // Met: every meeting in this level is as short. a's chain, then b's.
                    s.level.pop_back();
                    std::vector<std::uint32_t> out, rest;
                    s.chain(u, own == 0 ? out : rest);
                    other.chain(*it, own == 0 ? rest : out);
                    std::reverse(out.begin(), out.end());
                    out.insert(out.end(), rest.begin(), rest.end());
                    return out;
                }
                if (!s.has(*it)) s.add(*it, u);
            }
        }
        // The new level's edges, counted only once it is complete (the level that meets never
        // is). Their rows are far apart in memory: ask for them now, the expansion reads them later.
        s.work = 0;
        for (std::size_t k = last; k < s.reached.size(); ++k) {
            const std::uint32_t v = s.reached[k];
            s.work += rows[v + 1] - rows[v];
            __builtin_prefetch(column + rows[v]);
        }
    }
}

Components CooperationNetwork::components() const {
    // Breadth-first search over the graph's arrays, one component at a time.
    const auto n = organisation_count();
    std::vector<std::uint32_t> raw(n, UINT32_MAX), sizes, queue(n);
    for (std::uint32_t s = 0; s < n; ++s) {
        if (raw[s] != UINT32_MAX) continue;
        const auto label = static_cast<std::uint32_t>(sizes.size());
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        raw[s] = label;
        while (head < tail) {
            const auto [begin, end] = neighbours(queue[head++]);
            for (const auto* v = begin; v != end; ++v) {
                if (raw[*v] == UINT32_MAX) {
                    raw[*v] = label;
                    queue[tail++] = *v;
                }
            }
        }
        sizes.push_back(static_cast<std::uint32_t>(tail));
    }
    // Renumber by size, largest first; equal sizes keep the order of their first organisation.
    std::vector<std::uint32_t> order(sizes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return sizes[x] > sizes[y]; });
    std::vector<std::uint32_t> rename(sizes.size());
    Components out;
    out.sizes.resize(sizes.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        rename[order[k]] = k;
        out.sizes[k] = sizes[order[k]];
    }
    out.label.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) out.label[v] = rename[raw[v]];
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::communities(int max_rounds) const {
    const auto n = organisation_count();
    std::vector<std::uint32_t> label(n);
    std::iota(label.begin(), label.end(), 0);
    std::vector<std::uint64_t> weight(n, 0);  // weight of each label around the current vertex
    std::vector<std::uint32_t> touched;
    for (int round = 0; round < max_rounds; ++round) {
        bool changed = false;
        for (std::uint32_t u = 0; u < n; ++u) {
            touched.clear();
            for (auto [e, end] = boost::out_edges(u, graph_); e != end; ++e) {
                const auto l = label[boost::target(*e, graph_)];
                if (weight[l] == 0) touched.push_back(l);
                weight[l] += graph_[*e].projects;
            }
            if (touched.empty()) continue;
            std::uint32_t best = label[u];
            std::uint64_t best_weight = weight[best];  // 0 when no neighbour has it
            for (auto l : touched) {
                if (weight[l] > best_weight || (weight[l] == best_weight && l < best)) {
                    best = l;
                    best_weight = weight[l];
                }
            }
            for (auto l : touched) weight[l] = 0;
            if (best != label[u]) {
                label[u] = best;
                changed = true;
            }
        }
        if (!changed) break;
    }
    // Number communities by size, largest first; ties by their lowest organisation.
    std::vector<std::uint32_t> size(n, 0), first(n, UINT32_MAX);
    for (std::uint32_t v = 0; v < n; ++v) {
        ++size[label[v]];
        first[label[v]] = std::min(first[label[v]], v);
    }
    std::vector<std::uint32_t> used;
    for (std::uint32_t l = 0; l < n; ++l) {
        if (size[l]) used.push_back(l);
    }
    std::sort(used.begin(), used.end(),
              [&](auto x, auto y) { return size[x] != size[y] ? size[x] > size[y] : first[x] < first[y]; });
    std::vector<std::uint32_t> rename(n, 0);
    for (std::uint32_t k = 0; k < used.size(); ++k) rename[used[k]] = k;
    for (auto& l : label) l = rename[l];
    return label;
}

std::vector<double> CooperationNetwork::pagerank(const std::vector<std::uint32_t>& nodes, double alpha, double tolerance,
                                                 int max_iterations) const {
    const auto n = organisation_count();
    if (!(alpha > 0 && alpha < 1)) throw ArgumentError("alpha must be between 0 and 1 (exclusive)");
    std::vector<std::uint32_t> all;
    const auto& set = nodes.empty() ? (all.resize(n), std::iota(all.begin(), all.end(), 0), all) : nodes;
    std::vector<char> inside(n, nodes.empty() ? 1 : 0);
    for (auto v : set) {
        check_org(*history_, v);
        inside[v] = 1;
    }
    const double count = static_cast<double>(set.size());
    std::vector<double> rank(n, 0.0), next(n, 0.0), out_weight(n, 0.0);
    if (set.empty()) return rank;
    for (auto v : set) {
        rank[v] = 1.0 / count;
        for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
            if (inside[boost::target(*e, graph_)]) out_weight[v] += graph_[*e].projects;
        }
    }
    for (int it = 0; it < max_iterations; ++it) {
        double dangling = 0;
        for (auto v : set) {
            if (out_weight[v] == 0) dangling += rank[v];
        }
        const double base = (1.0 - alpha) / count + alpha * dangling / count;
        for (auto v : set) next[v] = base;
        for (auto v : set) {
            if (out_weight[v] == 0) continue;
            const double share = alpha * rank[v] / out_weight[v];
            for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
                const auto t = boost::target(*e, graph_);
                if (inside[t]) next[t] += share * graph_[*e].projects;
            }
        }
        double change = 0;
        for (auto v : set) change += std::abs(next[v] - rank[v]);
        rank.swap(next);
        if (change < count * tolerance) break;
    }
    return rank;
}

Closeness CooperationNetwork::adamic_adar_scores(const std::vector<std::uint32_t>& members) const {
    for (auto m : members) check_org(*history_, m);
    return adamic_adar_of(*this, members);
}

std::vector<std::pair<std::uint32_t, double>> CooperationNetwork::adamic_adar(const std::vector<std::uint32_t>& members) const {
    auto [score, scored] = adamic_adar_scores(members);
    std::sort(scored.begin(), scored.end());
    std::vector<std::pair<std::uint32_t, double>> out;
    out.reserve(scored.size());
    for (auto c : scored) out.emplace_back(c, score[c]);
    return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> CooperationNetwork::cross_border_edges() const {
    const auto& orgs = history_->organisations();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::uint32_t u = 0; u < organisation_count(); ++u) {
        const auto [begin, end] = neighbours(u);
        for (const auto* v = std::upper_bound(begin, end, u); v != end; ++v) {
            if (orgs[u].country != orgs[*v].country) out.emplace_back(u, *v);
        }
    }
    return out;
}

}  // namespace interreg
