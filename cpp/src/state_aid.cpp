#include "interreg/state_aid.hpp"

namespace interreg {

std::optional<bool> economic_activity(const Programme& programme, const Partner& partner) {
    if (partner.economic_activity) return partner.economic_activity;
    const OrgType* type = partner.org_type ? programme.org_type(*partner.org_type) : nullptr;
    return type ? type->economic_activity : std::nullopt;
}

}  // namespace interreg
