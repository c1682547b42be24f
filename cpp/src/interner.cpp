#include "interreg/interner.hpp"

#include <algorithm>
#include <cstring>

namespace interreg {

namespace {

// A multiply-xorshift hash over 8-byte words: distinct names differ somewhere, and one
// multiplication per word is far cheaper than a byte-at-a-time hash.
std::uint64_t hash_bytes(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    std::uint64_t w = 0;
    if (n > 0 && s.size() >= 8) {
        std::memcpy(&w, s.data() + s.size() - 8, 8);  // the last eight bytes: one load, not a call
    } else {
        for (std::size_t k = 0; k < n; ++k) w |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

}  // namespace

Interner::Interner() : slots_(64, 0) {}

// A slot holds the value's number + 1 in its low half and the high half of its hash, so a probe
// touches the text only when the hashes agree.
std::size_t Interner::slot_of(std::string_view s, std::uint64_t h) const {
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0 || ((slot & 0xFFFFFFFF00000000ull) == tag && values_[(slot & 0xFFFFFFFFu) - 1] == s)) return i;
    }
}

std::uint32_t Interner::intern(std::string_view s) {
    if (last_ != UINT32_MAX && values_[last_] == s) return last_;
    const std::uint64_t h = hash_bytes(s);
    const std::size_t i = slot_of(s, h);
    if (slots_[i] != 0) return last_ = static_cast<std::uint32_t>((slots_[i] & 0xFFFFFFFFu) - 1);
    last_ = static_cast<std::uint32_t>(values_.size());
    values_.push_back(text_.keep(s));
    hashes_.push_back(h);
    slots_[i] = (h & 0xFFFFFFFF00000000ull) | (last_ + 1);
    if (2 * values_.size() > slots_.size()) grow();
    return last_;
}

std::optional<std::uint32_t> Interner::find(std::string_view s) const {
    const std::uint64_t slot = slots_[slot_of(s, hash_bytes(s))];
    if (slot == 0) return std::nullopt;
    return static_cast<std::uint32_t>((slot & 0xFFFFFFFFu) - 1);
}

std::size_t Interner::memory_bytes() const {
    return values_.capacity() * sizeof(std::string_view) + hashes_.capacity() * sizeof(std::uint64_t) +
           slots_.capacity() * sizeof(std::uint64_t) + text_.memory_bytes();
}

TextStore Interner::take_text() && {
    TextStore text = std::move(text_);
    *this = Interner();
    return text;
}

std::size_t TextStore::memory_bytes() const {
    std::size_t n = blocks_.capacity() * sizeof(blocks_[0]) + block_sizes_.capacity() * sizeof(std::size_t);
    for (std::size_t size : block_sizes_) n += size;
    return n;
}

void TextStore::adopt(TextStore&& other) {
    for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
    block_sizes_.insert(block_sizes_.end(), other.block_sizes_.begin(), other.block_sizes_.end());
    other = TextStore();
}

std::string_view TextStore::keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
        // 4 KiB first, doubling to 64 KiB: a small store (a draft's budget summary) stays small.
        const std::size_t block = std::size_t{4096} << std::min<std::size_t>(blocks_.size(), 4);
        const std::size_t size = std::max(block, s.size());
        blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed: only kept text is read
        block_sizes_.push_back(size);
        free_ = blocks_.back().get();
        left_ = size;
    }
    std::memcpy(free_, s.data(), s.size());
    const std::string_view kept(free_, s.size());
    free_ += s.size();
    left_ -= s.size();
    return kept;
}

// Twice the slots, every value placed again from its kept hash.
void Interner::grow() {
    slots_.assign(slots_.size() * 2, 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t v = 0; v < values_.size(); ++v) {
        std::size_t i = hashes_[v] & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = (hashes_[v] & 0xFFFFFFFF00000000ull) | (v + 1);
    }
}

}  // namespace interreg
