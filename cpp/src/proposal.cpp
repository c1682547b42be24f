#include "interreg/proposal.hpp"

#include <algorithm>

#include "interreg/countries.hpp"
#include "interreg/choices.hpp"
#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

const std::vector<std::string>& role_names() {
    static const std::vector<std::string> names = {"lead", "partner", "associated"};
    return names;
}

const std::vector<std::string>& legal_status_names() {
    static const std::vector<std::string> names = {"public", "private", "other"};
    return names;
}

const std::vector<std::string>& language_codes() {
    static const std::vector<std::string> codes = {"en", "sv", "da", "no"};
    return codes;
}

std::string_view to_string(Role r) { return role_names()[static_cast<std::size_t>(r)]; }
std::string_view to_string(LegalStatus s) { return legal_status_names()[static_cast<std::size_t>(s)]; }
Role parse_role(std::string_view s) { return parse_choice<Role>(s, role_names(), "role"); }
LegalStatus parse_legal_status(std::string_view s) {
    return parse_choice<LegalStatus>(s, legal_status_names(), "legal status");
}

void check_duration(int months) {
    if (months < 1 || months > max_duration_months) {
        throw ArgumentError("duration_months must be between 1 and " + std::to_string(max_duration_months) + ", not " +
                            std::to_string(months));
    }
}

void check_text_map(const TextMap& texts, std::string_view field) {
    for (const auto& [lang, text] : texts) {
        if (!text::valid_utf8(text)) throw ArgumentError(std::string(field) + " is not valid UTF-8");
        const auto& codes = language_codes();
        if (std::find(codes.begin(), codes.end(), lang) == codes.end()) {
            throw ArgumentError("unknown language '" + lang + "' in " + std::string(field) + "; use one of " +
                                text::join_choices(codes, ", "));
        }
        if (text::utf8_length(text) > max_text_length) {
            throw ArgumentError(std::string(field) + " [" + lang + "] is longer than " + std::to_string(max_text_length) +
                                " characters");
        }
    }
}

void Partner::check() const {
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) throw ArgumentError("a partner needs a name");
    for (const auto* field : {&name, &country}) {
        if (!text::valid_utf8(*field)) throw ArgumentError("partner text is not valid UTF-8");
    }
    for (const auto* field : {&region, &org_type}) {
        if (*field && !text::valid_utf8(**field)) throw ArgumentError("partner text is not valid UTF-8");
    }
    if (text::utf8_length(name) > max_name_length) {
        throw ArgumentError("partner name is longer than " + std::to_string(max_name_length) + " characters");
    }
    countries::require_canonical(country);
    if (region && text::utf8_length(*region) > max_name_length) {
        throw ArgumentError("region is longer than " + std::to_string(max_name_length) + " characters");
    }
    if (org_type && text::utf8_length(*org_type) > max_name_length) {
        throw ArgumentError("org_type is longer than " + std::to_string(max_name_length) + " characters");
    }
    if (budget.lines.size() > max_budget_lines) {
        throw ArgumentError("a partner holds at most " + std::to_string(max_budget_lines) + " budget lines");
    }
    for (std::size_t i = 0; i < budget.lines.size(); ++i) {
        try {
            check_line(budget.lines[i]);
        } catch (const ArgumentError& e) {
            throw ArgumentError("budget line " + std::to_string(i) + ": " + e.what());
        }
    }
    if (cofinancing.sources.size() > max_sources) {
        throw ArgumentError("a partner has at most " + std::to_string(max_sources) + " contribution sources");
    }
    if (cofinancing.fund && (cofinancing.fund->find_first_not_of(" \t\r\n") == std::string::npos ||
                             text::utf8_length(*cofinancing.fund) > max_id_length)) {
        throw ArgumentError("a fund id has 1 to " + std::to_string(max_id_length) + " characters");
    }
    for (const auto& s : cofinancing.sources) {
        if (s.name.find_first_not_of(" \t\r\n") == std::string::npos) throw ArgumentError("a contribution source needs a name");
        if (text::utf8_length(s.name) > max_name_length) {
            throw ArgumentError("a contribution source name has at most " + std::to_string(max_name_length) + " characters");
        }
        if (!text::valid_utf8(s.name)) throw ArgumentError("contribution source name is not valid UTF-8");
        if (s.amount.cents() < 0 || s.amount.cents() > max_line_cents) {
            throw ArgumentError("contribution of " + s.name + " must lie between 0 and " +
                                Money::from_cents(max_line_cents).to_string());
        }
    }
}

void check_line(const BudgetLine& line) {
    if (!text::valid_utf8(line.description) || !text::valid_utf8(line.unit_type)) {
        throw ArgumentError("text is not valid UTF-8");
    }
    if (text::utf8_length(line.description) > max_name_length || text::utf8_length(line.unit_type) > max_name_length) {
        throw ArgumentError("description and unit type take at most " + std::to_string(max_name_length) + " characters");
    }
    for (const auto* id : {&line.unit_cost, &line.lump_sum}) {
        if (*id && ((*id)->find_first_not_of(" \t\r\n") == std::string::npos || text::utf8_length(**id) > max_id_length)) {
            throw ArgumentError("a unit cost or lump sum id has 1 to " + std::to_string(max_id_length) + " characters");
        }
    }
    const auto& codes = currency_codes();
    if (std::find(codes.begin(), codes.end(), line.currency) == codes.end()) {
        throw ArgumentError("unknown currency '" + line.currency + "'; use one of " + text::join_choices(codes, ", "));
    }
    auto absurd = [](Money m) { return m.cents() > max_line_cents || m.cents() < -max_line_cents; };
    auto absurd_total = [&] {
        try {
            return absurd(line_total(line.units, line.unit_price));
        } catch (const ArgumentError&) {
            return true;  // overflow
        }
    };
    if (absurd(line.unit_price) || line.units.hundredths() > max_line_cents || line.units.hundredths() < -max_line_cents ||
        absurd_total()) {
        throw ArgumentError("the line's amount is beyond " + Money::from_cents(max_line_cents).to_string() +
                            "; check units and unit price");
    }
    if (line.periods) {
        if (line.periods->size() > max_periods) {
            throw ArgumentError("at most " + std::to_string(max_periods) + " period amounts");
        }
        for (Money m : *line.periods) {
            if (absurd(m)) throw ArgumentError("a period amount is beyond " + Money::from_cents(max_line_cents).to_string());
        }
    }
}

const Partner& Proposal::add_partner(Partner partner) {
    if (partners.size() >= max_partners) {
        throw ArgumentError("a proposal holds at most " + std::to_string(max_partners) + " partners");
    }
    partner.check();
    if (partner.id.empty()) {
        // The next number after the highest "PPn" in use: removing PP1 does not renumber PP2.
        int highest = 0;
        for (const auto& p : partners) {
            if (p.id.size() > 2 && p.id.compare(0, 2, "PP") == 0 &&
                p.id.find_first_not_of("0123456789", 2) == std::string::npos && p.id.size() < 9) {
                highest = std::max(highest, std::stoi(p.id.substr(2)));
            }
        }
        partner.id = "PP" + std::to_string(highest + 1);
    } else if (std::any_of(partners.begin(), partners.end(), [&](const Partner& p) { return p.id == partner.id; })) {
        throw ArgumentError("a partner with id '" + partner.id + "' already exists");
    }
    partners.push_back(std::move(partner));
    return partners.back();
}

const Partner* Proposal::find_partner(std::string_view id_or_name) const {
    for (const auto& p : partners) {
        if (p.id == id_or_name) return &p;
    }
    const auto key = text::organisation_key(id_or_name);
    for (const auto& p : partners) {
        if (!key.empty() && text::organisation_key(p.name) == key) return &p;
    }
    return nullptr;
}

const Partner& Proposal::partner(std::string_view id_or_name) const {
    if (const Partner* p = find_partner(id_or_name)) return *p;
    std::vector<std::string> known;
    for (const auto& p : partners) known.push_back(p.id + " (" + p.name + ")");
    throw NotFoundError("no partner '" + std::string(id_or_name) + "'" +
                        (known.empty() ? std::string("; the proposal has no partners yet")
                                       : "; partners: " + text::join_choices(known, ", ")));
}

std::size_t Proposal::partner_index(std::string_view id_or_name) const {
    return static_cast<std::size_t>(&partner(id_or_name) - partners.data());
}

void Proposal::update_partner(const Partner& changed) {
    changed.check();
    partners[partner_index(changed.id)] = changed;
}

void Proposal::remove_partner(std::string_view id) {
    partners.erase(partners.begin() + static_cast<std::ptrdiff_t>(partner_index(id)));
}

std::optional<Date> Proposal::end() const {
    if (!start || !duration_months) return std::nullopt;
    return start->add_months(*duration_months);
}

}  // namespace interreg
