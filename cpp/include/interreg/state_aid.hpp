#pragma once
// What the library knows about a partner for State aid, in one place for the rules, the Python
// API and the exports (docs/rules.md#state-aid).
#include <optional>

#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

// Whether the partner carries out an economic activity: what it says, else the default of its
// organisation type in the programme (ÖKS: a company yes, a public authority no); nullopt when
// neither tells.
std::optional<bool> economic_activity(const Programme& programme, const Partner& partner);

}  // namespace interreg
