#include "interreg/history.hpp"

#include <algorithm>

#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/organisation_number.hpp"
#include "interreg/proposal.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

template <class T>
std::size_t vector_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

std::size_t string_bytes(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0;  // beyond the small-string buffer
}

}  // namespace

std::pair<const std::uint32_t*, const std::uint32_t*> History::members(std::uint32_t p) const {
    const auto* base = project_members_.data();
    return {base + project_offsets_.at(p), base + project_offsets_.at(p + 1)};
}

std::pair<const std::uint32_t*, const std::uint32_t*> History::projects_of(std::uint32_t o) const {
    const auto* base = org_projects_.data();
    return {base + org_offsets_.at(o), base + org_offsets_.at(o + 1)};
}

const std::string& History::role(std::uint32_t project, std::uint32_t organisation) const {
    const auto [begin, end] = members(project);
    const auto* it = std::lower_bound(begin, end, organisation);
    if (it == end || *it != organisation) return roles_[0];
    return roles_[member_roles_[static_cast<std::size_t>(it - project_members_.data())]];
}

std::pair<const std::uint32_t*, const std::uint32_t*> History::spelt(std::string_view name) const {
    const auto key = name_keys_.find(text::organisation_key(name));
    if (!key || *key + 1 >= name_offsets_.size()) return {nullptr, nullptr};
    const auto* base = name_organisations_.data();
    return {base + name_offsets_[*key], base + name_offsets_[*key + 1]};
}

std::optional<std::uint32_t> History::find(std::string_view name, std::string_view country) const {
    const auto [begin, end] = spelt(name);
    std::optional<std::uint32_t> found;
    for (const std::uint32_t* it = begin; it != end; ++it) {
        const std::uint32_t o = *it;
        if (!country.empty() && !text::fold(organisations_[o].country).empty() &&
            text::fold(organisations_[o].country) != text::fold(country)) {
            continue;
        }
        if (found) return std::nullopt;  // ambiguous
        found = o;
    }
    return found;
}

std::uint32_t History::require(std::string_view name, std::string_view country) const {
    if (auto o = find(name, country)) return *o;
    const auto [begin, end] = spelt(name);
    if (begin != end && country.empty()) {
        std::vector<std::string> choices;
        for (const std::uint32_t* o = begin; o != end; ++o) {
            choices.push_back(std::string(organisations_[*o].name) + " (" + std::string(organisations_[*o].country) + ")");
        }
        throw ArgumentError("'" + std::string(name) + "' names organisations in several countries: " +
                            text::join_choices(choices) + "; give the country too");
    }
    std::vector<std::string> names;
    names.reserve(organisations_.size());
    for (const auto& o : organisations_) {
        if (country.empty() || text::fold(o.country) == text::fold(country)) names.emplace_back(o.name);
    }
    const auto near = text::nearest(name, names, 5);
    std::string where = country.empty() ? "" : " in " + std::string(country);
    throw NotFoundError("no organisation '" + std::string(name) + "'" + where + " in the history" +
                        (near.empty() ? std::string(" (it is empty)") : "; nearest: " + text::join_choices(near)));
}

std::optional<std::uint32_t> History::find_number(std::string_view country, std::string_view number) const {
    const countries::Country* c = countries::find(country);
    if (!c) return std::nullopt;
    const std::string key = history_number_key(c->code, number);
    if (key.empty()) return std::nullopt;
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return std::nullopt;
    return it->second;
}

std::string history_number_key(std::string_view country, std::string_view number) {
    const auto scheme = national_org_number_scheme(country);
    if (scheme && !check_org_number(*scheme, number).problem.empty()) return {};
    const std::string key = org_number_key(country, scheme, number);
    return key.empty() ? key : "#" + key;
}

std::size_t History::memory_bytes() const {
    std::size_t n = sizeof(History) + vector_bytes(organisations_) + vector_bytes(projects_) + vector_bytes(periods_) +
                    vector_bytes(project_offsets_) + vector_bytes(project_members_) + vector_bytes(org_offsets_) +
                    vector_bytes(org_projects_) + vector_bytes(member_roles_) + vector_bytes(roles_);
    for (const auto& p : periods_) n += string_bytes(p);
    for (const auto& r : roles_) n += string_bytes(r);
    n += texts_.memory_bytes();
    // Hash indexes: a node (key, value, next pointer, cached hash) per entry plus the bucket array.
    for (const auto& [key, value] : by_key_) n += sizeof(key) + string_bytes(key) + sizeof(value) + 2 * sizeof(void*);
    n += by_key_.bucket_count() * sizeof(void*);
    n += name_keys_.memory_bytes() + vector_bytes(name_offsets_) + vector_bytes(name_organisations_);
    return n;
}

const std::vector<std::string>& history_columns() {
    static const std::vector<std::string> names = {"project", "organisation", "country", "programme", "period",
                                                   "region", "org_type", "role", "organisation_number"};
    return names;
}

ParticipationRow participation_row(const std::vector<std::string>& v) {
    auto at = [&](std::size_t k) { return k < v.size() ? v[k] : std::string(); };
    return ParticipationRow{at(0), at(3), at(4), at(1), at(2), at(5), at(6), at(7), at(8)};
}

}  // namespace interreg
