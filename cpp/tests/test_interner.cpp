// Interning: each distinct string one number, in the order first met, across table growth.
#include <gtest/gtest.h>

#include <string>

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
