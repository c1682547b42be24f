// The indicator catalogue of the programme document (reading, lookups, the checks on the
// document) and the indicators.* rules plus project.objective-fit. The baseline
// (test_support.hpp) validates with no finding; each rule test makes one change.
#include <gtest/gtest.h>

#include "interreg/alignment.hpp"
#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Finding;
using interreg::IndicatorKind;
using interreg::ProgrammeError;
using interreg::Proposal;
using interreg::Report;
using interreg::Severity;
using interreg::Units;
using interreg_test::baseline;
using interreg_test::describe;
using interreg_test::expect_silent;
using interreg_test::single;
using interreg_test::findings_of;
using interreg_test::programme;
using interreg_test::programme_doc;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {



std::optional<ProgrammeError> programme_error(const json& doc) {
    return thrown<ProgrammeError>([&] { interreg::Programme::from_json(doc); });
}

std::size_t output_index(const json& doc, const std::string& code) {
    const auto& outputs = doc["indicators"]["outputs"];
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (outputs[i]["code"] == code) return i;
    }
    ADD_FAILURE() << "no output " << code;
    return 0;
}

}  // namespace

// ---- the catalogue ---------------------------------------------------------------------

TEST(IndicatorCatalogue, EveryCommonIndicator) {
    std::size_t outputs = 0, results = 0;
    for (const auto& i : programme().indicators()) (i.kind == IndicatorKind::output ? outputs : results)++;
    EXPECT_EQ(outputs, 96u);
    EXPECT_EQ(results, 65u);
    const auto* rco84 = programme().indicator("RCO84");
    ASSERT_NE(rco84, nullptr);
    EXPECT_EQ(rco84->kind, IndicatorKind::output);
    EXPECT_EQ(rco84->name.at("en"), "Pilot actions developed jointly and implemented in projects");
    EXPECT_EQ(rco84->unit, "pilot actions");
    EXPECT_FALSE(programme().indicator_catalogue().source.assumed);
}

TEST(IndicatorCatalogue, CodesInAnySpelling) {
    const auto* rco84 = programme().indicator("RCO84");
    for (const char* spelling : {"rco084", "RCO 84", " RCO0084 ", "Rco84"}) EXPECT_EQ(programme().indicator(spelling), rco84) << spelling;
    EXPECT_EQ(programme().indicator("RCR104")->kind, IndicatorKind::result);
    EXPECT_EQ(programme().indicator("RCO999"), nullptr);
    EXPECT_EQ(programme().indicator("PSO1"), nullptr);
    EXPECT_EQ(programme().indicator(""), nullptr);
}

TEST(IndicatorCatalogue, Pairings) {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"RCO83", "RCR79"}, {"RCO85", "RCR81"}, {"RCO87", "RCR84"},  {"RCO81", "RCR85"},
        {"RCO116", "RCR104"}, {"RCO117", "RCR82"}, {"RCO86", "RCR83"}};
    for (const auto& [output, result] : pairs) {
        ASSERT_TRUE(programme().indicator(output)->result) << output;
        EXPECT_EQ(*programme().indicator(output)->result, result) << output;
    }
    EXPECT_FALSE(programme().indicator("RCO84")->result);
    EXPECT_FALSE(programme().indicator("RCO01")->result);
    EXPECT_TRUE(programme().indicator_catalogue().pairing_source.assumed);
}

TEST(IndicatorCatalogue, Jointly) {
    std::vector<std::string> jointly;
    for (const auto& i : programme().indicators()) {
        if (i.jointly) jointly.push_back(i.code);
    }
    EXPECT_EQ(jointly, (std::vector<std::string>{"RCO83", "RCO84", "RCO115", "RCO116"}));
    EXPECT_TRUE(programme().indicator_catalogue().jointly_source.assumed);
}

TEST(IndicatorCatalogue, EveryOksObjectiveOffersTheCooperationIndicatorsAsAssumed) {
    const std::vector<std::string> cooperation = {"RCO81", "RCO82", "RCO83", "RCO84",  "RCO85",  "RCO86",  "RCO87",
                                                  "RCO90", "RCO115", "RCO116", "RCO117", "RCO118", "RCO120", "RCR79",
                                                  "RCR81", "RCR82", "RCR83", "RCR84",  "RCR85",  "RCR104"};
    for (const auto& o : programme().specific_objectives()) {
        EXPECT_EQ(o.indicators, cooperation) << o.code;
        EXPECT_TRUE(o.indicators_source.assumed) << o.code;
        EXPECT_FALSE(o.indicators_source.note.empty()) << o.code;
    }
}

TEST(IndicatorCatalogue, Table) {
    const auto rows = programme().table("indicators");
    ASSERT_EQ(rows.size(), 161u);
    const auto& first = rows[0];
    std::vector<std::string> keys;
    for (const auto& [k, v] : first.items()) keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"code", "kind", "name", "unit", "result", "jointly", "objectives", "note",
                                              "status", "source"}));
    for (const auto& row : rows) {
        if (row["code"] != "RCO87") continue;
        EXPECT_EQ(row["kind"], "output");
        EXPECT_EQ(row["result"], "RCR84");
        EXPECT_EQ(row["jointly"], false);
        EXPECT_EQ(row["objectives"], "RSO1.1, RSO1.4, RSO2.2, RSO2.4, RSO2.6, RSO3.2, RSO4.1");
        EXPECT_EQ(row["status"], "confirmed");
    }
    EXPECT_EQ(rows[0]["result"], nullptr);  // RCO01 has no usual result
    EXPECT_EQ(rows[0]["objectives"], "");
}

TEST(IndicatorCatalogue, AProgrammeWithoutIndicators) {
    json doc = programme_doc();
    doc.erase("indicators");
    for (auto& o : doc["specific_objectives"]) o.erase("indicators");
    const auto p = interreg::Programme::from_json(doc);
    EXPECT_TRUE(p->indicators().empty());
    EXPECT_EQ(p->indicator("RCO84"), nullptr);
    // outputs and results cannot name a known indicator, and the rule says so
    const Report report = interreg::validate(*p, baseline());
    EXPECT_FALSE(findings_of(report, "indicators.objective").empty());
}

// ---- the catalogue's checks ------------------------------------------------------------

TEST(IndicatorDocument, CodesAreWrittenNormalised) {
    json doc = programme_doc();
    const auto i = output_index(doc, "RCO84");
    doc["indicators"]["outputs"][i]["code"] = "RCO084";
    const auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/indicators/outputs/" + std::to_string(i) + "/code");
    EXPECT_CONTAINS(e->what(), "write the code as 'RCO84'");
}

TEST(IndicatorDocument, DuplicateCode) {
    json doc = programme_doc();
    doc["indicators"]["outputs"].push_back(doc["indicators"]["outputs"][0]);
    const auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/indicators");
    EXPECT_CONTAINS(e->what(), "'RCO01' is listed twice");
}

TEST(IndicatorDocument, UnknownKey) {
    json doc = programme_doc();
    doc["indicators"]["outputs"][0]["target"] = 3;
    const auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/indicators/outputs/0/target");
}

TEST(IndicatorDocument, PairingOfUnknownOrWrongKind) {
    json doc = programme_doc();
    doc["indicators"]["pairings"]["pairs"]["RCO83"] = "RCO84";
    auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/indicators/pairings/pairs/RCO83");
    EXPECT_CONTAINS(e->what(), "'RCO84' is not a result indicator");

    doc = programme_doc();
    doc["indicators"]["pairings"]["pairs"]["RCR79"] = "RCR79";
    e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'RCR79' is not an output indicator");
}

TEST(IndicatorDocument, JointlyUnknown) {
    json doc = programme_doc();
    doc["indicators"]["jointly"]["codes"].push_back("RCO999");
    const auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/indicators/jointly/codes");
    EXPECT_CONTAINS(e->what(), "'RCO999'");
}

TEST(IndicatorDocument, ObjectiveListsUnknownOrRepeatedCodes) {
    json doc = programme_doc();
    doc["specific_objectives"][6]["indicators"]["codes"].push_back("RCO999");
    auto e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/specific_objectives/6/indicators/codes");
    EXPECT_CONTAINS(e->what(), "'RCO999' is not in the programme's indicators");

    doc = programme_doc();
    doc["specific_objectives"][6]["indicators"]["codes"].push_back("RCO87");
    e = programme_error(doc);
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "'RCO87' is listed twice");
}

// ---- indicators.objective --------------------------------------------------------------

TEST(IndicatorRules, ObjectiveSilentForTheBaselineAndOtherSpellings) {
    Proposal p = baseline();
    expect_silent(p, "indicators.objective");
    p.work_plan.outputs[0].indicator = "rco084";
    p.work_plan.results[0].indicator = "RCR 104";
    const Report report = interreg::validate(programme(), p);
    EXPECT_TRUE(report.findings.empty()) << describe(report);
}

TEST(IndicatorRules, ObjectiveUnknownCode) {
    Proposal p = baseline();
    p.work_plan.outputs[1].indicator = "RCO870";
    const auto f = single(p, "indicators.objective");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/work_plan/outputs/1/indicator");
    EXPECT_CONTAINS(f->message, "'RCO870' is not a programme output indicator");
    EXPECT_CONTAINS(f->message, "RCO87");  // among the nearest
    EXPECT_FALSE(f->assumed);
}

TEST(IndicatorRules, ObjectiveResultCodeAsOutput) {
    Proposal p = baseline();
    p.work_plan.outputs[1].indicator = "RCR84";
    const auto f = single(p, "indicators.objective");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "RCR84 is a result indicator; outputs take output indicators");
    p = baseline();
    p.work_plan.results[1].indicator = "RCO87";
    const auto g = single(p, "indicators.objective");
    ASSERT_TRUE(g);
    EXPECT_EQ(g->path, "/work_plan/results/1/indicator");
    EXPECT_CONTAINS(g->message, "results take result indicators");
}

TEST(IndicatorRules, ObjectiveNotOfferedByTheObjective) {
    Proposal p = baseline();
    p.work_plan.outputs[1].indicator = "RCO01";  // enterprises supported: not an Interreg cooperation indicator
    const auto f = single(p, "indicators.objective");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "RCO01 is not among the indicators of RSO4.1");
    EXPECT_CONTAINS(f->message, "RCO87");
    EXPECT_TRUE(f->assumed);  // the objective's list is assumed for ÖKS
    EXPECT_CONTAINS(f->message, "assumed");
}

TEST(IndicatorRules, ObjectiveUnknownObjectiveChecksOnlyTheCatalogue) {
    Proposal p = baseline();
    p.specific_objective = "RSO9.9";  // project.objective reports it
    p.work_plan.outputs[1].indicator = "RCO01";
    expect_silent(p, "indicators.objective");
    p.work_plan.outputs[1].indicator = "RCO1000";
    EXPECT_TRUE(single(p, "indicators.objective"));
}

// ---- indicators.pairing ----------------------------------------------------------------

TEST(IndicatorRules, PairingSilentForTheBaseline) { expect_silent(baseline(), "indicators.pairing"); }

TEST(IndicatorRules, PairingResultMissing) {
    Proposal p = baseline();
    p.work_plan.results.erase(p.work_plan.results.begin() + 1);  // RCR84, the result of RCO87
    const auto f = single(p, "indicators.pairing");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->path, "/work_plan/outputs/1/indicator");
    EXPECT_CONTAINS(f->message, "RCO87 usually leads to the result RCR84 (Organisations cooperating across borders after project completion)");
    EXPECT_TRUE(f->assumed);
}

TEST(IndicatorRules, PairingOncePerOutputIndicator) {
    Proposal p = baseline();
    p.work_plan.results.erase(p.work_plan.results.begin() + 1);
    p.work_plan.outputs.push_back(p.work_plan.outputs[1]);  // RCO87 twice
    EXPECT_TRUE(single(p, "indicators.pairing"));
}

TEST(IndicatorRules, PairingResultInAnotherSpelling) {
    Proposal p = baseline();
    p.work_plan.results[1].indicator = "rcr084";
    expect_silent(p, "indicators.pairing");
}

TEST(IndicatorRules, PairingNotAskedOfPreProjects) {
    Proposal p = interreg_test::pre_project_baseline();
    p.work_plan.results.clear();
    expect_silent(p, "indicators.pairing");
}

// ---- indicators.target -----------------------------------------------------------------

TEST(IndicatorRules, TargetSilentForTheBaseline) { expect_silent(baseline(), "indicators.target"); }

TEST(IndicatorRules, TargetZero) {
    Proposal p = baseline();
    p.work_plan.outputs[0].target = Units::parse("0");
    p.work_plan.results[1].target = Units::parse("0");
    const Report report = interreg::validate(programme(), p);
    const auto found = findings_of(report, "indicators.target");
    ASSERT_EQ(found.size(), 2u) << describe(report);
    EXPECT_EQ(found[0].path, "/work_plan/outputs/0/target");
    EXPECT_CONTAINS(found[0].message, "The output RCO84 has the target 0");
    EXPECT_EQ(found[1].path, "/work_plan/results/1/target");
    EXPECT_CONTAINS(found[1].message, "The result RCR84 has the target 0");
    EXPECT_EQ(found[1].severity, Severity::warning);
    EXPECT_FALSE(found[1].assumed);  // a zero target is no assumed fact: the message does not say so
}

TEST(IndicatorRules, TargetSmallestPositive) {
    Proposal p = baseline();
    p.work_plan.outputs[0].target = Units::parse("0.01");
    expect_silent(p, "indicators.target");
}

// ---- indicators.jointly ----------------------------------------------------------------

TEST(IndicatorRules, JointlySilentForTheBaseline) { expect_silent(baseline(), "indicators.jointly"); }

TEST(IndicatorRules, JointlyWithOneCountry) {
    Proposal p = baseline();
    for (auto& a : p.work_plan.work_packages[0].activities) a.partners = {"PP1"};  // WP1 delivers RCO84
    const auto f = single(p, "indicators.jointly");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->path, "/work_plan/outputs/0/work_package");
    EXPECT_CONTAINS(f->message, "RCO84 (Pilot actions developed jointly and implemented in projects)");
    EXPECT_CONTAINS(f->message, "work package 1 involves partners of SE only");
    EXPECT_TRUE(f->assumed);
}

TEST(IndicatorRules, JointlyCountsTheLeadOfTheWorkPackage) {
    Proposal p = baseline();
    for (auto& a : p.work_plan.work_packages[0].activities) a.partners = {"PP2"};
    expect_silent(p, "indicators.jointly");  // led by PP1 (SE), worked on by PP2 (DK)
}

TEST(IndicatorRules, JointlyNotJudgedWithoutAWorkPackage) {
    Proposal p = baseline();
    for (auto& a : p.work_plan.work_packages[0].activities) a.partners = {"PP1"};
    p.work_plan.outputs[0].work_package.reset();
    expect_silent(p, "indicators.jointly");
}

TEST(IndicatorRules, JointlyOnlyForJointlyIndicators) {
    Proposal p = baseline();
    for (auto& a : p.work_plan.work_packages[1].activities) a.partners = {"PP2"};  // WP2 (lead PP2) delivers RCO87
    expect_silent(p, "indicators.jointly");
    p.work_plan.outputs[1].indicator = "RCO116";  // jointly developed solutions, delivered by Denmark alone
    const auto f = single(p, "indicators.jointly");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "partners of DK only");
}

// ---- project.objective-fit -------------------------------------------------------------

TEST(ObjectiveFit, SilentForTheBaseline) {
    expect_silent(baseline(), "project.objective-fit");
    EXPECT_EQ(interreg::rank_objectives(programme(), interreg::alignment_text(baseline()))[0].code, "RSO4.1");
}

TEST(ObjectiveFit, AnObjectiveTheTextsDoNotFit) {
    Proposal p = baseline();
    p.specific_objective = "RSO2.2";  // renewable energy, for a labour-market project
    const auto f = single(p, "project.objective-fit");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->path, "/specific_objective");
    EXPECT_CONTAINS(f->message, "read more like RSO4.1 (");
    EXPECT_CONTAINS(f->message, "than like the chosen RSO2.2 (ranked ");
}

TEST(ObjectiveFit, TooLittleTextIsNotJudged) {
    Proposal p = baseline();
    p.specific_objective = "RSO2.2";
    p.summary.clear();
    p.title = {{"en", "Jobs without borders"}};
    p.work_plan.overall_objective = "Jobs.";
    p.work_plan.objectives.clear();
    for (auto& wp : p.work_plan.work_packages) {
        wp.title = "Work package";
        wp.objective.reset();
        for (auto& a : wp.activities) {
            a.title = "Activity";
            for (auto& d : a.deliverables) d.title = "Report";
        }
    }
    expect_silent(p, "project.objective-fit");
}

TEST(ObjectiveFit, UnknownObjectiveIsLeftToProjectObjective) {
    Proposal p = baseline();
    p.specific_objective = "RSO9.9";
    expect_silent(p, "project.objective-fit");
}

TEST(ObjectiveFit, AlignmentTextReadsTheTopicNotThePartnership) {
    const std::string text = interreg::alignment_text(baseline());
    EXPECT_CONTAINS(text, "Jobs without borders\n");
    EXPECT_CONTAINS(text, "Jobb utan gränser\n");
    EXPECT_CONTAINS(text, "Map the skills employers lack");
    EXPECT_CONTAINS(text, "Joint job fairs\n");
    EXPECT_CONTAINS(text, "Survey report\n");
    EXPECT_NOT_CONTAINS(text, "Göteborgs universitet");  // partner names
    EXPECT_NOT_CONTAINS(text, "shared project coordinator");  // cooperation criteria
    EXPECT_NOT_CONTAINS(text, "gender imbalance");  // horizontal principles
    EXPECT_EQ(interreg::alignment_text(Proposal{}), "");
}
