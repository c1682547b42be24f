#pragma once
// The part of budget.exchange-rate that judges the proposal's own rates (not part of the API).
#include "interreg/rules.hpp"

namespace interreg::rules {

// Each rate the proposal gives is dated, recent, the right way round and within the band of
// the programme's reference rate. A rate the programme fixes is trusted.
void check_proposal_rates(RuleContext& ctx);

}  // namespace interreg::rules
