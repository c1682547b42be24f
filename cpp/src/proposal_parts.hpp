#pragma once
// The proposal reader in parts (proposal_json.cpp), for a caller that reads a document piece by
// piece and keeps the rest from an earlier reading (sweep.cpp). Together they are exactly
// proposal_from_json: the header, then each partner in order, then the work plan.
#include "interreg/json_reader.hpp"
#include "interreg/proposal.hpp"

namespace interreg::detail {

// Every top-level key but "partners" and "work_plan" (which may be absent from `root`).
Proposal read_proposal_header(const JsonReader& root);
// One partner as the document holds it (the values' types and forms)...
Partner read_partner(const JsonReader& r);
// ...checked whole (edit.hpp add_partner: its fields, lines against its flat rates, a unique id)
// and added after those already in `p`, errors at `r`'s path.
void add_read_partner(Proposal& p, Partner partner, const JsonReader& r);

}  // namespace interreg::detail
