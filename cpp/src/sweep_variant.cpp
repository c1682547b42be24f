#include "sweep_variant.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "edit_support.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/workplan_json.hpp"
#include "proposal_parts.hpp"

namespace interreg::detail {
namespace {

using Json = nlohmann::json;
using Tokens = std::vector<std::string>;
constexpr DocumentKind kind = DocumentKind::proposal;

// RFC 6901: "/a~1b/0" → {"a/b", "0"}.
Tokens split_pointer(const std::string& pointer) {
    if (pointer.empty()) throw ArgumentError(pointer, "the whole document cannot be changed; name a part of it");
    if (pointer[0] != '/') throw ArgumentError(pointer, "a JSON Pointer starts with '/' (\"/partners/0/name\")");
    Tokens out;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            out.push_back(std::move(token));
            token.clear();
        } else if (pointer[i] == '~') {
            const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
            if (next != '0' && next != '1') throw ArgumentError(pointer, "'~' must be followed by 0 or 1 (RFC 6901)");
            token += next == '0' ? '~' : '/';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return out;
}

// An array index as RFC 6901 writes it: digits, no leading zero.
std::optional<std::size_t> array_index(const std::string& token) {
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return std::nullopt;
    if (!std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return static_cast<std::size_t>(std::stoul(token));
}

std::string pointer_of(const Tokens& tokens, std::size_t to) {
    std::string out;
    for (std::size_t i = 0; i < to; ++i) out = pointer_append(out, tokens[i]);
    return out;
}

// The value tokens[from..to) lead to from `root`, or nullptr.
template <class J>
J* walk(J& root, const Tokens& tokens, std::size_t from, std::size_t to) {
    J* at = &root;
    for (std::size_t i = from; i < to; ++i) {
        if (at->is_object()) {
            auto it = at->find(tokens[i]);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            const auto index = array_index(tokens[i]);
            if (!index || *index >= at->size()) return nullptr;
            at = &(*at)[*index];
        } else {
            return nullptr;
        }
    }
    return at;
}

// A change inside what another change of the same variant replaced or removed.
[[noreturn]] void no_place(const std::string& pointer) {
    throw FormatError(pointer, "this variant's document has no such place (another of its changes replaced or removed it)");
}
[[noreturn]] void no_place(const Tokens& tokens) { no_place(pointer_of(tokens, tokens.size())); }

// An array element the variant removes, applied after its other changes.
struct Removal {
    Json* document;
    const Tokens* tokens;
    std::size_t from;
};

// Sets (or, for null at an array element, schedules the removal of) the value at
// tokens[from..] within `document`.
void change(Json& document, const Tokens& tokens, std::size_t from, const Json& value, std::vector<Removal>& removals) {
    if (from == tokens.size()) {
        document = value;
        return;
    }
    Json* parent = walk(document, tokens, from, tokens.size() - 1);
    if (!parent) no_place(tokens);
    const std::string& last = tokens.back();
    if (parent->is_object()) {
        (*parent)[last] = value;
    } else if (parent->is_array()) {
        if (last == "-") {
            parent->push_back(value);
            return;
        }
        const auto index = array_index(last);
        if (!index || *index >= parent->size()) no_place(tokens);
        if (value.is_null()) {
            removals.push_back({&document, &tokens, from});
        } else {
            (*parent)[*index] = value;
        }
    } else {
        no_place(tokens);
    }
}

// Each array's elements from the highest index down, so that every index names the base's element.
void remove_all(std::vector<Removal>& removals) {
    std::vector<std::pair<Json*, std::size_t>> places;
    for (const Removal& r : removals) {
        Json* parent = walk(*r.document, *r.tokens, r.from, r.tokens->size() - 1);
        const auto index = array_index(r.tokens->back());
        if (!parent || !parent->is_array() || *index >= parent->size()) no_place(*r.tokens);
        places.emplace_back(parent, *index);
    }
    std::sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    places.erase(std::unique(places.begin(), places.end()), places.end());
    for (const auto& [parent, index] : places) parent->erase(index);
}

Json without_lines(const Json& partner) {
    Json out = Json::object();
    for (auto it = partner.begin(); it != partner.end(); ++it) {
        if (it.key() != "budget" || !it->is_object()) {
            out[it.key()] = *it;
            continue;
        }
        Json& budget = out["budget"] = Json::object();
        for (auto b = it->begin(); b != it->end(); ++b) {
            if (b.key() != "lines") budget[b.key()] = *b;
        }
    }
    return out;
}

}  // namespace

VariantReader::VariantReader(const Proposal& base, const SweepVariants& variants)
    : variants_(variants),
      document_(proposal_to_json(base)),
      compact_(JsonDocument::from(document_)),
      base_(proposal_from_json(compact_.root())) {
    for (const JsonValue partner : compact_.root().find("partners")->second.items()) compact_partners_.push_back(partner);
    for (auto it = document_.begin(); it != document_.end(); ++it) {
        if (it.key() != "partners" && it.key() != "work_plan") header_[it.key()] = *it;
    }
    for (const Json& partner : document_.at("partners")) partner_heads_.push_back(without_lines(partner));
    base_header_ = base_;
    base_header_.partners.clear();
    base_header_.work_plan = {};
    for (const auto& pointer : variants.pointers) targets_.push_back(target(pointer));
    for (const auto& variant : variants.variants) {
        for (const auto& [pointer, value] : variant) {
            const Target& t = targets_.at(pointer);
            if (t.tokens.back() == "-" && variants.values.at(value).is_null()) {
                throw ArgumentError(variants.pointers[pointer], "null removes a value; '-' names none (give a value to append)");
            }
        }
    }
}

VariantReader::Target VariantReader::target(const std::string& pointer) const {
    Target t;
    t.tokens = split_pointer(pointer);
    const Json* parent = walk(document_, t.tokens, 0, t.tokens.size() - 1);
    if (!parent || !(parent->is_object() || parent->is_array())) {
        throw ArgumentError(pointer, "the proposal's document has no object or list at " +
                                         (t.tokens.size() == 1 ? std::string("its root") : pointer_of(t.tokens, t.tokens.size() - 1)));
    }
    if (parent->is_array() && t.tokens.back() != "-") {
        const auto index = array_index(t.tokens.back());
        if (!index || *index >= parent->size()) {
            throw ArgumentError(pointer, "the list there has " + std::to_string(parent->size()) +
                                             " elements: give an index below " + std::to_string(parent->size()) +
                                             " (counting from 0), or '-' to append");
        }
    }
    const Tokens& k = t.tokens;
    if (k[0] == "partners") {
        if (k.size() == 1) {
            t.unit = Unit::whole;
        } else if (k[1] == "-") {
            t.unit = Unit::new_partner;
            t.depth = 2;
        } else {
            t.unit = Unit::partner;
            t.partner = *array_index(k[1]);
            t.depth = 2;
            t.lines = k.size() == 2 || (k[2] == "budget" && (k.size() == 3 || k[3] == "lines"));
        }
    } else if (k[0] == "work_plan") {
        t.unit = Unit::work_plan;
        t.depth = 1;
    }
    return t;
}

Proposal VariantReader::read_whole(const std::vector<std::pair<std::size_t, std::size_t>>& variant) const {
    Json document = document_;
    std::vector<Removal> removals;
    for (const auto& [pointer, value] : variant) change(document, targets_[pointer].tokens, 0, variants_.values[value], removals);
    remove_all(removals);
    return proposal_from_json(document);
}

Proposal VariantReader::read(const std::vector<std::pair<std::size_t, std::size_t>>& variant) const {
    const bool whole = std::any_of(variant.begin(), variant.end(),
                                   [&](const auto& change) { return targets_[change.first].unit == Unit::whole; });
    if (whole) return read_whole(variant);

    // The documents of the parts the variant changes, each a copy of the base's.
    std::optional<Json> header, work_plan;
    std::map<std::size_t, Json> partners;  // base index → document
    std::set<std::size_t> removed, with_lines;
    std::vector<const Json*> appended;
    std::vector<Removal> removals;
    for (const auto& [pointer, value] : variant) {
        const Target& t = targets_[pointer];
        if (t.unit == Unit::partner && t.lines) with_lines.insert(t.partner);
    }
    for (const auto& [pointer, value_index] : variant) {
        const Target& t = targets_[pointer];
        const Json& value = variants_.values[value_index];
        switch (t.unit) {
            case Unit::header:
                if (!header) header = header_;
                change(*header, t.tokens, t.depth, value, removals);
                break;
            case Unit::work_plan:
                if (!work_plan) {  // absent from a proposal without one: null, as the reader takes it
                    work_plan = document_.contains("work_plan") ? document_.at("work_plan") : Json();
                }
                change(*work_plan, t.tokens, t.depth, value, removals);
                break;
            case Unit::new_partner:
                appended.push_back(&value);
                break;
            case Unit::partner:
                if (t.depth == t.tokens.size() && value.is_null()) {
                    removed.insert(t.partner);
                    break;
                }
                {
                    auto it = partners.find(t.partner);
                    if (it == partners.end()) {
                        const bool lines = with_lines.count(t.partner) > 0;
                        it = partners.emplace(t.partner, lines ? document_.at("partners")[t.partner] : partner_heads_[t.partner]).first;
                    }
                    change(it->second, t.tokens, t.depth, value, removals);
                }
                break;
            case Unit::whole:
                break;
        }
    }
    remove_all(removals);
    for (std::size_t i : removed) {
        if (partners.count(i)) no_place("/partners/" + std::to_string(i));
    }

    Proposal p = base_header_;
    if (header) {
        const JsonDocument document = JsonDocument::from(*header);
        p = read_proposal_header(JsonReader(document.root(), "", kind));
    }
    // A partner's errors name its place in the variant's document.
    const auto partner_path = [&] { return "/partners/" + std::to_string(p.partners.size()); };
    for (std::size_t i = 0; i < base_.partners.size(); ++i) {
        if (removed.count(i)) continue;
        auto it = partners.find(i);
        if (it == partners.end()) {  // read and checked with the base: only its id is new to check
            at_path(JsonReader(compact_partners_[i], partner_path(), kind), [&] { append_partner(p, base_.partners[i]); });
            continue;
        }
        const JsonDocument document = JsonDocument::from(it->second);
        const JsonReader r(document.root(), partner_path(), kind);
        Partner partner = read_partner(r);
        if (with_lines.count(i)) {
            add_read_partner(p, std::move(partner), r);
            continue;
        }
        partner.budget.lines = base_.partners[i].budget.lines;  // as the base read them: checked then
        at_path(r, [&] {
            check_partner(partner, false);
            append_partner(p, std::move(partner));
        });
    }
    for (const Json* value : appended) {
        const JsonDocument document = JsonDocument::from(*value);
        const JsonReader r(document.root(), partner_path(), kind);
        add_read_partner(p, read_partner(r), r);
    }
    if (!work_plan) {
        p.work_plan = base_.work_plan;
    } else if (!work_plan->is_null()) {
        const JsonDocument document = JsonDocument::from(*work_plan);
        p.work_plan = read_work_plan(JsonReader(document.root(), "/work_plan", kind));
    }
    return p;
}

}  // namespace interreg::detail
