#include "interreg/budget.hpp"

#include "interreg/choices.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

const std::vector<std::string>& category_names() {
    static const std::vector<std::string> names = {"staff", "office_admin", "travel", "external",
                                                   "equipment", "infrastructure", "lump_sum"};
    return names;
}

std::string_view to_string(Category c) { return category_names()[static_cast<std::size_t>(c)]; }
Category parse_category(std::string_view s) { return parse_choice<Category>(s, category_names(), "cost category"); }

const std::vector<std::string>& flat_rate_names() {
    static const std::vector<std::string> names = {"staff", "office_on_staff", "office_on_direct", "travel", "other_costs"};
    return names;
}

namespace {
std::optional<Rate> FlatRates::*member(std::string_view name) {
    static std::optional<Rate> FlatRates::*const members[] = {&FlatRates::staff, &FlatRates::office_on_staff,
                                                              &FlatRates::office_on_direct, &FlatRates::travel,
                                                              &FlatRates::other_costs};
    const auto& names = flat_rate_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return members[i];
    }
    throw ArgumentError("unknown flat rate '" + std::string(name) + "'; choose one of " +
                        text::join_choices(names, ", "));
}
}  // namespace

std::optional<Rate> flat_rate(const FlatRates& f, std::string_view name) { return f.*member(name); }
void set_flat_rate(FlatRates& f, std::string_view name, std::optional<Rate> rate) { f.*member(name) = rate; }

std::vector<std::string> flat_rate_conflicts(const FlatRates& r, const std::array<bool, category_count>& has_lines) {
    std::vector<std::string> out;
    auto lines = [&](Category c) { return has_lines[static_cast<std::size_t>(c)]; };
    if (r.other_costs) {
        if (r.staff || r.office_on_staff || r.office_on_direct || r.travel) {
            out.push_back("the 40 % option (other_costs) covers all costs but staff and cannot be combined with another flat rate");
        }
        for (Category c : {Category::office_admin, Category::travel, Category::external, Category::equipment,
                           Category::infrastructure}) {
            if (lines(c)) {
                out.push_back("the 40 % option (other_costs) already covers " + std::string(to_string(c)) +
                              " costs; remove those lines or the option");
            }
        }
    }
    if (r.office_on_staff && r.office_on_direct) {
        out.push_back("office and administration can be a flat rate of staff costs or of direct costs, not both");
    }
    if (r.staff && lines(Category::staff)) out.push_back("a staff flat rate replaces staff lines; remove the staff lines or the rate");
    if (r.travel && lines(Category::travel)) out.push_back("a travel flat rate replaces travel lines; remove the travel lines or the rate");
    if ((r.office_on_staff || r.office_on_direct) && lines(Category::office_admin)) {
        out.push_back("an office and administration flat rate replaces office lines; remove the office lines or the rate");
    }
    return out;
}

std::array<bool, category_count> flat_rate_bases(const FlatRates& r) {
    std::array<bool, category_count> out{};
    auto add = [&](std::initializer_list<Category> categories) {
        for (Category c : categories) out[static_cast<std::size_t>(c)] = true;
    };
    const auto others = {Category::travel, Category::external, Category::equipment, Category::infrastructure};
    if (r.staff) add(others);
    if (r.office_on_staff || r.travel || r.other_costs) add({Category::staff});
    if (r.office_on_direct) {
        add({Category::staff});
        add(others);
    }
    return out;
}

std::array<bool, category_count> PartnerBudget::categories_with_lines() const {
    std::array<bool, category_count> out{};
    for (const auto& l : lines) out[static_cast<std::size_t>(l.category)] = true;
    return out;
}

std::string_view to_string(Funding f) { return f == Funding::public_funding ? "public" : "private"; }

Funding parse_funding(std::string_view s) {
    static const std::vector<std::string> names = {"public", "private"};
    return parse_choice<Funding>(s, names, "funding status");
}

const std::vector<std::string>& currency_codes() {
    static const std::vector<std::string> codes = {"EUR", "DKK", "SEK", "NOK"};
    return codes;
}

}  // namespace interreg
