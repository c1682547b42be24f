// Aligning two lists of records for the diff: by key, in sequence (longest common
// subsequence, then position), by position, and partners by id then organisation name.
#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "diff_support.hpp"
#include "interreg/text.hpp"

namespace interreg::diff_detail {
namespace {

// Beyond this many cells (before × after records between the common ends) the sequence
// alignment pairs by position instead: 2,000 × 2,000, the most lines a partner may have.
constexpr std::size_t max_lcs_cells = 4'000'000;

// Pairs of the longest common subsequence of before[b0, b1) and after[a0, a1), in order.
std::vector<std::pair<std::size_t, std::size_t>> common_subsequence(const std::vector<std::string>& before,
                                                                     const std::vector<std::string>& after,
                                                                     std::size_t b0, std::size_t b1, std::size_t a0,
                                                                     std::size_t a1) {
    const std::size_t n = b1 - b0, m = a1 - a0;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    if (n == 0 || m == 0 || n * m > max_lcs_cells) return pairs;
    // length[i][j]: the LCS of before[b0+i..] and after[a0+j..]; at most 2,000 lines, so 16 bits.
    std::vector<std::uint16_t> length((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return length[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            at(i, j) = before[b0 + i] == after[a0 + j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                                       : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (before[b0 + i] == after[a0 + j]) {
            pairs.emplace_back(b0 + i, a0 + j);
            ++i, ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

// The records of before[b0, b1) and after[a0, a1), which share no key: paired by position.
void pair_by_position(Steps& steps, std::size_t b0, std::size_t b1, std::size_t a0, std::size_t a1) {
    std::size_t i = b0, j = a0;
    for (; i < b1 && j < a1; ++i, ++j) steps.push_back({i, j});
    for (; i < b1; ++i) steps.push_back({i, std::nullopt});
    for (; j < a1; ++j) steps.push_back({std::nullopt, j});
}

}  // namespace

Steps steps_of_matching(const std::vector<std::optional<std::size_t>>& before_of_after, std::size_t before_count) {
    std::vector<bool> paired(before_count, false);
    for (const auto& b : before_of_after) {
        if (b) paired[*b] = true;
    }
    // For each after record, the before record of the first pair from there on (before_count: none).
    std::vector<std::size_t> next_pair(before_of_after.size() + 1, before_count);
    for (std::size_t j = before_of_after.size(); j-- > 0;) {
        next_pair[j] = before_of_after[j] ? *before_of_after[j] : next_pair[j + 1];
    }
    Steps steps;
    std::size_t next = 0;  // the first before record not yet placed, unless paired
    const auto place_removed_before = [&](std::size_t end) {
        for (; next < end; ++next) {
            if (!paired[next]) steps.push_back({next, std::nullopt});
        }
    };
    for (std::size_t j = 0; j < before_of_after.size(); ++j) {
        place_removed_before(next_pair[j]);  // removed records come before the added ones beside them
        if (const auto& b = before_of_after[j]) {
            next = std::max(next, *b + 1);
            steps.push_back({*b, j});
        } else {
            steps.push_back({std::nullopt, j});
        }
    }
    place_removed_before(before_count);
    return steps;
}

Steps align_by_key(const std::vector<std::string>& before, const std::vector<std::string>& after) {
    std::unordered_map<std::string, std::vector<std::size_t>> free;  // key → unpaired before records, last first
    for (std::size_t i = before.size(); i-- > 0;) {
        if (!before[i].empty()) free[before[i]].push_back(i);
    }
    std::vector<std::optional<std::size_t>> before_of_after(after.size());
    for (std::size_t j = 0; j < after.size(); ++j) {
        const auto it = after[j].empty() ? free.end() : free.find(after[j]);
        if (it != free.end() && !it->second.empty()) {
            before_of_after[j] = it->second.back();
            it->second.pop_back();
        }
    }
    return steps_of_matching(before_of_after, before.size());
}

Steps align_sequence(const std::vector<std::string>& before, const std::vector<std::string>& after) {
    const std::size_t n = before.size(), m = after.size();
    std::size_t head = 0;
    while (head < n && head < m && before[head] == after[head]) ++head;
    std::size_t tail = 0;
    while (tail < n - head && tail < m - head && before[n - 1 - tail] == after[m - 1 - tail]) ++tail;

    Steps steps;
    steps.reserve(std::max(n, m));
    for (std::size_t k = 0; k < head; ++k) steps.push_back({k, k});
    std::size_t i = head, j = head;
    for (const auto& [b, a] : common_subsequence(before, after, head, n - tail, head, m - tail)) {
        pair_by_position(steps, i, b, j, a);
        steps.push_back({b, a});
        i = b + 1;
        j = a + 1;
    }
    pair_by_position(steps, i, n - tail, j, m - tail);
    for (std::size_t k = 0; k < tail; ++k) steps.push_back({n - tail + k, m - tail + k});
    return steps;
}

Steps align_positions(std::size_t before_count, std::size_t after_count) {
    Steps steps;
    pair_by_position(steps, 0, before_count, 0, after_count);
    return steps;
}

Steps align_partners(const nlohmann::ordered_json& before, const nlohmann::ordered_json& after) {
    const auto ids = [](const nlohmann::ordered_json& list) {
        std::vector<std::string> out;
        for (const auto& p : list) out.push_back(p.at("id").get<std::string>());
        return out;
    };
    const auto keys = [](const nlohmann::ordered_json& list) {
        std::vector<std::string> out;
        for (const auto& p : list) out.push_back(text::organisation_key(p.at("name").get<std::string>()));
        return out;
    };
    const std::vector<std::string> before_ids = ids(before), after_ids = ids(after);
    const std::vector<std::string> before_keys = keys(before), after_keys = keys(after);
    std::vector<std::optional<std::size_t>> before_of_after(after.size());
    std::vector<bool> paired(before.size(), false);
    // Each pass pairs the first unpaired before partner that `same` accepts.
    const auto pass = [&](auto same) {
        for (std::size_t j = 0; j < after.size(); ++j) {
            for (std::size_t i = 0; i < before.size() && !before_of_after[j]; ++i) {
                if (!paired[i] && same(i, j)) {
                    before_of_after[j] = i;
                    paired[i] = true;
                }
            }
        }
    };
    pass([&](std::size_t i, std::size_t j) { return before_ids[i] == after_ids[j] && before_keys[i] == after_keys[j]; });
    pass([&](std::size_t i, std::size_t j) { return !after_keys[j].empty() && before_keys[i] == after_keys[j]; });
    pass([&](std::size_t i, std::size_t j) { return before_ids[i] == after_ids[j]; });
    return steps_of_matching(before_of_after, before.size());
}

std::string translate_path(const PathMap& paths, const std::string& before_path) {
    if (paths.empty()) return before_path;
    for (std::size_t end = before_path.size();; end = before_path.rfind('/', end - 1)) {
        if (end == 0 || end == std::string::npos) return before_path;
        const auto it = paths.find(before_path.substr(0, end));
        if (it != paths.end()) {
            // Inside a removed record: "\x01" starts no JSON Pointer, so nothing in after matches.
            return it->second.empty() ? "\x01" + before_path : it->second + before_path.substr(end);
        }
    }
}

}  // namespace interreg::diff_detail
