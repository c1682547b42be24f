// check_files: proposal files read and validated on several threads; each outcome comes back in
// the order of the paths and is what reading and validating that file alone gives.
#include <gtest/gtest.h>

#include "interreg/batch.hpp"
#include "interreg/proposal_json.hpp"
#include "test_support.hpp"

using interreg::FileCheck;
using Outcome = interreg::FileCheck::Outcome;

namespace {

// What checking one file alone gives, in the words of a FileCheck.
std::string alone(const std::string& path) {
    try {
        const auto proposal = interreg::load_proposal(path);
        if (proposal.programme != interreg_test::programme().id()) return "other " + proposal.programme;
        return "validated " + interreg_test::describe(interreg::validate(interreg_test::programme(), proposal));
    } catch (const interreg::IoError& e) {
        return std::string("unreadable ") + e.what();
    } catch (const interreg::FormatError& e) {
        return std::string("malformed ") + e.path() + " " + e.what();
    }
}

std::string seen(const FileCheck& c) {
    switch (c.outcome) {
        case Outcome::validated: return "validated " + interreg_test::describe(c.report);
        case Outcome::unreadable: return "unreadable " + c.message;
        case Outcome::malformed: return "malformed " + c.path + " " + c.message;
        case Outcome::elsewhere: return "other " + c.programme;
    }
    return "?";
}

}  // namespace

TEST(CheckFiles, EveryOutcomeInPathOrderAsEachFileAlone) {
    interreg_test::TempDir dir;
    interreg::Proposal no_lead = interreg_test::baseline();
    no_lead.partners[0].role = interreg::Role::partner;
    interreg::Proposal elsewhere = interreg_test::baseline();
    elsewhere.programme = "another-programme";
    interreg_test::write_file(dir.file("good.json"), interreg::dump_proposal(interreg_test::baseline()));
    interreg_test::write_file(dir.file("no-lead.json"), interreg::dump_proposal(no_lead));
    interreg_test::write_file(dir.file("elsewhere.json"), interreg::dump_proposal(elsewhere));
    interreg_test::write_file(dir.file("broken.json"), "{\"acronym\": ");
    interreg_test::write_file(dir.file("unknown-key.json"), R"({"format_version": 1, "acronim": "X"})");
    const std::vector<std::string> kinds = {"good.json", "no-lead.json", "elsewhere.json", "broken.json",
                                            "unknown-key.json", "missing.json"};
    std::vector<std::string> paths;
    for (int i = 0; i < 30; ++i) paths.push_back(dir.file(kinds[static_cast<std::size_t>(i) % kinds.size()]));

    for (unsigned workers : {0u, 1u, 2u, 4u, 64u}) {
        const auto checks = interreg::check_files(paths, {&interreg_test::programme()}, workers);
        ASSERT_EQ(checks.size(), paths.size());
        for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(seen(checks[i]), alone(paths[i])) << workers << " " << paths[i];
    }
    const auto checks = interreg::check_files(paths, {&interreg_test::programme()}, 2);
    EXPECT_EQ(checks[0].outcome, Outcome::validated);
    EXPECT_TRUE(checks[0].report.findings.empty());
    EXPECT_FALSE(checks[1].report.ok());
    EXPECT_EQ(checks[2].outcome, Outcome::elsewhere);
    EXPECT_EQ(checks[3].outcome, Outcome::malformed);
    EXPECT_EQ(checks[4].path, "/acronim");
    EXPECT_EQ(checks[5].outcome, Outcome::unreadable);
    EXPECT_NE(checks[5].message.find("missing.json"), std::string::npos);
}

TEST(CheckFiles, NoFilesAndNoProgrammes) {
    EXPECT_TRUE(interreg::check_files({}, {&interreg_test::programme()}, 2).empty());
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("good.json"), interreg::dump_proposal(interreg_test::baseline()));
    const auto checks = interreg::check_files({dir.file("good.json")}, {}, 2);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].outcome, Outcome::elsewhere);
    EXPECT_EQ(checks[0].programme, "oks-2021-2027");
}
