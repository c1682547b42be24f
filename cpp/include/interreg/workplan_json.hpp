#pragma once
// The work plan's items read from and written to the proposal document, one function per item,
// so that a whole document and an edit of one item (edit.hpp) are read the same way.
#include <nlohmann/json.hpp>

#include "interreg/json_reader.hpp"
#include "interreg/workplan.hpp"

namespace interreg {

// Readers: strict (unknown keys, wrong types, limits), errors at the reader's path.
ProjectObjective read_objective(const JsonReader& r);
WorkPackage read_work_package(const JsonReader& r);  // with its activities (ids unique within it)
Activity read_activity(const JsonReader& r);
Output read_output(const JsonReader& r);
Result read_result(const JsonReader& r);
// The whole work plan; activity ids must be unique across it and work package numbers too.
WorkPlan read_work_plan(const JsonReader& r);

nlohmann::ordered_json to_json(const ProjectObjective& o);
nlohmann::ordered_json to_json(const WorkPackage& wp);
nlohmann::ordered_json to_json(const Activity& a);
nlohmann::ordered_json to_json(const Output& o);
nlohmann::ordered_json to_json(const Result& r);
nlohmann::ordered_json work_plan_to_json(const WorkPlan& work_plan);

}  // namespace interreg
