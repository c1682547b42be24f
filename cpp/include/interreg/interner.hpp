#pragma once
// Distinct strings numbered in the order first met. Tables of many rows repeat a few values
// (countries, periods, roles) and each name many times: interning lets every check and
// normalisation run once per distinct spelling instead of once per cell.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace interreg {

// Text kept in blocks that never move: one allocation for many strings, and one to free. A view
// of kept text stays valid as long as the store that holds its block (moves included).
class TextStore {
public:
    TextStore() = default;
    TextStore(TextStore&&) noexcept = default;  // the blocks do not move: views stay valid
    TextStore& operator=(TextStore&&) noexcept = default;
    TextStore(const TextStore&) = delete;  // a copy would leave the views pointing at the original
    TextStore& operator=(const TextStore&) = delete;

    std::string_view keep(std::string_view s);
    // The parts kept as one text.
    std::string_view keep(std::initializer_list<std::string_view> parts);
    // `other`'s blocks join these (its views stay valid); `other` is left empty.
    void adopt(TextStore&& other);
    std::size_t memory_bytes() const;

private:
    char* room(std::size_t bytes);  // where `bytes` more may be written
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::size_t> block_sizes_;
    char* free_ = nullptr;
    std::size_t left_ = 0;
};

class Interner {
public:
    Interner();
    // The number of `s`, added when new. Rows often repeat the previous row's value (a
    // project's members are listed together), so that is compared first, without hashing.
    std::uint32_t intern(std::string_view s);
    // The numbers of n texts, in order (numbers[i] = intern(texts[i])), faster than one by one.
    void intern_all(const std::string_view* texts, std::size_t n, std::uint32_t* numbers);
    // The number of `s`, or nullopt when it was never interned.
    std::optional<std::uint32_t> find(std::string_view s) const;
    // The values by number; each view stays valid as long as the interner.
    const std::vector<std::string_view>& values() const { return values_; }
    std::size_t size() const { return values_.size(); }
    std::size_t memory_bytes() const;  // its arrays and blocks, exactly
    // The values' text, taken out to outlive the interner (values() views stay valid as long as
    // the store); the interner is left empty.
    TextStore take_text() &&;

private:
    std::size_t slot_of(std::string_view s, std::uint64_t hash) const;
    std::uint32_t intern(std::string_view s, std::uint64_t hash);
    void grow();
    std::vector<std::string_view> values_;  // views of text_
    std::vector<std::uint64_t> hashes_;     // per value, to grow without hashing the text again
    std::vector<std::uint64_t> slots_;      // open addressing: 0 empty, else hash tag | value number + 1
    TextStore text_;
    std::uint32_t last_ = UINT32_MAX;
};

}  // namespace interreg
