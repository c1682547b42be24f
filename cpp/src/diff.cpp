// What changed between two versions (diff.hpp): the document changes (diff_documents.cpp),
// the budget summaries' differences per partner and category, and the findings compared.
#include "interreg/diff.hpp"

#include <deque>
#include <map>
#include <tuple>
#include <type_traits>
#include <utility>

#include "diff_support.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"

namespace interreg {
namespace {

using diff_detail::Steps;

static_assert(budget_difference_width == std::tuple_size_v<std::decay_t<decltype(cost_fields())>> + 2,
              "the cost fields, the fund amount and the contribution");

// The columns of budget_difference_columns(), read off a partner's or the project's summary.
BudgetFigures figures(const CostBreakdown& costs, Money fund_amount, Money contribution) {
    BudgetFigures out{};
    std::size_t k = 0;
    for (const auto& [id, field] : cost_fields()) {
        (void)id;
        out[k++] = costs.*field;
    }
    out[k++] = fund_amount;
    out[k] = contribution;
    return out;
}

BudgetFigures figures(const PartnerSummary& p) { return figures(p.costs, p.fund_amount, p.contribution); }
BudgetFigures figures(const BudgetSummary& s) { return figures(s.costs, s.fund_amount, s.contribution); }

BudgetFigures minus(const BudgetFigures& after, const BudgetFigures& before) {
    BudgetFigures out{};
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = after[k] - before[k];
    return out;
}

BudgetDifference budget_difference(const DiffSide& before, const DiffSide& after, const Steps& partners) {
    BudgetDifference d;
    d.before_error = before.budget ? std::string() : before.budget_error;
    d.after_error = after.budget ? std::string() : after.budget_error;
    if (!d.available()) return d;
    for (const auto& s : partners) {
        BudgetDifferenceRow row;
        const PartnerSummary& named = s.after ? after.budget->partners[*s.after] : before.budget->partners[*s.before];
        row.partner_id = named.id;
        row.partner_name = named.name;
        if (s.before) row.before = figures(before.budget->partners[*s.before]);
        if (s.after) row.after = figures(after.budget->partners[*s.after]);
        row.difference = minus(row.after, row.before);
        d.partners.push_back(std::move(row));
    }
    d.total.before = figures(*before.budget);
    d.total.after = figures(*after.budget);
    d.total.difference = minus(d.total.after, d.total.before);
    return d;
}

// Findings are the same finding when they have the same rule and the same place: before's path
// translated through the matching of partners and records. Messages may quote amounts that
// changed; such a finding is still there, so it is unchanged, with after's message.
FindingsDifference findings_difference(const Report& before, const Report& after,
                                       const diff_detail::PathMap& paths) {
    std::map<std::pair<std::string, std::string>, std::deque<std::size_t>> open;  // (rule, path) → after findings
    for (std::size_t j = 0; j < after.findings.size(); ++j) {
        open[{after.findings[j].rule, after.findings[j].path}].push_back(j);
    }
    std::vector<bool> kept(after.findings.size(), false);
    FindingsDifference d;
    for (const Finding& f : before.findings) {
        const auto it = open.find({f.rule, diff_detail::translate_path(paths, f.path)});
        if (it == open.end() || it->second.empty()) {
            d.fixed.push_back(f);
            continue;
        }
        kept[it->second.front()] = true;
        it->second.pop_front();
    }
    for (std::size_t j = 0; j < after.findings.size(); ++j) {
        (kept[j] ? d.unchanged : d.introduced).push_back(after.findings[j]);
    }
    return d;
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added: return "added";
        case ChangeKind::removed: return "removed";
        case ChangeKind::changed: return "changed";
    }
    return "changed";
}

const std::vector<std::string>& diff_sections() {
    static const std::vector<std::string> sections = {"metadata",     "narrative",      "partners", "budget",
                                                      "co-financing", "exchange rates", "work plan"};
    return sections;
}

const std::vector<std::string>& budget_difference_columns() {
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> out;
        for (const auto& [id, field] : cost_fields()) {
            (void)field;
            out.emplace_back(id);
        }
        out.emplace_back("fund_amount");
        out.emplace_back("contribution");
        return out;
    }();
    return columns;
}

DiffSide diff_side(const Programme& programme, const Proposal& proposal) {
    DiffSide side;
    side.document = proposal_to_json(proposal);
    try {
        side.budget = summarise_budget(programme, proposal);
    } catch (const ArgumentError& e) {  // a currency without an exchange rate, an amount out of range
        side.budget_error = e.what();
    }
    side.report = validate(programme, proposal, side.budget ? &*side.budget : nullptr, side.budget_error);
    return side;
}

ProposalDiff diff_sides(const DiffSide& before, const DiffSide& after) {
    auto documents = diff_detail::compare_documents(before.document, after.document);
    ProposalDiff d;
    d.budget = budget_difference(before, after, documents.partners);
    d.findings = findings_difference(before.report, after.report, documents.paths);
    d.changes = std::move(documents.changes);
    return d;
}

ProposalDiff diff_proposals(const Programme& before_programme, const Proposal& before,
                            const Programme& after_programme, const Proposal& after) {
    return diff_sides(diff_side(before_programme, before), diff_side(after_programme, after));
}

}  // namespace interreg
