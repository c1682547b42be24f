// workplan.*: the work plan's structure — references, periods, the order of activities,
// outputs and results, the cooperation criteria and the horizontal principles.
#include <algorithm>
#include <set>

#include "interreg/rules.hpp"
#include "interreg/schedule.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

std::string wp_path(std::size_t w) { return "/work_plan/work_packages/" + std::to_string(w); }
std::string activity_path(std::size_t w, std::size_t a) { return wp_path(w) + "/activities/" + std::to_string(a); }

int period_count(const RuleContext& ctx) { return static_cast<int>(reporting_periods(ctx.programme, ctx.proposal).size()); }

bool is_partner(const RuleContext& ctx, const std::string& id) {
    const auto& ps = ctx.proposal.partners;
    return std::any_of(ps.begin(), ps.end(), [&](const Partner& p) { return p.id == id; });
}

void references(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    std::set<std::string> objectives;
    for (const auto& o : w.objectives) objectives.insert(o.id);
    for (std::size_t i = 0; i < w.work_packages.size(); ++i) {
        const WorkPackage& wp = w.work_packages[i];
        if (wp.lead && !is_partner(ctx, *wp.lead)) {
            ctx.emit(wp_path(i) + "/lead", "Work package " + std::to_string(wp.number) + " is led by '" + *wp.lead +
                                               "', which is not a partner id. Use one of the partners' ids (PP1, PP2, ...).");
        }
        if (wp.objective && !objectives.count(*wp.objective)) {
            ctx.emit(wp_path(i) + "/objective", "Work package " + std::to_string(wp.number) + " serves the objective '" +
                                                    *wp.objective + "', which the work plan does not define.");
        }
        for (std::size_t j = 0; j < wp.activities.size(); ++j) {
            const Activity& a = wp.activities[j];
            for (std::size_t k = 0; k < a.partners.size(); ++k) {
                if (!is_partner(ctx, a.partners[k])) {
                    ctx.emit(activity_path(i, j) + "/partners/" + std::to_string(k),
                             "Activity " + a.id + " names the partner '" + a.partners[k] + "', which is not in the proposal.");
                }
            }
            for (std::size_t k = 0; k < a.predecessors.size(); ++k) {
                if (!w.activity(a.predecessors[k])) {
                    ctx.emit(activity_path(i, j) + "/predecessors/" + std::to_string(k),
                             "Activity " + a.id + " follows '" + a.predecessors[k] + "', which is not an activity of the work plan.");
                }
            }
        }
    }
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        const auto& o = w.outputs[i];
        if (o.work_package && !w.work_package(*o.work_package)) {
            ctx.emit("/work_plan/outputs/" + std::to_string(i) + "/work_package",
                     "Output " + o.indicator + " is delivered by work package " + std::to_string(*o.work_package) +
                         ", which does not exist.");
        }
    }
}

void work_package(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    for (std::size_t i = 0; i < w.work_packages.size(); ++i) {
        const WorkPackage& wp = w.work_packages[i];
        if (wp.activities.empty()) {
            ctx.emit(wp_path(i) + "/activities", "Work package " + std::to_string(wp.number) + " has no activities. Add what will be done in it.");
        }
        if (!wp.lead) {
            ctx.emit(wp_path(i) + "/lead", "Work package " + std::to_string(wp.number) + " has no lead partner. Choose one partner to lead it.");
        }
    }
}

void periods(RuleContext& ctx) {
    if (!ctx.proposal.duration_months) return;  // no periods to judge; project.duration asks for it
    const WorkPlan& w = ctx.proposal.work_plan;
    const int last = period_count(ctx);
    const std::string range = "1 to " + std::to_string(last);
    for (std::size_t i = 0; i < w.work_packages.size(); ++i) {
        for (std::size_t j = 0; j < w.work_packages[i].activities.size(); ++j) {
            const Activity& a = w.work_packages[i].activities[j];
            const auto path = activity_path(i, j);
            if (a.start_period > a.end_period) {
                ctx.emit(path + "/end_period", "Activity " + a.id + " ends (period " + std::to_string(a.end_period) +
                                                   ") before it starts (period " + std::to_string(a.start_period) + ").");
            } else if (a.end_period > last) {
                ctx.emit(path + "/end_period", "Activity " + a.id + " runs to period " + std::to_string(a.end_period) +
                                                   "; the project has periods " + range + ".");
            }
            for (std::size_t k = 0; k < a.deliverables.size(); ++k) {
                const auto& d = a.deliverables[k];
                if (d.period < a.start_period || d.period > a.end_period) {
                    ctx.emit(path + "/deliverables/" + std::to_string(k) + "/period",
                             "Deliverable '" + d.title + "' is due in period " + std::to_string(d.period) + ", outside its activity " +
                                 a.id + " (periods " + std::to_string(a.start_period) + " to " + std::to_string(a.end_period) + ").");
                }
            }
        }
    }
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        if (w.outputs[i].period > last) {
            ctx.emit("/work_plan/outputs/" + std::to_string(i) + "/period",
                     "Output " + w.outputs[i].indicator + " is due in period " + std::to_string(w.outputs[i].period) +
                         "; the project has periods " + range + ".");
        }
    }
    for (std::size_t i = 0; i < w.results.size(); ++i) {
        if (w.results[i].period > last) {
            ctx.emit("/work_plan/results/" + std::to_string(i) + "/period",
                     "Result " + w.results[i].indicator + " is due in period " + std::to_string(w.results[i].period) +
                         "; the project has periods " + range + ".");
        }
    }
}

void predecessor_cycle(RuleContext& ctx) {
    const std::vector<std::string> cycle = interreg::predecessor_cycle(ctx.proposal.work_plan);
    if (cycle.empty()) return;
    std::string names;
    for (const auto& id : cycle) names += id + " → ";
    names += cycle.front();
    ctx.emit("/work_plan/work_packages", "The activities wait for each other in a circle: " + names +
                                             ". Remove one of these predecessors so the work can start.");
}

// An activity that waits for another should not start before that one ends (periods are
// coarse: starting in the period the predecessor ends in is allowed).
void activity_order(RuleContext& ctx) {
    for (const auto& c : order_conflicts(ctx.proposal.work_plan)) {
        ctx.emit(activity_path(c.work_package_index, c.activity_index) + "/start_period",
                 c.activity + " starts in period " + std::to_string(c.start) + " but waits for " + c.predecessor +
                     ", which ends in period " + std::to_string(c.predecessor_end) + ". Start " + c.activity +
                     " in period " + std::to_string(c.predecessor_end) + " or later, or drop " + c.predecessor +
                     " from its predecessors.");
    }
}

void partner_involvement(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    if (w.work_packages.empty()) return;  // workplan.work-packages asks for them first
    std::set<std::string> involved;
    for (const auto& wp : w.work_packages) {
        if (wp.lead) involved.insert(*wp.lead);
        for (const auto& a : wp.activities) involved.insert(a.partners.begin(), a.partners.end());
    }
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const auto& p = partners[i];
        const bool has_budget = ctx.budget ? ctx.budget->partners[i].costs.total.cents() > 0 : !p.budget.lines.empty();
        if (p.role == Role::associated || !has_budget || involved.count(p.id)) continue;
        ctx.emit(partner_path(i), p.name + " (" + p.id + ") has a budget but takes part in no activity. "
                                  "Add it to the activities it works on, or move its budget.");
    }
}

void work_packages_present(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    if (w.empty()) {  // one finding for a draft without a work plan, not one per missing part
        ctx.emit("/work_plan", "The proposal has no work plan yet. Add the overall objective, the work packages with "
                               "their activities, the outputs and results, the cooperation criteria and the horizontal principles.");
        return;
    }
    if (w.overall_objective.find_first_not_of(" \t\r\n") == std::string::npos) {
        ctx.emit("/work_plan/overall_objective", "State the project's overall objective: the change it contributes to.");
    }
    if (w.work_packages.empty()) {
        ctx.emit("/work_plan/work_packages", "The work plan has no work packages. Group the activities into work packages.");
    }
}

void outputs_results(RuleContext& ctx) {
    const WorkPlan& w = ctx.proposal.work_plan;
    if (w.empty()) return;  // workplan.structure
    if (w.outputs.empty()) {
        ctx.emit("/work_plan/outputs", "The work plan has no output. Choose at least one output indicator of the objective with a target.");
    }
    if (w.results.empty() && !ctx.kind_exempt()) {
        ctx.emit("/work_plan/results", "The work plan has no result. Choose at least one result indicator with a baseline and a target.");
    }
}

void cooperation(RuleContext& ctx) {
    if (ctx.proposal.work_plan.empty()) return;  // workplan.structure
    const auto& c = ctx.proposal.work_plan.cooperation;
    auto given = [&](const char* name) {
        auto it = c.find(name);
        return it != c.end() && it->second.find_first_not_of(" \t\r\n") != std::string::npos;
    };
    std::vector<std::string> missing;
    for (const char* name : {"joint_development", "joint_implementation"}) {
        if (!given(name)) missing.push_back(name);
    }
    if (!given("joint_staffing") && !given("joint_financing")) missing.push_back("joint_staffing or joint_financing");
    if (missing.empty()) return;
    ctx.emit("/work_plan/cooperation", "The project must show joint development and joint implementation, and joint "
                                       "staffing or joint financing. Describe: " + text::join_choices(missing, ", ") + ".");
}

void horizontal(RuleContext& ctx) {
    if (ctx.kind_exempt() || ctx.proposal.work_plan.empty()) return;  // workplan.structure
    const auto& principles = ctx.proposal.work_plan.principles;
    for (const auto& name : horizontal_principles()) {
        auto it = principles.find(name);
        const auto path = "/work_plan/horizontal_principles/" + name;
        if (it == principles.end()) {
            ctx.emit(path, "Say how the project affects " + name + " (positive, neutral or negative).");
        } else if (it->second.effect != Effect::neutral &&
                   it->second.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            ctx.emit(path + "/text", "Explain the " + std::string(to_string(it->second.effect)) + " effect on " + name + ".");
        }
    }
}

}  // namespace

std::vector<RuleDef> workplan() {
    return {
        {"workplan.structure", Severity::error, "A work plan with an overall objective and work packages", {}, work_packages_present},
        {"workplan.references", Severity::error, "Work packages and activities name partners, objectives and activities that exist", {}, references},
        {"workplan.work-package", Severity::error, "Every work package has activities and a lead partner", {}, work_package},
        {"workplan.periods", Severity::error, "Activities, deliverables, outputs and results fall within the project and their activity", {}, periods},
        {"workplan.predecessor-cycle", Severity::error, "Activities do not wait for each other in a circle", {}, predecessor_cycle},
        {"workplan.activity-order", Severity::warning, "Activities start when their predecessors end", {}, activity_order},
        {"workplan.partner-involvement", Severity::warning, "Every partner with a budget takes part in an activity", {}, partner_involvement},
        {"workplan.outputs-results", Severity::error, "At least one output and one result",
         {{"exempt_kinds", ParamType::string_list}}, outputs_results},
        {"workplan.cooperation", Severity::error, "Joint development and implementation, plus joint staffing or financing", {}, cooperation},
        {"workplan.horizontal", Severity::error, "The horizontal principles are addressed",
         {{"exempt_kinds", ParamType::string_list}}, horizontal},
    };
}

}  // namespace interreg::rules
