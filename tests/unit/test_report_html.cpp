// The assessment, the inspection summary and the digest as HTML (docs/html.md): the numbers of
// the Markdown and the workbook, the charts of the assessment, lists rather than tables for the
// digest, what the committee may not see left out, and hostile text shown as text.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/report/inspection_summary.hpp"

using namespace dormlink;
using namespace dormlink::report;
using check::Rule;
using check::Status;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const std::string k_hostile = "<script>alert(1)</script>\u202Eevil";

// Nothing of the hostile text is markup, and its bidi override is not there raw.
void check_escaped(const std::string& html) {
  CHECK_FALSE(has(html, "<script"));
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(has(html, "\u202E"));
}

check::Person person(const char* id, std::string name, const char* branch) {
  check::Person p;
  p.id = id;
  p.name = std::move(name);
  p.branch = branch;
  return p;
}

// 王强 (0) holds 1-101, a member with a hostile name (1) holds 1-102; 张三 (2) is a resident.
check::CheckInput college() {
  check::CheckInput in;
  in.semester.id = "2026-autumn";
  in.semester.name = "2026秋";
  in.semester.first_monday = ymd(2026, 9, 7);
  in.semester.teaching_weeks = 16;
  in.people = {person("2023110101", "王强", "英语党支部"), person("2023110102", k_hostile, "数学党支部"),
               person("2025110101", "张三", "")};
  in.dorms = {"1-101", "1-102"};
  check::AssignmentVersion v;
  v.valid_from = ymd(2026, 9, 7);
  v.pairs = {{0, 0}, {1, 1}};
  in.assignments = {v};
  return in;
}

check::Obligation ob(Rule rule, Status status, int member = 0) {
  check::Obligation o;
  o.rule = rule;
  o.status = status;
  o.member = member;
  o.dorm = member;
  o.window_from = ymd(2026, 9, 7);
  o.window_to = ymd(2026, 9, 13);
  o.due = ymd(2026, 9, 13);
  o.expected = 2;
  return o;
}

// 王强: talks overdue about 张三 (0 of 25), record #7 contradicted (2.5 of 5): 72.5, 基本合格.
// The other member: everything met, 100.0, 优秀.
Assessment assessment(const check::CheckInput& input, const std::vector<check::Obligation>& obligations,
                      Audience audience) {
  AssessmentInput in;
  in.check = &input;
  in.obligations = &obligations;
  in.discrepancies = {{"2023110101", 1, 2, {7}}};
  const Config config;
  in.options.weights = config.assessment.weights;
  in.as_of = ymd(2026, 10, 8);
  in.college = "示例学院";
  in.privacy.audience = audience;
  return build_assessment(in);
}

std::vector<check::Obligation> obligations() {
  auto talk = ob(Rule::talks, Status::overdue);
  talk.student = 2;
  return {talk, ob(Rule::visits, Status::met), ob(Rule::visits, Status::met, 1)};
}

InspectionSummary inspection() {
  InspectionSummary s;
  s.semester_id = "2026-autumn";
  s.semester_name = "2026秋";
  s.as_of = ymd(2026, 10, 14);
  s.samples = {{1, "2026-10-14", "2026-10-14 09:00:00", "王老师", 7, 2, {"王强 2023110101 1-101"}}};
  SummaryFinding f;
  f.id = 1;
  f.member_id = "2023110101";
  f.member_name = "王强";
  f.record_id = 12;
  f.student = "张三（2025110101）";
  f.contradicted = true;
  f.note = "学生表示未谈心" + k_hostile;
  s.findings = {f};
  s.rates = {{"2023110101", "王强", "英语党支部", 1, 4}};
  s.flagged = {12};
  return s;
}

// Counselor 0 (陈老师, with a hostile name) has members 0 (王芳) and 1 (李明); 3 and 4 are residents.
check::CheckInput digest_college() {
  check::CheckInput in;
  in.semester.id = "2026-autumn";
  in.semester.name = "2026秋";
  in.semester.first_monday = ymd(2026, 9, 7);
  in.semester.teaching_weeks = 18;
  in.people = {{"2023000001", "王芳", "英语2301", 2023, "支部A"},
               {"2023000002", "李明", "英语2302", 2023, "支部B"},
               {"2023000003", "张伟", "日语2301", 2023, "支部A"},
               {"2025000001", "赵居民", "英语2501", 2025, ""},
               {"2025000002", "钱居民", "英语2501", 2025, ""}};
  in.dorms = {"1-101", "1-102"};
  in.counselors = {{"T01", "陈老师" + k_hostile, {2023}, {}}};
  return in;
}

check::Obligation item(Rule rule, Status status, int member, Date due, int student = -1) {
  check::Obligation o;
  o.rule = rule;
  o.status = status;
  o.counselor = 0;
  o.member = member;
  o.student = student;
  o.dorm = 0;
  o.due = due;
  o.window_from = Date{std::chrono::sys_days{due} - std::chrono::days{6}};
  o.window_to = due;
  o.period = 10;
  o.expected = 1;
  return o;
}

}  // namespace

TEST_SUITE("report.html") {
  TEST_CASE("assessment: the Markdown's heading, a chart per band and per member, every sheet's numbers") {
    const auto input = college();
    const auto items = obligations();
    const auto a = assessment(input, items, Audience::branch);
    const auto html = render_assessment_html(a, Language::zh);
    CHECK(has(html, "<h1>2026秋学期考核 · 示例学院</h1>"));
    CHECK(has(html, "<dd>2026秋（2026-autumn）</dd>"));
    CHECK(has(html, "优秀 ≥ 90，合格 ≥ 75，基本合格 ≥ 60，不合格低于 60"));
    // The charts: members per band, points per member by component (with the weights).
    CHECK(has(html, "各等级人数"));
    CHECK(has(html, "各党员得分（按项目）"));
    CHECK(has(html, "<svg"));
    for (const char* band : {"优秀", "合格", "基本合格", "不合格"}) CHECK(has(html, band));
    CHECK(has(html, "走访寝室（30）"));
    // Six parts at most, each its own pattern: the three components of 5 points share the last.
    CHECK(has(html, "其他项目（15）"));
    CHECK(has(html, "检查核实（5）"));  // the summary's column
    // Every sheet: summary, components, lost, contradicted.
    for (const char* sheet : {"<h2>汇总</h2>", "<h2>分项</h2>", "<h2>扣分依据</h2>", "<h2>检查不属实</h2>"})
      CHECK(has(html, sheet));
    CHECK(has(html, "<td class=\"num\">72.5</td><td>基本合格</td>"));
    CHECK(has(html, "<td class=\"num\">100.0</td><td>优秀</td>"));
    CHECK(has(html, "<td class=\"num\">2.5</td>"));
    CHECK(has(html, "<td class=\"num\">7</td>"));
    CHECK(has(html, "张三（2025110101）"));
    check_escaped(html);

    const auto en = render_assessment_html(a, Language::en);
    CHECK(has(en, "Semester assessment · 2026秋 · 示例学院"));
    CHECK(has(en, "talk coverage (25)"));
    CHECK(has(en, "basic pass"));
    CHECK_FALSE(has(en, "基本合格"));
  }

  TEST_CASE("assessment: the committee's page names no student") {
    const auto input = college();
    const auto items = obligations();
    const auto html = render_assessment_html(assessment(input, items, Audience::committee), Language::zh);
    CHECK_FALSE(has(html, "张三"));
    CHECK_FALSE(has(html, "2025110101"));
    CHECK(has(html, "72.5"));
  }

  TEST_CASE("assessment: no member, no chart") {
    const auto input = college();
    const std::vector<check::Obligation> none;
    AssessmentInput in;
    in.check = &input;
    in.obligations = &none;
    in.as_of = ymd(2026, 10, 8);
    in.branch = "没有党员的支部";
    const auto html = render_assessment_html(build_assessment(in), Language::zh);
    CHECK(has(html, "本学期没有联系寝室的党员。"));
    CHECK_FALSE(has(html, "<svg"));
  }

  TEST_CASE("inspection: the heading's counts and every sheet, the committee sees neither student nor note") {
    auto s = inspection();
    const auto html = render_inspection_summary_html(s, Language::zh);
    CHECK(has(html, "<h1>2026秋检查情况</h1>"));
    CHECK(has(html, "抽查 1 次，检查结果 1 条，不属实 1 条"));
    for (const char* sheet : {"<h2>抽查</h2>", "<h2>检查结果</h2>", "<h2>不属实率</h2>", "<h2>标记存疑的记录</h2>"})
      CHECK(has(html, sheet));
    CHECK(has(html,
              "<td>王强</td><td>2023110101</td><td>英语党支部</td><td class=\"num\">1</td>"
              "<td class=\"num\">4</td><td class=\"num\">25.0%</td>"));
    CHECK(has(html, "<td class=\"num\">12</td>"));
    CHECK(has(html, "张三"));
    check_escaped(html);
    CHECK(has(render_inspection_summary_html(s, Language::en), "1 sample, 1 finding, 1 contradicted"));

    s.privacy.audience = Audience::committee;
    const auto committee = render_inspection_summary_html(s, Language::zh);
    CHECK_FALSE(has(committee, "张三"));
    CHECK_FALSE(has(committee, "未谈心"));
    CHECK(has(committee, "25.0%"));
  }

  TEST_CASE("digest: a section for a phone, headings over lists, the Markdown's lines") {
    const auto in = digest_college();
    auto incident = item(Rule::incident_report, Status::overdue, 0, ymd(2026, 9, 17));
    incident.record_id = 77;
    const std::vector<check::Obligation> items{
        item(Rule::visits, Status::overdue, 0, ymd(2026, 11, 22)),
        item(Rule::talks, Status::overdue, 0, ymd(2026, 11, 22), 3),
        item(Rule::talks, Status::overdue, 0, ymd(2026, 11, 22), 4),
        item(Rule::feedback_form, Status::overdue, 1, ymd(2026, 11, 16)),
        item(Rule::visits, Status::due_soon, 1, ymd(2026, 11, 29)),
        incident,
    };
    const DigestRecipient recipient{DigestRecipient::Kind::counselor, 0, {}};
    DigestOptions options;
    options.as_of = ymd(2026, 11, 24);
    options.since = ymd(2026, 11, 22);
    auto d = build_digest(in, items, recipient, privacy_for(PrivacyRules{}, audience_of(recipient.kind)), options);
    d.closing_hint = "dormlink check --counselor T01";
    const auto html = render_digest_html(d, Language::zh);
    CHECK(html.rfind("<section class=\"document\">", 0) == 0);
    CHECK(has(html, "<h1>联系寝室晚报 2026-11-24 周二"));
    CHECK(has(html, "逾期 5 项，其中 11-22 以来新增 3 项；即将到期 1 项"));
    CHECK(has(html, "<h2>突发事件未按时报告（1）</h2>"));
    CHECK(has(html, "<h2>新增逾期（3）</h2>\n<ul>\n"));
    CHECK(has(html, "<li>王芳 谈心 第10周 ×2 截止11-22</li>"));
    CHECK(has(html, "此前逾期仍未完成 2 项"));
    CHECK(has(html, "<h2>各党员逾期（2 人）</h2>"));
    CHECK(has(html, "<h2>近期到期（1）</h2>"));
    CHECK(has(html, "<code>dormlink check --counselor T01</code>"));
    CHECK_FALSE(has(html, "<table"));
    check_escaped(html);
    // Every line of the Markdown's lists is an item of the page's.
    const auto md = render_digest_markdown(d, Language::zh);
    int md_items = 0;
    for (auto at = md.find("\n- "); at != std::string::npos; at = md.find("\n- ", at + 1)) ++md_items;
    int html_items = 0;
    for (auto at = html.find("<li>"); at != std::string::npos; at = html.find("<li>", at + 1)) ++html_items;
    CHECK(html_items == md_items);
    CHECK(has(render_digest_html(d, Language::en), "Newly overdue (3)"));
  }
}
