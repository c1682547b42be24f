// Edits of the work plan (edit.hpp): items are added and changed through the document's own
// readers, so an edit accepts exactly what a file may hold; ids are handed out here.
#include <algorithm>

#include "interreg/choices.hpp"
#include "interreg/edit.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"
#include "interreg/workplan_json.hpp"

namespace interreg {
namespace {

using json = nlohmann::json;

// Where an item is: its kind and its position (the work package's, then the item's in it).
struct Location {
    ItemKind kind;
    std::size_t index = 0;  // in its list; an activity's position in its work package
    std::size_t wp = 0;     // an activity's work package
};

std::string describe(ItemKind kind, const WorkPlan& w, const Location& at) {
    switch (kind) {
        case ItemKind::objective: return "objective " + w.objectives[at.index].id;
        case ItemKind::work_package: return "work package " + std::to_string(w.work_packages[at.index].number);
        case ItemKind::activity: return "activity " + w.work_packages[at.wp].activities[at.index].id;
        case ItemKind::output: return "output " + w.outputs[at.index].indicator;
        case ItemKind::result: return "result " + w.results[at.index].indicator;
    }
    return {};
}

std::string join_ids(const std::vector<std::string>& ids) { return ids.empty() ? "none" : text::join_choices(ids, ", "); }

[[noreturn]] void not_found(const WorkPlan& w, const ItemKey& key) {
    std::vector<std::string> objectives, wps, activities, outputs, results;
    for (const auto& o : w.objectives) objectives.push_back(o.id);
    for (const auto& wp : w.work_packages) {
        wps.push_back(std::to_string(wp.number));
        for (const auto& a : wp.activities) activities.push_back(a.id);
    }
    for (const auto& o : w.outputs) outputs.push_back(o.indicator);
    for (const auto& r : w.results) results.push_back(r.indicator);
    const std::string named = key.id.empty() ? "work package " + std::to_string(*key.number)
                                             : "'" + text::escape_invalid_utf8(key.id) + "'" +
                                                   (key.number ? " of work package " + std::to_string(*key.number) : "");
    throw NotFoundError("no work plan item " + named + "; objectives: " + join_ids(objectives) + "; work packages: " +
                        join_ids(wps) + "; activities: " + join_ids(activities) + "; outputs: " + join_ids(outputs) +
                        "; results: " + join_ids(results));
}

Location locate(const WorkPlan& w, const ItemKey& key) {
    if (key.id.empty()) {
        if (!key.number) throw ArgumentError("item", "name a work plan item by its id, number or indicator code");
        for (std::size_t i = 0; i < w.work_packages.size(); ++i) {
            if (w.work_packages[i].number == *key.number) return {ItemKind::work_package, i};
        }
        not_found(w, key);
    }
    std::vector<Location> found;
    for (std::size_t i = 0; i < w.objectives.size(); ++i) {
        if (w.objectives[i].id == key.id) found.push_back({ItemKind::objective, i});
    }
    for (std::size_t k = 0; k < w.work_packages.size(); ++k) {
        const auto& acts = w.work_packages[k].activities;
        for (std::size_t i = 0; i < acts.size(); ++i) {
            if (acts[i].id == key.id) found.push_back({ItemKind::activity, i, k});
        }
    }
    const std::string code = normalise_indicator(key.id);
    std::vector<Location> outputs;
    for (std::size_t i = 0; i < w.outputs.size(); ++i) {
        const auto& o = w.outputs[i];
        if (normalise_indicator(o.indicator) == code && (!key.number || o.work_package == key.number)) {
            outputs.push_back({ItemKind::output, i});
        }
    }
    if (outputs.size() > 1) {
        std::vector<std::string> wps;
        for (const auto& at : outputs) {
            const auto& wp = w.outputs[at.index].work_package;
            wps.push_back(wp ? std::to_string(*wp) : "none");
        }
        throw ArgumentError("item", code + " is the indicator of " + std::to_string(outputs.size()) +
                                        " outputs (work packages " + text::join_choices(wps, ", ") +
                                        "); name one together with its work package, e.g. ('" + code + "', " + wps[0] + ")");
    }
    found.insert(found.end(), outputs.begin(), outputs.end());
    for (std::size_t i = 0; i < w.results.size(); ++i) {
        if (normalise_indicator(w.results[i].indicator) == code && !key.number) found.push_back({ItemKind::result, i});
    }
    if (found.empty()) not_found(w, key);
    if (found.size() > 1) {
        std::vector<std::string> what;
        for (const auto& at : found) what.push_back(describe(at.kind, w, at));
        throw ArgumentError("item", "'" + key.id + "' names " + text::join_choices(what, " and ") +
                                        "; give one of them another id first");
    }
    return found.front();
}

// The first of pattern(1), pattern(2), ... that `taken` refuses.
template <class Pattern, class Taken>
std::string first_free(Pattern pattern, Taken taken) {
    for (int n = 1;; ++n) {
        if (!taken(pattern(n))) return pattern(n);
    }
}

// `fields` must be an object of a document item's keys (the API's keyword arguments).
const json& object_of(const json& fields) {
    if (!fields.is_object()) throw ArgumentError("", "expected the fields of a work plan item as an object");
    return fields;
}

// Reads `doc` as an item of `kind` exactly as a document's item; errors name the field.
template <class T>
T read_item(T (*read)(const JsonReader&), const json& doc) {
    const JsonDocument document = JsonDocument::from(doc);
    return read(JsonReader(document.root(), "", DocumentKind::argument));
}

void check_count(std::size_t count, std::size_t limit, const std::string& what) {
    if (count >= limit) throw ArgumentError("", "a work plan holds at most " + std::to_string(limit) + " " + what);
}

// Activity ids are unique across the plan; `except` is the work package being replaced.
void check_activity_ids(const WorkPlan& w, const std::vector<Activity>& activities, const WorkPackage* except,
                        const char* field) {
    for (const auto& a : activities) {
        const WorkPackage* owner = w.work_package_of(a.id);
        if (owner && owner != except) {
            throw ArgumentError(field, "activity id '" + a.id + "' is used in work package " + std::to_string(owner->number));
        }
    }
}

// References follow an item that is renamed, and go when it is removed (cascade).
void rename_objective(WorkPlan& w, const std::string& from, const std::string& to) {
    for (auto& wp : w.work_packages) {
        if (wp.objective == from) wp.objective = to;
    }
}

void renumber_work_package(WorkPlan& w, int from, int to) {
    for (auto& o : w.outputs) {
        if (o.work_package == from) o.work_package = to;
    }
}

void rename_activity(WorkPlan& w, const std::string& from, const std::string& to) {
    for (auto& wp : w.work_packages) {
        for (auto& a : wp.activities) std::replace(a.predecessors.begin(), a.predecessors.end(), from, to);
    }
}

void drop_predecessors(WorkPlan& w, const std::vector<std::string>& ids) {
    auto removed = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    for (auto& wp : w.work_packages) {
        for (auto& a : wp.activities) {
            a.predecessors.erase(std::remove_if(a.predecessors.begin(), a.predecessors.end(), removed), a.predecessors.end());
        }
    }
}

}  // namespace

const std::vector<std::string>& item_kind_names() {
    static const std::vector<std::string> names = {"objective", "work_package", "activity", "output", "result"};
    return names;
}

std::string_view to_string(ItemKind kind) { return item_kind_names()[static_cast<std::size_t>(kind)]; }

ItemKind parse_item_kind(std::string_view s) { return parse_choice<ItemKind>(s, item_kind_names(), "kind of work plan item"); }

// ---- texts -----------------------------------------------------------------------------

void set_overall_objective(Proposal& p, std::string text) {
    check_text("overall_objective", text, field::narrative);
    p.work_plan.overall_objective = std::move(text);
}

void set_cooperation(Proposal& p, std::string_view criterion, std::optional<std::string> text) {
    const auto& names = cooperation_criteria();
    if (std::find(names.begin(), names.end(), criterion) == names.end()) {
        throw ArgumentError("cooperation", "unknown criterion '" + text::escape_invalid_utf8(criterion) +
                                               "'; choose one of (nearest first): " +
                                               text::join_choices(text::nearest(criterion, names, names.size()), ", "));
    }
    if (!text) {
        p.work_plan.cooperation.erase(std::string(criterion));
        return;
    }
    check_text(std::string(criterion), *text, field::narrative);
    p.work_plan.cooperation[std::string(criterion)] = std::move(*text);
}

void set_principle(Proposal& p, std::string_view principle, std::optional<Principle> value) {
    const auto& names = horizontal_principles();
    if (std::find(names.begin(), names.end(), principle) == names.end()) {
        throw ArgumentError("principle", "unknown horizontal principle '" + text::escape_invalid_utf8(principle) +
                                             "'; choose one of (nearest first): " +
                                             text::join_choices(text::nearest(principle, names, names.size()), ", "));
    }
    if (!value) {
        p.work_plan.principles.erase(std::string(principle));
        return;
    }
    check_text("text", value->text, field::narrative);
    p.work_plan.principles[std::string(principle)] = std::move(*value);
}

// ---- items -----------------------------------------------------------------------------

ItemKind find_item(const WorkPlan& w, const ItemKey& key) { return locate(w, key).kind; }

ItemKey add_item(Proposal& p, ItemKind kind, const json& fields, std::optional<int> work_package) {
    WorkPlan& w = p.work_plan;
    json doc = object_of(fields);
    auto missing = [&](const char* key) { return !doc.contains(key) || doc[key].is_null(); };
    if (kind != ItemKind::activity && work_package) {
        throw ArgumentError("work_package", "only an activity is added to a work package");
    }
    switch (kind) {
        case ItemKind::objective: {
            check_count(w.objectives.size(), max_work_packages, "objectives");
            if (missing("id")) {
                doc["id"] = first_free([](int n) { return "O" + std::to_string(n); },
                                       [&](const std::string& id) { return w.objective(id) != nullptr; });
            }
            ProjectObjective o = read_item(&read_objective, doc);
            if (w.objective(o.id)) throw ArgumentError("id", "objective id '" + o.id + "' is used already");
            w.objectives.push_back(o);
            return {std::nullopt, o.id};
        }
        case ItemKind::work_package: {
            check_count(w.work_packages.size(), max_work_packages, "work packages");
            if (missing("number")) {
                int highest = 0;
                for (const auto& wp : w.work_packages) highest = std::max(highest, wp.number);
                doc["number"] = highest + 1;
            }
            WorkPackage wp = read_item(&read_work_package, doc);
            if (w.work_package(wp.number)) throw ArgumentError("number", "work package " + std::to_string(wp.number) + " exists already");
            check_activity_ids(w, wp.activities, nullptr, "activities");
            const int number = wp.number;
            w.work_packages.push_back(std::move(wp));
            return {number, {}};
        }
        case ItemKind::activity: {
            if (!work_package) throw ArgumentError("work_package", "an activity needs the number of its work package");
            auto wp = std::find_if(w.work_packages.begin(), w.work_packages.end(),
                                   [&](const WorkPackage& x) { return x.number == *work_package; });
            if (wp == w.work_packages.end()) not_found(w, {work_package, {}});
            check_count(wp->activities.size(), max_activities, "activities in one work package");
            if (missing("id")) {
                const std::string prefix = "A" + std::to_string(*work_package) + ".";
                doc["id"] = first_free([&](int n) { return prefix + std::to_string(n); },
                                       [&](const std::string& id) { return w.activity(id) != nullptr; });
            }
            Activity a = read_item(&read_activity, doc);
            check_activity_ids(w, {a}, nullptr, "id");
            const std::string id = a.id;
            wp->activities.push_back(std::move(a));
            return {std::nullopt, id};
        }
        case ItemKind::output: {
            check_count(w.outputs.size(), max_indicators, "outputs");
            Output o = read_item(&read_output, doc);
            w.outputs.push_back(o);
            return {o.work_package, o.indicator};
        }
        case ItemKind::result: {
            check_count(w.results.size(), max_indicators, "results");
            Result r = read_item(&read_result, doc);
            w.results.push_back(r);
            return {std::nullopt, r.indicator};
        }
    }
    throw ArgumentError("", "unknown kind of work plan item");
}

void update_item(Proposal& p, const ItemKey& key, const json& fields) {
    WorkPlan& w = p.work_plan;
    const Location at = locate(w, key);
    json changes = object_of(fields);
    auto overlay = [&](auto current) {
        json doc = json::parse(to_json(current).dump());
        for (const auto& [name, value] : changes.items()) doc[name] = value;
        return doc;
    };
    switch (at.kind) {
        case ItemKind::objective: {
            ProjectObjective& item = w.objectives[at.index];
            ProjectObjective changed = read_item(&read_objective, overlay(item));
            if (changed.id != item.id && w.objective(changed.id)) {
                throw ArgumentError("id", "objective id '" + changed.id + "' is used already");
            }
            rename_objective(w, item.id, changed.id);
            item = std::move(changed);
            return;
        }
        case ItemKind::work_package: {
            WorkPackage& item = w.work_packages[at.index];
            WorkPackage changed = read_item(&read_work_package, overlay(item));
            if (changed.number != item.number && w.work_package(changed.number)) {
                throw ArgumentError("number", "work package " + std::to_string(changed.number) + " exists already");
            }
            check_activity_ids(w, changed.activities, &item, "activities");
            renumber_work_package(w, item.number, changed.number);
            item = std::move(changed);
            return;
        }
        case ItemKind::activity: {
            std::optional<int> move_to;
            if (changes.contains("work_package")) {  // not a key of the activity: where it lives
                const auto& target = changes["work_package"];
                if (!target.is_number_integer()) throw ArgumentError("work_package", "expected a work package number");
                move_to = target.get<int>();
                changes.erase("work_package");
            }
            Activity& item = w.work_packages[at.wp].activities[at.index];
            Activity changed = read_item(&read_activity, overlay(item));
            if (changed.id != item.id && w.activity(changed.id)) {
                throw ArgumentError("id", "activity id '" + changed.id + "' is used already");
            }
            WorkPackage* destination = nullptr;
            if (move_to && *move_to != w.work_packages[at.wp].number) {
                auto it = std::find_if(w.work_packages.begin(), w.work_packages.end(),
                                       [&](const WorkPackage& x) { return x.number == *move_to; });
                if (it == w.work_packages.end()) not_found(w, {move_to, {}});
                check_count(it->activities.size(), max_activities, "activities in one work package");
                destination = &*it;
            }
            rename_activity(w, item.id, changed.id);
            if (!destination) {
                item = std::move(changed);
                return;
            }
            auto& from = w.work_packages[at.wp].activities;
            from.erase(from.begin() + static_cast<std::ptrdiff_t>(at.index));
            destination->activities.push_back(std::move(changed));
            return;
        }
        case ItemKind::output:
            w.outputs[at.index] = read_item(&read_output, overlay(w.outputs[at.index]));
            return;
        case ItemKind::result:
            w.results[at.index] = read_item(&read_result, overlay(w.results[at.index]));
            return;
    }
}

std::vector<std::string> item_references(const WorkPlan& w, const ItemKey& key) {
    const Location at = locate(w, key);
    std::vector<std::string> out;
    auto predecessor_of = [&](const std::vector<std::string>& ids) {
        for (const auto& wp : w.work_packages) {
            for (const auto& a : wp.activities) {
                if (std::find(ids.begin(), ids.end(), a.id) != ids.end()) continue;  // removed with them
                for (const auto& id : ids) {
                    if (std::find(a.predecessors.begin(), a.predecessors.end(), id) != a.predecessors.end()) {
                        out.push_back("activity " + a.id + " waits for " + id);
                    }
                }
            }
        }
    };
    switch (at.kind) {
        case ItemKind::objective:
            for (const auto& wp : w.work_packages) {
                if (wp.objective == w.objectives[at.index].id) out.push_back("work package " + std::to_string(wp.number) + " serves it");
            }
            break;
        case ItemKind::work_package: {
            const auto& wp = w.work_packages[at.index];
            std::vector<std::string> ids;
            for (const auto& a : wp.activities) ids.push_back(a.id);
            predecessor_of(ids);
            for (const auto& o : w.outputs) {
                if (o.work_package == wp.number) out.push_back("output " + o.indicator + " is delivered by it");
            }
            break;
        }
        case ItemKind::activity:
            predecessor_of({w.work_packages[at.wp].activities[at.index].id});
            break;
        case ItemKind::output:
        case ItemKind::result: break;
    }
    return out;
}

void remove_item(Proposal& p, const ItemKey& key, bool cascade) {
    WorkPlan& w = p.work_plan;
    const Location at = locate(w, key);
    const auto references = item_references(w, key);
    if (!references.empty() && !cascade) {
        throw ArgumentError("", "cannot remove " + describe(at.kind, w, at) + ": " + text::join_choices(references, "; ") +
                                    ". Change those first, or remove it with cascade=True to drop those references too");
    }
    switch (at.kind) {
        case ItemKind::objective: {
            const std::string id = w.objectives[at.index].id;
            w.objectives.erase(w.objectives.begin() + static_cast<std::ptrdiff_t>(at.index));
            for (auto& wp : w.work_packages) {
                if (wp.objective == id) wp.objective.reset();
            }
            return;
        }
        case ItemKind::work_package: {
            std::vector<std::string> ids;
            for (const auto& a : w.work_packages[at.index].activities) ids.push_back(a.id);
            const int number = w.work_packages[at.index].number;
            w.work_packages.erase(w.work_packages.begin() + static_cast<std::ptrdiff_t>(at.index));
            drop_predecessors(w, ids);
            for (auto& o : w.outputs) {
                if (o.work_package == number) o.work_package.reset();
            }
            return;
        }
        case ItemKind::activity: {
            auto& acts = w.work_packages[at.wp].activities;
            const std::string id = acts[at.index].id;
            acts.erase(acts.begin() + static_cast<std::ptrdiff_t>(at.index));
            drop_predecessors(w, {id});
            return;
        }
        case ItemKind::output: w.outputs.erase(w.outputs.begin() + static_cast<std::ptrdiff_t>(at.index)); return;
        case ItemKind::result: w.results.erase(w.results.begin() + static_cast<std::ptrdiff_t>(at.index)); return;
    }
}

}  // namespace interreg
