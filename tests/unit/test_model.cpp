#include <doctest/doctest.h>

#include "dormlink/model.hpp"

using namespace dormlink;

TEST_SUITE("model") {
  TEST_CASE("roster spellings of gender, status, attention and role are recognised") {
    CHECK(parse_gender("男") == Gender::male);
    CHECK(parse_gender(" F ") == Gender::female);
    CHECK(parse_gender("女生") == Gender::female);
    CHECK_FALSE(parse_gender("x").has_value());
    CHECK(parse_political_status("中共预备党员") == PoliticalStatus::probationary_member);
    CHECK(parse_political_status("党员") == PoliticalStatus::party_member);
    CHECK(parse_political_status("团员") == PoliticalStatus::league_member);
    CHECK(parse_attention_category("经济困难") == AttentionCategory::family_hardship);
    CHECK(parse_attention_category("psychological") == AttentionCategory::psychological);
    CHECK(parse_staff_role("辅导员") == StaffRole::counselor);
    CHECK(parse_staff_role("Head Teacher") == StaffRole::head_teacher);
  }

  TEST_CASE("members are 中共党员 and 中共预备党员 only") {
    CHECK(is_member(PoliticalStatus::party_member));
    CHECK(is_member(PoliticalStatus::probationary_member));
    CHECK_FALSE(is_member(PoliticalStatus::candidate));
    CHECK_FALSE(is_member(PoliticalStatus::activist));
  }

  TEST_CASE("keys round-trip") {
    for (auto s : {PoliticalStatus::party_member, PoliticalStatus::masses, PoliticalStatus::candidate}) {
      CHECK(political_status_from_key(key(s)) == s);
    }
    CHECK(attention_from_key(key(AttentionCategory::self_discipline)) == AttentionCategory::self_discipline);
    CHECK_FALSE(gender_from_key("男").has_value());
  }

  TEST_CASE("dorm codes as staff write them") {
    SUBCASE("canonical") { CHECK(parse_dorm_code("8-305")->code() == "8-305"); }
    SUBCASE("栋 and 室") { CHECK(parse_dorm_code("8栋305室")->code() == "8-305"); }
    SUBCASE("号楼") { CHECK(parse_dorm_code("8号楼305")->code() == "8-305"); }
    SUBCASE("hash") { CHECK(parse_dorm_code("8#305")->code() == "8-305"); }
    SUBCASE("full-width digits") { CHECK(parse_dorm_code("８－３０５")->code() == "8-305"); }
    SUBCASE("named building") { CHECK(parse_dorm_code("竹园3栋412")->code() == "竹园3-412"); }
    SUBCASE("letters upper-cased") { CHECK(parse_dorm_code("a-305b")->code() == "A-305B"); }
    SUBCASE("separate columns") { CHECK(make_dorm_code("8号楼", "305室")->code() == "8-305"); }
  }

  TEST_CASE("malformed dorm codes are refused") {
    CHECK_FALSE(parse_dorm_code("8305").has_value());
    CHECK_FALSE(parse_dorm_code("").has_value());
    CHECK_FALSE(parse_dorm_code("8栋").has_value());
    CHECK_FALSE(parse_dorm_code("-305").has_value());
    CHECK_FALSE(make_dorm_code("", "305").has_value());
  }
}
