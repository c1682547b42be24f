#pragma once
// The history of past cooperation projects: which organisations took part in which project.
// Read from a table of participations (CSV text, or columns of distinct values and their rows). One
// organisation is one entry: rows with an organisation number are one organisation per country
// and number, whatever the names; rows without one by their normalised name (docs/network.md).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interreg/interner.hpp"

namespace interreg {

namespace countries {
struct Country;
}

// One row of a participation table, as given. Only project, organisation and country are required.
struct ParticipationRow {
    std::string project;
    std::string programme;
    std::string period;  // e.g. "2014-2020"; later periods sort later
    std::string organisation;
    std::string country;   // ISO 3166-1 alpha-2, any case
    std::string region;    // name or NUTS code, as the source writes it
    std::string org_type;  // a programme organisation type id where the source has one
    std::string role;      // e.g. "lead", "partner"
    std::string organisation_number;  // the national number as written (organisation_number.hpp), or empty
};

// A row that could not be read: its line (CSV, 1-based, the header is line 1) or row number.
struct HistoryProblem {
    std::size_t line = 0;
    std::string message;
};

// The texts of organisations and projects are views of their history's own text (valid as long
// as the history): each distinct value is kept once, however many rows repeat it.
struct HistoryOrganisation {
    std::string_view name;     // the first spelling met
    std::string_view country;  // canonical ISO code
    std::string_view region;   // the first non-empty value met
    std::string_view org_type;
    std::string_view organisation_number;  // as first written; empty when no row gives one
    // The identity: history_number_key(country, number) with a number, else country + ":" +
    // text::organisation_key(name).
    std::string_view key;
};

struct HistoryProject {
    std::string_view id;
    std::string_view programme;
    std::string_view period;
    std::uint32_t period_rank = 0;  // 0: no period; else position among the sorted distinct periods, from 1
};

// An immutable participation table: organisations, projects and who took part in what.
class History {
public:
    const std::vector<HistoryOrganisation>& organisations() const { return organisations_; }
    const std::vector<HistoryProject>& projects() const { return projects_; }
    const std::vector<std::string>& periods() const { return periods_; }  // sorted, distinct, non-empty
    std::size_t participation_count() const { return project_members_.size(); }

    // Organisations of project `p` (ascending) and projects of organisation `o` (ascending).
    std::pair<const std::uint32_t*, const std::uint32_t*> members(std::uint32_t p) const;
    std::pair<const std::uint32_t*, const std::uint32_t*> projects_of(std::uint32_t o) const;
    // The role an organisation had in a project ("" when not given or not a member).
    const std::string& role(std::uint32_t project, std::uint32_t organisation) const;

    // An organisation by name (normalised; "Malmö stad" finds "MALMÖ STAD"), optionally only in one
    // country. nullopt when none or, without a country, when the name is ambiguous.
    std::optional<std::uint32_t> find(std::string_view name, std::string_view country = {}) const;
    // Like find(); throws NotFoundError naming the nearest names, or ArgumentError when the name
    // exists in several countries (listing them).
    std::uint32_t require(std::string_view name, std::string_view country = {}) const;
    // The organisation with this organisation number in `country`, in any usual spelling; nullopt
    // when none (or the number is malformed for the country's scheme).
    std::optional<std::uint32_t> find_number(std::string_view country, std::string_view number) const;

    // Bytes held by the table's arrays and strings (an exact count, for benchmarks).
    std::size_t memory_bytes() const;

private:
    friend class HistoryBuilder;
    TextStore texts_;  // what the views of organisations_ and projects_ show
    std::vector<HistoryOrganisation> organisations_;
    std::vector<HistoryProject> projects_;
    std::vector<std::string> periods_;
    std::vector<std::uint32_t> project_offsets_, project_members_;  // CSR: project → organisations
    std::vector<std::uint32_t> org_offsets_, org_projects_;         // CSR: organisation → projects
    std::vector<std::uint8_t> member_roles_;                        // parallel to project_members_
    std::vector<std::string> roles_ = {std::string()};              // role names; 0 is ""
    std::unordered_map<std::string, std::uint32_t> by_key_;         // number key → numbered organisation
    // organisation_key of every spelling, numbered → its organisations, all countries, in the
    // order met (CSR)
    Interner name_keys_;
    std::vector<std::uint32_t> name_offsets_, name_organisations_;
    // The organisations spelt `name` (any spelling with its organisation_key).
    std::pair<const std::uint32_t*, const std::uint32_t*> spelt(std::string_view name) const;
};

// Limits of a history, programme-independent: a cooperation project of more organisations is not
// a partnership but a mistake in the data (its co-participation edges grow with the square of its
// size), and more rows or bytes than this are not a cooperation history.
inline constexpr std::size_t max_project_organisations = 1000;
inline constexpr std::size_t max_history_rows = 10'000'000;
inline constexpr std::size_t max_history_bytes = std::size_t{2} << 30;

// Collects rows, then builds a History. A row that cannot be read is refused with a problem
// (its line and why); the same organisation twice in one project counts once. A row's
// organisation number, when given, is its organisation's identity (one that is malformed for
// the country's scheme refuses the row); when build() sees that a name without a number is
// spelt by exactly one numbered organisation of its country, those rows join that organisation.
//
// Rows come as the numbers of their values (value()): every distinct value of a column is
// checked, trimmed and normalised once, however many rows repeat it.
class HistoryBuilder {
public:
    static constexpr std::size_t columns = 9;  // history_columns(), in that order

    HistoryBuilder();

    // The number of `text`, without its surrounding spaces, among the values of column `column`
    // (added when new).
    std::uint32_t value(std::size_t column, std::string_view text);
    // The same for n texts at once (faster), each trimmed in place.
    void values(std::size_t column, std::string_view* texts, std::size_t n, std::uint32_t* numbers);
    // Checks and normalises the values a column has met so far (add() does it when it meets a
    // new one). value() and prepare() of different columns touch nothing in common: a caller may
    // give each column its own thread.
    void prepare(std::size_t column);
    // A row by the numbers of its values, one per column. Empty when the row was taken;
    // otherwise why it was refused (a row past a project's max_project_organisations among
    // them). FormatError past max_history_rows.
    std::string add(const std::uint32_t (&codes)[columns]);
    std::string add(const ParticipationRow& row);
    std::shared_ptr<const History> build();
    std::size_t rows() const { return rows_.size(); }
    void reserve(std::size_t rows) { rows_.reserve(rows); }  // when the number of rows is known

private:
    struct Entry {
        std::uint32_t project, organisation, role;
    };
    struct NumberCheck {  // an organisation number in a country
        std::string problem;  // what is wrong with it and the scheme's form
        std::string key;      // history_number_key
    };
    const NumberCheck& number(std::uint32_t country, std::uint32_t number, const char* code);
    std::uint32_t role(std::uint32_t value, std::string& problem);
    std::uint32_t project(const std::uint32_t (&t)[columns]);
    std::uint32_t organisation(const std::uint32_t (&t)[columns], const countries::Country& country,
                               const std::string* number_key);
    // A value, kept by the history when it is built.
    std::string_view view(std::size_t column, std::uint32_t value) const { return values_[column].values()[value]; }
    // A value as text, for what is said (problems).
    std::string text(std::size_t column, std::uint32_t value) const { return std::string(view(column, value)); }

    History h_;
    std::vector<Entry> rows_;
    static constexpr std::uint8_t region_gap = 1, type_gap = 2;
    Interner values_[columns], keys_;                  // each column's values, trimmed (0 is empty); organisation_key()s
    std::vector<std::uint8_t> refused_[columns];       // per value checked: 1 when rows with it are refused
    std::unordered_map<std::uint32_t, std::string> refusals_[columns];  // per column, value → why a row with it is refused
    std::vector<const countries::Country*> countries_;  // per country value (nullptr: unknown)
    struct OrgValue {  // per organisation value
        std::uint32_t key;               // its organisation_key's number in keys_ (UINT32_MAX: none)
        std::uint32_t organisation = 0;  // the unnumbered organisation it named last + 1 (0: none yet),
        std::uint32_t country = 0;       // with this country value: most rows find it here at once
    };
    std::vector<OrgValue> org_values_;
    std::vector<std::int32_t> roles_;                   // per role value: its number, -1 not yet met
    std::unordered_map<std::uint64_t, NumberCheck> numbers_;      // (country, number) values
    std::uint64_t last_project_key_ = UINT64_MAX;
    std::uint32_t last_project_ = 0;
    struct Made {  // what the builder keeps per organisation
        std::uint32_t next_named = 0;  // the next unnumbered organisation of its name key + 1 (0: none)
        std::uint16_t country = 0;     // its index in countries::all()
        std::uint8_t gaps = region_gap | type_gap;  // while not yet given
    };
    std::vector<Made> made_;
    // Per name key: its first unnumbered organisation + 1 (0: none), the others chained by next_named
    // (a name is met in few countries, most in one).
    std::vector<std::uint32_t> first_named_;
    std::unordered_set<std::uint64_t> spellings_;  // (numbered organisation, key) met
    // (name key, organisation) in the order met, for the name index build() makes (History::find).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spelt_;
    struct MadeProject {  // what the builder keeps per project
        std::uint32_t programme;  // its programme value
        std::uint32_t next = 0;   // the next project of the same name (another programme) + 1 (0: none)
        std::uint32_t rows = 0;   // rows taken
    };
    std::vector<MadeProject> made_projects_;
    std::vector<std::uint32_t> first_project_;  // per project value: its first project + 1 (0: none), others chained
    std::unordered_map<std::string, std::uint32_t> role_index_{{"", 0}};
    std::string joined_;  // a numbered organisation's name key (country:key), to look up in numbered_names_
    // Name key (country + ":" + organisation_key) → the numbered organisations spelt so.
    std::unordered_map<std::string, std::vector<std::uint32_t>> numbered_names_;
    void join_names_to_numbers();
};

// Runs number(column) for each of `columns` (a HistoryBuilder's columns share nothing, so each may
// have its own thread): on this thread, and on one more as well when the machine has two cores
// and there are `cells` enough to pay for starting it. This thread runs `meanwhile` first (work
// that touches no column). The first exception is rethrown.
void number_columns_in_parallel(std::size_t columns, std::size_t cells, const std::function<void(std::size_t)>& number,
                                const std::function<void()>& meanwhile = {});

struct HistoryReadResult {
    std::shared_ptr<const History> history;
    std::vector<HistoryProblem> problems;  // rows left out, in line order
};

// A participation table in CSV (RFC 4180: comma separated, "..." quoting, header row). Column
// names are matched case-insensitively; project, organisation and country are required, the
// others (programme, period, region, org_type, role, organisation_number) optional, unknown
// columns ignored. A missing required column throws FormatError; a bad row becomes a problem
// with its line.
HistoryReadResult read_history_csv(std::string_view text);
// The same table from a regular file (files.hpp: anything else is an IoError, as is a file
// larger than max_history_bytes), read half a megabyte at a time: memory for the history, not
// for the whole file.
HistoryReadResult read_history_file(const std::string& path);
// Both reading windows of about `window_bytes` (tests: any window gives the same result).
HistoryReadResult read_history_csv(std::string_view text, std::size_t window_bytes);
HistoryReadResult read_history_file(const std::string& path, std::size_t window_bytes);

// The column names the reader knows, required first, in this order: project, organisation,
// country, programme, period, region, org_type, role, organisation_number.
const std::vector<std::string>& history_columns();

// A row from the values of history_columns(), in that order (empty: not given).
ParticipationRow participation_row(const std::vector<std::string>& values);

// The identity of an organisation number in a history: "#" + org_number_key with the national
// scheme of `country` (organisation_number.hpp); empty when the number is malformed for that
// scheme or has nothing to compare.
std::string history_number_key(std::string_view country, std::string_view number);

}  // namespace interreg
