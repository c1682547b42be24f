// Check digits of Swedish, Danish and Norwegian organisation numbers, in the ways they are written.
#include <gtest/gtest.h>

#include <string>

#include "interreg/organisation_number.hpp"

using interreg::check_org_number;
using interreg::OrgNumberScheme;

namespace {

bool valid(OrgNumberScheme s, const std::string& number) { return check_org_number(s, number).problem.empty(); }

}  // namespace

TEST(OrgNumber, SwedishLuhn) {
    for (const char* n : {"212000-0142", "2120000142", "556036-0793", "SE 556036-0793", "16556036-0793", "165560360793"}) {
        EXPECT_TRUE(valid(OrgNumberScheme::se_orgnr, n)) << n;
    }
    EXPECT_EQ(check_org_number(OrgNumberScheme::se_orgnr, "16556036-0793").digits, "5560360793");
    const auto wrong = check_org_number(OrgNumberScheme::se_orgnr, "556036-0794");
    EXPECT_NE(wrong.problem.find("wrong check digit"), std::string::npos) << wrong.problem;
    EXPECT_NE(check_org_number(OrgNumberScheme::se_orgnr, "556036-079").problem.find("has 9 digits"), std::string::npos);
    EXPECT_FALSE(valid(OrgNumberScheme::se_orgnr, "185560360793"));  // 12 digits without the "16" of a legal person
}

TEST(OrgNumber, DanishCvr) {
    for (const char* n : {"13748136", "13 74 81 36", "DK13748136", "DK-24256790"}) {
        EXPECT_TRUE(valid(OrgNumberScheme::dk_cvr, n)) << n;
    }
    EXPECT_FALSE(valid(OrgNumberScheme::dk_cvr, "24256791"));
    EXPECT_FALSE(valid(OrgNumberScheme::dk_cvr, "1374813"));
}

TEST(OrgNumber, NorwegianOrganisasjonsnummer) {
    for (const char* n : {"123456785", "974 760 673", "NO 974760673 MVA", "701730496"}) {
        EXPECT_TRUE(valid(OrgNumberScheme::no_orgnr, n)) << n;
    }
    EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, "123456784"));
}

TEST(OrgNumber, RemainderOneGivesNoValidNumber) {
    // Weighted sums leaving 1 would need a check digit of 10: no last digit makes them valid.
    for (char last = '0'; last <= '9'; ++last) {
        EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, std::string("10000013") + last)) << last;
        EXPECT_FALSE(valid(OrgNumberScheme::dk_cvr, std::string("1000005") + last)) << last;
    }
}

TEST(OrgNumber, NotANumber) {
    const auto check = check_org_number(OrgNumberScheme::dk_cvr, "CVR 1374 81 3X");
    EXPECT_TRUE(check.digits.empty());
    EXPECT_NE(check.problem.find("not a number"), std::string::npos);
    EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, ""));
}

TEST(OrgNumber, SchemeNames) {
    EXPECT_EQ(interreg::parse_org_number_scheme("dk-cvr"), OrgNumberScheme::dk_cvr);
    EXPECT_EQ(interreg::to_string(OrgNumberScheme::no_orgnr), "no-orgnr");
    EXPECT_FALSE(interreg::parse_org_number_scheme("de-hrb"));
}

// Numbers of real organisations whose check digits were worked out by hand, and the same numbers
// with a digit wrong or missing.
TEST(OrgNumber, RealNumbersOfEachCountry) {
    for (const char* n : {"556036-0793", "212000-1355", "202100-1215", "232100-0255", "202100-3211"}) {
        EXPECT_TRUE(valid(OrgNumberScheme::se_orgnr, n)) << n;
    }
    for (const char* n : {"29189714", "29189420", "64942212", "29190623"}) EXPECT_TRUE(valid(OrgNumberScheme::dk_cvr, n)) << n;
    for (const char* n : {"974760673", "974 544 466", "930580783", "971040238"}) {
        EXPECT_TRUE(valid(OrgNumberScheme::no_orgnr, n)) << n;
    }
    EXPECT_FALSE(valid(OrgNumberScheme::se_orgnr, "212000-1356"));
    EXPECT_FALSE(valid(OrgNumberScheme::dk_cvr, "29189715"));
    EXPECT_FALSE(valid(OrgNumberScheme::dk_cvr, "2918971"));
    EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, "974760674"));
    EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, "97476067"));
    EXPECT_FALSE(valid(OrgNumberScheme::no_orgnr, "974760673 5"));
}

// Luhn and the weighted moduli 11 catch every single wrong digit.
TEST(OrgNumber, EverySingleWrongDigitIsCaught) {
    const std::pair<OrgNumberScheme, std::string> numbers[] = {
        {OrgNumberScheme::se_orgnr, "5560360793"}, {OrgNumberScheme::se_orgnr, "2120001355"},
        {OrgNumberScheme::dk_cvr, "29189714"},     {OrgNumberScheme::dk_cvr, "64942212"},
        {OrgNumberScheme::no_orgnr, "974760673"},  {OrgNumberScheme::no_orgnr, "930580783"}};
    for (const auto& [scheme, number] : numbers) {
        ASSERT_TRUE(valid(scheme, number)) << number;
        for (std::size_t i = 0; i < number.size(); ++i) {
            for (char d = '0'; d <= '9'; ++d) {
                if (d == number[i]) continue;
                std::string wrong = number;
                wrong[i] = d;
                const auto check = check_org_number(scheme, wrong);
                EXPECT_NE(check.problem.find("wrong check digit"), std::string::npos) << wrong;
            }
        }
    }
}

TEST(OrgNumber, NationalSchemesAndTheirDescriptions) {
    using interreg::national_org_number_scheme;
    EXPECT_EQ(national_org_number_scheme("SE"), OrgNumberScheme::se_orgnr);
    EXPECT_EQ(national_org_number_scheme("dk"), OrgNumberScheme::dk_cvr);
    EXPECT_EQ(national_org_number_scheme("No"), OrgNumberScheme::no_orgnr);
    EXPECT_FALSE(national_org_number_scheme("DE"));
    EXPECT_FALSE(national_org_number_scheme("S"));
    EXPECT_FALSE(national_org_number_scheme("SEX"));
    EXPECT_EQ(interreg::org_number_name(OrgNumberScheme::dk_cvr), "Danish CVR number");
    EXPECT_EQ(interreg::org_number_form(OrgNumberScheme::se_orgnr), "10 digits, written NNNNNN-NNNN, the last a check digit");
    EXPECT_EQ(interreg::org_number_form(OrgNumberScheme::no_orgnr), "9 digits, written NNN NNN NNN, the last a check digit");
    EXPECT_NE(interreg::org_number_register(OrgNumberScheme::no_orgnr).find("Brønnøysundregistrene"), std::string::npos);
}

TEST(OrgNumber, KeyJoinsSpellingsOfOneNumber) {
    using interreg::org_number_key;
    EXPECT_EQ(org_number_key("SE", OrgNumberScheme::se_orgnr, "556036-0793"),
              org_number_key("SE", OrgNumberScheme::se_orgnr, "165560360793"));
    EXPECT_NE(org_number_key("SE", OrgNumberScheme::se_orgnr, "556036-0793"),
              org_number_key("DK", OrgNumberScheme::dk_cvr, "556036-0793"));
    EXPECT_EQ(org_number_key("DE", std::nullopt, "HRB 1234"), org_number_key("DE", std::nullopt, "hrb-1234"));
    EXPECT_EQ(org_number_key("SE", OrgNumberScheme::se_orgnr, "—"), "");  // nothing to compare
    EXPECT_EQ(org_number_key("DE", std::nullopt, " - / "), "");
}
