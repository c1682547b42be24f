// check_files: proposal files read and validated on several threads; each comes back in the
// order of the paths with what reading and validating that file alone gives, and a file that
// cannot be checked has the one document.* finding that says why.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "interreg/batch.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/text.hpp"
#include "test_support.hpp"

using interreg::BatchProgrammes;
using interreg::FileCheck;

namespace {

const BatchProgrammes oks{{&interreg_test::programme()}, nullptr};

// What checking one file alone gives.
std::string alone(const std::string& path) {
    try {
        const auto proposal = interreg::load_proposal(path);
        if (proposal.programme != interreg_test::programme().id()) return "document.programme /programme";
        return interreg_test::describe(interreg::validate(interreg_test::programme(), proposal));
    } catch (const interreg::IoError& e) {
        return "document.file ";
    } catch (const interreg::FormatError& e) {
        return "document.format " + e.path();
    }
}

std::string seen(const FileCheck& c) {
    if (c.readable) return interreg_test::describe(c.report);
    EXPECT_EQ(c.report.findings.size(), 1u);
    const auto& f = c.report.findings.at(0);
    EXPECT_EQ(f.severity, interreg::Severity::error);
    EXPECT_NE(interreg::find_rule(f.rule), nullptr);
    return f.rule + " " + f.path;
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
        const auto checks = interreg::check_files(paths, oks, workers);
        ASSERT_EQ(checks.size(), paths.size());
        for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(seen(checks[i]), alone(paths[i])) << workers << " " << paths[i];
    }
    const auto checks = interreg::check_files(paths, oks, 2);
    EXPECT_TRUE(checks[0].readable);
    EXPECT_TRUE(checks[0].report.findings.empty());
    EXPECT_FALSE(checks[1].report.ok());
    EXPECT_EQ(seen(checks[2]), "document.programme /programme");
    EXPECT_CONTAINS(checks[2].report.findings[0].message, "'another-programme'");
    EXPECT_CONTAINS(checks[2].report.findings[0].message, "available: oks-2021-2027");
    EXPECT_EQ(seen(checks[3]), "document.format /acronym");  // the value the document ends in
    EXPECT_EQ(seen(checks[4]), "document.format /acronim");
    EXPECT_EQ(seen(checks[5]), "document.file ");
    EXPECT_CONTAINS(checks[5].report.findings[0].message, "missing.json");
    EXPECT_EQ(checks[5].report.findings[0].source, "The interreg proposal format (docs/proposal-format.md)");
}

TEST(FileChecks, PackedResultsHoldEveryFindingOfTheReportsAndTheirCounts) {
    interreg_test::TempDir dir;
    interreg::Proposal draft = interreg_test::baseline();
    draft.partners[0].role = interreg::Role::partner;
    draft.partners[1].region = "Ålesund \"kommune\"";  // quotes and non-ASCII bytes in the messages
    interreg_test::write_file(dir.file("good.json"), interreg::dump_proposal(interreg_test::baseline()));
    interreg_test::write_file(dir.file("draft.json"), interreg::dump_proposal(draft));
    interreg_test::write_file(dir.file("broken.json"), "{");
    std::vector<std::string> paths;
    for (int i = 0; i < 12; ++i) paths.push_back(dir.file(std::vector<std::string>{"good.json", "draft.json", "broken.json"}[i % 3]));
    const auto reports = interreg::check_files(paths, oks, 1);
    for (unsigned workers : {1u, 3u}) {
        interreg::FileChecks packed(paths, oks, workers);
        ASSERT_EQ(packed.size(), reports.size());
        for (std::size_t i = 0; i < packed.size(); ++i) {
            const auto& r = reports[i];
            const auto p = packed.take(i);
            EXPECT_EQ(p.file, r.file);
            EXPECT_EQ(p.input, r.input);
            EXPECT_EQ(p.readable, r.readable);
            EXPECT_EQ(p.errors, r.report.count(interreg::Severity::error));
            EXPECT_EQ(p.warnings, r.report.count(interreg::Severity::warning));
            EXPECT_EQ(p.infos, r.report.count(interreg::Severity::info));
            ASSERT_EQ(p.findings.size(), r.report.findings.size());
            for (std::size_t k = 0; k < p.findings.size(); ++k) {
                const auto& e = p.findings[k];
                const auto& f = r.report.findings[k];
                EXPECT_EQ(p.text(e.rule), f.rule);
                EXPECT_EQ(p.text(e.message), f.message);
                EXPECT_EQ(p.text(e.path), f.path);
                EXPECT_EQ(p.text(e.source), f.source);
                EXPECT_EQ(e.severity, f.severity);
                EXPECT_EQ(e.assumed, f.assumed);
            }
        }
    }
    EXPECT_GT(reports[1].report.findings.size(), 1u);  // the draft has findings to compare
    EXPECT_FALSE(reports[2].readable);
}

TEST(FileChecks, TakenInAnyOrderOrLeftUntakenWhenTheReaderStops) {
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("good.json"), interreg::dump_proposal(interreg_test::baseline()));
    const std::vector<std::string> paths(40, dir.file("good.json"));
    {
        interreg::FileChecks checks(paths, oks, 2);
        for (std::size_t i = paths.size(); i-- > 0;) EXPECT_EQ(checks.take(i).input, i);
    }
    {
        interreg::FileChecks checks(paths, oks, 2);
        EXPECT_TRUE(checks.take(3).readable);
    }  // destroyed with most files untaken or not yet checked: stops and waits for its workers
    interreg::FileChecks none({}, oks, 4);
    EXPECT_EQ(none.size(), 0u);
}

TEST(CheckFiles, OneProgrammeForAllChecksWhatADocumentNamesAgainstIt) {
    interreg_test::TempDir dir;
    interreg::Proposal elsewhere = interreg_test::baseline();
    elsewhere.programme = "another-programme";
    interreg_test::write_file(dir.file("elsewhere.json"), interreg::dump_proposal(elsewhere));
    const auto checks = interreg::check_files({dir.file("elsewhere.json")}, {{}, &interreg_test::programme()}, 1);
    ASSERT_TRUE(checks[0].readable);
    EXPECT_EQ(interreg_test::describe(checks[0].report),
              interreg_test::describe(interreg::validate(interreg_test::programme(), elsewhere)));
}

TEST(CheckFiles, NoFilesAndNoProgrammes) {
    EXPECT_TRUE(interreg::check_files({}, oks, 2).empty());
    interreg_test::TempDir dir;
    interreg_test::write_file(dir.file("good.json"), interreg::dump_proposal(interreg_test::baseline()));
    const auto checks = interreg::check_files({dir.file("good.json")}, {}, 2);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(seen(checks[0]), "document.programme /programme");
    EXPECT_CONTAINS(checks[0].report.findings[0].message, "none is");
}

TEST(CheckFiles, AFileNameThatIsNotUtf8IsQuotedSafely) {
    interreg_test::TempDir dir;
    const auto checks = interreg::check_files({dir.file("caf\xe9.json")}, oks, 1);
    ASSERT_FALSE(checks[0].readable);
    EXPECT_TRUE(interreg::text::valid_utf8(checks[0].report.findings[0].message));
    EXPECT_CONTAINS(checks[0].report.findings[0].message, "caf\\xe9.json");
}

TEST(DocumentRules, InTheCatalogueButNotSwitchedByAProgramme) {
    for (const char* id : {"document.file", "document.format", "document.programme", "document.unreadable"}) {
        const auto* def = interreg::find_rule(id);
        ASSERT_NE(def, nullptr) << id;
        EXPECT_EQ(def->check, nullptr);
        EXPECT_EQ(def->severity, interreg::Severity::error);
    }
    for (const auto& r : interreg_test::programme().rules()) EXPECT_NE(r.id.rfind("document.", 0), 0u) << r.id;
}

TEST(CheckFiles, AFolderIsItsJsonFilesInSortedOrderWithoutFollowingLinkedFolders) {
    interreg_test::TempDir dir;
    ASSERT_EQ(::mkdir(dir.file("b").c_str(), 0755), 0);
    const std::string good = interreg::dump_proposal(interreg_test::baseline());
    interreg_test::write_file(dir.file("b/z.json"), good);
    interreg_test::write_file(dir.file("a.json"), good);
    interreg_test::write_file(dir.file("b-c.json"), good);
    interreg_test::write_file(dir.file("notes.txt"), "not a proposal");
    interreg_test::write_file(dir.file(".a.json.tmp-abcdef"), "{");  // an interrupted save
    ASSERT_EQ(::symlink(dir.path().c_str(), dir.file("b/loop").c_str()), 0);  // a loop, never followed
    const auto checks = interreg::check_files({dir.path() + "/", dir.file("a.json")}, oks, 2);
    std::vector<std::string> files;
    for (const auto& c : checks) files.push_back(c.file.substr(dir.path().size()) + " " + std::to_string(c.input));
    EXPECT_EQ(files, (std::vector<std::string>{"/a.json 0", "/b/z.json 0", "/b-c.json 0", "/a.json 1"}));
    for (const auto& c : checks) EXPECT_TRUE(c.readable) << c.file;
    ::unlink(dir.file("b/loop").c_str());
    ::unlink(dir.file("b/z.json").c_str());
    ::rmdir(dir.file("b").c_str());
}

TEST(CheckFiles, AFolderEntryThatCannotBeReadIsAFindingNotAStop) {
    interreg_test::TempDir dir;
    ASSERT_EQ(::symlink("missing-target.json", dir.file("dangling.json").c_str()), 0);
    const auto checks = interreg::check_files({dir.path()}, oks, 1);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(seen(checks[0]), "document.file ");
}
