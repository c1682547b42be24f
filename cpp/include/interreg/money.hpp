#pragma once
// Exact money and rates: integer cents and integer parts per million, never floating point.
#include <cstdint>
#include <string>
#include <string_view>

namespace interreg {

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

    friend Money operator+(Money a, Money b);
    friend Money operator-(Money a, Money b);
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

}  // namespace interreg
