#include "interreg/synthetic.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

// splitmix64: tiny, fast, and the same sequence everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }  // n small: bias negligible
    std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
    // An index drawn with the given integer weights.
    template <class Weights>
    std::size_t pick(const Weights& weights) {
        std::uint32_t total = 0;
        for (const auto& w : weights) total += weight_of(w);
        std::uint32_t r = below(total);
        for (std::size_t i = 0;; ++i) {
            if (r < weight_of(weights[i])) return i;
            r -= weight_of(weights[i]);
        }
    }

private:
    static std::uint32_t weight_of(std::uint32_t w) { return w; }
    template <class T>
    static std::uint32_t weight_of(const T& item) { return item.weight; }
    std::uint64_t state_;
};

struct Weighted {
    const char* value;
    std::uint32_t weight;
};

struct Area {
    const char* name;
    const char* prefix;  // of project ids
    std::uint32_t weight;
    std::vector<Weighted> countries;
};

const std::vector<Area>& areas() {
    static const std::vector<Area> all = {
        {"Öresund-Kattegat-Skagerrak", "OKS", 20, {{"SE", 45}, {"DK", 40}, {"NO", 15}}},
        {"Sverige-Norge", "SN", 10, {{"SE", 50}, {"NO", 50}}},
        {"Deutschland-Danmark", "DEDK", 8, {{"DE", 50}, {"DK", 50}}},
        {"South Baltic", "SB", 10, {{"SE", 30}, {"DK", 15}, {"DE", 25}, {"PL", 20}, {"LT", 10}}},
        {"Central Baltic", "CB", 12, {{"FI", 35}, {"SE", 30}, {"EE", 25}, {"LV", 10}}},
        {"Baltic Sea Region", "BSR", 15,
         {{"SE", 15}, {"FI", 12}, {"DK", 8}, {"DE", 18}, {"PL", 12}, {"EE", 8}, {"LV", 8}, {"LT", 8}, {"NO", 6}, {"IS", 1}}},
        {"North Sea", "NSR", 12, {{"DK", 20}, {"SE", 15}, {"NO", 15}, {"DE", 20}, {"NL", 20}, {"BE", 10}}},
        {"Aurora", "AUR", 13, {{"SE", 45}, {"FI", 45}, {"NO", 10}}},
    };
    return all;
}

const std::vector<Weighted> periods = {{"2000-2006", 10}, {"2007-2013", 25}, {"2014-2020", 35}, {"2021-2027", 30}};

const std::map<std::string, std::vector<Weighted>>& regions() {
    static const std::map<std::string, std::vector<Weighted>> all = {
        {"SE", {{"SE224", 25}, {"SE231", 8}, {"SE232", 25}, {"SE110", 12}, {"SE121", 4}, {"SE123", 5}, {"SE311", 5},
                {"SE331", 6}, {"SE332", 5}, {"SE212", 5}}},
        {"DK", {{"DK01", 35}, {"DK02", 12}, {"DK03", 18}, {"DK04", 20}, {"DK05", 15}}},
        {"NO", {{"NO081", 15}, {"NO-31", 10}, {"NO-32", 12}, {"NO-33", 5}, {"NO-39", 6}, {"NO-40", 5}, {"NO092", 10},
                {"NO0A2", 12}, {"NO060", 10}, {"NO071", 8}, {"NO074", 7}}},
        {"DE", {{"DEF0", 40}, {"DE80", 25}, {"DE60", 15}, {"DE93", 10}, {"DE50", 10}}},
        {"FI", {{"FI1B", 30}, {"FI1C", 25}, {"FI19", 20}, {"FI1D", 25}}},
        {"EE", {{"EE00", 1}}},
        {"LV", {{"LV00", 1}}},
        {"LT", {{"LT01", 30}, {"LT02", 70}}},
        {"PL", {{"PL42", 40}, {"PL63", 40}, {"PL62", 20}}},
        {"NL", {{"NL11", 30}, {"NL13", 30}, {"NL32", 40}}},
        {"BE", {{"BE21", 50}, {"BE25", 50}}},
        {"IS", {{"IS00", 1}}},
    };
    return all;
}

// Organisation types (programme ids) with their share of new organisations.
const std::vector<Weighted> org_types = {
    {"local-authority", 20}, {"company", 22},           {"ngo", 12},          {"university", 10},
    {"business-support", 8}, {"research-institute", 6}, {"education-training", 6}, {"regional-authority", 5},
    {"public-authority", 5}, {"other-public", 3},       {"economic-association", 2}, {"sole-trader", 1},
};

const std::array<const char*, 40> first_syllables = {
    "Ny",   "Öster", "Väster", "Nord", "Syd",  "Berg",  "Sol",  "Lund", "Stor",  "Lill",   "Hav",  "Strand", "Skog", "Ros",
    "Ek",   "Björk", "Sten",   "Frid", "Ham",  "Kro",   "Malm", "Borg", "Hol",   "Vik",    "Dal",  "Fjäll",  "Ås",   "Ulv",
    "Ring", "Tor",   "Sand",   "Kvarn", "Lys", "Rå",    "Skär", "Ho",   "Bro",   "Fager",  "Lyng", "Mar"};
const std::array<const char*, 30> second_syllables = {
    "by",  "vik",  "berg", "sund", "holm", "köping", "dal",   "stad", "hamn", "torp", "näs", "ås",  "bo",  "rud", "löv",
    "tofta", "sten", "sjö", "lunda", "fors", "bäck",  "hus",  "havn", "rup",  "strup", "ved", "lev", "øy",  "nes", "våg"};
const std::array<const char*, 16> trades = {"Energi", "Marin",  "Logistik", "Data",  "Bygg",   "Vind", "Fisk",  "Teknik",
                                            "Design", "Hamn",   "Bio",      "Solar", "Foods",  "Mobility", "Water", "Health"};

std::string lower(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// A made-up name in the style of the country and the organisation type.
std::string make_name(Random& rng, const std::string& country, const std::string& type) {
    const std::string place = std::string(first_syllables[rng.below(first_syllables.size())]) +
                              second_syllables[rng.below(second_syllables.size())];
    const std::string trade = trades[rng.below(trades.size())];
    const bool se = country == "SE", dk = country == "DK", no = country == "NO", fi = country == "FI", de = country == "DE";
    if (type == "local-authority") {
        return se ? place + " kommun" : dk || no ? place + " Kommune" : fi ? place + "n kaupunki" : de ? "Stadt " + place
                                                                                                       : "Municipality of " + place;
    }
    if (type == "regional-authority") {
        return se || dk ? "Region " + place : no ? place + " fylkeskommune" : de ? "Kreis " + place : place + " Regional Council";
    }
    if (type == "university") {
        return se ? place + " universitet" : dk ? place + " Universitet" : no ? "Universitetet i " + place
                                                                              : de ? "Hochschule " + place : "University of " + place;
    }
    if (type == "research-institute") return se ? place + " forskningsinstitut" : place + " Research Institute";
    if (type == "company") {
        const std::string base = place + " " + trade;
        return se ? base + " AB" : dk ? base + " A/S" : no ? base + " AS" : fi ? base + " Oy" : de ? base + " GmbH" : base + " Ltd";
    }
    if (type == "business-support") {
        const std::array<const char*, 3> kinds = {" Science Park", " Business Region", " Cluster"};
        return place + (rng.below(2) ? std::string(" ") + trade : std::string()) + kinds[rng.below(kinds.size())];
    }
    if (type == "ngo") {
        return se ? "Föreningen " + place + " " + lower(trade) : dk ? "Foreningen " + place : no ? "Stiftelsen " + place
                                                                                                 : place + " Foundation";
    }
    if (type == "education-training") {
        return se ? place + " folkhögskola" : dk ? place + " Erhvervsskole" : no ? place + " videregående skole"
                                                                                 : place + " Training Centre";
    }
    if (type == "public-authority") {
        return se ? "Länsstyrelsen " + place : no ? "Statsforvalteren i " + place : place + " State Agency for " + trade;
    }
    if (type == "other-public") return place + (se ? " hamn" : dk ? " Havn" : no ? " havn" : " Port Authority");
    if (type == "economic-association") return place + (se ? " ekonomisk förening" : " Cooperative");
    return place + " " + trade + (se ? " enskild firma" : " sole trader");
}

struct Org {
    std::string name, country, region, type;
};

}  // namespace

void synthetic_rows(const SyntheticOptions& options, const std::function<void(const ParticipationRow&)>& sink) {
    if (options.projects > 10'000'000) throw ArgumentError("at most 10,000,000 synthetic projects");
    if (options.new_per_thousand < 1 || options.new_per_thousand > 1000) {
        throw ArgumentError("new_per_thousand must be between 1 and 1000");
    }
    Random rng(options.seed);
    std::vector<Org> orgs;
    std::unordered_set<std::string> keys;
    std::map<std::string, std::vector<std::uint32_t>> pool;  // country → one entry per participation (preferential attachment)
    std::vector<std::uint32_t> members;
    const std::vector<Weighted> sizes = {{"small", 55}, {"medium", 35}, {"large", 10}};
    std::vector<std::uint32_t> area_weights;
    for (const auto& a : areas()) area_weights.push_back(a.weight);

    auto new_org = [&](const std::string& country) {
        const std::string type = org_types[rng.pick(org_types)].value;
        std::string name = make_name(rng, country, type);
        for (int k = 2; !keys.insert(country + ":" + text::organisation_key(name)).second; ++k) {
            name = make_name(rng, country, type) + (k > 4 ? " " + std::to_string(k) : "");
        }
        const auto& rs = regions().at(country);
        orgs.push_back({std::move(name), country, rs[rng.pick(rs)].value, type});
        return static_cast<std::uint32_t>(orgs.size() - 1);
    };

    ParticipationRow row;
    for (std::uint32_t p = 0; p < options.projects; ++p) {
        const Area& area = areas()[rng.pick(area_weights)];
        const auto size_class = rng.pick(sizes);
        const std::uint32_t size = size_class == 0 ? rng.between(2, 6) : size_class == 1 ? rng.between(7, 15) : rng.between(16, 35);
        members.clear();
        std::string first_country;
        for (std::uint32_t k = 0; k < size; ++k) {
            std::string country = area.countries[rng.pick(area.countries)].value;
            for (int tries = 0; k == 1 && country == first_country && tries < 8; ++tries) {
                country = area.countries[rng.pick(area.countries)].value;  // cross-border: a second country early
            }
            if (k == 0) first_country = country;
            auto& candidates = pool[country];
            std::uint32_t o = UINT32_MAX;
            if (!candidates.empty() && rng.below(1000) >= options.new_per_thousand) {
                for (int tries = 0; tries < 4 && o == UINT32_MAX; ++tries) {
                    const auto c = candidates[rng.below(static_cast<std::uint32_t>(candidates.size()))];
                    if (std::find(members.begin(), members.end(), c) == members.end()) o = c;
                }
            }
            if (o == UINT32_MAX) o = new_org(country);
            members.push_back(o);
            candidates.push_back(o);
        }
        row.programme = area.name;
        row.project = std::string(area.prefix) + "-" + std::to_string(p + 1);
        row.period = periods[rng.pick(periods)].value;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const Org& o = orgs[members[k]];
            row.organisation = o.name;
            row.country = o.country;
            row.region = o.region;
            row.org_type = o.type;
            row.role = k == 0 ? "lead" : "partner";
            sink(row);
        }
    }
}

std::shared_ptr<const History> synthetic_history(const SyntheticOptions& options) {
    HistoryBuilder builder;
    synthetic_rows(options, [&](const ParticipationRow& row) {
        if (auto problem = builder.add(row); !problem.empty()) throw Error("synthetic row refused: " + problem);
    });
    return builder.build();
}

}  // namespace interreg
