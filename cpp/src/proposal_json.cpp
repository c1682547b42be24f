#include "interreg/proposal_json.hpp"
#include "interreg/files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edit_support.hpp"
#include "proposal_parts.hpp"
#include "interreg/edit.hpp"
#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"
#include "interreg/workplan_json.hpp"

namespace interreg {
namespace {

// The reader parses each value's type and decimal text; everything a value may hold is checked
// by the edit operations (edit.hpp) it hands the values to, so a file and the API accept the
// same values with the same message.
constexpr DocumentKind kind = DocumentKind::proposal;
using detail::at_path;
using detail::read_decimal;

TextMap read_texts(const JsonReader& r) {
    if (r.is_string()) return {{"en", r.string(detail::any_length)}};  // a plain string is English
    TextMap out;
    for (const auto& [lang, value] : r.members()) out[std::string(lang)] = value.string(detail::any_length);
    return out;
}

// The form's text sections: section → texts, in the form's order.
std::vector<std::pair<std::string, TextMap>> read_narrative(const JsonReader& r) {
    std::vector<std::pair<std::string, TextMap>> out;
    r.expect_object(narrative_sections());
    for (const auto& section : narrative_sections()) {
        if (auto t = r.find(section)) out.emplace_back(section, read_texts(*t));
    }
    return out;
}

std::optional<std::string> optional_string(const JsonReader& r, std::string_view key) {
    if (auto v = r.find(key)) return v->string(detail::any_length);
    return std::nullopt;
}

// A choice read with the API's own parser, so the message is the API's.
template <class T>
T read_choice(const JsonReader& r, T (*parse)(std::string_view)) {
    const std::string s = r.string(detail::any_length);
    return at_path(r, [&] { return parse(s); });
}

BudgetLine read_line(const JsonReader& r) {
    r.expect_object({"category", "description", "unit_type", "units", "unit_price", "currency", "periods", "unit_cost",
                     "lump_sum"});
    BudgetLine l;
    l.category = read_choice(r.at("category"), &parse_category);
    l.description = r.at("description").string(detail::any_length);
    if (auto u = r.find("unit_type")) l.unit_type = u->string(detail::any_length);
    l.units = read_decimal(r.at("units"), &Units::parse);
    l.unit_price = read_decimal(r.at("unit_price"), &Money::parse);
    if (auto c = r.find("currency")) l.currency = c->string(detail::any_length);
    if (auto periods = r.find("periods")) {
        l.periods.emplace();
        for (const auto& p : periods->items(max_periods)) l.periods->push_back(read_decimal(p, &Money::parse));
    }
    l.unit_cost = optional_string(r, "unit_cost");
    l.lump_sum = optional_string(r, "lump_sum");
    return l;
}

PartnerBudget read_budget(const JsonReader& r) {
    r.expect_object({"flat_rates", "lines"});
    PartnerBudget b;
    if (auto f = r.find("flat_rates")) {
        f->expect_object({"staff", "office_on_staff", "office_on_direct", "travel", "other_costs"});
        for (const auto& [name, value] : f->members()) {
            if (!value.is_null()) set_flat_rate(b.flat_rates, name, read_decimal(value, &Rate::parse));
        }
    }
    if (auto lines = r.find("lines")) {
        for (const auto& line : lines->items(max_budget_lines)) b.lines.push_back(read_line(line));
    }
    return b;
}

Funding parse_status(std::string_view s) { return parse_funding(s); }

Cofinancing read_cofinancing(const JsonReader& r) {
    r.expect_object({"fund", "rate", "sources"});
    Cofinancing c;
    c.fund = optional_string(r, "fund");
    if (auto rate = r.find("rate")) c.rate = read_decimal(*rate, &Rate::parse);
    if (auto sources = r.find("sources")) {
        for (const auto& s : sources->items(max_sources)) {
            s.expect_object({"name", "own", "status", "amount"});
            ContributionSource src;
            src.name = s.at("name").string(detail::any_length);
            if (auto own = s.find("own")) src.own = own->boolean();
            src.status = read_choice(s.at("status"), &parse_status);
            src.amount = read_decimal(s.at("amount"), &Money::parse);
            c.sources.push_back(std::move(src));
        }
    }
    return c;
}

StateAid read_state_aid(const JsonReader& r) {
    r.expect_object({"scheme", "previous_de_minimis"});
    StateAid aid;
    aid.scheme = read_choice(r.at("scheme"), &parse_state_aid_scheme);
    if (auto m = r.find("previous_de_minimis")) aid.previous_de_minimis = read_decimal(*m, &Money::parse);
    return aid;
}

}  // namespace

Partner detail::read_partner(const JsonReader& r) {
    r.expect_object({"id", "name", "country", "region", "org_type", "legal_status", "role", "norwegian_project_owner",
                     "organisation_number", "address", "contact_person", "economic_activity", "state_aid", "budget",
                     "cofinancing"});
    Partner p;
    p.id = r.at("id").string(detail::any_length);
    if (p.id.empty()) r.at("id").fail("must not be empty");  // an empty id would be handed a new one
    p.name = r.at("name").string(detail::any_length);
    p.country = r.at("country").string(detail::any_length);
    p.region = optional_string(r, "region");
    p.org_type = optional_string(r, "org_type");
    if (auto s = r.find("legal_status")) p.legal_status = read_choice(*s, &parse_legal_status);
    p.role = read_choice(r.at("role"), &parse_role);
    if (auto owner = r.find("norwegian_project_owner")) p.norwegian_project_owner = owner->boolean();
    p.organisation_number = optional_string(r, "organisation_number");
    p.address = optional_string(r, "address");
    p.contact_person = optional_string(r, "contact_person");
    if (auto e = r.find("economic_activity")) p.economic_activity = e->boolean();
    if (auto s = r.find("state_aid")) p.state_aid = read_state_aid(*s);
    if (auto b = r.find("budget")) p.budget = read_budget(*b);
    if (auto c = r.find("cofinancing")) p.cofinancing = read_cofinancing(*c);
    return p;
}

namespace {

void read_exchange_rates(const JsonReader& r, Proposal& p) {
    for (const auto& [code, entry] : r.members()) {
        entry.expect_object({"rate", "date", "source"});
        ExchangeRateEntry e;
        e.rate = read_decimal(entry.at("rate"), &ExchangeRate::parse);
        if (auto d = entry.find("date")) {
            const std::string text = d->string(detail::any_length);
            e.date = at_path(*d, [&] { return parse_date("", text); });
        }
        if (auto s = entry.find("source")) e.source = s->string(detail::any_length);
        const std::string currency(code);  // a structured binding cannot be captured in C++17
        at_path(entry, [&] { set_exchange_rate(p, currency, std::move(e)); });
    }
}

nlohmann::ordered_json texts_to_json(const TextMap& texts) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& lang : language_codes()) {
        auto it = texts.find(lang);
        if (it != texts.end()) out[lang] = it->second;
    }
    return out;
}

template <class T>
nlohmann::ordered_json or_null(const std::optional<T>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

template <class T>
nlohmann::ordered_json text_or_null(const std::optional<T>& v) {
    return v ? nlohmann::ordered_json(v->to_string()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json budget_to_json(const PartnerBudget& b) {
    using oj = nlohmann::ordered_json;
    oj rates = oj::object();
    for (const auto& name : flat_rate_names()) rates[name] = text_or_null(flat_rate(b.flat_rates, name));
    // Each line's keys appended in order (they are distinct): no key lookups and no copies, for
    // the thousands of lines of a large budget.
    oj::array_t lines;
    lines.reserve(b.lines.size());
    for (const auto& l : b.lines) {
        oj periods = nullptr;
        if (l.periods) {
            periods = oj::array();
            for (Money m : *l.periods) periods.push_back(m.to_string());
        }
        oj::object_t line;
        line.reserve(9);
        line.emplace_back("category", std::string(to_string(l.category)));
        line.emplace_back("description", l.description);
        line.emplace_back("unit_type", l.unit_type);
        line.emplace_back("units", l.units.to_string());
        line.emplace_back("unit_price", l.unit_price.to_string());
        line.emplace_back("currency", l.currency);
        line.emplace_back("periods", std::move(periods));
        line.emplace_back("unit_cost", or_null(l.unit_cost));
        line.emplace_back("lump_sum", or_null(l.lump_sum));
        lines.emplace_back(std::move(line));
    }
    return oj{{"flat_rates", std::move(rates)}, {"lines", std::move(lines)}};  // moved, not copied
}

nlohmann::ordered_json cofinancing_to_json(const Cofinancing& c) {
    using oj = nlohmann::ordered_json;
    oj sources = oj::array();
    for (const auto& s : c.sources) {
        sources.push_back(oj{{"name", s.name}, {"own", s.own}, {"status", std::string(to_string(s.status))},
                             {"amount", s.amount.to_string()}});
    }
    return oj{{"fund", or_null(c.fund)}, {"rate", text_or_null(c.rate)}, {"sources", std::move(sources)}};
}

nlohmann::ordered_json state_aid_to_json(const StateAid& aid) {
    return nlohmann::ordered_json{{"scheme", std::string(to_string(aid.scheme))},
                                  {"previous_de_minimis", text_or_null(aid.previous_de_minimis)}};
}

}  // namespace

namespace detail {

Proposal read_proposal_header(const JsonReader& root) {
    root.expect_object({"format", "version", "programme", "call", "kind", "acronym", "title", "summary", "narrative",
                        "specific_objective", "geography", "start", "duration_months", "exchange_rates", "partners",
                        "work_plan"});
    const auto format = root.at("format");
    if (format.string() != "interreg-proposal") format.fail("expected \"interreg-proposal\"");
    const auto version = root.at("version").integer(1, 1000000);
    if (version > proposal_format_version) {
        root.at("version").fail("version " + std::to_string(version) + " is newer than this library reads (" +
                                std::to_string(proposal_format_version) + "); update interreg");
    }

    Proposal p;
    const std::string programme = root.at("programme").string(detail::any_length);
    auto call = optional_string(root, "call");
    const std::string project_kind = root.at("kind").string(detail::any_length);
    const std::string acronym = root.at("acronym").string(detail::any_length);
    TextMap title, summary;
    if (auto t = root.find("title")) title = read_texts(*t);
    if (auto t = root.find("summary")) summary = read_texts(*t);
    const auto objective = optional_string(root, "specific_objective").value_or("");
    const auto geography = optional_string(root, "geography").value_or("whole");
    std::optional<Date> start;
    if (auto s = root.find("start")) {
        const std::string text = s->string(detail::any_length);
        start = at_path(*s, [&] { return parse_date("", text); });
    }
    std::optional<std::int64_t> duration;
    if (auto d = root.find("duration_months")) duration = d->integer(1, max_duration_months);  // set_duration's check
    at_path(root, [&] {
        set_programme_id(p, programme);
        set_call(p, std::move(call));
        set_kind(p, project_kind);
        set_acronym(p, acronym);
        set_title(p, std::move(title));
        set_summary(p, std::move(summary));
        set_specific_objective(p, objective);
        set_geography(p, geography);
        set_start(p, start);
        set_duration(p, duration);
    });
    if (auto n = root.find("narrative")) {
        for (auto& section : read_narrative(*n)) {  // (section, texts); errors at /narrative/SECTION/LANG
            at_path(root, [&] { set_narrative(p, section.first, std::move(section.second)); });
        }
    }
    if (auto x = root.find("exchange_rates")) read_exchange_rates(*x, p);
    return p;
}

void add_read_partner(Proposal& p, Partner partner, const JsonReader& r) {
    at_path(r, [&] { add_partner(p, std::move(partner)); });
}

}  // namespace detail

Proposal proposal_from_json(const nlohmann::json& doc) { return proposal_from_json(JsonDocument::from(doc).root()); }

Proposal proposal_from_json(JsonValue doc) {
    const JsonReader root(doc, "", kind);
    Proposal p = detail::read_proposal_header(root);
    for (const auto& item : root.at("partners").items(max_partners)) {
        detail::add_read_partner(p, detail::read_partner(item), item);
    }
    if (auto w = root.find("work_plan")) p.work_plan = read_work_plan(*w);
    return p;
}

WorkPlan work_plan_from_json(const nlohmann::json& doc) {
    const JsonDocument document = JsonDocument::from(doc);
    return read_work_plan(JsonReader(document.root(), "/work_plan", DocumentKind::proposal));
}

Proposal parse_proposal(std::string_view text) { return proposal_from_json(parse_json(text, kind).root()); }

Proposal load_proposal(const std::string& path) { return proposal_from_json(load_json_file(path, kind).root()); }

nlohmann::ordered_json proposal_to_json(const Proposal& p) {
    using oj = nlohmann::ordered_json;
    oj rates = oj::object();
    for (const auto& [code, e] : p.exchange_rates) {
        rates[code] = oj{{"rate", e.rate.to_string()}, {"date", text_or_null(e.date)}, {"source", e.source}};
    }
    oj partners = oj::array();
    for (const auto& partner : p.partners) {
        oj out{
            {"id", partner.id},
            {"name", partner.name},
            {"country", partner.country},
            {"region", or_null(partner.region)},
            {"org_type", or_null(partner.org_type)},
            {"legal_status", partner.legal_status ? oj(std::string(to_string(*partner.legal_status))) : oj(nullptr)},
            {"role", std::string(to_string(partner.role))},
            {"norwegian_project_owner", partner.norwegian_project_owner},
        };
        // Written once given, so documents drafted before these fields keep their bytes.
        if (partner.organisation_number) out["organisation_number"] = *partner.organisation_number;
        if (partner.address) out["address"] = *partner.address;
        if (partner.contact_person) out["contact_person"] = *partner.contact_person;
        if (partner.economic_activity) out["economic_activity"] = *partner.economic_activity;
        if (partner.state_aid) out["state_aid"] = state_aid_to_json(*partner.state_aid);
        out["budget"] = budget_to_json(partner.budget);
        out["cofinancing"] = cofinancing_to_json(partner.cofinancing);
        partners.push_back(std::move(out));
    }
    oj out{
        {"format", "interreg-proposal"},
        {"version", proposal_format_version},
        {"programme", p.programme},
        {"call", or_null(p.call)},
        {"kind", p.kind},
        {"acronym", p.acronym},
        {"title", texts_to_json(p.title)},
        {"summary", texts_to_json(p.summary)},
    };
    // The form's other text sections, beside the summary, once there are any: documents drafted
    // without them stay as they were.
    if (!p.narrative.empty()) {
        oj narrative = oj::object();
        for (const auto& section : narrative_sections()) {
            auto it = p.narrative.find(section);
            if (it != p.narrative.end()) narrative[section] = texts_to_json(it->second);
        }
        out["narrative"] = std::move(narrative);
    }
    out["specific_objective"] = p.specific_objective;
    out["geography"] = p.geography;
    out["start"] = p.start ? oj(p.start->to_string()) : oj(nullptr);
    out["duration_months"] = or_null(p.duration_months);
    out["exchange_rates"] = std::move(rates);
    out["partners"] = std::move(partners);
    // The work plan is written once there is one: documents drafted without it stay as they were.
    if (!p.work_plan.empty()) out["work_plan"] = work_plan_to_json(p.work_plan);
    return out;
}

std::string dump_proposal(const Proposal& proposal) { return proposal_to_json(proposal).dump(2) + "\n"; }

void save_proposal(const Proposal& proposal, const std::string& path) {
    write_file_atomically(path, dump_proposal(proposal));
}

}  // namespace interreg
