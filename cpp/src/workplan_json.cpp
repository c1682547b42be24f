#include "interreg/workplan_json.hpp"

#include <algorithm>

#include "edit_support.hpp"
#include "interreg/budget.hpp"
#include "interreg/proposal.hpp"

namespace interreg {
namespace {

using detail::read_decimal;
using oj = nlohmann::ordered_json;

int read_period(const JsonReader& r) { return static_cast<int>(r.integer(1, max_periods)); }
int read_number(const JsonReader& r) { return static_cast<int>(r.integer(1, static_cast<std::int64_t>(max_work_packages))); }

std::vector<std::string> read_ids(const JsonReader& r) {
    std::vector<std::string> out;
    for (const auto& item : r.items(max_partners)) out.push_back(item.text(field::item_id));
    return out;
}

template <class T>
oj or_null(const std::optional<T>& v) {
    return v ? oj(*v) : oj(nullptr);
}

[[noreturn]] void refuse_activity_id(const JsonReader& work_package, std::size_t index, const std::string& id) {
    work_package.at("activities").items(max_activities)[index].at("id").fail("activity id '" + id + "' is used twice");
}

}  // namespace

ProjectObjective read_objective(const JsonReader& r) {
    r.expect_object({"id", "text"});
    return {r.at("id").text(field::item_id), r.at("text").text(field::narrative)};
}

Activity read_activity(const JsonReader& r) {
    r.expect_object({"id", "title", "start_period", "end_period", "partners", "deliverables", "predecessors"});
    Activity a;
    a.id = r.at("id").text(field::item_id);
    a.title = r.at("title").text(field::item_title);
    a.start_period = read_period(r.at("start_period"));
    a.end_period = read_period(r.at("end_period"));
    if (auto p = r.find("partners")) a.partners = read_ids(*p);
    if (auto ds = r.find("deliverables")) {
        for (const auto& d : ds->items(max_activities)) {
            d.expect_object({"title", "period"});
            a.deliverables.push_back({d.at("title").text(field::item_title), read_period(d.at("period"))});
        }
    }
    if (auto p = r.find("predecessors")) a.predecessors = read_ids(*p);
    return a;
}

WorkPackage read_work_package(const JsonReader& r) {
    r.expect_object({"number", "title", "lead", "objective", "activities"});
    WorkPackage wp;
    wp.number = read_number(r.at("number"));
    wp.title = r.at("title").text(field::item_title);
    if (auto l = r.find("lead")) wp.lead = l->text(field::item_id);
    if (auto o = r.find("objective")) wp.objective = o->text(field::item_id);
    if (auto acts = r.find("activities")) {
        for (const auto& a : acts->items(max_activities)) {
            Activity activity = read_activity(a);
            for (const auto& earlier : wp.activities) {
                if (earlier.id == activity.id) a.at("id").fail("activity id '" + activity.id + "' is used twice");
            }
            wp.activities.push_back(std::move(activity));
        }
    }
    return wp;
}

Output read_output(const JsonReader& r) {
    r.expect_object({"indicator", "target", "period", "work_package"});
    Output out{r.at("indicator").text(field::indicator), read_decimal(r.at("target"), &Units::parse),
               read_period(r.at("period")), std::nullopt};
    if (auto wp = r.find("work_package")) out.work_package = read_number(*wp);
    return out;
}

Result read_result(const JsonReader& r) {
    r.expect_object({"indicator", "baseline", "target", "period"});
    Result result{r.at("indicator").text(field::indicator), Units(), read_decimal(r.at("target"), &Units::parse),
                  read_period(r.at("period"))};
    if (auto b = r.find("baseline")) result.baseline = read_decimal(*b, &Units::parse);
    return result;
}

WorkPlan read_work_plan(const JsonReader& r) {
    r.expect_object({"overall_objective", "objectives", "work_packages", "outputs", "results", "cooperation",
                     "horizontal_principles"});
    WorkPlan w;
    if (auto o = r.find("overall_objective")) w.overall_objective = o->text(field::narrative);
    if (auto os = r.find("objectives")) {
        for (const auto& o : os->items(max_work_packages)) {
            auto objective = read_objective(o);
            if (w.objective(objective.id)) o.at("id").fail("objective id '" + objective.id + "' is used twice");
            w.objectives.push_back(std::move(objective));
        }
    }
    if (auto wps = r.find("work_packages")) {
        for (const auto& item : wps->items(max_work_packages)) {
            WorkPackage wp = read_work_package(item);
            if (w.work_package(wp.number)) item.at("number").fail("work package " + std::to_string(wp.number) + " appears twice");
            for (std::size_t k = 0; k < wp.activities.size(); ++k) {  // unique across the plan: predecessors name them
                if (w.activity(wp.activities[k].id)) refuse_activity_id(item, k, wp.activities[k].id);
            }
            w.work_packages.push_back(std::move(wp));
        }
    }
    if (auto outs = r.find("outputs")) {
        for (const auto& o : outs->items(max_indicators)) w.outputs.push_back(read_output(o));
    }
    if (auto res = r.find("results")) {
        for (const auto& o : res->items(max_indicators)) w.results.push_back(read_result(o));
    }
    if (auto c = r.find("cooperation")) {
        c->expect_object({"joint_development", "joint_implementation", "joint_staffing", "joint_financing"});
        for (const auto& [name, text] : c->members()) {
            if (!text.is_null()) w.cooperation[std::string(name)] = text.text(field::narrative);
        }
    }
    if (auto h = r.find("horizontal_principles")) {
        h->expect_object({"sustainable_development", "equal_opportunities", "gender_equality"});
        for (const auto& [name, value] : h->members()) {
            if (value.is_null()) continue;
            value.expect_object({"effect", "text"});
            Principle principle;
            principle.effect = parse_effect(value.at("effect").choice({"positive", "neutral", "negative"}));
            if (auto t = value.find("text")) principle.text = t->text(field::narrative);
            w.principles[std::string(name)] = principle;
        }
    }
    return w;
}

oj to_json(const ProjectObjective& o) { return oj{{"id", o.id}, {"text", o.text}}; }

oj to_json(const Activity& a) {
    oj deliverables = oj::array();
    for (const auto& d : a.deliverables) deliverables.push_back(oj{{"title", d.title}, {"period", d.period}});
    return oj{{"id", a.id},
              {"title", a.title},
              {"start_period", a.start_period},
              {"end_period", a.end_period},
              {"partners", a.partners},
              {"deliverables", deliverables},
              {"predecessors", a.predecessors}};
}

oj to_json(const WorkPackage& wp) {
    oj activities = oj::array();
    for (const auto& a : wp.activities) activities.push_back(to_json(a));
    return oj{{"number", wp.number}, {"title", wp.title}, {"lead", or_null(wp.lead)},
              {"objective", or_null(wp.objective)}, {"activities", activities}};
}

oj to_json(const Output& o) {
    return oj{{"indicator", o.indicator}, {"target", o.target.to_string()}, {"period", o.period},
              {"work_package", or_null(o.work_package)}};
}

oj to_json(const Result& r) {
    return oj{{"indicator", r.indicator}, {"baseline", r.baseline.to_string()}, {"target", r.target.to_string()},
              {"period", r.period}};
}

oj work_plan_to_json(const WorkPlan& w) {
    oj objectives = oj::array(), wps = oj::array(), outputs = oj::array(), results = oj::array();
    for (const auto& o : w.objectives) objectives.push_back(to_json(o));
    for (const auto& wp : w.work_packages) wps.push_back(to_json(wp));
    for (const auto& o : w.outputs) outputs.push_back(to_json(o));
    for (const auto& r : w.results) results.push_back(to_json(r));
    oj cooperation = oj::object();
    for (const auto& name : cooperation_criteria()) {
        auto it = w.cooperation.find(name);
        cooperation[name] = it == w.cooperation.end() ? oj(nullptr) : oj(it->second);
    }
    oj principles = oj::object();
    for (const auto& name : horizontal_principles()) {
        auto it = w.principles.find(name);
        principles[name] = it == w.principles.end()
                               ? oj(nullptr)
                               : oj{{"effect", std::string(to_string(it->second.effect))}, {"text", it->second.text}};
    }
    return oj{{"overall_objective", w.overall_objective}, {"objectives", objectives}, {"work_packages", wps},
              {"outputs", outputs}, {"results", results}, {"cooperation", cooperation},
              {"horizontal_principles", principles}};
}

}  // namespace interreg
