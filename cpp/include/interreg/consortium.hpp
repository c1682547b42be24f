#pragma once
// The consortium graph of a proposal: its partners linked by the activities and work packages
// of the work plan they share. The network.* rules judge it; the Python plots draw it.
#include <cstdint>
#include <string>
#include <vector>

#include "interreg/proposal.hpp"

namespace interreg {

struct ConsortiumLink {
    std::size_t a = 0, b = 0;          // positions in the proposal's partners, a < b
    std::uint32_t activities = 0;      // activities both take part in
    std::uint32_t work_packages = 0;   // work packages both take part in (an activity of it, or leading it)
};

struct ConsortiumGraph {
    std::vector<ConsortiumLink> links;       // ordered by (a, b)
    std::vector<std::uint32_t> activities;   // per partner: activities it takes part in
    // Whether the work plan names partners in any activity; without that there is nothing to judge.
    bool has_activities() const;
};

// Partners in unknown ids are ignored (workplan.references reports them).
ConsortiumGraph consortium_graph(const Proposal& proposal);

// A partner whose leaving would cut every link between the remaining partners of two countries.
struct Bridge {
    std::size_t partner = 0;
    std::vector<std::pair<std::string, std::string>> countries;  // the country pairs it alone connects
};

// Bridges among the partners that are not associated (links of either kind count). A pair of
// countries counts only when both keep a partner without the bridge.
std::vector<Bridge> consortium_bridges(const Proposal& proposal, const ConsortiumGraph& graph);

}  // namespace interreg
