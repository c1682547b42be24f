// The checked edits (edit.hpp): they refuse what the document reader refuses, with the same
// message at the same place, leave the proposal as it was when they refuse, hand out ids, and
// keep the work plan's references whole.
#include <functional>

#include "interreg/proposal_json.hpp"
#include "test_support.hpp"

using interreg::ArgumentError;
using interreg::FormatError;
using interreg::ItemKey;
using interreg::ItemKind;
using interreg::NotFoundError;
using interreg::Proposal;
using interreg_test::baseline;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

json document(const Proposal& p) { return json::parse(interreg::dump_proposal(p)); }

// `edit` on the baseline must refuse with ArgumentError; the same value written into the
// document at `pointer` must make the reader refuse with the same detail at `pointer`.
void expect_same_refusal(const std::function<void(Proposal&)>& edit, const std::string& pointer, const json& value) {
    Proposal p = baseline();
    const std::string before = interreg::dump_proposal(p);
    const auto api = thrown<ArgumentError>([&] { edit(p); });
    ASSERT_TRUE(api) << pointer;
    EXPECT_EQ(interreg::dump_proposal(p), before) << "a refused edit changed the proposal: " << pointer;

    json doc = document(baseline());
    doc[json::json_pointer(pointer)] = value;
    const auto reader = thrown<FormatError>([&] { interreg::proposal_from_json(doc); });
    ASSERT_TRUE(reader) << pointer;
    EXPECT_EQ(reader->path(), pointer);
    EXPECT_EQ(reader->detail(), api->detail()) << pointer;
    EXPECT_EQ("/" + api->field(), pointer.substr(pointer.rfind('/', pointer.size() - api->field().size() - 1)))
        << "the API names the field the reader's path ends with: " << api->field() << " / " << pointer;
}

const std::string esc = "A\x1b[8mB";
const std::string lone_surrogate = "A\xED\xA0\x80";
const std::string c1 = "A\xC2\x85" "B";  // U+0085 NEXT LINE

}  // namespace

// ---- the reader and the edits agree --------------------------------------------------------

TEST(EditAndReader, TooLongTexts) {
    const std::string long_name(501, 'x');
    expect_same_refusal([&](Proposal& p) { set_acronym(p, long_name); }, "/acronym", long_name);
    expect_same_refusal([&](Proposal& p) { set_call(p, std::string(51, '1')); }, "/call", std::string(51, '1'));
    expect_same_refusal([&](Proposal& p) { interreg::set_partner_region(p, "PP2", long_name); }, "/partners/1/region",
                        long_name);
    expect_same_refusal([&](Proposal& p) { interreg::set_partner_name(p, "PP1", long_name); }, "/partners/0/name", long_name);
}

TEST(EditAndReader, ControlCharactersAndBrokenText) {
    expect_same_refusal([&](Proposal& p) { interreg::set_partner_name(p, "PP1", esc); }, "/partners/0/name", esc);
    expect_same_refusal([&](Proposal& p) { set_title(p, {{"en", "Two\nlines"}}); }, "/title/en", "Two\nlines");
    expect_same_refusal([&](Proposal& p) { set_summary(p, {{"en", std::string("nul\0inside", 10)}}); }, "/summary/en",
                        std::string("nul\0inside", 10));
    expect_same_refusal([&](Proposal& p) { interreg::set_partner_org_type(p, "PP1", c1); }, "/partners/0/org_type", c1);
    expect_same_refusal([&](Proposal& p) { set_acronym(p, "A\x7F"); }, "/acronym", "A\x7F");
    expect_same_refusal([&](Proposal& p) { interreg::set_narrative(p, "communication", {{"da", esc}}); },
                        "/narrative/communication/da", esc);
}

TEST(EditNarrative, UnknownSectionNamesTheChoicesAndEmptyTextsClear) {
    Proposal p = baseline();
    const auto e = thrown<ArgumentError>([&] { interreg::set_narrative(p, "relevanse", {{"en", "x"}}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->field(), "narrative/relevanse");
    EXPECT_NE(e->detail().find("relevance, target_groups, cross_border_value"), std::string::npos);
    interreg::set_narrative(p, "management", {{"en", "Monthly meetings."}});
    EXPECT_EQ(p.narrative.size(), 1u);
    interreg::set_narrative(p, "management", {});
    EXPECT_TRUE(p.narrative.empty());
}

TEST(EditAndReader, OrganisationNumberAddressAndContact) {
    using interreg::set_partner_address;
    using interreg::set_partner_contact_person;
    using interreg::set_partner_organisation_number;
    expect_same_refusal([&](Proposal& p) { set_partner_organisation_number(p, "PP1", std::string(51, '1')); },
                        "/partners/0/organisation_number", std::string(51, '1'));
    expect_same_refusal([&](Proposal& p) { set_partner_organisation_number(p, "PP2", "  "); },
                        "/partners/1/organisation_number", "  ");
    expect_same_refusal([&](Proposal& p) { set_partner_organisation_number(p, "PP3", lone_surrogate); },
                        "/partners/2/organisation_number", lone_surrogate);
    expect_same_refusal([&](Proposal& p) { set_partner_address(p, "PP1", "Box 100\n405 30 Göteborg"); },
                        "/partners/0/address", "Box 100\n405 30 Göteborg");
    expect_same_refusal([&](Proposal& p) { set_partner_contact_person(p, "PP2", esc); }, "/partners/1/contact_person", esc);
    expect_same_refusal([&](Proposal& p) { set_partner_contact_person(p, "PP2", c1); }, "/partners/1/contact_person", c1);

    Proposal p = baseline();
    set_partner_organisation_number(p, "PP1", "556036-0794");  // kept as given: validation judges it
    set_partner_address(p, "Aalborg Kommune", "Boulevarden 13, 9000 Aalborg");
    set_partner_contact_person(p, "PP2", "Mette Jensen");
    const Proposal back = interreg::parse_proposal(interreg::dump_proposal(p));
    EXPECT_EQ(*back.partners[0].organisation_number, "556036-0794");
    EXPECT_EQ(*back.partners[1].address, "Boulevarden 13, 9000 Aalborg");
    EXPECT_EQ(*back.partners[1].contact_person, "Mette Jensen");
    set_partner_organisation_number(p, "PP1", std::nullopt);
    set_partner_address(p, "PP2", std::nullopt);
    EXPECT_FALSE(p.partners[0].organisation_number);
    EXPECT_FALSE(p.partners[1].address);
    EXPECT_TRUE(thrown<NotFoundError>([&] { set_partner_address(p, "PP9", "x"); }));
}

TEST(EditAndReader, LoneSurrogateIsRefusedEverywhere) {
    Proposal p = baseline();
    auto e = thrown<ArgumentError>([&] { set_acronym(p, lone_surrogate); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->field(), "acronym");
    EXPECT_CONTAINS(e->detail(), "not valid UTF-8");
    EXPECT_CONTAINS(e->detail(), "\\xed");
    EXPECT_TRUE(thrown<ArgumentError>([&] { interreg::set_overall_objective(p, lone_surrogate); }));
    EXPECT_TRUE(thrown<ArgumentError>([&] { interreg::set_partner_name(p, "PP1", lone_surrogate); }));
}

TEST(EditAndReader, BudgetAndCofinancing) {
    auto line = interreg_test::budget_line(interreg::Category::staff, "Bad\x1b description", "hours", "1", "1.00");
    Proposal p = baseline();
    auto e = thrown<ArgumentError>([&] { add_line(p, "PP1", line); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->field(), "description");
    json doc = document(baseline());
    doc["partners"][0]["budget"]["lines"][0]["description"] = "Bad\x1b description";
    auto r = thrown<FormatError>([&] { interreg::proposal_from_json(doc); });
    ASSERT_TRUE(r);
    EXPECT_EQ(r->path(), "/partners/0/budget/lines/0/description");
    EXPECT_EQ(r->detail(), e->detail());

    auto source = interreg_test::contribution_source(" ", true, interreg::Funding::public_funding, "10.00");
    auto s = thrown<ArgumentError>([&] { add_source(p, "PP1", source); });
    ASSERT_TRUE(s);
    EXPECT_EQ(s->what(), std::string("name: must not be empty"));
}

TEST(EditAndReader, MultiLineTextsTakeTabsAndNewlines) {
    Proposal p = baseline();
    set_summary(p, {{"en", "First line\n\tindented"}});
    interreg::set_overall_objective(p, "One\ntwo");
    const Proposal back = interreg::parse_proposal(interreg::dump_proposal(p));
    EXPECT_EQ(back.summary.at("en"), "First line\n\tindented");
    EXPECT_EQ(back.work_plan.overall_objective, "One\ntwo");
    EXPECT_TRUE(thrown<ArgumentError>([&] { set_summary(p, {{"en", "carriage\rreturn"}}); }));
}

TEST(EditAndReader, WhatTheEditsBuildSavesAndLoadsByteForByte) {
    Proposal p;
    set_programme_id(p, "oks-2021-2027");
    set_kind(p, "main");
    set_acronym(p, "EDITS");
    set_title(p, {{"en", "Built by edits"}, {"da", "Bygget — “citat”"}});
    const auto& lead = add_partner(p, interreg_test::make_partner("Region Halland", "SE", "Halland", "regional-authority",
                                                                interreg::Role::lead));
    add_line(p, lead.id, interreg_test::budget_line(interreg::Category::staff, "Manager", "months", "36", "4500.00"));
    add_item(p, ItemKind::objective, {{"text", "Skills\nacross the border"}});
    add_item(p, ItemKind::work_package, {{"title", "Management"}, {"lead", "PP1"}});
    add_item(p, ItemKind::activity, {{"title", "Kick-off"}, {"start_period", 1}, {"end_period", 1}}, 1);
    const std::string saved = interreg::dump_proposal(p);
    EXPECT_EQ(interreg::dump_proposal(interreg::parse_proposal(saved)), saved);
}

// ---- partners ------------------------------------------------------------------------------

TEST(EditPartners, RemovingAPartnerTheWorkPlanNamesIsRefusedUnlessCascading) {
    Proposal p = baseline();
    EXPECT_EQ(interreg::partner_references(p, "PP2"),
              (std::vector<std::string>{"partner in activity A1.1", "lead of work package 2", "partner in activity A2.1"}));
    auto e = thrown<ArgumentError>([&] { remove_partner(p, "PP2"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "lead of work package 2");
    EXPECT_CONTAINS(e->what(), "cascade=True");
    EXPECT_EQ(p.partners.size(), 3u);
    remove_partner(p, "PP2", true);
    EXPECT_EQ(p.partners.size(), 2u);
    EXPECT_FALSE(p.work_plan.work_packages[1].lead);
    EXPECT_EQ(p.work_plan.work_packages[0].activities[0].partners, (std::vector<std::string>{"PP1"}));
}

TEST(EditPartners, ALineMustFitTheFlatRates) {
    Proposal p = baseline();  // PP1 has travel and office flat rates
    auto e = thrown<ArgumentError>([&] {
        add_line(p, "PP1", interreg_test::budget_line(interreg::Category::travel, "Trip", "trips", "1", "100.00"));
    });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "travel flat rate replaces travel lines");
    add_line(p, "PP1", interreg_test::budget_line(interreg::Category::equipment, "Laptop", "pieces", "1", "900.00"));
    EXPECT_EQ(p.partners[0].budget.lines.back().description, "Laptop");
}

TEST(EditPartners, LinesAndSourcesByPosition) {
    Proposal p = baseline();
    const auto count = p.partners[0].budget.lines.size();
    EXPECT_TRUE(thrown<NotFoundError>([&] { remove_line(p, "PP1", count); }));
    remove_line(p, "PP1", 0);
    EXPECT_EQ(p.partners[0].budget.lines.size(), count - 1);
    EXPECT_TRUE(thrown<NotFoundError>([&] { remove_source(p, "PP1", 99); }));
    const auto amounts = spread_line_evenly(p, interreg_test::programme(), "PP1", 0);
    EXPECT_EQ(amounts.size(), 6u);
    EXPECT_EQ(*p.partners[0].budget.lines[0].periods, amounts);
}

TEST(EditPartners, ReplacingLinesIsAllOrNothing) {
    using interreg::Category;
    using interreg_test::budget_line;
    Proposal p = baseline();  // PP1 has travel and office flat rates
    const std::string before = interreg::dump_proposal(p);
    std::vector<interreg::BudgetLine> pp1 = {budget_line(Category::staff, "Manager", "months", "36", "4500.00"),
                                             budget_line(Category::travel, "Trip", "trips", "1", "100.00"),
                                             budget_line(Category::staff, "Bad", "hours", "1", "1.00", "GBP")};
    const auto problems = interreg::line_problems(p, "PP1", pp1);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field(), "lines/1/category");
    EXPECT_CONTAINS(problems[0].detail(), "travel flat rate replaces travel lines");
    EXPECT_EQ(problems[1].field(), "lines/2/currency");
    EXPECT_CONTAINS(problems[1].detail(), "unknown currency 'GBP'");

    // A good PP3 and a bad PP1: neither changes (PP3 has an office flat rate only).
    const std::vector<interreg::BudgetLine> pp3 = {budget_line(Category::equipment, "Laptop", "pieces", "2", "900.00")};
    EXPECT_TRUE(thrown<ArgumentError>([&] { interreg::replace_lines(p, {{"PP3", pp3}, {"PP1", pp1}}); }));
    EXPECT_TRUE(thrown<NotFoundError>([&] { interreg::replace_lines(p, {{"PP3", pp3}, {"PP9", {}}}); }));
    EXPECT_EQ(interreg::dump_proposal(p), before);

    pp1.resize(1);
    EXPECT_TRUE(interreg::line_problems(p, "PP1", pp1).empty());
    interreg::replace_lines(p, {{"PP3", pp3}, {"PP1", pp1}});
    ASSERT_EQ(p.partners[0].budget.lines.size(), 1u);
    EXPECT_EQ(p.partners[0].budget.lines[0].description, "Manager");
    EXPECT_EQ(p.partners[2].budget.lines.size(), 1u);
    EXPECT_EQ(p.partners[0].budget.flat_rates.travel, interreg_test::percent("15%"));  // flat rates stay

    const std::vector<interreg::BudgetLine> too_many(interreg::max_budget_lines + 1, pp3[0]);
    const auto count = interreg::line_problems(p, "PP3", too_many);
    ASSERT_FALSE(count.empty());
    EXPECT_EQ(count[0].field(), "lines");
}

TEST(EditNames, CategoriesByTheProgrammesNames) {
    const auto& programme = interreg_test::programme();
    EXPECT_EQ(interreg::category_named(programme, "Personalkostnader"), interreg::Category::staff);
    EXPECT_EQ(interreg::category_named(programme, "udgifter til ekstern ekspertise og eksterne tjenesteydelser"),
              interreg::Category::external);
    EXPECT_EQ(interreg::category_named(programme, "Travel and accommodation costs"), interreg::Category::travel);
    EXPECT_EQ(interreg::category_named(programme, "Office admin"), interreg::Category::office_admin);
    EXPECT_TRUE(thrown<ArgumentError>([&] { interreg::category_named(programme, "Catering"); }));
}

// ---- work plan items -----------------------------------------------------------------------

TEST(EditWorkPlan, IdsAreHandedOut) {
    Proposal p = baseline();
    EXPECT_EQ(add_item(p, ItemKind::objective, {{"text", "Third"}}).id, "O3");
    EXPECT_EQ(*add_item(p, ItemKind::work_package, {{"title", "Communication"}}).number, 3);
    EXPECT_EQ(add_item(p, ItemKind::activity, {{"title", "Website"}, {"start_period", 1}, {"end_period", 6}}, 3).id, "A3.1");
    EXPECT_EQ(add_item(p, ItemKind::activity, {{"title", "Survey 2"}, {"start_period", 1}, {"end_period", 2}}, 1).id, "A1.3");
    auto e = thrown<ArgumentError>([&] {
        add_item(p, ItemKind::activity, {{"id", "A1.1"}, {"title", "Again"}, {"start_period", 1}, {"end_period", 1}}, 2);
    });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "A1.1");
    EXPECT_TRUE(thrown<NotFoundError>([&] { add_item(p, ItemKind::activity, {{"title", "X"}, {"start_period", 1}, {"end_period", 1}}, 9); }));
}

TEST(EditWorkPlan, FieldsAreReadAsTheDocumentReadsThem) {
    Proposal p = baseline();
    auto unknown = thrown<ArgumentError>([&] { update_item(p, {std::nullopt, "A1.1"}, {{"titel", "X"}}); });
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->field(), "titel");
    EXPECT_CONTAINS(unknown->detail(), "unknown key 'titel'; valid keys, nearest first: title");
    auto type = thrown<ArgumentError>([&] { update_item(p, {std::nullopt, "A1.1"}, {{"start_period", "1"}}); });
    ASSERT_TRUE(type);
    EXPECT_EQ(type->what(), std::string("start_period: expected an integer, found a string"));
    auto range = thrown<ArgumentError>([&] { update_item(p, {std::nullopt, "A1.1"}, {{"end_period", 41}}); });
    ASSERT_TRUE(range);
    EXPECT_EQ(range->what(), std::string("end_period: must be between 1 and 40, not 41"));
    // the same value in a document: the same detail
    json doc = document(p);
    doc["work_plan"]["work_packages"][0]["activities"][0]["end_period"] = 41;
    auto reader = thrown<FormatError>([&] { interreg::proposal_from_json(doc); });
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader->detail(), range->detail());
    EXPECT_EQ(interreg::dump_proposal(p), interreg::dump_proposal(baseline()));
}

TEST(EditWorkPlan, RenamingFollowsTheReferences) {
    Proposal p = baseline();
    update_item(p, {std::nullopt, "A1.2"}, {{"id", "A1.9"}, {"title", "Skills map, second edition"}});
    EXPECT_EQ(p.work_plan.work_packages[1].activities[0].predecessors, (std::vector<std::string>{"A1.9"}));
    update_item(p, {std::nullopt, "O2"}, {{"id", "O7"}});
    EXPECT_EQ(*p.work_plan.work_packages[1].objective, "O7");
    update_item(p, {2, {}}, {{"number", 5}});
    EXPECT_EQ(*p.work_plan.outputs[1].work_package, 5);
    EXPECT_EQ(p.work_plan.work_packages[1].number, 5);
}

TEST(EditWorkPlan, AnActivityMovesToAnotherWorkPackage) {
    Proposal p = baseline();
    update_item(p, {std::nullopt, "A1.2"}, {{"work_package", 2}});
    EXPECT_EQ(p.work_plan.work_packages[0].activities.size(), 1u);
    EXPECT_EQ(p.work_plan.work_packages[1].activities.back().id, "A1.2");
    EXPECT_TRUE(thrown<NotFoundError>([&] { update_item(p, {std::nullopt, "A1.2"}, {{"work_package", 7}}); }));
}

TEST(EditWorkPlan, RemovingWhatOthersReferToIsRefusedUnlessCascading) {
    Proposal p = baseline();
    auto e = thrown<ArgumentError>([&] { remove_item(p, {std::nullopt, "A1.2"}); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "activity A2.1 waits for A1.2");
    EXPECT_EQ(interreg::dump_proposal(p), interreg::dump_proposal(baseline()));
    remove_item(p, {std::nullopt, "A1.2"}, true);
    EXPECT_TRUE(p.work_plan.work_packages[1].activities[0].predecessors.empty());

    Proposal q = baseline();
    const auto refs = item_references(q.work_plan, {1, {}});
    EXPECT_EQ(refs, (std::vector<std::string>{"activity A2.1 waits for A1.2", "output RCO84 is delivered by it"}));
    remove_item(q, {1, {}}, true);
    EXPECT_EQ(q.work_plan.work_packages.size(), 1u);
    EXPECT_FALSE(q.work_plan.outputs[0].work_package);
    EXPECT_FALSE(q.work_plan.activity("A1.1"));

    Proposal r = baseline();
    EXPECT_EQ(item_references(r.work_plan, {std::nullopt, "O1"}), (std::vector<std::string>{"work package 1 serves it"}));
    remove_item(r, {std::nullopt, "O1"}, true);
    EXPECT_FALSE(r.work_plan.work_packages[0].objective);
    remove_item(r, {std::nullopt, "rco 84"});  // an output by its indicator, any spelling
    EXPECT_EQ(r.work_plan.outputs.size(), 1u);
}

TEST(EditWorkPlan, AmbiguousAndUnknownKeys) {
    Proposal p = baseline();
    add_item(p, ItemKind::output, {{"indicator", "RCO84"}, {"target", "1"}, {"period", 6}, {"work_package", 2}});
    auto two = thrown<ArgumentError>([&] { find_item(p.work_plan, {std::nullopt, "RCO84"}); });
    ASSERT_TRUE(two);
    EXPECT_CONTAINS(two->what(), "('RCO84', 1)");
    EXPECT_EQ(find_item(p.work_plan, {2, "RCO84"}), ItemKind::output);
    add_item(p, ItemKind::objective, {{"id", "A1.1"}, {"text", "Clash"}});
    auto clash = thrown<ArgumentError>([&] { find_item(p.work_plan, {std::nullopt, "A1.1"}); });
    ASSERT_TRUE(clash);
    EXPECT_CONTAINS(clash->what(), "objective A1.1 and activity A1.1");
    auto none = thrown<NotFoundError>([&] { find_item(p.work_plan, {std::nullopt, "A9.9"}); });
    ASSERT_TRUE(none);
    EXPECT_CONTAINS(none->what(), "activities: A1.1, A1.2, A2.1");
}
