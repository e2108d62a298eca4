#include <doctest/doctest.h>

#include "dormlink/calendar.hpp"

using namespace dormlink;
using namespace std::chrono;

namespace {

Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = Date{year{2026}, month{9}, day{7}};
  s.teaching_weeks = 18;
  s.holiday_weeks = {4};
  s.exam_weeks = {17, 18};
  return s;
}

}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("ISO dates parse strictly") {
    CHECK(parse_iso_date("2026-09-07") == Date{year{2026}, month{9}, day{7}});
    CHECK_FALSE(parse_iso_date("2026-9-7").has_value());
    CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2026-09-07x").has_value());
    CHECK(format_date(Date{year{2027}, month{3}, day{1}}) == "2027-03-01");
  }

  TEST_CASE("teaching weeks start on the first Monday and end on the last Sunday") {
    auto s = autumn();
    CHECK(s.teaching_week(Date{year{2026}, month{9}, day{7}}) == 1);
    CHECK(s.teaching_week(Date{year{2026}, month{9}, day{13}}) == 1);
    CHECK(s.teaching_week(Date{year{2026}, month{9}, day{14}}) == 2);
    CHECK_FALSE(s.teaching_week(Date{year{2026}, month{9}, day{6}}).has_value());
    CHECK(format_date(s.last_day()) == "2027-01-10");
    CHECK(s.contains(s.last_day()));
    CHECK_FALSE(s.contains(Date{year{2027}, month{1}, day{11}}));
  }

  TEST_CASE("holiday and exam weeks carry no duties") {
    auto s = autumn();
    CHECK(s.has_duties(3));
    CHECK_FALSE(s.has_duties(4));
    CHECK_FALSE(s.has_duties(17));
    CHECK_FALSE(s.has_duties(19));
  }

  TEST_CASE("year of study follows the academic year") {
    auto s = autumn();
    CHECK(s.academic_year() == 2026);
    CHECK(year_of_study(2023, s) == 4);
    CHECK(cohort_of_year(1, s) == 2026);
    Semester spring = s;
    spring.first_monday = Date{year{2027}, month{3}, day{1}};
    CHECK(spring.academic_year() == 2026);
    CHECK(year_of_study(2026, spring) == 1);
  }

  TEST_CASE("draft calendar covers the academic year of today") {
    auto c = draft_calendar(Date{year{2026}, month{11}, day{27}});
    REQUIRE(c.semesters.size() == 2);
    CHECK(c.semesters[0].id == "2026-autumn");
    CHECK(format_date(c.semesters[0].first_monday) == "2026-09-07");
    CHECK(c.semesters[0].holiday_weeks == std::vector<int>{4});
    CHECK(c.semesters[1].id == "2027-spring");
    CHECK(format_date(c.semesters[1].first_monday) == "2027-03-01");
    CHECK(c.semesters[1].holiday_weeks == std::vector<int>{9});
    auto spring = draft_calendar(Date{year{2027}, month{4}, day{1}});
    CHECK(spring.semesters[0].id == "2026-autumn");
  }

  TEST_CASE("current_or_nearest picks the running, next or last semester") {
    Calendar c;
    c.semesters.push_back(autumn());
    CHECK(c.current_or_nearest(Date{year{2026}, month{10}, day{1}})->id == "2026-autumn");
    CHECK(c.current_or_nearest(Date{year{2026}, month{8}, day{1}})->id == "2026-autumn");
    CHECK(c.current_or_nearest(Date{year{2027}, month{6}, day{1}})->id == "2026-autumn");
    CHECK(Calendar{}.current_or_nearest(Date{year{2027}, month{6}, day{1}}) == nullptr);
  }
}
