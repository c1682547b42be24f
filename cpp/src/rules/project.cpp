// project.*: the project's own choices — objective, geography, duration, texts.
#include <algorithm>

#include "interreg/alignment.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

void objective(RuleContext& ctx) {
    const auto& code = ctx.proposal.specific_objective;
    const auto codes = ids_of(ctx.programme.specific_objectives(), &SpecificObjective::code);
    if (code.empty()) {
        ctx.emit("/specific_objective", "Choose the specific objective the project applies under: " +
                                            text::join_choices(codes, ", ") + ".");
    } else if (!ctx.programme.objective(code)) {
        ctx.emit("/specific_objective", "'" + code + "' is not a specific objective of the programme. Choose one of (nearest first): " +
                                            text::join_choices(text::nearest(code, codes, codes.size()), ", ") + ".");
    }
}

void geography(RuleContext& ctx) {
    const SubGeography* geo = ctx.programme.sub_geography(ctx.proposal.geography);
    if (!geo) {
        const auto ids = ids_of(ctx.programme.sub_geographies(), &SubGeography::id);
        ctx.emit("/geography", "'" + ctx.proposal.geography + "' is not a sub-geography of the programme. Choose one of: " +
                                   text::join_choices(ids, ", ") + ".");
        return;
    }
    const auto& partners = ctx.proposal.partners;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        const Region* g = ctx.partner_regions[i];
        // Unknown regions and regions outside the area have findings of their own.
        if (!g || g->country != partners[i].country || !ctx.programme.in_area(*g)) continue;
        if (ctx.programme.in_sub_geography(*g, *geo)) continue;
        std::vector<std::string> fitting;
        for (const auto& other : ctx.programme.sub_geographies()) {
            if (ctx.programme.in_sub_geography(*g, other)) fitting.push_back(other.id);
        }
        // Interreg Regulation Art. 22 lets a project involve partners outside its area when the
        // programme approves it: a WARNING that asks for the justification, as for the whole area.
        ctx.emit_warning(partner_path(i) + "/region",
                         partners[i].name + " is in " + g->name + ", which is not part of the sub-geography '" + geo->id +
                             "'. Explain in the application how its participation benefits '" + geo->id +
                             "' (Interreg Regulation Art. 22), move the project to " + text::join_choices(fitting) +
                             ", or choose a partner inside '" + geo->id + "'.");
    }
}

void duration(RuleContext& ctx) {
    const ProjectKind* kind = ctx.programme.project_kind(ctx.proposal.kind);
    if (!kind) {
        ctx.emit("/kind", "'" + ctx.proposal.kind + "' is not a project kind of the programme. Choose one of: " +
                              text::join_choices(ids_of(ctx.programme.project_kinds(), &ProjectKind::id), ", ") + ".");
        return;
    }
    // The limit is a fact of the project kind: cite the page that states it (pre-projects have their own).
    if (!ctx.proposal.duration_months) {
        ctx.emit_citing(kind->source, "/duration_months", "Give the project's duration in months (at most " +
                                                              std::to_string(kind->max_duration_months) + " for a " + kind->id + ").");
    } else if (*ctx.proposal.duration_months > kind->max_duration_months) {
        ctx.emit_citing(kind->source, "/duration_months",
                        "The project runs " + std::to_string(*ctx.proposal.duration_months) + " months; a " + kind->id +
                            " may run at most " + std::to_string(kind->max_duration_months) + ". Shorten it.");
    }
}

// The size of the whole project against its kind's limits, where the kind states them; the
// findings cite the page that states the kind (project.duration reports an unknown kind).
void kind_limits(RuleContext& ctx) {
    const ProjectKind* kind = ctx.programme.project_kind(ctx.proposal.kind);
    if (!kind) return;
    const auto& partners = ctx.proposal.partners;
    const auto counted = static_cast<int>(std::count_if(partners.begin(), partners.end(),
                                                        [](const Partner& p) { return p.role != Role::associated; }));
    const std::string a_kind = "a " + kind->id + " project";
    if (kind->min_partners && counted < *kind->min_partners) {
        ctx.emit_citing(kind->source, "/partners",
                        "The project has " + std::to_string(counted) + " partner(s) besides associated ones; " + a_kind +
                            " has at least " + std::to_string(*kind->min_partners) + ". Add partners.");
    }
    if (kind->max_partners && counted > *kind->max_partners) {
        ctx.emit_citing(kind->source, "/partners",
                        "The project has " + std::to_string(counted) + " partners besides associated ones; " + a_kind +
                            " has at most " + std::to_string(*kind->max_partners) +
                            ". Make some of them associated partners, or apply as another kind of project.");
    }
    if (kind->total_budget_cap && ctx.budget && ctx.budget->costs.total > *kind->total_budget_cap) {
        const Money total = ctx.budget->costs.total;
        ctx.emit_citing(kind->source, "/partners",
                        "The project's total budget is " + total.to_string() + " EUR; " + a_kind + " may budget at most " +
                            kind->total_budget_cap->to_string() + " EUR in total (over by " +
                            (total - *kind->total_budget_cap).to_string() +
                            "). Lower the partners' budgets, or apply as another kind of project.");
    }
}

void texts(RuleContext& ctx) {
    const auto title_max = ctx.param("title_max").get<std::size_t>();
    const auto summary_max = ctx.param("summary_max").get<std::size_t>();
    const auto& p = ctx.proposal;
    if (p.acronym.find_first_not_of(" \t") == std::string::npos) {
        ctx.emit("/acronym", "Give the project an acronym (a short name used everywhere in the application).");
    }
    const bool has_title = std::any_of(p.title.begin(), p.title.end(), [](const auto& t) {
        return t.second.find_first_not_of(" \t\r\n") != std::string::npos;
    });
    if (!has_title) ctx.emit("/title", "Give the project a title (at most " + std::to_string(title_max) + " characters).");
    for (const auto& [lang, text] : p.title) {
        const auto n = text::utf8_length(text);
        if (n > title_max) {
            ctx.emit("/title/" + lang, "The title has " + std::to_string(n) + " characters; the application system takes " +
                                           std::to_string(title_max) + ". Shorten it.");
        }
    }
    for (const auto& [lang, text] : p.summary) {
        const auto n = text::utf8_length(text);
        if (n > summary_max) {
            ctx.emit("/summary/" + lang, "The summary has " + std::to_string(n) +
                                             " characters; the application system takes " + std::to_string(summary_max) +
                                             ". Shorten it by " + std::to_string(n - summary_max) + ".");
        }
    }
}

// The chosen objective should be among the best fits of the proposal's own words
// (docs/alignment.md); texts too short to say anything are not judged.
void objective_fit(RuleContext& ctx) {
    const SpecificObjective* chosen = ctx.programme.objective(ctx.proposal.specific_objective);
    if (!chosen) return;  // project.objective
    const ObjectiveIndex& index = ctx.programme.objective_index();
    const std::string text = alignment_text(ctx.proposal);
    std::size_t known = 0;
    for (const auto& [term, words] : index.query_terms(text)) known += index.knows(term);
    if (known < ctx.param("min_terms").get<std::size_t>()) return;
    const auto ranking = index.rank(text);
    const auto top = std::clamp<std::size_t>(ctx.param("top").get<std::size_t>(), 1, ranking.size());
    const auto place = std::find_if(ranking.begin(), ranking.end(), [&](const ObjectiveScore& s) { return s.code == chosen->code; });
    if (place->score >= ranking[top - 1].score) return;  // among the best (ties count)
    std::string better;
    for (std::size_t i = 0; i < top; ++i) {
        std::vector<std::string> words;
        for (const auto& t : ranking[i].matched_terms) {
            if (words.size() < 3) words.push_back(t.words.front());
        }
        better += (i ? "; " : "") + ranking[i].code + " (" + text::join_choices(words, ", ") + ")";
    }
    ctx.emit("/specific_objective",
             "The proposal's texts read more like " + better + " than like the chosen " + chosen->code +
                 " (ranked " + std::to_string(place - ranking.begin() + 1) + " of " + std::to_string(ranking.size()) +
                 "). Check that " + chosen->code + " is the right objective, or describe the project in its terms.");
}

}  // namespace

// The project's dates within the dates expenditure can be eligible (CPR Art. 63(2): from
// 1 January 2021 to 31 December 2029; a programme may set narrower ones).
void period(RuleContext& ctx) {
    const auto& p = ctx.proposal;
    if (!p.start) return;
    const Date first = ctx.date_param("first_date"), last = ctx.date_param("last_date");
    if (*p.start < first) {
        ctx.emit("/start", "The project starts on " + p.start->to_string() + ", before " + first.to_string() +
                               ", the first day costs can be eligible. Start on or after it.");
    }
    // A project is approved after its call closes, and costs before the approved start date
    // are not eligible (programme manual ch. 4): such a start date cannot be kept.
    const Call* call = effective_call(ctx.programme, p);
    if (call && call->closes && *p.start <= *call->closes) {
        ctx.emit_warning("/start", "The project starts on " + p.start->to_string() + ", but call " + call->id + " closes on " +
                                       call->closes->to_string() + " and its projects are approved after that. Costs "
                                       "before the approved start date are not eligible (programme manual ch. 4): start "
                                       "after the call's decision.",
                         call->source.assumed);
    }
    if (!p.duration_months) return;
    const Date end = p.start->add_months(*p.duration_months).day_before();
    if (last < end) {
        ctx.emit("/duration_months", "The project ends on " + end.to_string() + ", after " + last.to_string() +
                                         ", the last day costs can be eligible. Shorten it or start earlier.");
    }
}

std::vector<RuleDef> project() {
    return {
        {"project.objective", Severity::error, "The specific objective exists in the programme", {}, objective},
        {"project.geography", Severity::error, "Partners lie in the chosen sub-geography", {}, geography},
        {"project.duration", Severity::error, "The duration is within the limit of the project kind", {}, duration},
        {"project.kind-limits", Severity::error, "Partners and total budget within the project kind's limits", {},
         kind_limits},
        {"project.period", Severity::error, "The project runs within the dates costs can be eligible",
         {{"first_date", ParamType::date}, {"last_date", ParamType::date}}, period},
        {"project.texts", Severity::error, "Acronym present; title and summary within the system's limits",
         {{"title_max", ParamType::integer}, {"summary_max", ParamType::integer}}, texts},
        {"project.objective-fit", Severity::warning, "The texts fit the chosen specific objective among the best",
         {{"top", ParamType::integer}, {"min_terms", ParamType::integer}}, objective_fit},
    };
}

}  // namespace interreg::rules
