// Values as a user names them, resolved against the programme (edit.hpp). Errors name the field.
#include "edit_support.hpp"
#include "interreg/countries.hpp"
#include "interreg/edit.hpp"

namespace interreg {

using detail::within;

Role role_named(const Programme&, std::string_view name) {
    return within("role", [&] { return parse_role(name); });
}

LegalStatus legal_status_named(const Programme&, std::string_view name) {
    return within("legal_status", [&] { return parse_legal_status(name); });
}

Category category_named(const Programme&, std::string_view name) {
    return within("category", [&] { return parse_category(name); });
}

std::string country_named(const Programme&, std::string_view name) {
    return within("country", [&] { return std::string(countries::require(name).code); });
}

std::string kind_named(const Programme& programme, std::string_view name) {
    return within("kind", [&] { return programme.require_project_kind(name).id; });
}

std::string geography_named(const Programme& programme, std::string_view name) {
    return within("geography", [&] { return programme.require_sub_geography(name).id; });
}

Effect effect_named(std::string_view name) {
    return within("effect", [&] { return parse_effect(name); });
}

Funding funding_named(std::string_view name) {
    return within("status", [&] { return parse_funding(name); });
}

std::string region_named(const Programme&, std::string name) { return name; }

std::string org_type_named(const Programme&, std::string name) { return name; }

std::string fund_named(const Programme&, std::string name) { return name; }

}  // namespace interreg
