#pragma once
// A synthetic cooperation history at the scale of the public databases of Interreg projects,
// for tests and benchmarks. Seeded and reproducible on every platform (its own generator, no
// std:: distributions). Skewed like real data: project sizes 2-35 (most small), organisations
// joining by preferential attachment within their country (a few hubs, many one-off
// participants), cross-border projects of eight programme areas around the Nordic and Baltic
// seas, four programme periods.
#include <cstdint>
#include <functional>
#include <memory>

#include "interreg/history.hpp"

namespace interreg {

struct SyntheticOptions {
    std::uint64_t seed = 1;
    std::uint32_t projects = 30000;
    // Share (per thousand) of participations that bring a new organisation; the rest pick an
    // organisation of the country in proportion to its earlier participations.
    std::uint32_t new_per_thousand = 420;
};

// Hands the rows to `sink` in project order (the first row of a project is its lead partner).
void synthetic_rows(const SyntheticOptions& options, const std::function<void(const ParticipationRow&)>& sink);
std::shared_ptr<const History> synthetic_history(const SyntheticOptions& options);

}  // namespace interreg
