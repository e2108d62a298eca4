// Cases in check (docs/check.md "Cases: concerns and incidents"): concerns acknowledged within
// concern_ack_hours and closed within concern_open_days, incidents acknowledged within
// incident_report_hours, listed only from the day the deadline falls on, unacknowledged incidents
// first, repeats; and how check, the summary and export show them. Every deadline computed by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/summary_report.hpp"

using namespace dormlink;
using namespace dormlink::check;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

LocalDateTime at(Date day, int hour, int minute) { return LocalDateTime{day, hour, minute, true}; }

// Autumn 2026 from Monday 2026-09-07, 18 teaching weeks; week 11 is 11-16..11-22.
Config rules() {
  Config c;
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026秋";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 18;
  c.calendar.semesters = {s};
  c.assignment.min_dorms = 1;
  c.duties.orientation_weeks = 0;
  c.college.time_zone = "Asia/Shanghai";
  return c;
}

Person person(const char* id, const char* name, int cohort) {
  Person p;
  p.id = id;
  p.name = name;
  p.class_name = cohort == 2023 ? "英语2301" : "英语2501";
  p.cohort = cohort;
  p.branch = "英语党支部";
  return p;
}

// Member 李明 (0) holds 1-101 (张三 1) and 1-102 (王五 2), counselor 陈老师 (T001).
CheckInput college() {
  CheckInput in;
  in.semester = rules().calendar.semesters[0];
  in.people = {person("2023110101", "李明", 2023), person("2025110101", "张三", 2025),
               person("2025110102", "王五", 2025)};
  in.dorms = {"1-101", "1-102"};
  const Date sep1 = ymd(2026, 9, 1);
  in.residences = {{.person = 1, .dorm = 0, .from = sep1, .to = std::nullopt, .attention = true},
                   {.person = 2, .dorm = 1, .from = sep1, .to = std::nullopt, .attention = false}};
  in.eligibility = {{.person = 0, .from = sep1, .to = std::nullopt, .eligible = true}};
  in.assignments = {{.valid_from = ymd(2026, 9, 7), .pairs = {{0, 0}, {1, 0}}}};
  Counselor c;
  c.staff_id = "T001";
  c.name = "陈老师";
  c.cohorts = {2023};
  in.counselors = {c};
  return in;
}

// A concern of 李明 about 张三 raised on talk #500 at 2026-11-20 21:00.
Concern concern() {
  Concern c;
  c.case_id = 500;
  c.member = 0;
  c.dorm = 0;
  c.student = 1;
  c.student_id = "2025110101";
  c.student_name = "张三";
  c.escalate_to = "counselor";
  c.opened = at(ymd(2026, 11, 20), 21, 0);
  return c;
}

Incident incident(std::int64_t id, Date found, int dorm, std::string category = "banned_appliance") {
  Incident i;
  i.id = id;
  i.case_id = id;
  i.member = 0;
  i.dorm = dorm;
  i.found = at(found, 21, 0);
  i.category = std::move(category);
  return i;
}

std::vector<Obligation> of_rule(const std::vector<Obligation>& items, Rule rule) {
  std::vector<Obligation> out;
  std::copy_if(items.begin(), items.end(), std::back_inserter(out),
               [&](const Obligation& o) { return o.rule == rule; });
  return out;
}

// What check lists (overdue, due soon, at risk) of a rule on a day.
std::vector<Obligation> listed(const CheckInput& in, Date as_of, Rule rule) {
  return of_rule(evaluate(in, rules(), as_of), rule);
}

// Every obligation of a rule (met and pending too); exactly one expected.
Obligation one(const CheckInput& in, Date as_of, Rule rule) {
  EvaluateOptions keep;
  keep.keep_met = true;
  const auto items = of_rule(evaluate(in, rules(), as_of, keep), rule);
  REQUIRE(items.size() == 1);
  return items.front();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("check.cases") {
  TEST_CASE("a concern opened 11-20 21:00 with 48 hours: not listed 11-21, due soon 11-22, overdue 11-23") {
    auto in = college();
    in.concerns = {concern()};
    CHECK(listed(in, ymd(2026, 11, 21), Rule::concern_ack).empty());
    CHECK(one(in, ymd(2026, 11, 21), Rule::concern_ack).status == Status::pending);
    const auto today = listed(in, ymd(2026, 11, 22), Rule::concern_ack);
    REQUIRE(today.size() == 1);
    CHECK(today[0].status == Status::due_soon);
    CHECK(today[0].due == ymd(2026, 11, 22));
    CHECK(today[0].record_id == 500);
    CHECK(today[0].student == 1);
    CHECK(today[0].dorm == 0);
    CHECK(today[0].counselor == 0);
    CHECK(today[0].window_from == ymd(2026, 11, 20));
    const auto late = listed(in, ymd(2026, 11, 23), Rule::concern_ack);
    REQUIRE(late.size() == 1);
    CHECK(late[0].status == Status::overdue);
    // Not before it was opened.
    EvaluateOptions keep;
    keep.keep_met = true;
    CHECK(of_rule(evaluate(in, rules(), ymd(2026, 11, 19), keep), Rule::concern_ack).empty());
  }

  TEST_CASE("a concern is gone once acknowledged: in time met, after the deadline met late") {
    auto in = college();
    in.concerns = {concern()};
    in.concerns[0].steps.acknowledged = at(ymd(2026, 11, 22), 20, 59);
    in.concerns[0].steps.stage = CaseStage::acknowledged;
    CHECK(listed(in, ymd(2026, 11, 23), Rule::concern_ack).empty());
    CHECK(one(in, ymd(2026, 11, 23), Rule::concern_ack).status == Status::met);
    in.concerns[0].steps.acknowledged = at(ymd(2026, 11, 23), 9, 0);
    const auto late = one(in, ymd(2026, 11, 23), Rule::concern_ack);
    CHECK(late.status == Status::met_late);
    CHECK(late.late == 1);
    CHECK(late.minutes == 60 * 60);  // 11-20 21:00 to 11-23 09:00
    CHECK(listed(in, ymd(2026, 11, 23), Rule::concern_ack).empty());
    // An acknowledgement after the evaluation date is not yet made.
    CHECK(one(in, ymd(2026, 11, 22), Rule::concern_ack).status == Status::due_soon);
  }

  TEST_CASE("a concern still open after 14 days: due on 12-04, overdue 12-05, gone when closed") {
    auto in = college();
    in.concerns = {concern()};
    in.concerns[0].steps.acknowledged = at(ymd(2026, 11, 21), 8, 0);
    CHECK(listed(in, ymd(2026, 12, 3), Rule::concern_open).empty());
    const auto due = listed(in, ymd(2026, 12, 4), Rule::concern_open);
    REQUIRE(due.size() == 1);
    CHECK(due[0].status == Status::due_soon);
    CHECK(due[0].due == ymd(2026, 12, 4));
    CHECK(listed(in, ymd(2026, 12, 5), Rule::concern_open).at(0).status == Status::overdue);
    in.concerns[0].steps.closed = at(ymd(2026, 12, 4), 21, 0);
    CHECK(one(in, ymd(2026, 12, 5), Rule::concern_open).status == Status::met);
    CHECK(listed(in, ymd(2026, 12, 5), Rule::concern_open).empty());
  }

  TEST_CASE("an incident found 11-20 21:00 with 24 hours: not listed 11-20, due soon 11-21, overdue 11-22") {
    auto in = college();
    in.incidents = {incident(900, ymd(2026, 11, 20), 0)};
    in.incidents[0].reported = at(ymd(2026, 11, 20), 22, 0);  // the member's claim counts for nothing
    CHECK(listed(in, ymd(2026, 11, 20), Rule::incident_report).empty());
    const auto today = listed(in, ymd(2026, 11, 21), Rule::incident_report);
    REQUIRE(today.size() == 1);
    CHECK(today[0].status == Status::due_soon);
    CHECK(today[0].due == ymd(2026, 11, 21));
    CHECK(today[0].record_id == 900);
    CHECK(listed(in, ymd(2026, 11, 22), Rule::incident_report).at(0).status == Status::overdue);
    in.incidents[0].steps.acknowledged = at(ymd(2026, 11, 21), 8, 0);
    CHECK(listed(in, ymd(2026, 11, 22), Rule::incident_report).empty());
    const auto met = one(in, ymd(2026, 11, 22), Rule::incident_report);
    CHECK(met.status == Status::met);
    CHECK(met.minutes == 11 * 60);
    in.incidents[0].steps.acknowledged = at(ymd(2026, 11, 21), 21, 1);
    CHECK(one(in, ymd(2026, 11, 22), Rule::incident_report).status == Status::met_late);
  }

  TEST_CASE("a corrected incident is numbered by the first record of its chain") {
    auto in = college();
    in.incidents = {incident(905, ymd(2026, 11, 20), 0)};
    in.incidents[0].case_id = 900;
    CHECK(one(in, ymd(2026, 11, 21), Rule::incident_report).record_id == 900);
  }

  TEST_CASE("unacknowledged incidents lead the counselor's list, then concerns, then the rest") {
    auto in = college();
    in.concerns = {concern()};
    in.incidents = {incident(900, ymd(2026, 11, 20), 1)};
    const auto items = evaluate(in, rules(), ymd(2026, 11, 23));
    REQUIRE(items.size() > 3);  // visits and talks of weeks 1..11 are overdue too
    CHECK(items[0].rule == Rule::incident_report);
    CHECK(items[1].rule == Rule::concern_ack);
    CHECK(items[2].rule != Rule::concern_ack);
    CHECK(std::all_of(items.begin() + 2, items.end(), [](const Obligation& o) {
      return o.rule != Rule::incident_report && o.rule != Rule::concern_ack;
    }));
  }

  TEST_CASE("a repeat: same category and dorm or student within 30 days is flagged, 31 days is not") {
    const int window = 30;
    const auto first = incident(100, ymd(2026, 10, 1), 0);
    auto later = incident(200, ymd(2026, 10, 31), 0);
    CHECK(repeat_of(later, {first, later}, window) == 100);
    later.found = at(ymd(2026, 11, 1), 21, 0);
    CHECK(repeat_of(later, {first, later}, window) == 0);  // 31 days
    later.found = at(ymd(2026, 10, 20), 21, 0);
    later.category = "fighting";
    CHECK(repeat_of(later, {first, later}, window) == 0);  // another category
    later.category = "banned_appliance";
    later.dorm = 1;
    CHECK(repeat_of(later, {first, later}, window) == 0);  // another dorm, no student in common
    auto with_student = first;
    with_student.students = {"2025110101"};
    later.students = {"2025110101"};
    CHECK(repeat_of(later, {with_student, later}, window) == 100);  // a shared student
    CHECK(repeat_of(first, {first, later}, window) == 0);           // the earlier is no repeat
    CHECK(repeat_of(later, {first, later}, 0) == 0);                // 0: repeats are not told
  }

  TEST_CASE("check flags a repeat, also of an earlier semester's incident, and shows it in every format") {
    auto in = college();
    in.incidents = {incident(100, ymd(2026, 10, 1), 0), incident(200, ymd(2026, 10, 31), 0),
                    incident(300, ymd(2026, 11, 1), 1)};
    in.incidents[1].reported = at(ymd(2026, 10, 31), 22, 0);
    EvaluateOptions keep;
    keep.keep_met = true;
    const auto items = of_rule(evaluate(in, rules(), ymd(2026, 11, 3), keep), Rule::incident_report);
    REQUIRE(items.size() == 3);
    auto by_record = [&](std::int64_t id) {
      return *std::find_if(items.begin(), items.end(), [&](const Obligation& o) { return o.record_id == id; });
    };
    CHECK(by_record(100).repeat_of == 0);
    CHECK(by_record(200).repeat_of == 100);
    CHECK(by_record(300).repeat_of == 0);  // another dorm
    // An incident of the summer, before the semester's first Monday, makes 10-01's a repeat.
    auto summer = incident(50, ymd(2026, 9, 2), 0);
    summer.member = -1;
    in.earlier_incidents = {summer};
    CHECK(of_rule(evaluate(in, rules(), ymd(2026, 11, 3), keep), Rule::incident_report).at(0).repeat_of == 50);

    report::CheckListing listing{&in, evaluate(in, rules(), ymd(2026, 11, 3)), ymd(2026, 11, 3), 9};
    const auto zh = report::render_check_text(listing, Language::zh);
    CHECK(has(zh, "重复（#100）"));
    CHECK(has(zh, "党员自报 2026-10-31 22:00"));
    CHECK(has(zh, "突发事件报告"));
    const auto en = report::render_check_text(listing, Language::en);
    CHECK(has(en, "repeat of #100"));
    CHECK(has(en, "member says reported 2026-10-31 22:00"));
    const auto json = report::render_check_json(listing);
    CHECK(has(json, "\"repeat_of\": 100"));
    CHECK(has(json, "\"claimed_reported_at\": \"2026-10-31 22:00\""));
    CHECK(has(json, "\"category\": \"banned_appliance\""));
    const auto csv = report::render_check_csv(listing, report::CsvFlavor::raw);
    CHECK(has(csv.substr(0, csv.find('\n')),
              ",case_status,category,escalate_to,acknowledged_at,claimed_reported_at,repeat_of"));
  }

  TEST_CASE("a concern item in check: its window, to whom, in the user's language") {
    auto in = college();
    in.concerns = {concern()};
    report::CheckListing listing{&in, evaluate(in, rules(), ymd(2026, 11, 23)), ymd(2026, 11, 23), 12};
    const auto zh = report::render_check_text(listing, Language::zh);
    CHECK(has(zh, "关注事项确认"));
    CHECK(has(zh, "#500 11-20上报"));
    CHECK(has(zh, "上报辅导员"));
    const auto en = report::render_check_text(listing, Language::en);
    CHECK(has(en, "concern acknowledged"));
    CHECK(has(en, "#500 raised 11-20"));
    const auto json = report::render_check_json(listing);
    CHECK(has(json, "\"rule\": \"concern_ack\""));
    CHECK(has(json, "\"escalate_to\": \"counselor\""));
    CHECK(has(json, "\"case_status\": \"reported\""));
  }
}

TEST_SUITE("report.summary.cases") {
  // The summary of period 6 (weeks 11-12: 11-16..11-29) as of 11-30, for `audience`.
  report::CounselorSummary summary(const CheckInput& in, report::Audience audience,
                                   std::vector<Obligation>& obligations) {
    const auto config = rules();
    EvaluateOptions keep;
    keep.keep_met = true;
    obligations = evaluate(in, config, ymd(2026, 11, 30), keep);
    report::SummaryInput s;
    s.check = &in;
    s.obligations = &obligations;
    s.counselor = 0;
    s.period = make_period(config.calendar.semesters[0], config, 6);
    s.as_of = ymd(2026, 11, 30);
    s.college = "示例学院";
    s.privacy.audience = audience;
    return report::build_counselor_summary(s);
  }

  TEST_CASE("concerns: the committee counts only, never the student's name, the counselor each one") {
    auto in = college();
    in.concerns = {concern()};
    in.incidents = {incident(900, ymd(2026, 11, 20), 0), incident(901, ymd(2026, 11, 25), 0)};
    in.incidents[0].steps.acknowledged = at(ymd(2026, 11, 20), 22, 0);
    std::vector<Obligation> obligations;
    const auto committee = summary(in, report::Audience::committee, obligations);
    CHECK(committee.concerns.lines.empty());
    CHECK(committee.concerns.opened.text() == "<3");
    for (auto language : {Language::zh, Language::en}) {
      const auto md = report::render_summary_markdown(committee, language);
      CHECK_FALSE(has(md, "张三"));
      CHECK_FALSE(has(md, "2025110101"));
      const auto json = report::render_summary_json(committee);
      CHECK_FALSE(has(json, "张三"));
    }
    const auto counselor = summary(in, report::Audience::counselor, obligations);
    REQUIRE(counselor.concerns.lines.size() == 1);
    CHECK(counselor.concerns.opened.value() == 1);
    CHECK(counselor.concerns.acknowledged_in_time.value() == 0);
    CHECK(counselor.concerns.still_open.value() == 1);
    const auto md = report::render_summary_markdown(counselor, Language::zh);
    CHECK(has(md, "## 关注事项"));
    CHECK(has(md, "张三"));
    CHECK(has(md, "辅导员"));
    // Incidents by category, by acknowledgement, with the repeat.
    CHECK(counselor.incidents.found.value() == 2);
    CHECK(counselor.incidents.in_time.value() == 1);
    CHECK(counselor.incidents.unreported.value() == 1);
    CHECK(counselor.incidents.repeats.value() == 1);
    REQUIRE(counselor.incidents.categories.size() == 1);
    CHECK(counselor.incidents.categories[0].category == records::IncidentCategory::banned_appliance);
    CHECK(has(md, "使用违规电器"));
    CHECK(has(report::render_summary_markdown(counselor, Language::en), "banned appliance"));
  }
}

TEST_SUITE("report.export.labels") {
  TEST_CASE("export incidents: Chinese words for the keys in CSV and Excel, the keys in JSON") {
    records::EffectiveRecord r;
    r.id = 9;
    r.kind = "incident";
    r.semester_id = "2026-autumn";
    r.member_id = "2023110101";
    r.member_name = "李明";
    r.dorm = "1-101";
    r.happened_at = "2026-11-20 21:00";
    r.incident_category = "banned_appliance";
    r.severity = "medium";
    r.reported_to = "counselor";
    r.reported_at = "2026-11-20 22:00";
    report::Privacy privacy;
    const auto table = report::incidents_table({r}, privacy, {{9, "2026-11-20 23:00", "acknowledged", 5}});
    const auto csv = report::render_table_csv(table, report::CsvFlavor::raw);
    for (const char* key : {"banned_appliance", "medium", "counselor", "acknowledged"}) CHECK_FALSE(has(csv, key));
    for (const char* word : {"使用违规电器", "一般", "辅导员", "已确认", "2026-11-20 23:00", "确认收到时间"})
      CHECK(has(csv, word));
    const auto sheet = report::to_sheet(table, "incidents", "特殊情况");
    CHECK(sheet.table.rows.at(0).at(6) == "使用违规电器");
    const auto json = report::render_table_json(table);
    CHECK(has(json, "\"category\": \"banned_appliance\""));
    CHECK(has(json, "\"status\": \"acknowledged\""));
    CHECK(has(json, "\"repeat_of\": 5"));
  }

  TEST_CASE("export contacts: kinds and channels in Chinese outside JSON") {
    records::EffectiveRecord r;
    r.id = 3;
    r.kind = "talk";
    r.channel = "in_person";
    r.happened_at = "2026-11-20 21:00";
    report::Privacy privacy;
    const auto table = report::contacts_table({r}, privacy);
    const auto csv = report::render_table_csv(table, report::CsvFlavor::raw);
    CHECK(has(csv, "谈心"));
    CHECK(has(csv, "当面"));
    CHECK_FALSE(has(csv, "in_person"));
    CHECK(has(report::render_table_json(table), "\"channel\": \"in_person\""));
  }
}
