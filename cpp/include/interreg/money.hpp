#pragma once
// Exact money and rates: integer cents and integer parts per million, never floating point.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interreg {

[[noreturn]] void throw_amount_overflow();  // ArgumentError("amount overflow")

// An amount in cents. Parsing and arithmetic refuse overflow instead of wrapping.
class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
    // "1234", "1234.5", "1234.56", "-7.00"; no exponent, no separators, at most two
    // decimals. Throws ArgumentError naming what is wrong.
    static Money parse(std::string_view text);

    constexpr std::int64_t cents() const { return cents_; }
    std::string to_string() const;  // "1234.50"

    // Inline: a budget's sums add millions of amounts.
    friend Money operator+(Money a, Money b) {
        std::int64_t out;
        if (__builtin_add_overflow(a.cents_, b.cents_, &out)) throw_amount_overflow();
        return Money(out);
    }
    friend Money operator-(Money a, Money b) {
        std::int64_t out;
        if (__builtin_sub_overflow(a.cents_, b.cents_, &out)) throw_amount_overflow();
        return Money(out);
    }
    friend constexpr bool operator==(Money a, Money b) { return a.cents_ == b.cents_; }
    friend constexpr bool operator!=(Money a, Money b) { return a.cents_ != b.cents_; }
    friend constexpr bool operator<(Money a, Money b) { return a.cents_ < b.cents_; }
    friend constexpr bool operator>(Money a, Money b) { return a.cents_ > b.cents_; }
    friend constexpr bool operator<=(Money a, Money b) { return a.cents_ <= b.cents_; }
    friend constexpr bool operator>=(Money a, Money b) { return a.cents_ >= b.cents_; }

private:
    constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
    std::int64_t cents_ = 0;
};

// A rate as an exact number of parts per million (60 % = 600000).
class Rate {
public:
    static constexpr std::int64_t one = 1'000'000;
    constexpr Rate() = default;
    static constexpr Rate from_ppm(std::int64_t ppm) { return Rate(ppm); }
    // "60%", "60.5%" or "0.6": at most four decimals of a percent; 0..100 %.
    static Rate parse(std::string_view text);

    constexpr std::int64_t ppm() const { return ppm_; }
    std::string to_string() const;  // "60%", "12.5%"

    friend constexpr bool operator==(Rate a, Rate b) { return a.ppm_ == b.ppm_; }
    friend constexpr bool operator<(Rate a, Rate b) { return a.ppm_ < b.ppm_; }
    friend constexpr bool operator>(Rate a, Rate b) { return a.ppm_ > b.ppm_; }

private:
    constexpr explicit Rate(std::int64_t ppm) : ppm_(ppm) {}
    std::int64_t ppm_ = 0;
};

// A number of units with at most two decimals (hours, months, trips), held in hundredths.
class Units {
public:
    constexpr Units() = default;
    static constexpr Units from_hundredths(std::int64_t h) { return Units(h); }
    static Units parse(std::string_view text);  // "12", "0.5", "1720.25"; ArgumentError otherwise
    constexpr std::int64_t hundredths() const { return hundredths_; }
    std::string to_string() const;  // "12", "0.5"

private:
    constexpr explicit Units(std::int64_t h) : hundredths_(h) {}
    std::int64_t hundredths_ = 0;
};

// How many units of a currency one euro buys ("7.4588" DKK), exact to 10^-6.
class ExchangeRate {
public:
    static constexpr std::int64_t scale = 1'000'000;
    constexpr ExchangeRate() = default;
    static ExchangeRate parse(std::string_view text);  // > 0, at most six decimals
    static ExchangeRate from_micros(std::int64_t micros);  // ArgumentError outside 0.0001..100000
    constexpr std::int64_t micros() const { return micros_; }
    std::string to_string() const;  // "7.4588"
    // 1 ÷ rate, rounded to six decimals: the same rate quoted the other way round
    // (ArgumentError when that is below 0.0001, for rates above about 10000).
    ExchangeRate inverse() const;

    friend constexpr bool operator==(ExchangeRate a, ExchangeRate b) { return a.micros_ == b.micros_; }
    friend constexpr bool operator<(ExchangeRate a, ExchangeRate b) { return a.micros_ < b.micros_; }
    friend constexpr bool operator>(ExchangeRate a, ExchangeRate b) { return a.micros_ > b.micros_; }

private:
    constexpr explicit ExchangeRate(std::int64_t m) : micros_(m) {}
    std::int64_t micros_ = scale;
};

// The rates within `width` either side of `centre` (ERM II's ±2.25 %, say): `low` and `high`
// are rounded inward to the micro, so a rate is in the band exactly when it lies between them.
struct RateRange {
    ExchangeRate low, high;
    bool contains(ExchangeRate r) const { return !(r < low) && !(r > high); }
};
RateRange band_around(ExchangeRate centre, Rate width);

// The rounding rules of the budget (docs/budget.md). All round toward zero, so a computed
// amount never exceeds what its inputs justify; residuals absorb the cents.

// units × unit price, truncated to the cent.
Money line_total(Units units, Money unit_price);
// amount × rate, truncated to the cent (flat rates, fund amounts).
Money apply_rate(Money amount, Rate rate);
// An amount in another currency converted to euro: amount ÷ rate, truncated to the cent.
Money to_euro(Money amount, ExchangeRate rate);
// `total` over `periods` periods: each gets total ÷ periods truncated, the last the rest.
std::vector<Money> spread_evenly(Money total, int periods);

}  // namespace interreg
