#pragma once
// One variant of a sweep read into a proposal (sweep.hpp), re-reading only what it changes: the
// header (the top-level fields), the partners it touches (their budget lines only when a change
// reaches them), the work plan. What it leaves alone is copied from the base's reading, so a
// variant reads exactly as its whole document would, errors and their paths included.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/proposal.hpp"
#include "interreg/sweep.hpp"

namespace interreg::detail {

class VariantReader {
public:
    // ArgumentError for a pointer the base cannot take (sweep.hpp).
    VariantReader(const Proposal& base, const SweepVariants& variants);

    // The variant's proposal; FormatError when the format refuses it.
    Proposal read(const std::vector<std::pair<std::size_t, std::size_t>>& variant) const;

private:
    using Json = nlohmann::json;
    enum class Unit { header, partner, new_partner, work_plan, whole };
    struct Target {
        std::vector<std::string> tokens;  // the whole pointer, unescaped
        Unit unit = Unit::header;
        std::size_t partner = 0;  // the base's partner, for Unit::partner
        std::size_t depth = 0;    // tokens[depth..] lead into the unit's own document
        bool lines = false;       // reaches a partner's budget lines
    };

    Target target(const std::string& pointer) const;
    Proposal read_whole(const std::vector<std::pair<std::size_t, std::size_t>>& variant) const;

    const SweepVariants& variants_;
    std::vector<Target> targets_;  // one per pointer
    Json document_;                // the base's own document
    JsonDocument compact_;         // the same, as the reader reads it
    std::vector<JsonValue> compact_partners_;
    Json header_;                  // its top-level fields without partners and work plan
    std::vector<Json> partner_heads_;  // each partner's document without its budget lines
    Proposal base_;
    Proposal base_header_;  // the base without partners and work plan
};

}  // namespace interreg::detail
