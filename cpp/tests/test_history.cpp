// The participation table: CSV reading, name normalisation, problems with their lines, and the
// synthetic generator (scale, skew, reproducibility).
#include <gtest/gtest.h>

#include <algorithm>

#include "interreg/history.hpp"
#include "interreg/synthetic.hpp"
#include "test_support.hpp"

using interreg::read_history_csv;
using interreg_test::thrown;

namespace {

const char* const header = "project,programme,period,organisation,country,region,org_type,role\n";

}  // namespace

TEST(HistoryCsv, NormalisedNamesMakeOneOrganisation) {
    const auto r = read_history_csv(std::string(header) +
                                    "P1,OKS,2014-2020,Malmö stad,SE,SE224,local-authority,lead\n"
                                    "P1,OKS,2014-2020,Volvo AB,SE,SE232,company,partner\n"
                                    "P2,OKS,2021-2027,MALMO  STAD,se,,,lead\n"
                                    "P2,OKS,2021-2027,AB Volvo,SE,,,partner\n"
                                    "P2,OKS,2021-2027,Aalborg Kommune,DK,DK05,local-authority,partner\n"
                                    "P3,OKS,2021-2027,Aalborg,DK,,,lead\n");
    ASSERT_TRUE(r.problems.empty());
    const auto& h = *r.history;
    EXPECT_EQ(h.organisations().size(), 3u);
    EXPECT_EQ(h.projects().size(), 3u);
    EXPECT_EQ(h.participation_count(), 6u);
    const auto malmo = h.find("malmö STAD");
    ASSERT_TRUE(malmo);
    EXPECT_EQ(h.organisations()[*malmo].name, "Malmö stad");  // the first spelling
    EXPECT_EQ(h.organisations()[*malmo].region, "SE224");
    const auto [p0, p1] = h.projects_of(*malmo);
    EXPECT_EQ(p1 - p0, 2);
    EXPECT_EQ(h.find("Aalborg Kommune"), h.find("Aalborg", "DK"));
    EXPECT_EQ(h.role(0, *malmo), "lead");
    EXPECT_EQ(h.periods(), (std::vector<std::string>{"2014-2020", "2021-2027"}));
}

TEST(HistoryCsv, FieldsOfEveryLengthAndPlaceInAWordAreReadWhole) {
    // The scanner looks for the end of a field eight bytes at a time: names of 1 to 40 bytes, some
    // with two-byte letters, start and end at every offset within a word, in a file with CRLF
    // and LF endings and no line break at its very end.
    std::string csv = "project,organisation,country\n";
    std::vector<std::string> names;
    for (std::size_t length = 1; length <= 40; ++length) {
        std::string name = "N" + std::to_string(length) + "-";
        while (name.size() < length) name += length % 3 == 0 && name.size() + 2 <= length ? "\xC3\xB8" : "x";
        names.push_back(name);
        csv += "P" + std::to_string(length) + "," + name + ",SE" + (length % 2 ? "\r\n" : "\n");
    }
    csv.pop_back();  // the last row ends at the end of the text
    if (csv.back() == '\r') csv.pop_back();
    const auto r = read_history_csv(csv);
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
    ASSERT_EQ(r.history->organisations().size(), names.size());
    for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(r.history->organisations()[i].name, names[i]);
}

TEST(HistoryCsv, SameNameInTwoCountriesIsTwoOrganisations) {
    const auto r = read_history_csv("project,organisation,country\nP1,Nordic Link,SE\nP1,Nordic Link,NO\n");
    const auto& h = *r.history;
    EXPECT_EQ(h.organisations().size(), 2u);
    EXPECT_FALSE(h.find("Nordic Link"));  // ambiguous
    EXPECT_TRUE(h.find("Nordic Link", "NO"));
    const auto e = interreg_test::thrown<interreg::ArgumentError>([&] { h.require("Nordic Link"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "several countries");
    const auto nf = interreg_test::thrown<interreg::NotFoundError>([&] { h.require("Nordic Lnk"); });
    ASSERT_TRUE(nf);
    EXPECT_CONTAINS(nf->what(), "Nordic Link");
}

TEST(HistoryCsv, BadRowsAreReportedWithTheirLines) {
    const auto r = read_history_csv("\xEF\xBB\xBFProject,Organisation,Country,Note\r\n"
                                    "P1,Lunds universitet,SE,ok\r\n"
                                    "P1,,SE,no organisation\r\n"
                                    "P1,Region Skåne,XX,bad country\r\n"
                                    "P2,\"Quoted, with comma\",DK,\"two\nlines\"\r\n"
                                    "P2,too few\r\n"
                                    "P2,Bad \"quote,DK,x\r\n"
                                    "\r\n"
                                    ",Nameless project,DK,x\r\n"
                                    "P3,\"never closed,SE,x\n");
    const std::vector<std::size_t> lines = [&] {
        std::vector<std::size_t> out;
        for (const auto& p : r.problems) out.push_back(p.line);
        return out;
    }();
    EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 7, 8, 10, 11}));
    ASSERT_EQ(r.problems.size(), 6u);
    EXPECT_CONTAINS(r.problems[0].message, "organisation is empty");
    EXPECT_CONTAINS(r.problems[1].message, "'XX'");
    EXPECT_CONTAINS(r.problems[2].message, "2 fields; the header has 4");
    EXPECT_CONTAINS(r.problems[3].message, "quote");
    EXPECT_CONTAINS(r.problems[4].message, "project is empty");
    EXPECT_CONTAINS(r.problems[5].message, "not closed");
    EXPECT_EQ(r.history->organisations().size(), 2u);
    EXPECT_TRUE(r.history->find("Quoted, with comma"));
}

TEST(HistoryCsv, QuotedFieldsAndSpellingsOfOneValue) {
    const auto r = read_history_csv("project,organisation,country,role\n"
                                    "P1,\"Say \"\"Hej\"\" AB\",SE,lead\n"
                                    " P1 ,\"Two\nlines\", se ,partner\n"
                                    "P1,\"Closed\"then text,SE,x\n"
                                    "P2,Aalborg Kommune,DK,");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 5u);  // the quoted line break counts
    EXPECT_CONTAINS(r.problems[0].message, "after a closing quote");
    EXPECT_TRUE(r.history->find("Say \"Hej\" AB"));
    EXPECT_TRUE(r.history->find("Two\nlines", "SE"));
    EXPECT_EQ(r.history->projects().size(), 2u);  // " P1 " is P1
    EXPECT_EQ(r.history->role(1, *r.history->find("Aalborg Kommune")), "");
}

TEST(HistoryCsv, MissingRequiredColumnNamesIt) {
    const auto e = interreg_test::thrown<interreg::FormatError>(
        [] { read_history_csv("project,name,country\nP1,Lunds universitet,SE\n"); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(e->what(), "line 1");
    EXPECT_CONTAINS(e->what(), "organisation");
    EXPECT_CONTAINS(e->what(), "'name'");
}

TEST(HistoryCsv, EmptyAndOneRowHistories) {
    for (const char* text : {"", "project,organisation,country\n"}) {
        const auto r = read_history_csv(text);
        EXPECT_TRUE(r.problems.empty());
        EXPECT_EQ(r.history->organisations().size(), 0u);
        EXPECT_EQ(r.history->participation_count(), 0u);
    }
    const auto one = read_history_csv("project,organisation,country\nP1,Lunds universitet,SE");
    EXPECT_EQ(one.history->organisations().size(), 1u);
    EXPECT_EQ(one.history->projects().size(), 1u);
}

TEST(HistoryCsv, InvalidUtf8IsAProblemNotACrash) {
    const auto r = read_history_csv("project,organisation,country\nP1,Bad \xff name,SE\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_CONTAINS(r.problems[0].message, "UTF-8");
}

TEST(HistoryBuilder, DuplicateParticipationCountsOnce) {
    interreg::HistoryBuilder b;
    EXPECT_EQ(b.add({"P1", "", "", "Lunds universitet", "SE", "", "", "lead"}), "");
    EXPECT_EQ(b.add({"P1", "", "", "LUNDS UNIVERSITET", "SE", "", "", "partner"}), "");
    const auto h = b.build();
    EXPECT_EQ(h->participation_count(), 1u);
    EXPECT_EQ(h->role(0, 0), "lead");
}

TEST(HistoryBuilder, AProjectsRowsApartOrTogetherGiveOneHistory) {
    // Rows of a project listed together (sorted a project at a time) or scattered (sorted whole):
    // the same members, and the first role given wins either way.
    const std::vector<interreg::ParticipationRow> rows = {
        {"P1", "", "", "Region Skåne", "SE", "", "", "lead"},   {"P1", "", "", "Aalborg Kommune", "DK", "", "", "partner"},
        {"P2", "", "", "Aalborg Kommune", "DK", "", "", "lead"}, {"P1", "", "", "Region Skåne", "SE", "", "", "partner"},
        {"P2", "", "", "Lunds universitet", "SE", "", "", "partner"}};
    std::vector<std::size_t> together = {0, 1, 3, 2, 4}, apart = {0, 1, 2, 3, 4};
    std::vector<std::shared_ptr<const interreg::History>> built;
    for (const auto& order : {together, apart}) {
        interreg::HistoryBuilder b;
        for (auto i : order) EXPECT_EQ(b.add(rows[i]), "");
        built.push_back(b.build());
    }
    for (const auto& h : built) {
        EXPECT_EQ(h->participation_count(), 4u);
        EXPECT_EQ(h->role(0, *h->find("Region Skåne")), "lead");
        EXPECT_EQ(h->role(1, *h->find("Aalborg Kommune")), "lead");
        const auto [m0, m1] = h->members(1);
        EXPECT_EQ(std::vector<std::uint32_t>(m0, m1), (std::vector<std::uint32_t>{1, 2}));  // ascending
    }
}

TEST(Synthetic, ReproducibleForASeed) {
    const auto a = interreg::synthetic_history({7, 500, 420});
    const auto b = interreg::synthetic_history({7, 500, 420});
    const auto c = interreg::synthetic_history({8, 500, 420});
    ASSERT_EQ(a->organisations().size(), b->organisations().size());
    for (std::size_t i = 0; i < a->organisations().size(); ++i) {
        EXPECT_EQ(a->organisations()[i].name, b->organisations()[i].name);
    }
    EXPECT_EQ(a->participation_count(), b->participation_count());
    EXPECT_NE(std::string(a->organisations()[0].name) + std::string(a->organisations()[1].name),
              std::string(c->organisations()[0].name) + std::string(c->organisations()[1].name));
}

TEST(Synthetic, ScaleAndSkewOfThePublicDatabases) {
    const auto h = interreg::synthetic_history({});
    EXPECT_GE(h->projects().size(), 30000u);
    EXPECT_GE(h->organisations().size(), 100000u);
    EXPECT_GE(h->participation_count(), 230000u);
    std::size_t smallest = 1000, largest = 0;
    for (std::uint32_t p = 0; p < h->projects().size(); ++p) {
        const auto [b, e] = h->members(p);
        smallest = std::min<std::size_t>(smallest, static_cast<std::size_t>(e - b));
        largest = std::max<std::size_t>(largest, static_cast<std::size_t>(e - b));
    }
    EXPECT_EQ(smallest, 2u);
    EXPECT_EQ(largest, 35u);
    std::size_t one_off = 0, top = 0;
    for (std::uint32_t o = 0; o < h->organisations().size(); ++o) {
        const auto [b, e] = h->projects_of(o);
        one_off += (e - b) == 1;
        top = std::max<std::size_t>(top, static_cast<std::size_t>(e - b));
    }
    EXPECT_GT(one_off, h->organisations().size() / 2);  // many one-off participants
    EXPECT_GT(top, 200u);                                // and a few hubs
}

TEST(HistoryCsv, AnUnclosedQuoteIsOneProblemAndTheRowsAfterItAreRead) {
    std::string csv = "project,organisation,country\nP1,\"Lunds universitet,SE\n";
    for (int i = 0; i < 1000; ++i) csv += "P" + std::to_string(i % 10) + ",Org " + std::to_string(i) + ",DK\n";
    const auto r = read_history_csv(csv);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 2u);
    EXPECT_CONTAINS(r.problems[0].message, "not closed");
    EXPECT_EQ(r.history->organisations().size(), 1000u);  // none swallowed
    EXPECT_TRUE(r.history->find("Org 0"));
}

TEST(HistoryCsv, AProjectBeyondTheOrganisationLimitIsProblemRows) {
    std::string csv = "project,organisation,country\n";
    const std::size_t n = interreg::max_project_organisations + 5;
    for (std::size_t i = 0; i < n; ++i) csv += "HUGE,Org " + std::to_string(i) + ",SE\n";
    const auto r = read_history_csv(csv);
    ASSERT_EQ(r.problems.size(), 5u);
    EXPECT_EQ(r.problems[0].line, interreg::max_project_organisations + 2);  // header, then 1000 rows taken
    EXPECT_CONTAINS(r.problems[0].message, "HUGE");
    EXPECT_EQ(r.history->organisations().size(), interreg::max_project_organisations);
}

TEST(HistoryCsv, WideEncodingsAreNamed) {
    const std::string utf16le("p\0r\0o\0j\0e\0c\0t\0", 14);
    auto e = thrown<interreg::FormatError>([&] { read_history_csv(utf16le); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(std::string(e->what()), "UTF-16LE");
}

TEST(HistoryCsv, ALargeFileReadInChunksIsItsRowsAddedOneByOne) {
    // 150,000 records: many windows of csv_window_bytes, so cells are numbered on two threads
    // and quoted copies, unreadable records and refused rows fall in every window.
    std::string csv = header;
    interreg::HistoryBuilder one_by_one;
    std::vector<std::pair<std::size_t, bool>> expected;  // problem lines; true: unreadable, not refused
    const char* const countries[] = {"SE", "DK", "NO"};
    for (std::size_t i = 0; i < 150'000; ++i) {
        const std::size_t line = i + 2;
        const std::string project = "P" + std::to_string(i / 5), number = std::to_string((i * 7919) % 40'000);
        const bool quoted = i % 1000 == 7;  // a name that doubles quotes: kept in a copy
        const std::string name = quoted ? "Org \"" + number + "\"" : "Org " + number;
        const std::string country = i % 997 == 3 ? "XX" : countries[(i * 7919) % 40'000 % 3];
        const std::string role = i % 5 == 0 ? "lead" : "partner";
        if (i % 1500 == 11) {  // a field too many
            csv += project + ",Interreg,2014-2020," + name + "," + country + ",,,," + role + "\n";
            expected.push_back({line, true});
            continue;
        }
        csv += project + ",Interreg,2014-2020," + (quoted ? "\"Org \"\"" + number + "\"\"\"" : name) + "," + country +
               ",,," + role + "\n";
        if (!one_by_one.add(interreg::ParticipationRow{project, "Interreg", "2014-2020", name, country, "", "", role, ""})
                 .empty()) {
            expected.push_back({line, false});
        }
    }
    const auto read = read_history_csv(csv);
    const auto want = one_by_one.build();
    ASSERT_EQ(read.problems.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        EXPECT_EQ(read.problems[k].line, expected[k].first) << k;
        EXPECT_EQ(read.problems[k].message.find("fields; the header has") != std::string::npos, expected[k].second) << k;
    }
    const auto& got = *read.history;
    ASSERT_EQ(got.participation_count(), want->participation_count());
    ASSERT_EQ(got.organisations().size(), want->organisations().size());
    for (std::size_t o = 0; o < got.organisations().size(); ++o) {
        EXPECT_EQ(got.organisations()[o].name, want->organisations()[o].name) << o;
        EXPECT_EQ(got.organisations()[o].country, want->organisations()[o].country) << o;
    }
    ASSERT_EQ(got.projects().size(), want->projects().size());
    for (std::uint32_t p = 0; p < got.projects().size(); ++p) {
        EXPECT_EQ(got.projects()[p].id, want->projects()[p].id);
        const auto [a0, a1] = got.members(p);
        const auto [b0, b1] = want->members(p);
        ASSERT_EQ(std::vector<std::uint32_t>(a0, a1), std::vector<std::uint32_t>(b0, b1)) << p;
        for (auto m = a0; m != a1; ++m) EXPECT_EQ(got.role(p, *m), want->role(p, *m));
    }
    EXPECT_TRUE(got.find("Org \"15433\""));  // row 7, quoted
}
