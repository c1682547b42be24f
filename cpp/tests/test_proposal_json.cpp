// The proposal document: strict reading with exact paths, deterministic writing, atomic saving.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "interreg/errors.hpp"
#include "interreg/files.hpp"
#include "interreg/proposal_json.hpp"
#include "test_support.hpp"

using interreg::FormatError;
using interreg::Proposal;
using interreg::dump_proposal;
using interreg::parse_proposal;
using interreg::proposal_from_json;
using interreg_test::TempDir;
using interreg_test::thrown;
using json = nlohmann::json;

namespace {

// A small valid document with one partner; tests change one thing in it.
json minimal_doc() {
    return json{{"format", "interreg-proposal"},
                {"version", 1},
                {"programme", "oks-2021-2027"},
                {"kind", "main"},
                {"acronym", "ØRESUND"},
                {"partners", json::array({json{{"id", "PP1"}, {"name", "Lunds universitet"}, {"country", "SE"},
                                               {"role", "lead"}}})}};
}

std::optional<FormatError> format_error(const json& doc) {
    return thrown<FormatError>([&] { proposal_from_json(doc); });
}

// The document with the value at `pointer` set to `value`.
json with(const std::string& pointer, const json& value) {
    json doc = minimal_doc();
    doc[json::json_pointer(pointer)] = value;
    return doc;
}

json without(const std::string& key) {
    json doc = minimal_doc();
    doc.erase(key);
    return doc;
}

json without_partner_key(const std::string& key) {
    json doc = minimal_doc();
    doc["partners"][0].erase(key);
    return doc;
}

Proposal rich_proposal() {
    Proposal p = interreg_test::baseline();
    p.title["da"] = "Øresund uden grænser — “citat” \\ / slash";
    p.summary["no"] = "Samarbeid over grensen i Østfold, Akershus og Buskerud.\n\tMed tabulator.";
    set_narrative(p, "durability", {{"sv", "Regionerna för arbetet vidare."}, {"en", "The regions carry it on."}});
    set_narrative(p, "relevance", {{"en", "Employers lack staff\nacross the border."}});
    p.partners[1].legal_status = interreg::LegalStatus::public_body;
    p.partners[1].address = "Boulevarden 13, 9000 Aalborg";
    p.partners[1].contact_person = "Mette Jensen, “MJ”, +45 99 31 31 31";
    add_partner(p, interreg_test::make_partner("Kieler Universität", "DE", "Schleswig-Holstein", "university",
                                              interreg::Role::associated));
    p.partners[3].organisation_number = "HRB 1234 KI";  // a country without a scheme: kept as given
    return p;
}

}  // namespace

// ---- reading -----------------------------------------------------------------------------

TEST(ProposalRead, MinimalDocument) {
    const Proposal p = proposal_from_json(minimal_doc());
    EXPECT_EQ(p.programme, "oks-2021-2027");
    EXPECT_EQ(p.kind, "main");
    EXPECT_EQ(p.acronym, "ØRESUND");
    EXPECT_FALSE(p.call);
    EXPECT_FALSE(p.start);
    EXPECT_FALSE(p.duration_months);
    EXPECT_EQ(p.geography, "whole");
    EXPECT_EQ(p.specific_objective, "");
    ASSERT_EQ(p.partners.size(), 1u);
    EXPECT_EQ(p.partners[0].id, "PP1");
    EXPECT_EQ(p.partners[0].role, interreg::Role::lead);
    EXPECT_FALSE(p.partners[0].region);
    EXPECT_FALSE(p.partners[0].norwegian_project_owner);
}

TEST(ProposalRead, AllFields) {
    json doc = minimal_doc();
    doc["call"] = "2025:1";
    doc["title"] = {{"en", "T"}, {"sv", "Titel"}};
    doc["summary"] = {{"da", "Resumé"}};
    doc["specific_objective"] = "RSO4.1";
    doc["geography"] = "oresund";
    doc["start"] = "2026-01-01";
    doc["duration_months"] = 36;
    doc["partners"][0]["region"] = "Skåne";
    doc["partners"][0]["org_type"] = "university";
    doc["partners"][0]["legal_status"] = "public";
    doc["partners"][0]["norwegian_project_owner"] = false;
    const Proposal p = proposal_from_json(doc);
    EXPECT_EQ(*p.call, "2025:1");
    EXPECT_EQ(p.title.at("sv"), "Titel");
    EXPECT_EQ(p.summary.at("da"), "Resumé");
    EXPECT_EQ(p.geography, "oresund");
    EXPECT_EQ(*p.start, (interreg::Date{2026, 1, 1}));
    EXPECT_EQ(*p.duration_months, 36);
    EXPECT_EQ(*p.partners[0].region, "Skåne");
    EXPECT_EQ(*p.partners[0].legal_status, interreg::LegalStatus::public_body);
}

TEST(ProposalRead, NullsMeanUnset) {
    json doc = minimal_doc();
    for (const char* key : {"call", "title", "summary", "specific_objective", "geography", "start", "duration_months"}) {
        doc[key] = nullptr;
    }
    doc["partners"][0]["region"] = nullptr;
    const Proposal p = proposal_from_json(doc);
    EXPECT_FALSE(p.call);
    EXPECT_EQ(p.geography, "whole");
    EXPECT_EQ(p.specific_objective, "");
    EXPECT_FALSE(p.partners[0].region);
}

TEST(ProposalRead, PlainStringTitleIsEnglish) {
    const Proposal p = proposal_from_json(with("/title", "Jobs without borders"));
    EXPECT_EQ(p.title, (interreg::TextMap{{"en", "Jobs without borders"}}));
    const Proposal q = proposal_from_json(with("/summary", "Kort"));
    EXPECT_EQ(q.summary, (interreg::TextMap{{"en", "Kort"}}));
}

TEST(ProposalRead, ParseFromText) {
    const Proposal p = parse_proposal(minimal_doc().dump());
    EXPECT_EQ(p.acronym, "ØRESUND");
}

// ---- strict reading: exact paths ---------------------------------------------------------

TEST(ProposalStrict, EmptyText) {
    auto e = thrown<FormatError>([] { parse_proposal(""); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
}

TEST(ProposalStrict, NotAnObject) {
    auto e = thrown<FormatError>([] { parse_proposal("[1, 2]"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_EQ(e->detail(), "expected an object, found an array");
}

TEST(ProposalStrict, UnknownTopLevelKey) {
    auto e = format_error(with("/budget", 5));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/budget");
    EXPECT_CONTAINS(e->detail(), "unknown key 'budget'");
}

TEST(ProposalStrict, UnknownPartnerKey) {
    auto e = format_error(with("/partners/0/colour", "blue"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/colour");
    EXPECT_CONTAINS(e->detail(), "unknown key 'colour'; valid keys, nearest first: ");
    EXPECT_CONTAINS(e->detail(), "country");
    EXPECT_CONTAINS(e->detail(), "norwegian_project_owner");
}

TEST(ProposalStrict, UnknownKeyInSecondPartner) {
    json doc = minimal_doc();
    doc["partners"].push_back(json{{"id", "PP2"}, {"name", "B"}, {"country", "DK"}, {"role", "partner"}, {"a/b", 1}});
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/1/a~1b");
}

TEST(ProposalStrict, WrongTypes) {
    const std::vector<std::tuple<std::string, json, std::string>> cases = {
        {"/acronym", 5, "expected a string, found an integer"},
        {"/partners", json::object(), "expected an array, found an object"},
        {"/title", 5, "expected an object, found an integer"},
        {"/call", true, "expected a string, found a boolean"},
        {"/duration_months", "36", "expected an integer, found a string"},
        {"/duration_months", 36.0, "expected an integer, found a number"},
        {"/partners/0/name", json::array(), "expected a string, found an array"},
        {"/partners/0/norwegian_project_owner", "yes", "expected true or false, found a string"},
        {"/version", "1", "expected an integer, found a string"},
    };
    for (const auto& [pointer, value, detail] : cases) {
        auto e = format_error(with(pointer, value));
        ASSERT_TRUE(e) << pointer;
        EXPECT_EQ(e->path(), pointer);
        EXPECT_EQ(e->detail(), detail) << pointer;
    }
}

TEST(ProposalStrict, MissingRequiredTopLevelKeys) {
    for (const char* key : {"format", "version", "programme", "kind", "acronym", "partners"}) {
        auto e = format_error(without(key));
        ASSERT_TRUE(e) << key;
        EXPECT_EQ(e->path(), "") << key;
        EXPECT_EQ(e->detail(), "missing required key '" + std::string(key) + "'");
    }
}

TEST(ProposalStrict, MissingRequiredPartnerKeys) {
    for (const char* key : {"id", "name", "country", "role"}) {
        auto e = format_error(without_partner_key(key));
        ASSERT_TRUE(e) << key;
        EXPECT_EQ(e->path(), "/partners/0") << key;
        EXPECT_EQ(e->detail(), "missing required key '" + std::string(key) + "'");
    }
}

TEST(ProposalStrict, OptionalKeysMayBeAbsent) {
    for (const char* key : {"call", "title", "summary", "specific_objective", "geography", "start", "duration_months"}) {
        json doc = minimal_doc();
        doc.erase(key);
        EXPECT_NO_THROW(proposal_from_json(doc)) << key;
    }
}

TEST(ProposalStrict, WrongFormat) {
    auto e = format_error(with("/format", "interreg-programme"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/format");
    EXPECT_EQ(e->detail(), "expected \"interreg-proposal\"");
}

TEST(ProposalStrict, NewerVersion) {
    auto e = format_error(with("/version", 2));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/version");
    EXPECT_EQ(e->detail(), "version 2 is newer than this library reads (1); update interreg");
}

TEST(ProposalStrict, VersionZero) {
    auto e = format_error(with("/version", 0));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/version");
    EXPECT_EQ(e->detail(), "must be between 1 and 1000000, not 0");
}

TEST(ProposalStrict, BlankProgrammeAndKind) {
    auto e = format_error(with("/programme", " "));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/programme");
    EXPECT_EQ(e->detail(), "must not be empty");
    auto e2 = format_error(with("/kind", ""));
    ASSERT_TRUE(e2);
    EXPECT_EQ(e2->path(), "/kind");
}

TEST(ProposalStrict, BadDate) {
    for (const char* bad : {"2026-02-30", "2026-1-1", "1.1.2026", "2026-01-01T00:00:00"}) {
        auto e = format_error(with("/start", bad));
        ASSERT_TRUE(e) << bad;
        EXPECT_EQ(e->path(), "/start");
        EXPECT_EQ(e->detail(), "expected a date as YYYY-MM-DD (e.g. 2026-01-01), not '" + std::string(bad) + "'");
    }
}

TEST(ProposalStrict, DurationOutOfRange) {
    for (int bad : {0, -3, 121}) {
        auto e = format_error(with("/duration_months", bad));
        ASSERT_TRUE(e) << bad;
        EXPECT_EQ(e->path(), "/duration_months");
        EXPECT_EQ(e->detail(), "must be between 1 and 120, not " + std::to_string(bad));
    }
    EXPECT_EQ(*proposal_from_json(with("/duration_months", 120)).duration_months, 120);
}

TEST(ProposalStrict, UnknownCountry) {
    auto e = format_error(with("/partners/0/country", "XX"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/country");
    EXPECT_CONTAINS(e->detail(), "unknown country code 'XX'");
    auto lower = format_error(with("/partners/0/country", "se"));
    ASSERT_TRUE(lower);
    EXPECT_EQ(lower->path(), "/partners/0/country");
}

TEST(ProposalStrict, UnknownRole) {
    auto e = format_error(with("/partners/0/role", "leader"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/role");
    EXPECT_EQ(e->detail(), "unknown role 'leader'; choose one of (nearest first): lead, partner, associated");
}

TEST(ProposalStrict, UnknownLegalStatus) {
    auto e = format_error(with("/partners/0/legal_status", "government"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/legal_status");
    EXPECT_CONTAINS(e->detail(), "public");
}

TEST(ProposalRead, OrganisationNumberAddressAndContact) {
    json doc = minimal_doc();
    doc["partners"][0]["organisation_number"] = "202100-3211";
    doc["partners"][0]["address"] = "Box 117, 221 00 Lund";
    doc["partners"][0]["contact_person"] = nullptr;  // null: not given
    const Proposal p = proposal_from_json(doc);
    EXPECT_EQ(*p.partners[0].organisation_number, "202100-3211");
    EXPECT_EQ(*p.partners[0].address, "Box 117, 221 00 Lund");
    EXPECT_FALSE(p.partners[0].contact_person);
    // A malformed number is a finding (partner.organisation-number), not a format error.
    EXPECT_NO_THROW(proposal_from_json(with("/partners/0/organisation_number", "556036-0794")));
}

TEST(ProposalStrict, OrganisationNumberAddressAndContactAreTexts) {
    const std::pair<const char*, json> refused[] = {
        {"/partners/0/organisation_number", 5560360793},
        {"/partners/0/organisation_number", " "},
        {"/partners/0/organisation_number", std::string(51, '5')},
        {"/partners/0/organisation_number", "556036\n0793"},
        {"/partners/0/address", std::string(501, 'a')},
        {"/partners/0/address", "Box 117\n221 00 Lund"},
        {"/partners/0/contact_person", "Anna\x1b[8m"},
        {"/partners/0/contact_person", json::array()},
    };
    for (const auto& [pointer, value] : refused) {
        auto e = format_error(with(pointer, value));
        ASSERT_TRUE(e) << pointer << " " << value;
        EXPECT_EQ(e->path(), pointer) << value;
    }
    EXPECT_EQ(format_error(with("/partners/0/organisation_number", " "))->detail(), "must not be empty");
    EXPECT_EQ(format_error(with("/partners/0/address", std::string(501, 'a')))->detail(),
              "text is 501 characters; the limit is 500");
    auto typo = format_error(with("/partners/0/organisation_nr", "202100-3211"));
    ASSERT_TRUE(typo);
    EXPECT_EQ(typo->path(), "/partners/0/organisation_nr");
    EXPECT_CONTAINS(typo->detail(), "organisation_number");
}

TEST(ProposalStrict, DuplicatePartnerId) {
    json doc = minimal_doc();
    doc["partners"].push_back(json{{"id", "PP1"}, {"name", "Other"}, {"country", "DK"}, {"role", "partner"}});
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/1/id");
    EXPECT_EQ(e->detail(), "a partner with id 'PP1' already exists");
}

TEST(ProposalStrict, BlankPartnerName) {
    auto e = format_error(with("/partners/0/name", "   "));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/name");
    EXPECT_EQ(e->detail(), "must not be empty");
}

TEST(ProposalStrict, OverlongPartnerName) {
    auto e = format_error(with("/partners/0/name", std::string(501, 'x')));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners/0/name");
    EXPECT_EQ(e->detail(), "text is 501 characters; the limit is 500");
}

TEST(ProposalStrict, TitleInUnknownLanguage) {
    auto e = format_error(with("/title", json{{"en", "x"}, {"de", "y"}}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/title/de");
    EXPECT_EQ(e->detail(), "unknown language; use one of en, sv, da, no");
}

TEST(ProposalStrict, TooManyPartners) {
    json doc = minimal_doc();
    doc["partners"] = json::array();
    for (int i = 1; i <= 201; ++i) {
        doc["partners"].push_back(json{{"id", "PP" + std::to_string(i)}, {"name", "Org " + std::to_string(i)},
                                       {"country", "SE"}, {"role", "partner"}});
    }
    auto e = format_error(doc);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/partners");
    EXPECT_EQ(e->detail(), "has 201 items; the limit is 200");
}

// ---- writing -----------------------------------------------------------------------------

TEST(ProposalWrite, DumpStartsWithFormatAndEndsWithNewline) {
    const std::string text = dump_proposal(interreg_test::baseline());
    EXPECT_EQ(text.rfind("{\n  \"format\": \"interreg-proposal\",\n  \"version\": 1,\n", 0), 0u) << text;
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(text.substr(text.size() - 2), "}\n");
}

TEST(ProposalWrite, KeysInDocumentedOrder) {
    Proposal p = interreg_test::baseline();
    p.partners[1].address = "Boulevarden 13, 9000 Aalborg";
    p.partners[1].contact_person = "Mette Jensen, mette.jensen@example.dk";
    p.partners[2].organisation_number.reset();
    const auto doc = interreg::proposal_to_json(p);
    std::vector<std::string> keys;
    for (const auto& item : doc.items()) keys.push_back(item.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"format", "version", "programme", "call", "kind", "acronym", "title",
                                              "summary", "specific_objective", "geography", "start",
                                              "duration_months", "exchange_rates", "partners", "work_plan"}));
    auto keys_of = [](const nlohmann::ordered_json& j) {
        std::vector<std::string> out;
        for (const auto& item : j.items()) out.push_back(item.key());
        return out;
    };
    // The organisation number, address, contact person, economic_activity and state_aid are written
    // once given (PP1 records its State-aid scheme, PP2 its address and contact, PP3 has no number).
    EXPECT_EQ(keys_of(doc["partners"][0]), (std::vector<std::string>{"id", "name", "country", "region", "org_type",
                                                                      "legal_status", "role", "norwegian_project_owner",
                                                                      "organisation_number", "state_aid", "budget",
                                                                      "cofinancing"}));
    EXPECT_EQ(keys_of(doc["partners"][1]), (std::vector<std::string>{"id", "name", "country", "region", "org_type",
                                                                      "legal_status", "role", "norwegian_project_owner",
                                                                      "organisation_number", "address", "contact_person",
                                                                      "budget", "cofinancing"}));
    EXPECT_EQ(keys_of(doc["partners"][2]), (std::vector<std::string>{"id", "name", "country", "region", "org_type",
                                                                      "legal_status", "role", "norwegian_project_owner",
                                                                      "budget", "cofinancing"}));
    EXPECT_EQ(keys_of(doc["partners"][0]["state_aid"]), (std::vector<std::string>{"scheme", "previous_de_minimis"}));
    const auto& budget = doc["partners"][0]["budget"];
    EXPECT_EQ(keys_of(budget), (std::vector<std::string>{"flat_rates", "lines"}));
    EXPECT_EQ(keys_of(budget["flat_rates"]),
              (std::vector<std::string>{"staff", "office_on_staff", "office_on_direct", "travel", "other_costs"}));
    EXPECT_EQ(keys_of(budget["lines"][0]), (std::vector<std::string>{"category", "description", "unit_type", "units",
                                                                      "unit_price", "currency", "periods",
                                                                      "unit_cost", "lump_sum"}));
    EXPECT_EQ(keys_of(doc["partners"][0]["cofinancing"]), (std::vector<std::string>{"fund", "rate", "sources"}));
    EXPECT_EQ(keys_of(doc["partners"][0]["cofinancing"]["sources"][0]),
              (std::vector<std::string>{"name", "own", "status", "amount"}));
}

TEST(ProposalWrite, UnsetValuesAreNull) {
    Proposal p;
    add_partner(p, interreg_test::make_partner("A", "SE", std::nullopt, std::nullopt));
    const auto doc = interreg::proposal_to_json(p);
    EXPECT_TRUE(doc["call"].is_null());
    EXPECT_TRUE(doc["start"].is_null());
    EXPECT_TRUE(doc["duration_months"].is_null());
    EXPECT_TRUE(doc["partners"][0]["region"].is_null());
    EXPECT_TRUE(doc["partners"][0]["legal_status"].is_null());
    EXPECT_EQ(doc["title"], nlohmann::ordered_json::object());
    EXPECT_EQ(doc["geography"], "whole");
}

TEST(ProposalWrite, TitleLanguagesInFixedOrder) {
    Proposal p = interreg_test::baseline();
    p.title = {{"no", "N"}, {"da", "D"}, {"sv", "S"}, {"en", "E"}};
    const auto doc = interreg::proposal_to_json(p);
    std::vector<std::string> langs;
    for (const auto& item : doc["title"].items()) langs.push_back(item.key());
    EXPECT_EQ(langs, (std::vector<std::string>{"en", "sv", "da", "no"}));
}

TEST(ProposalWrite, NonAsciiWrittenAsUtf8) {
    const std::string text = dump_proposal(interreg_test::baseline());
    EXPECT_CONTAINS(text, "\"Østfold fylkeskommune\"");
    EXPECT_CONTAINS(text, "Göteborgs universitet");
    EXPECT_NOT_CONTAINS(text, "\\u00");
}

TEST(ProposalWrite, RoundTripIsByteIdentical) {
    const std::string first = dump_proposal(rich_proposal());
    const std::string second = dump_proposal(parse_proposal(first));
    EXPECT_EQ(first, second);
    EXPECT_CONTAINS(first, "Øresund");
}

TEST(ProposalWrite, RoundTripKeepsValues) {
    const Proposal original = rich_proposal();
    const Proposal back = parse_proposal(dump_proposal(original));
    EXPECT_EQ(back.title, original.title);
    EXPECT_EQ(back.summary, original.summary);
    EXPECT_EQ(back.narrative, original.narrative);
    EXPECT_EQ(back.narrative.size(), 2u);
    EXPECT_EQ(*back.start, *original.start);
    ASSERT_EQ(back.partners.size(), 4u);
    EXPECT_EQ(back.partners[3].id, "PP4");
    EXPECT_EQ(back.partners[3].role, interreg::Role::associated);
    EXPECT_EQ(*back.partners[3].region, "Schleswig-Holstein");
    EXPECT_TRUE(back.partners[2].norwegian_project_owner);
    EXPECT_EQ(*back.partners[1].legal_status, interreg::LegalStatus::public_body);
    EXPECT_EQ(back.partners[0].organisation_number, original.partners[0].organisation_number);
    EXPECT_EQ(back.partners[1].address, original.partners[1].address);
    EXPECT_EQ(back.partners[1].contact_person, original.partners[1].contact_person);
    EXPECT_EQ(*back.partners[3].organisation_number, "HRB 1234 KI");
    EXPECT_FALSE(back.partners[3].address);
}

TEST(ProposalWrite, TextSectionsInTheFormsOrderAndOnlyWhenGiven) {
    const auto doc = nlohmann::ordered_json::parse(dump_proposal(rich_proposal()));
    std::vector<std::string> sections;
    for (const auto& [key, value] : doc.at("narrative").items()) sections.push_back(key);
    EXPECT_EQ(sections, (std::vector<std::string>{"relevance", "durability"}));
    EXPECT_FALSE(nlohmann::json::parse(dump_proposal(interreg_test::baseline())).contains("narrative"));
}

TEST(ProposalStrict, TextSections) {
    EXPECT_EQ(format_error(with("/narrative", json::array()))->path(), "/narrative");
    const auto unknown = format_error(with("/narrative", json{{"relevanse", "x"}}));
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->path(), "/narrative/relevanse");
    EXPECT_CONTAINS(unknown->what(), "relevance");
    EXPECT_EQ(format_error(with("/narrative", json{{"management", json{{"fi", "x"}}}}))->path(), "/narrative/management/fi");
    EXPECT_EQ(format_error(with("/narrative", json{{"management", json{{"en", 5}}}}))->path(), "/narrative/management/en");
    const Proposal plain = proposal_from_json(with("/narrative", json{{"target_groups", "Job seekers"}}));
    EXPECT_EQ(plain.narrative.at("target_groups").at("en"), "Job seekers");  // a plain string is English
    EXPECT_TRUE(proposal_from_json(with("/narrative", json::object())).narrative.empty());
}

TEST(ProposalWrite, RoundTripOfEmptyProposal) {
    Proposal p;
    p.programme = interreg_test::programme().id();  // whoever creates a proposal names its programme
    p.kind = interreg_test::programme().project_kinds().front().id;  // and its kind
    const std::string first = dump_proposal(p);
    EXPECT_EQ(dump_proposal(parse_proposal(first)), first);
}

// A proposal names its programme: the core has no default one, so a document without it is
// refused with its path.
TEST(ProposalWrite, AProposalWithoutItsProgrammeIsRefused) {
    const Proposal p;
    EXPECT_TRUE(p.programme.empty());
    const auto e = interreg_test::thrown<interreg::FormatError>([&] { parse_proposal(dump_proposal(p)); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/programme");
}

TEST(ProposalWrite, InvalidUtf8NeverEscapesAsAForeignException) {
    Proposal p;
    try {
        add_partner(p, interreg_test::make_partner("Caf\xe9 Nord", "SE", std::nullopt, std::nullopt));
    } catch (const interreg::ArgumentError&) {
        return;  // refused when stored: fine
    }
    try {
        dump_proposal(p);
    } catch (const interreg::Error&) {
        return;  // an interreg error: fine
    } catch (const std::exception& e) {
        FAIL() << "regression: proposal.cpp:66 Partner::check (and check_text_map) accept invalid UTF-8, and proposal_json.cpp:144 "
                        "dump_proposal then throws a non-interreg exception: " << e.what();
    }
}

// ---- saving and loading files ------------------------------------------------------------

TEST(ProposalSave, WritesTheDumpAndNoTemporaryFiles) {
    TempDir dir;
    const Proposal p = rich_proposal();
    interreg::save_proposal(p, dir.file("proposal.json"));
    EXPECT_EQ(interreg_test::read_file(dir.file("proposal.json")), dump_proposal(p));
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"proposal.json"});
}

TEST(ProposalSave, NewFileIsReadableByOthers) {
    TempDir dir;
    interreg::save_proposal(interreg_test::baseline(), dir.file("p.json"));
    struct stat st {};
    ASSERT_EQ(::stat(dir.file("p.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(ProposalSave, OverwritesAndKeepsPermissions) {
    TempDir dir;
    const auto path = dir.file("p.json");
    interreg_test::write_file(path, "old contents");
    ::chmod(path.c_str(), 0600);
    interreg::save_proposal(interreg_test::baseline(), path);
    EXPECT_EQ(interreg_test::read_file(path), dump_proposal(interreg_test::baseline()));
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"p.json"});
}

TEST(ProposalSave, MissingDirectoryIsIoErrorAndLeavesNothing) {
    TempDir dir;
    const auto path = dir.file("missing/p.json");
    auto e = thrown<interreg::IoError>([&] { interreg::save_proposal(interreg_test::baseline(), path); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "cannot write '" + path + "'");
    EXPECT_TRUE(dir.entries().empty());
}

TEST(ProposalSave, SavingOverADirectoryFailsAndCleansUp) {
    TempDir dir;
    ::mkdir(dir.file("taken").c_str(), 0755);
    EXPECT_TRUE(thrown<interreg::IoError>([&] { interreg::save_proposal(interreg_test::baseline(), dir.file("taken")); }));
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"taken"});
    ::rmdir(dir.file("taken").c_str());
}

TEST(ProposalSave, WriteFileAtomicallyWritesExactBytes) {
    TempDir dir;
    const std::string contents("a\0b\nØ", 6);
    interreg::write_file_atomically(dir.file("x.bin"), contents);
    EXPECT_EQ(interreg_test::read_file(dir.file("x.bin")), contents);
}

TEST(ProposalLoad, LoadsWhatWasSaved) {
    TempDir dir;
    const Proposal p = rich_proposal();
    interreg::save_proposal(p, dir.file("p.json"));
    EXPECT_EQ(dump_proposal(interreg::load_proposal(dir.file("p.json"))), dump_proposal(p));
}

TEST(ProposalLoad, MissingFileIsIoError) {
    TempDir dir;
    const auto path = dir.file("nope.json");
    auto e = thrown<interreg::IoError>([&] { interreg::load_proposal(path); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), path);
}

TEST(ProposalLoad, BrokenFileIsFormatError) {
    TempDir dir;
    interreg_test::write_file(dir.file("p.json"), R"({"format": "interreg-proposal", "version": 1,)");
    auto e = thrown<FormatError>([&] { interreg::load_proposal(dir.file("p.json")); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_CONTAINS(e->detail(), "not valid JSON");
}
