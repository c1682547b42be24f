// The embedded ÖKS programme: its records, region lookups, tables, and broken documents.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "interreg/errors.hpp"
#include "interreg/programme.hpp"
#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Programme;
using interreg::ProgrammeError;
using interreg::Region;
using interreg_test::index_of;
using interreg_test::programme;
using interreg_test::programme_doc;
using interreg_test::thrown;
using json = nlohmann::json;
using Strings = std::vector<std::string>;

namespace {

const Region& region(std::string_view name) { return programme().region(name); }

std::string money(const std::map<std::string, interreg::Money>& caps, const std::string& fund) {
    auto it = caps.find(fund);
    return it == caps.end() ? std::string("<none>") : it->second.to_string();
}

bool has(const Strings& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Load the programme document after `mutate`; return the ProgrammeError it throws.
std::optional<ProgrammeError> broken(const std::function<void(json&)>& mutate) {
    json doc = programme_doc();
    mutate(doc);
    return thrown<ProgrammeError>([&] { Programme::from_json(doc); });
}

std::shared_ptr<const Programme> load_mutated(const std::function<void(json&)>& mutate) {
    json doc = programme_doc();
    mutate(doc);
    return Programme::from_json(doc);
}

}  // namespace

// ---- the embedded document ---------------------------------------------------------------

TEST(ProgrammeLoad, EmbeddedFileLoads) {
    EXPECT_EQ(programme().id(), "oks-2021-2027");
    EXPECT_EQ(programme().name().at("en"), "Interreg Öresund-Kattegat-Skagerrak 2021-2027");
}

TEST(ProgrammeLoad, FromJsonOfTheSameDocumentAgrees) {
    auto p = Programme::from_json(programme_doc());
    EXPECT_EQ(p->id(), programme().id());
    EXPECT_EQ(p->regions().size(), programme().regions().size());
    EXPECT_EQ(p->rules().size(), programme().rules().size());
}

TEST(ProgrammeLoad, MissingFileIsIoError) {
    interreg_test::TempDir dir;
    EXPECT_TRUE(thrown<interreg::IoError>([&] { Programme::load(dir.file("nope.json")); }));
}

TEST(ProgrammeLoad, NonJsonFileIsProgrammeError) {
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("p.json"), "{ not json");
    auto e = thrown<ProgrammeError>([&] { Programme::load(dir.file("p.json")); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_CONTAINS(e->detail(), "not valid JSON");
}

TEST(ProgrammeData, ThreeCountries) {
    const auto& c = programme().countries();
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].code, "DK");
    EXPECT_EQ(c[1].code, "SE");
    EXPECT_EQ(c[2].code, "NO");
    EXPECT_EQ(programme().country("SE")->name.at("en"), "Sweden");
    EXPECT_EQ(programme().country("NO")->name.at("local"), "Norge");
    EXPECT_EQ(programme().country("DE"), nullptr);
}

TEST(ProgrammeData, SevenSpecificObjectives) {
    EXPECT_EQ(interreg::ids_of(programme().specific_objectives(), &interreg::SpecificObjective::code),
              (Strings{"RSO1.1", "RSO1.4", "RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"}));
    EXPECT_EQ(programme().objective("RSO1.4")->priority, "P1");
    EXPECT_EQ(programme().objective("RSO4.1")->priority, "P4");
}

TEST(ProgrammeData, ObjectiveLookupIgnoresCase) {
    ASSERT_NE(programme().objective("rso4.1"), nullptr);
    EXPECT_EQ(programme().objective("rso4.1")->code, "RSO4.1");
    EXPECT_EQ(programme().objective("RSO9.9"), nullptr);
    EXPECT_EQ(programme().objective(""), nullptr);
}

TEST(ProgrammeData, FourPriorities) {
    const auto& p = programme().priorities();
    ASSERT_EQ(p.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(p[i].id, "P" + std::to_string(i + 1));
        EXPECT_EQ(p[i].policy_objective, "PO" + std::to_string(i + 1));
    }
}

TEST(ProgrammeData, TwoFunds) {
    const auto& f = programme().funds();
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].id, "erdf");
    EXPECT_EQ(f[0].max_rate.ppm(), 600000);
    EXPECT_EQ(f[0].max_rate.to_string(), "60%");
    EXPECT_EQ(f[0].countries, (Strings{"DK", "SE"}));
    EXPECT_EQ(f[1].id, "no-interreg");
    EXPECT_EQ(f[1].max_rate.ppm(), 500000);
    EXPECT_EQ(f[1].countries, Strings{"NO"});
}

TEST(ProgrammeData, FundForCountry) {
    EXPECT_EQ(programme().fund_for_country("DK")->id, "erdf");
    EXPECT_EQ(programme().fund_for_country("SE")->id, "erdf");
    EXPECT_EQ(programme().fund_for_country("NO")->id, "no-interreg");
    EXPECT_EQ(programme().fund_for_country("DE"), nullptr);
}

TEST(ProgrammeData, ProjectKinds) {
    const auto& k = programme().project_kinds();
    ASSERT_EQ(k.size(), 2u);
    EXPECT_EQ(k[0].id, "main");
    EXPECT_EQ(k[0].max_duration_months, 36);
    EXPECT_TRUE(k[0].fund_caps.empty());
    EXPECT_EQ(k[1].id, "pre-project");
    EXPECT_EQ(k[1].max_duration_months, 12);
    EXPECT_EQ(money(k[1].fund_caps, "erdf"), "60000.00");
    EXPECT_EQ(money(k[1].fund_caps, "no-interreg"), "30000.00");
}

TEST(ProgrammeData, Calls) {
    EXPECT_EQ(interreg::ids_of(programme().calls(), &interreg::Call::id),
              (Strings{"2022:1", "2023:1", "2023:2", "2024:1", "2024:2", "2025:1", "pre-project"}));
    for (const auto& c : programme().calls()) {
        EXPECT_EQ(c.kind, c.id == "pre-project" ? "pre-project" : "main") << c.id;
        EXPECT_EQ(c.closes.has_value(), c.id != "pre-project") << c.id;
    }
    EXPECT_EQ(programme().call("2025:1")->opens, (interreg::Date{2025, 1, 13}));
    EXPECT_EQ(*programme().call("2025:1")->closes, (interreg::Date{2025, 2, 14}));
    EXPECT_EQ(programme().call("2026:1"), nullptr);
}

TEST(ProgrammeData, NorwegianCapRaisedFromCall2024_2) {
    for (const char* id : {"2022:1", "2023:1", "2023:2", "2024:1"}) {
        EXPECT_EQ(money(programme().call(id)->fund_caps, "no-interreg"), "200000.00") << id;
    }
    for (const char* id : {"2024:2", "2025:1"}) {
        EXPECT_EQ(money(programme().call(id)->fund_caps, "no-interreg"), "300000.00") << id;
    }
}

TEST(ProgrammeData, Rso11ClosedFromCall2023_2) {
    EXPECT_TRUE(has(programme().call("2022:1")->open_objectives, "RSO1.1"));
    EXPECT_TRUE(has(programme().call("2023:1")->open_objectives, "RSO1.1"));
    EXPECT_FALSE(has(programme().call("2023:2")->open_objectives, "RSO1.1"));
    EXPECT_TRUE(has(programme().call("2023:2")->open_objectives, "RSO1.4"));
}

TEST(ProgrammeData, Priority1ClosedFromCall2024_2) {
    for (const char* id : {"2024:2", "2025:1", "pre-project"}) {
        const auto& open = programme().call(id)->open_objectives;
        EXPECT_FALSE(has(open, "RSO1.1")) << id;
        EXPECT_FALSE(has(open, "RSO1.4")) << id;
        EXPECT_EQ(open, (Strings{"RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"})) << id;
    }
}

TEST(ProgrammeData, AssumedFactsAreMarked) {
    EXPECT_TRUE(programme().call("2024:1")->source.assumed);
    EXPECT_FALSE(programme().call("2024:1")->source.note.empty());
    EXPECT_TRUE(programme().call("pre-project")->source.assumed);
    EXPECT_FALSE(programme().call("2025:1")->source.assumed);
    EXPECT_TRUE(region("NO-31").source.assumed);
    EXPECT_FALSE(region("DK01").source.assumed);
}

TEST(ProgrammeData, CitationText) {
    const auto& c = programme().call("2025:1")->source;
    EXPECT_EQ(c.key, "call-2025-1");
    EXPECT_EQ(c.title, "Call 2025:1");
    EXPECT_EQ(c.text(), "Call 2025:1 — " + c.url);
    EXPECT_EQ(c.url.rfind("https://", 0), 0u);
    interreg::Citation bare;
    bare.title = "Only a title";
    EXPECT_EQ(bare.text(), "Only a title");
}

TEST(ProgrammeData, OrgTypes) {
    const auto& t = programme().org_types();
    EXPECT_EQ(t.size(), 13u);
    for (const auto& o : t) {
        EXPECT_EQ(o.eligible, o.id != "sole-trader" && o.id != "private-individual") << o.id;
    }
    EXPECT_EQ(programme().org_type("university")->name.at("en"),
              "University or other higher education and research institution");
}

// ---- vocabularies: every spelling a user may type names one entry --------------------------

TEST(Vocabulary, OrgTypesByIdInAnySpellingAndByNameInEveryLanguage) {
    const auto id_of = [](std::string_view name) {
        const interreg::OrgType* t = programme().org_type(name);
        return t ? t->id : std::string("(none)");
    };
    for (const char* name : {"sole-trader", "sole_trader", "Sole trader", "SOLE TRADER", "Enkeltpersonforetak",
                             "Enskild näringsidkare", "enskild naringsidkare", "Enkeltmandsvirksomhed"}) {
        EXPECT_EQ(id_of(name), "sole-trader") << name;
    }
    for (const char* name : {"Municipality", "Kommun", "Kommune", "Local public authority", "local-authority"}) {
        EXPECT_EQ(id_of(name), "local-authority") << name;
    }
    EXPECT_EQ(id_of("University"), "university");   // the id, capitalised
    EXPECT_EQ(id_of("Universitet"), "(none)");     // neither an id nor a whole name
    EXPECT_EQ(id_of("Higher education and research institution"), "university");
    EXPECT_EQ(id_of("Small or medium-sized enterprise (SME)"), "company");
    EXPECT_EQ(id_of("General public"), "private-individual");
    EXPECT_EQ(id_of("Other"), "(none)");
    EXPECT_EQ(id_of(""), "(none)");
}

TEST(Vocabulary, AliasesTellTheirSourceAndNamesAreNotAliases) {
    const interreg::Alias* a = programme().org_type_alias("Local public authority");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->id, "local-authority");
    EXPECT_TRUE(a->source.assumed);  // the mapping onto ÖKS types is the library's reading
    EXPECT_EQ(programme().org_type_alias("Municipality"), nullptr);
    EXPECT_EQ(programme().org_type_alias("local_authority"), nullptr);
    EXPECT_EQ(programme().org_type_alias("Nothing at all"), nullptr);
}

TEST(Vocabulary, FundsAndCountries) {
    for (const char* name : {"erdf", "ERDF", "Eruf", "EFRU", "European Regional Development Fund (ERDF)"}) {
        ASSERT_NE(programme().fund(name), nullptr) << name;
        EXPECT_EQ(programme().fund(name)->id, "erdf") << name;
    }
    EXPECT_EQ(programme().fund("no_interreg")->id, "no-interreg");
    EXPECT_EQ(programme().fund("IR-midler")->id, "no-interreg");
    EXPECT_EQ(programme().fund("esf"), nullptr);
    for (const char* name : {"SE", "Sweden", "Sverige", "sverige"}) {
        ASSERT_NE(programme().find_country(name), nullptr) << name;
        EXPECT_EQ(programme().find_country(name)->code, "SE") << name;
    }
    EXPECT_EQ(programme().find_country("Norge")->code, "NO");
    EXPECT_EQ(programme().find_country("Germany"), nullptr);
    EXPECT_EQ(programme().country("Sverige"), nullptr);  // country() takes the code only
}

TEST(Vocabulary, CostCategoriesByNameInEveryLanguage) {
    EXPECT_EQ(programme().budget().categories.size(), 7u);
    for (const char* name : {"staff", "Staff costs", "Personalkostnader", "personaleomkostninger"}) {
        ASSERT_NE(programme().cost_category(name), nullptr) << name;
        EXPECT_EQ(programme().cost_category(name)->id, "staff") << name;
    }
    EXPECT_EQ(programme().cost_category("Engångsbelopp")->id, "lump_sum");
    EXPECT_EQ(programme().cost_category("Catering"), nullptr);
    EXPECT_TRUE(programme().cost_category("staff")->source.assumed);  // Norwegian names are the library's
    auto unknown = broken([](json& d) { d["budget"]["categories"][0]["id"] = "catering"; });
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->path(), "/budget/categories/0/id");
    auto twice = broken([](json& d) { d["budget"]["categories"][1]["name"]["sv"] = "Personalkostnader"; });
    ASSERT_TRUE(twice);
    EXPECT_CONTAINS(twice->what(), "'Personalkostnader' also names 'staff'");
    auto without = load_mutated([](json& d) { d["budget"].erase("categories"); });
    EXPECT_TRUE(without->budget().categories.empty());
    EXPECT_EQ(without->cost_category("Personalkostnader"), nullptr);
}

// Severity follows evidence for every embedded programme: test_embedded_programmes.cpp.

TEST(ProgrammeData, RuleParams) {
    const auto* min = &programme().rules()[0];
    EXPECT_EQ(min->id, "partnership.min-partners");
    EXPECT_EQ(min->params, json({{"min", 2}}));
    for (const auto& r : programme().rules()) {
        if (r.id == "partnership.lead-country") EXPECT_EQ(r.params.at("countries"), json({"DK", "SE"}));
        if (r.id == "project.texts") EXPECT_EQ(r.params, json({{"title_max", 100}, {"summary_max", 4000}}));
        if (r.id == "partnership.lead-country") EXPECT_TRUE(r.source.assumed);  // no 2021-27 page states it
    }
}

TEST(ProgrammeData, RequireProjectKind) {
    EXPECT_EQ(programme().require_project_kind("pre-project").max_duration_months, 12);
    auto e = thrown<interreg::ArgumentError>([] { programme().require_project_kind("mian"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "unknown project kind 'mian'; choose one of (nearest first): main, pre-project");
}

TEST(ProgrammeData, RequireSubGeography) {
    EXPECT_EQ(programme().require_sub_geography("oresund").id, "oresund");
    auto e = thrown<interreg::ArgumentError>([] { programme().require_sub_geography("oresnd"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "unknown geography 'oresnd'; choose one of (nearest first): oresund");
}

// ---- region lookups ----------------------------------------------------------------------

TEST(RegionLookup, CapitalRegionOfDenmarkByEveryName) {
    for (const char* name : {"Region Hovedstaden", "Capital Region of Denmark", "Hovedstaden", "DK01", "dk01",
                             "capital region", "HOVEDSTADEN"}) {
        const Region* g = programme().find_region(name);
        ASSERT_NE(g, nullptr) << name;
        EXPECT_EQ(g->code, "DK01") << name;
    }
}

TEST(RegionLookup, VastraGotalandByEveryName) {
    for (const char* name : {"Västra Götalands län", "vastra gotaland", "Region Västra Götaland", "VÄSTRA GÖTALAND",
                             "SE232", "Västra Götaland County"}) {
        const Region* g = programme().find_region(name);
        ASSERT_NE(g, nullptr) << name;
        EXPECT_EQ(g->code, "SE232") << name;
    }
}

TEST(RegionLookup, VikenEndedOn2024_01_01) {
    const Region& viken = region("Viken");
    EXPECT_EQ(viken.code, "NO082");
    ASSERT_TRUE(viken.valid_to);
    EXPECT_EQ(*viken.valid_to, (interreg::Date{2024, 1, 1}));
    EXPECT_FALSE(viken.valid_from);
    EXPECT_EQ(viken.successors, (Strings{"NO-31", "NO-32", "NO-33"}));
    EXPECT_TRUE(programme().in_area(viken));
}

TEST(RegionLookup, OstfoldIsItsOwnCounty) {
    for (const char* name : {"Østfold", "Ostfold", "østfold fylkeskommune", "NO-31"}) {
        const Region* g = programme().find_region(name);
        ASSERT_NE(g, nullptr) << name;
        EXPECT_EQ(g->code, "NO-31") << name;
    }
    const Region& o = region("Østfold");
    EXPECT_EQ(o.nuts, "NO082");
    EXPECT_EQ(*o.valid_from, (interreg::Date{2024, 1, 1}));
    EXPECT_TRUE(programme().in_area(o));
}

TEST(RegionLookup, ParentNutsCodeStillNamesViken) { EXPECT_EQ(region("NO082").code, "NO082"); }

TEST(RegionLookup, RegionsOutsideTheArea) {
    const std::vector<std::pair<const char*, const char*>> outside = {
        {"Syddanmark", "DK03"}, {"Stockholms län", "SE110"}, {"Vestland", "NO0A2"}, {"Innlandet", "NO020"}};
    for (const auto& [name, code] : outside) {
        const Region* g = programme().find_region(name);
        ASSERT_NE(g, nullptr) << name;
        EXPECT_EQ(g->code, code);
        EXPECT_FALSE(programme().in_area(*g)) << name;
    }
}

TEST(RegionLookup, NordjyllandIsTheRegionNotTheNuts3Unit) {
    EXPECT_EQ(region("Nordjylland").code, "DK05");
    EXPECT_EQ(region("DK050").code, "DK050");
}

TEST(RegionLookup, Nuts3UnitsAndTheirParents) {
    const Region& cph = region("Copenhagen");
    EXPECT_EQ(cph.code, "DK011");
    EXPECT_EQ(cph.level, 3);
    ASSERT_TRUE(cph.parent);
    EXPECT_EQ(*cph.parent, "DK01");
}

TEST(RegionLookup, UnknownNameIsNull) {
    EXPECT_EQ(programme().find_region("Atlantis"), nullptr);
    EXPECT_EQ(programme().find_region(""), nullptr);
    EXPECT_EQ(programme().find_region("Region"), nullptr);
}

TEST(RegionLookup, RegionThrowsNotFoundWithNearest) {
    auto e = thrown<interreg::NotFoundError>([] { programme().region("Hovedstadn"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "unknown region 'Hovedstadn'; nearest: Region Hovedstaden (DK01)");
}

TEST(RegionLookup, InAreaThroughParent) {
    auto p = load_mutated([](json& doc) {
        doc["regions"][index_of(doc, "regions", "code", "DK011")]["in_area"] = false;
    });
    const Region& cph = p->region("DK011");
    EXPECT_FALSE(cph.in_area);
    EXPECT_TRUE(p->in_area(cph));
}

TEST(RegionLookup, Nuts3UnitOfOutsideRegionIsOutside) {
    EXPECT_FALSE(programme().in_area(region("Fyn")));
    EXPECT_FALSE(programme().in_area(region("DK032")));
}

TEST(RegionLookup, InSubGeography) {
    const auto& oresund = *programme().sub_geography("oresund");
    const auto& ks = *programme().sub_geography("kattegat-skagerrak");
    const auto& whole = *programme().sub_geography("whole");
    EXPECT_TRUE(programme().in_sub_geography(region("Skåne"), oresund));
    EXPECT_TRUE(programme().in_sub_geography(region("DK01"), oresund));
    EXPECT_TRUE(programme().in_sub_geography(region("DK011"), oresund));  // through its parent DK01
    EXPECT_TRUE(programme().in_sub_geography(region("DK021"), oresund));  // through DK02
    EXPECT_FALSE(programme().in_sub_geography(region("Västra Götaland"), oresund));
    EXPECT_TRUE(programme().in_sub_geography(region("Västra Götaland"), ks));
    EXPECT_TRUE(programme().in_sub_geography(region("Nordjylland"), ks));
    EXPECT_FALSE(programme().in_sub_geography(region("Nordjylland"), oresund));
    EXPECT_TRUE(programme().in_sub_geography(region("Østfold"), ks));
    EXPECT_FALSE(programme().in_sub_geography(region("DK01"), ks));
    EXPECT_TRUE(programme().in_sub_geography(region("DK011"), whole));
    EXPECT_FALSE(programme().in_sub_geography(region("Syddanmark"), whole));
}

TEST(RegionLookup, NearestRegionsForATypo) {
    const auto near = programme().nearest_regions("Hovedstadn", 3);
    ASSERT_EQ(near.size(), 3u);
    EXPECT_EQ(near[0], "Region Hovedstaden (DK01)");
    EXPECT_EQ(programme().nearest_regions("Vastra Gotlands", 1), Strings{"Västra Götalands län (SE232)"});
}

TEST(RegionLookup, NearestRegionsListsEachRegionOnce) {
    const auto near = programme().nearest_regions("Hoved", 10);
    EXPECT_EQ(near.size(), std::set<std::string>(near.begin(), near.end()).size());
    EXPECT_EQ(near[0], "Region Hovedstaden (DK01)");
}

TEST(RegionLookup, NearestRegionsOfOneCountry) {
    const auto near = programme().nearest_regions("Oslo", 5, "DK");
    ASSERT_EQ(near.size(), 5u);
    for (const auto& n : near) EXPECT_CONTAINS(n, "(DK");
    EXPECT_TRUE(programme().nearest_regions("Oslo", 5, "DE").empty());
}

TEST(RegionLookup, HasRegionsFor) {
    EXPECT_TRUE(programme().has_regions_for("DK"));
    EXPECT_TRUE(programme().has_regions_for("NO"));
    EXPECT_FALSE(programme().has_regions_for("DE"));
}

// ---- tables ------------------------------------------------------------------------------

TEST(ProgrammeTable, OneRowPerRecord) {
    const auto& p = programme();
    const std::map<std::string, std::size_t> sizes = {
        {"countries", p.countries().size()},       {"regions", p.regions().size()},
        {"sub_geographies", p.sub_geographies().size()}, {"priorities", p.priorities().size()},
        {"specific_objectives", p.specific_objectives().size()}, {"funds", p.funds().size()},
        {"project_kinds", p.project_kinds().size()}, {"calls", p.calls().size()},
        {"org_types", p.org_types().size()},       {"rules", p.rules().size()}, {"aliases", p.aliases().size()},
        {"indicators", p.indicators().size()}, {"reference_rates", p.budget().reference_rates.size()}};
    ASSERT_EQ(Programme::table_names().size(), sizes.size());
    for (const auto& name : Programme::table_names()) {
        ASSERT_TRUE(sizes.count(name)) << name;
        const auto rows = p.table(name);
        ASSERT_TRUE(rows.is_array()) << name;
        EXPECT_EQ(rows.size(), sizes.at(name)) << name;
        for (const auto& row : rows) {
            EXPECT_TRUE(row.contains("status")) << name;
            EXPECT_FALSE(row.at("source").get<std::string>().empty()) << name;
        }
    }
}

TEST(ProgrammeTable, UnknownTableThrows) {
    auto e = thrown<interreg::ArgumentError>([] { programme().table("budgets"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "unknown table 'budgets'");
    EXPECT_CONTAINS(e->what(), "regions");
    EXPECT_CONTAINS(e->what(), "specific_objectives");
}

TEST(ProgrammeTable, RegionRow) {
    const auto rows = programme().table("regions");
    const auto cph = rows[index_of(json{{"r", rows}}, "r", "code", "DK011")];
    EXPECT_EQ(cph.at("parent"), "DK01");
    EXPECT_EQ(cph.at("in_area"), true);
    EXPECT_EQ(cph.at("sub_geographies"), "whole, oresund");
    const auto viken = rows[index_of(json{{"r", rows}}, "r", "code", "NO082")];
    EXPECT_EQ(viken.at("valid_to"), "2024-01-01");
    EXPECT_EQ(viken.at("valid_from"), nullptr);
    EXPECT_EQ(viken.at("successors"), "NO-31, NO-32, NO-33");
    EXPECT_EQ(viken.at("status"), "confirmed");
    const auto ostfold = rows[index_of(json{{"r", rows}}, "r", "code", "NO-31")];
    EXPECT_EQ(ostfold.at("status"), "assumed");
    EXPECT_EQ(ostfold.at("nuts"), "NO082");
}

TEST(ProgrammeTable, FundAndKindRows) {
    const auto funds = programme().table("funds");
    EXPECT_EQ(funds[0].at("max_rate"), "60%");
    EXPECT_EQ(funds[0].at("countries"), "DK, SE");
    EXPECT_EQ(funds[1].at("max_rate"), "50%");
    const auto kinds = programme().table("project_kinds");
    EXPECT_EQ(kinds[1].at("fund_caps"), nlohmann::ordered_json({{"erdf", "60000.00"}, {"no-interreg", "30000.00"}}));
    EXPECT_EQ(kinds[0].at("max_duration_months"), 36);
}

TEST(ProgrammeTable, CallAndRuleRows) {
    const auto calls = programme().table("calls");
    EXPECT_EQ(calls[6].at("id"), "pre-project");
    EXPECT_EQ(calls[6].at("closes"), nullptr);
    EXPECT_EQ(calls[6].at("status"), "assumed");
    EXPECT_EQ(calls[4].at("fund_caps"), nlohmann::ordered_json({{"no-interreg", "300000.00"}}));
    const auto rules = programme().table("rules");
    for (const auto& row : rules) {
        EXPECT_FALSE(row.at("title").get<std::string>().empty());
        if (row.at("id") == "partner.outside-area") EXPECT_EQ(row.at("severity"), "WARNING");
        if (row.at("id") == "partnership.lead-partner") EXPECT_EQ(row.at("severity"), "ERROR");
    }
}

TEST(ProgrammeTable, CountryAndObjectiveRows) {
    const auto countries = programme().table("countries");
    EXPECT_EQ(countries[2].at("code"), "NO");
    EXPECT_EQ(countries[2].at("local_name"), "Norge");
    EXPECT_EQ(countries[2].at("fund"), "no-interreg");
    const auto objectives = programme().table("specific_objectives");
    EXPECT_EQ(objectives[6].at("code"), "RSO4.1");
    EXPECT_EQ(objectives[6].at("policy_objective"), "PO4");
}

// ---- broken documents --------------------------------------------------------------------

TEST(BrokenProgramme, UnknownTopLevelKey) {
    auto e = broken([](json& d) { d["colour"] = "blue"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/colour");
    EXPECT_CONTAINS(e->detail(), "unknown key 'colour'");
    EXPECT_CONTAINS(e->detail(), "countries");
}

TEST(BrokenProgramme, MissingTopLevelKey) {
    auto e = broken([](json& d) { d.erase("rules"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "");
    EXPECT_EQ(e->detail(), "missing required key 'rules'");
}

TEST(BrokenProgramme, WrongFormat) {
    auto e = broken([](json& d) { d["format"] = "interreg-proposal"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/format");
    EXPECT_EQ(e->detail(), "expected \"interreg-programme\"");
}

TEST(BrokenProgramme, NewerVersion) {
    auto e = broken([](json& d) { d["version"] = 2; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/version");
    EXPECT_CONTAINS(e->detail(), "version 2 is newer");
}

TEST(BrokenProgramme, VersionZero) {
    auto e = broken([](json& d) { d["version"] = 0; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/version");
}

TEST(BrokenProgramme, NameWithoutEnglish) {
    auto e = broken([](json& d) { d["name"].erase("en"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/name");
    EXPECT_EQ(e->detail(), "missing required key 'en'");
}

TEST(BrokenProgramme, AliasOfAnUnknownEntry) {
    auto e = broken([](json& d) { d["aliases"][0]["id"] = "municipal"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/aliases/0/id");
    EXPECT_EQ(e->detail(), "'municipal' is not an id of /org_types");
}

TEST(BrokenProgramme, AliasOfAnUnknownList) {
    auto e = broken([](json& d) { d["aliases"][0]["list"] = "regions"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/aliases/0/list");
}

TEST(BrokenProgramme, AliasNamingTwoEntries) {
    auto e = broken([](json& d) { d["aliases"][0]["names"].push_back("university"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/aliases/0");
    EXPECT_EQ(e->detail(), "'university' already names 'university'");
}

TEST(BrokenProgramme, NameOfTwoOrgTypes) {
    auto e = broken([](json& d) { d["org_types"][1]["name"]["sv"] = "Kommun"; });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->path(), "/org_types/");
    EXPECT_CONTAINS(e->detail(), "'Kommun' also names");
}

TEST(BrokenProgramme, WithoutAliasesOnlyIdsAndNamesResolve) {
    auto p = load_mutated([](json& d) { d.erase("aliases"); });
    EXPECT_EQ(p->org_type("Local public authority"), nullptr);
    EXPECT_EQ(p->org_type("Municipality")->id, "local-authority");
}

TEST(BrokenProgramme, UnknownSourceKey) {
    auto e = broken([](json& d) { d["countries"][0]["source"] = "nope"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/countries/0/source");
    EXPECT_EQ(e->detail(), "unknown source 'nope'; define it under /sources");
}

TEST(BrokenProgramme, BadStatus) {
    auto e = broken([](json& d) { d["countries"][1]["status"] = "probable"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/countries/1/status");
    EXPECT_CONTAINS(e->detail(), "confirmed");
}

TEST(BrokenProgramme, NonIsoCountry) {
    auto e = broken([](json& d) { d["countries"][0]["code"] = "XX"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/countries/0/code");
}

TEST(BrokenProgramme, RegionInForeignCountry) {
    auto e = broken([](json& d) { d["regions"][2]["country"] = "DE"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/2/country");
    EXPECT_EQ(e->detail(), "not one of the programme's countries");
}

TEST(BrokenProgramme, DanglingParent) {
    json doc = programme_doc();
    const auto i = index_of(doc, "regions", "code", "DK011");
    auto e = broken([&](json& d) { d["regions"][i]["parent"] = "DK99"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/" + std::to_string(i) + "/parent");
    EXPECT_EQ(e->detail(), "unknown region 'DK99'");
}

TEST(BrokenProgramme, DanglingSuccessor) {
    json doc = programme_doc();
    const auto i = index_of(doc, "regions", "code", "NO082");
    auto e = broken([&](json& d) { d["regions"][i]["successors"].push_back("NO-99"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/" + std::to_string(i) + "/successors");
    EXPECT_EQ(e->detail(), "unknown region 'NO-99'");
}

TEST(BrokenProgramme, DanglingSubGeographyRegion) {
    auto e = broken([](json& d) { d["sub_geographies"][1]["regions"].push_back("XX1"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/sub_geographies/1/regions");
    EXPECT_EQ(e->detail(), "unknown region 'XX1'");
}

TEST(BrokenProgramme, DuplicateRegionCode) {
    auto e = broken([](json& d) { d["regions"][1]["code"] = "DK01"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/1");
    EXPECT_EQ(e->detail(), "duplicate id 'DK01'");
}

TEST(BrokenProgramme, CollidingRegionAlias) {
    auto e = broken([](json& d) { d["regions"][1]["aliases"].push_back("Hovedstaden"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/1");
    EXPECT_EQ(e->detail(), "name 'Hovedstaden' also names region 'DK01'");
}

TEST(BrokenProgramme, AliasCollidingAfterFolding) {
    auto e = broken([](json& d) { d["regions"][1]["aliases"].push_back("Hovedstaden Region"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/1");
    EXPECT_CONTAINS(e->detail(), "also names region 'DK01'");
}

TEST(BrokenProgramme, AliasEmptyOnceFolded) {
    auto e = broken([](json& d) { d["regions"][0]["aliases"].push_back("Region"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/0");
    EXPECT_EQ(e->detail(), "name 'Region' is empty once folded");
}

TEST(BrokenProgramme, BadRegionDate) {
    auto e = broken([](json& d) { d["regions"][0]["valid_to"] = "2024-02-30"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/0/valid_to");
    EXPECT_EQ(e->detail(), "expected a date as YYYY-MM-DD");
}

TEST(BrokenProgramme, RegionWithUnknownKey) {
    auto e = broken([](json& d) { d["regions"][3]["population"] = 1; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/regions/3/population");
}

TEST(BrokenProgramme, ObjectiveWithUnknownPriority) {
    auto e = broken([](json& d) { d["specific_objectives"][0]["priority"] = "P9"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/specific_objectives/0/priority");
    EXPECT_EQ(e->detail(), "unknown priority 'P9'");
}

TEST(BrokenProgramme, FundRateOver100) {
    auto e = broken([](json& d) { d["funds"][0]["max_rate"] = "160%"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/funds/0/max_rate");
    EXPECT_CONTAINS(e->detail(), "between 0% and 100%");
}

TEST(BrokenProgramme, FundInForeignCountry) {
    auto e = broken([](json& d) { d["funds"][0]["countries"].push_back("DE"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/funds/0/countries");
}

TEST(BrokenProgramme, CapForUnknownFund) {
    auto e = broken([](json& d) { d["calls"][0]["fund_caps"]["esf"] = "1.00"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/0/fund_caps/esf");
    EXPECT_EQ(e->detail(), "unknown fund 'esf'");
}

TEST(BrokenProgramme, NegativeCap) {
    auto e = broken([](json& d) { d["project_kinds"][1]["fund_caps"]["erdf"] = "-1.00"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/project_kinds/1/fund_caps/erdf");
    EXPECT_EQ(e->detail(), "must not be negative");
}

TEST(BrokenProgramme, CapWithThreeDecimals) {
    auto e = broken([](json& d) { d["project_kinds"][1]["fund_caps"]["erdf"] = "1.001"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/project_kinds/1/fund_caps/erdf");
    EXPECT_CONTAINS(e->detail(), "more than 2 decimals");
}

TEST(BrokenProgramme, CallOfUnknownKind) {
    auto e = broken([](json& d) { d["calls"][0]["kind"] = "mian"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/0/kind");
    EXPECT_CONTAINS(e->detail(), "main");
}

TEST(BrokenProgramme, CallWithUnknownObjective) {
    auto e = broken([](json& d) { d["calls"][0]["open_objectives"].push_back("RSO9.9"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/0/open_objectives");
    EXPECT_EQ(e->detail(), "unknown specific objective 'RSO9.9'");
}

TEST(BrokenProgramme, CallClosingBeforeItOpens) {
    auto e = broken([](json& d) { d["calls"][0]["closes"] = "2022-01-01"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/0/closes");
    EXPECT_EQ(e->detail(), "closes before it opens");
}

TEST(BrokenProgramme, DuplicateCallId) {
    auto e = broken([](json& d) { d["calls"][1]["id"] = "2022:1"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/1");
    EXPECT_EQ(e->detail(), "duplicate id '2022:1'");
}

TEST(BrokenProgramme, UnknownRuleId) {
    auto e = broken([](json& d) { d["rules"][0]["id"] = "partnership.min-partner"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/id");
    EXPECT_CONTAINS(e->detail(), "unknown rule 'partnership.min-partner'; known rules, nearest first: partnership.min-partners");
}

TEST(BrokenProgramme, UnknownRuleParam) {
    auto e = broken([](json& d) { d["rules"][0]["params"]["max"] = 3; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/params/max");
    EXPECT_EQ(e->detail(), "rule 'partnership.min-partners' has no parameter 'max'; it takes: min");
}

TEST(BrokenProgramme, ParamForRuleWithoutParams) {
    auto e = broken([](json& d) { d["rules"][2]["params"]["x"] = 1; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/2/params/x");
    EXPECT_EQ(e->detail(), "rule 'partnership.lead-partner' has no parameter 'x'; it takes none");
}

TEST(BrokenProgramme, MissingRuleParam) {
    auto e = broken([](json& d) { d["rules"][0]["params"] = json::object(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/params");
    EXPECT_EQ(e->detail(), "missing required key 'min'");
}

TEST(BrokenProgramme, RuleParamOfWrongType) {
    auto e = broken([](json& d) { d["rules"][0]["params"]["min"] = "2"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/params/min");
    EXPECT_EQ(e->detail(), "expected an integer, found a string");
    auto e2 = broken([](json& d) { d["rules"][3]["params"]["countries"] = "DK"; });
    ASSERT_TRUE(e2);
    EXPECT_EQ(e2->path(), "/rules/3/params/countries");
}

TEST(BrokenProgramme, RuleParamsNotAnObject) {
    auto e = broken([](json& d) { d["rules"][0]["params"] = json::array(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/params");
}

TEST(BrokenProgramme, DuplicateRule) {
    // The copy is appended after the last rule, so the error points at the old length.
    const std::size_t rule_count = programme_doc()["rules"].size();
    ASSERT_EQ(rule_count, 54u);
    auto e = broken([](json& d) { d["rules"].push_back(d["rules"][2]); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/" + std::to_string(rule_count));
    EXPECT_EQ(e->detail(), "duplicate id 'partnership.lead-partner'");
}

TEST(BrokenProgramme, BadSeverityOverride) {
    auto e = broken([](json& d) { d["rules"][0]["severity"] = "fatal"; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/severity");
}

TEST(ProgrammeRules, SeverityOverride) {
    auto p = load_mutated([](json& d) { d["rules"][5]["severity"] = "info"; });
    EXPECT_EQ(p->rules()[5].id, "partnership.duplicate");
    EXPECT_EQ(p->rules()[5].severity, interreg::Severity::info);
}

// Severity follows evidence: an assumed rule cannot be made an ERROR, and one whose default
// is an ERROR becomes a WARNING.
TEST(BrokenProgramme, AssumedRuleAsError) {
    auto e = broken([](json& d) {
        d["rules"][0]["status"] = "assumed";
        d["rules"][0]["severity"] = "error";
    });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/rules/0/severity");
    EXPECT_CONTAINS(e->detail(), "at most a warning");
}

TEST(ProgrammeRules, AssumedRuleIsAtMostAWarning) {
    auto p = load_mutated([](json& d) { d["rules"][0]["status"] = "assumed"; });
    EXPECT_EQ(p->rules()[0].id, "partnership.min-partners");
    EXPECT_EQ(p->rules()[0].severity, interreg::Severity::warning);
    auto info = load_mutated([](json& d) {
        d["rules"][0]["status"] = "assumed";
        d["rules"][0]["severity"] = "info";
    });
    EXPECT_EQ(info->rules()[0].severity, interreg::Severity::info);
}

TEST(ProgrammeData, CallCapsCiteWhereTheyAreStated) {
    // The early calls' pages do not state the Norwegian cap: the funding page does.
    EXPECT_EQ(programme().call("2022:1")->caps_source.key, "step-3-funding");
    EXPECT_EQ(programme().call("2022:1")->source.key, "call-2022-1");
    EXPECT_EQ(programme().call("2025:1")->caps_source.key, "call-2025-1");  // by default the call's own page
}

TEST(BrokenProgramme, CapsCitationWithUnknownKey) {
    auto e = broken([](json& d) { d["calls"][0]["fund_caps_citation"]["page"] = 3; });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->path(), "/calls/0/fund_caps_citation/page");
}

TEST(ProgrammeRules, RuleListMayBeEmpty) {
    auto p = load_mutated([](json& d) { d["rules"] = json::array(); });
    EXPECT_TRUE(p->rules().empty());
}
