// Building a history from rows: each distinct value checked and normalised once, each row two
// lookups by number (its project, its organisation).
#include <algorithm>
#include <atomic>
#include <exception>
#include <numeric>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "interreg/countries.hpp"
#include "interreg/errors.hpp"
#include "interreg/fields.hpp"
#include "interreg/history.hpp"
#include "interreg/organisation_number.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

enum Column : std::size_t { kProject, kOrganisation, kCountry, kProgramme, kPeriod, kRegion, kOrgType, kRole, kNumber };

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Every cell passes here: a loop over its ends, not a search of a set per byte.
std::string_view trimmed(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end && is_space(s[begin])) ++begin;
    while (end > begin && is_space(s[end - 1])) --end;
    return s.substr(begin, end - begin);
}

// CSR offsets and values from (row, value) pairs, each row's values in the pairs' order.
void to_csr(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
            std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& values) {
    offsets.assign(rows + 1, 0);
    for (const auto& [r, v] : pairs) ++offsets[r + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    values.resize(pairs.size());
    auto next = offsets;
    for (const auto& [r, v] : pairs) values[next[r]++] = v;
}

// The same with each row's values ascending.
void to_sorted_csr(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                   std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& values) {
    to_csr(rows, pairs, offsets, values);
    for (std::size_t r = 0; r < rows; ++r) std::sort(values.begin() + offsets[r], values.begin() + offsets[r + 1]);
}

}  // namespace

HistoryBuilder::HistoryBuilder() {
    for (auto& v : values_) v.intern({});  // number 0 is the empty value in every column
}

std::uint32_t HistoryBuilder::value(std::size_t column, std::string_view text) {
    return values_[column].intern(trimmed(text));
}

void HistoryBuilder::values(std::size_t column, std::string_view* texts, std::size_t n, std::uint32_t* numbers) {
    for (std::size_t i = 0; i < n; ++i) texts[i] = trimmed(texts[i]);
    values_[column].intern_all(texts, n, numbers);
}

// The checks of the values met since the last call, and what they give.
void HistoryBuilder::prepare(std::size_t column) {
    const auto& name = history_columns()[column];
    auto& out = refused_[column];
    const auto& values = values_[column].values();
    for (std::size_t v = out.size(); v < values.size(); ++v) {
        std::string problem;
        if (!text::valid_utf8(values[v])) {  // trimming takes only ASCII spaces: the same verdict as before it
            problem = name + " is not valid UTF-8: " + text::escape_invalid_utf8(values[v]);
        } else if (values[v].size() > max_name_length) {
            problem = name + " is longer than " + std::to_string(max_name_length) + " bytes";
        }
        out.push_back(!problem.empty());
        if (!problem.empty()) {
            refusals_[column].emplace(static_cast<std::uint32_t>(v), std::move(problem));
        }
    }
    if (column == kCountry) {
        for (std::size_t t = countries_.size(); t < values.size(); ++t) countries_.push_back(countries::find(values[t]));
    } else if (column == kOrganisation) {
        for (std::size_t t = org_values_.size(); t < values.size(); ++t) {
            const std::string key = text::organisation_key(values[t]);
            org_values_.push_back({key.empty() ? UINT32_MAX : keys_.intern(key)});
        }
        first_named_.resize(keys_.size());
    } else if (column == kRole) {
        roles_.resize(values.size(), -1);
    }
}

const HistoryBuilder::NumberCheck& HistoryBuilder::number(std::uint32_t country, std::uint32_t number, const char* code) {
    auto [it, fresh] = numbers_.try_emplace(pair_key(country, number));
    if (!fresh) return it->second;
    const std::string& given = text(kNumber, number);
    if (const auto scheme = national_org_number_scheme(code)) {
        const auto check = check_org_number(*scheme, given);
        if (!check.problem.empty()) {
            it->second.problem = check.problem + " (" + std::string(org_number_form(*scheme)) + ")";
            return it->second;
        }
    }
    it->second.key = history_number_key(code, given);
    return it->second;
}

// A role's number; roles are numbered in the order rows bring them, at most 256 of them.
std::uint32_t HistoryBuilder::role(std::uint32_t value, std::string& problem) {
    std::int32_t& known = roles_[value];
    if (known >= 0) return static_cast<std::uint32_t>(known);
    const std::string& name = text(kRole, value);
    auto [it, fresh] = role_index_.emplace(text::fold(name), static_cast<std::uint32_t>(h_.roles_.size()));
    if (fresh) {
        if (h_.roles_.size() > 255) {
            role_index_.erase(it);
            problem = "more than 255 different roles; role '" + name + "' is one too many";
            return 0;
        }
        h_.roles_.push_back(name);
    }
    known = static_cast<std::int32_t>(it->second);
    return it->second;
}

// The row's project: by its name and programme (a name in two programmes is two projects).
std::uint32_t HistoryBuilder::project(const std::uint32_t (&t)[columns]) {
    if (t[kProject] >= first_project_.size()) first_project_.resize(values_[kProject].size());
    std::uint32_t& first = first_project_[t[kProject]];
    for (std::uint32_t p = first; p != 0; p = made_projects_[p - 1].next) {
        if (made_projects_[p - 1].programme == t[kProgramme]) return p - 1;
    }
    const auto p = static_cast<std::uint32_t>(h_.projects_.size());
    h_.projects_.push_back({view(kProject, t[kProject]), view(kProgramme, t[kProgramme]), view(kPeriod, t[kPeriod]), 0});
    made_projects_.push_back({t[kProgramme], first});
    first = p + 1;
    return p;
}

// The row's organisation: by its number when it has one, else by its country and name key.
// Only numbers are looked up later (find_number), so only they go into by_key_.
std::uint32_t HistoryBuilder::organisation(const std::uint32_t (&t)[columns], const countries::Country& country,
                                           const std::string* number_key) {
    const auto next = static_cast<std::uint32_t>(h_.organisations_.size());
    if (!number_key) {
        OrgValue& named = org_values_[t[kOrganisation]];
        if (named.organisation != 0 && named.country == t[kCountry]) return named.organisation - 1;  // as last time
        const std::uint32_t key = named.key;
        const auto c = static_cast<std::uint16_t>(&country - countries::all().data());
        std::uint32_t& first = first_named_[key];
        for (std::uint32_t o = first; o != 0; o = made_[o - 1].next_named) {
            if (made_[o - 1].country == c) {
                named.organisation = o;
                named.country = t[kCountry];
                return o - 1;
            }
        }
        h_.organisations_.push_back({view(kOrganisation, t[kOrganisation]), country.code, {}, {}, {},
                                     h_.texts_.keep({country.code, ":", keys_.values()[key]})});
        made_.push_back({first, c});  // chained before the name's others: the newest is looked at first
        first = next + 1;
        named.organisation = next + 1;
        named.country = t[kCountry];
        spelt_.emplace_back(key, next);
        return next;
    }
    auto [it, new_org] = h_.by_key_.emplace(*number_key, next);
    const std::uint32_t o = it->second;
    if (new_org) {
        h_.organisations_.push_back({view(kOrganisation, t[kOrganisation]), country.code, {}, {}, view(kNumber, t[kNumber]),
                                     h_.texts_.keep(it->first)});
        made_.emplace_back();
    }
    const std::uint32_t key = org_values_[t[kOrganisation]].key;
    if (spellings_.insert(pair_key(o, key)).second) {  // a spelling of it not met before: find() knows it too
        spelt_.emplace_back(key, o);
        joined_.assign(country.code).append(":").append(keys_.values()[key]);
        auto& named = numbered_names_[joined_];
        if (std::find(named.begin(), named.end(), o) == named.end()) named.push_back(o);
    }
    return o;
}

std::string HistoryBuilder::add(const std::uint32_t (&codes)[columns]) {
    // Checked in the order of ParticipationRow's fields, so the first problem named is the same.
    static constexpr std::size_t order[] = {kProject, kProgramme, kPeriod, kOrganisation, kCountry,
                                            kRegion,  kOrgType,   kRole,   kNumber};
    const auto& t = codes;
    for (std::size_t k : order) {
        if (t[k] >= refused_[k].size()) prepare(k);
        if (!refusals_[k].empty() && refused_[k][t[k]]) return refusals_[k].at(t[k]);
    }
    // Empty is number 0: the checks below read no text unless they refuse the row.
    if (t[kProject] == 0) return "project is empty";
    if (t[kOrganisation] == 0) return "organisation is empty";
    if (t[kCountry] == 0) return "country is empty";
    const countries::Country* country = countries_[t[kCountry]];
    if (!country) return "country '" + text(kCountry, t[kCountry]) + "' is not an ISO 3166-1 alpha-2 code (e.g. DK, SE, NO)";
    const std::uint32_t key = org_values_[t[kOrganisation]].key;
    if (key == UINT32_MAX) return "organisation '" + text(kOrganisation, t[kOrganisation]) + "' has no letters or digits";
    // The organisation number, when given, is the identity (history_number_key).
    const std::string* number_key = nullptr;
    if (t[kNumber] != 0) {
        const std::string& given = text(kNumber, t[kNumber]);
        const NumberCheck& n = number(t[kCountry], t[kNumber], country->code);
        if (!n.problem.empty()) {
            return "organisation_number '" + given + "' " + n.problem + "; correct it, or leave it empty to match " +
                   text(kOrganisation, t[kOrganisation]) + " by its name";
        }
        if (n.key.empty()) return "organisation_number '" + given + "' has no letters or digits";
        number_key = &n.key;
    }
    std::string problem;
    const std::uint32_t r = role(t[kRole], problem);
    if (!problem.empty()) return problem;

    if (rows_.size() >= max_history_rows) {
        throw FormatError("", "the history has more than " + std::to_string(max_history_rows) +
                                  " rows; split it, or keep the programmes and periods you need");
    }
    const std::uint64_t project_key = pair_key(t[kProgramme], t[kProject]);
    if (project_key != last_project_key_) {  // a project's rows usually come together
        last_project_key_ = project_key;
        last_project_ = project(t);
    }
    const std::uint32_t p = last_project_;
    if (made_projects_[p].rows == max_project_organisations) {
        return "project '" + text(kProject, t[kProject]) + "' already has " + std::to_string(max_project_organisations) +
               " organisations, the most a project may have; is the project column right?";
    }
    if (t[kPeriod] != 0 && h_.projects_[p].period.empty()) h_.projects_[p].period = view(kPeriod, t[kPeriod]);

    const std::uint32_t o = organisation(t, *country, number_key);
    // The first non-empty region and type met; the organisation is touched only while it lacks one.
    if (std::uint8_t& gaps = made_[o].gaps; gaps != 0) {
        auto& org = h_.organisations_[o];
        if ((gaps & region_gap) && t[kRegion] != 0) {
            org.region = view(kRegion, t[kRegion]);
            gaps &= static_cast<std::uint8_t>(~region_gap);
        }
        if ((gaps & type_gap) && t[kOrgType] != 0) {
            org.org_type = view(kOrgType, t[kOrgType]);
            gaps &= static_cast<std::uint8_t>(~type_gap);
        }
    }
    rows_.push_back({p, o, r});
    ++made_projects_[p].rows;
    return {};
}

std::string HistoryBuilder::add(const ParticipationRow& row) {
    const std::string* fields[columns] = {&row.project, &row.organisation, &row.country, &row.programme, &row.period,
                                          &row.region,  &row.org_type,     &row.role,    &row.organisation_number};
    std::uint32_t codes[columns];
    for (std::size_t k = 0; k < columns; ++k) codes[k] = value(k, *fields[k]);
    return add(codes);
}

// Organisations known only by a name that exactly one numbered organisation of the same country
// is also spelt: one organisation, under the numbered one (its own region and type first).
void HistoryBuilder::join_names_to_numbers() {
    if (numbered_names_.empty()) return;
    const auto count = static_cast<std::uint32_t>(h_.organisations_.size());
    std::vector<std::uint32_t> into(count);
    std::iota(into.begin(), into.end(), 0u);
    bool any = false;
    for (std::uint32_t o = 0; o < count; ++o) {
        const auto& org = h_.organisations_[o];
        if (!org.organisation_number.empty()) continue;
        const auto it = numbered_names_.find(std::string(org.key));
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
    // Each name's organisations renumbered, a joined one counted once.
    std::vector<std::uint32_t> offsets{0}, organisations;
    organisations.reserve(h_.name_organisations_.size());
    for (std::size_t k = 0; k + 1 < h_.name_offsets_.size(); ++k) {
        for (std::uint32_t i = h_.name_offsets_[k]; i < h_.name_offsets_[k + 1]; ++i) {
            const std::uint32_t o = index[h_.name_organisations_[i]];
            if (std::find(organisations.begin() + offsets.back(), organisations.end(), o) == organisations.end()) {
                organisations.push_back(o);
            }
        }
        offsets.push_back(static_cast<std::uint32_t>(organisations.size()));
    }
    h_.name_offsets_ = std::move(offsets);
    h_.name_organisations_ = std::move(organisations);
}

std::shared_ptr<const History> HistoryBuilder::build() {
    // The name index: the keys as interned, each listing its organisations in the order met.
    to_csr(keys_.size(), spelt_, h_.name_offsets_, h_.name_organisations_);
    h_.name_keys_ = std::move(keys_);
    join_names_to_numbers();
    // The values and their checks are done with: released before the indexes are made, so the
    // peak is the history's and not the history's plus the builder's.
    History h = std::move(h_);
    for (std::size_t k : {kProject, kProgramme, kPeriod, kOrganisation, kRegion, kOrgType, kNumber}) {
        h.texts_.adopt(std::move(values_[k]).take_text());  // what the organisations and projects show
    }
    std::vector<Entry> rows = std::move(rows_);
    *this = HistoryBuilder();
    // Periods ranked in their sorted order ("2007-2013" < "2014-2020" < "2021-2027"). A period is
    // an interned value: its projects share one view, so the few distinct ones are sorted, not
    // one per project.
    std::vector<std::string_view> periods;
    std::unordered_set<const char*> seen;
    for (const auto& p : h.projects_) {
        if (!p.period.empty() && seen.insert(p.period.data()).second) periods.push_back(p.period);
    }
    std::sort(periods.begin(), periods.end());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    h.periods_.assign(periods.begin(), periods.end());
    for (auto& p : h.projects_) {
        if (p.period.empty()) continue;
        p.period_rank = static_cast<std::uint32_t>(std::lower_bound(h.periods_.begin(), h.periods_.end(), p.period) -
                                                   h.periods_.begin() + 1);
    }
    // One participation per organisation and project: the first role given wins. Rows are put in
    // project order (tables usually list a project's rows together: nothing to move), then each
    // project's few rows in organisation order.
    const auto by_project = [](const Entry& a, const Entry& b) { return a.project < b.project; };
    if (!std::is_sorted(rows.begin(), rows.end(), by_project)) std::stable_sort(rows.begin(), rows.end(), by_project);
    for (auto begin = rows.begin(); begin != rows.end();) {
        const auto end = std::find_if(begin, rows.end(), [&](const Entry& e) { return e.project != begin->project; });
        std::stable_sort(begin, end, [](const Entry& a, const Entry& b) { return a.organisation < b.organisation; });
        begin = end;
    }
    rows.erase(std::unique(rows.begin(), rows.end(),
                           [](const Entry& a, const Entry& b) { return a.project == b.project && a.organisation == b.organisation; }),
               rows.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(rows.size());
    for (const auto& r : rows) pairs.emplace_back(r.project, r.organisation);
    to_sorted_csr(h.projects_.size(), pairs, h.project_offsets_, h.project_members_);
    h.member_roles_.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) h.member_roles_[i] = static_cast<std::uint8_t>(rows[i].role);
    for (auto& pr : pairs) std::swap(pr.first, pr.second);
    to_sorted_csr(h.organisations_.size(), pairs, h.org_offsets_, h.org_projects_);
    return std::make_shared<const History>(std::move(h));
}

void number_columns_in_parallel(std::size_t columns, std::size_t cells, const std::function<void(std::size_t)>& number,
                                const std::function<void()>& meanwhile) {
    constexpr std::size_t parallel_cells = 50'000;  // below, a second thread costs more than it saves
    std::atomic<std::size_t> next{0};
    auto work = [&](std::exception_ptr& failed, bool first_meanwhile) {
        try {
            if (first_meanwhile && meanwhile) meanwhile();
            for (std::size_t i; (i = next.fetch_add(1)) < columns;) number(i);
        } catch (...) {
            failed = std::current_exception();
        }
    };
    std::exception_ptr failed[2];
    if (cells < parallel_cells || std::thread::hardware_concurrency() < 2) {
        work(failed[0], true);
    } else {
        std::thread helper;
        try {
            helper = std::thread(work, std::ref(failed[1]), false);
        } catch (const std::system_error&) {  // no thread to be had (a limit on threads): one is enough
        }
        work(failed[0], true);
        if (helper.joinable()) helper.join();
    }
    for (const auto& f : failed) {
        if (f) std::rethrow_exception(f);
    }
}

}  // namespace interreg
