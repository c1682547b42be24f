#include "interreg/proposal_json.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "interreg/countries.hpp"
#include "interreg/text.hpp"
#include "interreg/errors.hpp"
#include "interreg/json_reader.hpp"

namespace interreg {
namespace {

constexpr DocumentKind kind = DocumentKind::proposal;

// Run an API-level check and report its complaint at the value's path.
template <class F>
auto at_path(const JsonReader& r, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const ArgumentError& e) {
        r.fail(e.what());
    }
}

TextMap read_texts(const JsonReader& r) {
    if (r.json().is_string()) return {{"en", r.string(max_text_length)}};  // a plain string is English
    r.expect_object({"en", "sv", "da", "no"});
    TextMap out;
    for (const auto& [lang, value] : r.members()) out[lang] = value.string(max_text_length);
    return out;
}

std::optional<std::string> optional_string(const JsonReader& r, std::string_view key, std::size_t max_length) {
    if (auto v = r.find(key)) return v->string(max_length);
    return std::nullopt;
}

// Parse a decimal string with one of the money-like parsers, failing at the value's path.
template <class T>
T read_decimal(const JsonReader& r, T (*parse)(std::string_view)) {
    const std::string s = r.string(40);
    return at_path(r, [&] { return parse(s); });
}

BudgetLine read_line(const JsonReader& r) {
    r.expect_object({"category", "description", "unit_type", "units", "unit_price", "currency", "periods", "unit_cost",
                     "lump_sum"});
    BudgetLine l;
    l.category = parse_category(r.at("category").choice(category_names()));
    l.description = r.at("description").string(max_name_length);
    if (auto u = r.find("unit_type")) l.unit_type = u->string(max_name_length);
    l.units = read_decimal(r.at("units"), &Units::parse);
    l.unit_price = read_decimal(r.at("unit_price"), &Money::parse);
    if (auto c = r.find("currency")) l.currency = c->choice(currency_codes());
    if (auto periods = r.find("periods")) {
        l.periods.emplace();
        for (const auto& p : periods->items(max_periods)) l.periods->push_back(read_decimal(p, &Money::parse));
    }
    if (auto u = r.find("unit_cost")) l.unit_cost = u->nonempty_string(max_id_length);
    if (auto s = r.find("lump_sum")) l.lump_sum = s->nonempty_string(max_id_length);
    at_path(r, [&] { check_line(l); return 0; });
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

Cofinancing read_cofinancing(const JsonReader& r) {
    r.expect_object({"fund", "rate", "sources"});
    Cofinancing c;
    if (auto f = r.find("fund")) c.fund = f->nonempty_string(max_id_length);
    if (auto rate = r.find("rate")) c.rate = read_decimal(*rate, &Rate::parse);
    if (auto sources = r.find("sources")) {
        for (const auto& s : sources->items(max_sources)) {
            s.expect_object({"name", "own", "status", "amount"});
            ContributionSource src;
            src.name = s.at("name").nonempty_string(max_name_length);
            if (auto own = s.find("own")) src.own = own->boolean();
            src.status = parse_funding(s.at("status").choice({"public", "private"}));
            src.amount = read_decimal(s.at("amount"), &Money::parse);
            if (src.amount.cents() < 0 || src.amount.cents() > max_line_cents) {
                s.at("amount").fail("must lie between 0 and " + Money::from_cents(max_line_cents).to_string());
            }
            c.sources.push_back(std::move(src));
        }
    }
    return c;
}

std::map<std::string, ExchangeRateEntry> read_exchange_rates(const JsonReader& r) {
    std::map<std::string, ExchangeRateEntry> out;
    const std::vector<std::string> foreign(currency_codes().begin() + 1, currency_codes().end());
    for (const auto& [code, entry] : r.members()) {
        if (std::find(foreign.begin(), foreign.end(), code) == foreign.end()) {
            entry.fail("'" + code + "' is not a currency amounts can be entered in; use " + text::join_choices(foreign, ", "));
        }
        entry.expect_object({"rate", "date", "source"});
        ExchangeRateEntry e;
        e.rate = read_decimal(entry.at("rate"), &ExchangeRate::parse);
        if (auto d = entry.find("date")) {
            e.date = Date::parse(d->string());
            if (!e.date) d->fail("expected a date as YYYY-MM-DD");
        }
        if (auto s = entry.find("source")) e.source = s->string(max_name_length);
        out[code] = e;
    }
    return out;
}

int read_period(const JsonReader& r) { return static_cast<int>(r.integer(1, max_periods)); }

std::vector<std::string> read_ids(const JsonReader& r) {
    std::vector<std::string> out;
    for (const auto& item : r.items(max_partners)) out.push_back(item.nonempty_string(max_id_length));
    return out;
}

Activity read_activity(const JsonReader& r) {
    r.expect_object({"id", "title", "start_period", "end_period", "partners", "deliverables", "predecessors"});
    Activity a;
    a.id = r.at("id").nonempty_string(max_id_length);
    a.title = r.at("title").string(max_name_length);
    a.start_period = read_period(r.at("start_period"));
    a.end_period = read_period(r.at("end_period"));
    if (auto p = r.find("partners")) a.partners = read_ids(*p);
    if (auto ds = r.find("deliverables")) {
        for (const auto& d : ds->items(max_activities)) {
            d.expect_object({"title", "period"});
            a.deliverables.push_back({d.at("title").string(max_name_length), read_period(d.at("period"))});
        }
    }
    if (auto p = r.find("predecessors")) a.predecessors = read_ids(*p);
    return a;
}

WorkPlan read_work_plan(const JsonReader& r) {
    r.expect_object({"overall_objective", "objectives", "work_packages", "outputs", "results", "cooperation",
                     "horizontal_principles"});
    WorkPlan w;
    if (auto o = r.find("overall_objective")) w.overall_objective = o->string(max_text_length);
    if (auto os = r.find("objectives")) {
        for (const auto& o : os->items(max_work_packages)) {
            o.expect_object({"id", "text"});
            ProjectObjective objective{o.at("id").nonempty_string(max_id_length), o.at("text").string(max_text_length)};
            for (const auto& earlier : w.objectives) {
                if (earlier.id == objective.id) o.at("id").fail("objective id '" + objective.id + "' is used twice");
            }
            w.objectives.push_back(std::move(objective));
        }
    }
    std::vector<std::string> activity_ids;
    if (auto wps = r.find("work_packages")) {
        for (const auto& item : wps->items(max_work_packages)) {
            item.expect_object({"number", "title", "lead", "objective", "activities"});
            WorkPackage wp;
            wp.number = static_cast<int>(item.at("number").integer(1, static_cast<std::int64_t>(max_work_packages)));
            if (w.work_package(wp.number)) item.at("number").fail("work package " + std::to_string(wp.number) + " appears twice");
            wp.title = item.at("title").string(max_name_length);
            if (auto l = item.find("lead")) wp.lead = l->nonempty_string(max_id_length);
            if (auto o = item.find("objective")) wp.objective = o->nonempty_string(max_id_length);
            if (auto acts = item.find("activities")) {
                for (const auto& a : acts->items(max_activities)) {
                    Activity activity = read_activity(a);
                    if (std::find(activity_ids.begin(), activity_ids.end(), activity.id) != activity_ids.end()) {
                        a.at("id").fail("activity id '" + activity.id + "' is used twice");
                    }
                    activity_ids.push_back(activity.id);
                    wp.activities.push_back(std::move(activity));
                }
            }
            w.work_packages.push_back(std::move(wp));
        }
    }
    if (auto outs = r.find("outputs")) {
        for (const auto& o : outs->items(max_indicators)) {
            o.expect_object({"indicator", "target", "period", "work_package"});
            Output out{o.at("indicator").nonempty_string(max_id_length), read_decimal(o.at("target"), &Units::parse),
                       read_period(o.at("period")), std::nullopt};
            if (auto wp = o.find("work_package")) out.work_package = static_cast<int>(wp->integer(1, static_cast<std::int64_t>(max_work_packages)));
            w.outputs.push_back(std::move(out));
        }
    }
    if (auto res = r.find("results")) {
        for (const auto& o : res->items(max_indicators)) {
            o.expect_object({"indicator", "baseline", "target", "period"});
            Result result{o.at("indicator").nonempty_string(max_id_length), Units(), read_decimal(o.at("target"), &Units::parse),
                          read_period(o.at("period"))};
            if (auto b = o.find("baseline")) result.baseline = read_decimal(*b, &Units::parse);
            w.results.push_back(std::move(result));
        }
    }
    if (auto c = r.find("cooperation")) {
        c->expect_object({"joint_development", "joint_implementation", "joint_staffing", "joint_financing"});
        for (const auto& [name, text] : c->members()) {
            if (!text.is_null()) w.cooperation[name] = text.string(max_text_length);
        }
    }
    if (auto h = r.find("horizontal_principles")) {
        h->expect_object({"sustainable_development", "equal_opportunities", "gender_equality"});
        for (const auto& [name, value] : h->members()) {
            if (value.is_null()) continue;
            value.expect_object({"effect", "text"});
            Principle principle;
            principle.effect = parse_effect(value.at("effect").choice({"positive", "neutral", "negative"}));
            if (auto t = value.find("text")) principle.text = t->string(max_text_length);
            w.principles[name] = principle;
        }
    }
    return w;
}

Partner read_partner(const JsonReader& r) {
    r.expect_object({"id", "name", "country", "region", "org_type", "legal_status", "role", "norwegian_project_owner",
                     "budget", "cofinancing"});
    Partner p;
    p.id = r.at("id").nonempty_string(50);
    p.name = r.at("name").nonempty_string(max_name_length);
    const auto country = r.at("country");
    p.country = country.string(10);
    at_path(country, [&] { return countries::require_canonical(p.country); });
    p.region = optional_string(r, "region", max_name_length);
    p.org_type = optional_string(r, "org_type", max_name_length);
    if (auto s = r.find("legal_status")) p.legal_status = parse_legal_status(s->choice(legal_status_names()));
    p.role = parse_role(r.at("role").choice(role_names()));
    if (auto owner = r.find("norwegian_project_owner")) p.norwegian_project_owner = owner->boolean();
    if (auto b = r.find("budget")) p.budget = read_budget(*b);
    if (auto c = r.find("cofinancing")) p.cofinancing = read_cofinancing(*c);
    return p;
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
    oj lines = oj::array();
    for (const auto& l : b.lines) {
        oj periods = nullptr;
        if (l.periods) {
            periods = oj::array();
            for (Money m : *l.periods) periods.push_back(m.to_string());
        }
        lines.push_back(oj{{"category", std::string(to_string(l.category))},
                           {"description", l.description},
                           {"unit_type", l.unit_type},
                           {"units", l.units.to_string()},
                           {"unit_price", l.unit_price.to_string()},
                           {"currency", l.currency},
                           {"periods", periods},
                           {"unit_cost", or_null(l.unit_cost)},
                           {"lump_sum", or_null(l.lump_sum)}});
    }
    return oj{{"flat_rates", rates}, {"lines", lines}};
}

nlohmann::ordered_json write_work_plan(const WorkPlan& w) {
    using oj = nlohmann::ordered_json;
    oj objectives = oj::array();
    for (const auto& o : w.objectives) objectives.push_back(oj{{"id", o.id}, {"text", o.text}});
    oj wps = oj::array();
    for (const auto& wp : w.work_packages) {
        oj activities = oj::array();
        for (const auto& a : wp.activities) {
            oj deliverables = oj::array();
            for (const auto& d : a.deliverables) deliverables.push_back(oj{{"title", d.title}, {"period", d.period}});
            activities.push_back(oj{{"id", a.id}, {"title", a.title}, {"start_period", a.start_period},
                                    {"end_period", a.end_period}, {"partners", a.partners},
                                    {"deliverables", deliverables}, {"predecessors", a.predecessors}});
        }
        wps.push_back(oj{{"number", wp.number}, {"title", wp.title}, {"lead", or_null(wp.lead)},
                         {"objective", or_null(wp.objective)}, {"activities", activities}});
    }
    oj outputs = oj::array();
    for (const auto& o : w.outputs) {
        outputs.push_back(oj{{"indicator", o.indicator}, {"target", o.target.to_string()}, {"period", o.period},
                             {"work_package", or_null(o.work_package)}});
    }
    oj results = oj::array();
    for (const auto& r : w.results) {
        results.push_back(oj{{"indicator", r.indicator}, {"baseline", r.baseline.to_string()},
                             {"target", r.target.to_string()}, {"period", r.period}});
    }
    oj cooperation = oj::object();
    for (const auto& name : cooperation_criteria()) {
        auto it = w.cooperation.find(name);
        cooperation[name] = it == w.cooperation.end() ? oj(nullptr) : oj(it->second);
    }
    oj principles = oj::object();
    for (const auto& name : horizontal_principles()) {
        auto it = w.principles.find(name);
        principles[name] = it == w.principles.end()
                               ? oj(nullptr)
                               : oj{{"effect", std::string(to_string(it->second.effect))}, {"text", it->second.text}};
    }
    return oj{{"overall_objective", w.overall_objective}, {"objectives", objectives}, {"work_packages", wps},
              {"outputs", outputs}, {"results", results}, {"cooperation", cooperation},
              {"horizontal_principles", principles}};
}

nlohmann::ordered_json cofinancing_to_json(const Cofinancing& c) {
    using oj = nlohmann::ordered_json;
    oj sources = oj::array();
    for (const auto& s : c.sources) {
        sources.push_back(oj{{"name", s.name}, {"own", s.own}, {"status", std::string(to_string(s.status))},
                             {"amount", s.amount.to_string()}});
    }
    return oj{{"fund", or_null(c.fund)}, {"rate", text_or_null(c.rate)}, {"sources", sources}};
}

}  // namespace

Proposal proposal_from_json(const nlohmann::json& doc) {
    const JsonReader root(doc, "", kind);
    root.expect_object({"format", "version", "programme", "call", "kind", "acronym", "title", "summary",
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
    p.programme = root.at("programme").nonempty_string(100);
    p.call = optional_string(root, "call", 50);
    p.kind = root.at("kind").nonempty_string(50);
    p.acronym = root.at("acronym").string(max_name_length);
    if (auto t = root.find("title")) p.title = read_texts(*t);
    if (auto t = root.find("summary")) p.summary = read_texts(*t);
    p.specific_objective = optional_string(root, "specific_objective", 50).value_or("");
    p.geography = optional_string(root, "geography", 50).value_or("whole");
    if (auto s = root.find("start")) {
        p.start = Date::parse(s->string());
        if (!p.start) s->fail("expected a date as YYYY-MM-DD, e.g. 2026-01-01");
    }
    if (auto d = root.find("duration_months")) p.duration_months = static_cast<int>(d->integer(1, max_duration_months));
    if (auto x = root.find("exchange_rates")) p.exchange_rates = read_exchange_rates(*x);

    const auto partners = root.at("partners");
    for (const auto& item : partners.items(max_partners)) {
        Partner partner = read_partner(item);
        at_path(item, [&] { return &p.add_partner(std::move(partner)); });
    }
    if (auto w = root.find("work_plan")) p.work_plan = read_work_plan(*w);
    return p;
}

WorkPlan work_plan_from_json(const nlohmann::json& doc) {
    return read_work_plan(JsonReader(doc, "/work_plan", DocumentKind::proposal));
}

nlohmann::ordered_json work_plan_to_json(const WorkPlan& work_plan) { return write_work_plan(work_plan); }

Proposal parse_proposal(std::string_view text) { return proposal_from_json(parse_json(text, kind)); }

Proposal load_proposal(const std::string& path) { return proposal_from_json(load_json_file(path, kind)); }

nlohmann::ordered_json proposal_to_json(const Proposal& p) {
    using oj = nlohmann::ordered_json;
    oj rates = oj::object();
    for (const auto& [code, e] : p.exchange_rates) {
        rates[code] = oj{{"rate", e.rate.to_string()}, {"date", text_or_null(e.date)}, {"source", e.source}};
    }
    oj partners = oj::array();
    for (const auto& partner : p.partners) {
        partners.push_back(oj{
            {"id", partner.id},
            {"name", partner.name},
            {"country", partner.country},
            {"region", or_null(partner.region)},
            {"org_type", or_null(partner.org_type)},
            {"legal_status", partner.legal_status ? oj(std::string(to_string(*partner.legal_status))) : oj(nullptr)},
            {"role", std::string(to_string(partner.role))},
            {"norwegian_project_owner", partner.norwegian_project_owner},
            {"budget", budget_to_json(partner.budget)},
            {"cofinancing", cofinancing_to_json(partner.cofinancing)},
        });
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
        {"specific_objective", p.specific_objective},
        {"geography", p.geography},
        {"start", p.start ? oj(p.start->to_string()) : oj(nullptr)},
        {"duration_months", or_null(p.duration_months)},
        {"exchange_rates", rates},
        {"partners", partners},
    };
    // The work plan is written once there is one: documents drafted without it stay as they were.
    if (!p.work_plan.empty()) out["work_plan"] = write_work_plan(p.work_plan);
    return out;
}

std::string dump_proposal(const Proposal& proposal) { return proposal_to_json(proposal).dump(2) + "\n"; }

void save_proposal(const Proposal& proposal, const std::string& path) {
    write_file_atomically(path, dump_proposal(proposal));
}

void write_file_atomically(const std::string& path, std::string_view contents) {
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string tmp = dir + "/." + base + ".tmp-XXXXXX";
    auto fail = [&](const std::string& what) {
        throw IoError("cannot save '" + path + "': " + what + ": " + std::strerror(errno));
    };
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) fail("cannot create a temporary file in '" + dir + "'");
    auto abandon = [&](const std::string& what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        errno = saved;
        fail(what);
    };
    // Keep the permissions of the file we replace; a new file gets rw-r--r--.
    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0) abandon("cannot set permissions");
    for (std::size_t done = 0; done < contents.size();) {
        const auto n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abandon("write failed");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) abandon("fsync failed");
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        fail("close failed");
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail("rename failed");
    }
    // Make the rename itself durable.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace interreg
