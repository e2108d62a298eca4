// The counselor's summary as Markdown and as sheets for CSV and Excel (docs/reports.md): every
// wording from one labels table, zh and en side by side; the counts as the builder decided them.
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using check::Status;

// Every piece of wording of the summary. Format strings take their arguments in the order of
// the fmt::format call, or by name where the two languages order them differently.
constexpr struct SummaryLabels {
  // Heading and the lines under it.
  Words title{"# {}学生党员联系寝室工作情况汇总\n\n", "# {}: student Party members' dorm contact summary\n\n"};
  Words counselor_line{"辅导员：{}（{}）　　报送时间：{}\n\n", "Counselor: {} ({})    Submitted: {}\n\n"};
  Words branch_line{"党支部：{}　　报送时间：{}\n\n", "Party branch: {}    Submitted: {}\n\n"};
  Words college_line{"全院：辅导员 {} 名　　报送时间：{}\n\n", "The whole college: {} counselors    Submitted: {}\n\n"};
  Words counselors_heading{"## 辅导员\n\n", "## Counselors\n\n"};
  Words counselors_columns[9]{{"辅导员", "Counselor"},
                              {"工号", "Staff id"},
                              {"党员（人）", "Members"},
                              {"联系寝室", "Dorms"},
                              {"走访（实/应）", "Visits (done/due)"},
                              {"谈心（实/应）", "Talks (done/due)"},
                              {"反馈表（收/应）", "Forms (in/due)"},
                              {"本期汇总", "Summary"},
                              {"逾期事项", "Overdue items"}};
  Words branch{"党支部", "Party branch"};
  Words whole_college{"全院", "Whole college"};
  Words counselors_sheet{"辅导员", "Counselors"};
  Words semester_line{"- 学期：{}　{}\n", "- Semester: {} · {}\n"};
  Words due_line{"- 报送学院党委：{}（{}）\n", "- Due to the college Party committee: {} ({})\n"};
  Words audience_line{"- 阅读对象：{}\n", "- For: {}\n"};
  Words small_one{"1", "of 1"};
  Words small_range{"1 至 {}", "from 1 to {}"};
  Words small_note{"- 涉及重点关注学生和特殊情况的人数、起数为 {} 时显示为 <{}（为 0 时照实显示）。\n",
                   "- Counts of attention students and incidents {} are shown as <{} (0 is shown as 0).\n"};
  // Section headings.
  Words members_heading{"## 党员\n\n", "## Members\n\n"};
  Words dorms_heading{"\n## 寝室\n\n", "\n## Dorms\n\n"};
  Words forms_heading{"\n## 反馈表\n\n", "\n## Feedback forms\n\n"};
  Words incidents_heading{"\n## 特殊情况\n\n", "\n## Incidents\n\n"};
  Words attention_heading{"\n## 重点关注学生\n\n", "\n## Attention students\n\n"};
  Words overdue_heading{"\n## 仍逾期事项\n\n", "\n## Still overdue\n\n"};
  Words changes_heading{"\n## 联系安排变动\n\n", "\n## Assignment changes\n\n"};
  // Tables.
  Words members_columns[8]{{"党员", "Member"},
                           {"学号", "Student id"},
                           {"联系寝室", "Dorms"},
                           {"走访（实/应）", "Visits (done/due)"},
                           {"谈心（实/应）", "Talks (done/due)"},
                           {"谈心覆盖（人）", "Residents talked with"},
                           {"反馈表", "Form"},
                           {"逾期事项", "Overdue items"}};
  // The members' overdue column when it leaves rules out (CounselorSummary::member_overdue_excludes).
  Words overdue_without{"逾期事项（不含{}）", "Overdue items (not counting {})"};
  Words total{"合计", "Total"};
  Words dorms_columns[5]{{"寝室", "Dorm"},
                         {"联系党员", "Member"},
                         {"走访（实/应）", "Visits (done/due)"},
                         {"谈心（实/应）", "Talks (done/due)"},
                         {"谈心覆盖（人）", "Residents talked with"}};
  Words attention_columns[5]{{"学生", "Student"},
                             {"学号", "Student id"},
                             {"寝室", "Dorm"},
                             {"重点关注类别", "Attention"},
                             {"谈心（实/应）", "Talks (done/due)"}};
  Words overdue_columns[6]{{"党员", "Member"},  {"要求", "Duty"}, {"寝室", "Dorm"},
                           {"学生", "Student"}, {"时间", "When"}, {"截止", "Due"}};
  Words changes_columns[4]{{"起", "From"}, {"寝室", "Dorm"}, {"原联系党员", "Before"}, {"现联系党员", "After"}};
  Words overview_columns[2]{{"项目", "Item"}, {"内容", "Value"}};
  Words coverage{"{}/{}（{}%）", "{}/{} ({}%)"};
  Words list{"、", ", "};
  // The period's form of a member.
  Words form_on_time{"按时", "on time"};
  Words form_late{"逾期报送", "late"};
  Words form_overdue{"未报送（逾期）", "missing (overdue)"};
  Words form_due_soon{"未报送（即将到期）", "not yet (due soon)"};
  Words form_not_due{"未到期", "not yet due"};
  Words by_member{"（本人报送）", " (by the member)"};
  Words by_counselor{"（代为整理）", " (by the counselor)"};
  // Text sections.
  Words forms{"应交 {} 份：按时 {} 份，逾期报送 {} 份，未报送 {} 份。\n",
              "{} due: {} on time, {} late, {} not received.\n"};
  Words no_incident{"本期没有发现特殊情况。\n", "No incident was found in this period.\n"};
  Words incidents{"本期发现 {} 起：按时报告 {} 起，逾期报告 {} 起，未报告 {} 起。",
                  "{} found: {} reported in time, {} late, {} not reported."};
  Words hours{"从发现到报告：中位 {} 小时，最长 {} 小时。", " From finding to report: median {} h, longest {} h."};
  Words attention{"本期应谈心的重点关注学生 {} 人：均已谈心 {} 人，有遗漏 {} 人。\n",
                  "Attention students due talks: {}; every talk held: {}; one or more missed: {}.\n"};
  Words nothing_overdue{"没有逾期事项。\n", "Nothing is overdue.\n"};
  Words overdue_rule{"{} {} 项", "{} {}"};
  Words overdue_rules{"，", ", "};
  Words overdue{"截至{date}逾期 {all} 项：{rules}。\n", "{all} overdue on {date}: {rules}.\n"};
  Words week{"第{}周", "week {}"};
  Words period{"第{}期", "period {}"};
  Words semester{"本学期", "semester"};
  Words first_assignment{"- {}起执行本学期首次分配。\n", "- The semester's first assignment took effect on {}.\n"};
  Words change{"- {} {}：{} → {}\n", "- {} {}: {} → {}\n"};
  Words nobody{"无", "none"};
  Words no_change{"本期无变动。\n", "No change in this period.\n"};
  Words first_assignment_row{"（本学期首次分配）", "(first assignment)"};
  // The chain head under the document.
  Words no_records{"（无记录）", "(no records)"};
  Words chain{"记录链头 {}（共 {} 条记录）\n", "Records' chain head {} ({} records)\n"};
  // The overview sheet.
  Words college{"学院", "College"};
  Words counselor{"辅导员", "Counselor"};
  Words name_and_id{"{}（{}）", "{} ({})"};
  Words semester_row{"学期", "Semester"};
  Words period_row{"期", "Period"};
  Words submitted{"报送时间", "Submitted"};
  Words due{"报送学院党委截止", "Due to the committee"};
  Words own{"本汇总状态", "This summary"};
  Words audience_row{"阅读对象", "For"};
  Words forms_due{"反馈表应交", "Forms due"};
  Words forms_on_time{"反馈表按时", "Forms on time"};
  Words forms_late{"反馈表逾期报送", "Forms late"};
  Words forms_missing{"反馈表未报送", "Forms not received"};
  Words incidents_found{"特殊情况（起）", "Incidents found"};
  Words in_time{"按时报告", "Reported in time"};
  Words late{"逾期报告", "Reported late"};
  Words unreported{"未报告", "Not reported"};
  Words median_hours{"从发现到报告中位小时", "Median hours to report"};
  Words max_hours{"从发现到报告最长小时", "Longest hours to report"};
  Words attention_students{"应谈心的重点关注学生（人）", "Attention students due talks"};
  Words talked{"均已谈心（人）", "Every talk held"};
  Words missed{"有遗漏（人）", "One or more missed"};
  Words overdue_by_rule{"逾期：{}", "Overdue: {}"};
  Words overdue_total{"逾期合计", "Overdue in all"};
  Words chain_head{"记录链头", "Records' chain head"};
  Words records{"记录数", "Records"};
  // Sheet names (the keys are the same in both languages).
  Words members_sheet{"党员", "Members"};
  Words dorms_sheet{"寝室", "Dorms"};
  Words overdue_sheet{"仍逾期事项", "Still overdue"};
  Words attention_sheet{"重点关注学生", "Attention students"};
  Words changes_sheet{"联系安排变动", "Assignment changes"};
  Words overview_sheet{"概况", "Overview"};
} kLabels;

std::string e(const std::string& s) { return escape_markdown_cell(s); }

std::string ratio(const Tally& t) { return fmt::format("{}/{}", t.found, t.expected); }

std::string coverage(const Tally& t, Language language) {
  if (t.expected == 0) return "—";
  return fmt::format(pattern(kLabels.coverage, language), t.found, t.expected, t.found * 100 / t.expected);
}

std::string form_status_label(const std::optional<Status>& status, Language language) {
  if (!status) return "—";
  switch (*status) {
    case Status::met:
      return kLabels.form_on_time(language);
    case Status::met_late:
      return kLabels.form_late(language);
    case Status::overdue:
      return kLabels.form_overdue(language);
    case Status::due_soon:
      return kLabels.form_due_soon(language);
    default:
      return kLabels.form_not_due(language);
  }
}

// The form's status, and who handed it in when someone did (docs/forms.md).
std::string form_label(const SummaryMember& m, Language language) {
  auto label = form_status_label(m.form, language);
  if (m.hand_in == HandIn::Source::member) label += kLabels.by_member(language);
  if (m.hand_in == HandIn::Source::on_behalf) label += kLabels.by_counselor(language);
  return label;
}

std::string category_label(AttentionCategory category, Language language) {
  switch (language) {
    case Language::zh:
      return std::string(label_zh(category));
    case Language::en:
      break;
  }
  return std::string(label_en(category));
}

// Labels joined with the language's list separator.
std::string joined(const std::vector<std::string>& items, Language language) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : kLabels.list(language)) + item;
  return out;
}

void add_sum(Tally& total, const Tally& t) {
  total.expected += t.expected;
  total.found += t.found;
  total.late += t.late;
}

// The members' overdue column: what it leaves out, when it does.
std::string overdue_column(const CounselorSummary& s, Language language) {
  if (s.member_overdue_excludes.empty()) return kLabels.members_columns[7](language);
  std::vector<std::string> rules;
  for (auto rule : s.member_overdue_excludes) rules.push_back(rule_label(rule, language));
  return fmt::format(pattern(kLabels.overdue_without, language), joined(rules, language));
}

Table members_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.members_columns, language),
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left, Align::right},
          {}};
  t.header.back() = overdue_column(s, language);
  Tally visits, talks, residents;
  int dorms = 0, overdue = 0;
  for (const auto& m : s.members) {
    t.rows.push_back({m.name, m.id, std::to_string(m.dorms), ratio(m.visits), ratio(m.talks),
                      coverage(m.residents, language), form_label(m, language), std::to_string(m.overdue)});
    add_sum(visits, m.visits);
    add_sum(talks, m.talks);
    add_sum(residents, m.residents);
    dorms += m.dorms;
    overdue += m.overdue;
  }
  t.rows.push_back({kLabels.total(language), "", std::to_string(dorms), ratio(visits), ratio(talks),
                    coverage(residents, language), ratio(s.forms), std::to_string(overdue)});
  return t;
}

Table dorms_table(const CounselorSummary& s, Language language) {
  Table t{
      pick(kLabels.dorms_columns, language), {Align::left, Align::left, Align::right, Align::right, Align::right}, {}};
  for (const auto& d : s.dorms)
    t.rows.push_back({d.code, d.member, ratio(d.visits), ratio(d.talks), coverage(d.residents, language)});
  return t;
}

std::string forms_text(const CounselorSummary& s, Language language) {
  const auto& t = s.forms;
  return fmt::format(pattern(kLabels.forms, language), t.expected, t.found - t.late, t.late, t.expected - t.found);
}

std::string incidents_text(const CounselorSummary& s, Language language) {
  const auto& i = s.incidents;
  if (i.found.zero()) return kLabels.no_incident(language);
  std::string out = fmt::format(pattern(kLabels.incidents, language), i.found.text(), i.in_time.text(), i.late.text(),
                                i.unreported.text());
  if (i.median_hours)
    out += fmt::format(pattern(kLabels.hours, language), hours_text(*i.median_hours), hours_text(*i.max_hours));
  return out + "\n";
}

Table attention_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.attention_columns, language),
          {Align::left, Align::left, Align::left, Align::left, Align::right},
          {}};
  for (const auto& st : s.attention.named) {
    std::vector<std::string> labels;
    for (auto c : st.categories) labels.push_back(category_label(c, language));
    t.rows.push_back({st.name, st.id, st.dorm, joined(labels, language), ratio(st.talks)});
  }
  return t;
}

std::string attention_text(const CounselorSummary& s, Language language) {
  const auto& a = s.attention;
  std::string out =
      fmt::format(pattern(kLabels.attention, language), a.students.text(), a.talked.text(), a.missed.text());
  if (a.named.empty()) return out;
  return out + "\n" + render_markdown(attention_table(s, language));
}

std::string overdue_window(const OverdueLine& o, Language language) {
  const bool one_week = to_days(o.to) - to_days(o.from) == std::chrono::days{6};
  switch (o.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week) return fmt::format(pattern(kLabels.week, language), o.period);
      break;
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return fmt::format(pattern(kLabels.period, language), o.period);
    case Rule::incident_report:
      return fmt::format("#{}", o.record);
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return kLabels.semester(language);
    default:
      break;
  }
  return fmt::format("{}—{}", report_date(o.from, language), report_date(o.to, language));
}

Table overdue_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.overdue_columns, language), std::vector<Align>(6, Align::left), {}};
  for (const auto& o : s.overdue) {
    t.rows.push_back({o.member, rule_label(o.rule, language), o.dorm, o.student, overdue_window(o, language),
                      report_date(o.due, language)});
  }
  return t;
}

std::string overdue_text(const CounselorSummary& s, Language language) {
  std::string rules;
  for (const auto& [rule, count] : s.overdue_by_rule) {
    rules += (rules.empty() ? "" : kLabels.overdue_rules(language)) +
             fmt::format(pattern(kLabels.overdue_rule, language), rule_label(rule, language), count.text());
  }
  if (s.overdue_total.zero()) return kLabels.nothing_overdue(language);
  // `rules` holds rule labels and counts only: nothing from the data to escape.
  std::string out =
      fmt::format(pattern(kLabels.overdue, language), fmt::arg("date", report_date(s.reported_on, language)),
                  fmt::arg("all", s.overdue_total.text()), fmt::arg("rules", rules));
  if (s.overdue.empty()) return out;
  return out + "\n" + render_markdown(overdue_table(s, language));
}

std::string changes_text(const CounselorSummary& s, Language language) {
  std::string out;
  if (s.first_assignment)
    out += fmt::format(pattern(kLabels.first_assignment, language), report_date(*s.first_assignment, language));
  const std::string none = kLabels.nobody(language);
  for (const auto& c : s.changes) {
    out += fmt::format(pattern(kLabels.change, language), report_date(c.from, language), e(c.dorm),
                       c.before.empty() ? none : e(c.before), c.after.empty() ? none : e(c.after));
  }
  if (out.empty()) out = kLabels.no_change(language);
  return out;
}

// Privacy::count: 1..threshold-1 become "<threshold"; 0 singles no one out.
std::string small_counts_note(int threshold, Language language) {
  const int top = threshold - 1;
  const std::string range =
      top == 1 ? std::string(kLabels.small_one(language)) : fmt::format(pattern(kLabels.small_range, language), top);
  return fmt::format(pattern(kLabels.small_note, language), range, threshold);
}

// Whose summary it is: the counselor, the branch, or the college and how many counselors.
std::string scope_line(const CounselorSummary& s, Language language) {
  const auto date = report_date(s.reported_on, language);
  switch (s.scope) {
    case SummaryScope::branch:
      return fmt::format(pattern(kLabels.branch_line, language), e(s.branch), date);
    case SummaryScope::college:
      return fmt::format(pattern(kLabels.college_line, language), s.counselors.size(), date);
    case SummaryScope::counselor:
      break;
  }
  return fmt::format(pattern(kLabels.counselor_line, language), e(s.counselor_name), e(s.counselor_id), date);
}

// The college's row per counselor, and the college's totals.
Table counselors_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.counselors_columns, language),
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left,
           Align::right},
          {}};
  t.header.back() = overdue_column(s, language);
  CounselorRow total;
  for (const auto& c : s.counselors) {
    t.rows.push_back({c.name, c.id, std::to_string(c.members), std::to_string(c.dorms), ratio(c.visits), ratio(c.talks),
                      ratio(c.forms), c.own ? status_label(*c.own, language) : "—", std::to_string(c.overdue)});
    total.members += c.members;
    total.dorms += c.dorms;
    add_sum(total.visits, c.visits);
    add_sum(total.talks, c.talks);
    add_sum(total.forms, c.forms);
    total.overdue += c.overdue;
  }
  t.rows.push_back({kLabels.total(language), "", std::to_string(total.members), std::to_string(total.dorms),
                    ratio(total.visits), ratio(total.talks), ratio(total.forms), "", std::to_string(total.overdue)});
  return t;
}

std::string summary_header(const CounselorSummary& s, Language language) {
  const std::string semester = s.period.semester_name.empty() ? s.period.semester_id : s.period.semester_name;
  std::string out = fmt::format(pattern(kLabels.title, language), e(s.college));
  out += scope_line(s, language);
  out += fmt::format(pattern(kLabels.semester_line, language), e(semester), period_title(s.period, language));
  out += fmt::format(pattern(kLabels.due_line, language), report_date(s.period.summary_due, language),
                     s.own ? status_label(*s.own, language) : "—");
  out += fmt::format(pattern(kLabels.audience_line, language),
                     audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  if (s.small_counts_below) out += small_counts_note(*s.small_counts_below, language);
  return out + "\n";
}

Table changes_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.changes_columns, language), std::vector<Align>(4, Align::left), {}};
  if (s.first_assignment)
    t.rows.push_back({report_date(*s.first_assignment, language), kLabels.first_assignment_row(language), "", ""});
  for (const auto& c : s.changes) t.rows.push_back({report_date(c.from, language), c.dorm, c.before, c.after});
  return t;
}

// The counts of the text sections as item / value rows (after the header's, overview_table).
void add_count_rows(const CounselorSummary& s, Language language, Table& t) {
  const auto row = [&](Words label, std::string value) { t.rows.push_back({label(language), std::move(value)}); };
  row(kLabels.forms_due, std::to_string(s.forms.expected));
  row(kLabels.forms_on_time, std::to_string(s.forms.found - s.forms.late));
  row(kLabels.forms_late, std::to_string(s.forms.late));
  row(kLabels.forms_missing, std::to_string(s.forms.expected - s.forms.found));
  const auto& i = s.incidents;
  row(kLabels.incidents_found, i.found.text());
  row(kLabels.in_time, i.in_time.text());
  row(kLabels.late, i.late.text());
  row(kLabels.unreported, i.unreported.text());
  row(kLabels.median_hours, i.median_hours ? hours_text(*i.median_hours) : "");
  row(kLabels.max_hours, i.max_hours ? hours_text(*i.max_hours) : "");
  row(kLabels.attention_students, s.attention.students.text());
  row(kLabels.talked, s.attention.talked.text());
  row(kLabels.missed, s.attention.missed.text());
  for (const auto& [rule, count] : s.overdue_by_rule)
    t.rows.push_back(
        {fmt::format(pattern(kLabels.overdue_by_rule, language), rule_label(rule, language)), count.text()});
  row(kLabels.overdue_total, s.overdue_total.text());
}

// The header and the counts of the text sections as item / value rows.
Table overview_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.overview_columns, language), {Align::left, Align::left}, {}};
  const auto row = [&](Words label, std::string value) { t.rows.push_back({label(language), std::move(value)}); };
  row(kLabels.college, s.college);
  if (s.scope == SummaryScope::counselor)
    row(kLabels.counselor, fmt::format(pattern(kLabels.name_and_id, language), s.counselor_name, s.counselor_id));
  else if (s.scope == SummaryScope::branch)
    row(kLabels.branch, s.branch);
  else
    row(kLabels.whole_college, std::to_string(s.counselors.size()));
  row(kLabels.semester_row, s.period.semester_name.empty() ? s.period.semester_id : s.period.semester_name);
  row(kLabels.period_row, period_title(s.period, language));
  row(kLabels.submitted, report_date(s.reported_on, language));
  row(kLabels.due, report_date(s.period.summary_due, language));
  row(kLabels.own, s.own ? status_label(*s.own, language) : "—");
  row(kLabels.audience_row, audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  add_count_rows(s, language, t);
  row(kLabels.chain_head, s.chain.head);
  row(kLabels.records, std::to_string(s.chain.records));
  return t;
}

}  // namespace

std::string hours_text(double hours) { return fmt::format("{:.1f}", hours); }

std::string render_summary_markdown(const CounselorSummary& s, Language language) {
  const auto& l = kLabels;
  std::string out = summary_header(s, language);
  if (s.scope == SummaryScope::college) {
    // One row per counselor; each counselor's members and dorms are in that counselor's summary.
    out += l.counselors_heading(language) + render_markdown(counselors_table(s, language));
  } else {
    out += l.members_heading(language) + render_markdown(members_table(s, language));
    out += l.dorms_heading(language) + render_markdown(dorms_table(s, language));
  }
  out += l.forms_heading(language) + forms_text(s, language);
  out += l.incidents_heading(language) + incidents_text(s, language);
  out += l.attention_heading(language) + attention_text(s, language);
  out += l.overdue_heading(language) + overdue_text(s, language);
  out += l.changes_heading(language) + changes_text(s, language);
  const std::string head = s.chain.head.empty() ? std::string(l.no_records(language)) : "`" + s.chain.head + "`";
  out += "\n---\n\n" + fmt::format(pattern(l.chain, language), head, s.chain.records);
  return visible_document(out);
}

Workbook summary_workbook(const CounselorSummary& s, Language language) {
  const auto& l = kLabels;
  if (s.scope == SummaryScope::college)
    return {{"counselors", l.counselors_sheet(language), counselors_table(s, language)},
            {"attention", l.attention_sheet(language), attention_table(s, language)},
            {"changes", l.changes_sheet(language), changes_table(s, language)},
            {"overview", l.overview_sheet(language), overview_table(s, language)}};
  return {{"members", l.members_sheet(language), members_table(s, language)},
          {"dorms", l.dorms_sheet(language), dorms_table(s, language)},
          {"overdue", l.overdue_sheet(language), overdue_table(s, language)},
          {"attention", l.attention_sheet(language), attention_table(s, language)},
          {"changes", l.changes_sheet(language), changes_table(s, language)},
          {"overview", l.overview_sheet(language), overview_table(s, language)}};
}

}  // namespace dormlink::report
