// The counselor's summary as HTML (docs/html.md): the header, the charts drawn from the
// summary's numbers (per member; dorm × teaching week contacts; per counselor for the college),
// every sheet as a table, hostile names as text; and what build_counselor_summary fills for the
// HTML only: the week grid from the records check reads, the overdue items by period (adding up
// to the overdue column) and the incidents by category (privacy as for the other incident counts).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/config.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/summary_report.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The figure whose caption holds `title`, or "" when there is none.
std::string figure_with(const std::string& html, const std::string& title) {
  // The figure whose caption holds the title (the caption may carry an id).
  std::size_t at = std::string::npos;
  for (auto open = html.find("<figcaption"); open != std::string::npos; open = html.find("<figcaption", open + 1)) {
    const auto close = html.find("</figcaption>", open);
    if (html.substr(open, close - open).find(title) != std::string::npos) {
      at = open;
      break;
    }
  }
  if (at == std::string::npos) return {};
  const auto begin = html.rfind("<figure", at);
  const auto end = html.find("</figure>", at);
  return html.substr(begin, end - begin);
}

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const std::string k_hostile = "<script>alert(1)</script>\u202Eevil";

// A counselor's summary as build_counselor_summary would leave it, made by hand: two members
// (one named to break the page), two dorms, three weeks of the grid (week 3 a holiday).
CounselorSummary hand_made() {
  CounselorSummary s;
  s.college = "示例学院";
  s.period.semester_id = "2026-autumn";
  s.period.semester_name = "2026秋";
  s.period.number = 1;
  s.period.first_week = 1;
  s.period.last_week = 3;
  s.period.first_day = ymd(2026, 9, 7);
  s.period.last_day = ymd(2026, 9, 27);
  s.period.summary_due = ymd(2026, 9, 29);
  s.reported_on = ymd(2026, 9, 28);
  s.counselor_id = "T001";
  s.counselor_name = "陈老师";
  s.audience = Audience::committee;
  s.members = {{"2023110101", "李明", 1, {8, 7, 1}, {3, 3, 0}, {3, 3, 0}, check::Status::met, 2},
               {"2023110102", k_hostile, 1, {6, 1, 0}, {5, 2, 0}, {2, 1, 0}, check::Status::overdue, 4}};
  s.dorms = {{"1-101", "李明", {8, 7, 1}, {3, 3, 0}, {3, 3, 0}}, {"1-102", k_hostile, {6, 1, 0}, {5, 2, 0}, {2, 1, 0}}};
  s.contacts_by_week = {{1, 2, 3}, {"1-101", "1-102"}, {{17, 0, std::nullopt}, {2, 5, std::nullopt}}};
  s.forms = {2, 1, 0};
  s.overdue_by_rule = {{check::Rule::visits, Privacy::exact(6)}};
  s.overdue_total = Privacy::exact(6);
  return s;
}

// Four teaching weeks from 2026-09-07, reporting periods of two weeks (as test_feedback_report).
Config config() {
  Config c;
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026秋";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 4;
  c.calendar.semesters = {s};
  c.duties.orientation_weeks = 0;
  return c;
}

check::Person person(const char* id, const char* name, int cohort) {
  check::Person p;
  p.id = id;
  p.name = name;
  p.class_name = cohort == 2023 ? "英语2301" : "英语2501";
  p.cohort = cohort;
  p.branch = "英语党支部";
  return p;
}

// Member 李明 (0) holds 1-101 (张三 1, 阿丽 2) and 1-102 (王五 3). Visits: 1-101 two in week 1
// and one in week 2, 1-102 two in each; talks: 张三 weeks 1 and 2, 阿丽 week 1, 王五 week 2.
check::CheckInput college() {
  check::CheckInput in;
  in.semester = config().calendar.semesters[0];
  in.people = {person("2023110101", "李明", 2023), person("2025110101", "张三", 2025),
               person("2025110102", "阿丽", 2025), person("2025110103", "王五", 2025)};
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
  return in;
}

struct Fixture {
  Config cfg = config();
  check::CheckInput input = college();
  std::vector<check::Obligation> obligations;
  Audience audience = Audience::committee;
  std::optional<std::vector<std::pair<std::int64_t, records::IncidentCategory>>> categories;

  // The summary of `period` as of `as_of`, for `audience` (the committee).
  CounselorSummary summary(int period, Date as_of, SummaryScope scope = SummaryScope::counselor) {
    input.semester = cfg.calendar.semesters[0];
    check::EvaluateOptions o;
    o.keep_met = true;
    obligations = check::evaluate(input, cfg, as_of, o);
    SummaryInput in;
    in.check = &input;
    in.obligations = &obligations;
    in.scope = scope;
    in.counselor = 0;
    in.branch = "英语党支部";
    in.period = check::make_period(cfg.calendar.semesters[0], cfg, period);
    in.as_of = as_of;
    in.college = "示例学院";
    in.privacy.audience = audience;
    in.incident_categories = categories;
    return build_counselor_summary(in);
  }
};

using Grid = std::vector<std::vector<std::optional<int>>>;

int sum(const std::vector<int>& values) { return std::accumulate(values.begin(), values.end(), 0); }

int members_overdue(const CounselorSummary& s) {
  int n = 0;
  for (const auto& m : s.members) n += m.overdue;
  return n;
}

// An incident of member 李明 found on a day of the period, reported at once (the counselor
// acknowledged it an hour later).
check::Incident incident(std::int64_t id, Date day) {
  return {.id = id,
          .member = 0,
          .dorm = 0,
          .found = {day, 20, 0, true},
          .reported = LocalDateTime{day, 21, 0, true},
          .steps = {.acknowledged = LocalDateTime{day, 21, 0, true}}};
}

// The incidents by category as the HTML gets them, counted under `audience`.
std::vector<std::pair<records::IncidentCategory, ShownCount>> by_category(Audience audience,
                                                                          const std::vector<int>& counts) {
  Privacy privacy;
  privacy.audience = audience;
  const auto shown = privacy.parts(counts);
  std::vector<std::pair<records::IncidentCategory, ShownCount>> out;
  for (std::size_t c = 0; c < shown.size(); ++c) out.emplace_back(static_cast<records::IncidentCategory>(c), shown[c]);
  return out;
}

}  // namespace

TEST_SUITE("report.summary.html") {
  TEST_CASE("the header as the Markdown has it, two charts, then every sheet as a table") {
    const auto zh = render_summary_html(hand_made(), Language::zh);
    CHECK(has(zh, "<h1>示例学院学生党员联系寝室工作情况汇总</h1>"));
    CHECK(has(zh, "<dt>辅导员</dt><dd>陈老师（T001）</dd>"));
    CHECK(has(zh, "<dt>学期</dt><dd>2026秋</dd>"));
    CHECK(has(zh, "<dt>报送时间</dt>"));
    CHECK(count(zh, "<figure") == 2);
    CHECK_FALSE(figure_with(zh, "党员走访、谈心：实际与应有（本期）").empty());
    CHECK(has(zh, "走访（实际）"));
    CHECK(has(zh, "谈心（应有）"));
    // The sheets: members (done/due as the Markdown prints them), dorms, overview.
    CHECK(has(zh, "<h2>党员</h2>"));
    CHECK(has(zh, "<h2>寝室</h2>"));
    CHECK(has(zh, "<h2>概况</h2>"));
    CHECK(has(zh, "<td class=\"num\">7/8</td>"));
    CHECK(has(zh, "<td class=\"num\">1/6</td>"));
    CHECK_FALSE(has(zh, "<script"));

    const auto en = render_summary_html(hand_made(), Language::en);
    CHECK(has(en, "<h1>示例学院: student Party members&#39; dorm contact summary</h1>"));
    CHECK(has(en, "<dt>Counselor</dt><dd>陈老师 (T001)</dd>"));
    CHECK(has(en, "Visits done"));
    CHECK(has(en, "<h2>Members</h2>"));
    CHECK_FALSE(has(en, "走访（实际）"));
  }

  TEST_CASE("hostile names are text, in the charts and the tables alike") {
    for (auto language : {Language::zh, Language::en}) {
      const auto html = render_summary_html(hand_made(), language);
      CHECK_FALSE(has(html, "<script"));
      CHECK_FALSE(has(html, "\u202E"));
      CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
      const auto chart = figure_with(html, language == Language::zh ? "党员走访" : "Visits and talks per member");
      CHECK(has(chart, "&lt;script&gt;"));
    }
  }

  TEST_CASE("the heat map: a row per dorm, a column per teaching week, holidays blank") {
    const auto html = render_summary_html(hand_made(), Language::zh);
    const auto map = figure_with(html, "各寝室每教学周联系次数（本学期第1—3周）");
    REQUIRE_FALSE(map.empty());
    CHECK(has(map, "1-101"));
    CHECK(has(map, "1-102"));
    CHECK(has(map, ">17<"));
    CHECK(has(map, ">5<"));
    CHECK(has(map, "—"));  // week 3, a holiday
    CHECK(has(html, "联系次数为走访次数与当周谈心的住宿学生人数之和"));
  }

  TEST_CASE("the college: per counselor overdue items, visits and talks, forms, and no heat map") {
    auto s = hand_made();
    s.scope = SummaryScope::college;
    s.members.clear();
    s.dorms.clear();
    s.contacts_by_week = {};
    s.member_overdue_excludes = {check::Rule::attention_talks, check::Rule::incident_report};
    s.counselors = {{"T001", "陈老师", 2, 2, {14, 8, 1}, {8, 5, 0}, {2, 1, 0}, check::Status::met, 13},
                    {"T002", k_hostile, 1, 1, {4, 4, 0}, {2, 2, 0}, {1, 1, 0}, std::nullopt, 0}};
    const auto html = render_summary_html(s, Language::zh);
    CHECK(has(html, "<dt>全院</dt><dd>辅导员 2 名</dd>"));
    CHECK(count(html, "<figure") == 3);
    const auto overdue = figure_with(html, "各辅导员逾期事项");
    CHECK(has(overdue, ">13<"));
    CHECK(has(overdue, "不含"));  // the rules the counselors' totals leave out, as in the table
    CHECK_FALSE(figure_with(html, "各辅导员所带党员走访、谈心").empty());
    CHECK(has(figure_with(html, "各辅导员反馈表"), "反馈表（已收）"));
    CHECK(figure_with(html, "各寝室每教学周联系次数").empty());
    CHECK(has(html, "<h2>辅导员</h2>"));
    CHECK_FALSE(has(html, "<script"));
  }

  TEST_CASE("the note on small counts is in the header when counts are suppressed") {
    auto s = hand_made();
    CHECK_FALSE(has(render_summary_html(s, Language::zh), "时显示为 &lt;3"));
    s.small_counts_below = 3;
    CHECK(has(render_summary_html(s, Language::zh),
              "<p class=\"note\">涉及重点关注学生和特殊情况的人数、起数为 1 至 2 时显示为 &lt;3"));
  }

  TEST_CASE("Markdown keeps its heading and note after the labels moved") {
    auto s = hand_made();
    s.small_counts_below = 3;
    const auto md = render_summary_markdown(s, Language::zh);
    CHECK(md.rfind("# 示例学院学生党员联系寝室工作情况汇总\n\n辅导员：陈老师（T001）", 0) == 0);
    CHECK(has(md, "\n- 涉及重点关注学生和特殊情况的人数、起数为 1 至 2 时显示为 <3（为 0 时照实显示）。\n\n"));
  }
}

TEST_SUITE("report.summary.week_grid") {
  TEST_CASE("visits and residents talked with, per dorm and week of the period") {
    Fixture f;
    const auto s = f.summary(1, ymd(2026, 9, 21));
    const auto& g = s.contacts_by_week;
    CHECK(g.weeks == std::vector<int>{1, 2});
    CHECK(g.dorms == std::vector<std::string>{"1-101", "1-102"});
    CHECK(g.contacts == Grid{{4, 2}, {2, 3}});  // 2 visits + 张三, 阿丽; 1 + 张三 | 2; 2 + 王五
  }

  TEST_CASE("the semester so far: up to as_of's week, holiday weeks blank unless something happened") {
    Fixture f;
    f.cfg.calendar.semesters[0].holiday_weeks = {3};
    const auto s = f.summary(2, ymd(2026, 9, 29));  // Tuesday of week 4
    CHECK(s.contacts_by_week.weeks == std::vector<int>{1, 2, 3, 4});
    CHECK(s.contacts_by_week.contacts == Grid{{4, 2, std::nullopt, 0}, {2, 3, std::nullopt, 0}});
    f.input.visits.push_back({.dorm = 1, .week = 3, .visits = 1, .late = 0});
    CHECK(f.summary(2, ymd(2026, 9, 29)).contacts_by_week.contacts == Grid{{4, 2, std::nullopt, 0}, {2, 3, 1, 0}});
    // The period's own week 3 on as_of: the weeks stop there.
    f.cfg.calendar.semesters[0].holiday_weeks = {};
    CHECK(f.summary(2, ymd(2026, 9, 24)).contacts_by_week.weeks == std::vector<int>{1, 2, 3});
    f.cfg.calendar.semesters[0].holiday_weeks = {};
    const auto later = f.summary(2, ymd(2026, 10, 5)).contacts_by_week;  // after the semester
    CHECK(later.weeks == std::vector<int>{1, 2, 3, 4});
    CHECK(later.contacts == Grid{{4, 2, 0, 0}, {2, 3, 1, 0}});
  }

  TEST_CASE("a talk counts in the dorm the resident lived in that week") {
    Fixture f;
    f.input.residences[2].to = ymd(2026, 9, 14);  // 王五 moves to 1-101 for week 2
    f.input.residences.push_back({.person = 3, .dorm = 0, .from = ymd(2026, 9, 14), .to = std::nullopt});
    const auto s = f.summary(1, ymd(2026, 9, 21));
    CHECK(s.contacts_by_week.contacts == Grid{{4, 3}, {2, 2}});
  }

  TEST_CASE("the committee sees the grid, the college's document has none") {
    Fixture f;
    CHECK_FALSE(f.summary(1, ymd(2026, 9, 21)).contacts_by_week.contacts.empty());
    const auto college = f.summary(1, ymd(2026, 9, 21), SummaryScope::college);
    CHECK(college.contacts_by_week.weeks.empty());
    CHECK(college.contacts_by_week.contacts.empty());
  }
}

TEST_SUITE("report.summary.overdue_trend") {
  TEST_CASE("the college: a line per counselor row, its points adding up to the row's overdue items") {
    Fixture f;
    const auto s = f.summary(2, ymd(2026, 10, 5), SummaryScope::college);  // after the semester
    REQUIRE(s.counselors.size() == 1);
    REQUIRE(s.overdue_trend.size() == 1);
    CHECK(s.overdue_periods == 2);
    const auto& line = s.overdue_trend[0];
    CHECK(line.id == "T001");
    CHECK(line.name == "陈老师");
    REQUIRE(line.overdue.size() == 2);
    CHECK(line.overdue[0] > 0);  // period 1's form and summary at least
    CHECK(line.overdue[1] > 0);  // weeks 3 and 4 without visits
    // The points are per period, so the last is the row's count only when nothing older is
    // overdue: their sum is.
    CHECK(sum(line.overdue) == s.counselors[0].overdue);
    // The counselor's own summary: one line, the same points.
    const auto own = f.summary(2, ymd(2026, 10, 5));
    REQUIRE(own.overdue_trend.size() == 1);
    CHECK(own.overdue_trend[0].overdue == line.overdue);
    CHECK(own.overdue_trend[0].name.empty());
  }

  TEST_CASE("the rules the members' column leaves out are left out of the trend too") {
    Fixture f;
    auto unreported = incident(1, ymd(2026, 9, 9));
    unreported.reported.reset();
    unreported.steps.acknowledged.reset();
    f.input.incidents.push_back(unreported);
    const auto committee = f.summary(2, ymd(2026, 10, 5));
    f.audience = Audience::counselor;
    const auto counselor = f.summary(2, ymd(2026, 10, 5));
    CHECK_FALSE(committee.member_overdue_excludes.empty());
    CHECK(counselor.member_overdue_excludes.empty());
    // The incident never reported is overdue: the counselor counts it, the committee does not.
    CHECK(sum(counselor.overdue_trend[0].overdue) == sum(committee.overdue_trend[0].overdue) + 1);
    CHECK(counselor.overdue_trend[0].overdue[0] == committee.overdue_trend[0].overdue[0] + 1);  // found in period 1
    CHECK(sum(counselor.overdue_trend[0].overdue) == counselor.overdue_total.value());
  }

  TEST_CASE("a branch: one line adding up to its members' overdue items") {
    Fixture f;
    const auto s = f.summary(2, ymd(2026, 10, 5), SummaryScope::branch);
    REQUIRE(s.overdue_trend.size() == 1);
    CHECK(sum(s.overdue_trend[0].overdue) == members_overdue(s));
    CHECK(sum(s.overdue_trend[0].overdue) > 0);
  }

  TEST_CASE("an item of a later period already overdue extends the line: no count is left out") {
    Fixture f;
    const auto s = f.summary(1, ymd(2026, 10, 5), SummaryScope::college);
    CHECK(s.period.number == 1);
    CHECK(s.overdue_periods == 2);
    REQUIRE(s.overdue_trend.size() == 1);
    CHECK(sum(s.overdue_trend[0].overdue) == s.counselors[0].overdue);
    // Early in period 2 nothing of it is overdue yet: periods 1 .. 1.
    const auto early = f.summary(1, ymd(2026, 9, 21), SummaryScope::college);
    CHECK(early.overdue_periods == 1);
    CHECK(sum(early.overdue_trend[0].overdue) == early.counselors[0].overdue);
  }
}

TEST_SUITE("report.summary.incident_categories") {
  using records::IncidentCategory;

  TEST_CASE("counted by category, a split of the incidents found as the audience may see it") {
    Fixture f;
    for (std::int64_t id = 1; id <= 4; ++id)
      f.input.incidents.push_back(incident(id, ymd(2026, 9, 8 + static_cast<unsigned>(id))));
    f.categories = {{{1, IncidentCategory::gambling},
                     {2, IncidentCategory::gambling},
                     {3, IncidentCategory::gambling},
                     {4, IncidentCategory::fighting}}};
    f.audience = Audience::counselor;
    const auto exact = f.summary(1, ymd(2026, 9, 28)).incidents;
    REQUIRE(exact.by_category.size() == 8);
    CHECK(exact.found.value() == 4);
    CHECK(exact.by_category[0].first == IncidentCategory::gambling);
    CHECK(exact.by_category[0].second.value() == 3);
    CHECK(exact.by_category[1].second.value() == 1);
    CHECK(exact.by_category[7].second.value() == 0);
    // The committee: found is 4, so a "<3" next to exact neighbours would give the 1 away.
    f.audience = Audience::committee;
    const auto shown = f.summary(1, ymd(2026, 9, 28)).incidents;
    CHECK(shown.found.text() == "4");
    CHECK(shown.by_category[1].second.text() == "<3");
    CHECK(shown.by_category[0].second.text() == "—");
    CHECK(shown.by_category[2].second.text() == "—");
  }

  TEST_CASE("no breakdown without the categories, or when one incident lacks its own") {
    Fixture f;
    f.input.incidents.push_back(incident(1, ymd(2026, 9, 9)));
    CHECK(f.summary(1, ymd(2026, 9, 28)).incidents.by_category.empty());
    f.categories = std::vector<std::pair<std::int64_t, IncidentCategory>>{{2, IncidentCategory::gambling}};
    CHECK(f.summary(1, ymd(2026, 9, 28)).incidents.by_category.empty());
    // None found: every category 0.
    f.input.incidents.clear();
    const auto none = f.summary(1, ymd(2026, 9, 28)).incidents;
    REQUIRE(none.by_category.size() == 8);
    for (const auto& [category, count] : none.by_category) CHECK(count.zero());
  }

  TEST_CASE("the HTML labels every category as the records do") {
    for (int c = 0; c < 8; ++c) {
      const auto category = static_cast<IncidentCategory>(c);
      auto s = hand_made();
      std::vector<int> counts(8, 0);
      counts[static_cast<std::size_t>(c)] = 5;
      s.incidents.found = Privacy::exact(5);
      s.incidents.by_category = by_category(Audience::counselor, counts);
      const auto chart = figure_with(render_summary_html(s, Language::zh), "本期发现的特殊情况：按类别");
      CHECK(has(chart, std::string(records::label_zh(category))));
    }
  }
}

TEST_SUITE("report.summary.html") {
  TEST_CASE("the overdue trend: a point per period, one line, the rule left out in its label") {
    auto s = hand_made();
    s.member_overdue_excludes = {check::Rule::attention_talks, check::Rule::incident_report};
    s.overdue_periods = 3;
    s.overdue_trend = {{"", "", {2, 0, 4}}};
    const auto zh = render_summary_html(s, Language::zh);
    CHECK(count(zh, "<figure") == 3);
    const auto chart = figure_with(zh, "逾期事项：按所属期（截至");
    REQUIRE_FALSE(chart.empty());
    CHECK(has(chart, "第1期"));
    CHECK(has(chart, "第3期"));
    CHECK(has(chart, "不含"));
    CHECK(has(zh, "各期之和即逾期事项合计"));
    const auto en = render_summary_html(s, Language::en);
    CHECK(has(figure_with(en, "Overdue items by the period they belong to"), "period 3"));
  }

  TEST_CASE("the college's overdue trend: a line per counselor, hostile names as text") {
    auto s = hand_made();
    s.scope = SummaryScope::college;
    s.members.clear();
    s.dorms.clear();
    s.contacts_by_week = {};
    s.counselors = {{"T001", "陈老师", 2, 2, {14, 8, 1}, {8, 5, 0}, {2, 1, 0}, check::Status::met, 13},
                    {"T002", k_hostile, 1, 1, {4, 4, 0}, {2, 2, 0}, {1, 1, 0}, std::nullopt, 0}};
    s.overdue_periods = 2;
    s.overdue_trend = {{"T001", "陈老师", {6, 7}}, {"T002", k_hostile, {0, 0}}};
    const auto html = render_summary_html(s, Language::zh);
    CHECK(count(html, "<figure") == 4);
    const auto chart = figure_with(html, "各辅导员逾期事项：按所属期");
    REQUIRE_FALSE(chart.empty());
    CHECK(has(chart, "陈老师"));
    CHECK(has(chart, "&lt;script&gt;"));
    CHECK_FALSE(has(html, "<script"));
  }

  TEST_CASE("incidents by category: the shown counts drawn, hidden ones only in the table") {
    auto s = hand_made();
    s.incidents.found = Privacy::exact(4);
    s.incidents.by_category = by_category(Audience::counselor, {3, 1, 0, 0, 0, 0, 0, 0});
    auto html = render_summary_html(s, Language::zh);
    auto chart = figure_with(html, "本期发现的特殊情况：按类别");
    REQUIRE_FALSE(chart.empty());
    CHECK(has(chart, "赌博"));
    CHECK(has(chart, "打架"));
    CHECK_FALSE(has(html, "显示为 &lt;3 或 — 的类别没有画出"));

    s.small_counts_below = 3;
    s.incidents.by_category = by_category(Audience::committee, {3, 1, 0, 0, 0, 0, 0, 0});
    html = render_summary_html(s, Language::zh);
    // One category small: it shows "<3", every other "—" (zeros too, or two small ones could be
    // recovered from the total): nothing is left to draw.
    CHECK(figure_with(html, "本期发现的特殊情况：按类别").empty());
    CHECK(has(html, "显示为 &lt;3 或 — 的类别没有画出"));
    CHECK(has(html, "<caption>本期发现的特殊情况：按类别（起）</caption>"));
    CHECK(has(html, "打架</th><td class=\"num\">&lt;3</td>"));
    CHECK(has(html, "赌博</th><td class=\"num\">—</td>"));

    // None found, or no breakdown: no chart.
    s.incidents.found = Privacy::exact(0);
    s.incidents.by_category = by_category(Audience::committee, std::vector<int>(8, 0));
    CHECK(figure_with(render_summary_html(s, Language::zh), "按类别").empty());
    s.incidents.by_category.clear();
    CHECK_FALSE(has(render_summary_html(s, Language::zh), "按类别"));
  }
}
