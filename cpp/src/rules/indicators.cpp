// indicators.*: the programme indicators a work plan's outputs and results are tied to —
// that they exist and belong to the objective, their targets, their usual pairs, and
// "jointly" indicators delivered by one country alone.
#include <algorithm>
#include <set>

#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

std::string output_path(std::size_t i) { return "/work_plan/outputs/" + std::to_string(i); }
std::string result_path(std::size_t i) { return "/work_plan/results/" + std::to_string(i); }

std::string kind_name(IndicatorKind kind) { return kind == IndicatorKind::output ? "output" : "result"; }

// The codes of `kind` that `objective` offers, or every code of that kind when it offers none.
std::vector<std::string> offered(const Programme& programme, const SpecificObjective* objective, IndicatorKind kind) {
    std::vector<std::string> out;
    for (const auto& i : programme.indicators()) {
        if (i.kind != kind) continue;
        const bool listed = !objective || objective->indicators.empty() ||
                            std::count(objective->indicators.begin(), objective->indicators.end(), i.code);
        if (listed) out.push_back(i.code);
    }
    return out;
}

void judge_indicator(RuleContext& ctx, const std::string& given, IndicatorKind kind, const std::string& path) {
    const Programme& prog = ctx.programme;
    const SpecificObjective* objective = prog.objective(ctx.proposal.specific_objective);
    const auto choices = offered(prog, objective, kind);
    const std::string code = normalise_indicator(given);
    const Indicator* indicator = prog.indicator(code);
    if (!indicator) {
        ctx.emit(path, "'" + given + "' is not a programme " + kind_name(kind) + " indicator. Choose one of (nearest first): " +
                           text::join_choices(text::nearest(code, choices, 5), ", ") + ".");
    } else if (indicator->kind != kind) {
        ctx.emit(path, code + " is a " + kind_name(indicator->kind) + " indicator; " +
                           (kind == IndicatorKind::output ? "outputs" : "results") + " take " + kind_name(kind) +
                           " indicators: " + text::join_choices(choices, ", ") + ".");
    } else if (objective && !objective->indicators.empty() &&
               !std::count(objective->indicators.begin(), objective->indicators.end(), code)) {
        ctx.emit(path, code + " is not among the indicators of " + objective->code + ". Choose one of: " +
                           text::join_choices(choices, ", ") + ".",
                 objective->indicators_source.assumed);
    }
}

void objective(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        judge_indicator(ctx, w.outputs[i].indicator, IndicatorKind::output, output_path(i) + "/indicator");
    }
    for (std::size_t i = 0; i < w.results.size(); ++i) {
        judge_indicator(ctx, w.results[i].indicator, IndicatorKind::result, result_path(i) + "/indicator");
    }
}

void pairing(RuleContext& ctx) {
    if (ctx.kind_exempt()) return;  // the programme does not assess the results of these projects
    const WorkPlan& w = ctx.proposal.work_plan;
    std::set<std::string> results;
    for (const auto& r : w.results) results.insert(normalise_indicator(r.indicator));
    std::set<std::string> reported;
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        const Indicator* output = ctx.programme.indicator(w.outputs[i].indicator);
        if (!output || !output->result || results.count(*output->result) || !reported.insert(output->code).second) continue;
        const Indicator* result = ctx.programme.indicator(*output->result);
        ctx.emit(output_path(i) + "/indicator",
                 "The output " + output->code + " usually leads to the result " + result->code + " (" +
                     result->name.at("en") + "), which the work plan does not have. Add it to the results with a "
                     "baseline and a target, or explain which result the output serves.",
                 ctx.programme.indicator_catalogue().pairing_source.assumed);
    }
}

void target(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        if (w.outputs[i].target.hundredths() > 0) continue;
        ctx.emit(output_path(i) + "/target", "The output " + w.outputs[i].indicator + " has the target " +
                                                 w.outputs[i].target.to_string() + ". Give the number the project will deliver (more than 0).");
    }
    for (std::size_t i = 0; i < w.results.size(); ++i) {
        if (w.results[i].target.hundredths() > 0) continue;
        ctx.emit(result_path(i) + "/target", "The result " + w.results[i].indicator + " has the target " +
                                                 w.results[i].target.to_string() + ". Give the value the project will reach (more than 0).");
    }
}

void jointly(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        const Output& o = w.outputs[i];
        const Indicator* indicator = ctx.programme.indicator(o.indicator);
        if (!indicator || !indicator->jointly || !o.work_package) continue;
        const WorkPackage* wp = w.work_package(*o.work_package);
        if (!wp) continue;  // workplan.references
        std::set<std::string> ids(wp->lead ? std::set<std::string>{*wp->lead} : std::set<std::string>{});
        for (const auto& a : wp->activities) ids.insert(a.partners.begin(), a.partners.end());
        std::set<std::string> countries;
        for (const auto& id : ids) {
            if (const Partner* p = ctx.proposal.find_partner(id)) countries.insert(p->country);
        }
        if (countries.size() >= 2) continue;
        const std::string who = countries.empty() ? "no partner" : "partners of " + *countries.begin() + " only";
        ctx.emit(output_path(i) + "/work_package",
                 indicator->code + " (" + indicator->name.at("en") + ") counts only what organisations of at least two "
                 "countries do together, but work package " + std::to_string(wp->number) + " involves " + who +
                     ". Involve partners of another country in its activities, or choose another indicator.",
                 ctx.programme.indicator_catalogue().jointly_source.assumed);
    }
}

}  // namespace

std::vector<RuleDef> indicators() {
    return {
        {"indicators.objective", Severity::error, "Outputs and results use indicators of the proposal's objective", {}, objective},
        {"indicators.pairing", Severity::warning, "Every output's usual result indicator is among the results",
         {{"exempt_kinds", ParamType::string_list}}, pairing},
        {"indicators.target", Severity::warning, "Output and result targets are above zero", {}, target},
        {"indicators.jointly", Severity::error, "A 'jointly' indicator's work package involves two or more countries", {}, jointly},
    };
}

}  // namespace interreg::rules
