#include "interreg/workplan.hpp"

#include <algorithm>
#include <cctype>

#include "interreg/choices.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {
const std::vector<std::string>& effect_names() {
    static const std::vector<std::string> names = {"positive", "neutral", "negative"};
    return names;
}
}  // namespace

std::string_view to_string(Effect e) { return effect_names()[static_cast<std::size_t>(e)]; }
Effect parse_effect(std::string_view s) { return parse_choice<Effect>(s, effect_names(), "effect"); }

const std::vector<std::string>& cooperation_criteria() {
    static const std::vector<std::string> names = {"joint_development", "joint_implementation", "joint_staffing",
                                                   "joint_financing"};
    return names;
}

const std::vector<std::string>& horizontal_principles() {
    static const std::vector<std::string> names = {"sustainable_development", "equal_opportunities", "gender_equality"};
    return names;
}

const ProjectObjective* WorkPlan::objective(std::string_view id) const {
    for (const auto& o : objectives) {
        if (o.id == id) return &o;
    }
    return nullptr;
}

const WorkPackage* WorkPlan::work_package_of(std::string_view activity_id) const {
    for (const auto& wp : work_packages) {
        for (const auto& a : wp.activities) {
            if (a.id == activity_id) return &wp;
        }
    }
    return nullptr;
}

const Activity* WorkPlan::activity(std::string_view id) const {
    for (const auto& wp : work_packages) {
        for (const auto& a : wp.activities) {
            if (a.id == id) return &a;
        }
    }
    return nullptr;
}

const WorkPackage* WorkPlan::work_package(int number) const {
    for (const auto& wp : work_packages) {
        if (wp.number == number) return &wp;
    }
    return nullptr;
}

std::string normalise_indicator(std::string_view code) {
    const auto first_char = code.find_first_not_of(" \t\r\n");
    if (first_char == std::string_view::npos) return {};
    code = code.substr(first_char, code.find_last_not_of(" \t\r\n") - first_char + 1);
    std::string letters, digits;
    for (char c : code) {
        if (std::isalpha(static_cast<unsigned char>(c)) && digits.empty()) {
            letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (c != ' ' || !digits.empty()) {
            return std::string(code);  // not of the form LETTERS DIGITS
        }
    }
    if ((letters != "RCO" && letters != "RCR") || digits.empty()) return std::string(code);
    // The common indicators are numbered with at least two digits: RCO01 ... RCO124.
    const auto first = std::min(digits.find_first_not_of('0'), digits.size());
    digits = digits.substr(first);
    if (digits.size() < 2) digits.insert(0, 2 - digits.size(), '0');
    return letters + digits;
}

}  // namespace interreg
