#include "interreg/history.hpp"

#include <algorithm>
#include <numeric>

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

// CSR offsets and values from (row, value) pairs, each row's values ascending.
void to_csr(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
            std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& values) {
    offsets.assign(rows + 1, 0);
    for (const auto& [r, v] : pairs) ++offsets[r + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    values.resize(pairs.size());
    auto next = offsets;
    for (const auto& [r, v] : pairs) values[next[r]++] = v;
    for (std::size_t r = 0; r < rows; ++r) std::sort(values.begin() + offsets[r], values.begin() + offsets[r + 1]);
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

std::optional<std::uint32_t> History::find(std::string_view name, std::string_view country) const {
    const auto it = by_name_.find(text::organisation_key(name));
    if (it == by_name_.end()) return std::nullopt;
    std::optional<std::uint32_t> found;
    for (std::uint32_t o : it->second) {
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
    const auto it = by_name_.find(text::organisation_key(name));
    if (it != by_name_.end() && country.empty()) {
        std::vector<std::string> choices;
        for (std::uint32_t o : it->second) choices.push_back(organisations_[o].name + " (" + organisations_[o].country + ")");
        throw ArgumentError("'" + std::string(name) + "' names organisations in several countries: " +
                            text::join_choices(choices) + "; give the country too");
    }
    std::vector<std::string> names;
    names.reserve(organisations_.size());
    for (const auto& o : organisations_) {
        if (country.empty() || text::fold(o.country) == text::fold(country)) names.push_back(o.name);
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
    for (const auto& o : organisations_) {
        n += string_bytes(o.name) + string_bytes(o.country) + string_bytes(o.region) + string_bytes(o.org_type) +
             string_bytes(o.organisation_number) + string_bytes(o.key);
    }
    for (const auto& p : projects_) n += string_bytes(p.id) + string_bytes(p.programme) + string_bytes(p.period);
    // Hash indexes: a node (key, value, next pointer, cached hash) per entry plus the bucket array.
    for (const auto& [key, value] : by_key_) n += sizeof(key) + string_bytes(key) + sizeof(value) + 2 * sizeof(void*);
    for (const auto& [key, value] : by_name_) {
        n += sizeof(key) + string_bytes(key) + sizeof(value) + vector_bytes(value) + 2 * sizeof(void*);
    }
    n += (by_key_.bucket_count() + by_name_.bucket_count()) * sizeof(void*);
    return n;
}

std::string HistoryBuilder::add(const ParticipationRow& row) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"project", &row.project},   {"programme", &row.programme}, {"period", &row.period},
        {"organisation", &row.organisation}, {"country", &row.country}, {"region", &row.region},
        {"org_type", &row.org_type}, {"role", &row.role}, {"organisation_number", &row.organisation_number}};
    for (const auto& [column, value] : fields) {
        if (!text::valid_utf8(*value)) return std::string(column) + " is not valid UTF-8: " + text::escape_invalid_utf8(*value);
        if (value->size() > max_name_length) {
            return std::string(column) + " is longer than " + std::to_string(max_name_length) + " bytes";
        }
    }
    auto trimmed = [](const std::string& s) {
        const auto b = s.find_first_not_of(" \t\r\n");
        if (b == std::string::npos) return std::string();
        return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
    };
    const std::string project = trimmed(row.project), name = trimmed(row.organisation), code = trimmed(row.country);
    if (project.empty()) return "project is empty";
    if (name.empty()) return "organisation is empty";
    if (code.empty()) return "country is empty";
    const countries::Country* country = countries::find(code);
    if (!country) return "country '" + code + "' is not an ISO 3166-1 alpha-2 code (e.g. DK, SE, NO)";
    const std::string org_key = text::organisation_key(name);
    if (org_key.empty()) return "organisation '" + name + "' has no letters or digits";
    // The organisation number, when given, is the identity (history_number_key).
    const std::string number = trimmed(row.organisation_number);
    std::string number_key;
    if (!number.empty()) {
        if (const auto scheme = national_org_number_scheme(country->code)) {
            const auto check = check_org_number(*scheme, number);
            if (!check.problem.empty()) {
                return "organisation_number '" + number + "' " + check.problem + " (" +
                       std::string(org_number_form(*scheme)) + "); correct it, or leave it empty to match " + name +
                       " by its name";
            }
        }
        number_key = history_number_key(country->code, number);
        if (number_key.empty()) return "organisation_number '" + number + "' has no letters or digits";
    }

    const std::string role_name = trimmed(row.role);
    auto [rit, new_role] = role_index_.emplace(text::fold(role_name), static_cast<std::uint32_t>(h_.roles_.size()));
    if (new_role) {
        if (h_.roles_.size() > 255) {
            role_index_.erase(rit);
            return "more than 255 different roles; role '" + role_name + "' is one too many";
        }
        h_.roles_.push_back(role_name);
    }
    const std::uint32_t role = rit->second;

    if (rows_.size() >= max_history_rows) {
        throw FormatError("", "the history has more than " + std::to_string(max_history_rows) +
                                  " rows; split it, or keep the programmes and periods you need");
    }
    const std::string programme = trimmed(row.programme), period = trimmed(row.period);
    auto [pit, new_project] = project_index_.emplace(programme + '\x1f' + project, static_cast<std::uint32_t>(h_.projects_.size()));
    if (new_project) {
        h_.projects_.push_back({project, programme, period, 0});
        project_rows_.push_back(0);
    }
    if (project_rows_[pit->second] == max_project_organisations) {
        return "project '" + project + "' already has " + std::to_string(max_project_organisations) +
               " organisations, the most a project may have; is the project column right?";
    }
    auto& p = h_.projects_[pit->second];
    if (p.period.empty()) p.period = period;

    const std::string name_key = std::string(country->code) + ":" + org_key;
    const bool numbered = !number_key.empty();
    auto [oit, new_org] = h_.by_key_.emplace(numbered ? number_key : name_key,
                                             static_cast<std::uint32_t>(h_.organisations_.size()));
    if (new_org) {
        h_.organisations_.push_back({name, country->code, {}, {}, numbered ? number : std::string(), oit->first});
        h_.by_name_[org_key].push_back(oit->second);
    } else if (numbered) {  // another spelling of a numbered organisation: find() knows it too
        auto& spelt = h_.by_name_[org_key];
        if (std::find(spelt.begin(), spelt.end(), oit->second) == spelt.end()) spelt.push_back(oit->second);
    }
    if (numbered) {
        auto& named = numbered_names_[name_key];
        if (std::find(named.begin(), named.end(), oit->second) == named.end()) named.push_back(oit->second);
    }
    auto& o = h_.organisations_[oit->second];
    if (o.region.empty()) o.region = trimmed(row.region);
    if (o.org_type.empty()) o.org_type = trimmed(row.org_type);
    rows_.push_back({pit->second, oit->second, role});
    ++project_rows_[pit->second];
    return {};
}

// Organisations known only by a name that exactly one numbered organisation of the same country
// is also spelt: one organisation, under the numbered one (its own region and type first).
void HistoryBuilder::join_names_to_numbers() {
    const auto count = static_cast<std::uint32_t>(h_.organisations_.size());
    std::vector<std::uint32_t> into(count);
    std::iota(into.begin(), into.end(), 0u);
    bool any = false;
    for (std::uint32_t o = 0; o < count; ++o) {
        const auto& org = h_.organisations_[o];
        if (!org.organisation_number.empty()) continue;
        const auto it = numbered_names_.find(org.key);
        if (it == numbered_names_.end() || it->second.size() != 1) continue;  // none, or ambiguous
        into[o] = it->second.front();
        any = true;
    }
    numbered_names_.clear();
    if (!any) return;
    std::vector<std::uint32_t> index(count);
    std::vector<HistoryOrganisation> kept;
    for (std::uint32_t o = 0; o < count; ++o) {
        if (into[o] != o) continue;
        index[o] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(std::move(h_.organisations_[o]));
    }
    for (std::uint32_t o = 0; o < count; ++o) {
        if (into[o] == o) continue;
        index[o] = index[into[o]];
        auto& target = kept[index[o]];
        const auto& joined = h_.organisations_[o];
        if (target.region.empty()) target.region = joined.region;
        if (target.org_type.empty()) target.org_type = joined.org_type;
    }
    h_.organisations_ = std::move(kept);
    for (auto& r : rows_) r.organisation = index[r.organisation];
    for (auto& entry : h_.by_key_) entry.second = index[entry.second];
    for (auto& entry : h_.by_name_) {
        std::vector<std::uint32_t> unique;
        for (std::uint32_t o : entry.second) {
            if (std::find(unique.begin(), unique.end(), index[o]) == unique.end()) unique.push_back(index[o]);
        }
        entry.second = std::move(unique);
    }
}

std::shared_ptr<const History> HistoryBuilder::build() {
    join_names_to_numbers();
    // Periods ranked in their sorted order ("2007-2013" < "2014-2020" < "2021-2027").
    for (const auto& p : h_.projects_) {
        if (!p.period.empty()) h_.periods_.push_back(p.period);
    }
    std::sort(h_.periods_.begin(), h_.periods_.end());
    h_.periods_.erase(std::unique(h_.periods_.begin(), h_.periods_.end()), h_.periods_.end());
    for (auto& p : h_.projects_) {
        if (p.period.empty()) continue;
        p.period_rank = static_cast<std::uint32_t>(std::lower_bound(h_.periods_.begin(), h_.periods_.end(), p.period) -
                                                   h_.periods_.begin() + 1);
    }
    // One participation per organisation and project: the first role given wins.
    std::stable_sort(rows_.begin(), rows_.end(), [](const Entry& a, const Entry& b) {
        return a.project != b.project ? a.project < b.project : a.organisation < b.organisation;
    });
    rows_.erase(std::unique(rows_.begin(), rows_.end(),
                            [](const Entry& a, const Entry& b) { return a.project == b.project && a.organisation == b.organisation; }),
                rows_.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(rows_.size());
    for (const auto& r : rows_) pairs.emplace_back(r.project, r.organisation);
    to_csr(h_.projects_.size(), pairs, h_.project_offsets_, h_.project_members_);
    h_.member_roles_.resize(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) h_.member_roles_[i] = static_cast<std::uint8_t>(rows_[i].role);
    for (auto& pr : pairs) std::swap(pr.first, pr.second);
    to_csr(h_.organisations_.size(), pairs, h_.org_offsets_, h_.org_projects_);
    rows_.clear();
    rows_.shrink_to_fit();
    project_index_.clear();
    role_index_ = {{"", 0}};
    auto out = std::make_shared<const History>(std::move(h_));
    h_ = History();
    return out;
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
