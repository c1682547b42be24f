#pragma once
// What-if sweeps (docs/sweep.md): variants of one proposal, each a few changes to its document
// named by JSON Pointer; each variant read as the document reader reads a file, its budget
// summarised and validated — on several threads, from one parsed base.
//
// A change sets the value at its pointer: an object member (new or not), an array element, or
// "-", a new element at the end of the array. A null value removes: an array element is taken
// out (the later ones move up), an object member becomes null, which the format reads as not
// given. Pointers name places in the base document: a variant's changes are applied in their
// order, its removals after them from the highest index down, so "/partners/1" and
// "/partners/2" both removed are the base's second and third partners.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/money.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

// At most this many variants in one sweep (ArgumentError beyond).
inline constexpr std::size_t max_sweep_variants = 100'000;  // a row is a few kB once in Python

// The variants of a sweep: the pointers they change, the values they set, and each variant as
// (pointer, value) indices into them.
struct SweepVariants {
    std::vector<std::string> pointers;
    std::vector<nlohmann::json> values;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> variants;
};

// Every combination of the pointers' values (their Cartesian product), the first pointer
// changing slowest, as itertools.product orders them. ArgumentError for a pointer without
// values, a pointer given twice, or more than max_sweep_variants combinations.
SweepVariants sweep_product(std::vector<std::pair<std::string, std::vector<nlohmann::json>>> axes);

// What each variant came to, as columns (one entry per variant, in order).
struct SweepTable {
    // Why the format refuses the variant ("" when it reads): the reader's message with the path
    // in the variant's document. A refused variant has no figures and no counts.
    std::vector<std::string> error;
    // Why its budget cannot be summarised ("" when it can): a currency without a rate.
    std::vector<std::string> budget_error;
    // Money columns in euro, absent (nullopt) where a variant has no such figure: "total" (the
    // project's costs), "fund:F" per fund, "fund:F:C" per fund and country, "contribution" (the
    // partners' own), "contribution:ID" per partner, and "headroom:F" (the project's cap on
    // fund F less its amount; negative when over) for each capped fund.
    std::vector<std::string> money_columns;
    std::vector<std::vector<std::optional<Money>>> money;  // [column][variant]
    std::vector<int> errors, warnings;                     // -1 for a refused variant
};

// Evaluate every variant of `base` (the proposal's own document is the base) with `programme`
// on `workers` threads (0: one per core). ArgumentError names a pointer that is malformed, the
// whole document, or a place whose parent the base does not have.
SweepTable sweep(const Programme& programme, const Proposal& base, const SweepVariants& variants,
                 unsigned workers = 0);

}  // namespace interreg
