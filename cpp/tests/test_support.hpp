#pragma once
// Shared helpers for the interreg C++ tests: the embedded programme, its raw JSON document
// (to mutate into broken variants), a baseline proposal that validates cleanly, exception
// capture with path/detail checks, and a scratch directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/budget.hpp"
#include "interreg/edit.hpp"
#include "interreg/errors.hpp"
#include "interreg/money.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"
#include "interreg/report.hpp"
#include "interreg/rules.hpp"

// EXPECT that `hay` contains `needle` (both anything convertible to std::string).
#define EXPECT_CONTAINS(hay, needle)                                                        \
    EXPECT_NE(std::string(hay).find(needle), std::string::npos)                             \
        << "expected to find: " << (needle) << "\n                in: " << (hay)
#define EXPECT_NOT_CONTAINS(hay, needle)                                                    \
    EXPECT_EQ(std::string(hay).find(needle), std::string::npos)                             \
        << "expected NOT to find: " << (needle) << "\n                    in: " << (hay)

namespace interreg_test {

inline std::string programme_file() { return std::string(INTERREG_PROGRAMME_DIR) + "/oks-2021-2027.json"; }

// The embedded ÖKS programme, loaded once.
inline const interreg::Programme& programme() {
    static const std::shared_ptr<const interreg::Programme> p = interreg::Programme::load(programme_file());
    return *p;
}

// The citation text of a rule as the embedded programme configures it.
inline std::string source_of(std::string_view rule) {
    for (const auto& r : programme().rules()) {
        if (r.id == rule) return r.source.text();
    }
    return "<rule not in programme>";
}

// The programme document as plain JSON, a fresh copy to mutate.
inline nlohmann::json programme_doc() {
    static const nlohmann::json doc = [] {
        std::ifstream in(programme_file());
        return nlohmann::json::parse(in);
    }();
    return doc;
}

// The embedded programme read from its document after `mutate` changed it.
inline std::shared_ptr<const interreg::Programme> mutated_programme(const std::function<void(nlohmann::json&)>& mutate) {
    nlohmann::json doc = programme_doc();
    mutate(doc);
    return interreg::Programme::from_json(doc);
}

// Position of the record with `key` == `value` in the array `doc[array]`.
inline std::size_t index_of(const nlohmann::json& doc, const std::string& array, const std::string& key,
                            const std::string& value) {
    const auto& items = doc.at(array);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].at(key) == value) return i;
    }
    ADD_FAILURE() << "no " << array << " record with " << key << " = " << value;
    return 0;
}

// Run `f`; return the exception of type E it throws (failing the test on anything else).
template <class E, class F>
std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected " << typeid(E).name() << " but got " << typeid(e).name() << ": " << e.what();
        return std::nullopt;
    }
    ADD_FAILURE() << "expected " << typeid(E).name() << " but nothing was thrown";
    return std::nullopt;
}

// ---- budgets ---------------------------------------------------------------------------

inline interreg::Money eur(std::string_view amount) { return interreg::Money::parse(amount); }
inline interreg::Rate percent(std::string_view rate) { return interreg::Rate::parse(rate); }

inline interreg::BudgetLine budget_line(interreg::Category category, std::string description, std::string unit_type,
                                        std::string_view units, std::string_view unit_price,
                                        std::string currency = "EUR") {
    interreg::BudgetLine l;
    l.category = category;
    l.description = std::move(description);
    l.unit_type = std::move(unit_type);
    l.units = interreg::Units::parse(units);
    l.unit_price = interreg::Money::parse(unit_price);
    l.currency = std::move(currency);
    return l;
}

inline interreg::ContributionSource contribution_source(std::string name, bool own, interreg::Funding status,
                                                        std::string_view amount) {
    interreg::ContributionSource s;
    s.name = std::move(name);
    s.own = own;
    s.status = status;
    s.amount = interreg::Money::parse(amount);
    return s;
}

// The baseline budgets (main project, 36 months = six reporting periods), worked out by hand:
//
// PP1 Göteborgs universitet (SE, ERDF 60 %), travel 15 % and office 15 % of staff:
//   staff     2580 h × 52.40 = 135,192.00;  1720.5 h × 45.37 = 78,059.085 → 78,059.08
//             staff = 213,251.08
//   travel    15 % × 213,251.08 = 31,987.662 → 31,987.66
//   office    15 % × 213,251.08 = 31,987.66
//   external  1 × 24,000.00
//   total     213,251.08 + 31,987.66 + 31,987.66 + 24,000.00 = 301,226.40
//   ERDF      60 % = 180,735.84; contribution 120,490.56 = own 90,490.56 + region 30,000.00
// PP2 Aalborg Kommune (DK, ERDF 60 %), staff + 40 %:
//   staff 36 months × 5,200.00 = 187,200.00; other costs 40 % = 74,880.00; total 262,080.00
//   ERDF 157,248.00; contribution 104,832.00, its own
// PP3 Østfold fylkeskommune (NO, Norwegian funds 50 %), office 15 % of staff:
//   staff 3000 h × 62.50 = 187,500.00; travel 12 trips × 850.00 = 10,200.00
//   office 15 % × 187,500.00 = 28,125.00; total 225,825.00
//   Norwegian funds 112,912.50 (cap of call 2025:1: 300,000.00); contribution 112,912.50, its own
inline interreg::PartnerBudget baseline_budget_pp1() {
    using interreg::Category;
    interreg::PartnerBudget b;
    b.lines.push_back(budget_line(Category::staff, "Project manager", "hours", "2580", "52.40"));
    b.lines.push_back(budget_line(Category::staff, "Researcher, labour economics", "hours", "1720.5", "45.37"));
    b.lines.push_back(budget_line(Category::external, "External evaluation", "contract", "1", "24000.00"));
    b.flat_rates.travel = percent("15%");
    b.flat_rates.office_on_staff = percent("15%");
    return b;
}

inline interreg::Cofinancing baseline_cofinancing_pp1() {
    interreg::Cofinancing c;
    c.sources.push_back(
        contribution_source("Göteborgs universitet", true, interreg::Funding::public_funding, "90490.56"));
    c.sources.push_back(
        contribution_source("Västra Götalandsregionen", false, interreg::Funding::public_funding, "30000.00"));
    return c;
}

inline interreg::PartnerBudget baseline_budget_pp2() {
    interreg::PartnerBudget b;
    b.lines.push_back(budget_line(interreg::Category::staff, "Project coordinator", "months", "36", "5200.00"));
    b.flat_rates.other_costs = percent("40%");
    return b;
}

// A partner's whole contribution from its own money.
inline interreg::Cofinancing own_contribution(std::string name, std::string_view amount) {
    interreg::Cofinancing c;
    c.sources.push_back(contribution_source(std::move(name), true, interreg::Funding::public_funding, amount));
    return c;
}

inline interreg::PartnerBudget baseline_budget_pp3() {
    using interreg::Category;
    interreg::PartnerBudget b;
    b.lines.push_back(budget_line(Category::staff, "Regional developer", "hours", "3000", "62.50"));
    b.lines.push_back(budget_line(Category::travel, "Partner meetings", "trips", "12", "850.00"));
    b.flat_rates.office_on_staff = percent("15%");
    return b;
}

// ---- proposals -------------------------------------------------------------------------

inline interreg::Partner make_partner(std::string name, std::string country, std::optional<std::string> region,
                                      std::optional<std::string> org_type,
                                      interreg::Role role = interreg::Role::partner, bool owner = false) {
    interreg::Partner p;
    p.name = std::move(name);
    p.country = std::move(country);
    p.region = std::move(region);
    p.org_type = std::move(org_type);
    p.role = role;
    p.norwegian_project_owner = owner;
    return p;
}

inline interreg::Partner with_budget(interreg::Partner p, interreg::PartnerBudget budget,
                                     interreg::Cofinancing cofinancing = {}) {
    p.budget = std::move(budget);
    p.cofinancing = std::move(cofinancing);
    return p;
}

// ---- work plans ------------------------------------------------------------------------

inline interreg::Activity activity(std::string id, std::string title, int start, int end, std::vector<std::string> partners,
                  std::vector<interreg::Deliverable> deliverables, std::vector<std::string> predecessors = {}) {
    interreg::Activity a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.start_period = start;
    a.end_period = end;
    a.partners = std::move(partners);
    a.deliverables = std::move(deliverables);
    a.predecessors = std::move(predecessors);
    return a;
}

// The baseline's work plan (partners PP1 SE lead, PP2 DK, PP3 NO). A main project has six
// reporting periods (36 months), a pre-project two (12 months):
//
//   WP1 Skills mapping (lead PP1, objective O1)
//     A1.1 Employer survey     periods 1-2 (pre: 1-1), PP1 + PP2, deliverable in the last period
//     A1.2 Skills map          periods 3-4 (pre: 2-2), PP1 + PP3, after A1.1
//   WP2 Matching (lead PP2, objective O2)
//     A2.1 Joint job fairs     periods 3-6 (pre: 2-2), PP2 + PP3, after A1.2; deliverables at both ends
//   outputs RCO84 (WP1), RCO87 (WP2); results RCR104, RCR84; all four cooperation criteria;
//   sustainable development neutral without text, the other two principles positive with text.
inline interreg::WorkPlan full_work_plan(bool pre_project = false) {
    const int last = pre_project ? 2 : 6;
    interreg::WorkPlan w;
    w.overall_objective = "A labour market without borders in Öresund-Kattegat-Skagerrak.";
    w.objectives = {{"O1", "Map the skills employers lack on each side of the border."},
                    {"O2", "Match job seekers with employers across the border."}};
    interreg::WorkPackage wp1;
    wp1.number = 1;
    wp1.title = "Skills mapping";
    wp1.lead = "PP1";
    wp1.objective = "O1";
    wp1.activities.push_back(activity("A1.1", "Employer survey", 1, pre_project ? 1 : 2, {"PP1", "PP2"},
                                      {{"Survey report", pre_project ? 1 : 2}}));
    wp1.activities.push_back(activity("A1.2", "Skills map", pre_project ? 2 : 3, pre_project ? 2 : 4, {"PP1", "PP3"},
                                      {{"Skills map — “Kattegat” edition", pre_project ? 2 : 4}}, {"A1.1"}));
    interreg::WorkPackage wp2;
    wp2.number = 2;
    wp2.title = "Matching";
    wp2.lead = "PP2";
    wp2.objective = "O2";
    wp2.activities.push_back(activity("A2.1", "Joint job fairs", pre_project ? 2 : 4, last, {"PP2", "PP3"},
                                      {{"First fair", pre_project ? 2 : 4}, {"Last fair", last}}, {"A1.2"}));
    w.work_packages = {wp1, wp2};
    w.outputs = {{"RCO84", interreg::Units::parse("2"), last, 1}, {"RCO87", interreg::Units::parse("3"), last, 2}};
    w.results = {{"RCR104", interreg::Units::parse("0"), interreg::Units::parse("1"), last},
                 {"RCR84", interreg::Units::parse("0.5"), interreg::Units::parse("12.25"), last}};
    w.cooperation = {{"joint_development", "The partners wrote the application together."},
                     {"joint_implementation", "Every activity has partners from two countries."},
                     {"joint_staffing", "A shared project coordinator."},
                     {"joint_financing", "Every partner contributes."}};
    w.principles = {{"sustainable_development", {interreg::Effect::neutral, ""}},
                    {"equal_opportunities", {interreg::Effect::positive, "Job seekers far from the labour market first."}},
                    {"gender_equality", {interreg::Effect::positive, "Fairs in sectors with a gender imbalance."}}};
    return w;
}

// A main-project proposal for call 2025:1 that the embedded programme accepts with no
// finding at all: a Swedish lead university (PP1, screened: no State aid), a Danish
// municipality (PP2) and a Norwegian county that owns the Norwegian part (PP3), each with an
// organisation number, a budget and the work plan above.
inline interreg::Proposal baseline() {
    interreg::Proposal p;
    p.programme = "oks-2021-2027";
    p.call = "2025:1";
    p.kind = "main";
    p.acronym = "BORDERJOBS";
    p.title = {{"en", "Jobs without borders"}, {"sv", "Jobb utan gränser"}};
    p.summary = {{"en", "A cross-border labour market for the Kattegat-Skagerrak region."}};
    p.specific_objective = "RSO4.1";
    p.geography = "whole";
    p.start = interreg::Date{2026, 1, 1};
    p.duration_months = 36;
    add_partner(p, with_budget(make_partner("Göteborgs universitet", "SE", "Västra Götaland", "university",
                                           interreg::Role::lead),
                              baseline_budget_pp1(), baseline_cofinancing_pp1()));
    add_partner(p, with_budget(make_partner("Aalborg Kommune", "DK", "Region Nordjylland", "local-authority"),
                              baseline_budget_pp2(), own_contribution("Aalborg Kommune", "104832.00")));
    add_partner(p, with_budget(make_partner("Østfold fylkeskommune", "NO", "Østfold", "regional-authority",
                                           interreg::Role::partner, true),
                              baseline_budget_pp3(), own_contribution("Østfold fylkeskommune", "112912.50")));
    // Organisation numbers with right check digits (partner.organisation-number).
    p.partners[0].organisation_number = "202100-1215";
    p.partners[1].organisation_number = "29189420";
    p.partners[2].organisation_number = "974 544 466";
    // The university has screened its part (public research and teaching): no State aid.
    p.partners[0].state_aid = interreg::StateAid{interreg::StateAidScheme::none, std::nullopt};
    p.work_plan = full_work_plan();
    return p;
}

// The baseline as a pre-project (continuous call, 12 months = two periods) with budgets
// within the pre-project caps (ERDF 60,000.00, Norwegian funds 30,000.00):
//   PP1 staff 400 h × 50.00 = 20,000.00 + office 15 % 3,000.00 = 23,000.00 → ERDF 13,800.00,
//       contribution 9,200.00 = own 6,200.00 + region 3,000.00
//   PP2 staff 12 months × 2,500.00 = 30,000.00 + 40 % 12,000.00 = 42,000.00 → ERDF 25,200.00,
//       contribution 16,800.00, its own
//   PP3 staff 500 h × 60.00 = 30,000.00 + travel 4 × 500.00 + office 15 % 4,500.00
//       = 36,500.00 → Norwegian funds 18,250.00, contribution 18,250.00, its own
//   ERDF 39,000.00, Norwegian funds 18,250.00
inline interreg::Proposal pre_project_baseline() {
    using interreg::Category;
    interreg::Proposal p = baseline();
    p.kind = "pre-project";
    p.call.reset();
    p.duration_months = 12;
    p.work_plan = full_work_plan(true);
    auto& b1 = p.partners[0].budget;
    b1 = {};
    b1.lines.push_back(budget_line(Category::staff, "Project manager", "hours", "400", "50.00"));
    b1.flat_rates.office_on_staff = percent("15%");
    p.partners[0].cofinancing.sources = {
        contribution_source("Göteborgs universitet", true, interreg::Funding::public_funding, "6200.00"),
        contribution_source("Västra Götalandsregionen", false, interreg::Funding::public_funding, "3000.00")};
    auto& b2 = p.partners[1].budget;
    b2 = {};
    b2.lines.push_back(budget_line(Category::staff, "Project coordinator", "months", "12", "2500.00"));
    b2.flat_rates.other_costs = percent("40%");
    p.partners[1].cofinancing = own_contribution("Aalborg Kommune", "16800.00");
    auto& b3 = p.partners[2].budget;
    b3 = {};
    b3.lines.push_back(budget_line(Category::staff, "Regional developer", "hours", "500", "60.00"));
    b3.lines.push_back(budget_line(Category::travel, "Partner meetings", "trips", "4", "500.00"));
    b3.flat_rates.office_on_staff = percent("15%");
    p.partners[2].cofinancing = own_contribution("Østfold fylkeskommune", "18250.00");
    return p;
}

// `p` with each partner's contribution, as the budget now computes it, paid from its own money:
// for tests that change a budget and judge something else than cofinancing.sources.
inline interreg::Proposal sources_follow_budget(interreg::Proposal p, const interreg::Programme& prog = programme()) {
    const auto summary = interreg::summarise_budget(prog, p);
    for (std::size_t i = 0; i < p.partners.size(); ++i) {
        const auto& s = summary.partners[i];
        if (s.role != interreg::Role::associated && s.contribution.cents() > 0) {
            p.partners[i].cofinancing.sources = own_contribution(s.name, s.contribution.to_string()).sources;
        }
    }
    return p;
}

inline std::vector<interreg::Finding> findings_of(const interreg::Report& report, std::string_view rule) {
    std::vector<interreg::Finding> out;
    for (const auto& f : report.findings) {
        if (f.rule == rule) out.push_back(f);
    }
    return out;
}

inline std::string describe(const interreg::Report& report) {
    std::ostringstream out;
    for (const auto& f : report.findings) {
        out << "  [" << interreg::to_string(f.severity) << "] " << f.rule << " " << f.path << ": " << f.message << "\n";
    }
    return out.str();
}

// ---- rule checks -----------------------------------------------------------------------
// Each takes the programme last, the embedded one by default.

inline interreg::Report check(const interreg::Proposal& p, const interreg::Programme& prog = programme()) {
    return interreg::validate(prog, p);
}

inline std::vector<interreg::Finding> fired(const interreg::Proposal& p, std::string_view rule,
                                            const interreg::Programme& prog = programme()) {
    return findings_of(check(p, prog), rule);
}

// The one finding of `rule` in `report` (failing the test unless there is exactly one), after
// checking what every finding carries: a message and a source.
inline std::optional<interreg::Finding> single_in(const interreg::Report& report, std::string_view rule) {
    const auto found = findings_of(report, rule);
    if (found.size() != 1) {
        ADD_FAILURE() << "expected exactly one " << rule << " finding, got " << found.size() << ":\n" << describe(report);
        return std::nullopt;
    }
    EXPECT_FALSE(found[0].message.empty()) << rule;
    EXPECT_FALSE(found[0].source.empty()) << rule;
    return found[0];
}

inline std::optional<interreg::Finding> single(const interreg::Proposal& p, std::string_view rule,
                                               const interreg::Programme& prog = programme()) {
    return single_in(check(p, prog), rule);
}

// That `rule` did not fire. A rule that does not exist or that the programme does not switch
// on is silent whatever the proposal, so it fails the test instead of passing it.
inline void expect_silent_in(const interreg::Report& report, std::string_view rule,
                             const interreg::Programme& prog = programme()) {
    ASSERT_NE(interreg::find_rule(rule), nullptr) << "no rule '" << rule << "' in the catalogue";
    const auto& on = prog.rules();
    ASSERT_TRUE(std::any_of(on.begin(), on.end(), [&](const interreg::RuleConfig& r) { return r.id == rule; }))
        << "the programme does not switch on '" << rule << "'";
    EXPECT_TRUE(findings_of(report, rule).empty()) << rule << " fired:\n" << describe(report);
}

inline void expect_silent(const interreg::Proposal& p, std::string_view rule,
                          const interreg::Programme& prog = programme()) {
    expect_silent_in(check(p, prog), rule, prog);
}

// ---- files -----------------------------------------------------------------------------

// A fresh directory under the system temp folder, removed (with its files) afterwards.
class TempDir {
public:
    TempDir() {
        std::string templ = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                            "/interreg-test-XXXXXX";
        if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
        path_ = templ;
    }
    ~TempDir() {
        for (const auto& name : entries()) ::unlink((path_ + "/" + name).c_str());
        ::rmdir(path_.c_str());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

    // Names in the directory (without "." and ".."), sorted.
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        if (DIR* d = ::opendir(path_.c_str())) {
            while (const dirent* e = ::readdir(d)) {
                const std::string name = e->d_name;
                if (name != "." && name != "..") out.push_back(name);
            }
            ::closedir(d);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::string path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary);
    out << contents;
}

}  // namespace interreg_test
