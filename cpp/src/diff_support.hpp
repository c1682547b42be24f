#pragma once
// The pieces of the diff (diff.hpp) that are not part of the API: aligning two lists of
// records, and walking two canonical documents.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/diff.hpp"

namespace interreg::diff_detail {

// One step of an alignment: a record of both lists (a pair), of the before list only
// (removed) or of the after list only (added). An alignment lists every record of both
// lists exactly once, in document order.
struct Step {
    std::optional<std::size_t> before, after;
};
using Steps = std::vector<Step>;

// The steps for a matching given as after record → before record: the after list's order,
// each removed record placed before the first pair whose before record comes after it, and
// before the added records beside it.
Steps steps_of_matching(const std::vector<std::optional<std::size_t>>& before_of_after, std::size_t before_count);

// Records with the same key paired (the first unpaired one when a key repeats); no key ("")
// never pairs.
Steps align_by_key(const std::vector<std::string>& before, const std::vector<std::string>& after);

// Records in sequence (budget lines): the longest common subsequence of the keys pairs records,
// then records between two such pairs pair by position; the rest are removed or added. An
// insertion in the middle leaves every later record paired with itself.
Steps align_sequence(const std::vector<std::string>& before, const std::vector<std::string>& after);

// Records paired by position.
Steps align_positions(std::size_t before_count, std::size_t after_count);

// Partners ("partners" arrays of two documents): same id and organisation name key; then the
// same name key (renumbered: PP3 is PP2 once PP2 left); then the same id (renamed in place).
Steps align_partners(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after);

// Where a before path's records went: the before path of every paired record whose after path
// differs → its after path, and of every removed record → "" (gone).
using PathMap = std::unordered_map<std::string, std::string>;

// A before document's path in after's terms (the longest mapped prefix replaced); a path
// inside a removed record becomes a text no after path equals.
std::string translate_path(const PathMap& paths, const std::string& before_path);

struct DocumentChanges {
    std::vector<Change> changes;
    Steps partners;  // the partner alignment
    PathMap paths;
};

DocumentChanges compare_documents(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after);

}  // namespace interreg::diff_detail
