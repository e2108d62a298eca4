// The feedback form and the counselor's summary (docs/reports.md), built from a hand-made
// CheckInput through check::evaluate, as `dormlink report` does: rows, privacy by audience,
// what was required and what is missing, Markdown that no note can break, JSON.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/summary_report.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Four teaching weeks from 2026-09-07; reporting period 1 = weeks 1-2 (09-07..09-20), its
// form due Monday 09-21, the summary Tuesday 09-22. Talks every two weeks, attention
// students every week, so attention talks are items of their own.
Config config() {
  Config c;
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026秋";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 4;
  c.calendar.semesters = {s};
  c.duties.talk_period = Period::biweek;
  c.duties.attention_talk_period = Period::week;
  c.duties.orientation_weeks = 0;
  return c;
}

check::Person person(const char* id, const char* name, const char* class_name, int cohort) {
  check::Person p;
  p.id = id;
  p.name = name;
  p.class_name = class_name;
  p.cohort = cohort;
  p.branch = "英语党支部";
  return p;
}

// Member 李明 (0) holds 1-101 (张三 1, 阿丽 2 who is an attention student) and 1-102 (a second
// 张三, 3). 1-101 gets one visit in week 2; 阿丽 is talked with in week 1 only.
check::CheckInput college() {
  check::CheckInput in;
  in.semester = config().calendar.semesters[0];
  in.people = {person("2023110101", "李明", "英语2301", 2023), person("2025110101", "张三", "英语2501", 2025),
               person("2025110102", "阿丽", "英语2501", 2025), person("2025110103", "张三", "英语2501", 2025)};
  in.dorms = {"1-101", "1-102"};
  const Date sep1 = ymd(2026, 9, 1);
  in.residences = {{.person = 1, .dorm = 0, .from = sep1, .to = std::nullopt, .attention = false},
                   {.person = 2, .dorm = 0, .from = sep1, .to = std::nullopt, .attention = true},
                   {.person = 3, .dorm = 1, .from = sep1, .to = std::nullopt, .attention = false}};
  in.eligibility = {{.person = 0, .from = sep1, .to = std::nullopt, .eligible = true}};
  in.assignments = {{.valid_from = ymd(2026, 9, 7), .pairs = {{0, 0}, {1, 0}}}};
  check::Counselor c;
  c.staff_id = "T001";
  c.name = "陈老师";
  c.cohorts = {2023};
  in.counselors = {c};
  in.visits = {{.dorm = 0, .week = 1, .visits = 2, .late = 0},
               {.dorm = 0, .week = 2, .visits = 1, .late = 0},
               {.dorm = 1, .week = 1, .visits = 2, .late = 0},
               {.dorm = 1, .week = 2, .visits = 2, .late = 0}};
  in.talks = {{.person = 1, .weeks = 0b110, .first_entered = {}},
              {.person = 2, .weeks = 0b010, .first_entered = {}},
              {.person = 3, .weeks = 0b100, .first_entered = {}}};
  in.incidents = {{.id = 8,
                   .member = 0,
                   .dorm = 1,
                   .found = {ymd(2026, 9, 16), 21, 0, true},
                   .reported = LocalDateTime{ymd(2026, 9, 17), 0, 30, true},
                   // The counselor acknowledged it then: the report time that counts (docs/check.md "Cases").
                   .steps = {.acknowledged = LocalDateTime{ymd(2026, 9, 17), 0, 30, true}}}};
  return in;
}

ReportPeriod period1() {
  ReportPeriod p;
  const auto c = config();
  const auto& s = c.calendar.semesters[0];
  p.semester_id = s.id;
  p.semester_name = s.name;
  p.number = 1;
  std::tie(p.first_week, p.last_week) = check::reporting_period_weeks(1, s, c);
  p.first_day = ymd(2026, 9, 7);
  p.last_day = ymd(2026, 9, 20);
  p.form_due = check::form_due_date(1, s, c, false);
  p.summary_due = check::form_due_date(1, s, c, true);
  return p;
}

records::RecordStudent student(const char* id, const char* name, const char* phone) {
  return records::RecordStudent{id, name, phone, {}};
}

records::EffectiveRecord contact(std::int64_t id, const char* kind, const char* dorm, const char* at) {
  records::EffectiveRecord c;
  c.id = id;
  c.kind = kind;
  c.dorm = dorm;
  c.happened_at = at;
  c.entered_at = std::string(at).substr(0, 10) + " 22:00:00";
  c.channel = "in_person";
  return c;
}

std::vector<records::EffectiveRecord> contacts() {
  auto talk = contact(3, "talk", "1-101", "2026-09-10 19:30");
  talk.students = {student("2025110101", "张三", "13800000011"), student("2025110102", "阿丽", "13800000012")};
  talk.students[1].attention = {AttentionCategory::family_hardship};
  talk.progress = "了解新学期适应情况";
  talk.note = "a|b\nc";
  auto visit = contact(1, "visit", "1-101", "2026-09-08 19:00");
  auto corrected = contact(7, "visit", "1-102", "2026-09-15 19:00");
  corrected.corrects = 5;
  corrected.reason = "时间记错";
  corrected.entered_at = "2026-09-30 09:00:00";
  auto incident = contact(8, "incident", "1-102", "2026-09-16 21:00");
  incident.students = {student("2025110103", "张三", "13800000013")};
  incident.incident_category = "banned_appliance";
  incident.severity = "medium";
  incident.reported_to = "counselor";
  incident.reported_at = "2026-09-17 00:30";
  incident.details = "使用电热锅";
  auto excused = contact(9, "excused", "", "2026-09-18 12:00");
  excused.channel.clear();
  excused.reason = "生病";
  auto purged = contact(4, "talk", "1-102", "2026-09-11 19:00");
  purged.students = {student("2025110103", "张三", "13800000013")};
  purged.purged = true;
  return {talk, visit, corrected, incident, excused, purged};
}

struct Fixture {
  Config cfg = config();
  check::CheckInput input = college();
  std::vector<check::Obligation> obligations;
  Fixture() {
    check::EvaluateOptions o;
    o.keep_met = true;
    obligations = check::evaluate(input, cfg, ymd(2026, 9, 21), o);
  }
  FeedbackForm form(Audience audience, bool sensitive = false) const {
    FeedbackInput in;
    in.check = &input;
    in.obligations = &obligations;
    in.member = 0;
    in.period = period1();
    in.as_of = ymd(2026, 9, 21);
    in.contacts = contacts();
    in.chain = {"ab12", 9};
    in.college = "示例学院";
    in.privacy.audience = audience;
    in.privacy.include_sensitive = sensitive;
    return build_feedback_form(in);
  }
  CounselorSummary summary(Audience audience, bool sensitive = false) const {
    SummaryInput in;
    in.check = &input;
    in.obligations = &obligations;
    in.counselor = 0;
    in.period = period1();
    in.as_of = ymd(2026, 9, 21);
    in.chain = {"ab12", 9};
    in.college = "示例学院";
    in.privacy.audience = audience;
    in.privacy.include_sensitive = sensitive;
    in.attention = {{"2025110102", {AttentionCategory::family_hardship}}};
    return build_counselor_summary(in);
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      lines.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return lines;
}

// The table rows of a Markdown document that start with `first_cell`.
std::vector<std::string> rows_starting(const std::string& md, const std::string& first_cell) {
  std::vector<std::string> rows;
  for (const auto& line : lines_of(md))
    if (line.rfind("| " + first_cell + " |", 0) == 0) rows.push_back(line);
  return rows;
}

// Cell separators of a table row: '|' not escaped by a backslash.
int unescaped_pipes(const std::string& row) {
  int n = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;
      continue;
    }
    if (row[i] == '|') ++n;
  }
  return n;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("report.feedback") {
  TEST_CASE("one row per contact, in time order, in the attachment's five columns") {
    const auto md = render_feedback_markdown(Fixture().form(Audience::counselor), Language::zh);
    CHECK(md.rfind("# 学生党员联系寝室情况反馈表\n\n党员姓名：李明（2023110101）　　报送时间：2026年9月21日\n\n", 0) ==
          0);
    CHECK(has(md,
              "| 联系寝室名称 | 时间 | 联系学生姓名及方式 | 工作进展及成效 | 说明 |\n| --- | --- | --- | --- | --- |\n"
              "| 1-101 | 2026年9月8日 19:00 | （走访，当面） |  | 记录 \\#1 |\n"
              "| 1-101 | 2026年9月10日 19:30 | 阿丽 138\\*\\*\\*\\*0012、张三 138\\*\\*\\*\\*0011（谈心，当面） | "
              "了解新学期适应情况 | a\\|b↵c；记录 \\#3 |\n"
              "| 1-102 | 2026年9月11日 19:00 | 张三 138\\*\\*\\*\\*0013（谈心，当面） | （内容已按隐私要求清除） | "
              "记录 \\#4 |\n"
              "| 1-102 | 2026年9月15日 19:00 | （走访，当面） |  | 已更正（更正记录 \\#5，原因：时间记错）；"
              "补录于2026年9月30日 09:00；记录 \\#7 |\n"
              "| 1-102 | 2026年9月16日 21:00 | 张三 138\\*\\*\\*\\*0013（特殊情况，当面） | 使用电热锅 | "
              "特殊情况：使用违规电器，严重程度一般，2026年9月17日 00:30报告辅导员；记录 \\#8 |\n"
              "| 全部联系寝室 | 2026年9月18日 12:00 | （因故未走访） |  | 原因：生病；记录 \\#9 |\n"));
    for (const auto& row : rows_starting(md, "1-10")) CHECK(unescaped_pipes(row) == 6);
  }

  TEST_CASE("names sort by pinyin, ties by student id") {
    auto in_contacts = contacts();
    Fixture f;
    auto form = f.form(Audience::counselor);
    const auto& students = form.contacts[1].students;
    REQUIRE(students.size() == 2);
    CHECK(students[0].name == "阿丽");
    CHECK(students[1].name == "张三");
    // Two students called 张三: the lower id first.
    records::EffectiveRecord twins = contact(20, "talk", "1-101", "2026-09-12 10:00");
    twins.students = {student("2025110103", "张三", ""), student("2025110101", "张三", "")};
    FeedbackInput in;
    in.check = &f.input;
    in.obligations = &f.obligations;
    in.member = 0;
    in.period = period1();
    in.as_of = ymd(2026, 9, 21);
    in.contacts = {twins};
    const auto twin_form = build_feedback_form(in);
    CHECK(twin_form.contacts[0].students[0].id == "2025110101");
    CHECK(twin_form.contacts[0].students[1].id == "2025110103");
  }

  TEST_CASE("privacy: phones masked by default, in full with --include-sensitive, never for the committee") {
    Fixture f;
    const auto counselor = render_feedback_markdown(f.form(Audience::counselor), Language::zh);
    CHECK(has(counselor, "138\\*\\*\\*\\*0012"));
    CHECK_FALSE(has(counselor, "13800000012"));
    CHECK_FALSE(has(counselor, "家庭经济困难"));
    CHECK(has(counselor, "阅读对象：辅导员（手机号已脱敏，不含重点关注类别）"));

    const auto sensitive = render_feedback_markdown(f.form(Audience::branch, true), Language::zh);
    CHECK(has(sensitive, "阿丽 13800000012〔重点关注：家庭经济困难〕、张三 13800000011（谈心，当面）"));
    CHECK(has(sensitive, "阅读对象：党支部（含敏感信息，查阅原因已登记）"));

    const auto committee = f.form(Audience::committee, true);
    const auto md = render_feedback_markdown(committee, Language::zh);
    CHECK(has(md, "| 1-101 | 2026年9月10日 19:30 | 2名学生（谈心，当面） |"));
    for (const char* secret : {"0012", "阿丽", "张三", "家庭经济困难"}) {
      INFO(secret);
      CHECK_FALSE(has(md, secret));
      CHECK_FALSE(has(render_feedback_json(committee), secret));
    }
  }

  TEST_CASE("what the period required and what is missing come from check::evaluate") {
    Fixture f;
    const auto form = f.form(Audience::counselor);
    std::vector<std::string> required;
    for (const auto& r : form.required) {
      required.push_back(std::string(check::to_string(r.rule)) + " " + r.dorm + " p" + std::to_string(r.period) + " " +
                         std::to_string(r.found) + "/" + std::to_string(r.expected) + " " +
                         std::string(check::to_string(r.status)));
    }
    CHECK(required == std::vector<std::string>{
                          "work_plan  p0 0/1 overdue",
                          "visits 1-101 p1 2/2 met",
                          "visits 1-101 p2 1/2 overdue",
                          "visits 1-102 p1 2/2 met",
                          "visits 1-102 p2 2/2 met",
                          "talks 1-101 p1 2/2 met",  // one line per dorm and talk period, counting residents
                          "talks 1-102 p1 1/1 met",
                          "attention_talks 1-101 p1 1/1 met",
                          "attention_talks 1-101 p2 0/1 overdue",
                          "incident_report 1-102 p0 1/1 met",  // found 21:00, reported 00:30: within 24 hours
                          "feedback_form  p1 0/1 due_soon",
                      });
    std::vector<std::string> missing;
    for (const auto& g : form.missing)
      missing.push_back(std::string(check::to_string(g.rule)) + " " + g.dorm + " " + g.student);
    // The attention talk is not named without --include-sensitive; semester duties at risk are listed.
    CHECK(missing == std::vector<std::string>{"work_plan  ", "visits 1-101 ", "activity 1-101 ", "activity 1-102 ",
                                              "symposium 1-101 ", "symposium 1-102 ", "feedback_form  ",
                                              "member_summary  "});
    CHECK(form.hidden_attention_gaps.value() == 1);
    const auto sensitive = f.form(Audience::counselor, true);
    CHECK(sensitive.hidden_attention_gaps.zero());
    CHECK(std::any_of(sensitive.missing.begin(), sensitive.missing.end(),
                      [](const FormGap& g) { return g.rule == check::Rule::attention_talks && g.student == "阿丽"; }));
  }

  TEST_CASE("the committee's form hides per-dorm attention counts and shows small counts as <3") {
    const auto form = Fixture().form(Audience::committee);
    CHECK(std::none_of(form.required.begin(), form.required.end(),
                       [](const FormRequirement& r) { return r.rule == check::Rule::attention_talks; }));
    const auto md = render_feedback_markdown(form, Language::zh);
    CHECK(has(md, "- 重点关注学生谈心：缺 <3 项（姓名不显示）\n"));
    CHECK(has(render_feedback_json(form), "\"hidden_attention_gaps\": \"<3\""));
  }

  TEST_CASE("English, and dates as the college writes them") {
    CHECK(report_date(ymd(2026, 9, 21), Language::zh) == "2026年9月21日");
    CHECK(report_date(ymd(2026, 9, 21), Language::en) == "2026-09-21");
    CHECK(report_time("2026-09-08 19:00", Language::zh) == "2026年9月8日 19:00");
    CHECK(period_title(period1(), Language::zh) == "第1期（第1—2周，2026年9月7日—2026年9月20日）");
    CHECK(period_title(period1(), Language::en) == "period 1 (weeks 1–2, 2026-09-07 to 2026-09-20)");
    const auto md = render_feedback_markdown(Fixture().form(Audience::counselor), Language::en);
    CHECK(
        md.rfind(
            "# Student Party member dorm contact feedback form\n\nMember: 李明 (2023110101)    Submitted: 2026-09-21\n",
            0) == 0);
    CHECK(has(md, "| Dorm | Time | Students contacted and how | Progress and effect | Notes |"));
    CHECK(
        has(md, "| 1-101 | 2026-09-10 19:30 | 阿丽 138\\*\\*\\*\\*0012, 张三 138\\*\\*\\*\\*0011 (talk, in person) |"));
    CHECK_FALSE(has(md, "各位党员同志"));
  }

  TEST_CASE("JSON escapes the notes and names every field") {
    const auto json = render_feedback_json(Fixture().form(Audience::counselor));
    CHECK(json.rfind("{\n  \"kind\": \"feedback\",\n  \"college\": \"示例学院\",\n", 0) == 0);
    CHECK(has(json, "\"note\": \"a|b\\nc\""));
    CHECK(has(json,
              "\"period\": {\"number\": 1, \"weeks\": [1, 2], \"from\": \"2026-09-07\", \"to\": \"2026-09-20\", "
              "\"form_due\": \"2026-09-21\", \"summary_due\": \"2026-09-22\"}"));
    CHECK(has(json, "\"corrects\": 5, \"reason\": \"时间记错\""));
    CHECK(has(json, "{\"id\": \"2025110102\", \"name\": \"阿丽\", \"phone\": \"138****0012\"}"));
    CHECK(has(json, "\"chain\": {\"head\": \"ab12\", \"records\": 9}\n}\n"));
  }

  TEST_CASE("JSON values keep their types: numbers, booleans, null, a small count as a string") {
    const auto form = Fixture().form(Audience::committee);
    const auto json = nlohmann::json::parse(render_feedback_json(form));
    CHECK(json["period"]["number"].is_number_integer());
    CHECK(json["period"]["weeks"] == nlohmann::json::array({1, 2}));
    CHECK(json["sensitive"].is_boolean());
    CHECK(json["hidden_attention_gaps"] == "<3");
    CHECK(json["chain"]["records"] == 9);
    for (const auto& contact : json["contacts"]) {
      CHECK(contact["record"].is_number_integer());
      CHECK(contact["students"].is_null());  // the committee sees counts only
      CHECK(contact["student_count"].is_number_integer());
      CHECK(contact["purged"].is_boolean());
      CHECK((contact["corrects"].is_null() || contact["corrects"].is_number_integer()));
    }
    for (const auto& gap : json["missing"]) CHECK((gap["record"].is_null() || gap["record"].is_number_integer()));
    auto without = form;
    without.counselor_id.clear();
    without.chain = {};
    const auto bare = nlohmann::json::parse(render_feedback_json(without));
    CHECK(bare["counselor"].is_null());
    CHECK(bare["chain"]["head"].is_null());
  }

  TEST_CASE("JSON layout: one key per line, one contact per line, every other value on one line") {
    const auto json = render_feedback_json(Fixture().form(Audience::counselor));
    CHECK(json.rfind("{\n  \"kind\": \"feedback\",\n", 0) == 0);
    CHECK(has(json, "\n  \"contacts\": [\n    {\"record\": "));
    CHECK(has(json, "}\n  ],\n  \"required\": "));
    CHECK(has(json, "\n  ],\n  \"hidden_attention_gaps\": "));
    CHECK(json.ends_with("}\n}\n"));
  }

  TEST_CASE("a member without contacts gets the empty form and what is missing") {
    Fixture f;
    FeedbackInput in;
    in.check = &f.input;
    in.obligations = &f.obligations;
    in.member = 0;
    in.period = period1();
    in.as_of = ymd(2026, 9, 21);
    const auto md = render_feedback_markdown(build_feedback_form(in), Language::zh);
    CHECK(has(md, "| --- | --- | --- | --- | --- |\n\n本期没有联系记录。\n"));
    CHECK(has(md, "- 1-101 第2周 走访：应 2，实 1（逾期，截止 2026年9月20日）\n"));
  }
}

TEST_SUITE("report.summary") {
  TEST_CASE("per member and dorm: visits and talks against what was required, coverage, forms") {
    const auto s = Fixture().summary(Audience::committee);
    REQUIRE(s.members.size() == 1);
    const auto& m = s.members[0];
    CHECK(m.name == "李明");
    CHECK(m.dorms == 2);
    CHECK(m.visits.found == 7);
    CHECK(m.visits.expected == 8);
    CHECK(m.talks.found == 3);
    CHECK(m.talks.expected == 3);
    CHECK(m.residents.found == 3);
    CHECK(m.form == check::Status::due_soon);
    CHECK(m.overdue == 2);  // work plan, week-2 visit; not the attention talk, for the committee
    CHECK(Fixture().summary(Audience::counselor).members[0].overdue == 3);  // and the attention talk
    REQUIRE(s.dorms.size() == 2);
    CHECK(s.dorms[0].code == "1-101");
    CHECK(s.dorms[0].visits.found == 3);
    CHECK(s.dorms[0].member == "李明");
    CHECK(s.forms.expected == 1);
    CHECK(s.forms.found == 0);
    CHECK(s.own == check::Status::due_soon);  // due Tuesday 09-22
  }

  TEST_CASE("dorms are listed by building and room number, not as text") {
    Fixture f;
    f.input.dorms = {"10-101", "8-101"};  // CheckInput sorts codes as text
    check::EvaluateOptions o;
    o.keep_met = true;
    f.obligations = check::evaluate(f.input, f.cfg, ymd(2026, 9, 21), o);
    const auto s = f.summary(Audience::committee);
    REQUIRE(s.dorms.size() == 2);
    CHECK(s.dorms[0].code == "8-101");
    CHECK(s.dorms[1].code == "10-101");
  }

  TEST_CASE("incidents and how fast they were reported, attention students as counts") {
    const auto exact = Fixture().summary(Audience::counselor);
    CHECK(exact.incidents.found.value() == 1);
    CHECK(exact.incidents.late.value() == 0);
    CHECK(exact.incidents.in_time.value() == 1);
    REQUIRE(exact.incidents.median_hours);
    CHECK(*exact.incidents.median_hours == doctest::Approx(3.5));
    CHECK(exact.attention.students.value() == 1);
    CHECK(exact.attention.missed.value() == 1);
    // The committee's summary holds the counts already suppressed, and no hours (1 would show).
    const auto s = Fixture().summary(Audience::committee);
    CHECK(s.incidents.found.text() == "<3");
    CHECK_FALSE(s.incidents.found.value());
    CHECK(s.incidents.in_time.text() == "<3");
    CHECK(s.incidents.late.text() == "—");
    CHECK_FALSE(s.incidents.median_hours);
    CHECK_FALSE(s.incidents.max_hours);
    CHECK(s.attention.students.hidden());
    CHECK(json_text(s.attention.talked.json()) == "null");
    CHECK(json_text(s.attention.missed.json()) == "\"<3\"");
    CHECK(s.attention.named.empty());
    const auto md = render_summary_markdown(s, Language::zh);
    CHECK(has(md,
              "本期发现 <3 起：按时报告 <3 起，逾期报告 — 起，未报告 — 起。\n"));  // no split, no hours: 1 would show
    CHECK(has(md, "本期应谈心的重点关注学生 <3 人：均已谈心 — 人，有遗漏 <3 人。\n"));
    CHECK_FALSE(has(md, "阿丽"));
    CHECK_FALSE(has(md, "张三"));
    CHECK(has(render_summary_json(s),
              "\"attention\": {\"students\": \"<3\", \"talked\": null, \"missed\": \"<3\", \"named\": null}"));
    CHECK(has(render_summary_json(s),
              "\"in_time\": \"<3\", \"late\": null, \"unreported\": null, "
              "\"median_hours\": null, \"max_hours\": null"));
    // The counselor sees the exact split and the hours.
    const auto counselor = render_summary_markdown(Fixture().summary(Audience::counselor), Language::zh);
    CHECK(has(counselor, "本期发现 1 起：按时报告 1 起，逾期报告 0 起，未报告 0 起。从发现到报告：中位 3.5 小时"));
  }

  TEST_CASE("the counselor with --include-sensitive sees attention students by name, with categories") {
    const auto s = Fixture().summary(Audience::counselor, true);
    REQUIRE(s.attention.named.size() == 1);
    CHECK(s.attention.named[0].name == "阿丽");
    const auto md = render_summary_markdown(s, Language::zh);
    CHECK(has(md, "| 阿丽 | 2025110102 | 1-101 | 家庭经济困难 | 2/3 |"));
    CHECK(has(md, "本期应谈心的重点关注学生 1 人"));
  }

  TEST_CASE("what is still overdue: counts by rule for the committee, items for the counselor") {
    Fixture f;
    const auto committee = render_summary_markdown(f.summary(Audience::committee), Language::zh);
    CHECK(has(committee,
              "截至2026年9月21日逾期 — 项：工作计划 1 项，走访 1 项，重点关注谈心 <3 项。\n\n## 联系安排变动"));
    const auto counselor = render_summary_markdown(f.summary(Audience::counselor), Language::zh);
    CHECK(has(counselor, "| 李明 | 走访 | 1-101 |  | 第2周 | 2026年9月20日 |"));
    CHECK(has(counselor, "| 李明 | 重点关注谈心 | 1-101 |  | 第2周 | 2026年9月20日 |"));  // not named
  }

  TEST_CASE("assignment changes within the period name the dorm and both members") {
    Fixture f;
    f.input.people.push_back(person("2023110102", "王强", "英语2301", 2023));
    f.input.assignments.push_back({.valid_from = ymd(2026, 9, 16), .pairs = {{0, 0}, {1, 4}}});
    check::EvaluateOptions o;
    o.keep_met = true;
    f.obligations = check::evaluate(f.input, f.cfg, ymd(2026, 9, 21), o);
    const auto s = f.summary(Audience::committee);
    REQUIRE(s.changes.size() == 1);
    CHECK(s.changes[0].dorm == "1-102");
    CHECK(s.changes[0].before == "李明");
    CHECK(s.changes[0].after == "王强");
    REQUIRE(s.first_assignment);
    CHECK(has(render_summary_markdown(s, Language::zh),
              "- 2026年9月7日起执行本学期首次分配。\n- 2026年9月16日 1-102：李明 → 王强\n"));
  }
}

TEST_SUITE("feedback_report") {
  TEST_CASE("redact_contact erases a purged record's text only where the form shows that record") {
    records::EffectiveRecord purged;
    purged.id = 7;
    purged.progress = "家境|困难";
    purged.note = "无";
    purged.details = "母亲*住院";
    const std::string md =
        "| 联系寝室名称 | 说明 |\n"
        "| 1-101 | 家境\\|困难↵母亲\\*住院 | 无；记录 \\#7 |\n"
        "| 1-101 | 无 | 无；记录 \\#17 |\n"
        "无\n";
    CHECK(redact_contact(md, false, purged, "〔已清除 #9〕") ==
          "| 联系寝室名称 | 说明 |\n"
          "| 1-101 | 〔已清除 \\#9〕↵〔已清除 \\#9〕 | 〔已清除 \\#9〕；记录 \\#7 |\n"
          "| 1-101 | 无 | 无；记录 \\#17 |\n"
          "无\n");
    const std::string en = "| 1-101 | 家境\\|困难 | 无; record \\#7 |";
    CHECK(redact_contact(en, false, purged, "[x]") == "| 1-101 | \\[x\\] | \\[x\\]; record \\#7 |");
    const std::string json =
        "[{\"record\": 7, \"kind\": \"visit\", \"progress\": \"家境|困难\", \"note\": \"无\", \"details\": null, "
        "\"corrects\": null, \"reason\": \"无\"},\n"
        " {\"record\": 70, \"kind\": \"visit\", \"progress\": \"家境|困难\", \"note\": \"无\", \"corrects\": null}]";
    CHECK(redact_contact(json, true, purged, "[x]") ==
          "[{\"record\": 7, \"kind\": \"visit\", \"progress\": \"[x]\", \"note\": \"[x]\", \"details\": null, "
          "\"corrects\": null, \"reason\": \"无\"},\n"
          " {\"record\": 70, \"kind\": \"visit\", \"progress\": \"家境|困难\", \"note\": \"无\", \"corrects\": null}]");
    CHECK(redact_contact("no such record", false, purged, "x") == "no such record");
  }
}
