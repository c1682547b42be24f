// libFuzzer target: what `interreg validate` and a notebook do with a proposal file — read it,
// validate it against the embedded programme and summarise its budget. Only the library's
// own errors may come out of reading and summarising; validation itself never throws.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"

namespace {

const interreg::Programme& programme() {
    static const std::shared_ptr<const interreg::Programme> p = interreg::Programme::load(INTERREG_PROGRAMME_FILE);
    return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    interreg::Proposal proposal;
    try {
        proposal = interreg::parse_proposal(text);
    } catch (const interreg::Error&) {
        return 0;
    }
    const interreg::Report report = interreg::validate(programme(), proposal);
    (void)report.ok();
    try {
        (void)interreg::budget_summary_to_json(interreg::summarise_budget(programme(), proposal)).dump();
    } catch (const interreg::ArgumentError&) {
        // a currency without an exchange rate, or a total beyond int64 cents: documented errors
    }
    return 0;
}
