#pragma once
// Distinct strings numbered in the order first met. Tables of many rows repeat a few values
// (countries, periods, roles) and each name many times: interning lets every check and
// normalisation run once per distinct spelling instead of once per cell.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interreg {

class Interner {
public:
    Interner();
    // The number of `s`, added when new. Rows often repeat the previous row's value (a
    // project's members are listed together), so that is compared first, without hashing.
    std::uint32_t intern(std::string_view s);
    const std::vector<std::string>& values() const { return values_; }
    std::size_t size() const { return values_.size(); }

private:
    void grow();
    std::vector<std::string> values_;
    std::vector<std::uint64_t> hashes_;  // per value, to grow without hashing the text again
    std::vector<std::uint64_t> slots_;   // open addressing: 0 empty, else hash tag | value number + 1
    std::uint32_t last_ = UINT32_MAX;
};

}  // namespace interreg
