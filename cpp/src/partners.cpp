#include "interreg/partners.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

bool counts(const Partner& p) { return p.role != Role::associated; }

std::string country_name(const Programme& programme, const std::string& code) {
    const Country* c = programme.country(code);
    return c && c->name.count("en") ? c->name.at("en") : code;
}

std::string geography_name(const SubGeography& g) { return g.name.count("en") ? g.name.at("en") : g.id; }

// The options checked against the programme: ISO codes, known organisation types, a known geography.
struct Scope {
    std::vector<std::string> countries;
    std::vector<std::string> org_types;
    const SubGeography* geography = nullptr;
};

Scope check_options(const Programme& programme, const Proposal& proposal, const SuggestOptions& options) {
    Scope scope;
    const auto programme_countries = ids_of(programme.countries(), &Country::code);
    for (const auto& c : options.countries) {
        const std::string code = countries::require(c).code;
        if (!programme.country(code)) {
            throw ArgumentError("country '" + c + "' is not a country of " + programme.id() + "; choose " +
                                text::join_choices(programme_countries));
        }
        scope.countries.push_back(code);
    }
    if (scope.countries.empty()) scope.countries = programme_countries;
    const auto type_ids = ids_of(programme.org_types(), &OrgType::id);
    for (const auto& t : options.org_types) {
        const OrgType* type = programme.org_type(t);
        if (!type) {
            throw ArgumentError("organisation type '" + t + "' is not one of " + programme.id() + "'s; nearest: " +
                                text::join_choices(text::nearest(t, type_ids, 5)));
        }
        if (!type->eligible) throw ArgumentError("organisation type '" + t + "' is not eligible in " + programme.id());
        scope.org_types.push_back(type->id);
    }
    const std::string geography = options.geography.empty() ? proposal.geography : options.geography;
    if (!geography.empty() && geography != "whole") scope.geography = &programme.require_sub_geography(geography);
    return scope;
}

// Regions of the history resolved once per distinct spelling.
class RegionCache {
public:
    explicit RegionCache(const Programme& programme) : programme_(programme) {}
    const Region* operator()(const std::string& name) {
        if (name.empty()) return nullptr;
        auto [it, inserted] = cache_.emplace(name, nullptr);
        if (inserted) it->second = programme_.find_region(name);
        return it->second;
    }

private:
    const Programme& programme_;
    std::unordered_map<std::string, const Region*> cache_;
};

std::string period_text(const History& h, std::uint32_t rank) {
    return rank == 0 ? std::string() : " (latest " + h.periods()[rank - 1] + ")";
}

std::string reason_for(const CooperationNetwork& net, const Proposal& proposal, const Suggestion& s) {
    const History& h = net.history();
    std::vector<std::string> parts;
    if (!s.fills.empty()) parts.push_back("fills the gap " + text::join_choices(s.fills, " and "));
    for (const auto& t : s.worked_with) {
        const CoEdge* e = net.edge(t.member, s.organisation);
        parts.push_back("worked with " + proposal.partners[t.partner].name + " in " + std::to_string(t.projects) +
                        " project" + (t.projects == 1 ? "" : "s") + (e ? period_text(h, e->latest) : ""));
    }
    if (!s.via.empty()) {
        std::vector<std::string> names;
        for (auto v : s.via) names.push_back(h.organisations()[v].name);
        parts.push_back("shares partners with the consortium: " + text::join_choices(names, " and "));
    }
    parts.push_back(std::to_string(s.projects) + " project" + (s.projects == 1 ? "" : "s") + " in the history");
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out + ".";
}

}  // namespace

SuggestResult suggest_partners(const CooperationNetwork& net, const Programme& programme, const Proposal& proposal,
                               const SuggestOptions& options) {
    const Scope scope = check_options(programme, proposal, options);
    const History& h = net.history();
    const auto& orgs = h.organisations();
    RegionCache region_of(programme);
    SuggestResult result;

    // The consortium: its partners found in the history, and the organisations it already has.
    std::vector<std::string> partner_keys;
    for (std::size_t i = 0; i < proposal.partners.size(); ++i) {
        const auto& p = proposal.partners[i];
        partner_keys.push_back(p.country + ":" + text::organisation_key(p.name));
        if (auto o = h.find(p.name, p.country)) {
            result.members.push_back(i);
            result.member_organisations.push_back(*o);
        }
    }

    // Gaps: programme countries without a partner; countries of the geography without a partner in it.
    std::vector<std::string> missing_countries, missing_in_geography;
    for (const auto& c : programme.countries()) {
        bool present = false, present_in_geography = false, has_geography_regions = false;
        for (const auto& p : proposal.partners) {
            if (!counts(p) || p.country != c.code) continue;
            present = true;
            const Region* r = p.region ? programme.find_region(*p.region) : nullptr;
            if (scope.geography && r && programme.in_sub_geography(*r, *scope.geography)) present_in_geography = true;
        }
        if (scope.geography) {
            for (const auto& r : programme.regions()) {
                if (r.country == c.code && programme.in_sub_geography(r, *scope.geography)) has_geography_regions = true;
            }
        }
        if (!present) {
            missing_countries.push_back(c.code);
            result.gaps.push_back(country_name(programme, c.code));
        }
        if (scope.geography && has_geography_regions && !present_in_geography) {
            missing_in_geography.push_back(c.code);
            result.gaps.push_back(country_name(programme, c.code) + " in " + geography_name(*scope.geography));
        }
    }

    // Closeness: Adamic–Adar from the members.
    const std::vector<double> closeness = net.adamic_adar_scores(result.member_organisations).score;

    struct Candidate {
        std::uint32_t o;
        std::uint32_t gaps;
        double score;
        std::uint32_t shared;
        std::uint32_t projects;
    };
    const auto better = [&](const Candidate& a, const Candidate& b) {
        if (a.gaps != b.gaps) return a.gaps > b.gaps;
        if (a.score != b.score) return a.score > b.score;
        if (a.shared != b.shared) return a.shared > b.shared;
        if (a.projects != b.projects) return a.projects > b.projects;
        return orgs[a.o].name != orgs[b.o].name ? orgs[a.o].name < orgs[b.o].name : a.o < b.o;
    };
    // The best n so far in a heap whose front is the worst of them.
    std::vector<Candidate> candidates;
    const auto members = result.member_organisations;
    for (std::uint32_t o = 0; o < orgs.size() && options.n > 0; ++o) {
        const auto& org = orgs[o];
        if (std::find(members.begin(), members.end(), o) != members.end()) continue;
        if (std::find(scope.countries.begin(), scope.countries.end(), org.country) == scope.countries.end()) continue;
        if (std::find(partner_keys.begin(), partner_keys.end(), org.key) != partner_keys.end()) continue;
        const OrgType* type = org.org_type.empty() ? nullptr : programme.org_type(org.org_type);
        if (type && !type->eligible) continue;
        if (!scope.org_types.empty() && (!type || std::find(scope.org_types.begin(), scope.org_types.end(), type->id) ==
                                                      scope.org_types.end())) {
            continue;
        }
        const Region* region = region_of(org.region);
        if (!region || region->country != org.country || !programme.in_area(*region)) continue;
        const bool in_geography = scope.geography && programme.in_sub_geography(*region, *scope.geography);
        if (scope.geography && !in_geography) continue;
        std::uint32_t gaps = 0;
        if (std::count(missing_countries.begin(), missing_countries.end(), org.country)) ++gaps;
        if (in_geography && std::count(missing_in_geography.begin(), missing_in_geography.end(), org.country)) ++gaps;
        std::uint32_t shared = 0;
        for (auto m : members) {
            if (const CoEdge* e = net.edge(m, o)) shared += e->projects;
        }
        const auto [p0, p1] = h.projects_of(o);
        const Candidate c{o, gaps, closeness[o], shared, static_cast<std::uint32_t>(p1 - p0)};
        if (candidates.size() == options.n && !better(c, candidates.front())) continue;
        candidates.push_back(c);
        std::push_heap(candidates.begin(), candidates.end(), better);
        if (candidates.size() > options.n) {
            std::pop_heap(candidates.begin(), candidates.end(), better);
            candidates.pop_back();
        }
    }
    std::sort_heap(candidates.begin(), candidates.end(), better);
    const std::size_t n = candidates.size();

    for (std::size_t k = 0; k < n; ++k) {
        const Candidate& c = candidates[k];
        const auto& org = orgs[c.o];
        Suggestion s;
        s.organisation = c.o;
        s.region = region_of(org.region)->code;
        s.score = c.score;
        s.projects = c.projects;
        if (std::count(missing_countries.begin(), missing_countries.end(), org.country)) {
            s.fills.push_back(country_name(programme, org.country));
        }
        if (scope.geography && std::count(missing_in_geography.begin(), missing_in_geography.end(), org.country)) {
            s.fills.push_back(country_name(programme, org.country) + " in " + geography_name(*scope.geography));
        }
        // Common partners with the members, by their Adamic–Adar weight (the rarer, the more telling).
        std::unordered_map<std::uint32_t, double> via;
        for (std::size_t i = 0; i < result.members.size(); ++i) {
            const auto m = result.member_organisations[i];
            if (const CoEdge* e = net.edge(m, c.o)) s.worked_with.push_back({m, result.members[i], e->projects});
            for (auto z : net.common_neighbours(m, c.o)) via[z] += 1.0 / std::log(static_cast<double>(net.degree(z)));
        }
        std::vector<std::pair<std::uint32_t, double>> ranked(via.begin(), via.end());
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) s.via.push_back(ranked[i].first);
        s.reason = reason_for(net, proposal, s);
        result.suggestions.push_back(std::move(s));
    }
    return result;
}

}  // namespace interreg
