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

std::string country_name(const Programme& programme, std::string_view code) {
    const Country* c = programme.country(code);
    return c && c->name.count("en") ? c->name.at("en") : std::string(code);
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

// A programme lookup done once per distinct spelling of the history (regions, organisation types).
// The history keeps each distinct value once, so the address of its text names it.
template <class T>
class CachedLookup {
public:
    using Find = const T* (Programme::*)(std::string_view) const;
    CachedLookup(const Programme& programme, Find find) : programme_(programme), find_(find) {}
    const T* operator()(std::string_view name) {
        if (name.empty()) return nullptr;
        auto [it, inserted] = cache_.emplace(name.data(), nullptr);
        if (inserted) it->second = (programme_.*find_)(name);
        return it->second;
    }

private:
    const Programme& programme_;
    Find find_;
    std::unordered_map<const char*, const T*> cache_;
};

// What the consortium lacks: programme countries without a partner, and countries of the
// geography without a partner in it.
struct Gaps {
    std::vector<std::string> countries, in_geography;
    bool fills_country(std::string_view c) const { return std::count(countries.begin(), countries.end(), c) > 0; }
    bool fills_geography(std::string_view c) const {
        return std::count(in_geography.begin(), in_geography.end(), c) > 0;
    }
};

Gaps find_gaps(const Programme& programme, const Proposal& proposal, const Scope& scope, std::vector<std::string>& names) {
    Gaps gaps;
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
            gaps.countries.push_back(c.code);
            names.push_back(country_name(programme, c.code));
        }
        if (scope.geography && has_geography_regions && !present_in_geography) {
            gaps.in_geography.push_back(c.code);
            names.push_back(country_name(programme, c.code) + " in " + geography_name(*scope.geography));
        }
    }
    return gaps;
}

struct Candidate {
    std::uint32_t o;
    std::uint32_t gaps;
    double score;
    std::uint32_t shared;
    std::uint32_t projects;
};

// The organisations that may be suggested, scored; the best `n` in rank order. `Net` is the graph
// (CooperationNetwork) or the history's rows (HistoryNeighbourhood).
template <class Net>
class Ranking {
public:
    Ranking(const Net& net, const Programme& programme, const Scope& scope, const Gaps& gaps,
            const SuggestResult& consortium, const std::vector<std::string>& partner_keys)
        : net_(net), programme_(programme), scope_(scope), gaps_(gaps), consortium_(consortium),
          partner_keys_(partner_keys), region_of_(programme, &Programme::find_region),
          type_of_(programme, &Programme::org_type) {}

    std::vector<Candidate> best(std::size_t n) {
        const auto& orgs = net_.history().organisations();
        // Closeness: Adamic–Adar from the members.
        const std::vector<double> closeness = net_.adamic_adar_scores(consortium_.member_organisations).score;
        const auto above = [this](const Candidate& a, const Candidate& b) { return ranks_above(a, b); };
        std::vector<Candidate> heap;  // the best n so far; its front is the worst of them
        for (std::uint32_t o = 0; o < orgs.size() && n > 0; ++o) {
            if (!eligible(o)) continue;
            const Candidate c = score(o, closeness[o]);
            if (heap.size() == n && !above(c, heap.front())) continue;
            heap.push_back(c);
            std::push_heap(heap.begin(), heap.end(), above);
            if (heap.size() > n) {
                std::pop_heap(heap.begin(), heap.end(), above);
                heap.pop_back();
            }
        }
        std::sort_heap(heap.begin(), heap.end(), above);
        return heap;
    }

    const Region* region(std::uint32_t o) { return region_of_(net_.history().organisations()[o].region); }

private:
    const Net& net_;
    const Programme& programme_;
    const Scope& scope_;
    const Gaps& gaps_;
    const SuggestResult& consortium_;
    const std::vector<std::string>& partner_keys_;
    CachedLookup<Region> region_of_;
    CachedLookup<OrgType> type_of_;

    static bool has(const std::vector<std::string>& list, std::string_view value) {
        return std::find(list.begin(), list.end(), value) != list.end();
    }

    // Not already in the consortium, of the countries and types asked for, eligible, in the area and geography.
    bool eligible(std::uint32_t o) {
        const auto& org = net_.history().organisations()[o];
        const auto& members = consortium_.member_organisations;
        if (std::find(members.begin(), members.end(), o) != members.end()) return false;
        if (!has(scope_.countries, org.country)) return false;
        const OrgType* type = type_of_(org.org_type);
        if (type && !type->eligible) return false;
        if (!scope_.org_types.empty() && (!type || !has(scope_.org_types, type->id))) return false;
        const Region* r = region(o);
        if (!r || r->country != org.country || !programme_.in_area(*r)) return false;
        if (scope_.geography && !programme_.in_sub_geography(*r, *scope_.geography)) return false;
        return !has(partner_keys_, org.key);  // last: the dearest test, on the fewest
    }

    Candidate score(std::uint32_t o, double closeness) {
        const auto& org = net_.history().organisations()[o];
        std::uint32_t gaps = 0;
        if (gaps_.fills_country(org.country)) ++gaps;
        if (scope_.geography && gaps_.fills_geography(org.country)) ++gaps;
        std::uint32_t shared = 0;
        for (auto m : consortium_.member_organisations) {
            if (const CoEdge* e = net_.edge(m, o)) shared += e->projects;
        }
        const auto [p0, p1] = net_.history().projects_of(o);
        return {o, gaps, closeness, shared, static_cast<std::uint32_t>(p1 - p0)};
    }

    bool ranks_above(const Candidate& a, const Candidate& b) const {
        if (a.gaps != b.gaps) return a.gaps > b.gaps;
        if (a.score != b.score) return a.score > b.score;
        if (a.shared != b.shared) return a.shared > b.shared;
        if (a.projects != b.projects) return a.projects > b.projects;
        const auto& orgs = net_.history().organisations();
        return orgs[a.o].name != orgs[b.o].name ? orgs[a.o].name < orgs[b.o].name : a.o < b.o;
    }
};

std::string period_text(const History& h, std::uint32_t rank) {
    return rank == 0 ? std::string() : " (latest " + h.periods()[rank - 1] + ")";
}

template <class Net>
std::string reason_for(const Net& net, const Proposal& proposal, const Suggestion& s) {
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
        for (auto v : s.via) names.emplace_back(h.organisations()[v].name);
        parts.push_back("shares partners with the consortium: " + text::join_choices(names, " and "));
    }
    parts.push_back(std::to_string(s.projects) + " project" + (s.projects == 1 ? "" : "s") + " in the history");
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out + ".";
}

// A candidate as the user reads it: what it fills, whom it worked with, whom it shares, why.
template <class Net>
Suggestion describe(const Candidate& c, const Net& net, const Programme& programme, const Proposal& proposal,
                    const Scope& scope, const Gaps& gaps, const SuggestResult& consortium, const Region& region) {
    const auto& org = net.history().organisations()[c.o];
    Suggestion s;
    s.organisation = c.o;
    s.region = region.code;
    s.score = c.score;
    s.projects = c.projects;
    if (gaps.fills_country(org.country)) s.fills.push_back(country_name(programme, org.country));
    if (scope.geography && gaps.fills_geography(org.country)) {
        s.fills.push_back(country_name(programme, org.country) + " in " + geography_name(*scope.geography));
    }
    // Common partners with the members, by their Adamic–Adar weight (the rarer, the more telling).
    std::unordered_map<std::uint32_t, double> via;
    for (std::size_t i = 0; i < consortium.members.size(); ++i) {
        const auto m = consortium.member_organisations[i];
        if (const CoEdge* e = net.edge(m, c.o)) s.worked_with.push_back({m, consortium.members[i], e->projects});
        for (auto z : net.common_neighbours(m, c.o)) via[z] += 1.0 / std::log(static_cast<double>(net.degree(z)));
    }
    std::vector<std::pair<std::uint32_t, double>> ranked(via.begin(), via.end());
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) s.via.push_back(ranked[i].first);
    s.reason = reason_for(net, proposal, s);
    return s;
}

template <class Net>
SuggestResult suggest(const Net& net, const Programme& programme, const Proposal& proposal, const SuggestOptions& options) {
    const Scope scope = check_options(programme, proposal, options);
    SuggestResult result;
    // The consortium: its partners found in the history (by organisation number, else by name), and
    // the organisations it already has.
    std::vector<std::string> partner_keys;
    for (std::size_t i = 0; i < proposal.partners.size(); ++i) {
        const auto& p = proposal.partners[i];
        partner_keys.push_back(p.country + ":" + text::organisation_key(p.name));
        std::optional<std::uint32_t> o;
        if (p.organisation_number) {
            if (auto key = history_number_key(p.country, *p.organisation_number); !key.empty()) partner_keys.push_back(key);
            o = net.history().find_number(p.country, *p.organisation_number);
        }
        if (!o) o = net.history().find(p.name, p.country);
        if (o) {
            result.members.push_back(i);
            result.member_organisations.push_back(*o);
        }
    }
    const Gaps gaps = find_gaps(programme, proposal, scope, result.gaps);
    Ranking ranking(net, programme, scope, gaps, result, partner_keys);
    for (const Candidate& c : ranking.best(options.n)) {
        result.suggestions.push_back(describe(c, net, programme, proposal, scope, gaps, result, *ranking.region(c.o)));
    }
    return result;
}

}  // namespace

SuggestResult suggest_partners(const CooperationNetwork& network, const Programme& programme, const Proposal& proposal,
                               const SuggestOptions& options) {
    return suggest(network, programme, proposal, options);
}

SuggestResult suggest_partners(const History& history, const Programme& programme, const Proposal& proposal,
                               const SuggestOptions& options) {
    return suggest(HistoryNeighbourhood(history), programme, proposal, options);
}

}  // namespace interreg
