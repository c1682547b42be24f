// What changed between two versions: matching of partners, lines and work-plan items, the
// budget differences and the findings compared.
#include <gtest/gtest.h>

#include "../src/diff_support.hpp"
#include "interreg/budget_engine.hpp"
#include "interreg/diff.hpp"
#include "test_support.hpp"

using interreg::Change;
using interreg::ChangeKind;
using interreg::Proposal;
using interreg::ProposalDiff;
using interreg_test::baseline;
using interreg_test::budget_line;
using interreg_test::eur;
using interreg_test::programme;
using oj = nlohmann::ordered_json;

namespace {

ProposalDiff diff(const Proposal& before, const Proposal& after) {
    return interreg::diff_proposals(programme(), before, programme(), after);
}

std::string describe(const ProposalDiff& d) {
    std::string out;
    for (const auto& c : d.changes) {
        out += "  " + std::string(to_string(c.kind)) + " " + c.path + " [" + c.section + "] " +
               (c.before ? c.before->dump() : "-") + " -> " + (c.after ? c.after->dump() : "-") + "\n";
    }
    return out;
}

// The one change of `d` (failing the test unless there is exactly one).
const Change& only_change(const ProposalDiff& d) {
    static const Change none;
    EXPECT_EQ(d.changes.size(), 1u) << describe(d);
    return d.changes.empty() ? none : d.changes.front();
}

// A partner renumbered: its id and every reference to it in the work plan.
void renumber(Proposal& p, const std::string& from, const std::string& to) {
    for (auto& partner : p.partners) {
        if (partner.id == from) partner.id = to;
    }
    for (auto& wp : p.work_plan.work_packages) {
        if (wp.lead == from) wp.lead = to;
        for (auto& a : wp.activities) {
            for (auto& id : a.partners) {
                if (id == from) id = to;
            }
        }
    }
}

std::int64_t column(const interreg::BudgetFigures& f, const std::string& name) {
    const auto& names = interreg::budget_difference_columns();
    const auto k = static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
    EXPECT_LT(k, names.size()) << name;
    return k < names.size() ? f[k].cents() : 0;
}

}  // namespace

TEST(Diff, IdenticalDocumentsHaveNoChanges) {
    const Proposal p = baseline();
    const auto d = diff(p, p);
    EXPECT_TRUE(d.identical()) << describe(d);
    ASSERT_TRUE(d.budget.available());
    ASSERT_EQ(d.budget.partners.size(), 3u);
    for (const auto& row : d.budget.partners) {
        for (const auto& m : row.difference) EXPECT_EQ(m.cents(), 0) << row.partner_id;
    }
    EXPECT_EQ(column(d.budget.total.before, "total"), interreg::summarise_budget(programme(), p).costs.total.cents());
    EXPECT_TRUE(d.findings.fixed.empty());
    EXPECT_TRUE(d.findings.introduced.empty());
    EXPECT_EQ(d.findings.unchanged.size(), interreg::validate(programme(), p).findings.size());
}

TEST(Diff, RenumberedPartnerIsAChangeOfItsIdOnly) {
    const Proposal before = baseline();
    Proposal after = before;
    renumber(after, "PP3", "PP7");
    const auto d = diff(before, after);
    const Change& c = only_change(d);
    EXPECT_EQ(c.path, "/partners/2/id");
    EXPECT_EQ(c.kind, ChangeKind::changed);
    EXPECT_EQ(*c.before, "PP3");
    EXPECT_EQ(*c.after, "PP7");
    EXPECT_EQ(c.section, "partners");
    EXPECT_EQ(c.partner_id, "PP7");
    EXPECT_EQ(c.partner_name, "Østfold fylkeskommune");
    ASSERT_EQ(d.budget.partners.size(), 3u);
    EXPECT_EQ(d.budget.partners[2].partner_id, "PP7");
    EXPECT_EQ(column(d.budget.partners[2].difference, "total"), 0);
}

TEST(Diff, RenumberedPartnerIsFoundByItsNameAfterAnotherLeaves) {
    Proposal before = baseline();
    before.partners[1].region = "Syddanmark";  // a finding on PP2, which leaves
    before.partners[2].region = "Rogaland";    // a finding on PP3, which stays as PP2
    Proposal after = before;
    interreg::remove_partner(after, "PP2", true);
    renumber(after, "PP3", "PP2");
    after.partners[1].name = "ØSTFOLD FYLKESKOMMUNE";  // the name key ignores case
    const auto d = diff(before, after);
    ASSERT_GE(d.changes.size(), 3u) << describe(d);
    EXPECT_EQ(d.changes[0].path, "/partners/1");  // removed, in its place
    EXPECT_EQ(d.changes[0].kind, ChangeKind::removed);
    EXPECT_EQ(d.changes[0].partner_id, "PP2");
    EXPECT_EQ(d.changes[1].path, "/partners/1/id");
    EXPECT_EQ(*d.changes[1].before, "PP3");
    EXPECT_EQ(d.changes[2].path, "/partners/1/name");
    for (const auto& c : d.changes) EXPECT_NE(c.path, "/partners/1/region") << describe(d);
    // The finding on Østfold's region moved from /partners/2 to /partners/1: still the same one.
    const auto region_findings = [](const std::vector<interreg::Finding>& fs, const std::string& path) {
        return std::count_if(fs.begin(), fs.end(), [&](const interreg::Finding& f) { return f.path == path; });
    };
    EXPECT_EQ(region_findings(d.findings.unchanged, "/partners/1/region"), 1) << describe(d);
    EXPECT_EQ(region_findings(d.findings.fixed, "/partners/1/region"), 1);  // Aalborg's, gone with it
    EXPECT_EQ(region_findings(d.findings.introduced, "/partners/1/region"), 0);
}

TEST(Diff, LineInsertedInTheMiddleIsOneAddition) {
    const Proposal before = baseline();
    Proposal after = before;
    auto& lines = after.partners[0].budget.lines;
    lines.insert(lines.begin() + 1, budget_line(interreg::Category::staff, "Data analyst", "hours", "100", "40.00"));
    const auto d = diff(before, after);
    const Change& c = only_change(d);
    EXPECT_EQ(c.path, "/partners/0/budget/lines/1");
    EXPECT_EQ(c.kind, ChangeKind::added);
    EXPECT_FALSE(c.before);
    EXPECT_EQ(c.after->at("description"), "Data analyst");
    EXPECT_EQ(c.section, "budget");
    EXPECT_EQ(c.partner_id, "PP1");
    // 4,000.00 of staff, and travel and office at 15 % of it.
    const auto& pp1 = d.budget.partners[0].difference;
    EXPECT_EQ(column(pp1, "staff"), 400000);
    EXPECT_EQ(column(pp1, "travel"), 60000);
    EXPECT_EQ(column(pp1, "office_admin"), 60000);
    EXPECT_EQ(column(pp1, "total"), 520000);
    EXPECT_EQ(column(d.budget.total.difference, "total"), 520000);
    EXPECT_EQ(column(pp1, "fund_amount") + column(pp1, "contribution"), 520000);
}

TEST(Diff, LineRemovedAndLineEditedAreAlignedByDescription) {
    const Proposal before = baseline();
    Proposal after = before;
    auto& lines = after.partners[0].budget.lines;
    lines.erase(lines.begin());       // "Project manager" leaves
    lines[0].units = interreg::Units::parse("1800");  // the researcher line, now first, changes its hours
    const auto d = diff(before, after);
    ASSERT_EQ(d.changes.size(), 2u) << describe(d);
    EXPECT_EQ(d.changes[0].kind, ChangeKind::removed);
    EXPECT_EQ(d.changes[0].path, "/partners/0/budget/lines/0");  // before's path
    EXPECT_EQ(d.changes[1].kind, ChangeKind::changed);
    EXPECT_EQ(d.changes[1].path, "/partners/0/budget/lines/0/units");  // after's path
    EXPECT_EQ(*d.changes[1].before, "1720.5");
    EXPECT_EQ(*d.changes[1].after, "1800");
}

TEST(Diff, ChangedRatesAndNullsAsAbsent) {
    const Proposal before = baseline();
    Proposal after = before;
    after.partners[0].budget.flat_rates.travel = interreg::Rate::parse("10%");
    after.partners[1].cofinancing.rate = interreg::Rate::parse("50%");
    const auto d = diff(before, after);
    ASSERT_EQ(d.changes.size(), 2u) << describe(d);
    EXPECT_EQ(d.changes[0].path, "/partners/0/budget/flat_rates/travel");
    EXPECT_EQ(d.changes[0].kind, ChangeKind::changed);
    EXPECT_EQ(*d.changes[0].before, "15%");
    EXPECT_EQ(*d.changes[0].after, "10%");
    EXPECT_EQ(d.changes[0].section, "budget");
    EXPECT_EQ(d.changes[1].path, "/partners/1/cofinancing/rate");
    EXPECT_EQ(d.changes[1].kind, ChangeKind::added);  // null before: not given
    EXPECT_EQ(d.changes[1].section, "co-financing");
    // PP2's ERDF goes from 60 % to 50 % of 262,080.00: 26,208.00 less, its contribution as much more.
    EXPECT_EQ(column(d.budget.partners[1].difference, "fund_amount"), -2620800);
    EXPECT_EQ(column(d.budget.partners[1].difference, "contribution"), 2620800);
    EXPECT_EQ(column(d.budget.partners[1].difference, "total"), 0);
}

TEST(Diff, AddedActivityAndRemovedWorkPackage) {
    const Proposal before = baseline();
    Proposal after = before;
    auto& wps = after.work_plan.work_packages;
    wps[0].activities.push_back(interreg_test::activity("A1.3", "Pilot", 5, 6, {"PP1", "PP2"}, {{"Pilot report", 6}}));
    const auto added = diff(before, after);
    const Change& a = only_change(added);
    EXPECT_EQ(a.path, "/work_plan/work_packages/0/activities/2");
    EXPECT_EQ(a.kind, ChangeKind::added);
    EXPECT_EQ(a.section, "work plan");
    EXPECT_TRUE(a.partner_id.empty());

    Proposal without = before;
    without.work_plan.work_packages.erase(without.work_plan.work_packages.begin());  // WP1 goes; WP2 stays number 2
    const auto removed = diff(before, without);
    ASSERT_FALSE(removed.changes.empty());
    EXPECT_EQ(removed.changes[0].path, "/work_plan/work_packages/0");
    EXPECT_EQ(removed.changes[0].kind, ChangeKind::removed);
    for (const auto& c : removed.changes) {
        EXPECT_NE(c.path.rfind("/work_plan/work_packages/0/", 0), 0u) << "WP2 is matched by number:\n" << describe(removed);
    }
    EXPECT_FALSE(removed.findings.introduced.empty());  // objective O1 and output RCO84 lose their package
}

TEST(Diff, ExchangeRateChangedMovesTheBudget) {
    Proposal before = baseline();
    before.partners[2].budget.lines.push_back(
        budget_line(interreg::Category::external, "Translation", "guide", "1", "114915.00", "NOK"));
    interreg::set_exchange_rate(before, "NOK", {interreg::ExchangeRate::parse("11.4915"), interreg::Date{2025, 1, 31}, "Norges Bank"});
    Proposal after = before;
    interreg::set_exchange_rate(after, "NOK", {interreg::ExchangeRate::parse("11.0"), interreg::Date{2025, 1, 31}, "Norges Bank"});
    const auto d = diff(before, after);
    const Change& c = only_change(d);
    EXPECT_EQ(c.path, "/exchange_rates/NOK/rate");
    EXPECT_EQ(c.section, "exchange rates");
    EXPECT_TRUE(c.partner_id.empty());
    // NOK 114,915.00 is 10,000.00 EUR at 11.4915 and 10,446.81 at 11.0.
    EXPECT_EQ(column(d.budget.partners[2].difference, "external"), 44681);
    EXPECT_EQ(column(d.budget.total.difference, "total"), 44681);
    const auto before_total = interreg::summarise_budget(programme(), before).costs.total;
    const auto after_total = interreg::summarise_budget(programme(), after).costs.total;
    EXPECT_EQ(column(d.budget.total.difference, "total"), (after_total - before_total).cents());
}

TEST(Diff, BudgetWithoutAnExchangeRateIsSaidNotThrown) {
    const Proposal before = baseline();
    Proposal after = before;
    after.partners[2].budget.lines.push_back(
        budget_line(interreg::Category::external, "Translation", "guide", "1", "1000.00", "NOK"));
    const auto d = diff(before, after);
    EXPECT_FALSE(d.budget.available());
    EXPECT_TRUE(d.budget.before_error.empty());
    EXPECT_CONTAINS(d.budget.after_error, "NOK");
    EXPECT_TRUE(d.budget.partners.empty());
    EXPECT_EQ(d.changes.size(), 1u);
}

TEST(Diff, FindingsFixedIntroducedAndUnchanged) {
    Proposal before = baseline();
    before.partners[1].region = "Syddanmark";  // partner.outside-area
    Proposal after = baseline();
    after.partners[2].org_type = "guild";      // partner.org-type
    const auto d = diff(before, after);
    ASSERT_EQ(d.findings.fixed.size(), 1u);
    EXPECT_EQ(d.findings.fixed[0].path, "/partners/1/region");
    ASSERT_FALSE(d.findings.introduced.empty());
    EXPECT_EQ(d.findings.introduced[0].rule, "partner.org-type");
    EXPECT_EQ(d.findings.introduced[0].path, "/partners/2/org_type");
    EXPECT_TRUE(d.findings.unchanged.empty());
}

TEST(Diff, RemovedPartnerComesInItsPlaceWithItsBudget) {
    const Proposal before = baseline();
    Proposal after = before;
    interreg::remove_partner(after, "PP2", true);
    const auto d = diff(before, after);
    ASSERT_FALSE(d.changes.empty());
    EXPECT_EQ(d.changes[0].path, "/partners/1");
    EXPECT_EQ(d.changes[0].kind, ChangeKind::removed);
    EXPECT_EQ(d.changes[0].section, "partners");
    ASSERT_EQ(d.budget.partners.size(), 3u);
    EXPECT_EQ(d.budget.partners[1].partner_id, "PP2");
    EXPECT_EQ(column(d.budget.partners[1].difference, "total"), -26208000);
    EXPECT_EQ(column(d.budget.partners[1].after, "total"), 0);
    // The work plan loses PP2 as the lead of WP2 and from two activities: changes, not a renumbering.
    bool lead_changed = false;
    for (const auto& c : d.changes) lead_changed |= c.path == "/work_plan/work_packages/1/lead";
    EXPECT_TRUE(lead_changed) << describe(d);
}

TEST(Diff, RenamedPartnerAndSwappedIds) {
    const Proposal before = baseline();
    Proposal renamed = before;
    renamed.partners[2].name = "Viken fylkeskommune";
    const auto r = diff(before, renamed);
    const Change& c = only_change(r);  // same id, another name: renamed in place
    EXPECT_EQ(c.path, "/partners/2/name");

    Proposal swapped = before;
    std::swap(swapped.partners[1].id, swapped.partners[2].id);  // ids exchanged, names kept
    const auto s = diff(before, swapped);
    // Each partner is found by its name: two changes of id, and the work plan, which still says
    // "PP2" and "PP3", now names the other partner in each place.
    ASSERT_GE(s.changes.size(), 2u) << describe(s);
    EXPECT_EQ(s.changes[0].path, "/partners/1/id");
    EXPECT_EQ(*s.changes[0].before, "PP2");
    EXPECT_EQ(*s.changes[0].after, "PP3");
    EXPECT_EQ(s.changes[1].path, "/partners/2/id");
    for (std::size_t k = 2; k < s.changes.size(); ++k) EXPECT_EQ(s.changes[k].section, "work plan") << describe(s);
    EXPECT_EQ(s.budget.partners[1].partner_name, "Aalborg Kommune");
    EXPECT_EQ(column(s.budget.partners[1].difference, "total"), 0);
}

// ---- the alignments ---------------------------------------------------------------------
using interreg::diff_detail::align_by_key;
using interreg::diff_detail::align_sequence;
using interreg::diff_detail::Steps;

namespace {
std::string steps_text(const Steps& steps) {
    std::string out;
    for (const auto& s : steps) {
        out += (s.before ? std::to_string(*s.before) : "-") + ":" + (s.after ? std::to_string(*s.after) : "-") + " ";
    }
    return out;
}
}  // namespace

TEST(DiffAlign, SequenceKeepsLaterRecordsPairedAfterAnInsertion) {
    const std::vector<std::string> b = {"a", "b", "c", "d", "e"};
    EXPECT_EQ(steps_text(align_sequence(b, {"a", "b", "x", "c", "d", "e"})), "0:0 1:1 -:2 2:3 3:4 4:5 ");
    EXPECT_EQ(steps_text(align_sequence(b, {"a", "c", "d", "e"})), "0:0 1:- 2:1 3:2 4:3 ");
    // An edited description pairs by position between the common records.
    EXPECT_EQ(steps_text(align_sequence(b, {"a", "B", "c", "x", "e"})), "0:0 1:1 2:2 3:3 4:4 ");
    EXPECT_EQ(steps_text(align_sequence(b, {"e", "a", "b", "c", "d"})), "-:0 0:1 1:2 2:3 3:4 4:- ");
    EXPECT_EQ(steps_text(align_sequence({}, {"a"})), "-:0 ");
    EXPECT_EQ(steps_text(align_sequence({"a"}, {})), "0:- ");
}

TEST(DiffAlign, KeysPairWhereverTheyAreAndRemovedRecordsKeepTheirPlace) {
    EXPECT_EQ(steps_text(align_by_key({"O1", "O2", "O3"}, {"O1", "O3", "O4"})), "0:0 1:- 2:1 -:2 ");
    EXPECT_EQ(steps_text(align_by_key({"1", "2"}, {"2", "1"})), "1:0 0:1 ");
    EXPECT_EQ(steps_text(align_by_key({"", "x"}, {"", "x"})), "0:- -:0 1:1 ");  // no key never pairs
    EXPECT_EQ(steps_text(align_by_key({"a", "b", "c"}, {"x", "c", "y", "a"})), "1:- -:0 2:1 -:2 0:3 ");
}

TEST(DiffAlign, PathsTranslateThroughTheLongestMappedPrefix) {
    const interreg::diff_detail::PathMap paths = {{"/partners/2", "/partners/1"},
                                                  {"/partners/2/budget/lines/4", "/partners/1/budget/lines/5"},
                                                  {"/partners/1", ""}};
    using interreg::diff_detail::translate_path;
    EXPECT_EQ(translate_path(paths, "/partners/2/region"), "/partners/1/region");
    EXPECT_EQ(translate_path(paths, "/partners/2/budget/lines/4/units"), "/partners/1/budget/lines/5/units");
    EXPECT_EQ(translate_path(paths, "/partners/2/budget/lines/3"), "/partners/1/budget/lines/3");
    EXPECT_EQ(translate_path(paths, "/partners/1/region")[0], '\x01');
    EXPECT_EQ(translate_path(paths, "/partners/20/region"), "/partners/20/region");
    EXPECT_EQ(translate_path(paths, ""), "");
}

TEST(Diff, KeysWithSlashesAndTildesAreEscapedInPaths) {
    // A proposal's keys are fixed by the format, so the escaping is seen on plain JSON.
    const oj b = {{"a/b", 1}, {"c~d", 1}};
    const oj a = {{"a/b", 2}, {"c~d", 2}};
    const auto d = interreg::diff_detail::compare_documents(b, a);
    ASSERT_EQ(d.changes.size(), 2u);
    EXPECT_EQ(d.changes[0].path, "/a~1b");
    EXPECT_EQ(d.changes[1].path, "/c~0d");
}
