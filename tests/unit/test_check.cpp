#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/error.hpp"

using namespace dormlink;
using namespace dormlink::check;

namespace {

// Options that keep every obligation (of one counselor when given).
EvaluateOptions keep_met(int counselor = -1) {
  EvaluateOptions options;
  options.keep_met = true;
  options.counselor = counselor;
  return options;
}

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Autumn 2026: week w runs Monday 2026-09-07 + 7(w-1) to Sunday; week 4 is a holiday
// (09-28..10-04), weeks 17-18 exams; the last day is 2027-01-10.
Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 18;
  s.holiday_weeks = {4};
  s.exam_weeks = {17, 18};
  return s;
}

// Builders that name their fields, so that the tests keep compiling when a struct grows.
Person person(std::string id, std::string class_name, int cohort) {
  Person p;
  p.id = std::move(id);
  p.class_name = std::move(class_name);
  p.cohort = cohort;
  return p;
}

Residence lives(int who, int dorm, Date from, std::optional<Date> to = std::nullopt) {
  return Residence{.person = who, .dorm = dorm, .from = from, .to = to};
}

Eligibility eligible(int who, Date from, bool is_eligible = true) {
  Eligibility e;
  e.person = who;
  e.from = from;
  e.eligible = is_eligible;
  return e;
}

AssignmentVersion version_from(Date from, std::vector<std::pair<int, int>> pairs) {
  return AssignmentVersion{.valid_from = from, .pairs = std::move(pairs)};
}

Counselor counselor(std::string staff_id, std::vector<int> cohorts, std::vector<std::string> classes) {
  Counselor c;
  c.staff_id = std::move(staff_id);
  c.cohorts = std::move(cohorts);
  c.classes = std::move(classes);
  return c;
}

DormWeekVisits visits(int dorm, int week, int count, int late) {
  return DormWeekVisits{.dorm = dorm, .week = week, .visits = count, .late = late};
}

Excuse excuse(int member, int dorm, int week) { return Excuse{.member = member, .dorm = dorm, .week = week}; }

TalkWeeks talked(int who, std::uint32_t weeks) { return TalkWeeks{.person = who, .weeks = weeks, .first_entered = {}}; }

KindRecord record(CountedKind kind, int member, int dorm, int week, Date entered) {
  return KindRecord{.kind = kind, .member = member, .dorm = dorm, .week = week, .entered = entered, .id = 1};
}

Submission submitted(bool summary, std::string subject, int period, Date on) {
  return Submission{.summary = summary, .subject_id = std::move(subject), .period = period, .submitted = on};
}

Incident incident(std::int64_t id, int member, int dorm, LocalDateTime found) {
  Incident i;
  i.id = id;
  i.member = member;
  i.dorm = dorm;
  i.found = found;
  return i;
}

// A small college: members 0 (class 英语2401) and 1 (class 英语2402); residents 2, 3, 4 in
// dorms 0, 1, 2 since before the semester; member 0 holds dorms 0 and 1, member 1 dorm 2
// from 2026-09-01. Counselor 0 (T01) has class 英语2401, counselor 1 (T02) cohort 2024.
CheckInput college() {
  CheckInput in;
  in.semester = autumn();
  in.people = {person("2024001", "英语2401", 2024), person("2024002", "英语2402", 2024),
               person("2025001", "日语2501", 2025), person("2025002", "日语2501", 2025),
               person("2025003", "日语2501", 2025), person("2026001", "日语2601", 2026)};
  in.dorms = {"A101", "A102", "A103"};
  in.residences = {lives(2, 0, ymd(2026, 9, 1)), lives(3, 1, ymd(2026, 9, 1)), lives(4, 2, ymd(2026, 9, 1))};
  in.eligibility = {eligible(0, ymd(2026, 9, 1)), eligible(1, ymd(2026, 9, 1)), eligible(5, ymd(2026, 9, 1))};
  in.assignments = {version_from(ymd(2026, 9, 1), {{0, 0}, {1, 0}, {2, 1}})};
  in.counselors = {counselor("T01", {}, {"英语2401"}), counselor("T02", {2024}, {})};
  return in;
}

// Default rules, except that holding a single dorm is fine (member_dorm_count has its own test).
Config rules() {
  Config config;
  config.assignment.min_dorms = 1;
  return config;
}

std::vector<Obligation> all(const CheckInput& in, const Config& config, Date as_of) {
  return evaluate(in, config, as_of, keep_met());
}

using Match = std::function<bool(const Obligation&)>;

std::vector<Obligation> matching(const std::vector<Obligation>& items, const Match& match) {
  std::vector<Obligation> out;
  std::copy_if(items.begin(), items.end(), std::back_inserter(out), match);
  return out;
}

// The one item that matches; fails the test when there is none or more than one.
Obligation one(const std::vector<Obligation>& items, const Match& match) {
  auto found = matching(items, match);
  REQUIRE(found.size() == 1);
  return found.front();
}

Match rule_is(Rule rule) {
  return [rule](const Obligation& o) { return o.rule == rule; };
}

Match visit(int dorm, int week) {
  return [=](const Obligation& o) { return o.rule == Rule::visits && o.dorm == dorm && o.period == week; };
}

Match talk(int student, int period, Rule rule = Rule::talks) {
  return [=](const Obligation& o) { return o.rule == rule && o.student == student && o.period == period; };
}

Match talk_of_student(int student) {
  return [=](const Obligation& o) { return o.rule == Rule::talks && o.student == student; };
}

Match of_dorm(Rule rule, int dorm) {
  return [=](const Obligation& o) { return o.rule == rule && o.dorm == dorm; };
}

Match of_member(Rule rule, int member) {
  return [=](const Obligation& o) { return o.rule == rule && o.member == member; };
}

Match form(int member, int period) {
  return [=](const Obligation& o) { return o.rule == Rule::feedback_form && o.member == member && o.period == period; };
}

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  const auto spent = std::chrono::steady_clock::now() - since;
  return std::chrono::duration_cast<std::chrono::milliseconds>(spent).count();
}

std::vector<int> periods(const std::vector<Obligation>& items) {
  std::vector<int> out;
  for (const auto& o : items) out.push_back(o.period);
  return out;
}

}  // namespace

TEST_SUITE("check") {
  TEST_CASE("rules and statuses have their JSON names") {
    CHECK(to_string(Rule::no_assignment) == "no_assignment");
    CHECK(to_string(Rule::attention_talks) == "attention_talks");
    CHECK(to_string(Rule::counselor_summary) == "counselor_summary");
    CHECK(to_string(Rule::member_summary) == "member_summary");
    CHECK(to_string(Status::met_late) == "met_late");
    CHECK(to_string(Status::due_soon) == "due_soon");
    CHECK(to_string(Status::at_risk) == "at_risk");
  }

  TEST_CASE("reporting periods and their due days follow the config") {
    Config config;
    const auto s = autumn();
    CHECK(reporting_period_of_week(1, config) == 1);
    CHECK(reporting_period_of_week(2, config) == 1);
    CHECK(reporting_period_of_week(3, config) == 2);
    CHECK(reporting_period_of_week(18, config) == 9);
    CHECK(reporting_period_weeks(1, s, config) == std::pair{1, 2});
    CHECK(reporting_period_weeks(9, s, config) == std::pair{17, 18});
    CHECK(form_due_date(1, s, config, false) == ymd(2026, 9, 21));  // Monday after week 2
    CHECK(form_due_date(1, s, config, true) == ymd(2026, 9, 22));   // Tuesday
    CHECK(form_due_date(2, s, config, false) == ymd(2026, 10, 5));

    SUBCASE("the last period is capped at the last teaching week") {
      auto short_semester = s;
      short_semester.teaching_weeks = 17;
      CHECK(reporting_period_weeks(9, short_semester, config) == std::pair{17, 17});
      CHECK(form_due_date(9, short_semester, config, false) == ymd(2027, 1, 4));
    }
    SUBCASE("other weekdays and period lengths") {
      config.reporting.member_form_due = Weekday::sunday;
      config.reporting.period_weeks = 3;
      CHECK(reporting_period_of_week(3, config) == 1);
      CHECK(reporting_period_of_week(4, config) == 2);
      CHECK(form_due_date(1, s, config, false) == ymd(2026, 10, 4));  // the Sunday a week later
      CHECK(form_due_date(1, s, config, true) == ymd(2026, 9, 29));
    }
    SUBCASE("forms.due = even_weeks puts the due Monday in an even week") {
      config.forms.due = FormDue::even_weeks;
      CHECK(form_due_date(1, s, config, false) == ymd(2026, 9, 28));  // Monday of week 4
      CHECK(form_due_date(1, s, config, true) == ymd(2026, 9, 29));   // Tuesday of week 4
      CHECK(form_due_date(6, s, config, false) == ymd(2026, 12, 7));  // weeks 11-12: Monday of week 14
      auto short_semester = s;
      short_semester.teaching_weeks = 17;  // period 9 is week 17 alone: week 18 is even already
      CHECK(form_due_date(9, short_semester, config, false) == ymd(2027, 1, 4));
      config.reporting.period_weeks = 3;  // (1-3): week 4 is even; (4-6): week 7 is odd, so week 8
      CHECK(form_due_date(1, s, config, false) == ymd(2026, 9, 28));
      CHECK(form_due_date(2, s, config, false) == ymd(2026, 10, 26));
      CHECK(reporting_period_weeks(2, s, config) == std::pair{4, 6});
    }
  }

  TEST_CASE("choose_period: previous, current, next and N on a date") {
    Config config;
    auto spring = autumn();
    spring.id = "2027-spring";
    spring.first_monday = ymd(2027, 3, 1);
    config.calendar.semesters = {autumn(), spring};
    const auto choose = [&](const char* period, Date on, bool ahead = false) {
      return choose_period(config, PeriodSpec{period, nullptr, ahead}, on);
    };
    const Date week5 = ymd(2026, 10, 7);  // period 3 (weeks 5-6)
    CHECK(choose("previous", week5).number == 2);
    CHECK(choose("current", week5).number == 3);
    CHECK(choose("2", week5).number == 2);

    SUBCASE("next: the period after the one holding the date, not begun, so only ahead") {
      const auto next = choose("next", week5, true);
      CHECK(next.semester_id == "2026-autumn");
      CHECK(next.number == 4);
      CHECK(next.first_day == ymd(2026, 10, 19));
      CHECK(choose("next", ymd(2026, 10, 18), true).number == 4);  // the Sunday before it
      CHECK(choose("next", ymd(2026, 10, 19), true).number == 5);  // its Monday: it holds the date
      CHECK_THROWS_WITH_AS(choose("next", week5),
                           "period 4 of 2026-autumn begins on 2026-10-19, after 2026-10-07; nothing to report yet",
                           UsageError);
      CHECK(choose("5", week5, true).number == 5);  // a numbered period ahead, for blank forms
    }
    SUBCASE("next in the last period: none in the semester") {
      CHECK_THROWS_WITH_AS(
          choose("next", ymd(2027, 1, 5), true),
          "--period next: 2026-autumn has no reporting period after 2027-01-05 (the last, 9, began on 2026-12-28)",
          UsageError);
      PeriodSpec spec{"next", &config.calendar.semesters[0], true};
      CHECK_THROWS_AS(choose_period(config, spec, ymd(2027, 1, 5)), UsageError);
    }
    SUBCASE("next between semesters: the first period of the next one") {
      const auto next = choose("next", ymd(2027, 2, 1), true);
      CHECK(next.semester_id == "2027-spring");
      CHECK(next.number == 1);
      CHECK_THROWS_WITH_AS(choose("next", ymd(2027, 8, 1), true),
                           "--period next: no semester begins after 2027-08-01; give --semester ID", UsageError);
    }
    SUBCASE("a word that is no period names the four") {
      CHECK_THROWS_WITH_AS(choose("soon", week5),
                           "--period \"soon\": use a period number (1, 2, ...), current, "
                           "previous or next",
                           UsageError);
    }
  }

  TEST_CASE("a visit week is due soon through its Sunday and overdue from the Monday after") {
    const auto in = college();
    const auto config = rules();
    CHECK(one(all(in, config, ymd(2026, 9, 11)), visit(0, 1)).status == Status::pending);
    CHECK(one(all(in, config, ymd(2026, 9, 12)), visit(0, 1)).status == Status::due_soon);
    const auto sunday = one(all(in, config, ymd(2026, 9, 13)), visit(0, 1));
    CHECK(sunday.status == Status::due_soon);
    CHECK(sunday.due == ymd(2026, 9, 13));
    CHECK(sunday.window_from == ymd(2026, 9, 7));
    CHECK(sunday.window_to == ymd(2026, 9, 13));
    CHECK(sunday.member == 0);
    CHECK(sunday.counselor == 0);
    CHECK(sunday.expected == 2);
    CHECK(sunday.found == 0);
    CHECK(one(all(in, config, ymd(2026, 9, 14)), visit(0, 1)).status == Status::overdue);

    SUBCASE("check.due_soon_days sets how early") {
      auto wide = config;
      wide.check.due_soon_days = 3;
      CHECK(one(all(in, wide, ymd(2026, 9, 11)), visit(0, 1)).status == Status::due_soon);
    }
  }

  TEST_CASE("weeks that have not started carry nothing") {
    const auto items = all(college(), rules(), ymd(2026, 9, 13));
    CHECK(matching(items, visit(0, 2)).empty());
    CHECK(matching(items, talk(2, 2)).empty());
    CHECK(periods(matching(items, rule_is(Rule::visits))) == std::vector<int>{1, 1, 1});
    CHECK(evaluate(college(), rules(), ymd(2026, 9, 6), keep_met()).empty());
  }

  TEST_CASE("keep_met_from/to keep the listed obligations and the others due in the window only") {
    const auto as_of = ymd(2026, 10, 12);
    const auto every = evaluate(college(), rules(), as_of, keep_met());
    auto options = keep_met();
    options.keep_met_from = ymd(2026, 9, 21);
    options.keep_met_to = ymd(2026, 10, 4);
    const auto windowed = evaluate(college(), rules(), as_of, options);
    std::vector<Obligation> expected;
    for (const auto& o : every) {
      const bool listed = o.status == Status::overdue || o.status == Status::due_soon || o.status == Status::at_risk;
      if (listed || within(o.due, ymd(2026, 9, 21), ymd(2026, 10, 4))) expected.push_back(o);
    }
    CHECK(windowed.size() < every.size());
    REQUIRE(windowed.size() == expected.size());
    for (std::size_t i = 0; i < windowed.size(); ++i) {
      CHECK(windowed[i].rule == expected[i].rule);
      CHECK(windowed[i].due == expected[i].due);
      CHECK(windowed[i].status == expected[i].status);
    }
  }

  TEST_CASE("holiday weeks carry no visits and no talks") {
    const auto items = all(college(), rules(), ymd(2026, 10, 12));
    CHECK(periods(matching(items, of_dorm(Rule::visits, 0))) == std::vector<int>{1, 2, 3, 5, 6});
    CHECK(periods(matching(items, [](const Obligation& o) { return o.student == 2; })) ==
          std::vector<int>{1, 2, 3, 5, 6});
  }

  TEST_CASE("a resident is due a talk when there on the period's first and last day") {
    auto in = college();
    in.people.push_back(person("2025009", "日语2501", 2025));  // person 6
    in.residences.push_back(lives(6, 0, ymd(2026, 9, 16)));    // Wednesday of week 2
    in.residences[0].to = ymd(2026, 9, 23);                    // 2 leaves in week 3
    const auto config = rules();

    SUBCASE("moved in mid-week: due from the next week") {
      const auto items = all(in, config, ymd(2026, 9, 27));
      CHECK(periods(matching(items, talk_of_student(6))) == std::vector<int>{3});
      CHECK(one(items, talk(6, 3)).status == Status::due_soon);
    }
    SUBCASE("moved out mid-week: not due that week") {
      const auto items = all(in, config, ymd(2026, 9, 27));
      CHECK(periods(matching(items, talk_of_student(2))) == std::vector<int>{1, 2});
    }
    SUBCASE("still there on the evaluation date: due until they leave") {
      CHECK(one(all(in, config, ymd(2026, 9, 22)), talk(2, 3)).status == Status::pending);
    }
  }

  TEST_CASE("a resident's last day is the day before `to`") {
    auto in = college();
    const auto config = rules();
    SUBCASE("moved out on Monday: still there on Sunday, due that week") {
      in.residences[0].to = ymd(2026, 9, 28);
      const auto items = all(in, config, ymd(2026, 9, 28));
      CHECK(periods(matching(items, talk_of_student(2))) == std::vector<int>{1, 2, 3});
    }
    SUBCASE("moved out on Sunday: not due that week") {
      in.residences[0].to = ymd(2026, 9, 27);
      const auto items = all(in, config, ymd(2026, 9, 28));
      CHECK(periods(matching(items, talk_of_student(2))) == std::vector<int>{1, 2});
    }
  }

  TEST_CASE("a dorm owes visits only in weeks it has a resident on the Monday") {
    auto in = college();
    in.residences[1].to = ymd(2026, 9, 14);  // dorm 1 is empty from the Monday of week 2
    const auto items = all(in, rules(), ymd(2026, 9, 21));
    CHECK(periods(matching(items, of_dorm(Rule::visits, 1))) == std::vector<int>{1});
    CHECK(periods(matching(items, of_dorm(Rule::visits, 0))) == std::vector<int>{1, 2, 3});
  }

  TEST_CASE("the responsible member is never due a talk with themselves") {
    auto in = college();
    in.residences.push_back(lives(1, 2, ymd(2026, 9, 1)));  // member 1 lives in the dorm they hold
    in.residences.push_back(lives(0, 2, ymd(2026, 9, 1)));  // member 0 lives there too
    const auto items = all(in, rules(), ymd(2026, 9, 14));
    CHECK(matching(items, talk_of_student(1)).empty());
    CHECK(periods(matching(items, talk_of_student(0))) == std::vector<int>{1, 2});
    CHECK(one(items, talk(0, 1)).member == 1);
  }

  TEST_CASE("a member replaced mid-week: visits by both count, a shortfall is the new member's") {
    auto in = college();
    // From the Wednesday of week 2, member 1 has dorm 0.
    in.assignments.push_back(version_from(ymd(2026, 9, 16), {{0, 1}, {1, 0}, {2, 1}}));
    const auto config = rules();

    in.visits = {visits(0, 2, 2, 0)};
    auto met = one(all(in, config, ymd(2026, 9, 21)), visit(0, 2));
    CHECK(met.status == Status::met);
    CHECK(met.member == 1);
    CHECK(met.counselor == 1);

    in.visits = {visits(0, 2, 1, 0)};
    auto short_visits = one(all(in, config, ymd(2026, 9, 21)), visit(0, 2));
    CHECK(short_visits.status == Status::overdue);
    CHECK(short_visits.member == 1);
    CHECK(short_visits.found == 1);
    CHECK(one(all(in, config, ymd(2026, 9, 21)), talk(2, 2)).member == 1);

    // Before the change the old member answers.
    CHECK(one(all(in, config, ymd(2026, 9, 15)), visit(0, 2)).member == 0);
  }

  TEST_CASE("visits entered late count and are marked late") {
    auto in = college();
    const auto config = rules();
    in.visits = {visits(0, 1, 2, 1)};
    auto late = one(all(in, config, ymd(2026, 9, 14)), visit(0, 1));
    CHECK(late.status == Status::met_late);
    CHECK(late.found == 2);
    CHECK(late.late == 1);

    in.visits = {visits(0, 1, 3, 1)};
    auto enough = one(all(in, config, ymd(2026, 9, 14)), visit(0, 1));
    CHECK(enough.status == Status::met);
    CHECK(enough.late == 1);

    in.visits = {visits(0, 1, 1, 1)};
    CHECK(one(all(in, config, ymd(2026, 9, 14)), visit(0, 1)).status == Status::overdue);
  }

  TEST_CASE("an excused week is waived") {
    auto in = college();
    auto config = rules();
    const auto as_of = ymd(2026, 9, 21);

    SUBCASE("an excuse for a dorm waives its visits and talks of the week") {
      in.excuses = {excuse(0, 0, 2)};
      const auto items = all(in, config, as_of);
      CHECK(one(items, visit(0, 2)).status == Status::waived);
      CHECK(one(items, talk(2, 2)).status == Status::waived);
      CHECK(one(items, visit(0, 1)).status == Status::overdue);
      CHECK(one(items, visit(1, 2)).status == Status::overdue);
      CHECK(one(items, talk(3, 2)).status == Status::overdue);
      CHECK(matching(evaluate(in, config, as_of), visit(0, 2)).empty());
    }
    SUBCASE("an excuse without a dorm waives every dorm of its member") {
      in.excuses = {excuse(0, -1, 2)};
      const auto items = all(in, config, as_of);
      CHECK(one(items, visit(0, 2)).status == Status::waived);
      CHECK(one(items, visit(1, 2)).status == Status::waived);
      CHECK(one(items, visit(2, 2)).status == Status::overdue);
    }
    SUBCASE("with excused_waives_week = false nothing is waived") {
      in.excuses = {excuse(0, 0, 2), excuse(0, -1, 2)};
      config.duties.excused_waives_week = false;
      CHECK(one(all(in, config, as_of), visit(0, 2)).status == Status::overdue);
    }
    SUBCASE("a longer talk period is waived only when all its duty weeks are") {
      config.duties.talk_period = Period::month;
      in.excuses = {excuse(0, 0, 2)};
      CHECK(one(all(in, config, ymd(2026, 9, 28)), talk(2, 1)).status == Status::overdue);
      in.excuses = {excuse(0, 0, 1), excuse(0, 0, 2), excuse(0, 0, 3)};
      CHECK(one(all(in, config, ymd(2026, 9, 28)), talk(2, 1)).status == Status::waived);
    }
    SUBCASE("a met week stays met") {
      in.excuses = {excuse(0, 0, 2)};
      in.visits = {visits(0, 2, 2, 0)};
      CHECK(one(all(in, config, as_of), visit(0, 2)).status == Status::met);
    }
  }

  TEST_CASE("biweekly talks: pairs of teaching weeks, holiday weeks left out") {
    auto in = college();
    auto config = rules();
    config.duties.talk_period = Period::biweek;
    in.talks = {talked(2, (1u << 2) | (1u << 4))};  // student 2: talks in weeks 2 and 4 (holiday)
    const auto items = matching(all(in, config, ymd(2026, 10, 12)), talk_of_student(2));
    CHECK(periods(items) == std::vector<int>{1, 2, 3});
    CHECK(items[0].status == Status::met);
    CHECK(items[0].window_from == ymd(2026, 9, 7));
    CHECK(items[0].due == ymd(2026, 9, 20));
    CHECK(items[1].window_from == ymd(2026, 9, 21));  // week 3 only: week 4 is a holiday
    CHECK(items[1].due == ymd(2026, 9, 27));
    CHECK(items[1].status == Status::overdue);  // the holiday week's talk does not count
    CHECK(items[2].window_from == ymd(2026, 10, 5));
    CHECK(items[2].due == ymd(2026, 10, 18));
    CHECK(items[2].status == Status::pending);

    SUBCASE("a pair without duty weeks is skipped, the numbering is kept") {
      in.semester.holiday_weeks = {3, 4};
      const auto pairs = matching(all(in, config, ymd(2026, 10, 12)), talk_of_student(2));
      CHECK(periods(pairs) == std::vector<int>{1, 3});
    }
  }

  TEST_CASE("monthly talks: the duty weeks whose Monday is in the month") {
    auto in = college();
    auto config = rules();
    config.duties.talk_period = Period::month;
    in.talks = {talked(2, 1u << 3)};
    const auto items = matching(all(in, config, ymd(2026, 10, 5)), talk_of_student(2));
    REQUIRE(periods(items) == std::vector<int>{1, 2});
    CHECK(items[0].window_from == ymd(2026, 9, 7));
    CHECK(items[0].window_to == ymd(2026, 9, 27));
    CHECK(items[0].status == Status::met);
    CHECK(items[1].window_from == ymd(2026, 10, 5));
    CHECK(items[1].window_to == ymd(2026, 11, 1));  // weeks 5-8
    CHECK(items[1].status == Status::pending);
  }

  TEST_CASE("a semester talk period runs to the last duty week") {
    auto in = college();
    auto config = rules();
    config.duties.talk_period = Period::semester;
    auto item = one(all(in, config, ymd(2026, 12, 28)), talk(2, 1));
    CHECK(item.window_from == ymd(2026, 9, 7));
    CHECK(item.due == ymd(2026, 12, 27));  // week 16; 17-18 are exams
    CHECK(item.status == Status::overdue);
    in.talks = {talked(2, 1u << 16)};
    CHECK(one(all(in, config, ymd(2026, 12, 28)), talk(2, 1)).status == Status::met);
    in.talks = {talked(2, 1u << 4)};  // a talk in the holiday week, inside weeks 1..16, counts
    CHECK(one(all(in, config, ymd(2026, 12, 28)), talk(2, 1)).status == Status::met);
  }

  TEST_CASE("attention students have their own items when their period is shorter") {
    auto in = college();
    in.residences[1].attention = true;  // student 3, dorm 1
    auto config = rules();
    config.duties.talk_period = Period::month;
    config.duties.attention_talk_period = Period::week;
    in.talks = {talked(3, 1u << 2)};
    const auto items = all(in, config, ymd(2026, 9, 14));
    const auto attention = matching(items, rule_is(Rule::attention_talks));
    REQUIRE(periods(attention) == std::vector<int>{1, 2});
    CHECK(attention[0].student == 3);
    CHECK(attention[0].status == Status::overdue);
    CHECK(attention[1].status == Status::met);
    CHECK(one(items, talk(3, 1)).status == Status::met);  // the monthly talk
    CHECK(one(items, talk(2, 1)).status == Status::pending);

    SUBCASE("not when the attention period is as long as the talk period") {
      config.duties.attention_talk_period = Period::month;
      CHECK(matching(all(in, config, ymd(2026, 9, 14)), rule_is(Rule::attention_talks)).empty());
      config.duties.attention_talk_period = Period::semester;
      CHECK(matching(all(in, config, ymd(2026, 9, 14)), rule_is(Rule::attention_talks)).empty());
    }
  }

  TEST_CASE("activities: pending, at risk with few duty weeks left, overdue after the semester") {
    auto in = college();
    auto config = rules();
    auto activity = [&](Date as_of) { return one(all(in, config, as_of), of_dorm(Rule::activity, 0)); };
    CHECK(activity(ymd(2026, 11, 30)).status == Status::pending);  // week 13: 13-16 left
    CHECK(activity(ymd(2026, 12, 7)).status == Status::at_risk);   // week 14: 14-16 left
    CHECK(activity(ymd(2027, 1, 5)).status == Status::at_risk);    // exams: none left
    const auto after = activity(ymd(2027, 1, 11));
    CHECK(after.status == Status::overdue);
    CHECK(after.due == ymd(2027, 1, 10));
    CHECK(after.member == 0);
    CHECK(after.expected == 1);

    in.kind_records = {record(CountedKind::activity, 1, 0, 3, ymd(2026, 9, 22))};
    CHECK(activity(ymd(2026, 12, 7)).status == Status::met);

    SUBCASE("check.at_risk_weeks") {
      config.check.at_risk_weeks = 2;
      in.kind_records.clear();
      CHECK(activity(ymd(2026, 12, 7)).status == Status::pending);
    }
    SUBCASE("per member") {
      config.duties.activity_scope = DutyScope::member;
      in.kind_records = {record(CountedKind::activity, 0, -1, 3, ymd(2026, 9, 22))};
      const auto items = matching(all(in, config, ymd(2026, 12, 7)), rule_is(Rule::activity));
      REQUIRE(items.size() == 2);
      CHECK(one(items, of_member(Rule::activity, 0)).status == Status::met);
      CHECK(one(items, of_member(Rule::activity, 1)).status == Status::at_risk);
      CHECK(one(items, of_member(Rule::activity, 1)).dorm == -1);
    }
    SUBCASE("none asked for, none listed") {
      config.duties.symposiums_per_semester = 0;
      CHECK(matching(all(in, config, ymd(2026, 12, 7)), rule_is(Rule::symposium)).empty());
      CHECK(matching(all(in, rules(), ymd(2026, 12, 7)), rule_is(Rule::symposium)).size() == 3);
    }
  }

  TEST_CASE("the member summary is due the semester's last day") {
    auto in = college();
    const auto config = rules();
    auto summary = [&](Date as_of) { return one(all(in, config, as_of), of_member(Rule::member_summary, 1)); };
    CHECK(summary(ymd(2026, 12, 7)).status == Status::at_risk);
    in.kind_records = {record(CountedKind::summary, 1, -1, 18, ymd(2027, 1, 10))};
    CHECK(summary(ymd(2027, 1, 12)).status == Status::met);
    in.kind_records = {record(CountedKind::summary, 1, -1, 18, ymd(2027, 1, 11))};
    const auto late = summary(ymd(2027, 1, 12));
    CHECK(late.status == Status::met_late);
    CHECK(late.late == 1);
  }

  TEST_CASE("work plan: due at the end of work_plan_due_week, later for members assigned late") {
    auto in = college();
    const auto config = rules();
    auto plan = [&](int member, Date as_of) { return one(all(in, config, as_of), of_member(Rule::work_plan, member)); };

    const auto missing = plan(0, ymd(2026, 9, 21));
    CHECK(missing.status == Status::overdue);
    CHECK(missing.due == ymd(2026, 9, 20));

    in.kind_records = {record(CountedKind::plan, 0, -1, 2, ymd(2026, 9, 20))};
    CHECK(plan(0, ymd(2026, 9, 21)).status == Status::met);

    in.kind_records = {record(CountedKind::plan, 0, -1, 2, ymd(2026, 9, 22))};
    const auto late = plan(0, ymd(2026, 9, 22));
    CHECK(late.status == Status::met_late);
    CHECK(late.late == 1);

    SUBCASE("a member who first holds dorms in week 4 has a week") {
      in.assignments.push_back(version_from(ymd(2026, 9, 28), {{0, 0}, {1, 0}, {2, 5}}));
      const auto newcomer = plan(5, ymd(2026, 10, 4));
      CHECK(newcomer.due == ymd(2026, 10, 5));
      CHECK(newcomer.status == Status::due_soon);
      CHECK(matching(all(in, config, ymd(2026, 10, 4)), of_member(Rule::work_plan, 1)).empty());
    }
  }

  TEST_CASE("orientation: autumn dorms with a first-year resident, weeks 1..orientation_weeks") {
    auto in = college();
    in.people[4].cohort = 2026;  // dorm 2
    auto config = rules();
    auto orientation = [&](Date as_of) { return matching(all(in, config, as_of), rule_is(Rule::orientation)); };

    const auto items = orientation(ymd(2026, 9, 21));
    REQUIRE(items.size() == 1);
    CHECK(items[0].dorm == 2);
    CHECK(items[0].member == 1);
    CHECK(items[0].window_from == ymd(2026, 9, 7));
    CHECK(items[0].due == ymd(2026, 9, 20));
    CHECK(items[0].status == Status::overdue);

    in.kind_records = {record(CountedKind::orientation, 1, 2, 2, ymd(2026, 9, 18))};
    CHECK(orientation(ymd(2026, 9, 21)).front().status == Status::met);
    in.kind_records = {record(CountedKind::orientation, 1, 2, 2, ymd(2026, 9, 21))};  // entered late
    CHECK(orientation(ymd(2026, 9, 21)).front().status == Status::met_late);
    CHECK(orientation(ymd(2026, 9, 21)).front().late == 1);
    in.kind_records = {record(CountedKind::orientation, 1, 2, 3, ymd(2026, 9, 22))};  // week 3: too late
    CHECK(orientation(ymd(2026, 9, 22)).front().status == Status::overdue);

    SUBCASE("an assignment made during the window still owes it") {
      in.assignments.front().valid_from = ymd(2026, 9, 9);
      CHECK(orientation(ymd(2026, 9, 21)).size() == 1);
    }
    SUBCASE("an assignment made after the window owes nothing") {
      in.assignments.front().valid_from = ymd(2026, 9, 21);
      CHECK(orientation(ymd(2026, 9, 22)).empty());
    }
    SUBCASE("not in spring, not with orientation_weeks = 0") {
      config.duties.orientation_weeks = 0;
      CHECK(orientation(ymd(2026, 9, 21)).empty());
      config.duties.orientation_weeks = 2;
      in.semester.first_monday = ymd(2027, 3, 1);
      for (auto& r : in.residences) r.from = ymd(2027, 2, 20);
      in.assignments.front().valid_from = ymd(2027, 2, 20);
      CHECK(orientation(ymd(2027, 3, 15)).empty());
    }
  }

  TEST_CASE("feedback forms: due the Monday after the period, met late after it") {
    auto in = college();
    const auto config = rules();

    const auto soon = one(all(in, config, ymd(2026, 9, 20)), form(0, 1));
    CHECK(soon.status == Status::due_soon);
    CHECK(soon.due == ymd(2026, 9, 21));
    CHECK(soon.window_from == ymd(2026, 9, 7));
    CHECK(soon.window_to == ymd(2026, 9, 20));
    CHECK(soon.counselor == 0);
    CHECK(one(all(in, config, ymd(2026, 9, 22)), form(0, 1)).status == Status::overdue);

    in.submissions = {submitted(false, "2024001", 1, ymd(2026, 9, 21))};
    CHECK(one(all(in, config, ymd(2026, 9, 22)), form(0, 1)).status == Status::met);
    // The earliest submission counts; a subject nobody has is ignored.
    in.submissions = {submitted(false, "2024001", 1, ymd(2026, 9, 23)),
                      submitted(false, "2024001", 1, ymd(2026, 9, 21)),
                      submitted(false, "9999999", 1, ymd(2026, 9, 21))};
    CHECK(one(all(in, config, ymd(2026, 9, 23)), form(0, 1)).status == Status::met);
    in.submissions = {submitted(false, "2024001", 1, ymd(2026, 9, 22)),
                      submitted(false, "2024001", 2, ymd(2026, 9, 20))};
    const auto late = one(all(in, config, ymd(2026, 9, 22)), form(0, 1));
    CHECK(late.status == Status::met_late);
    CHECK(late.late == 1);
    CHECK(one(all(in, config, ymd(2026, 9, 22)), form(0, 2)).status == Status::met);

    SUBCASE("counselor summaries: due the Tuesday, one per counselor with members due") {
      in.submissions = {submitted(true, "T01", 1, ymd(2026, 9, 22))};
      const auto items = matching(all(in, config, ymd(2026, 9, 23)), rule_is(Rule::counselor_summary));
      REQUIRE(items.size() == 4);  // periods 1 and 2 of counselors 0 and 1
      CHECK(items[0].counselor == 0);
      CHECK(items[0].member == -1);
      CHECK(items[0].period == 1);
      CHECK(items[0].due == ymd(2026, 9, 22));
      CHECK(items[0].status == Status::met);
      CHECK(items[2].counselor == 1);
      CHECK(items[2].status == Status::overdue);
    }
    SUBCASE("every member who held a dorm during the period") {
      in.assignments.push_back(version_from(ymd(2026, 9, 16), {{0, 0}, {1, 0}, {2, 5}}));
      const auto items = all(in, config, ymd(2026, 9, 28));
      CHECK(matching(items, form(1, 1)).size() == 1);
      CHECK(matching(items, form(5, 1)).size() == 1);
      CHECK(matching(items, form(1, 2)).empty());
      CHECK(matching(items, form(5, 2)).size() == 1);
    }
    SUBCASE("a period without duty weeks asks for no form") {
      const auto items = all(in, config, ymd(2027, 1, 11));
      CHECK(matching(items, form(0, 8)).size() == 1);
      CHECK(matching(items, form(0, 9)).empty());
    }
  }

  TEST_CASE("incident reports: acknowledged by staff within incident_report_hours of being found") {
    auto in = college();
    auto config = rules();
    in.incidents = {incident(7, 0, 0, LocalDateTime{ymd(2026, 9, 15), 20, 0, true})};
    auto report = [&](Date as_of) { return one(all(in, config, as_of), rule_is(Rule::incident_report)); };

    const auto open = report(ymd(2026, 9, 16));
    CHECK(open.status == Status::due_soon);
    CHECK(open.due == ymd(2026, 9, 16));
    CHECK(open.record_id == 7);
    CHECK(open.member == 0);
    CHECK(open.dorm == 0);
    CHECK(open.window_from == ymd(2026, 9, 15));
    CHECK(report(ymd(2026, 9, 15)).status == Status::pending);  // listed from the due day only
    CHECK(report(ymd(2026, 9, 17)).status == Status::overdue);
    CHECK(matching(all(in, config, ymd(2026, 9, 14)), rule_is(Rule::incident_report)).empty());

    in.incidents[0].reported = LocalDateTime{ymd(2026, 9, 15), 21, 0, true};  // the member's claim alone
    CHECK(report(ymd(2026, 9, 17)).status == Status::overdue);
    in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 16), 20, 0, true};
    CHECK(report(ymd(2026, 9, 17)).status == Status::met);
    in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 16), 20, 1, true};
    const auto late = report(ymd(2026, 9, 17));
    CHECK(late.status == Status::met_late);
    CHECK(late.late == 1);

    SUBCASE("the deadline can fall two days later") {
      config.duties.incident_report_hours = 30;
      in.incidents[0].steps.acknowledged.reset();
      CHECK(report(ymd(2026, 9, 17)).due == ymd(2026, 9, 17));
    }
    SUBCASE("found without a time: from the end of that day") {
      in.incidents[0].found = LocalDateTime{ymd(2026, 9, 15), 0, 0, false};
      in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 16), 23, 59, true};
      const auto item = report(ymd(2026, 9, 17));
      CHECK(item.due == ymd(2026, 9, 16));
      CHECK(item.status == Status::met);
      in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 17), 0, 0, true};
      CHECK(report(ymd(2026, 9, 17)).status == Status::met_late);
    }
    SUBCASE("acknowledged without a time: from the start of that day") {
      in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 16), 0, 0, false};
      CHECK(report(ymd(2026, 9, 17)).status == Status::met);
      in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 17), 0, 0, false};
      CHECK(report(ymd(2026, 9, 17)).status == Status::met_late);
    }
  }

  TEST_CASE("incident acknowledgements count once they have happened: one after the as-of date is not yet made") {
    auto in = college();
    auto config = rules();
    in.incidents = {incident(7, 0, 0, LocalDateTime{ymd(2026, 9, 15), 20, 0, true})};
    in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 9, 16), 9, 0, true};
    const auto before = one(all(in, config, ymd(2026, 9, 15)), rule_is(Rule::incident_report));
    CHECK(before.status == Status::pending);
    CHECK(before.found == 0);
    const auto after = one(all(in, config, ymd(2026, 9, 16)), rule_is(Rule::incident_report));
    CHECK(after.status == Status::met);
    CHECK(after.minutes == 13 * 60);
  }

  TEST_CASE("incident hours are elapsed time: a daylight-saving change does not shorten them") {
    auto in = college();
    auto config = rules();
    config.college.time_zone = "America/New_York";  // clocks go back at 02:00 on 2026-11-01
    in.incidents = {incident(7, 0, 0, LocalDateTime{ymd(2026, 10, 31), 20, 0, true})};
    auto report = [&] { return one(all(in, config, ymd(2026, 11, 3)), rule_is(Rule::incident_report)); };
    in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 11, 1), 19, 30, true};  // 24.5 h later
    CHECK(report().status == Status::met_late);
    CHECK(report().minutes == 24 * 60 + 30);
    in.incidents[0].steps.acknowledged = LocalDateTime{ymd(2026, 11, 1), 19, 0, true};  // exactly 24 h
    CHECK(report().status == Status::met);
    CHECK(report().due == ymd(2026, 11, 1));
    SUBCASE("nor does a spring change lengthen them") {
      in.semester.first_monday = ymd(2026, 3, 2);
      for (auto& v : in.assignments) v.valid_from = ymd(2026, 3, 2);
      in.incidents[0].found = LocalDateTime{ymd(2026, 3, 7), 20, 0, true};  // clocks go forward 2026-03-08
      in.incidents[0].steps.acknowledged =
          LocalDateTime{ymd(2026, 3, 8), 20, 30, true};  // 23.5 h later, 24.5 by the wall
      const auto item = one(all(in, config, ymd(2026, 3, 10)), rule_is(Rule::incident_report));
      CHECK(item.status == Status::met);
      CHECK(item.minutes == 23 * 60 + 30);
    }
  }

  TEST_CASE("no assignment in force: one overdue item and nothing else") {
    auto in = college();
    in.assignments.front().valid_from = ymd(2026, 9, 21);
    const auto items = all(in, rules(), ymd(2026, 9, 14));
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule == Rule::no_assignment);
    CHECK(items[0].status == Status::overdue);
    CHECK(items[0].member == -1);
    CHECK(items[0].dorm == -1);
    CHECK(items[0].counselor == -1);
    in.assignments.clear();
    CHECK(all(in, rules(), ymd(2026, 9, 14)).size() == 1);
  }

  TEST_CASE("structural rules: member left, dorm count, dorm without member") {
    auto in = college();
    auto config = rules();
    SUBCASE("a member no longer eligible") {
      in.eligibility[1].to = ymd(2026, 9, 10);
      CHECK(matching(all(in, config, ymd(2026, 9, 9)), rule_is(Rule::member_left)).empty());
      const auto left = one(all(in, config, ymd(2026, 9, 10)), rule_is(Rule::member_left));
      CHECK(left.member == 1);
      CHECK(left.counselor == 1);
      CHECK(left.status == Status::overdue);
      in.eligibility.push_back(eligible(1, ymd(2026, 9, 10), false));
      CHECK(one(all(in, config, ymd(2026, 9, 20)), rule_is(Rule::member_left)).member == 1);
    }
    SUBCASE("too few and too many dorms") {
      config.assignment.min_dorms = 2;
      config.assignment.max_dorms = 3;
      in.dorms = {"A101", "A102", "A103", "A104", "A105"};
      in.assignments.front().pairs.push_back({3, 0});
      in.assignments.front().pairs.push_back({4, 0});
      const auto counts = matching(all(in, config, ymd(2026, 9, 14)), rule_is(Rule::member_dorm_count));
      REQUIRE(counts.size() == 2);
      CHECK(counts[0].member == 0);
      CHECK(counts[0].expected == 3);
      CHECK(counts[0].found == 4);
      CHECK(counts[1].member == 1);
      CHECK(counts[1].expected == 2);
      CHECK(counts[1].found == 1);
    }
    SUBCASE("a dorm with residents and no member") {
      in.dorms = {"A101", "A102", "A103", "A104", "A105"};
      in.residences.push_back(lives(5, 3, ymd(2026, 9, 1)));
      const auto items = matching(all(in, config, ymd(2026, 9, 14)), rule_is(Rule::dorm_without_member));
      REQUIRE(items.size() == 1);
      CHECK(items[0].dorm == 3);
      CHECK(items[0].counselor == -1);
      CHECK(matching(all(in, config, ymd(2027, 1, 11)), rule_is(Rule::dorm_without_member)).empty());
    }
  }

  TEST_CASE("counselor_of: the class's counselor, else the cohort's with the lowest staff id") {
    CheckInput in;
    in.people = {person("1", "英语2401", 2024), person("2", "英语2402", 2024), person("3", "英语2301", 2023),
                 person("4", "", 2024)};
    in.counselors = {counselor("T03", {2024}, {}), counselor("T01", {}, {"英语2401"}), counselor("T02", {2024}, {})};
    CHECK(counselor_of(in, 0) == 1);  // by class, though T02 and T03 have the cohort
    CHECK(counselor_of(in, 1) == 2);  // by cohort: T02 before T03
    CHECK(counselor_of(in, 2) == -1);
    CHECK(counselor_of(in, 3) == 2);
    CHECK(counselor_of(in, 4) == -1);
    CHECK(counselor_of(in, -1) == -1);
  }

  TEST_CASE(
      "items are sorted by counselor (none last), unacknowledged incidents, member, rule, dorm, window, student") {
    auto in = college();
    in.dorms.push_back("A104");
    in.residences.push_back(lives(5, 3, ymd(2026, 9, 1)));  // dorm without member
    in.incidents = {incident(9, -1, 1, LocalDateTime{ymd(2026, 9, 10), 8, 0, true})};
    const auto items = evaluate(in, rules(), ymd(2026, 9, 22));
    REQUIRE(items.size() > 10);
    auto key = [](const Obligation& o) {
      const int case_first = o.rule == Rule::incident_report && o.status == Status::overdue ? 0 : 1;
      return std::tuple(o.counselor < 0 ? 1 : 0, o.counselor, case_first, o.member, o.rule, o.dorm, o.window_from,
                        o.student);
    };
    auto in_order = [&](const Obligation& a, const Obligation& b) { return key(a) < key(b); };
    CHECK(std::is_sorted(items.begin(), items.end(), in_order));
    // The counselor's own summary leads the group (no member), college-wide items close the list.
    CHECK(items.front().counselor == 0);
    CHECK(items.front().rule == Rule::counselor_summary);
    CHECK(items.back().counselor == -1);
    CHECK(items.back().rule == Rule::dorm_without_member);
    // An unacknowledged incident leads its counselor's group (docs/check.md "Cases").
    const auto no_counselor = matching(items, [](const Obligation& o) { return o.counselor == -1; });
    REQUIRE_FALSE(no_counselor.empty());
    CHECK(no_counselor.front().rule == Rule::incident_report);
    const auto member0 = matching(items, [](const Obligation& o) { return o.member == 0; });
    std::vector<Rule> rules_of_member0;
    for (const auto& o : member0) {
      if (rules_of_member0.empty() || rules_of_member0.back() != o.rule) rules_of_member0.push_back(o.rule);
    }
    const std::vector<Rule> expected{Rule::work_plan, Rule::visits, Rule::talks, Rule::feedback_form};
    CHECK(rules_of_member0 == expected);
  }

  TEST_CASE("options.counselor returns exactly that counselor's items, in the same order") {
    auto in = college();
    in.dorms.push_back("A104");
    in.residences.push_back(lives(5, 3, ymd(2026, 9, 1)));
    in.incidents = {incident(9, -1, 1, LocalDateTime{ymd(2026, 9, 10), 8, 0, true})};
    const auto config = rules();
    const auto every = all(in, config, ymd(2026, 9, 22));
    REQUIRE_FALSE(in.counselors.empty());
    for (int c = 0; c < static_cast<int>(in.counselors.size()); ++c) {
      const auto mine = evaluate(in, config, ymd(2026, 9, 22), keep_met(c));
      const auto expected = matching(every, [c](const Obligation& o) { return o.counselor == c; });
      REQUIRE_FALSE(expected.empty());
      REQUIRE(mine.size() == expected.size());
      CHECK(std::equal(mine.begin(), mine.end(), expected.begin(), [](const auto& a, const auto& b) {
        return std::tie(a.rule, a.status, a.member, a.dorm, a.student, a.period, a.counselor) ==
               std::tie(b.rule, b.status, b.member, b.dorm, b.student, b.period, b.counselor);
      }));
    }
  }

  TEST_CASE("without keep_met only due soon, at risk and overdue items are returned") {
    auto in = college();
    in.visits = {visits(0, 1, 2, 0)};
    in.excuses = {excuse(0, 1, 1)};
    const auto config = rules();
    const auto every = all(in, config, ymd(2026, 9, 19));
    const auto listed = evaluate(in, config, ymd(2026, 9, 19));
    auto has = [&](Status s) {
      return std::any_of(every.begin(), every.end(), [s](const Obligation& o) { return o.status == s; });
    };
    CHECK(has(Status::met));
    CHECK(has(Status::waived));
    CHECK(has(Status::pending));
    CHECK(has(Status::due_soon));
    CHECK(has(Status::overdue));
    const auto expected = matching(every, [](const Obligation& o) {
      return o.status == Status::due_soon || o.status == Status::at_risk || o.status == Status::overdue;
    });
    REQUIRE(listed.size() == expected.size());
    CHECK(std::equal(listed.begin(), listed.end(), expected.begin(), [](const auto& a, const auto& b) {
      return std::tie(a.rule, a.status, a.member, a.dorm, a.student, a.period) ==
             std::tie(b.rule, b.status, b.member, b.dorm, b.student, b.period);
    }));
  }

  TEST_CASE("university scale: 40,000 people, 10,000 dorms, a whole semester") {
    constexpr int k_people = 40000;
    constexpr int k_dorms = 10000;
    constexpr int k_members = 4000;
    auto member_of = [](int dorm) { return 10 * (dorm % k_members) + 1; };
    CheckInput in;
    in.semester = autumn();
    for (int i = 0; i < k_people; ++i) {
      in.people.push_back(person(std::to_string(10000000 + i), "c" + std::to_string(i % 200), 2024));
      // Everyone talked to every week, except every seventh student in week 5.
      in.talks.push_back(talked(i, 0x7fffffeu & (i % 7 == 0 ? ~(1u << 5) : ~0u)));
      in.residences.push_back(lives(i, i / 4, ymd(2026, 9, 1)));
    }
    auto version = version_from(ymd(2026, 9, 1), {});
    int due_talks = 0;
    int missed_talks = 0;
    for (int d = 0; d < k_dorms; ++d) {
      in.dorms.push_back("D" + std::to_string(100000 + d));
      version.pairs.emplace_back(d, member_of(d));
      for (int week = 1; week <= 16; ++week) in.visits.push_back(visits(d, week, 2, 0));
      for (int r = 4 * d; r < 4 * d + 4; ++r) {
        if (r == member_of(d)) continue;
        ++due_talks;
        if (r % 7 == 0) ++missed_talks;
      }
    }
    in.assignments.push_back(version);
    for (int k = 0; k < k_members; ++k) in.eligibility.push_back(eligible(member_of(k), ymd(2026, 9, 1)));
    const Config config;
    const auto as_of = ymd(2027, 1, 10);

    auto started = std::chrono::steady_clock::now();
    const auto listed = evaluate(in, config, as_of);
    const auto listed_ms = elapsed_ms(started);
    INFO("evaluate, university scale, listed only: ", listed_ms, " ms");
    // Missed talks; activity, symposium (at risk: no duty week left), summary (at risk), work plan
    // and 8 forms per member (overdue); week 5 is the only talk missed.
    CHECK(listed.size() ==
          static_cast<std::size_t>(missed_talks + k_dorms + k_dorms + k_members + k_members + 8 * k_members));
    CHECK(matching(listed, rule_is(Rule::visits)).empty());

    started = std::chrono::steady_clock::now();
    const auto every = evaluate(in, config, as_of, keep_met());
    const auto every_ms = elapsed_ms(started);
    INFO("evaluate, university scale, keep_met: ", every_ms, " ms");
    CHECK(matching(every, rule_is(Rule::talks)).size() == static_cast<std::size_t>(due_talks * 15));
    CHECK(matching(every, rule_is(Rule::visits)).size() == static_cast<std::size_t>(k_dorms * 15));
  }
}
