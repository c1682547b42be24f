#pragma once
// The rule catalogue and validation. A rule has a stable id, a default severity, a title
// and a check; a programme document switches rules on and gives their parameters.
// Rule families live one per file under cpp/src/rules/.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/budget_engine.hpp"
#include "interreg/consortium.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"
#include "interreg/report.hpp"

namespace interreg {

// date: "YYYY-MM-DD"; money: an amount in EUR, not negative, as a decimal string ("300000.00")
enum class ParamType { integer, string, string_list, date, money };

struct ParamSpec {
    std::string_view key;
    ParamType type;
};

class RuleContext;

struct RuleDef {
    std::string_view id;
    Severity severity;
    std::string_view title;
    std::vector<ParamSpec> params;  // all required
    void (*check)(RuleContext&);    // nullptr for the document.* rules, which reading raises
};

// Every rule the library knows, in the order of the families; the document.* rules last.
const std::vector<RuleDef>& rule_catalogue();
const RuleDef* find_rule(std::string_view id);
// Check a programme document's `params` object for a rule (ProgrammeError on mismatch).
void check_rule_params(const RuleDef& rule, const JsonReader& params);

// What a check sees: the programme, the proposal, its own configuration, and the partners'
// regions resolved once for all rules.
class RuleContext {
public:
    RuleContext(const Programme& programme, const Proposal& proposal,
                const std::vector<const Region*>& partner_regions, const BudgetSummary* budget, Report& report)
        : programme(programme), proposal(proposal), partner_regions(partner_regions), budget(budget), report_(report) {}

    const Programme& programme;
    const Proposal& proposal;
    const std::vector<const Region*>& partner_regions;  // nullptr: missing or not found
    // The budget summary; nullptr when it cannot be computed (a currency without a rate,
    // which budget.exchange-rate reports). Rules that need totals skip then.
    const BudgetSummary* budget;
    std::string budget_error;  // why `budget` is null

    const nlohmann::json& param(std::string_view key) const { return config_->params.at(std::string(key)); }
    Date date_param(std::string_view key) const;  // a ParamType::date, checked when the programme was read
    Money money_param(std::string_view key) const;  // a ParamType::money, likewise
    // Whether the rule's `exempt_kinds` parameter names the proposal's kind: the programme does
    // not assess every part of, say, a pre-project.
    bool kind_exempt() const;
    // The consortium graph of the work plan, built on first use and shared by the rules.
    const ConsortiumGraph& consortium();
    // Add a finding of the current rule; `fact_assumed` when it rests on an assumed fact
    // beyond the rule's own citation (a region mapping, a call's list of open objectives).
    // Severity follows evidence: a finding resting on an assumed fact is at most a WARNING.
    void emit(std::string path, std::string message, bool fact_assumed = false);
    // Like emit, but no stronger than a WARNING: for what a draft may simply not know yet.
    void emit_warning(std::string path, std::string message, bool fact_assumed = false);
    // Like emit, but only information (INFO): something to add, never a problem.
    void emit_info(std::string path, std::string message);
    // Like emit, but citing the programme fact the finding rests on (a call's caps, a project
    // kind's duration) instead of the rule's own source; assumed when that fact is.
    void emit_citing(const Citation& fact, std::string path, std::string message);

    void set_rule(const RuleConfig& config) {
        config_ = &config;
        source_text_.clear();
    }

private:
    Finding& add(std::string path, std::string message, bool assumed, std::string source);
    // The current rule's citation as a finding gives it, made on its first finding: a rule often
    // has one finding per partner.
    const std::string& source_text();

    Report& report_;
    const RuleConfig* config_ = nullptr;
    std::string source_text_;
    std::optional<ConsortiumGraph> consortium_;
};

// Run every rule the programme switches on, in the programme's order.
Report validate(const Programme& programme, const Proposal& proposal);
// The same with the proposal's budget summary already computed (summarise_budget), or nullptr
// and the ArgumentError's message when it cannot be (a currency without a rate).
Report validate(const Programme& programme, const Proposal& proposal, const BudgetSummary* budget,
                const std::string& budget_error);

// The call a proposal is judged against: its own, or, when it names none, the programme's
// only continuously open call of its kind (pre-projects). nullptr when there is none.
const Call* effective_call(const Programme& programme, const Proposal& proposal);

// The most a project may take from each fund: the lower of its call's cap (the effective call,
// when of the proposal's kind) and its project kind's, with where it is set ("call 2025:1",
// "pre-project"). The caps cofinancing.norwegian-cap and cofinancing.pre-project-cap check.
struct FundCap {
    Money amount;
    std::string where;
};
std::map<std::string, FundCap> fund_caps(const Programme& programme, const Proposal& proposal);

// The country whose partners have a Norwegian project owner, who books their costs, when the
// programme checks that (partnership.norwegian-owner); "" when it does not.
std::string owner_country(const Programme& programme);

// A finding of one of the document.* rules (a file that cannot be checked).
Finding document_finding(std::string_view rule, std::string message, std::string path = {});

// "/partners/3"
std::string partner_path(std::size_t index);

// Family catalogues (one per file under cpp/src/rules/).
namespace rules {
std::vector<RuleDef> partnership();
std::vector<RuleDef> partner();
std::vector<RuleDef> project();
std::vector<RuleDef> call();
std::vector<RuleDef> budget();
std::vector<RuleDef> cofinancing();
std::vector<RuleDef> stateaid();
std::vector<RuleDef> workplan();
std::vector<RuleDef> indicators();
std::vector<RuleDef> network();
std::vector<RuleDef> document();
}  // namespace rules

}  // namespace interreg
