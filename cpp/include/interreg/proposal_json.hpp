#pragma once
// The proposal document (format "interreg-proposal", version 1) read strictly and written
// deterministically: save → load → save gives the same bytes.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "interreg/json_document.hpp"
#include "interreg/proposal.hpp"
#include "interreg/workplan_json.hpp"

namespace interreg {

inline constexpr int proposal_format_version = 1;

// Throws FormatError naming the JSON path of the first problem.
Proposal proposal_from_json(JsonValue doc);
Proposal proposal_from_json(const nlohmann::json& doc);
Proposal parse_proposal(std::string_view text);
Proposal load_proposal(const std::string& path);  // IoError when unreadable

// The work plan alone, read at the path "/work_plan" (FormatError); written by
// work_plan_to_json (workplan_json.hpp).
WorkPlan work_plan_from_json(const nlohmann::json& doc);

// Every key, in the documented order; unset values are null.
nlohmann::ordered_json proposal_to_json(const Proposal& proposal);
std::string dump_proposal(const Proposal& proposal);  // two-space indent, final newline

// Save through write_file_atomically (files.hpp): the old file or the new one, never half.
void save_proposal(const Proposal& proposal, const std::string& path);

}  // namespace interreg
