// Exchange rates against the programme's reference rates: the reference data (ECB rates of
// 2023-12-08, Denmark's ERM II band, plausibility bands for SEK and NOK), how the programme
// document gives them, and budget.exchange-rate's judgement of the proposal's own rates.
#include <gtest/gtest.h>

#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Category;
using interreg::Date;
using interreg::ExchangeRate;
using interreg::Proposal;
using interreg::Severity;
using interreg_test::baseline;
using interreg_test::budget_line;
using interreg_test::check;
using interreg_test::describe;
using interreg_test::expect_silent;
using interreg_test::fired;
using interreg_test::mutated_programme;
using interreg_test::programme;
using interreg_test::single;
using interreg_test::single_in;
using json = nlohmann::json;

namespace {

const std::string assumed_note = "rests on a programme fact marked as assumed";

// The baseline with a NOK line for the Norwegian partner (420,000.00 NOK) and the proposal's
// own NOK rate, dated within the twelve months before call 2025:1 opens (2025-01-13).
Proposal with_nok_rate(const char* rate, std::optional<Date> date = Date{2025, 1, 31}) {
    Proposal p = baseline();
    p.partners[2].budget.lines.push_back(budget_line(Category::external, "Recognition guide", "guide", "1", "420000.00", "NOK"));
    p.exchange_rates["NOK"] = {ExchangeRate::parse(rate), date, "Norges Bank"};
    return p;
}

Proposal with_rate(const char* currency, const char* rate, std::optional<Date> date = Date{2025, 1, 31}) {
    Proposal p = baseline();
    p.exchange_rates[currency] = {ExchangeRate::parse(rate), date, ""};
    return p;
}

// The ProgrammeError the programme document gives after `mutate` changed its reference rates.
std::optional<interreg::ProgrammeError> reading_fails(const std::function<void(json&)>& mutate) {
    return interreg_test::thrown<interreg::ProgrammeError>(
        [&] { mutated_programme([&](json& d) { mutate(d["budget"]["reference_rates"]); }); });
}

}  // namespace

// ---- the reference data --------------------------------------------------------------------

TEST(ReferenceRates, TheEcbRatesOfDecember2023) {
    const auto& refs = programme().budget().reference_rates;
    ASSERT_EQ(refs.size(), 3u);
    for (const auto& [currency, rate] : {std::pair{"DKK", "7.4558"}, std::pair{"SEK", "11.238"}, std::pair{"NOK", "11.727"}}) {
        const interreg::ReferenceRate* ref = programme().reference_rate(currency);
        ASSERT_NE(ref, nullptr) << currency;
        EXPECT_EQ(ref->rate, ExchangeRate::parse(rate)) << currency;
        EXPECT_EQ(ref->date, (Date{2023, 12, 8})) << currency;
        EXPECT_EQ(ref->source.key, "ecb-reference") << currency;
        EXPECT_FALSE(ref->source.assumed) << currency;
        ASSERT_TRUE(ref->band) << currency;
    }
    EXPECT_EQ(programme().reference_rate("EUR"), nullptr);
}

TEST(ReferenceRates, DenmarksBandIsConfirmedTheOthersArePlausibility) {
    const auto& dkk = *programme().reference_rate("DKK")->band;
    EXPECT_EQ(dkk.centre, ExchangeRate::parse("7.46038"));
    EXPECT_EQ(dkk.width.to_string(), "2.25%");
    EXPECT_EQ(dkk.source.key, "nationalbanken-erm2");
    EXPECT_FALSE(dkk.source.assumed);
    for (const char* currency : {"SEK", "NOK"}) {
        const auto* ref = programme().reference_rate(currency);
        EXPECT_EQ(ref->band->centre, ref->rate) << currency;  // around the reference itself
        EXPECT_EQ(ref->band->width.to_string(), "25%") << currency;
        EXPECT_TRUE(ref->band->source.assumed) << currency;
        EXPECT_CONTAINS(ref->band->source.note, "not a rule");
    }
}

TEST(ReferenceRates, TableRowsWithTheBandsBounds) {
    const auto rows = programme().table("reference_rates");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("currency"), "DKK");
    EXPECT_EQ(rows[0].at("rate"), "7.4558");
    EXPECT_EQ(rows[0].at("date"), "2023-12-08");
    EXPECT_EQ(rows[0].at("band_centre"), "7.46038");
    EXPECT_EQ(rows[0].at("band_width"), "2.25%");
    EXPECT_EQ(rows[0].at("band_low"), "7.292522");
    EXPECT_EQ(rows[0].at("band_high"), "7.628238");
    EXPECT_EQ(rows[0].at("band_status"), "confirmed");
    EXPECT_CONTAINS(rows[0].at("band_source").get<std::string>(), "nationalbanken.dk");
    EXPECT_EQ(rows[0].at("status"), "confirmed");
    EXPECT_CONTAINS(rows[0].at("source").get<std::string>(), "ecb.europa.eu");
    EXPECT_EQ(rows[1].at("band_low"), "8.4285");
    EXPECT_EQ(rows[1].at("band_status"), "assumed");
}

TEST(ReferenceRates, OptionalInTheDocumentAndTheBandToo) {
    auto none = mutated_programme([](json& d) { d["budget"].erase("reference_rates"); });
    EXPECT_TRUE(none->budget().reference_rates.empty());
    EXPECT_TRUE(none->table("reference_rates").empty());
    auto bare = mutated_programme([](json& d) { d["budget"]["reference_rates"][0].erase("band"); });
    EXPECT_FALSE(bare->reference_rate("DKK")->band);
    EXPECT_TRUE(bare->table("reference_rates")[0].at("band_low").is_null());
}

TEST(ReferenceRates, ReaderErrorsNameTheirPath) {
    struct Case {
        std::function<void(json&)> mutate;
        std::string path, words;
    };
    const std::vector<Case> cases = {
        {[](json& r) { r[0]["currency"] = "EUR"; }, "/budget/reference_rates/0/currency", "DKK"},
        {[](json& r) { r[1]["currency"] = "DKK"; }, "/budget/reference_rates/1", "duplicate id 'DKK'"},
        {[](json& r) { r[0].erase("date"); }, "/budget/reference_rates/0", "missing required key 'date'"},
        {[](json& r) { r[0]["date"] = "8 Dec 2023"; }, "/budget/reference_rates/0/date", "YYYY-MM-DD"},
        {[](json& r) { r[0]["rate"] = "7,4558"; }, "/budget/reference_rates/0/rate", "exchange rate"},
        {[](json& r) { r[0]["band"]["width"] = "0%"; }, "/budget/reference_rates/0/band/width", "either side"},
        {[](json& r) { r[0]["band"]["width"] = "101%"; }, "/budget/reference_rates/0/band/width", "100%"},
        {[](json& r) { r[0]["band"]["centre"] = "0"; }, "/budget/reference_rates/0/band/centre", "between"},
        {[](json& r) { r[0]["band"]["source"] = "ecb"; }, "/budget/reference_rates/0/band/source", "unknown source 'ecb'"},
        {[](json& r) { r[0]["band"]["around"] = "7.46"; }, "/budget/reference_rates/0/band/around", "around"},
        {[](json& r) { r[2].erase("status"); }, "/budget/reference_rates/2", "missing required key 'status'"},
    };
    for (const auto& c : cases) {
        auto e = reading_fails(c.mutate);
        ASSERT_TRUE(e) << c.path;
        EXPECT_EQ(e->path(), c.path);
        EXPECT_CONTAINS(e->what(), c.words);
    }
}

// ---- a rate the wrong way round (ERROR) ----------------------------------------------------

TEST(InvertedRate, TheIssuesNorwegianScenario) {
    // 1 EUR = 0.085 NOK makes the 420,000.00 NOK guide 4,941,176.47 EUR; meant is 1 ÷ 0.085.
    const Proposal p = with_nok_rate("0.085");
    const auto report = check(p);
    auto f = single_in(report, "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/exchange_rates/NOK/rate");
    EXPECT_CONTAINS(f->message, "1 EUR = 0.085 NOK is the rate the wrong way round (euro per NOK)");
    EXPECT_CONTAINS(f->message, "1 EUR = 11.727 NOK on 2023-12-08 (ECB euro foreign exchange reference rates)");
    EXPECT_CONTAINS(f->message, "You probably mean 11.764706 (1 ÷ 0.085)");
    EXPECT_CONTAINS(f->message, "the NOK lines of Østfold fylkeskommune come to 4941176.47 EUR; at 11.764706 they come to 35699.99 EUR");
    EXPECT_FALSE(f->assumed);
    EXPECT_NOT_CONTAINS(f->message, assumed_note);
    EXPECT_FALSE(report.ok());
}

TEST(InvertedRate, NamesEveryPartnerWithLinesInTheCurrency) {
    Proposal p = with_nok_rate("0.085");
    interreg::Partner akershus = interreg_test::make_partner("Akershus fylkeskommune", "NO", "Akershus", "regional-authority");
    akershus.budget.lines.push_back(budget_line(Category::travel, "Trips", "trips", "2", "8500.00", "NOK"));
    add_partner(p, akershus);
    auto f = single(p, "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "the NOK lines of Østfold fylkeskommune and Akershus fylkeskommune come to 5141176.47 EUR");
}

TEST(InvertedRate, AnUnusedRateIsWrongToo) {
    auto f = single(with_rate("SEK", "0.089"), "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::error);
    EXPECT_EQ(f->path, "/exchange_rates/SEK/rate");
    EXPECT_CONTAINS(f->message, "You probably mean 11.235955");
    EXPECT_NOT_CONTAINS(f->message, "come to");  // no line in SEK
}

TEST(InvertedRate, ExactlyOneIsUnusualNotInverted) {
    auto f = single(with_nok_rate("1"), "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_CONTAINS(f->message, "1 EUR = 1 NOK is unusual");
    EXPECT_TRUE(f->assumed);  // NOK's plausibility band is assumed
    EXPECT_CONTAINS(f->message, assumed_note);
    auto just_below = single(with_nok_rate("0.999999"), "budget.exchange-rate");
    ASSERT_TRUE(just_below);
    EXPECT_EQ(just_below->severity, Severity::error);
}

// ---- a rate outside the band (WARNING) -----------------------------------------------------

TEST(RateOutsideBand, DanishKroneWithinErmTwo) {
    for (const char* inside : {"7.292522", "7.4558", "7.628238"}) expect_silent(with_rate("DKK", inside), "budget.exchange-rate");
    for (const char* outside : {"7.292521", "7.628239", "74.558"}) {
        auto f = single(with_rate("DKK", outside), "budget.exchange-rate");
        ASSERT_TRUE(f) << outside;
        EXPECT_EQ(f->severity, Severity::warning);
        EXPECT_EQ(f->path, "/exchange_rates/DKK/rate");
        EXPECT_CONTAINS(f->message, "is unusual: the reference is 1 EUR = 7.4558 DKK on 2023-12-08");
        EXPECT_CONTAINS(f->message, "outside 7.292522 to 7.628238 (7.46038 ± 2.25%; Danmarks Nationalbank");
        EXPECT_CONTAINS(f->message, "Check the rate and its date.");
        EXPECT_FALSE(f->assumed);  // ERM II is a confirmed fact
    }
}

TEST(RateOutsideBand, SwedishKronaPlausibility) {
    expect_silent(with_rate("SEK", "8.4285"), "budget.exchange-rate");
    expect_silent(with_rate("SEK", "14.0475"), "budget.exchange-rate");
    auto f = single(with_rate("SEK", "14.0476"), "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_CONTAINS(f->message, "outside 8.4285 to 14.0475 (11.238 ± 25%)");
    EXPECT_TRUE(f->assumed);
}

TEST(RateOutsideBand, NoReferenceNoJudgement) {
    auto prog = mutated_programme([](json& d) { d["budget"].erase("reference_rates"); });
    expect_silent(with_nok_rate("0.085"), "budget.exchange-rate", *prog);
    expect_silent(with_nok_rate("1"), "budget.exchange-rate", *prog);
}

// ---- the rate's date (WARNING) -------------------------------------------------------------

TEST(RateDate, MissingDateAsksForIt) {
    const Proposal p = interreg_test::sources_follow_budget(with_nok_rate("11.4915", std::nullopt));
    const auto report = check(p);
    auto f = single_in(report, "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->path, "/exchange_rates/NOK/date");
    EXPECT_CONTAINS(f->message, "The NOK rate 11.4915 has no date");
    EXPECT_CONTAINS(f->message, "p.set_exchange_rate(\"NOK\", \"11.4915\", date=\"YYYY-MM-DD\")");
    EXPECT_FALSE(f->assumed);
    EXPECT_TRUE(report.ok()) << describe(report);
    EXPECT_EQ(report.findings.size(), 1u) << describe(report);
}

TEST(RateDate, TwelveMonthsBeforeTheCallOpensIsTheLimit) {
    // Call 2025:1 opens 2025-01-13: a rate of 2024-01-13 is exactly twelve months old.
    expect_silent(with_nok_rate("11.4915", Date{2024, 1, 13}), "budget.exchange-rate");
    auto f = single(with_nok_rate("11.4915", Date{2024, 1, 12}), "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->path, "/exchange_rates/NOK/date");
    EXPECT_CONTAINS(f->message, "is dated 2024-01-12, more than 12 months before call 2025:1 opens (2025-01-13)");
    EXPECT_FALSE(f->assumed);
}

TEST(RateDate, AnAssumedCallMakesItAssumed) {
    Proposal p = with_nok_rate("11.4915", Date{2022, 1, 1});
    p.call = "2024:1";
    auto f = single(p, "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->assumed);
}

TEST(RateDate, WithoutACallThatClosesTheReferenceDateIsTheLimit) {
    // A pre-project is judged against the continuous pre-project call, which never closes.
    Proposal p = interreg_test::pre_project_baseline();
    p.exchange_rates["NOK"] = {ExchangeRate::parse("11.4915"), Date{2023, 12, 8}, ""};
    expect_silent(p, "budget.exchange-rate");
    p.exchange_rates["NOK"].date = Date{2023, 12, 7};
    auto f = single(p, "budget.exchange-rate");
    ASSERT_TRUE(f);
    EXPECT_CONTAINS(f->message, "is dated 2023-12-07, before the programme's reference rate (1 EUR = 11.727 NOK on 2023-12-08");
    p.call = "2099:1";  // unknown: call.known reports it, the reference decides here too
    ASSERT_TRUE(single(p, "budget.exchange-rate"));
}

TEST(RateDate, AWrongRateAndAMissingDateAreTwoFindings) {
    const auto found = fired(with_nok_rate("0.085", std::nullopt), "budget.exchange-rate");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].path, "/exchange_rates/NOK/rate");
    EXPECT_EQ(found[1].path, "/exchange_rates/NOK/date");
}

// ---- rates the programme fixes are trusted -------------------------------------------------

TEST(FixedRate, TrustedWithoutADateAndWhateverItsValue) {
    auto prog = mutated_programme([](json& d) {
        d["budget"]["exchange_rates"] =
            json::array({json{{"currency", "NOK"}, {"rate", "0.085"}, {"source", "cpr"}, {"status", "confirmed"}}});
    });
    Proposal p = baseline();
    p.partners[2].budget.lines.push_back(budget_line(Category::external, "Guide", "guide", "1", "420000.00", "NOK"));
    expect_silent(p, "budget.exchange-rate", *prog);
    p.exchange_rates["NOK"] = {ExchangeRate::parse("0.085"), std::nullopt, ""};  // the proposal's own is judged
    EXPECT_EQ(fired(p, "budget.exchange-rate", *prog).size(), 2u);
}
