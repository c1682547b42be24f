#pragma once
// Partner suggestions for a proposal from a cooperation history: organisations that fill a gap
// in the consortium (a missing country, or a country missing in the proposal's sub-geography),
// match the wanted organisation types, are close to the consortium in the co-participation
// graph (Adamic–Adar) and are eligible (in the programme area, an eligible organisation type).
#include <cstdint>
#include <string>
#include <vector>

#include "interreg/network.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

struct SuggestOptions {
    std::size_t n = 10;
    std::vector<std::string> countries;  // only these (ISO codes); empty: the programme's countries
    std::vector<std::string> org_types;  // only these programme organisation types; empty: any eligible
    std::string geography;               // only in this sub-geography; empty: the proposal's (none for "whole")
};

struct DirectTie {
    std::uint32_t member;    // organisation in the history
    std::size_t partner;     // position in the proposal's partners
    std::uint32_t projects;  // shared
};

struct Suggestion {
    std::uint32_t organisation;
    std::string region;                   // the programme region's code, as resolved
    double score = 0;                     // Adamic–Adar summed over the consortium's members
    std::vector<std::string> fills;       // gaps it fills, e.g. "Denmark in Öresund"
    std::vector<DirectTie> worked_with;   // consortium members it shared projects with
    std::vector<std::uint32_t> via;       // common partners with the consortium, strongest first (up to 3)
    std::uint32_t projects = 0;           // its projects in the history
    std::string reason;                   // one sentence saying why
};

struct SuggestResult {
    std::vector<Suggestion> suggestions;  // best first
    std::vector<std::size_t> members;     // proposal partners found in the history ...
    std::vector<std::uint32_t> member_organisations;  // ... and their organisations
    std::vector<std::string> gaps;        // what the consortium lacks, as the suggestions' `fills` name it
};

// Ranking: most gaps filled first, then the Adamic–Adar score, then projects shared with the
// consortium, then experience (projects in the history), then name. Organisations already in the
// proposal are left out. ArgumentError for an unknown country, organisation type or geography.
SuggestResult suggest_partners(const CooperationNetwork& network, const Programme& programme, const Proposal& proposal,
                               const SuggestOptions& options);
// The same from the history alone, without building the graph: only the rows of the consortium's
// members, their neighbours and the suggested organisations are made (HistoryNeighbourhood), so a
// first suggestion does not wait for the whole graph. The same result as with the network.
SuggestResult suggest_partners(const History& history, const Programme& programme, const Proposal& proposal,
                               const SuggestOptions& options);

}  // namespace interreg
