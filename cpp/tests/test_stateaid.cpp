// State aid: a partner's economic activity and State-aid scheme (model, default by organisation
// type, document, edits) and the stateaid.* rules. The scenario of the issue: a Danish ApS with
// a EUR 418,000 budget (EUR 250,000 of equipment) at 60 % ERDF receives EUR 250,800 of aid.
#include <gtest/gtest.h>

#include <functional>

#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"
#include "interreg/state_aid.hpp"
#include "test_support.hpp"

using interreg::Category;
using interreg::FormatError;
using interreg::Partner;
using interreg::Proposal;
using interreg::Role;
using interreg::Severity;
using interreg::StateAid;
using interreg::StateAidScheme;
using interreg_test::baseline;
using interreg_test::budget_line;
using interreg_test::eur;
using interreg_test::expect_silent;
using interreg_test::fired;
using interreg_test::make_partner;
using interreg_test::programme;
using interreg_test::source_of;
using interreg_test::single;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

// The baseline with the Danish ApS as PP4: equipment 250,000.00 + staff 168,000.00 = 418,000.00,
// ERDF 60 % = 250,800.00.
Proposal with_company(std::optional<StateAid> aid = std::nullopt, const char* equipment = "250000.00") {
    Proposal p = baseline();
    Partner company = make_partner("Nordic Drones ApS", "DK", "Region Nordjylland", "company");
    company.budget.lines.push_back(budget_line(Category::equipment, "Test drones and sensors", "set", "1", equipment));
    company.budget.lines.push_back(budget_line(Category::staff, "Engineers", "months", "24", "7000.00"));
    company.state_aid = aid;
    add_partner(p, std::move(company));
    return p;
}

StateAid de_minimis(std::optional<const char*> previous) {
    StateAid aid{StateAidScheme::de_minimis, std::nullopt};
    if (previous) aid.previous_de_minimis = eur(*previous);
    return aid;
}

Partner partner_of_type(std::optional<std::string> type, std::optional<bool> activity = std::nullopt) {
    Partner p = make_partner("Org", "SE", "Skåne", std::move(type));
    p.economic_activity = activity;
    return p;
}

std::shared_ptr<const interreg::Programme> mutated_programme(const std::function<void(json&)>& mutate) {
    json doc = interreg_test::programme_doc();
    mutate(doc);
    return interreg::Programme::from_json(doc);
}

std::optional<interreg::ProgrammeError> broken_programme(const std::function<void(json&)>& mutate) {
    return thrown<interreg::ProgrammeError>([&] { mutated_programme(mutate); });
}

json doc_with_partner_key(const std::string& key, const json& value) {
    json doc = json::parse(interreg::dump_proposal(baseline()));
    doc["partners"][1][key] = value;
    return doc;
}

std::optional<FormatError> format_error(const json& doc) {
    return thrown<FormatError>([&] { interreg::proposal_from_json(doc); });
}

}  // namespace

// ---- economic activity: as given, else the organisation type's default -------------------------

TEST(EconomicActivity, DefaultsByOrganisationType) {
    EXPECT_EQ(economic_activity(programme(), partner_of_type("company")), true);
    for (const char* type : {"public-authority", "regional-authority", "local-authority", "other-public"}) {
        EXPECT_EQ(economic_activity(programme(), partner_of_type(type)), false) << type;
    }
    for (const char* type : {"university", "ngo", "business-support", "sole-trader"}) {
        EXPECT_EQ(economic_activity(programme(), partner_of_type(type)), std::nullopt) << type;
    }
    EXPECT_EQ(economic_activity(programme(), partner_of_type(std::nullopt)), std::nullopt);
    EXPECT_EQ(economic_activity(programme(), partner_of_type("spaceship yard")), std::nullopt);
}

TEST(EconomicActivity, TheTypeIsResolvedByNameToo) {
    EXPECT_EQ(economic_activity(programme(), partner_of_type("Kommune")), false);
    EXPECT_EQ(economic_activity(programme(), partner_of_type("Limited company (incl. SMEs)")), true);
}

TEST(EconomicActivity, WhatThePartnerSaysWins) {
    EXPECT_EQ(economic_activity(programme(), partner_of_type("company", false)), false);
    EXPECT_EQ(economic_activity(programme(), partner_of_type("local-authority", true)), true);
    EXPECT_EQ(economic_activity(programme(), partner_of_type("university", true)), true);
}

TEST(EconomicActivity, TheDefaultsAreProgrammeDataWithTheirSource) {
    const interreg::OrgType* company = programme().org_type("company");
    ASSERT_TRUE(company && company->economic_activity);
    EXPECT_FALSE(company->economic_activity_source.assumed);
    EXPECT_CONTAINS(company->economic_activity_source.url, "7statsstod");
    const interreg::OrgType* authority = programme().org_type("local-authority");
    ASSERT_TRUE(authority && authority->economic_activity);
    EXPECT_FALSE(*authority->economic_activity);
    EXPECT_CONTAINS(authority->economic_activity_source.url, "eur-lex");
    const auto table = programme().table("org_types");
    for (const auto& row : table) {
        if (row["id"] == "company") EXPECT_EQ(row["economic_activity"], true);
        if (row["id"] == "university") EXPECT_TRUE(row["economic_activity"].is_null());
    }
}

TEST(EconomicActivity, ProgrammeDocumentIsStrict) {
    const auto company = interreg_test::index_of(interreg_test::programme_doc(), "org_types", "id", "company");
    const std::string at = "/org_types/" + std::to_string(company) + "/economic_activity";
    auto wrong_type = broken_programme([&](json& d) { d["org_types"][company]["economic_activity"]["value"] = "yes"; });
    ASSERT_TRUE(wrong_type);
    EXPECT_EQ(wrong_type->path(), at + "/value");
    auto unknown_key = broken_programme([&](json& d) { d["org_types"][company]["economic_activity"]["default"] = true; });
    ASSERT_TRUE(unknown_key);
    EXPECT_EQ(unknown_key->path(), at + "/default");
    auto no_source = broken_programme([&](json& d) { d["org_types"][company]["economic_activity"].erase("source"); });
    ASSERT_TRUE(no_source);
    EXPECT_EQ(no_source->path(), at);  // a missing key is the object's fault
    EXPECT_CONTAINS(no_source->detail(), "source");
}

// ---- the document ----------------------------------------------------------------------------

TEST(StateAidDocument, RoundTripsAndIsWrittenAfterTheOwnerFlag) {
    Proposal p = baseline();
    p.partners[1].economic_activity = true;
    p.partners[1].state_aid = StateAid{StateAidScheme::de_minimis, eur("12000.00")};
    const std::string text = interreg::dump_proposal(p);
    EXPECT_CONTAINS(text, "\"norwegian_project_owner\": false,\n      \"organisation_number\": \"29189420\",\n"
                          "      \"economic_activity\": true,\n      \"state_aid\": {\n"
                          "        \"scheme\": \"de-minimis\",\n        \"previous_de_minimis\": \"12000.00\"\n      },\n"
                          "      \"budget\"");
    const Proposal back = interreg::parse_proposal(text);
    EXPECT_EQ(back.partners[1].economic_activity, true);
    ASSERT_TRUE(back.partners[1].state_aid);
    EXPECT_EQ(back.partners[1].state_aid->scheme, StateAidScheme::de_minimis);
    EXPECT_EQ(back.partners[1].state_aid->previous_de_minimis, eur("12000.00"));
    EXPECT_EQ(interreg::dump_proposal(back), text);
}

TEST(StateAidDocument, AbsentMeansNotGivenAndIsNotWritten) {
    const json doc = json::parse(interreg::dump_proposal(baseline()));
    EXPECT_FALSE(doc["partners"][1].contains("economic_activity"));
    EXPECT_FALSE(doc["partners"][1].contains("state_aid"));
    EXPECT_EQ(doc["partners"][0]["state_aid"], (json{{"scheme", "none"}, {"previous_de_minimis", nullptr}}));
    const Proposal nulls = interreg::proposal_from_json(doc_with_partner_key("state_aid", nullptr));
    EXPECT_FALSE(nulls.partners[1].state_aid);
    EXPECT_FALSE(interreg::proposal_from_json(doc_with_partner_key("economic_activity", nullptr)).partners[1].economic_activity);
}

TEST(StateAidDocument, EverySchemeReads) {
    for (const auto& name : interreg::state_aid_scheme_names()) {
        const Proposal p = interreg::proposal_from_json(doc_with_partner_key("state_aid", json{{"scheme", name}}));
        ASSERT_TRUE(p.partners[1].state_aid) << name;
        EXPECT_EQ(to_string(p.partners[1].state_aid->scheme), name);
        EXPECT_FALSE(p.partners[1].state_aid->previous_de_minimis);
    }
}

TEST(StateAidDocument, UnknownSchemeNamesTheChoices) {
    auto e = format_error(doc_with_partner_key("state_aid", json{{"scheme", "deminimis"}}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/1/state_aid/scheme");
    EXPECT_CONTAINS(e->detail(), "unknown state-aid scheme 'deminimis'");
    for (const char* choice : {"none", "de-minimis", "gber-20a", "gber-other"}) EXPECT_CONTAINS(e->detail(), choice);
}

TEST(StateAidDocument, StrictKeysAndTypes) {
    auto typo = format_error(doc_with_partner_key("state_aid", json{{"scheme", "none"}, {"previous", "1.00"}}));
    ASSERT_TRUE(typo);
    EXPECT_EQ(typo->path(), "/partners/1/state_aid/previous");
    EXPECT_CONTAINS(typo->detail(), "previous_de_minimis");
    auto missing = format_error(doc_with_partner_key("state_aid", json::object()));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->path(), "/partners/1/state_aid");
    EXPECT_CONTAINS(missing->detail(), "scheme");
    auto not_object = format_error(doc_with_partner_key("state_aid", "de-minimis"));
    ASSERT_TRUE(not_object);
    EXPECT_EQ(not_object->path(), "/partners/1/state_aid");
    auto activity = format_error(doc_with_partner_key("economic_activity", "yes"));
    ASSERT_TRUE(activity);
    EXPECT_EQ(activity->path(), "/partners/1/economic_activity");
    auto number = format_error(doc_with_partner_key("state_aid", json{{"scheme", "de-minimis"}, {"previous_de_minimis", 100}}));
    ASSERT_TRUE(number);
    EXPECT_EQ(number->path(), "/partners/1/state_aid/previous_de_minimis");
}

TEST(StateAidDocument, PreviousAidMustBeAPlausibleAmount) {
    for (const char* amount : {"-0.01", "10000000000.01", "1.005", "12,000"}) {
        auto e = format_error(doc_with_partner_key("state_aid", json{{"scheme", "de-minimis"}, {"previous_de_minimis", amount}}));
        ASSERT_TRUE(e) << amount;
        EXPECT_EQ(e->path(), "/partners/1/state_aid/previous_de_minimis") << amount;
    }
    auto negative = format_error(doc_with_partner_key("state_aid", json{{"scheme", "de-minimis"}, {"previous_de_minimis", "-5"}}));
    ASSERT_TRUE(negative);
    EXPECT_CONTAINS(negative->detail(), "between 0 and 10000000000.00");
    const auto zero = interreg::proposal_from_json(
        doc_with_partner_key("state_aid", json{{"scheme", "de-minimis"}, {"previous_de_minimis", "0"}}));
    EXPECT_EQ(zero.partners[1].state_aid->previous_de_minimis, eur("0.00"));
}

// ---- the edits --------------------------------------------------------------------------------

TEST(StateAidEdit, SetAndClear) {
    Proposal p = baseline();
    set_partner_economic_activity(p, "PP2", true);
    EXPECT_EQ(p.partners[1].economic_activity, true);
    set_partner_economic_activity(p, "PP2", std::nullopt);
    EXPECT_FALSE(p.partners[1].economic_activity);
    set_partner_state_aid(p, "Aalborg Kommune", StateAid{StateAidScheme::gber_20a, std::nullopt});
    EXPECT_EQ(p.partners[1].state_aid->scheme, StateAidScheme::gber_20a);
    set_partner_state_aid(p, "PP2", std::nullopt);
    EXPECT_FALSE(p.partners[1].state_aid);
}

TEST(StateAidEdit, RefusedValuesLeaveThePartnerAsItWas) {
    Proposal p = baseline();
    auto e = thrown<interreg::ArgumentError>(
        [&] { set_partner_state_aid(p, "PP2", StateAid{StateAidScheme::de_minimis, eur("-1.00")}); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->field(), "state_aid/previous_de_minimis");
    EXPECT_FALSE(p.partners[1].state_aid);
    EXPECT_TRUE(thrown<interreg::NotFoundError>([&] { set_partner_state_aid(p, "PP9", StateAid{}); }));
    EXPECT_TRUE(thrown<interreg::ArgumentError>([] { interreg::parse_state_aid_scheme("GBER-20a"); }));
}

// ---- stateaid.screening ------------------------------------------------------------------------

TEST(Screening, FiresForACompanyWithCostsAndNoScheme) {
    const auto f = single(with_company(), "stateaid.screening");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->path, "/partners/3/state_aid");
    EXPECT_EQ(f->source, source_of("stateaid.screening"));
    EXPECT_FALSE(f->assumed);
    EXPECT_CONTAINS(f->message, "Nordic Drones ApS carries out an economic activity");
    for (const char* criterion : {"public resources", "an undertaking", "selective advantage", "competition and trade"}) {
        EXPECT_CONTAINS(f->message, criterion);
    }
    EXPECT_CONTAINS(f->message, "de-minimis");
    EXPECT_CONTAINS(f->message, "'none'");
}

TEST(Screening, SilentOnceASchemeIsRecorded) {
    for (const auto& name : interreg::state_aid_scheme_names()) {
        expect_silent(with_company(StateAid{interreg::parse_state_aid_scheme(name), std::nullopt}), "stateaid.screening");
    }
}

TEST(Screening, UnknownTypeMayBeAnUndertaking) {
    Proposal p = baseline();
    p.partners[0].state_aid.reset();  // the university
    const auto f = single(p, "stateaid.screening");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->path, "/partners/0/state_aid");
    EXPECT_CONTAINS(f->message, "Göteborgs universitet may carry out an economic activity");
    p.partners[0].org_type.reset();
    EXPECT_EQ(fired(p, "stateaid.screening").size(), 1u);
}

TEST(Screening, PublicAuthoritiesAreNotAskedByDefault) {
    Proposal p = baseline();  // PP2 a municipality, PP3 a county council, neither with a scheme
    ASSERT_FALSE(p.partners[1].state_aid);
    expect_silent(p, "stateaid.screening");
    p.partners[1].economic_activity = true;  // it sells services on a market
    const auto f = single(p, "stateaid.screening");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->path, "/partners/1/state_aid");
    EXPECT_CONTAINS(f->message, "Aalborg Kommune carries out an economic activity");
}

TEST(Screening, NoEconomicActivityGivenIsSilent) {
    Proposal p = with_company();
    p.partners[3].economic_activity = false;
    expect_silent(p, "stateaid.screening");
}

TEST(Screening, PartnersWithoutCostsAndAssociatedPartnersAreNotAsked) {
    Proposal p = with_company();
    p.partners[3].budget = {};
    expect_silent(p, "stateaid.screening");
    Proposal associated = with_company();
    associated.partners[3].role = Role::associated;
    expect_silent(associated, "stateaid.screening");
}

TEST(Screening, AnAssumedDefaultMakesTheFindingAssumed) {
    const auto prog = mutated_programme([](json& d) {
        const auto i = interreg_test::index_of(d, "org_types", "id", "company");
        d["org_types"][i]["economic_activity"]["status"] = "assumed";
    });
    const auto f = single(with_company(), "stateaid.screening", *prog);
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->assumed);
    Proposal given = with_company();
    given.partners[3].economic_activity = true;  // the partner's own word rests on no programme fact
    EXPECT_FALSE(single(given, "stateaid.screening", *prog)->assumed);
}

// ---- stateaid.de-minimis-ceiling ---------------------------------------------------------------

TEST(DeMinimisCeiling, TheIssuesScenarioFires) {
    // 250,800.00 of ERDF + 100,000.00 received before = 350,800.00 > 300,000.00.
    const auto f = single(with_company(de_minimis("100000.00")), "stateaid.de-minimis-ceiling");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/partners/3/state_aid");
    EXPECT_EQ(f->source, source_of("stateaid.de-minimis-ceiling"));
    EXPECT_CONTAINS(f->source, "2023/2831");
    EXPECT_FALSE(f->assumed);
    for (const char* amount : {"Nordic Drones ApS", "250800.00", "100000.00", "350800.00", "300000.00",
                               "headroom is 200000.00", "by 50800.00"}) {
        EXPECT_CONTAINS(f->message, amount);
    }
}

TEST(DeMinimisCeiling, ExactlyAtTheCeilingIsFineOneCentMoreIsNot) {
    expect_silent(with_company(de_minimis("49200.00")), "stateaid.de-minimis-ceiling");
    const auto f = single(with_company(de_minimis("49200.01")), "stateaid.de-minimis-ceiling");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "300000.01");
    EXPECT_CONTAINS(f->message, "by 0.01");
}

TEST(DeMinimisCeiling, PreviousAidAbsentCountsAsZero) {
    expect_silent(with_company(de_minimis(std::nullopt)), "stateaid.de-minimis-ceiling");
    // 500,000.02 at 60 % = 300,000.01 of aid in this project alone.
    const auto f = single(with_company(de_minimis(std::nullopt), "332000.02"), "stateaid.de-minimis-ceiling");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "with the 0.00 EUR");
    EXPECT_CONTAINS(f->message, "headroom is 300000.00");
}

TEST(DeMinimisCeiling, NoHeadroomLeft) {
    const auto f = single(with_company(de_minimis("310000.00")), "stateaid.de-minimis-ceiling");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "headroom is 0.00");
}

TEST(DeMinimisCeiling, OnlyForPartnersUnderDeMinimis) {
    StateAid other{StateAidScheme::gber_other, eur("290000.00")};  // previous aid is de minimis only
    expect_silent(with_company(other), "stateaid.de-minimis-ceiling");
    expect_silent(with_company(), "stateaid.de-minimis-ceiling");
    Proposal associated = with_company(de_minimis("100000.00"));
    associated.partners[3].role = Role::associated;
    expect_silent(associated, "stateaid.de-minimis-ceiling");
}

TEST(DeMinimisCeiling, TheCeilingIsAParameter) {
    const auto prog = mutated_programme([](json& d) {
        d["rules"][interreg_test::index_of(d, "rules", "id", "stateaid.de-minimis-ceiling")]["params"]["ceiling"] = "200000.00";
    });
    const auto f = single(with_company(de_minimis(std::nullopt)), "stateaid.de-minimis-ceiling", *prog);
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "above the ceiling of 200000.00 EUR");
}

TEST(MoneyParameter, BadAmountsAreProgrammeErrors) {
    const auto rule = interreg_test::index_of(interreg_test::programme_doc(), "rules", "id", "stateaid.de-minimis-ceiling");
    for (const json& bad : {json("-1.00"), json("300,000"), json(300000), json("1e5")}) {
        auto e = broken_programme([&](json& d) { d["rules"][rule]["params"]["ceiling"] = bad; });
        ASSERT_TRUE(e) << bad;
        EXPECT_EQ(e->path(), "/rules/" + std::to_string(rule) + "/params/ceiling") << bad;
    }
    auto missing = broken_programme([&](json& d) { d["rules"][rule]["params"].erase("ceiling"); });
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->path(), "/rules/" + std::to_string(rule) + "/params");
    EXPECT_CONTAINS(missing->detail(), "ceiling");
}

// ---- stateaid.gber-20a-ceiling -----------------------------------------------------------------

TEST(Gber20aCeiling, FiresAboveTheLimitPerProject) {
    const auto f = single(with_company(StateAid{StateAidScheme::gber_20a, std::nullopt}), "stateaid.gber-20a-ceiling");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/partners/3/state_aid");
    EXPECT_EQ(f->source, source_of("stateaid.gber-20a-ceiling"));
    EXPECT_CONTAINS(f->source, "651/2014");
    for (const char* text : {"Nordic Drones ApS", "250800.00", "22000.00", "by 228800.00"}) EXPECT_CONTAINS(f->message, text);
}

TEST(Gber20aCeiling, ExactlyAtTheLimitIsFineOneCentMoreIsNot) {
    // One staff line: 36,666.67 × 60 % = 22,000.002 → 22,000.00 of aid.
    auto small = [](const char* staff) {
        Proposal p = with_company(StateAid{StateAidScheme::gber_20a, std::nullopt});
        p.partners[3].budget.lines = {budget_line(Category::staff, "Engineer", "lump", "1", staff)};
        return p;
    };
    expect_silent(small("36666.67"), "stateaid.gber-20a-ceiling");
    const auto f = single(small("36666.69"), "stateaid.gber-20a-ceiling");  // 22,000.014 → 22,000.01
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "22000.01");
    EXPECT_CONTAINS(f->message, "by 0.01");
}

TEST(Gber20aCeiling, OnlyForPartnersUnderArticle20a) {
    expect_silent(with_company(de_minimis(std::nullopt)), "stateaid.gber-20a-ceiling");
    expect_silent(with_company(StateAid{StateAidScheme::gber_other, std::nullopt}), "stateaid.gber-20a-ceiling");
    Proposal associated = with_company(StateAid{StateAidScheme::gber_20a, std::nullopt});
    associated.partners[3].role = Role::associated;
    expect_silent(associated, "stateaid.gber-20a-ceiling");
}
