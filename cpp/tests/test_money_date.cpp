// Money, Rate and Date: exact parsing, formatting, overflow and calendar arithmetic.
#include <gtest/gtest.h>

#include <limits>

#include "interreg/date.hpp"
#include "interreg/errors.hpp"
#include "interreg/money.hpp"
#include "test_support.hpp"

using interreg::ArgumentError;
using interreg::Date;
using interreg::Money;
using interreg::Rate;
using interreg_test::thrown;

// ---- Money::parse ------------------------------------------------------------------------

TEST(MoneyParse, WholeAmount) { EXPECT_EQ(Money::parse("1234").cents(), 123400); }
TEST(MoneyParse, OneDecimal) { EXPECT_EQ(Money::parse("1234.5").cents(), 123450); }
TEST(MoneyParse, TwoDecimals) { EXPECT_EQ(Money::parse("1234.56").cents(), 123456); }
TEST(MoneyParse, Zero) {
    EXPECT_EQ(Money::parse("0").cents(), 0);
    EXPECT_EQ(Money::parse("0.00").cents(), 0);
}
TEST(MoneyParse, Negative) {
    EXPECT_EQ(Money::parse("-7.00").cents(), -700);
    EXPECT_EQ(Money::parse("-0.05").cents(), -5);
}

TEST(MoneyParse, ProgrammeCaps) {
    EXPECT_EQ(Money::parse("60000.00").cents(), 6'000'000);
    EXPECT_EQ(Money::parse("300000.00").cents(), 30'000'000);
}

TEST(MoneyParse, ThreeDecimalsRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse("1.234"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'1.234'");
    EXPECT_CONTAINS(e->what(), "more than 2 decimals");
}

TEST(MoneyParse, LettersRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse("12a"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'12a' is not an amount");
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("EUR 5"); }));
}

TEST(MoneyParse, EmptyRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse(""); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "is not an amount");
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("-"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("."); }));
}

TEST(MoneyParse, ExponentRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse("1e5"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'1e5'");
}

TEST(MoneyParse, SeparatorsAndSpacesRejected) {
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("1,000"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("1 000"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse(" 12"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("1.2.3"); }));
}

TEST(MoneyParse, LargestAmountAccepted) {
    EXPECT_EQ(Money::parse("92233720368547758.07").cents(), std::numeric_limits<std::int64_t>::max());
}

TEST(MoneyParse, OverflowRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse("92233720368547758.08"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "too large");
}

TEST(MoneyParse, OverflowWhileScalingRejected) {
    auto e = thrown<ArgumentError>([] { Money::parse("92233720368547759"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "too large");
    EXPECT_TRUE(thrown<ArgumentError>([] { Money::parse("99999999999999999999999"); }));
}

// ---- Money::to_string and arithmetic -----------------------------------------------------

TEST(MoneyToString, AlwaysTwoDecimals) {
    EXPECT_EQ(Money::from_cents(123450).to_string(), "1234.50");
    EXPECT_EQ(Money::from_cents(0).to_string(), "0.00");
    EXPECT_EQ(Money::from_cents(5).to_string(), "0.05");
    EXPECT_EQ(Money::from_cents(6'000'000).to_string(), "60000.00");
}

TEST(MoneyToString, Negative) {
    EXPECT_EQ(Money::from_cents(-700).to_string(), "-7.00");
    EXPECT_EQ(Money::from_cents(-5).to_string(), "-0.05");
}

TEST(MoneyToString, ExtremesPrint) {
    EXPECT_EQ(Money::from_cents(std::numeric_limits<std::int64_t>::max()).to_string(), "92233720368547758.07");
    EXPECT_EQ(Money::from_cents(std::numeric_limits<std::int64_t>::min()).to_string(), "-92233720368547758.08");
}

TEST(MoneyToString, RoundTripsThroughParse) {
    for (const char* s : {"0.00", "1.50", "-42.01", "123456789.99"}) EXPECT_EQ(Money::parse(s).to_string(), s);
}

TEST(MoneyArithmetic, AddAndSubtract) {
    EXPECT_EQ((Money::parse("1.50") + Money::parse("2.75")).to_string(), "4.25");
    EXPECT_EQ((Money::parse("1.50") - Money::parse("2.75")).to_string(), "-1.25");
}

TEST(MoneyArithmetic, AdditionOverflowThrows) {
    const auto max = Money::from_cents(std::numeric_limits<std::int64_t>::max());
    auto e = thrown<ArgumentError>([&] { (void)(max + Money::from_cents(1)); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "overflow");
}

TEST(MoneyArithmetic, SubtractionOverflowThrows) {
    const auto min = Money::from_cents(std::numeric_limits<std::int64_t>::min());
    EXPECT_TRUE(thrown<ArgumentError>([&] { (void)(min - Money::from_cents(1)); }));
}

TEST(MoneyArithmetic, Comparisons) {
    EXPECT_LT(Money::parse("1.99"), Money::parse("2"));
    EXPECT_GT(Money::parse("0.01"), Money::parse("-0.01"));
    EXPECT_EQ(Money::parse("5"), Money::parse("5.00"));
    EXPECT_NE(Money::parse("5"), Money::parse("5.01"));
}

// ---- Rate --------------------------------------------------------------------------------

TEST(RateParse, Percent) { EXPECT_EQ(Rate::parse("60%").ppm(), 600000); }
TEST(RateParse, Fraction) { EXPECT_EQ(Rate::parse("0.5").ppm(), 500000); }
TEST(RateParse, DecimalPercent) { EXPECT_EQ(Rate::parse("12.5%").ppm(), 125000); }
TEST(RateParse, Bounds) {
    EXPECT_EQ(Rate::parse("0%").ppm(), 0);
    EXPECT_EQ(Rate::parse("100%").ppm(), Rate::one);
    EXPECT_EQ(Rate::parse("1").ppm(), Rate::one);
    EXPECT_EQ(Rate::parse("0.0001%").ppm(), 1);
}

TEST(RateParse, AboveHundredPercentRejected) {
    auto e = thrown<ArgumentError>([] { Rate::parse("101%"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "between 0% and 100%");
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("100.0001%"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("1.5"); }));
}

TEST(RateParse, NegativeRejected) { EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("-1%"); })); }

TEST(RateParse, TooManyDecimalsRejected) {
    auto e = thrown<ArgumentError>([] { Rate::parse("60.12345%"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "more than 4 decimals");
}

TEST(RateParse, GarbageRejected) {
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse(""); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("%"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("sixty%"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("60 %"); }));
}

TEST(RateToString, TrimsTrailingZeros) {
    EXPECT_EQ(Rate::from_ppm(600000).to_string(), "60%");
    EXPECT_EQ(Rate::from_ppm(125000).to_string(), "12.5%");
    EXPECT_EQ(Rate::from_ppm(Rate::one).to_string(), "100%");
    EXPECT_EQ(Rate::from_ppm(0).to_string(), "0%");
    EXPECT_EQ(Rate::from_ppm(1).to_string(), "0.0001%");
}

TEST(RateToString, RoundTripsThroughParse) {
    for (const char* s : {"60%", "50%", "12.5%", "33.3333%"}) EXPECT_EQ(Rate::parse(s).to_string(), s);
    EXPECT_EQ(Rate::parse("0.5").to_string(), "50%");
}

// ---- Date --------------------------------------------------------------------------------

TEST(DateParse, ValidDate) {
    auto d = Date::parse("2026-01-31");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2026);
    EXPECT_EQ(d->month, 1);
    EXPECT_EQ(d->day, 31);
}

TEST(DateParse, LeapDayOnlyInLeapYears) {
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_TRUE(Date::parse("2000-02-29"));
    EXPECT_FALSE(Date::parse("1900-02-29"));
}

TEST(DateParse, DayBeyondMonthRejected) {
    EXPECT_FALSE(Date::parse("2026-04-31"));
    EXPECT_FALSE(Date::parse("2026-01-32"));
    EXPECT_FALSE(Date::parse("2026-01-00"));
}

TEST(DateParse, MonthOutOfRangeRejected) {
    EXPECT_FALSE(Date::parse("2026-13-01"));
    EXPECT_FALSE(Date::parse("2026-00-10"));
}

TEST(DateParse, YearRange) {
    EXPECT_TRUE(Date::parse("1900-01-01"));
    EXPECT_TRUE(Date::parse("2999-12-31"));
    EXPECT_FALSE(Date::parse("1899-12-31"));
    EXPECT_FALSE(Date::parse("3000-01-01"));
}

TEST(DateParse, WrongFormatRejected) {
    for (const char* s : {"2026-1-01", "2026/01/01", "01-01-2026", "20260101", "2026-01-01T00:00", " 2026-01-01",
                          "2026-01-1 ", "", "2026-0a-01", "+026-01-01"}) {
        EXPECT_FALSE(Date::parse(s)) << s;
    }
}

TEST(DateToString, PadsFields) {
    EXPECT_EQ((Date{2024, 2, 9}).to_string(), "2024-02-09");
    EXPECT_EQ(Date::parse("2024-02-29")->to_string(), "2024-02-29");
}

TEST(DateAddMonths, ClampsToLeapFebruary) { EXPECT_EQ((Date{2024, 1, 31}).add_months(1), (Date{2024, 2, 29})); }

TEST(DateAddMonths, ClampsToNonLeapFebruary) { EXPECT_EQ((Date{2023, 1, 31}).add_months(1), (Date{2023, 2, 28})); }

TEST(DateAddMonths, ClampsTo30DayMonth) { EXPECT_EQ((Date{2025, 3, 31}).add_months(1), (Date{2025, 4, 30})); }

TEST(DateAddMonths, CrossesYears) {
    EXPECT_EQ((Date{2024, 11, 15}).add_months(3), (Date{2025, 2, 15}));
    EXPECT_EQ((Date{2026, 1, 1}).add_months(36), (Date{2029, 1, 1}));
    EXPECT_EQ((Date{2024, 12, 1}).add_months(1), (Date{2025, 1, 1}));
}

TEST(DateAddMonths, ZeroAndNegative) {
    EXPECT_EQ((Date{2024, 5, 17}).add_months(0), (Date{2024, 5, 17}));
    EXPECT_EQ((Date{2024, 1, 15}).add_months(-1), (Date{2023, 12, 15}));
    EXPECT_EQ((Date{2024, 3, 31}).add_months(-1), (Date{2024, 2, 29}));
}

TEST(DateCompare, Ordering) {
    const Date a{2023, 12, 31}, b{2024, 1, 1}, c{2024, 1, 2};
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_GT(c, a);
    EXPECT_LE(b, b);
    EXPECT_GE(b, b);
    EXPECT_EQ(b, (Date{2024, 1, 1}));
    EXPECT_NE(a, b);
    EXPECT_FALSE(b < b);
    EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));  // month before day
}

TEST(DaysInMonth, Table) {
    EXPECT_EQ(interreg::days_in_month(2024, 2), 29);
    EXPECT_EQ(interreg::days_in_month(2100, 2), 28);
    EXPECT_EQ(interreg::days_in_month(2026, 4), 30);
    EXPECT_EQ(interreg::days_in_month(2026, 12), 31);
}
