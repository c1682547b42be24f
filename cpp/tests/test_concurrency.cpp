// Validation, budget summaries, batch checking and sweeps from several threads on one shared programme
// give exactly the serial results, and one draft edited from several threads stays whole. Part of the regular suite, and built alone under ThreadSanitizer by
// scripts/sanitize.sh (target interreg_concurrency_tests), where any data race fails the run.
#include <atomic>
#include <thread>

#include "interreg/batch.hpp"
#include "interreg/budget_engine.hpp"
#include "interreg/draft.hpp"
#include "interreg/edit.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/history.hpp"
#include "interreg/sweep.hpp"
#include "interreg/synthetic.hpp"
#include "test_support.hpp"

using namespace interreg;
using interreg_test::baseline;
using interreg_test::budget_line;
using interreg_test::describe;
using interreg_test::pre_project_baseline;

namespace {

constexpr int thread_count = 8;
constexpr int rounds = 6;

// Different proposals, with and without findings, so that every thread has work of its own.
std::vector<Proposal> proposals() {
    std::vector<Proposal> out{baseline(), pre_project_baseline()};
    Proposal no_lead = baseline();
    no_lead.partners[0].role = Role::partner;
    out.push_back(no_lead);
    Proposal one_country = baseline();
    one_country.partners[1].country = "SE";
    one_country.partners[1].region = "Halland";
    out.push_back(one_country);
    Proposal unknown = baseline();
    unknown.partners[2].region = "Atlantis";
    unknown.specific_objective = "RSO9.9";
    out.push_back(unknown);
    Proposal nok = baseline();
    nok.partners[2].budget.lines.push_back(budget_line(Category::external, "Survey", "contract", "1", "42000.00", "NOK"));
    out.push_back(nok);  // a currency without a rate: no summary, a finding instead
    Proposal long_one = baseline();
    long_one.duration_months = 60;
    out.push_back(long_one);
    Proposal big = baseline();
    for (int i = 0; i < 200; ++i) {
        big.partners[i % 3].budget.lines.push_back(
            budget_line(Category::equipment, "Item " + std::to_string(i), "pieces", "3", std::to_string(100 + i) + ".25"));
    }
    out.push_back(big);
    return out;
}

// Everything a caller can observe of one validation and one budget summary, as text.
std::string outcome(const Programme& programme, const Proposal& proposal) {
    std::string out = describe(validate(programme, proposal));
    try {
        out += budget_summary_to_json(summarise_budget(programme, proposal)).dump();
    } catch (const ArgumentError& e) {
        out += std::string("no summary: ") + e.what();
    }
    return out;
}

}  // namespace

TEST(Concurrency, ThreadsOnASharedProgrammeGetTheSerialResults) {
    const auto programme = Programme::load(interreg_test::programme_file());
    const auto inputs = proposals();
    std::vector<std::string> serial;
    for (const auto& p : inputs) serial.push_back(outcome(*programme, p));

    // Each thread walks every proposal, starting at its own, several times over.
    std::vector<std::vector<std::string>> seen(thread_count);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            for (int r = 0; r < rounds; ++r) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % inputs.size();
                    seen[static_cast<std::size_t>(t)].push_back(std::to_string(k) + "\n" + outcome(*programme, inputs[k]));
                }
            }
        });
    }
    for (auto& th : threads) th.join();

    for (int t = 0; t < thread_count; ++t) {
        ASSERT_EQ(seen[static_cast<std::size_t>(t)].size(), rounds * inputs.size());
        for (const auto& s : seen[static_cast<std::size_t>(t)]) {
            const auto k = std::stoul(s.substr(0, s.find('\n')));
            EXPECT_EQ(s.substr(s.find('\n') + 1), serial[k]) << "thread " << t << ", proposal " << k;
        }
    }
}

TEST(Concurrency, ThreadsParsingDocumentsGetTheSerialResults) {
    const auto programme = Programme::load(interreg_test::programme_file());
    std::vector<std::string> texts;
    for (const auto& p : proposals()) texts.push_back(dump_proposal(p));
    std::vector<std::string> serial;
    for (const auto& text : texts) serial.push_back(outcome(*programme, parse_proposal(text)));

    std::vector<std::string> seen(thread_count * texts.size());
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < texts.size(); ++i) {
                const std::size_t k = (i + static_cast<std::size_t>(t)) % texts.size();
                seen[static_cast<std::size_t>(t) * texts.size() + k] = outcome(*programme, parse_proposal(texts[k]));
            }
        });
    }
    for (auto& th : threads) th.join();
    for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], serial[i % texts.size()]) << "slot " << i;
}

TEST(Concurrency, CheckFilesOnSeveralWorkersGetsTheSerialResults) {
    const auto programme = Programme::load(interreg_test::programme_file());
    interreg_test::TempDir dir;
    std::vector<std::string> paths, serial;
    const auto inputs = proposals();
    for (int copy = 0; copy < 4; ++copy) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            paths.push_back(dir.file(std::to_string(copy) + "-" + std::to_string(i) + ".json"));
            interreg_test::write_file(paths.back(), dump_proposal(inputs[i]));
            serial.push_back(interreg_test::describe(validate(*programme, load_proposal(paths.back()))));
        }
    }
    const auto checks = check_files(paths, {{programme.get()}, nullptr}, 4);
    ASSERT_EQ(checks.size(), paths.size());
    for (std::size_t i = 0; i < checks.size(); ++i) {
        ASSERT_TRUE(checks[i].readable) << paths[i];
        EXPECT_EQ(interreg_test::describe(checks[i].report), serial[i]) << paths[i];
    }
    // Handed over file by file while the workers go on; the reader stops half-way through once.
    for (std::size_t stop : {paths.size(), paths.size() / 2}) {
        FileChecks streamed(paths, {{programme.get()}, nullptr}, 4);
        for (std::size_t i = 0; i < stop; ++i) {
            const PackedCheck c = streamed.take(i);
            EXPECT_EQ(c.errors + c.warnings + c.infos, checks[i].report.findings.size()) << paths[i];
        }
    }
}

TEST(Concurrency, ASweepOnSeveralWorkersGetsTheSerialResults) {
    const auto programme = Programme::load(interreg_test::programme_file());
    std::vector<nlohmann::json> rates;
    for (int r = 30; r <= 60; r += 2) rates.push_back(std::to_string(r) + "%");
    const SweepVariants variants = sweep_product({{"/partners/1/cofinancing/rate", rates},
                                                  {"/partners/2/cofinancing/rate", {"50%", "40%", "odd"}},
                                                  {"/partners/0/budget/lines/0", {nullptr, nlohmann::json::object()}}});
    const SweepTable serial = sweep(*programme, baseline(), variants, 1);
    const SweepTable parallel = sweep(*programme, baseline(), variants, thread_count);
    EXPECT_EQ(parallel.error, serial.error);
    EXPECT_EQ(parallel.errors, serial.errors);
    EXPECT_EQ(parallel.warnings, serial.warnings);
    EXPECT_EQ(parallel.money_columns, serial.money_columns);
    EXPECT_EQ(parallel.money, serial.money);
}

// One draft changed by some threads while others validate, summarise and write it: every
// reader sees a whole proposal (what it writes reads back; its validation is that of the text
// it wrote), and nothing races (under ThreadSanitizer any data race fails the run).
TEST(Concurrency, OneDraftEditedWhileOthersValidateAndSave) {
    const auto programme = Programme::load(interreg_test::programme_file());
    Draft draft(programme, baseline());
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            for (int r = 0; r < 40; ++r) {
                const std::string n = std::to_string(t) + "." + std::to_string(r);
                try {
                    switch ((t + r) % 8) {
                        case 0: draft.edit([&](Proposal& p) { set_acronym(p, "A" + n); }); break;
                        case 1:
                            draft.edit([&](Proposal& p) {
                                add_line(p, "PP1", budget_line(Category::equipment, "Item " + n, "pieces", "1", "10.00"));
                            });
                            break;
                        case 2:
                            draft.edit([&](Proposal& p) {
                                const auto& partner = add_partner(p, interreg_test::make_partner("Org " + n, "DK", "Hovedstaden",
                                                                                                  "ngo"));
                                if (r % 2) remove_partner(p, partner.id);
                            });
                            break;
                        case 3:
                            draft.edit([&](Proposal& p) {
                                const auto key = add_item(p, ItemKind::activity,
                                                          {{"title", "Meeting " + n}, {"start_period", 1}, {"end_period", 2}}, 2);
                                update_item(p, key, {{"title", "Meeting " + n + " (moved)"}, {"end_period", 3}});
                                if (r % 3 == 0) remove_item(p, key);
                            });
                            break;
                        case 4: {
                            const std::string text = draft.read([](const Proposal& p) { return dump_proposal(p); });
                            EXPECT_EQ(dump_proposal(parse_proposal(text)), text);
                            break;
                        }
                        case 5: {
                            const auto [text, report] = draft.read([&](const Proposal& p) {
                                return std::make_pair(dump_proposal(p), describe(validate(*programme, p)));
                            });
                            EXPECT_EQ(describe(validate(*programme, parse_proposal(text))), report);
                            break;
                        }
                        case 6:
                            draft.read([&](const Proposal& p) { return summarise_budget(*programme, p).costs.total; });
                            break;
                        default: draft.edit([&](Proposal& p) { set_partner_name(p, "PP0", "Nobody"); }); break;
                    }
                } catch (const NotFoundError&) {
                    ++refused;  // no partner is ever PP0
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(refused.load(), thread_count * 40 / 8);
    const std::string final_text = draft.read([](const Proposal& p) { return dump_proposal(p); });
    EXPECT_EQ(dump_proposal(parse_proposal(final_text)), final_text);
}

// A history's columns read on threads of their own (as the Python frame reader does): value() and
// prepare() of different columns share nothing, and the history is the one read row by row.
TEST(Concurrency, HistoryColumnsReadOnSeparateThreadsGetTheSerialHistory) {
    std::vector<ParticipationRow> rows;
    interreg::synthetic_rows({3, 400, 420}, [&](const ParticipationRow& r) { rows.push_back(r); });
    rows.push_back({"P-bad", "", "", "Malm\xF6 stad", "SE", "", "", "", ""});  // refused: not UTF-8
    HistoryBuilder serial;
    std::vector<std::string> serial_problems;
    for (const auto& r : rows) serial_problems.push_back(serial.add(r));
    const auto expected = serial.build();

    HistoryBuilder builder;
    constexpr std::size_t columns = HistoryBuilder::columns;
    std::vector<std::vector<std::uint32_t>> codes(columns, std::vector<std::uint32_t>(rows.size()));
    auto field = [](const ParticipationRow& r, std::size_t k) -> const std::string& {  // in history_columns() order
        const std::string* fields[columns] = {&r.project, &r.organisation, &r.country, &r.programme, &r.period,
                                              &r.region,  &r.org_type,     &r.role,    &r.organisation_number};
        return *fields[k];
    };
    auto read_column = [&](std::size_t k) {
        for (std::size_t r = 0; r < rows.size(); ++r) codes[k][r] = builder.value(k, field(rows[r], k));
        builder.prepare(k);
    };
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < columns; ++k) threads.emplace_back(read_column, k);
    for (auto& th : threads) th.join();
    std::vector<std::string> problems;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::uint32_t row[columns];
        for (std::size_t k = 0; k < columns; ++k) row[k] = codes[k][r];
        problems.push_back(builder.add(row));
    }
    const auto history = builder.build();
    EXPECT_EQ(problems, serial_problems);
    EXPECT_FALSE(problems.back().empty());
    ASSERT_EQ(history->organisations().size(), expected->organisations().size());
    for (std::size_t o = 0; o < history->organisations().size(); ++o) {
        EXPECT_EQ(history->organisations()[o].key, expected->organisations()[o].key);
        EXPECT_EQ(history->organisations()[o].region, expected->organisations()[o].region);
    }
    EXPECT_EQ(history->participation_count(), expected->participation_count());
}

// A CSV large enough that the reader numbers its columns on two threads: the history is the one
// its rows give when added one by one.
TEST(Concurrency, ACsvReadOnTwoThreadsGetsTheSerialHistory) {
    std::vector<ParticipationRow> rows;
    interreg::synthetic_rows({5, 6000, 420}, [&](const ParticipationRow& r) { rows.push_back(r); });
    auto quoted = [](const std::string& s) {
        std::string out = "\"";
        for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    std::string csv = "project,programme,period,organisation,country,region,org_type,role,organisation_number\n";
    HistoryBuilder serial;
    for (const auto& r : rows) {
        for (const std::string* f : {&r.project, &r.programme, &r.period, &r.organisation, &r.country, &r.region,
                                     &r.org_type, &r.role}) {
            csv += quoted(*f) + ",";
        }
        csv += quoted(r.organisation_number) + "\n";
        EXPECT_EQ(serial.add(r), "");
    }
    ASSERT_GE(rows.size() * 9, 200'000u);  // past the two-thread threshold
    const auto expected = serial.build();
    const auto read = read_history_csv(csv);
    EXPECT_TRUE(read.problems.empty());
    ASSERT_EQ(read.history->organisations().size(), expected->organisations().size());
    for (std::size_t o = 0; o < expected->organisations().size(); ++o) {
        EXPECT_EQ(read.history->organisations()[o].key, expected->organisations()[o].key);
    }
    EXPECT_EQ(read.history->participation_count(), expected->participation_count());
}
