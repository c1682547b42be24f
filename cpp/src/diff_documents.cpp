// Walking two canonical proposal documents side by side: objects key by key, lists of records
// aligned by the rule of their place in the document (diff.hpp), everything else as a value.
#include <algorithm>
#include <map>
#include <string_view>

#include "diff_support.hpp"

namespace interreg::diff_detail {
namespace {

using oj = nlohmann::ordered_json;

// Lists of records and how they align, by their place in the document (indices as "*").
enum class Alignment { key, sequence };
struct ListRule {
    std::string_view schema;
    Alignment alignment;
    std::string_view key;  // the field compared
};
constexpr ListRule list_rules[] = {
    {"/partners/*/budget/lines", Alignment::sequence, "description"},
    {"/partners/*/cofinancing/sources", Alignment::sequence, "name"},
    {"/work_plan/objectives", Alignment::key, "id"},
    {"/work_plan/work_packages", Alignment::key, "number"},
    {"/work_plan/work_packages/*/activities", Alignment::key, "id"},
    {"/work_plan/work_packages/*/activities/*/deliverables", Alignment::sequence, "title"},
};

// Places that name partners by id: compared through the partner matching.
constexpr std::string_view reference_schemas[] = {
    "/work_plan/work_packages/*/lead",
    "/work_plan/work_packages/*/activities/*/partners",
};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
           (s.size() == prefix.size() || s[prefix.size()] == '/');
}

std::string section_of(std::string_view schema) {
    if (starts_with(schema, "/partners/*/budget")) return "budget";
    if (starts_with(schema, "/partners/*/cofinancing")) return "co-financing";
    if (starts_with(schema, "/partners")) return "partners";
    if (starts_with(schema, "/exchange_rates")) return "exchange rates";
    if (starts_with(schema, "/work_plan")) return "work plan";
    if (starts_with(schema, "/summary") || starts_with(schema, "/narrative")) return "narrative";
    return "metadata";
}

// A key as a JSON Pointer token (RFC 6901: "~" → "~0", "/" → "~1").
std::string token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string key_text(const oj& record, std::string_view key) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

bool absent(const oj* v) { return v == nullptr || v->is_null(); }

class Walker {
public:
    Walker(const oj& before, const oj& after) {
        static const oj none = oj::array();
        const auto list = [](const oj& doc) -> const oj& {
            const auto it = doc.find("partners");
            return it != doc.end() && it->is_array() ? *it : none;
        };
        const oj& b = list(before);
        const oj& a = list(after);
        out_.partners = align_partners(b, a);
        for (const Step& s : out_.partners) {
            if (!s.before) continue;
            const std::string id = b[*s.before].at("id").get<std::string>();
            // A removed partner's id names nobody in after: "\x01" starts no id.
            const std::string now = s.after ? a[*s.after].at("id").get<std::string>() : "\x01" + id;
            if (now != id) references_stable_ = false;
            partner_ids_[id] = now;
        }
    }

    DocumentChanges run(const oj& before, const oj& after) {
        compare(&before, &after, Where{});
        return std::move(out_);
    }

private:
    struct Where {
        std::string before, after, schema;  // the before and after paths, and the path with "*" for indices
        const oj* partner = nullptr;        // the partner record the path is inside (after's when both)
    };

    static Where field(const Where& w, std::string_view key) {
        const std::string t = "/" + token(key);
        return {w.before + t, w.after + t, w.schema + t, w.partner};
    }
    static Where item(const Where& w, std::size_t b, std::size_t a) {
        return {w.before + "/" + std::to_string(b), w.after + "/" + std::to_string(a), w.schema + "/*", w.partner};
    }

    bool is_reference(std::string_view schema) const {
        return std::find(std::begin(reference_schemas), std::end(reference_schemas), schema) !=
               std::end(reference_schemas);
    }

    // A before partner id in after's terms; an id no partner has stays as it is.
    std::string partner_now(const oj& id) const {
        if (!id.is_string()) return id.dump();
        const auto it = partner_ids_.find(id.get<std::string>());
        return it == partner_ids_.end() ? id.get<std::string>() : it->second;
    }

    bool same_reference(const oj& before, const oj& after) const {
        if (before.is_string() && after.is_string()) return partner_now(before) == after.get<std::string>();
        if (!before.is_array() || !after.is_array() || before.size() != after.size()) return before == after;
        for (std::size_t k = 0; k < before.size(); ++k) {
            if (!after[k].is_string() || partner_now(before[k]) != after[k].get<std::string>()) return false;
        }
        return true;
    }

    void emit(ChangeKind kind, const Where& w, const oj* before, const oj* after) {
        Change c;
        c.kind = kind;
        c.path = kind == ChangeKind::removed ? w.before : w.after;
        if (before) c.before = *before;
        if (after) c.after = *after;
        if (w.partner) {
            c.partner_id = w.partner->at("id").get<std::string>();
            c.partner_name = w.partner->at("name").get<std::string>();
        }
        c.section = section_of(w.schema);
        out_.changes.push_back(std::move(c));
    }

    void compare(const oj* before, const oj* after, const Where& w) {
        if (absent(before) && absent(after)) return;
        if (absent(before)) return emit(ChangeKind::added, w, nullptr, after);
        if (absent(after)) return emit(ChangeKind::removed, w, before, nullptr);
        if (is_reference(w.schema)) {
            if (!same_reference(*before, *after)) emit(ChangeKind::changed, w, before, after);
            return;
        }
        // Equal as a whole is unchanged, unless the work plan's references to partners may have moved.
        const bool look_inside = !references_stable_ && starts_with(w.schema, "/work_plan");
        if (!look_inside && *before == *after) return;
        if (before->is_object() && after->is_object()) return compare_objects(*before, *after, w);
        if (before->is_array() && after->is_array() && records(*before) && records(*after)) {
            return compare_lists(*before, *after, w);
        }
        if (*before != *after) emit(ChangeKind::changed, w, before, after);
    }

    static bool records(const oj& list) {
        return std::all_of(list.begin(), list.end(), [](const oj& v) { return v.is_object(); });
    }

    void compare_objects(const oj& before, const oj& after, const Where& w) {
        for (const auto& [key, value] : after.items()) {
            const auto it = before.find(key);
            compare(it == before.end() ? nullptr : &*it, &value, field(w, key));
        }
        for (const auto& [key, value] : before.items()) {
            if (after.find(key) == after.end()) compare(&value, nullptr, field(w, key));
        }
    }

    Steps align(const oj& before, const oj& after, const Where& w) const {
        if (w.schema == "/partners") return out_.partners;
        for (const ListRule& rule : list_rules) {
            if (rule.schema != w.schema) continue;
            std::vector<std::string> bk, ak;
            for (const auto& r : before) bk.push_back(key_text(r, rule.key));
            for (const auto& r : after) ak.push_back(key_text(r, rule.key));
            return rule.alignment == Alignment::key ? align_by_key(bk, ak) : align_sequence(bk, ak);
        }
        return align_positions(before.size(), after.size());
    }

    void compare_lists(const oj& before, const oj& after, const Where& w) {
        const bool partners = w.schema == "/partners";
        for (const Step& s : align(before, after, w)) {
            Where at = item(w, s.before.value_or(0), s.after.value_or(0));
            if (partners) at.partner = s.after ? &after[*s.after] : &before[*s.before];
            if (s.before && s.after) {
                if (at.before != at.after) out_.paths.emplace(at.before, at.after);
                compare(&before[*s.before], &after[*s.after], at);
            } else if (s.before) {
                out_.paths.emplace(at.before, std::string());
                emit(ChangeKind::removed, at, &before[*s.before], nullptr);
            } else {
                emit(ChangeKind::added, at, nullptr, &after[*s.after]);
            }
        }
    }

    DocumentChanges out_;
    std::map<std::string, std::string> partner_ids_;  // before id → after id
    bool references_stable_ = true;                   // every partner kept its id
};

}  // namespace

DocumentChanges compare_documents(const oj& before, const oj& after) {
    return Walker(before, after).run(before, after);
}

}  // namespace interreg::diff_detail
