#include "interreg/interner.hpp"

#include <algorithm>
#include <cstring>

namespace interreg {

namespace {

std::uint64_t load64(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

std::uint32_t load32(const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}

// A multiply-xorshift hash over 8-byte words: distinct names differ somewhere, and one
// multiplication per word is far cheaper than a byte-at-a-time hash.
std::uint64_t hash_bytes(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) {
        h = (h ^ load64(p)) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    // The rest in one word, by loads that may overlap what was hashed (not byte by byte).
    std::uint64_t w = 0;
    if (n > 0 && s.size() >= 8) {
        w = load64(s.data() + s.size() - 8);
    } else if (n >= 4) {
        w = (std::uint64_t{load32(p)} << 32) | load32(p + n - 4);
    } else if (n > 0) {
        w = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
            static_cast<unsigned char>(p[n - 1]);
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

// a == b, inline for the short texts of tables (a call to memcmp costs more than comparing them).
bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) return load64(p) == load64(q) && load64(p + n - 8) == load64(q + n - 8);
    if (n >= 4) return load32(p) == load32(q) && load32(p + n - 4) == load32(q + n - 4);
    return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
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
        if (slot == 0 || ((slot & 0xFFFFFFFF00000000ull) == tag && same_text(values_[(slot & 0xFFFFFFFFu) - 1], s))) return i;
    }
}

std::uint32_t Interner::intern(std::string_view s) {
    if (last_ != UINT32_MAX && same_text(values_[last_], s)) return last_;
    return last_ = intern(s, hash_bytes(s));
}

std::uint32_t Interner::intern(std::string_view s, std::uint64_t h) {
    const std::size_t i = slot_of(s, h);
    if (slots_[i] != 0) return static_cast<std::uint32_t>((slots_[i] & 0xFFFFFFFFu) - 1);
    const auto number = static_cast<std::uint32_t>(values_.size());
    values_.push_back(text_.keep(s));
    hashes_.push_back(h);
    slots_[i] = (h & 0xFFFFFFFF00000000ull) | (number + 1);
    if (2 * values_.size() > slots_.size()) grow();
    return number;
}

// Each text is hashed and its slot fetched a few texts ahead: the probes of a table larger than
// the caches then wait on memory together instead of one after another.
void Interner::intern_all(const std::string_view* texts, std::size_t n, std::uint32_t* numbers) {
    constexpr std::size_t ahead = 8;
    std::uint64_t hashes[ahead];
    const auto hash_and_fetch = [&](std::size_t i) {
        hashes[i % ahead] = hash_bytes(texts[i]);
        __builtin_prefetch(&slots_[hashes[i % ahead] & (slots_.size() - 1)]);
    };
    for (std::size_t i = 0; i < std::min(n, ahead); ++i) hash_and_fetch(i);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t h = hashes[i % ahead];
        if (i + ahead < n) hash_and_fetch(i + ahead);
        // A table's rows often repeat the value above (a project's members listed together).
        numbers[i] = i > 0 && same_text(texts[i], texts[i - 1]) ? numbers[i - 1] : intern(texts[i], h);
    }
    if (n > 0) last_ = numbers[n - 1];
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

char* TextStore::room(std::size_t bytes) {
    if (bytes > left_) {
        // 4 KiB first, doubling to 64 KiB: a small store (a draft's budget summary) stays small.
        const std::size_t block = std::size_t{4096} << std::min<std::size_t>(blocks_.size(), 4);
        const std::size_t size = std::max(block, bytes);
        blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed: only kept text is read
        block_sizes_.push_back(size);
        free_ = blocks_.back().get();
        left_ = size;
    }
    return free_;
}

std::string_view TextStore::keep(std::string_view s) {
    return keep({s});
}

std::string_view TextStore::keep(std::initializer_list<std::string_view> parts) {
    std::size_t bytes = 0;
    for (const auto part : parts) bytes += part.size();
    if (bytes == 0) return {};
    char* const begin = room(bytes);
    for (const auto part : parts) {
        if (part.empty()) continue;  // its data may be null
        std::memcpy(free_, part.data(), part.size());
        free_ += part.size();
    }
    left_ -= bytes;
    return {begin, bytes};
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
