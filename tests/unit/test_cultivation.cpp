// 入党积极分子培养 counted, marks and the commendation list (docs/studio.md): months and
// requirements computed by hand on the example calendar, the commendation order with ties.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dormlink/check/obligations.hpp"
#include "dormlink/report/assessment_marks.hpp"
#include "dormlink/report/cultivation.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::chrono::year_month ym(int y, unsigned m) { return std::chrono::year{y} / std::chrono::month{m}; }

// The example college's autumn: week 1 from 2026-09-07, week 4 (28 Sep - 4 Oct) a holiday,
// weeks 17-18 (from 28 Dec) exams, the last day 2027-01-10.
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

check::Person person(const char* id, const char* name) {
  check::Person p;
  p.id = id;
  p.name = name;
  return p;
}

check::Residence stay(int person, int dorm, Date from, std::optional<Date> to = std::nullopt) {
  check::Residence r;
  r.person = person;
  r.dorm = dorm;
  r.from = from;
  r.to = to;
  return r;
}

// 王强 (0) holds 1-101, 李明 (5) holds 1-102. 张三 (1, activist) lives in 1-101 all along (two
// roster versions: one stay); 李四 (2, activist) moved from 1-102 to 1-101 on 2026-10-21; 赵五
// (3) is no activist; 钱六 (4, activist) lives in 1-102.
check::CheckInput college() {
  check::CheckInput in;
  in.semester = autumn();
  in.people = {person("2023110101", "王强"), person("2025110101", "张三"), person("2025110102", "李四"),
               person("2025110103", "赵五"), person("2025110104", "钱六"), person("2023110102", "李明")};
  in.dorms = {"1-101", "1-102"};
  in.residences = {stay(1, 0, ymd(2026, 9, 7), ymd(2026, 10, 1)),
                   stay(1, 0, ymd(2026, 10, 1)),
                   stay(2, 1, ymd(2026, 9, 7), ymd(2026, 10, 21)),
                   stay(2, 0, ymd(2026, 10, 21)),
                   stay(3, 0, ymd(2026, 9, 7)),
                   stay(4, 1, ymd(2026, 9, 7))};
  check::AssignmentVersion v;
  v.valid_from = ymd(2026, 9, 7);
  v.pairs = {{0, 0}, {1, 5}};
  in.assignments = {v};
  return in;
}

CultivationRecord record(std::int64_t id, bool education, int member, int dorm, Date day, std::vector<int> students) {
  return CultivationRecord{id, education, member, dorm, day, std::move(students)};
}

CultivationInput input_of(const check::CheckInput& check, int per_month, Date as_of) {
  CultivationInput in;
  in.check = &check;
  in.activists = {1, 2, 4};
  in.per_month = per_month;
  in.as_of = as_of;
  in.records = {record(1, false, 0, 0, ymd(2026, 9, 10), {1}), record(2, false, 0, 0, ymd(2026, 10, 22), {1, 2, 2}),
                record(3, false, 5, 1, ymd(2026, 9, 15), {2}), record(4, true, 0, 0, ymd(2026, 10, 10), {}),
                record(5, true, 0, -1, ymd(2026, 11, 1), {}),  record(6, false, 0, 0, ymd(2026, 11, 20), {1})};
  return in;
}

MemberAssessment assessed(const char* id, int score_tenths) {
  MemberAssessment m;
  m.id = id;
  m.name = id;
  m.score_tenths = score_tenths;
  return m;
}

std::optional<Mark> mark(const char* value) { return Mark{value, "T1", "李洁", "2026-11-16 10:00", ""}; }

}  // namespace

TEST_SUITE("cultivation") {
  TEST_CASE("duty months: calendar months of the duty weeks begun by the date, by their Mondays") {
    const auto s = autumn();
    SUBCASE("all along, evaluated in week 11: September, October, November") {
      const auto months = duty_months(s, ymd(2026, 9, 7), ymd(2026, 11, 16));
      CHECK(months == std::vector{ym(2026, 9), ym(2026, 10), ym(2026, 11)});
    }
    SUBCASE("moved in on a Wednesday of week 7: October (its week counts) and November") {
      CHECK(duty_months(s, ymd(2026, 10, 21), ymd(2026, 11, 16)) == std::vector{ym(2026, 10), ym(2026, 11)});
    }
    SUBCASE("the holiday week 4 begins in September and is no duty week: October only from week 5") {
      CHECK(duty_months(s, ymd(2026, 9, 7), ymd(2026, 10, 4)).size() == 1);
      CHECK(duty_months(s, ymd(2026, 9, 7), ymd(2026, 10, 5)).size() == 2);
    }
    SUBCASE("exam weeks 17 and 18 (from 28 December) carry no duty: January never counts") {
      CHECK(duty_months(s, ymd(2026, 9, 7), s.last_day()) ==
            std::vector{ym(2026, 9), ym(2026, 10), ym(2026, 11), ym(2026, 12)});
    }
    SUBCASE("before the first Monday: no month") { CHECK(duty_months(s, ymd(2026, 9, 1), ymd(2026, 9, 6)).empty()); }
    SUBCASE("a month whose only week is a holiday does not count") {
      Semester short_one = s;
      short_one.first_monday = ymd(2026, 9, 28);
      short_one.teaching_weeks = 2;
      short_one.holiday_weeks = {1};
      short_one.exam_weeks = {};
      CHECK(duty_months(short_one, ymd(2026, 9, 28), ymd(2026, 10, 10)) == std::vector{ym(2026, 10)});
    }
  }

  TEST_CASE("activists per dorm: done against one contact a month, by hand") {
    const auto check = college();
    const auto c = build_cultivation(input_of(check, 1, ymd(2026, 11, 16)));
    REQUIRE(c.enabled);
    REQUIRE(c.members.size() == 2);
    const auto* wang = c.find("2023110101");
    REQUIRE(wang != nullptr);
    REQUIRE(wang->dorms.size() == 1);
    const auto& d = wang->dorms[0];
    CHECK(d.dorm == "1-101");
    REQUIRE(d.activists.size() == 2);
    // 李四 (li) before 张三 (zhang); 李四 moved in on 10-21: October and November.
    CHECK(d.activists[0].name == "李四");
    CHECK(d.activists[0].months == 2);
    CHECK(d.activists[0].required == 2);
    CHECK(d.activists[0].done == 2);  // record 3 (in 1-102, by 李明) and record 2 (named twice: once)
    CHECK(d.activists[1].name == "张三");
    CHECK(d.activists[1].months == 3);  // two roster versions, one stay
    CHECK(d.activists[1].required == 3);
    CHECK(d.activists[1].done == 2);  // records 1 and 2; record 6 is after the date
    CHECK(d.cultivation == 2);
    CHECK(d.education == 1);
    CHECK(wang->activists == 2);
    CHECK(wang->required == 5);
    CHECK(wang->done == 4);
    CHECK(wang->education == 2);  // one in the dorm, one without a dorm
    const auto* li = c.find("2023110102");
    REQUIRE(li != nullptr);
    REQUIRE(li->dorms[0].activists.size() == 1);
    CHECK(li->dorms[0].activists[0].name == "钱六");
    CHECK(li->dorms[0].activists[0].required == 3);
    CHECK(li->dorms[0].activists[0].done == 0);
    CHECK(li->dorms[0].cultivation == 1);
  }

  TEST_CASE("two a month doubles the requirement, done is capped in the member's total") {
    const auto check = college();
    const auto c = build_cultivation(input_of(check, 2, ymd(2026, 11, 16)));
    const auto* wang = c.find("2023110101");
    REQUIRE(wang != nullptr);
    CHECK(wang->required == 10);
    CHECK(wang->done == 4);
    const auto later = build_cultivation(input_of(check, 1, ymd(2027, 3, 1)));
    CHECK(later.on == ymd(2027, 1, 10));  // after the semester: its last day
    CHECK(later.find("2023110101")->dorms[0].activists[1].required == 4);
  }

  TEST_CASE("0 turns the count off") {
    const auto check = college();
    const auto c = build_cultivation(input_of(check, 0, ymd(2026, 11, 16)));
    CHECK_FALSE(c.enabled);
    CHECK(c.members.empty());
  }

  TEST_CASE("the committee sees counts, never an activist's name") {
    const auto check = college();
    const auto c = build_cultivation(input_of(check, 1, ymd(2026, 11, 16)));
    Privacy committee;
    committee.audience = Audience::committee;
    const auto shown = shown_cultivation(*c.find("2023110101"), committee);
    CHECK(shown.dorms[0].activists[0].name.empty());
    CHECK(shown.dorms[0].activists[0].id.empty());
    CHECK(shown.required == 5);
    const auto md = cultivation_form_markdown(shown, Language::zh);
    CHECK(md.find("李四") == std::string::npos);
    CHECK(md.find("入党积极分子培养") != std::string::npos);
    Privacy counselor;
    CHECK(cultivation_form_markdown(shown_cultivation(*c.find("2023110101"), counselor), Language::en).find("李四") !=
          std::string::npos);
  }
}

TEST_SUITE("assessment_marks") {
  TEST_CASE("a mark is a grade word or a whole score 0-100") {
    CHECK(parse_mark("优秀") == "excellent");
    CHECK(parse_mark("Excellent") == "excellent");
    CHECK(parse_mark("基本合格") == "basic_pass");
    CHECK(parse_mark("basic") == "basic_pass");
    CHECK(parse_mark("不合格") == "fail");
    CHECK(parse_mark("88") == "88");
    CHECK(parse_mark("０") == "0");
    CHECK(parse_mark("100") == "100");
    CHECK_FALSE(parse_mark("101"));
    CHECK_FALSE(parse_mark("088"));
    CHECK_FALSE(parse_mark("-1"));
    CHECK_FALSE(parse_mark("good"));
    CHECK(parse_mark_source("工作室") == MarkSource::studio);
    CHECK(parse_mark_source("Branch") == MarkSource::branch);
    CHECK_FALSE(parse_mark_source("committee"));
    const AssessmentOptions o;
    CHECK(mark_value("excellent", o) == 90);
    CHECK(mark_value("pass", o) == 75);
    CHECK(mark_value("basic_pass", o) == 60);
    CHECK(mark_value("fail", o) == 0);
    CHECK(mark_value("88", o) == 88);
    CHECK(mark_label("basic_pass", Language::zh) == "基本合格");
    CHECK(mark_label("88", Language::en) == "88");
  }

  TEST_CASE("commendation: branch mark, studio mark, score, id, ties at the boundary all listed") {
    Assessment a;
    a.members = {assessed("001", 950), assessed("002", 800), assessed("003", 700),
                 assessed("004", 880), assessed("005", 880), assessed("006", 990)};
    // 002 and 003 share the branch's 90 (优秀 counts as excellent_from, 90); 004 and 005 are equal on
    // all three keys (优秀 as typed counts as excellent; pass is 75). By hand: 002 (90, -, 80.0), 003 (90, -,
    // 70.0), 004 and 005 (75, 90, 88.0), 006 (-, -, 99.0), 001 (-, -, 95.0).
    const std::vector<MemberMarks> marks{{"002", std::nullopt, mark("excellent")},
                                         {"003", std::nullopt, mark("90")},
                                         {"004", mark("优秀"), mark("pass")},
                                         {"005", mark("excellent"), mark("75")}};
    auto listed = [&](int n) {
      std::vector<std::string> out;
      for (const auto& c : commendation(a, marks, n))
        out.push_back(a.members[c.member].id + "#" + std::to_string(c.rank) + (c.tied ? "=" : ""));
      return out;
    };
    CHECK(listed(3) == std::vector<std::string>{"002#1", "003#2", "004#3=", "005#3="});
    CHECK(listed(4) == std::vector<std::string>{"002#1", "003#2", "004#3=", "005#3="});
    CHECK(listed(5) == std::vector<std::string>{"002#1", "003#2", "004#3=", "005#3=", "006#5"});
    CHECK(listed(6) == std::vector<std::string>{"002#1", "003#2", "004#3=", "005#3=", "006#5", "001#6"});
    CHECK(listed(2) == std::vector<std::string>{"002#1", "003#2"});
    CHECK(listed(0).empty());
    CHECK(listed(10).size() == 6);
  }

  TEST_CASE("the extra JSON keys follow the assessment's own, in its layout") {
    const Assessment a;
    const auto x = build_assessment_extras(a, std::nullopt, {}, 2);
    const auto text = with_extras_json("{\n  \"as_of\": \"2026-11-16\"\n}\n", a, x);
    CHECK(text ==
          "{\n  \"as_of\": \"2026-11-16\",\n  \"cultivation\": null,\n  \"marks\": [],\n  \"commend\": {\"n\": "
          "2, \"members\": []}\n}\n");
    CHECK(nlohmann::json::parse(text)["commend"]["n"] == 2);
  }
}
