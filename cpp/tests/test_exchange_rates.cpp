// Exchange rates against the programme's reference rates: the reference data (ECB rates of
// 2023-12-08, Denmark's ERM II band, plausibility bands for SEK and NOK) and how the programme
// document gives them.
#include <gtest/gtest.h>

#include "interreg/rules.hpp"
#include "test_support.hpp"

using interreg::Date;
using interreg::ExchangeRate;
using interreg_test::mutated_programme;
using interreg_test::programme;
using json = nlohmann::json;

namespace {

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
