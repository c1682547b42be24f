#include "interreg/network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "interreg/errors.hpp"

namespace interreg {

namespace {

// The bipartite graph: organisation o → its projects (n + p), project n + p → its organisations.
BipartiteGraph build_bipartite(const History& h) {
    const auto n = static_cast<std::uint32_t>(h.organisations().size());
    const auto m = static_cast<std::uint32_t>(h.projects().size());
    std::vector<std::uint32_t> sources, targets;
    sources.reserve(2 * h.participation_count());
    targets.reserve(2 * h.participation_count());
    for (std::uint32_t o = 0; o < n; ++o) {
        for (auto [it, end] = h.projects_of(o); it != end; ++it) {
            sources.push_back(o);
            targets.push_back(n + *it);
        }
    }
    for (std::uint32_t p = 0; p < m; ++p) {
        for (auto [it, end] = h.members(p); it != end; ++it) {
            sources.push_back(n + p);
            targets.push_back(*it);
        }
    }
    return BipartiteGraph(boost::construct_inplace_from_sources_and_targets, sources, targets, n + m);
}

// The projection, in two linear passes and without comparisons. First each organisation's row
// of co-participants, in the order met, counted with a dense marker array; then the rows are
// transposed by counting: the graph is symmetric, so row v of the transpose lists the
// organisations whose rows hold v, in ascending order, with the same edge values.
CoGraph build_projection(const History& h, const BipartiteGraph& b) {
    const auto n = static_cast<std::uint32_t>(h.organisations().size());
    std::size_t bound = 0;  // pairs met, with repeats: at least the number of directed edges
    for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
        const auto [begin, end] = h.members(p);
        const auto k = static_cast<std::size_t>(end - begin);
        bound += k * (k - 1);
    }
    std::vector<std::uint32_t> offsets(n + 1, 0), met;
    std::vector<CoEdge> met_props;
    met.reserve(bound);
    met_props.reserve(bound);
    std::vector<std::uint32_t> slot(n, UINT32_MAX);  // position of v in the current row
    for (std::uint32_t u = 0; u < n; ++u) {
        const std::size_t row_begin = met.size();
        for (auto [pe, pend] = boost::out_edges(u, b); pe != pend; ++pe) {
            const std::uint32_t project = boost::target(*pe, b);
            const std::uint32_t rank = std::min<std::uint32_t>(h.projects()[project - n].period_rank, 255);
            for (auto [ve, vend] = boost::out_edges(project, b); ve != vend; ++ve) {
                const std::uint32_t v = boost::target(*ve, b);
                if (v == u) continue;
                if (slot[v] == UINT32_MAX) {
                    slot[v] = static_cast<std::uint32_t>(met.size() - row_begin);
                    met.push_back(v);
                    met_props.push_back(CoEdge{0, 0});
                }
                CoEdge& e = met_props[row_begin + slot[v]];
                if (e.projects < (1u << 24) - 1) e.projects = e.projects + 1;
                if (rank > e.latest) e.latest = rank;
            }
        }
        for (std::size_t k = row_begin; k < met.size(); ++k) slot[met[k]] = UINT32_MAX;
        offsets[u + 1] = static_cast<std::uint32_t>(met.size());
    }
    const std::size_t edges = met.size();
    std::vector<std::uint32_t> targets(edges);
    std::vector<CoEdge> props(edges);
    {
        std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
        for (std::uint32_t u = 0; u < n; ++u) {
            for (std::uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
                const std::uint32_t pos = next[met[k]]++;
                targets[pos] = u;
                props[pos] = met_props[k];
            }
        }
    }
    std::vector<std::uint32_t>().swap(met);
    std::vector<CoEdge>().swap(met_props);
    std::vector<std::uint32_t> sources(edges);
    for (std::uint32_t u = 0; u < n; ++u) std::fill(sources.begin() + offsets[u], sources.begin() + offsets[u + 1], u);
    return CoGraph(boost::construct_inplace_from_sources_and_targets, sources, targets, props, n);
}

void check_org(const CooperationNetwork& net, std::uint32_t o) {
    if (o >= net.organisation_count()) {
        throw ArgumentError("organisation number " + std::to_string(o) + " is out of range (the history has " +
                            std::to_string(net.organisation_count()) + ")");
    }
}

}  // namespace

CooperationNetwork::CooperationNetwork(std::shared_ptr<const History> history)
    : history_(std::move(history)), bipartite_(build_bipartite(*history_)), graph_(build_projection(*history_, bipartite_)) {}

std::pair<const std::uint32_t*, const std::uint32_t*> CooperationNetwork::neighbours(std::uint32_t o) const {
    // The CSR arrays themselves (public in Boost's compressed_sparse_row_graph): rows ascending.
    const auto& rows = graph_.m_forward.m_rowstart;
    const auto* column = graph_.m_forward.m_column.data();
    return {column + rows[o], column + rows[o + 1]};
}

const CoEdge* CooperationNetwork::edge(std::uint32_t a, std::uint32_t b) const {
    check_org(*this, a);
    check_org(*this, b);
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
    check_org(*this, o);
    std::vector<Tie> out;
    for (auto [e, end] = boost::out_edges(o, graph_); e != end; ++e) {
        const CoEdge& p = graph_[*e];
        out.push_back({boost::target(*e, graph_), p.projects, p.latest});
    }
    std::stable_sort(out.begin(), out.end(), [](const Tie& x, const Tie& y) {
        return x.projects != y.projects ? x.projects > y.projects : x.latest > y.latest;
    });
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::shared_projects(std::uint32_t a, std::uint32_t b) const {
    check_org(*this, a);
    check_org(*this, b);
    const auto [a0, a1] = history_->projects_of(a);
    const auto [b0, b1] = history_->projects_of(b);
    std::vector<std::uint32_t> out;
    std::set_intersection(a0, a1, b0, b1, std::back_inserter(out));
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::common_neighbours(std::uint32_t a, std::uint32_t b) const {
    check_org(*this, a);
    check_org(*this, b);
    const auto [a0, a1] = neighbours(a);
    const auto [b0, b1] = neighbours(b);
    std::vector<std::uint32_t> out;
    std::set_intersection(a0, a1, b0, b1, std::back_inserter(out));
    return out;
}

std::vector<std::uint32_t> CooperationNetwork::path(std::uint32_t a, std::uint32_t b) const {
    check_org(*this, a);
    check_org(*this, b);
    if (a == b) return {a};
    // Scratch arrays kept per thread and reset by a new stamp, not cleared: a query costs what it
    // visits, not the size of the graph.
    thread_local std::vector<std::uint32_t> stamp_of, parent;
    thread_local std::vector<std::uint8_t> side_of;  // 1: reached from a, 2: from b
    thread_local std::uint32_t stamp = 0;
    const auto n = organisation_count();
    if (stamp_of.size() < n || ++stamp == 0) {
        stamp_of.assign(std::max<std::size_t>(stamp_of.size(), n), 0);
        parent.resize(stamp_of.size());
        side_of.resize(stamp_of.size());
        stamp = 1;
    }
    auto side = [&](std::uint32_t v) -> std::uint32_t { return stamp_of[v] == stamp ? side_of[v] : 0; };
    auto reach = [&](std::uint32_t v, std::uint8_t s, std::uint32_t from) {
        stamp_of[v] = stamp;
        side_of[v] = s;
        parent[v] = from;
    };
    reach(a, 1, a);
    reach(b, 2, b);
    // Expand the smaller frontier one whole level at a time.
    std::vector<std::uint32_t> front_a{a}, front_b{b}, next;
    while (!front_a.empty() && !front_b.empty()) {
        const bool from_a = front_a.size() <= front_b.size();
        auto& front = from_a ? front_a : front_b;
        const std::uint8_t own = from_a ? 1 : 2;
        const std::uint32_t other = from_a ? 2 : 1;
        next.clear();
        std::uint32_t best_u = UINT32_MAX, best_v = UINT32_MAX;
        for (std::uint32_t u : front) {
            const auto [begin, end] = neighbours(u);
            for (const auto* it = begin; it != end; ++it) {
                const std::uint32_t v = *it;
                const std::uint32_t sv = side(v);
                if (sv == other) {
                    if (best_u == UINT32_MAX) {
                        best_u = u;
                        best_v = v;
                    }
                } else if (sv == 0) {
                    reach(v, own, u);
                    next.push_back(v);
                }
            }
            if (best_u != UINT32_MAX) break;
        }
        if (best_u != UINT32_MAX) {
            // Join: the side of a, then the side of b.
            const std::uint32_t end_a = from_a ? best_u : best_v, end_b = from_a ? best_v : best_u;
            std::vector<std::uint32_t> out;
            for (std::uint32_t x = end_a; x != a; x = parent[x]) out.push_back(x);
            out.push_back(a);
            std::reverse(out.begin(), out.end());
            for (std::uint32_t x = end_b; x != b; x = parent[x]) out.push_back(x);
            out.push_back(b);
            return out;
        }
        front.swap(next);
    }
    return {};
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
        check_org(*this, v);
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

std::vector<std::pair<std::uint32_t, double>> CooperationNetwork::adamic_adar(const std::vector<std::uint32_t>& members) const {
    const auto n = organisation_count();
    std::vector<double> score(n, 0.0);
    std::vector<std::uint32_t> touched;
    std::vector<char> is_member(n, 0);
    for (auto m : members) {
        check_org(*this, m);
        is_member[m] = 1;
    }
    for (auto m : members) {
        const auto [z0, z1] = neighbours(m);
        for (const auto* z = z0; z != z1; ++z) {
            const auto d = degree(*z);
            if (d < 2) continue;
            const double w = 1.0 / std::log(static_cast<double>(d));
            const auto [c0, c1] = neighbours(*z);
            for (const auto* c = c0; c != c1; ++c) {
                if (*c == m) continue;
                if (score[*c] == 0.0) touched.push_back(*c);
                score[*c] += w;
            }
        }
    }
    std::sort(touched.begin(), touched.end());
    std::vector<std::pair<std::uint32_t, double>> out;
    out.reserve(touched.size());
    for (auto c : touched) {
        if (!is_member[c]) out.emplace_back(c, score[c]);
    }
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
