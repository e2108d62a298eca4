// Findings without a record (docs/inspect.md "Findings without a record"): the weeks a "no
// contact" finding contradicts and the report that an incident found by the inspection was (or
// was not) given, by hand; and what the assessment makes of them (docs/reports.md), with scores
// computed by hand.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/report/assessment.hpp"

using namespace dormlink;
using inspect::ContradictedWeek;
using inspect::Finding;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 18 teaching weeks from 2026-09-07; week 4 a holiday, weeks 17 and 18 exams.
Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026秋";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 18;
  s.holiday_weeks = {4};
  s.exam_weeks = {17, 18};
  return s;
}

inspect::ReportedIncident incident(std::int64_t id, const char* dorm, const char* category, Date day,
                                   std::vector<std::string> students = {}) {
  return {id, dorm, category, day, std::move(students)};
}

}  // namespace

TEST_SUITE("inspect.observation") {
  TEST_CASE("a finding is typed as its key or in Chinese") {
    CHECK(inspect::parse_finding("no_contact") == Finding::no_contact);
    CHECK(inspect::parse_finding("未联系") == Finding::no_contact);
    CHECK(inspect::parse_finding("学生称从未见过党员") == Finding::no_contact);
    CHECK(inspect::parse_finding("从未见过党员") == Finding::no_contact);
    CHECK(inspect::parse_finding("dorm_condition") == Finding::dorm_condition);
    CHECK(inspect::parse_finding("寝室状况") == Finding::dorm_condition);
    CHECK(inspect::parse_finding("其他") == Finding::other);
    CHECK_FALSE(inspect::parse_finding("fly").has_value());
    CHECK_FALSE(inspect::parse_finding("").has_value());
    CHECK(inspect::key(Finding::dorm_condition) == "dorm_condition");
  }

  TEST_CASE("no contact contradicts the duty weeks up to the day, each with its records") {
    // #3 before the semester; #5 and #7 in week 1; #9 in week 4 (a holiday: no duty); #11 on
    // the Monday of week 6; #12 the day after the inspection; #13 in week 2, listed out of order.
    const std::vector<inspect::Contact> contacts{
        {7, ymd(2026, 9, 10)},   {3, ymd(2026, 9, 1)},    {5, ymd(2026, 9, 8)},  {9, ymd(2026, 9, 29)},
        {11, ymd(2026, 10, 12)}, {12, ymd(2026, 10, 16)}, {13, ymd(2026, 9, 16)}};
    const auto weeks = inspect::contradicted_weeks(autumn(), contacts, ymd(2026, 10, 15));
    const std::vector<ContradictedWeek> expected{{1, {5, 7}}, {2, {13}}, {6, {11}}};
    CHECK(weeks == expected);
    CHECK(inspect::records_of(weeks) == std::vector<std::int64_t>{5, 7, 11, 13});
    // The day itself counts: on 2026-10-12 week 6 is already contradicted, on 2026-10-11 not.
    CHECK(inspect::contradicted_weeks(autumn(), contacts, ymd(2026, 10, 12)).size() == 3);
    CHECK(inspect::contradicted_weeks(autumn(), contacts, ymd(2026, 10, 11)).size() == 2);
    CHECK(inspect::contradicted_weeks(autumn(), {}, ymd(2026, 10, 15)).empty());
  }

  TEST_CASE("an incident found is reported by a record of its category within the window before the day") {
    const Date day = ymd(2026, 10, 15);  // window 30 days: 2026-09-15 .. 2026-10-15
    inspect::FoundIncident found{"10-404", std::nullopt, "banned_appliance", day, 30};
    std::vector<inspect::ReportedIncident> incidents{
        incident(20, "10-404", "banned_appliance", ymd(2026, 9, 14)),   // 31 days before: too early
        incident(21, "10-404", "gambling", ymd(2026, 10, 1)),           // another category
        incident(22, "10-405", "banned_appliance", ymd(2026, 10, 10)),  // another dorm
        incident(25, "10-404", "banned_appliance", ymd(2026, 10, 16)),  // after the inspection
    };
    CHECK_FALSE(inspect::matching_report(found, incidents).has_value());
    incidents.push_back(incident(24, "10-404", "banned_appliance", ymd(2026, 9, 15)));   // the window's first day
    incidents.push_back(incident(23, "10-404", "banned_appliance", ymd(2026, 10, 15)));  // the day itself
    CHECK(inspect::matching_report(found, incidents) == 23);                             // the earliest by id
    // About a student: a record naming the student counts, wherever it was; the dorm's do not.
    found.student = "2025110101";
    CHECK_FALSE(inspect::matching_report(found, incidents).has_value());
    incidents.push_back(incident(30, "9-101", "banned_appliance", ymd(2026, 10, 2), {"2025110101", "2025110102"}));
    CHECK(inspect::matching_report(found, incidents) == 30);
    found.window_days = 10;  // 2026-10-05 .. 2026-10-15
    CHECK_FALSE(inspect::matching_report(found, incidents).has_value());
  }

  TEST_CASE("what costs: a contradicting no_contact and an unreported incident of a dorm with a member") {
    inspect::Observation o;
    o.finding = Finding::no_contact;
    o.member_id = "2023110101";
    CHECK_FALSE(inspect::contradicts_records(o));  // no record to contradict
    o.weeks = {{3, {10}}};
    CHECK(inspect::contradicts_records(o));
    o.member_id.reset();
    CHECK_FALSE(inspect::contradicts_records(o));  // the dorm had no member
    inspect::Observation i;
    i.finding = Finding::dorm_condition;
    i.member_id = "2023110101";
    CHECK_FALSE(inspect::unreported_incident(i));  // no category: not an incident
    i.category = "banned_appliance";
    CHECK(inspect::unreported_incident(i));
    i.reported_by = 40;
    CHECK_FALSE(inspect::unreported_incident(i));
    i.reported_by.reset();
    i.member_id.reset();
    CHECK_FALSE(inspect::unreported_incident(i));
  }
}
