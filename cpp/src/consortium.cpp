#include "interreg/consortium.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

namespace interreg {

bool ConsortiumGraph::has_activities() const {
    return std::any_of(activities.begin(), activities.end(), [](std::uint32_t n) { return n > 0; });
}

ConsortiumGraph consortium_graph(const Proposal& proposal) {
    const auto& partners = proposal.partners;
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < partners.size(); ++i) position.emplace(partners[i].id, i);
    auto positions = [&](const std::vector<std::string>& ids) {
        std::set<std::size_t> out;
        for (const auto& id : ids) {
            if (auto it = position.find(id); it != position.end()) out.insert(it->second);
        }
        return out;
    };
    ConsortiumGraph g;
    g.activities.assign(partners.size(), 0);
    std::map<std::pair<std::size_t, std::size_t>, ConsortiumLink> links;
    auto link_all = [&](const std::set<std::size_t>& group, std::uint32_t ConsortiumLink::*counter) {
        for (auto a = group.begin(); a != group.end(); ++a) {
            for (auto b = std::next(a); b != group.end(); ++b) {
                auto& l = links[{*a, *b}];
                l.a = *a;
                l.b = *b;
                ++(l.*counter);
            }
        }
    };
    for (const auto& wp : proposal.work_plan.work_packages) {
        std::set<std::size_t> in_package;
        if (wp.lead) in_package = positions({*wp.lead});
        for (const auto& activity : wp.activities) {
            const auto members = positions(activity.partners);
            for (auto m : members) ++g.activities[m];
            link_all(members, &ConsortiumLink::activities);
            in_package.insert(members.begin(), members.end());
        }
        link_all(in_package, &ConsortiumLink::work_packages);
    }
    for (const auto& [key, link] : links) g.links.push_back(link);
    return g;
}

namespace {

// Every vertex but one (a filtered_graph predicate: default-constructible and assignable).
struct AllBut {
    std::size_t excluded = SIZE_MAX;
    bool operator()(std::size_t v) const { return v != excluded; }
};

}  // namespace

std::vector<Bridge> consortium_bridges(const Proposal& proposal, const ConsortiumGraph& graph) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    const auto& partners = proposal.partners;
    const std::size_t n = partners.size();
    // A bridge links two other partners: with fewer than three there is none (and Boost's
    // connected_components must not see a graph whose every vertex is filtered out).
    if (n < 3) return {};
    auto counts = [&](std::size_t i) { return partners[i].role != Role::associated; };
    Graph g(n);
    for (const auto& l : graph.links) {
        if (counts(l.a) && counts(l.b)) boost::add_edge(l.a, l.b, g);
    }
    // For each pair of countries, whether some partner of one reaches some partner of the other.
    auto joined_pairs = [&](const std::vector<int>& component, std::size_t without) {
        std::set<std::pair<std::string, std::string>> joined;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                if (i == without || j == without || !counts(i) || !counts(j)) continue;
                if (partners[i].country < partners[j].country && component[i] == component[j]) {
                    joined.emplace(partners[i].country, partners[j].country);
                }
            }
        }
        return joined;
    };
    std::vector<int> component(n);
    boost::connected_components(g, component.data());
    std::vector<Bridge> out;
    for (std::size_t p = 0; p < n; ++p) {
        if (!counts(p)) continue;
        boost::filtered_graph<Graph, boost::keep_all, AllBut> without(g, boost::keep_all(), AllBut{p});
        std::vector<int> after_component(n, -1);
        std::vector<boost::default_color_type> colour(n);
        boost::connected_components(without, after_component.data(),
                                    boost::color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g))));
        const auto after = joined_pairs(after_component, p);
        Bridge bridge{p, {}};
        for (const auto& pair : joined_pairs(component, p)) {
            if (!after.count(pair)) bridge.countries.push_back(pair);
        }
        if (!bridge.countries.empty()) out.push_back(std::move(bridge));
    }
    return out;
}

}  // namespace interreg
