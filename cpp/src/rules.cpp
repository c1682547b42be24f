#include "interreg/rules.hpp"

#include <algorithm>

#include "interreg/errors.hpp"

namespace interreg {

const std::vector<RuleDef>& rule_catalogue() {
    static const std::vector<RuleDef> all = [] {
        std::vector<RuleDef> out;
        for (auto family : {rules::partnership, rules::partner, rules::project, rules::call, rules::budget,
                            rules::cofinancing, rules::stateaid, rules::workplan, rules::indicators, rules::network,
                            rules::document}) {
            auto defs = family();
            out.insert(out.end(), defs.begin(), defs.end());
        }
        return out;
    }();
    return all;
}

const RuleDef* find_rule(std::string_view id) {
    const auto& all = rule_catalogue();
    auto it = std::find_if(all.begin(), all.end(), [&](const RuleDef& d) { return d.id == id; });
    return it == all.end() ? nullptr : &*it;
}

namespace {

Money parse_money_param(const JsonReader& value) {
    const std::string text = value.string();
    try {
        const Money m = Money::parse(text);
        if (m.cents() >= 0) return m;
    } catch (const ArgumentError&) {
    }
    value.fail("expected an amount in EUR as a decimal string that is not negative, e.g. \"300000.00\"");
}

}  // namespace

void check_rule_params(const RuleDef& rule, const JsonReader& params) {
    if (!params.is_object()) params.fail("expected an object of parameters");
    for (const auto& [key, value] : params.members()) {
        const std::string_view name = key;  // C++17 lambdas cannot capture structured bindings (clang refuses)
        auto spec = std::find_if(rule.params.begin(), rule.params.end(), [&](const ParamSpec& p) { return p.key == name; });
        if (spec == rule.params.end()) {
            std::string known;
            for (const auto& p : rule.params) known += (known.empty() ? "" : ", ") + std::string(p.key);
            value.fail("rule '" + std::string(rule.id) + "' has no parameter '" + std::string(key) + "'" +
                       (known.empty() ? "; it takes none" : "; it takes: " + known));
        }
        switch (spec->type) {
            case ParamType::integer: value.integer(0, 1000000); break;
            case ParamType::string: value.string(); break;
            case ParamType::string_list: value.strings(); break;
            case ParamType::date:
                if (!Date::parse(value.string())) value.fail("expected a date as YYYY-MM-DD");
                break;
            case ParamType::money: parse_money_param(value); break;
        }
    }
    for (const auto& spec : rule.params) params.at(spec.key);  // every parameter is required
}

Finding& RuleContext::add(std::string path, std::string message, bool assumed, std::string source) {
    Finding f;
    f.rule = config_->id;
    f.assumed = assumed;
    // Severity follows evidence: what rests on an assumed fact is at most a WARNING (error < warning < info).
    f.severity = assumed ? std::max(config_->severity, Severity::warning) : config_->severity;
    if (assumed) message += " (This rests on a programme fact marked as assumed; check it with the programme.)";
    f.message = std::move(message);
    f.path = std::move(path);
    f.source = std::move(source);
    report_.findings.push_back(std::move(f));
    return report_.findings.back();
}

const std::string& RuleContext::source_text() {
    if (source_text_.empty()) source_text_ = config_->source.text();
    return source_text_;
}

void RuleContext::emit(std::string path, std::string message, bool fact_assumed) {
    add(std::move(path), std::move(message), config_->source.assumed || fact_assumed, source_text());
}

void RuleContext::emit_warning(std::string path, std::string message, bool fact_assumed) {
    Finding& f = add(std::move(path), std::move(message), config_->source.assumed || fact_assumed, source_text());
    f.severity = std::max(f.severity, Severity::warning);
}

void RuleContext::emit_info(std::string path, std::string message) {
    Finding& f = add(std::move(path), std::move(message), config_->source.assumed, source_text());
    f.severity = Severity::info;
}

void RuleContext::emit_citing(const Citation& fact, std::string path, std::string message) {
    add(std::move(path), std::move(message), config_->source.assumed || fact.assumed, fact.text());
}

const ConsortiumGraph& RuleContext::consortium() {
    if (!consortium_) consortium_ = consortium_graph(proposal);
    return *consortium_;
}

Date RuleContext::date_param(std::string_view key) const { return *Date::parse(param(key).get<std::string>()); }
Money RuleContext::money_param(std::string_view key) const { return Money::parse(param(key).get<std::string>()); }

bool RuleContext::kind_exempt() const {
    const auto& kinds = param("exempt_kinds");
    return std::any_of(kinds.begin(), kinds.end(), [&](const nlohmann::json& k) { return k == proposal.kind; });
}

std::string partner_path(std::size_t index) { return "/partners/" + std::to_string(index); }

const Call* effective_call(const Programme& programme, const Proposal& proposal) {
    if (proposal.call) return programme.call(*proposal.call);
    const Call* only = nullptr;
    for (const auto& c : programme.calls()) {
        if (c.kind != proposal.kind || c.closes) continue;
        if (only) return nullptr;  // several continuous calls: the proposal must choose
        only = &c;
    }
    return only;
}

std::map<std::string, FundCap> fund_caps(const Programme& programme, const Proposal& proposal) {
    std::map<std::string, FundCap> caps;
    auto lower = [&caps](const std::map<std::string, Money>& limits, const std::string& where) {
        for (const auto& [fund, amount] : limits) {
            auto it = caps.find(fund);
            if (it == caps.end() || amount < it->second.amount) caps[fund] = FundCap{amount, where};
        }
    };
    if (const ProjectKind* kind = programme.project_kind(proposal.kind)) lower(kind->fund_caps, kind->id);
    const Call* call = effective_call(programme, proposal);
    if (call && call->kind == proposal.kind) lower(call->fund_caps, "call " + call->id);
    return caps;
}

std::string owner_country(const Programme& programme) {
    for (const auto& r : programme.rules()) {
        if (r.id == "partnership.norwegian-owner") return r.params.at("country").get<std::string>();
    }
    return {};
}

Report validate(const Programme& programme, const Proposal& proposal) {
    std::optional<BudgetSummary> budget;
    std::string budget_error;
    try {
        budget = summarise_budget(programme, proposal);
    } catch (const ArgumentError& e) {
        budget_error = e.what();  // reported by budget.exchange-rate or budget.total
    }
    return validate(programme, proposal, budget ? &*budget : nullptr, budget_error);
}

Report validate(const Programme& programme, const Proposal& proposal, const BudgetSummary* budget,
                const std::string& budget_error) {
    std::vector<const Region*> regions;
    regions.reserve(proposal.partners.size());
    for (const auto& p : proposal.partners) regions.push_back(p.region ? programme.find_region(*p.region) : nullptr);

    Report report;
    RuleContext ctx(programme, proposal, regions, budget, report);
    ctx.budget_error = budget_error;
    for (const auto& config : programme.rules()) {
        ctx.set_rule(config);
        config.check(ctx);
    }
    return report;
}

}  // namespace interreg
