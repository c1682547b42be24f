// Interning: each distinct string one number, in the order first met, across table growth.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "interreg/interner.hpp"

TEST(Interner, NumbersDistinctStringsInTheOrderMet) {
    interreg::Interner in;
    EXPECT_EQ(in.intern("SE"), 0u);
    EXPECT_EQ(in.intern("DK"), 1u);
    EXPECT_EQ(in.intern("SE"), 0u);
    EXPECT_EQ(in.intern(""), 2u);
    EXPECT_EQ(in.intern(std::string("SE\0", 3)), 3u);  // bytes, not C strings
    EXPECT_EQ(in.values()[1], "DK");
}

TEST(Interner, KeepsEveryValueAcrossGrowth) {
    interreg::Interner in;
    for (int i = 0; i < 10000; ++i) EXPECT_EQ(in.intern("organisation " + std::to_string(i)), static_cast<std::uint32_t>(i));
    for (int i = 9999; i >= 0; --i) EXPECT_EQ(in.intern("organisation " + std::to_string(i)), static_cast<std::uint32_t>(i));
    EXPECT_EQ(in.size(), 10000u);
}

TEST(Interner, FindsWhatItHoldsWithoutAddingAnything) {
    interreg::Interner in;
    EXPECT_FALSE(in.find("SE"));
    EXPECT_FALSE(in.find(""));
    const std::size_t empty = in.memory_bytes();
    for (int i = 0; i < 5000; ++i) in.intern("name " + std::to_string(i));
    in.intern("");
    for (int i = 4999; i >= 0; --i) EXPECT_EQ(in.find("name " + std::to_string(i)), static_cast<std::uint32_t>(i));
    EXPECT_EQ(in.find(""), 5000u);
    EXPECT_FALSE(in.find("name 5000"));
    EXPECT_FALSE(in.find("name"));
    EXPECT_EQ(in.size(), 5001u);
    EXPECT_GT(in.memory_bytes(), empty + 5000 * 6);  // at least the texts
}

TEST(TextStore, ViewsStayValidAcrossBlocksAndMoves) {
    // Small blocks first (4 KiB, doubling), a text larger than any block on its own: every view
    // still reads its text after more blocks are made and after the store is moved.
    interreg::TextStore store;
    std::vector<std::pair<std::string, std::string_view>> kept;
    for (int i = 0; i < 20'000; ++i) {
        std::string text = "value " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 40), 'x');
        if (i == 7) text = std::string(200'000, 'y');
        kept.emplace_back(text, store.keep(text));
    }
    EXPECT_TRUE(store.keep("").empty());
    const std::size_t bytes = store.memory_bytes();
    interreg::TextStore moved = std::move(store);
    EXPECT_EQ(moved.memory_bytes(), bytes);
    for (const auto& [text, view] : kept) ASSERT_EQ(view, text);
}
