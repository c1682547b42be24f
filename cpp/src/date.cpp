#include "interreg/date.hpp"

#include <cstdio>

namespace interreg {

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    Date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day)) return std::nullopt;
    if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12) return std::nullopt;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

std::string Date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

Date Date::add_months(int months) const {
    const int index = year * 12 + (month - 1) + months;
    Date d{index / 12, index % 12 + 1, day};
    if (d.day > days_in_month(d.year, d.month)) d.day = days_in_month(d.year, d.month);
    return d;
}

Date Date::day_before() const {
    if (day > 1) return {year, month, day - 1};
    const Date previous = month > 1 ? Date{year, month - 1, 1} : Date{year - 1, 12, 1};
    return {previous.year, previous.month, days_in_month(previous.year, previous.month)};
}

}  // namespace interreg
