// The participation table read a window at a time (a file through a small buffer): whatever the
// windows, the same history and the same problems at the same lines as the text read whole.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/fields.hpp"
#include "interreg/history.hpp"
#include "test_support.hpp"

using interreg::HistoryReadResult;
using interreg::read_history_csv;
using interreg::read_history_file;
using interreg_test::TempDir;
using interreg_test::thrown;

namespace {

// Everything a reading gives, as text: two readings agree when their descriptions do.
std::string describe(const HistoryReadResult& r) {
    std::string out;
    for (const auto& p : r.problems) out += "problem " + std::to_string(p.line) + ": " + p.message + "\n";
    const auto& h = *r.history;
    for (const auto& o : h.organisations()) {
        out += "organisation " + std::string(o.name) + "|" + std::string(o.country) + "|" + std::string(o.region) + "|" +
               std::string(o.org_type) + "|" + std::string(o.organisation_number) + "|" + std::string(o.key) + "\n";
    }
    for (std::uint32_t p = 0; p < h.projects().size(); ++p) {
        const auto& project = h.projects()[p];
        out += "project " + std::string(project.id) + "|" + std::string(project.programme) + "|" +
               std::string(project.period) + "|" + std::to_string(project.period_rank) + ":";
        const auto [m0, m1] = h.members(p);
        for (auto m = m0; m != m1; ++m) out += " " + std::to_string(*m) + "/" + h.role(p, *m);
        out += "\n";
    }
    return out;
}

// Texts whose records end, break and go wrong in every way the scanner knows.
std::vector<std::string> tricky_texts() {
    const std::string header = "project,organisation,country,region,role\n";
    const std::string long_quote = "P9,\"" + std::string(3 * interreg::max_name_length, 'x') + "\nstill,DK,,lead\n";
    const std::string unclosed = "P8,\"" + std::string(5 * interreg::max_name_length, 'y') + ",SE,,lead\n";
    return {
        "",
        "\n\n\n",
        header,
        "\xEF\xBB\xBF" + header + "P1,Lunds universitet,SE,SE224,lead\nP1,Aalborg Kommune,DK,,partner",
        header + "P1,\"Region\nSkåne\",SE,,lead\r\nP1,\"Volvo \"\"AB\"\"\",SE,,partner\r\n\r\nP2,Volvo AB,se,,lead\r",
        header + "P1,A,SE,,lead\rP1,B,DK,,partner\r\rP2,A,SE,,\n",
        header + "P1,\"Lund\" x,SE,,lead\nP2,Lu\"nd,SE,,lead\nP3,Lund,SE,,lead,extra\nP4,Lund,XX,,lead\nP5,,SE,,lead\n",
        header + "P1,\"never closed,SE,,lead\nP2,Malmö stad,SE,,lead\nP3,\"Malmö\nstad\",SE,,partner\n",
        header + long_quote + "P10,Lunds universitet,SE,,lead\n",
        header + unclosed + "P11,Lunds universitet,SE,,lead\nP11,Aalborg,DK,,partner\n",
        "\"project\nid\",organisation,country\nP1,A,SE\n",  // a quoted line break in the header
        "project,\"organisation,country\n",               // a header that never closes its quote
        header + "P1,A,SE,,lead,\n" + header.substr(0, header.size() - 1) + ",",  // separators at line and text ends
    };
}

}  // namespace

TEST(HistoryWindows, AnyWindowGivesTheSameReadingAsTheWholeText) {
    for (const auto& text : tricky_texts()) {
        std::string whole;
        try {
            whole = describe(read_history_csv(text));
        } catch (const interreg::FormatError& e) {
            whole = std::string("refused: ") + e.what();
        }
        for (std::size_t window : {1, 2, 3, 5, 8, 13, 64, 1000, 4096}) {
            std::string windowed;
            try {
                windowed = describe(read_history_csv(text, window));
            } catch (const interreg::FormatError& e) {
                windowed = std::string("refused: ") + e.what();
            }
            EXPECT_EQ(windowed, whole) << "window " << window << ", text:\n" << text;
        }
    }
}

TEST(HistoryWindows, AFileReadThroughASmallBufferIsItsTextReadWhole) {
    TempDir dir;
    std::string text = "project,programme,period,organisation,country,region,org_type,role\n";
    for (int i = 0; i < 3000; ++i) {
        text += "P" + std::to_string(i / 4) + ",OKS,2021-2027," + (i % 7 == 0 ? "\"Org, " + std::to_string(i % 500) + "\"" :
                                                                   "Org " + std::to_string(i % 500)) +
                "," + (i % 3 ? "SE" : "DK") + ",,," + (i % 4 ? "partner" : "lead") + "\n";
    }
    const std::string whole = describe(read_history_csv(text));
    ASSERT_NE(whole.find("organisation Org, 7|"), std::string::npos);
    interreg_test::write_file(dir.file("history.csv"), text);
    for (std::size_t window : {std::size_t{7}, std::size_t{100}, std::size_t{4096}, std::size_t{1} << 20}) {
        EXPECT_EQ(describe(read_history_file(dir.file("history.csv"), window)), whole) << window;
    }
    EXPECT_EQ(describe(read_history_file(dir.file("history.csv"))), whole);
    for (const auto& tricky : tricky_texts()) {
        interreg_test::write_file(dir.file("tricky.csv"), tricky);
        for (std::size_t window : {1, 5, 64}) {
            std::string whole_text, file;
            try {
                whole_text = describe(read_history_csv(tricky));
            } catch (const interreg::FormatError& e) {
                whole_text = e.what();
            }
            try {
                file = describe(read_history_file(dir.file("tricky.csv"), window));
            } catch (const interreg::FormatError& e) {
                file = e.what();
            }
            EXPECT_EQ(file, whole_text) << window;
        }
    }
}

TEST(HistoryWindows, AFileIsRefusedAsEveryFileIs) {
    TempDir dir;
    ASSERT_EQ(::mkfifo(dir.file("pipe.csv").c_str(), 0600), 0);  // would block a plain read for ever
    auto e = thrown<interreg::IoError>([&] { read_history_file(dir.file("pipe.csv")); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(std::string(e->what()), "FIFO");
    e = thrown<interreg::IoError>([&] { read_history_file(dir.path()); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(std::string(e->what()), "folder");
    e = thrown<interreg::IoError>([&] { read_history_file(dir.file("missing.csv")); });
    ASSERT_TRUE(e);
    const std::string utf16le("p\0r\0o\0j\0e\0c\0t\0\n\0", 16);
    interreg_test::write_file(dir.file("wide.csv"), utf16le);
    auto wide = thrown<interreg::FormatError>([&] { read_history_file(dir.file("wide.csv"), 2); });
    ASSERT_TRUE(wide);
    EXPECT_CONTAINS(std::string(wide->what()), "UTF-16LE");
}
