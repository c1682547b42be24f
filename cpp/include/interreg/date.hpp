#pragma once
// A calendar date (proleptic Gregorian), read and written as ISO "YYYY-MM-DD".
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace interreg {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    // nullopt unless `text` is exactly a valid "YYYY-MM-DD" with year 1900..2999.
    static std::optional<Date> parse(std::string_view text);
    std::string to_string() const;
    // The same day `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29).
    Date add_months(int months) const;
    Date day_before() const;

    friend bool operator<(const Date& a, const Date& b) {
        return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
    }
    friend bool operator==(const Date& a, const Date& b) {
        return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
};

int days_in_month(int year, int month);

}  // namespace interreg
