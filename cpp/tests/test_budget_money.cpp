// The exact arithmetic under the budget: Money, Units, Rate and ExchangeRate parsing and
// formatting, and the rounding helpers (line_total, apply_rate, to_euro, spread_evenly). Every
// helper rounds toward zero; residuals go to the last period; overflow is an ArgumentError.
#include <gtest/gtest.h>

#include <limits>
#include <numeric>

#include "interreg/errors.hpp"
#include "interreg/money.hpp"
#include "test_support.hpp"

using interreg::ArgumentError;
using interreg::ExchangeRate;
using interreg::Money;
using interreg::Rate;
using interreg::Units;
using interreg_test::thrown;

namespace {

constexpr std::int64_t max_cents = std::numeric_limits<std::int64_t>::max();

Money m(const char* s) { return Money::parse(s); }
Units u(const char* s) { return Units::parse(s); }
Rate r(const char* s) { return Rate::parse(s); }
ExchangeRate x(const char* s) { return ExchangeRate::parse(s); }

std::vector<std::int64_t> cents(const std::vector<Money>& v) {
    std::vector<std::int64_t> out;
    for (Money a : v) out.push_back(a.cents());
    return out;
}

Money sum(const std::vector<Money>& v) { return std::accumulate(v.begin(), v.end(), Money()); }

}  // namespace

// ---- Money: edge cases not covered by test_money_date.cpp ---------------------------------

TEST(BudgetMoneyParse, NegativeZeroIsZero) {
    EXPECT_EQ(m("-0.00").cents(), 0);
    EXPECT_EQ(m("-0.00").to_string(), "0.00");
}

TEST(BudgetMoneyParse, OneDecimalIsTensOfCents) {
    EXPECT_EQ(m("0.1").cents(), 10);
    EXPECT_EQ(m("0.1").to_string(), "0.10");
    EXPECT_EQ(m("0.01").cents(), 1);
}

TEST(BudgetMoneyParse, DecimalCommaIsNotAnAmount) {
    auto e = thrown<ArgumentError>([] { m("12,50"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'12,50' is not an amount");
    EXPECT_CONTAINS(e->what(), "1234.50");  // says what would be valid
}

TEST(BudgetMoneyParse, ThreeDecimalsEvenIfZero) {
    auto e = thrown<ArgumentError>([] { m("12.500"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "more than 2 decimals");
}

TEST(BudgetMoneyParse, CurrencySignsAndSpacesRejected) {
    for (const char* bad : {"€12", "12 EUR", "12.50 ", "1_000", "0x10", "--1", "1-", "NaN", "inf"}) {
        EXPECT_TRUE(thrown<ArgumentError>([&] { m(bad); })) << bad;
    }
}

TEST(BudgetMoneyParse, LenientFormsAreNormalisedOnOutput) {
    // The parser accepts a leading '+', a bare leading or trailing point; the writer always
    // prints the canonical form, so a document is canonical after one save.
    EXPECT_EQ(m("+5").to_string(), "5.00");
    EXPECT_EQ(m(".5").to_string(), "0.50");
    EXPECT_EQ(m("1.").to_string(), "1.00");
    EXPECT_EQ(m("007.10").to_string(), "7.10");
}

TEST(BudgetMoneyParse, LongestAmountsOfTheFormat) {
    // max_line_cents (10,000,000,000.00) parses and prints back exactly.
    EXPECT_EQ(m("10000000000.00").cents(), 1'000'000'000'000);
    EXPECT_EQ(Money::from_cents(1'000'000'000'000).to_string(), "10000000000.00");
}

// ---- Units -------------------------------------------------------------------------------

TEST(UnitsParse, WholeAndDecimal) {
    EXPECT_EQ(u("12").hundredths(), 1200);
    EXPECT_EQ(u("0.5").hundredths(), 50);
    EXPECT_EQ(u("1720.25").hundredths(), 172025);
    EXPECT_EQ(u("0.01").hundredths(), 1);
    EXPECT_EQ(u("0").hundredths(), 0);
}

TEST(UnitsParse, NegativeIsStoredForValidationToJudge) {
    // The model stores what the user gives; budget.line reports units at or below zero.
    EXPECT_EQ(u("-1").hundredths(), -100);
}

TEST(UnitsParse, ThreeDecimalsRejected) {
    auto e = thrown<ArgumentError>([] { u("1.234"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'1.234'");
    EXPECT_CONTAINS(e->what(), "more than 2 decimals");
}

TEST(UnitsParse, GarbageRejected) {
    for (const char* bad : {"", "1,5", "one", "1e3", " 1", "1.5h"}) {
        auto e = thrown<ArgumentError>([&] { u(bad); });
        ASSERT_TRUE(e) << bad;
        EXPECT_CONTAINS(e->what(), "number of units");
    }
}

TEST(UnitsParse, OverflowRejected) {
    auto e = thrown<ArgumentError>([] { u("99999999999999999999"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "too large");
}

TEST(UnitsToString, TrimsTrailingZeros) {
    EXPECT_EQ(u("12").to_string(), "12");
    EXPECT_EQ(u("12.00").to_string(), "12");
    EXPECT_EQ(u("0.5").to_string(), "0.5");
    EXPECT_EQ(u("0.50").to_string(), "0.5");
    EXPECT_EQ(u("1720.25").to_string(), "1720.25");
    EXPECT_EQ(Units::from_hundredths(5).to_string(), "0.05");
    EXPECT_EQ(Units::from_hundredths(-150).to_string(), "-1.5");
    EXPECT_EQ(Units().to_string(), "0");
}

TEST(UnitsToString, RoundTripsThroughParse) {
    for (const char* s : {"0", "1", "0.5", "0.05", "1720.5", "36", "-2.25"}) EXPECT_EQ(u(s).to_string(), s);
}

// ---- Rate (budget uses) ----------------------------------------------------------------------

TEST(BudgetRate, FlatRatesOfTheRegulations) {
    EXPECT_EQ(r("15%").ppm(), 150000);
    EXPECT_EQ(r("7%").ppm(), 70000);
    EXPECT_EQ(r("20%").ppm(), 200000);
    EXPECT_EQ(r("40%").ppm(), 400000);
    EXPECT_EQ(r("0.15").ppm(), 150000);  // a fraction means the same
}

TEST(BudgetRate, SmallestStep) {
    EXPECT_EQ(r("0.0001%").ppm(), 1);
    EXPECT_EQ(r("0.0001%").to_string(), "0.0001%");
    EXPECT_EQ(r("0.000001").ppm(), 1);
    EXPECT_TRUE(thrown<ArgumentError>([] { r("0.00001%"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { r("0.0000001"); }));
}

TEST(BudgetRate, WholeNumberWithoutPercentIsAFractionAndTooLarge) {
    // "60" is 6000 %, not 60 %: refused instead of silently misread.
    auto e = thrown<ArgumentError>([] { r("60"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "between 0% and 100%");
    EXPECT_EQ(r("1").ppm(), Rate::one);
}

TEST(BudgetRate, OneHundredTwentyPercentRejected) {
    auto e = thrown<ArgumentError>([] { r("120%"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'120%'");
    EXPECT_CONTAINS(e->what(), "between 0% and 100%");
}

TEST(BudgetRate, SpaceBeforePercentRejected) {
    EXPECT_TRUE(thrown<ArgumentError>([] { r("15 %"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { r("%"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { r("15%%"); }));
}

// ---- ExchangeRate ------------------------------------------------------------------------------

TEST(ExchangeRateParse, TypicalRates) {
    EXPECT_EQ(x("7.4588").micros(), 7'458'800);
    EXPECT_EQ(x("11.4876").micros(), 11'487'600);
    EXPECT_EQ(x("11.2").micros(), 11'200'000);
    EXPECT_EQ(x("1").micros(), ExchangeRate::scale);
    EXPECT_EQ(x("0.0001").micros(), 100);  // the smallest rate accepted
}

TEST(ExchangeRateParse, AbsurdRatesRejected) {
    for (const char* bad : {"0.000099", "100000.000001", "1000000"}) {
        auto e = thrown<ArgumentError>([&] { x(bad); });
        ASSERT_TRUE(e) << bad;
        EXPECT_CONTAINS(e->what(), "between 0.0001 and 100000");
    }
}

TEST(ExchangeRateParse, DefaultIsOne) { EXPECT_EQ(ExchangeRate().micros(), ExchangeRate::scale); }

TEST(ExchangeRateParse, ZeroAndNegativeRejected) {
    for (const char* bad : {"0", "0.000000", "-7.4588"}) {
        auto e = thrown<ArgumentError>([&] { x(bad); });
        ASSERT_TRUE(e) << bad;
        EXPECT_CONTAINS(e->what(), "between 0.0001 and 100000");
    }
}

TEST(ExchangeRateParse, SevenDecimalsRejected) {
    auto e = thrown<ArgumentError>([] { x("7.4588001"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "more than 6 decimals");
}

TEST(ExchangeRateInverse, TheOtherWayRoundToSixDecimals) {
    EXPECT_EQ(x("0.085").inverse(), x("11.764706"));  // 11.76470588… rounds up
    EXPECT_EQ(x("11.764706").inverse(), x("0.085"));  // 0.08499999… rounds up
    EXPECT_EQ(x("1").inverse(), x("1"));
    EXPECT_EQ(x("0.0001").inverse(), x("10000"));
    EXPECT_TRUE(thrown<ArgumentError>([] { x("100000").inverse(); }));  // 0.00001 is below the smallest rate
}

TEST(ExchangeRateFromMicros, WithinTheRatesRange) {
    EXPECT_EQ(ExchangeRate::from_micros(7'460'380), x("7.46038"));
    EXPECT_TRUE(thrown<ArgumentError>([] { ExchangeRate::from_micros(99); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { ExchangeRate::from_micros(100'000'000'001); }));
}

TEST(RateBand, BoundsRoundInwardSoTheyLieInside) {
    // ERM II: 7.46038 × 0.9775 = 7.2925214… and 7.46038 × 1.0225 = 7.6282385…
    const auto band = interreg::band_around(x("7.46038"), r("2.25%"));
    EXPECT_EQ(band.low, x("7.292522"));
    EXPECT_EQ(band.high, x("7.628238"));
    EXPECT_TRUE(band.contains(x("7.292522")));
    EXPECT_FALSE(band.contains(x("7.292521")));
    EXPECT_TRUE(band.contains(x("7.628238")));
    EXPECT_FALSE(band.contains(x("7.628239")));
    EXPECT_TRUE(band.contains(x("7.46038")));
}

TEST(RateBand, ExactBoundsAreKept) {
    const auto band = interreg::band_around(x("11.238"), r("25%"));  // 8.4285 and 14.0475 exactly
    EXPECT_EQ(band.low, x("8.4285"));
    EXPECT_EQ(band.high, x("14.0475"));
}

TEST(RateBand, ClampedToTheRatesRange) {
    const auto band = interreg::band_around(x("90000"), r("100%"));
    EXPECT_EQ(band.low, x("0.0001"));
    EXPECT_EQ(band.high, x("100000"));
}

TEST(ExchangeRateParse, GarbageRejected) {
    for (const char* bad : {"", "7,4588", "EUR", "1e1", "7.4588 "}) {
        auto e = thrown<ArgumentError>([&] { x(bad); });
        ASSERT_TRUE(e) << bad;
        EXPECT_CONTAINS(e->what(), "exchange rate");
    }
}

TEST(ExchangeRateToString, TrimsTrailingZeros) {
    EXPECT_EQ(x("7.458800").to_string(), "7.4588");
    EXPECT_EQ(x("11.4876").to_string(), "11.4876");
    EXPECT_EQ(x("10").to_string(), "10");
    EXPECT_EQ(x("0.000101").to_string(), "0.000101");
}

// ---- line_total: units × unit price, truncated to the cent ------------------------------------

TEST(LineTotal, ThreeTimes3333) { EXPECT_EQ(interreg::line_total(u("3"), m("33.33")), m("99.99")); }

TEST(LineTotal, HalfACentIsNothing) {
    // 0.5 × 0.01 = 0.005 → 0.00
    EXPECT_EQ(interreg::line_total(u("0.5"), m("0.01")).cents(), 0);
}

TEST(LineTotal, HalfHourOfResearcher) {
    // 1720.5 h × 45.37 = 78,059.085 → 78,059.08 (truncated, not rounded half up)
    EXPECT_EQ(interreg::line_total(u("1720.5"), m("45.37")), m("78059.08"));
}

TEST(LineTotal, NeverRoundsUp) {
    // 0.33 × 3.03 = 0.9999 → 0.99; 2.5 × 0.03 = 0.075 → 0.07; 0.99 × 0.99 = 0.9801 → 0.98
    EXPECT_EQ(interreg::line_total(u("0.33"), m("3.03")), m("0.99"));
    EXPECT_EQ(interreg::line_total(u("2.5"), m("0.03")), m("0.07"));
    EXPECT_EQ(interreg::line_total(u("0.99"), m("0.99")), m("0.98"));
}

TEST(LineTotal, ExactProducts) {
    EXPECT_EQ(interreg::line_total(u("2580"), m("52.40")), m("135192.00"));
    EXPECT_EQ(interreg::line_total(u("36"), m("5200.00")), m("187200.00"));
    EXPECT_EQ(interreg::line_total(u("1"), m("12345.67")), m("12345.67"));
    EXPECT_EQ(interreg::line_total(u("0"), m("12345.67")), Money());
}

TEST(LineTotal, NegativeTruncatesTowardZero) {
    EXPECT_EQ(interreg::line_total(u("-1"), m("10.00")), m("-10.00"));
    EXPECT_EQ(interreg::line_total(u("-0.5"), m("0.01")).cents(), 0);
}

TEST(LineTotal, LargestLineOfTheFormatIsExact) {
    // 100,000,000 units × 100.00 = 10,000,000,000.00 (max_line_cents); the product of the
    // raw integers (10^10 × 10^4) exceeds 2^53, so this needs exact integer arithmetic.
    EXPECT_EQ(interreg::line_total(u("100000000"), m("100.00")).cents(), 1'000'000'000'000);
    // 99,999,999.99 × 100.01 = 10,000,999,998.9999 → 10,000,999,998.99
    EXPECT_EQ(interreg::line_total(u("99999999.99"), m("100.01")), m("10000999998.99"));
}

TEST(LineTotal, AProductBeyondSixtyFourBitsIsStillExact) {
    // 10^11 hundredths × 10^9 cents = 10^20 (past 2^63, the 64-bit path's limit) ÷ 100 = 10^18 cents.
    EXPECT_EQ(interreg::line_total(u("1000000000"), m("10000000.00")).cents(), 1'000'000'000'000'000'000);
    EXPECT_EQ(interreg::line_total(u("-1000000000"), m("10000000.01")).cents(), -1'000'000'001'000'000'000);
    // The same in rates: 9·10^15 cents × 60 % = 5.4·10^15 cents, through a 5.4·10^21 product.
    const Money big = Money::from_cents(9'000'000'000'000'000);
    EXPECT_EQ(interreg::apply_rate(big, r("60%")).cents(), 5'400'000'000'000'000);
}

TEST(LineTotal, OverflowThrows) {
    // 10^10 units × 10^10 EUR = 10^20 EUR: beyond int64 cents.
    auto e = thrown<ArgumentError>([] { interreg::line_total(u("10000000000"), m("10000000000")); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "overflow");
    EXPECT_TRUE(thrown<ArgumentError>([] { interreg::line_total(u("1000000000"), m("1000000000")); }));
}

// ---- apply_rate: amount × rate, rounded down ---------------------------------------------------

TEST(ApplyRate, OfficeOnStaffRoundsDown) {
    // 15 % × 10,000.01 = 1,500.0015 → 1,500.00
    EXPECT_EQ(interreg::apply_rate(m("10000.01"), r("15%")), m("1500.00"));
}

TEST(ApplyRate, ErdfOnAnOddTotal) {
    // 60 % × 12,345.67 = 7,407.402 → 7,407.40
    EXPECT_EQ(interreg::apply_rate(m("12345.67"), r("60%")), m("7407.40"));
}

TEST(ApplyRate, AlmostACentIsNothing) {
    // 60 % × 0.01 = 0.006 → 0.00; 50 % × 0.99 = 0.495 → 0.49; 7 % × 14.28 = 0.9996 → 0.99
    EXPECT_EQ(interreg::apply_rate(m("0.01"), r("60%")).cents(), 0);
    EXPECT_EQ(interreg::apply_rate(m("0.99"), r("50%")), m("0.49"));
    EXPECT_EQ(interreg::apply_rate(m("14.28"), r("7%")), m("0.99"));
}

TEST(ApplyRate, FractionalPercent) {
    // 12.5 % × 100.07 = 12.50875 → 12.50; 0.0001 % × 1,000,000.00 = 1.00
    EXPECT_EQ(interreg::apply_rate(m("100.07"), r("12.5%")), m("12.50"));
    EXPECT_EQ(interreg::apply_rate(m("1000000.00"), r("0.0001%")), m("1.00"));
}

TEST(ApplyRate, ZeroAndHundredPercent) {
    EXPECT_EQ(interreg::apply_rate(m("12345.67"), r("0%")), Money());
    EXPECT_EQ(interreg::apply_rate(m("12345.67"), r("100%")), m("12345.67"));
}

TEST(ApplyRate, LargestAmountDoesNotOverflowAtHundredPercent) {
    // The product (≈ 9.2e24) needs 128 bits; the result fits.
    const Money max = Money::from_cents(max_cents);
    EXPECT_EQ(interreg::apply_rate(max, r("100%")), max);
    EXPECT_EQ(interreg::apply_rate(max, r("50%")).cents(), max_cents / 2);
}

// ---- to_euro: local ÷ rate, truncated -----------------------------------------------------------

TEST(ToEuro, ThousandKronerAt11_4876) {
    // 1,000.00 NOK ÷ 11.4876 = 87.0503... → 87.05
    EXPECT_EQ(interreg::to_euro(m("1000.00"), x("11.4876")), m("87.05"));
}

TEST(ToEuro, TruncatesEvenJustBelowAWholeEuro) {
    // 7.46 DKK ÷ 7.4588 = 1.00016 → 1.00; 7.45 DKK ÷ 7.4588 = 0.99882 → 0.99
    EXPECT_EQ(interreg::to_euro(m("7.46"), x("7.4588")), m("1.00"));
    EXPECT_EQ(interreg::to_euro(m("7.45"), x("7.4588")), m("0.99"));
    // 100.00 SEK ÷ 11 = 9.0909... → 9.09
    EXPECT_EQ(interreg::to_euro(m("100.00"), x("11")), m("9.09"));
}

TEST(ToEuro, RateOneIsIdentityAndRateBelowOneMultiplies) {
    EXPECT_EQ(interreg::to_euro(m("123.45"), x("1")), m("123.45"));
    EXPECT_EQ(interreg::to_euro(m("123.45"), x("0.5")), m("246.90"));
}

TEST(ToEuro, OverflowThrows) {
    // 10,000,000,000,000.00 ÷ 0.0001 = 10^17 EUR = 10^19 cents does not fit; 10^12 EUR does.
    EXPECT_EQ(interreg::to_euro(m("100000000.00"), x("0.0001")).cents(), 100'000'000'000'000);
    auto e = thrown<ArgumentError>([] { interreg::to_euro(m("10000000000000.00"), x("0.0001")); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "overflow");
}

// ---- spread_evenly: equal shares truncated, the last takes the rest ---------------------------

TEST(SpreadEvenly, HundredOverThree) {
    const auto v = interreg::spread_evenly(m("100.00"), 3);
    EXPECT_EQ(cents(v), (std::vector<std::int64_t>{3333, 3333, 3334}));
    EXPECT_EQ(sum(v), m("100.00"));
}

TEST(SpreadEvenly, OneCentOverSix) {
    const auto v = interreg::spread_evenly(m("0.01"), 6);
    EXPECT_EQ(cents(v), (std::vector<std::int64_t>{0, 0, 0, 0, 0, 1}));
}

TEST(SpreadEvenly, ExactDivisionHasNoResidual) {
    EXPECT_EQ(cents(interreg::spread_evenly(m("600.00"), 6)),
              (std::vector<std::int64_t>{10000, 10000, 10000, 10000, 10000, 10000}));
}

TEST(SpreadEvenly, LargestResidual) {
    // 0.05 over 6: 0 each, 0.05 in the last (the residual is at most periods − 1 cents).
    EXPECT_EQ(cents(interreg::spread_evenly(m("0.05"), 6)), (std::vector<std::int64_t>{0, 0, 0, 0, 0, 5}));
    // 1,000.05 over 6: 166.67 × 5 = 833.35, last 166.70
    EXPECT_EQ(cents(interreg::spread_evenly(m("1000.05"), 6)),
              (std::vector<std::int64_t>{16667, 16667, 16667, 16667, 16667, 16670}));
}

TEST(SpreadEvenly, OnePeriodTakesAll) {
    EXPECT_EQ(cents(interreg::spread_evenly(m("12345.67"), 1)), (std::vector<std::int64_t>{1234567}));
}

TEST(SpreadEvenly, ZeroAndNegative) {
    EXPECT_EQ(cents(interreg::spread_evenly(Money(), 4)), (std::vector<std::int64_t>{0, 0, 0, 0}));
    // -0.05 over 2: -0.02 (toward zero), the last -0.03
    EXPECT_EQ(cents(interreg::spread_evenly(m("-0.05"), 2)), (std::vector<std::int64_t>{-2, -3}));
}

TEST(SpreadEvenly, FortyPeriodsSumToTheTotal) {
    const auto v = interreg::spread_evenly(m("9999999.99"), 40);
    ASSERT_EQ(v.size(), 40u);
    EXPECT_EQ(v.front(), m("249999.99"));
    EXPECT_EQ(v.back(), m("250000.38"));  // 9,999,999.99 − 39 × 249,999.99
    EXPECT_EQ(sum(v), m("9999999.99"));
}

TEST(SpreadEvenly, NoPeriodsIsAnError) {
    auto e = thrown<ArgumentError>([] { interreg::spread_evenly(m("1.00"), 0); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "at least one period");
    EXPECT_TRUE(thrown<ArgumentError>([] { interreg::spread_evenly(m("1.00"), -3); }));
}

// ---- overflow ----------------------------------------------------------------------------------

TEST(BudgetOverflow, SummingLinesNearTheLimitThrows) {
    const Money big = Money::from_cents(max_cents - 5);
    EXPECT_EQ((big + Money::from_cents(5)).cents(), max_cents);
    auto e = thrown<ArgumentError>([&] { (void)(big + Money::from_cents(6)); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "amount overflow");
}

TEST(BudgetOverflow, ParsingNeverWraps) {
    EXPECT_TRUE(thrown<ArgumentError>([] { Units::parse("92233720368547758.08"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { ExchangeRate::parse("9223372036854.775808"); }));
    EXPECT_TRUE(thrown<ArgumentError>([] { Rate::parse("99999999999999999999%"); }));
}
