// The feedback form as HTML (docs/html.md): laid out like the attachment, every table a sheet of
// feedback_workbook (the same values CSV and Excel print), every value escaped, and lines for
// the member's and the counselor's signatures, in Chinese and English.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/html.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

records::EffectiveRecord record(std::int64_t id, const char* kind, const char* dorm, const char* at) {
  records::EffectiveRecord r;
  r.id = id;
  r.kind = kind;
  r.dorm = dorm;
  r.happened_at = at;
  r.entered_at = std::string(at).substr(0, 10) + " 22:00:00";
  r.channel = "in_person";
  return r;
}

// Member 李明's form of period 1: a visit, and a talk whose note is hostile.
FeedbackForm form() {
  FeedbackForm f;
  f.college = "示例学院";
  f.period.semester_id = "2026-autumn";
  f.period.semester_name = "2026秋";
  f.period.number = 1;
  f.period.first_week = 1;
  f.period.last_week = 2;
  f.period.first_day = ymd(2026, 9, 7);
  f.period.last_day = ymd(2026, 9, 20);
  f.period.form_due = ymd(2026, 9, 21);
  f.period.summary_due = ymd(2026, 9, 22);
  f.reported_on = ymd(2026, 9, 21);
  f.member_id = "2023110101";
  f.member_name = "李明";
  f.class_name = "英语2301";
  f.branch = "英语党支部";
  f.counselor_id = "T001";
  f.counselor_name = "陈老师";
  FormContact visit{record(1, "visit", "1-101", "2026-09-08 19:00"), true, 0, {}};
  FormContact talk{
      record(3, "talk", "1-101", "2026-09-10 19:30"), true, 1, {{"2025110101", "张三", "138****0011", {}}}};
  talk.record.progress = "了解新学期适应情况";
  talk.record.note = "<script>alert(1)</script> & \u202e反转";
  f.contacts = {visit, talk};
  FormRequirement visits;
  visits.rule = check::Rule::visits;
  visits.status = check::Status::overdue;
  visits.dorm = "1-101";
  visits.from = ymd(2026, 9, 14);
  visits.to = ymd(2026, 9, 20);
  visits.due = ymd(2026, 9, 20);
  visits.period = 2;
  visits.expected = 2;
  visits.found = 1;
  f.required = {visits};
  FormGap gap;
  gap.rule = check::Rule::visits;
  gap.status = check::Status::overdue;
  gap.dorm = "1-101";
  gap.from = visits.from;
  gap.to = visits.to;
  gap.due = visits.due;
  gap.period = 2;
  gap.expected = 2;
  gap.found = 1;
  f.missing = {gap};
  f.chain = {"ab12", 9};
  return f;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_SUITE("report.feedback_html") {
  TEST_CASE("one document section laid out like the attachment, with lines to sign") {
    const auto html = render_feedback_html(form(), Language::zh);
    CHECK(html.rfind("<section class=\"document\">\n<h1>学生党员联系寝室情况反馈表</h1>\n", 0) == 0);
    CHECK(count(html, "<section") == 1);
    CHECK(has(html, "<dt>党员姓名</dt><dd>李明</dd>"));
    CHECK(has(html, "<dt>学号</dt><dd>2023110101</dd>"));
    CHECK(has(html, "<dt>报送时间</dt><dd>2026年9月21日</dd>"));
    CHECK(has(html, "<dt>党支部</dt><dd>英语党支部</dd>"));
    CHECK(has(html, "<dt>辅导员</dt><dd>陈老师（T001）</dd>"));
    CHECK(has(html, "<dt>期次</dt><dd>" + period_title(form().period, Language::zh) + "</dd>"));
    CHECK(has(html,
              "<thead><tr><th scope=\"col\">联系寝室名称</th><th scope=\"col\">时间</th><th "
              "scope=\"col\">联系学生姓名及方式</th><th scope=\"col\">工作进展及成效</th><th "
              "scope=\"col\">说明</th></tr></thead>"));
    CHECK(has(html, "<h2>本期要求</h2>"));
    CHECK(has(html, "<h2>尚缺</h2>"));
    CHECK(has(html, "记录链头 ab12（共 9 条记录）"));
    CHECK(has(html,
              "<div class=\"signatures\">\n<div>党员签名：</div><div>日期：</div>\n<div>辅导员签名：</div><div>日期："
              "</div>\n</div>\n"));
    CHECK(html.find("signatures") > html.find("记录链头"));
  }

  TEST_CASE("every cell of the workbook's contacts, required and missing sheets, escaped, and no member columns") {
    const auto f = form();
    const auto html = render_feedback_html(f, Language::zh);
    const Workbook book = feedback_workbook(f, Language::zh);
    for (const char* key : {"contacts", "required", "missing"}) {
      const Sheet* sheet = find_sheet(book, key);
      REQUIRE(sheet != nullptr);
      for (const auto& row : sheet->table.rows) {
        std::string cells;
        for (std::size_t c = 2; c < row.size(); ++c) {
          const bool number = sheet->table.align[c] == Align::right;
          cells += (number ? "<td class=\"num\">" : "<td>") + html::escape(row[c]) + "</td>";
        }
        CHECK(has(html, "<tr>" + cells + "</tr>"));
      }
    }
    CHECK_FALSE(has(html, "党员学号"));
  }

  TEST_CASE("a hostile note is text: no tag, no bidi override") {
    const auto html = render_feedback_html(form(), Language::zh);
    CHECK_FALSE(has(html, "<script"));
    CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "));
    CHECK_FALSE(has(html, "\u202e"));
  }

  TEST_CASE("English labels and signatures") {
    const auto html = render_feedback_html(form(), Language::en);
    CHECK(has(html, "<h1>Student Party member dorm contact feedback form</h1>"));
    CHECK(has(html, "<dt>Member</dt><dd>李明</dd>"));
    CHECK(has(html, "<dt>Submitted</dt><dd>2026-09-21</dd>"));
    CHECK(has(html, "<th scope=\"col\">Students contacted and how</th>"));
    CHECK(has(html, "<div>Member&#39;s signature:</div><div>Date:</div>"));
    CHECK(has(html, "<div>Counselor&#39;s signature:</div><div>Date:</div>"));
    CHECK_FALSE(has(html, "党员签名"));
  }

  TEST_CASE("an empty form says so in each table") {
    auto f = form();
    f.contacts.clear();
    f.required.clear();
    f.missing.clear();
    const auto html = render_feedback_html(f, Language::zh);
    CHECK(has(html, "<td class=\"empty\" colspan=\"5\">本期没有联系记录。</td>"));
    CHECK(has(html, "本期没有要求完成的事项。"));
    CHECK(has(html, "<td class=\"empty\" colspan=\"8\">无。</td>"));
  }
}
