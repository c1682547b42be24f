#pragma once
// What changed between two versions of a proposal (docs/diff.md): the changes between their
// canonical documents (proposal_to_json), the differences of their budget summaries per partner
// and category, and the validation findings fixed, introduced and unchanged.
//
// Matching: partners by id and organisation name key (text::organisation_key) together, then
// by name key, then by id, so a renumbered partner is a change of its id (also when its new id
// was that of a partner who left) and a renamed one a change of its name; budget lines by
// description (longest common subsequence), then by position between the lines so matched;
// contribution sources likewise by name and deliverables by title; objectives and activities
// by id, work packages by number; outputs, results and every other list of records by
// position; lists of plain values (an activity's partners, a line's period amounts) as one
// value. A value null and a key left out mean the same ("not given"). References to partners
// in the work plan are compared through the partner matching, so a renumbered partner changes
// nothing there.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/budget_engine.hpp"
#include "interreg/money.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"
#include "interreg/report.hpp"

namespace interreg {

enum class ChangeKind { added, removed, changed };
std::string_view to_string(ChangeKind kind);  // "added", "removed", "changed"

// The sections a change belongs to, by where its path points.
// metadata: format, version, programme, call, kind, acronym, title, specific objective,
//           geography, start, duration; narrative: summary and the form's text sections;
// partners: a partner's own fields, or a whole partner added or removed; budget: a partner's
// flat rates and lines; co-financing: its fund, rate and sources; exchange rates; work plan.
const std::vector<std::string>& diff_sections();

struct Change {
    std::string path;  // JSON Pointer: in the after document, or in the before one when removed
    ChangeKind kind = ChangeKind::changed;
    std::optional<nlohmann::ordered_json> before, after;  // absent when added / removed
    std::string partner_id, partner_name;  // the partner the path is inside (after's when both); empty outside
    std::string section;                   // one of diff_sections()
};

// The columns of a budget difference: the cost categories of a summary with their total, then
// the fund amount and the partners' contribution (which add up to the total).
const std::vector<std::string>& budget_difference_columns();
inline constexpr std::size_t budget_difference_width = 11;
using BudgetFigures = std::array<Money, budget_difference_width>;

struct BudgetDifferenceRow {
    std::string partner_id, partner_name;  // after's, or before's for a partner removed
    BudgetFigures before, after, difference;  // zero where the partner is absent; difference = after - before
};

struct BudgetDifference {
    // Why a summary could not be computed (a currency without an exchange rate); then there
    // are no rows and no totals.
    std::string before_error, after_error;
    std::vector<BudgetDifferenceRow> partners;  // in the order of the changes
    BudgetDifferenceRow total;                  // the project: the sum of the partner rows
    bool available() const { return before_error.empty() && after_error.empty(); }
};

struct FindingsDifference {
    std::vector<Finding> fixed;       // before's, in its order
    std::vector<Finding> introduced;  // after's, in its order
    std::vector<Finding> unchanged;   // after's, in its order
};

struct ProposalDiff {
    std::vector<Change> changes;  // in document order
    BudgetDifference budget;
    FindingsDifference findings;
    bool identical() const { return changes.empty(); }
};

// What the diff needs of one version: its canonical document, its validation and its budget
// summary (or why there is none). Computed from the proposal alone, so a caller can take it
// under the proposal's lock and compare without holding any.
struct DiffSide {
    nlohmann::ordered_json document;
    Report report;
    std::optional<BudgetSummary> budget;
    std::string budget_error;
};
DiffSide diff_side(const Programme& programme, const Proposal& proposal);

ProposalDiff diff_sides(const DiffSide& before, const DiffSide& after);
// Each version with its own programme.
ProposalDiff diff_proposals(const Programme& before_programme, const Proposal& before,
                            const Programme& after_programme, const Proposal& after);

}  // namespace interreg
