#pragma once
// The intervention logic of a proposal: objectives, work packages with activities and
// deliverables, outputs and results tied to programme indicators, the cooperation criteria
// and the horizontal principles. Stored as given; validation (rules/workplan.cpp) judges.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/money.hpp"

namespace interreg {

struct Deliverable {
    std::string title;
    int period = 1;  // reporting period it is delivered in (1-based)
};

struct Activity {
    std::string id;  // unique in the work plan, e.g. "A1.1"
    std::string title;
    int start_period = 1;
    int end_period = 1;
    std::vector<std::string> partners;      // partner ids taking part
    std::vector<Deliverable> deliverables;
    std::vector<std::string> predecessors;  // activity ids that must finish first
};

struct WorkPackage {
    int number = 1;
    std::string title;
    std::optional<std::string> lead;       // partner id
    std::optional<std::string> objective;  // id of a project objective
    std::vector<Activity> activities;
};

struct ProjectObjective {
    std::string id;  // "O1"
    std::string text;
};

struct Output {
    std::string indicator;  // programme output indicator code, e.g. "RCO84"
    Units target;
    int period = 1;
    std::optional<int> work_package;  // number of the work package that delivers it
};

struct Result {
    std::string indicator;  // programme result indicator code, e.g. "RCR104"
    Units baseline;
    Units target;
    int period = 1;
};

enum class Effect { positive, neutral, negative };
std::string_view to_string(Effect e);
Effect parse_effect(std::string_view s);  // ArgumentError listing the choices

struct Principle {
    Effect effect = Effect::neutral;
    std::string text;  // why; required unless neutral
};

// The programme's names for the cooperation criteria and horizontal principles.
const std::vector<std::string>& cooperation_criteria();  // joint_development, joint_implementation, joint_staffing, joint_financing
const std::vector<std::string>& horizontal_principles();  // sustainable_development, equal_opportunities, gender_equality

struct WorkPlan {
    std::string overall_objective;
    std::vector<ProjectObjective> objectives;
    std::vector<WorkPackage> work_packages;
    std::vector<Output> outputs;
    std::vector<Result> results;
    std::map<std::string, std::string> cooperation;  // criterion → how the project meets it
    std::map<std::string, Principle> principles;     // principle → effect and text

    bool empty() const {
        return overall_objective.empty() && objectives.empty() && work_packages.empty() && outputs.empty() &&
               results.empty() && cooperation.empty() && principles.empty();
    }
    const ProjectObjective* objective(std::string_view id) const;
    const Activity* activity(std::string_view id) const;
    const WorkPackage* work_package(int number) const;
    // The work package an activity belongs to; nullptr when no activity has that id.
    const WorkPackage* work_package_of(std::string_view activity_id) const;
};

// Limits of the format (docs/limits.md).
inline constexpr std::size_t max_work_packages = 50;
inline constexpr std::size_t max_activities = 200;  // per work package
inline constexpr std::size_t max_indicators = 200;  // outputs, results

// "RCO84", "rco084", "RCO 84" → "RCO84"; "RCO1", "rco001" → "RCO01" (at least two digits, as
// the common indicators are numbered); other text is returned unchanged (trimmed).
std::string normalise_indicator(std::string_view code);

}  // namespace interreg
