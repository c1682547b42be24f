// call.*: what the chosen call accepts.
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

#include <algorithm>

namespace interreg::rules {
namespace {

std::vector<std::string> calls_of_kind(const Programme& programme, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& c : programme.calls()) {
        if (c.kind == kind) out.push_back(c.id);
    }
    return out;
}

void known(RuleContext& ctx) {
    const auto& p = ctx.proposal;
    if (!ctx.programme.project_kind(p.kind)) return;  // project.duration reports the kind
    const auto choices = calls_of_kind(ctx.programme, p.kind);
    if (!p.call) {
        if (!effective_call(ctx.programme, p)) {
            ctx.emit("/call", "Choose the call the proposal is for (" + text::join_choices(choices, ", ") +
                                  "); open objectives and caps depend on it.");
        }
        return;
    }
    const Call* c = ctx.programme.call(*p.call);
    if (!c) {
        ctx.emit("/call", "'" + *p.call + "' is not a call of the programme. Choose one of (nearest first): " +
                              text::join_choices(text::nearest(*p.call, choices, choices.size()), ", ") + ".");
    } else if (c->kind != p.kind) {
        ctx.emit("/call", "Call " + c->id + " is for " + c->kind + " projects, but this proposal is a " + p.kind +
                              ". Choose one of: " + text::join_choices(choices, ", ") + ".");
    }
}

void objective_open(RuleContext& ctx) {
    const Call* c = effective_call(ctx.programme, ctx.proposal);
    const SpecificObjective* o = ctx.programme.objective(ctx.proposal.specific_objective);
    if (!c || !o || c->kind != ctx.proposal.kind) return;  // other rules report these
    const auto& open = c->open_objectives;
    if (std::find(open.begin(), open.end(), o->code) != open.end()) return;
    std::vector<std::string> later;
    for (const auto& other : ctx.programme.calls()) {
        if (other.kind == c->kind && c->opens < other.opens &&
            std::find(other.open_objectives.begin(), other.open_objectives.end(), o->code) != other.open_objectives.end()) {
            later.push_back(other.id);
        }
    }
    // Group the open objectives by priority so the reader sees themes, not only codes.
    std::string open_text;
    for (const auto& pr : ctx.programme.priorities()) {
        std::vector<std::string> codes;
        for (const auto& code : open) {
            if (ctx.programme.objective(code)->priority == pr.id) codes.push_back(code);
        }
        if (codes.empty()) continue;
        open_text += (open_text.empty() ? "" : "; ") + text::join_choices(codes, ", ") + " (" + pr.id + " " + pr.title.at("en") + ")";
    }
    const Priority* own = ctx.programme.priority(o->priority);
    ctx.emit_citing(c->source, "/specific_objective",  // the call's own page lists what it opens
                    o->code + " (" + own->id + " " + own->title.at("en") + ") is not open in call " + c->id +
                        ". Open in this call: " + open_text + ". Choose one of them" +
                        (later.empty() ? "." : ", or apply in call " + text::join_choices(later) + "."));
}

}  // namespace

std::vector<RuleDef> call() {
    return {
        {"call.known", Severity::error, "The call exists and is for this kind of project", {}, known},
        {"call.objective-open", Severity::error, "The specific objective is open in the call", {}, objective_open},
    };
}

}  // namespace interreg::rules
