// The feedback form (反馈表) as HTML (docs/html.md), laid out like the attachment's paper form:
// the title, who and when, the five-column table, what the period required and what is
// missing, the records' chain head, and lines to sign. Every table is a sheet of
// feedback_workbook, so the page shows the very values CSV and Excel print.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/hand_in.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/table.hpp"
#include "feedback_labels.hpp"

namespace dormlink::report {
namespace {

// The wording of the HTML page; the form's own wording (columns, headings' text, the
// closing sentence) is feedback_labels.hpp's.
struct FeedbackHtmlLabels {
  Words title{"学生党员联系寝室情况反馈表", "Student Party member dorm contact feedback form"};
  // The header facts.
  Words member{"党员姓名", "Member"};
  Words member_id{"学号", "Student id"};
  Words reported_on{"报送时间", "Submitted"};
  Words college{"学院", "College"};
  Words semester{"学期", "Semester"};
  Words period{"期次", "Period"};
  Words branch{"党支部", "Party branch"};
  Words class_name{"班级", "Class"};
  Words counselor{"辅导员", "Counselor"};
  Words due{"应报送", "Due"};
  Words due_value{"{}（报送辅导员和党支部书记）", "{} (to the counselor and the branch secretary)"};
  Words hand_in{"报送情况", "Handed in"};
  Words audience{"阅读对象", "For"};
  // The tables.
  Words contacts_caption{"联系寝室情况", "Contacts"};
  Words no_contacts{"本期没有联系记录。", "No contact was recorded in this period."};
  Words required{"本期要求", "Required this period"};
  Words nothing_required{"本期没有要求完成的事项。", "Nothing was required of this member in this period."};
  Words missing{"尚缺", "Missing"};
  Words nothing_missing{"无。", "Nothing."};
  Words chain{"记录链头 {}（共 {} 条记录）", "Records' chain head {} ({} records)"};
  // The lines to sign.
  Words member_signature{"党员签名：", "Member's signature:"};
  Words counselor_signature{"辅导员签名：", "Counselor's signature:"};
  Words date{"日期：", "Date:"};
};

constexpr FeedbackHtmlLabels k_labels{};
const FeedbackHtmlLabels& h = k_labels;
const FeedbackLabels& l = kFeedbackLabels;

// A sheet of the workbook without the member's id and name in front of every row (the header
// of the form says whose it is).
Table without_member(const Workbook& book, std::string_view key) {
  const Sheet* sheet = find_sheet(book, key);
  if (sheet == nullptr) return {};
  Table t = sheet->table;
  const auto skip = static_cast<std::ptrdiff_t>(l.member_columns.size());
  const auto drop = [skip](auto& v) {
    if (static_cast<std::ptrdiff_t>(v.size()) >= skip) v.erase(v.begin(), v.begin() + skip);
  };
  drop(t.header);
  drop(t.align);
  for (auto& row : t.rows) drop(row);
  return t;
}

// The facts of the form's header, as the Markdown's lines say them.
std::vector<std::pair<std::string, std::string>> header_facts(const FeedbackForm& f, Language language) {
  const std::string semester = f.period.semester_name.empty() ? f.period.semester_id : f.period.semester_name;
  const std::string counselor = f.counselor_id.empty()
                                    ? std::string(l.no_counselor(language))
                                    : worded(l.name_and_id, language, f.counselor_name, f.counselor_id);
  return {
      {h.member(language), f.member_name},
      {h.member_id(language), f.member_id},
      {h.reported_on(language), report_date(f.reported_on, language)},
      {h.college(language), f.college},
      {h.semester(language), semester},
      {h.period(language), period_title(f.period, language)},
      {h.branch(language), f.branch},
      {h.class_name(language), f.class_name},
      {h.counselor(language), counselor},
      {h.due(language), worded(h.due_value, language, report_date(f.period.form_due, language))},
      {h.hand_in(language), hand_in_text(f.hand_in, language, f.hand_in_reason)},
      {h.audience(language), audience_note(f.audience, f.sensitive, f.phones_in_full, language)},
  };
}

std::string chain_line(const records::ChainHead& chain, Language language) {
  const std::string head = chain.head.empty() ? std::string(l.no_records(language)) : chain.head;
  return html::paragraph(worded(h.chain, language, head, chain.records), "note");
}

// The closing sentence of the attachment (Chinese only), without the Markdown's blank lines.
std::string closing(Language language) {
  std::string text = l.closing(language);
  while (!text.empty() && text.front() == '\n') text.erase(text.begin());
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text.empty() ? std::string() : html::paragraph(text, "note");
}

// The member's and the counselor's signature, each with its date, on lines to write on.
std::string signatures(Language language) {
  return fmt::format("<div class=\"signatures\">\n<div>{}</div><div>{}</div>\n<div>{}</div><div>{}</div>\n</div>\n",
                     html::escape(h.member_signature(language)), html::escape(h.date(language)),
                     html::escape(h.counselor_signature(language)), html::escape(h.date(language)));
}

}  // namespace

std::string render_feedback_html(const FeedbackForm& f, Language language) {
  const Workbook book = feedback_workbook(f, language);
  std::string body = html::heading(1, h.title(language));
  body += html::facts(header_facts(f, language));
  body += html::table(without_member(book, "contacts"), h.contacts_caption(language), false, h.no_contacts(language));
  body += html::heading(2, h.required(language));
  body += html::table(without_member(book, "required"), "", false, h.nothing_required(language));
  body += html::heading(2, h.missing(language));
  body += html::table(without_member(book, "missing"), "", false, h.nothing_missing(language));
  body += cultivation_form_html(f.cultivation, language);
  body += form_cases_html(f.cases, language);
  body += chain_line(f.chain, language);
  body += closing(language);
  body += signatures(language);
  return html::document_section(body);
}

}  // namespace dormlink::report
