// libFuzzer target: what-if sweeps. The input is one variant's changes, {pointer: value}, of a
// fixed proposal (a rich one: every budget feature). The sweep either refuses a pointer with
// ArgumentError, or reads the variant exactly as the whole document with the changes made by
// hand reads — the same proposal, or the same error at the same path — and then summarises and
// validates it without any other exception.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "../src/sweep_variant.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/sweep.hpp"

namespace {

using json = nlohmann::json;

const interreg::Programme& programme() {
    static const std::shared_ptr<const interreg::Programme> p = interreg::Programme::load(INTERREG_PROGRAMME_FILE);
    return *p;
}

const interreg::Proposal& base() {
    static const interreg::Proposal p = interreg::load_proposal(INTERREG_SWEEP_BASE);
    return p;
}

// Whether removing `a` first leaves `b` naming the same element: `a` comes later in the
// document (its first differing step is a higher index), so it is removed before `b`.
bool removed_first(const json::json_pointer& a, const json::json_pointer& b) {
    std::vector<std::string> ta, tb;
    for (auto p = a; !p.empty(); p = p.parent_pointer()) ta.insert(ta.begin(), p.back());
    for (auto p = b; !p.empty(); p = p.parent_pointer()) tb.insert(tb.begin(), p.back());
    for (std::size_t i = 0; i < std::min(ta.size(), tb.size()); ++i) {
        if (ta[i] == tb[i]) continue;
        const bool numbers = !ta[i].empty() && !tb[i].empty() &&
                             ta[i].find_first_not_of("0123456789") == std::string::npos &&
                             tb[i].find_first_not_of("0123456789") == std::string::npos;
        return numbers ? std::stoul(ta[i]) > std::stoul(tb[i]) : ta[i] > tb[i];
    }
    return ta.size() > tb.size();  // inside the other: removed before its container
}

// The changes made to the whole document: sets in order, then the removals from the end of the
// document backwards, so that each pointer names the base's place (what sweep.hpp promises:
// "/partners/0" and "/partners/1/budget/lines/0" both removed are the base's first partner and
// its second partner's first line).
std::string by_hand(const interreg::SweepVariants& v) {
    json doc = json::parse(interreg::dump_proposal(base()));
    std::vector<json::json_pointer> removals;
    for (const auto& [pointer, value] : v.variants[0]) {
        const json::json_pointer ptr(v.pointers[pointer]);
        const json& item = v.values[value];
        if (item.is_null() && doc.at(ptr.parent_pointer()).is_array()) {
            removals.push_back(ptr);
        } else {
            doc[ptr] = item;
        }
    }
    std::stable_sort(removals.begin(), removals.end(), removed_first);
    for (const auto& ptr : removals) doc.at(ptr.parent_pointer()).erase(std::stoul(ptr.back()));
    try {
        return interreg::dump_proposal(interreg::proposal_from_json(doc));
    } catch (const interreg::FormatError& e) {
        return e.what();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const json changes = json::parse(data, data + size, nullptr, false);
    if (!changes.is_object() || changes.size() > 8) return 0;
    interreg::SweepVariants v;
    auto& variant = v.variants.emplace_back();
    for (const auto& item : changes.items()) {
        variant.emplace_back(v.pointers.size(), v.values.size());
        v.pointers.push_back(item.key());
        v.values.push_back(item.value());
    }
    std::optional<interreg::detail::VariantReader> reader;
    try {
        reader.emplace(base(), v);
    } catch (const interreg::ArgumentError&) {
        return 0;  // a pointer the base has no place for
    }
    std::string swept;
    try {
        swept = interreg::dump_proposal(reader->read(variant));
    } catch (const interreg::FormatError& e) {
        // A change inside what the same variant replaced or removed: the sweep refuses it, while
        // JSON Pointers applied by hand would create the missing parents. Nothing to compare.
        if (e.detail().find("no such place") != std::string::npos) return 0;
        swept = e.what();
    }
    if (swept != by_hand(v)) __builtin_trap();
    interreg::sweep(programme(), base(), v, 1);  // summarised and validated: no exception
    return 0;
}
