#include "interreg/money.hpp"

#include <algorithm>
#include <limits>

#include "interreg/errors.hpp"

namespace interreg {
namespace {

constexpr std::int64_t max_i64 = std::numeric_limits<std::int64_t>::max();

// Parse "[-]digits[.digits]" into an integer scaled by 10^decimals. Throws ArgumentError.
std::int64_t parse_scaled(std::string_view text, int decimals, const char* what) {
    const std::string shown(text);
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::int64_t value = 0;
    int seen_decimals = -1;  // -1: before the point
    bool any_digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && seen_decimals < 0) {
            seen_decimals = 0;
            continue;
        }
        if (c < '0' || c > '9') {
            throw ArgumentError("'" + shown + "' is not " + what + ": use digits with an optional '.' (e.g. 1234.50)");
        }
        if (seen_decimals >= 0 && ++seen_decimals > decimals) {
            throw ArgumentError("'" + shown + "' has more than " + std::to_string(decimals) + " decimals");
        }
        if (value > (max_i64 - (c - '0')) / 10) throw ArgumentError("'" + shown + "' is too large");
        value = value * 10 + (c - '0');
        any_digit = true;
    }
    if (!any_digit) throw ArgumentError("'" + shown + "' is not " + what + ": use digits (e.g. 1234.50)");
    for (int k = std::max(seen_decimals, 0); k < decimals; ++k) {
        if (value > max_i64 / 10) throw ArgumentError("'" + shown + "' is too large");
        value *= 10;
    }
    return negative ? -value : value;
}

std::string format_scaled(std::int64_t value, int decimals, bool trim) {
    // Digits written from the right into a buffer (a budget summary writes thousands of amounts);
    // in unsigned, so that the most negative value prints too.
    char buffer[48];
    char* const end = buffer + sizeof buffer;
    char* at = end;
    std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    for (int k = 0; k < decimals; ++k, magnitude /= 10) *--at = static_cast<char>('0' + magnitude % 10);
    const char* const fraction = at;
    const char* fraction_end = end;
    if (trim) {
        while (fraction_end > fraction && fraction_end[-1] == '0') --fraction_end;
    }
    if (fraction_end > fraction) *--at = '.';
    do {
        *--at = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0) *--at = '-';
    return std::string(at, static_cast<std::size_t>(fraction_end - at));
}

}  // namespace

Money Money::parse(std::string_view text) { return Money(parse_scaled(text, 2, "an amount")); }

std::string Money::to_string() const { return format_scaled(cents_, 2, false); }

void throw_amount_overflow() { throw ArgumentError("amount overflow"); }

Rate Rate::parse(std::string_view text) {
    std::int64_t ppm;
    if (!text.empty() && text.back() == '%') {
        ppm = parse_scaled(text.substr(0, text.size() - 1), 4, "a percentage");  // 1 % = 10^4 ppm
    } else {
        ppm = parse_scaled(text, 6, "a rate");
    }
    if (ppm < 0 || ppm > one) throw ArgumentError("rate '" + std::string(text) + "' must lie between 0% and 100%");
    return Rate(ppm);
}

std::string Rate::to_string() const { return format_scaled(ppm_, 4, true) + "%"; }

Units Units::parse(std::string_view text) {
    const auto h = parse_scaled(text, 2, "a number of units");
    return Units(h);
}

std::string Units::to_string() const { return format_scaled(hundredths_, 2, true); }

namespace {

// 1 EUR buys between 0.0001 and 100,000 units of any currency; beyond is a typo.
constexpr std::int64_t min_rate_micros = 100, max_rate_micros = 100'000 * ExchangeRate::scale;

}  // namespace

ExchangeRate ExchangeRate::parse(std::string_view text) {
    const auto m = parse_scaled(text, 6, "an exchange rate");
    if (m < min_rate_micros || m > max_rate_micros) {
        throw ArgumentError("exchange rate '" + std::string(text) + "' must lie between 0.0001 and 100000 (1 EUR = rate × currency)");
    }
    return ExchangeRate(m);
}

ExchangeRate ExchangeRate::from_micros(std::int64_t micros) {
    if (micros < min_rate_micros || micros > max_rate_micros) {
        throw ArgumentError("exchange rate " + format_scaled(micros, 6, true) + " must lie between 0.0001 and 100000");
    }
    return ExchangeRate(micros);
}

std::string ExchangeRate::to_string() const { return format_scaled(micros_, 6, true); }

ExchangeRate ExchangeRate::inverse() const {
    constexpr std::int64_t one_squared = scale * scale;
    return from_micros((one_squared + micros_ / 2) / micros_);
}

namespace {

// a × b ÷ c truncated toward zero, exact in 128 bits; overflow of the result is an error.
// A product within 64 bits (nearly every amount) is divided in 64 bits: a quarter of the time.
std::int64_t mul_div(std::int64_t a, std::int64_t b, std::int64_t c) {
    if (std::int64_t p = 0; !__builtin_mul_overflow(a, b, &p)) {
        if (p != std::numeric_limits<std::int64_t>::min()) return p / c;
    }
    const __int128 q = static_cast<__int128>(a) * b / c;
    if (q > max_i64 || q < -max_i64) throw ArgumentError("amount overflow");
    return static_cast<std::int64_t>(q);
}

}  // namespace

Money line_total(Units units, Money unit_price) {
    return Money::from_cents(mul_div(units.hundredths(), unit_price.cents(), 100));
}

Money apply_rate(Money amount, Rate rate) { return Money::from_cents(mul_div(amount.cents(), rate.ppm(), Rate::one)); }

Money to_euro(Money amount, ExchangeRate rate) {
    return Money::from_cents(mul_div(amount.cents(), ExchangeRate::scale, rate.micros()));
}

RateRange band_around(ExchangeRate centre, Rate width) {
    // At most 10^11 micros × 2·10^6 ppm: within 64 bits.
    const std::int64_t c = centre.micros();
    const std::int64_t below = c * (Rate::one - width.ppm()), above = c * (Rate::one + width.ppm());
    const std::int64_t low = (below + Rate::one - 1) / Rate::one, high = above / Rate::one;  // inward
    auto clamp = [](std::int64_t m) { return ExchangeRate::from_micros(std::clamp(m, min_rate_micros, max_rate_micros)); };
    return {clamp(low), clamp(high)};
}

std::vector<Money> spread_evenly(Money total, int periods) {
    if (periods < 1) throw ArgumentError("there must be at least one period");
    std::vector<Money> out(static_cast<std::size_t>(periods), Money::from_cents(total.cents() / periods));
    out.back() = total - Money::from_cents(total.cents() / periods * (periods - 1));
    return out;
}

}  // namespace interreg
