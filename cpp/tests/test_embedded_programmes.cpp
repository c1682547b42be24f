// Every programme the package embeds (python/interreg/data/programmes/index.json), whichever it
// is: it loads, every region resolves, every record cites a source, the rules' severities follow
// their evidence. A programme added to the index is checked here without a new test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/programme.hpp"
#include "interreg/rules.hpp"

using interreg::Programme;

namespace {

std::string programme_dir() { return INTERREG_PROGRAMME_DIR; }

// The ids the index lists, in its order.
std::vector<std::string> embedded_ids() {
    std::ifstream in(programme_dir() + "/index.json");
    const auto index = nlohmann::json::parse(in);
    return index.at("programmes").get<std::vector<std::string>>();
}

class EmbeddedProgramme : public ::testing::TestWithParam<std::string> {
protected:
    const Programme& prog() {
        if (!loaded_) loaded_ = Programme::load(programme_dir() + "/" + GetParam() + ".json");
        return *loaded_;
    }

private:
    std::shared_ptr<const Programme> loaded_;
};

void expect_cited(const interreg::Citation& c, const std::string& what) {
    EXPECT_FALSE(c.key.empty()) << what;
    EXPECT_EQ(c.url.rfind("http", 0), 0u) << what << ": " << c.url;
    EXPECT_FALSE(c.title.empty()) << what;
}

}  // namespace

TEST(EmbeddedProgrammes, TheIndexNamesTheDefaultAndAtLeastTwoProgrammes) {
    std::ifstream in(programme_dir() + "/index.json");
    const auto index = nlohmann::json::parse(in);
    const auto ids = embedded_ids();
    EXPECT_GE(ids.size(), 2u);
    EXPECT_NE(std::find(ids.begin(), ids.end(), index.at("default").get<std::string>()), ids.end());
}

TEST_P(EmbeddedProgramme, LoadsWithItsIdNameAndPeriod) {
    EXPECT_EQ(prog().id(), GetParam());
    EXPECT_FALSE(prog().name().at("en").empty());
    EXPECT_EQ(prog().period().size(), 9u) << prog().period();  // "2021-2027"
}

TEST_P(EmbeddedProgramme, EveryRegionResolvesByItsCodeNamesAndAliases) {
    for (const auto& r : prog().regions()) {
        std::vector<std::string> names = r.aliases;
        names.insert(names.end(), {r.code, r.name, r.name_en});
        for (const auto& n : names) {
            const auto* found = prog().find_region(n);
            ASSERT_NE(found, nullptr) << n;
            EXPECT_EQ(found->code, r.code) << n;
        }
        if (r.parent) EXPECT_EQ(prog().region(*r.parent).country, r.country) << r.code;
        for (const auto& s : r.successors) EXPECT_EQ(prog().region(s).country, r.country) << r.code;
        expect_cited(r.source, r.code);
    }
}

TEST_P(EmbeddedProgramme, EveryCountryHasRegionsInTheAreaAndAFund) {
    for (const auto& c : prog().countries()) {
        bool in_area = false;
        for (const auto& r : prog().regions()) in_area = in_area || (r.country == c.code && prog().in_area(r));
        EXPECT_TRUE(in_area) << c.code;
        EXPECT_NE(prog().fund_for_country(c.code), nullptr) << c.code;
        expect_cited(c.source, c.code);
    }
}

TEST_P(EmbeddedProgramme, EveryRecordCitesASource) {
    for (const auto& p : prog().priorities()) expect_cited(p.source, p.id);
    for (const auto& o : prog().specific_objectives()) expect_cited(o.source, o.code);
    for (const auto& f : prog().funds()) expect_cited(f.source, f.id);
    for (const auto& k : prog().project_kinds()) expect_cited(k.source, k.id);
    for (const auto& c : prog().calls()) expect_cited(c.source, c.id);
    for (const auto& t : prog().org_types()) expect_cited(t.source, t.id);
    for (const auto& g : prog().sub_geographies()) expect_cited(g.source, g.id);
}

TEST_P(EmbeddedProgramme, CallsOpenObjectivesOfTheProgrammeForItsKinds) {
    for (const auto& c : prog().calls()) {
        EXPECT_NE(prog().project_kind(c.kind), nullptr) << c.id;
        for (const auto& o : c.open_objectives) EXPECT_NE(prog().objective(o), nullptr) << c.id << " " << o;
    }
}

// Severity follows evidence: an ERROR rests on a confirmed source; a rule whose source is
// assumed is at most a WARNING and says why. Otherwise the programme keeps the catalogue's
// severity.
TEST_P(EmbeddedProgramme, SeverityFollowsEvidence) {
    for (const auto& r : prog().rules()) {
        EXPECT_FALSE(r.source.url.empty()) << r.id;
        if (r.source.assumed) {
            EXPECT_NE(r.severity, interreg::Severity::error) << r.id;
            EXPECT_FALSE(r.source.note.empty()) << r.id << ": an assumed rule says why";
        } else {
            EXPECT_EQ(r.severity, interreg::find_rule(r.id)->severity) << r.id;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Index, EmbeddedProgramme, ::testing::ValuesIn(embedded_ids()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name;
                             for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });
