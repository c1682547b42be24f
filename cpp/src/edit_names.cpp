// Values as a user names them, resolved against the programme (edit.hpp). Errors name the field.
#include "edit_support.hpp"
#include "interreg/countries.hpp"
#include "interreg/edit.hpp"
#include "interreg/text.hpp"

namespace interreg {

using detail::within;

namespace {
// The canonical spelling among `names` of what `name` spells in another case or with '_',
// '-' or spaces ("Office admin" → "office_admin"); `name` itself when none matches.
std::string_view canonical(std::string_view name, const std::vector<std::string>& names) {
    const auto key = text::fold(name);
    for (const auto& n : names) {
        if (text::fold(n) == key) return n;
    }
    return name;
}
}  // namespace

Role role_named(const Programme&, std::string_view name) {
    return within("role", [&] { return parse_role(canonical(name, role_names())); });
}

LegalStatus legal_status_named(const Programme&, std::string_view name) {
    return within("legal_status", [&] { return parse_legal_status(canonical(name, legal_status_names())); });
}

Category category_named(const Programme& programme, std::string_view name) {
    if (const CostCategory* c = programme.cost_category(name)) return parse_category(c->id);
    return within("category", [&] { return parse_category(canonical(name, category_names())); });
}

// A programme country by code or name in any of its languages; any other by ISO code or English name.
std::string country_named(const Programme& programme, std::string_view name) {
    if (const Country* c = programme.find_country(name)) return c->code;
    const auto key = text::fold(name);
    for (const auto& c : countries::all()) {
        if (text::fold(c.name) == key) return c.code;
    }
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

// An unknown type or fund is kept as given: the rules report it (a draft may be ahead of us).
// So is a type named through an assumed alias: the verdict on it must keep saying that it
// rests on the library's mapping of a harmonised partner type.
std::string org_type_named(const Programme& programme, std::string name) {
    const OrgType* t = programme.org_type(name);
    const Alias* via = programme.org_type_alias(name);
    return t && !(via && via->source.assumed) ? t->id : name;
}

std::string fund_named(const Programme& programme, std::string name) {
    const Fund* f = programme.fund(name);
    return f ? f->id : name;
}

}  // namespace interreg
