#pragma once
// Every piece of wording of the counselor's summary, zh and en side by side: the one labels
// table of summary_render.cpp (Markdown, sheets) and summary_html.cpp (HTML), and the few
// wordings both build from it. Markdown-only wording carries its markup ("## ", "- ", line
// breaks); the title and the small-counts note are plain, and each format adds its own.

#include <string>

#include "dormlink/language.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// Every piece of wording of the summary. Format strings take their arguments in the order of
// the fmt::format call, or by name where the two languages order them differently.
struct SummaryLabels {
  // Heading and the lines under it.
  Words title{"{}学生党员联系寝室工作情况汇总", "{}: student Party members' dorm contact summary"};
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
  Words small_note{"涉及重点关注学生和特殊情况的人数、起数为 {} 时显示为 <{}（为 0 时照实显示）。",
                   "Counts of attention students and incidents {} are shown as <{} (0 is shown as 0)."};
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
  // A repeat: an earlier incident of the same category, dorm or student (docs/check.md "Repeats").
  Words repeats_line{"其中重复发生 {} 起。", " Repeats: {}."};
  // Incident categories (HTML), in records::IncidentCategory's order: zh as records::label_zh,
  // en as the feedback form spells them.
  Words incident_categories[8]{{"赌博", "gambling"},
                               {"打架", "fighting"},
                               {"上网成瘾", "internet addiction"},
                               {"私自在外住宿", "overnight absence"},
                               {"使用违规电器", "banned appliance"},
                               {"无故旷课", "unexcused absence"},
                               {"其他违纪", "other violation"},
                               {"突发事件", "emergency"}};
  Words hours{"从发现到报告：中位 {} 小时，最长 {} 小时。", " From finding to report: median {} h, longest {} h."};
  // Incidents by category (every format) and concerns (关注事项, docs/cases.md).
  Words categories_columns[6]{{"类别", "Category"}, {"发现（起）", "Found"},    {"按时报告", "In time"},
                              {"逾期报告", "Late"}, {"未报告", "Not reported"}, {"重复发生", "Repeats"}};
  Words concerns_heading{"\n## 关注事项\n\n", "\n## Concerns\n\n"};
  Words no_concern{"本期没有上报的关注事项。\n", "No concern was raised in this period.\n"};
  Words concerns{"本期上报 {} 件：按时确认收到 {} 件，尚未结案 {} 件。\n",
                 "{} raised: {} acknowledged in time, {} still open.\n"};
  Words concerns_columns[8]{
      {"编号", "No."},    {"党员", "Member"},     {"学生", "Student"},          {"学号", "Student id"},
      {"上报对象", "To"}, {"上报时间", "Raised"}, {"确认收到", "Acknowledged"}, {"状态", "Status"}};
  Words overdue_mark{"（超时未确认）", " (overdue)"};
  Words concerns_opened{"关注事项（件）", "Concerns raised"};
  Words concerns_in_time{"关注事项按时确认", "Concerns acknowledged in time"};
  Words concerns_open{"关注事项尚未结案", "Concerns still open"};
  Words repeats{"重复发生（起）", "Repeat incidents"};
  Words categories_sheet{"特殊情况类别", "Incident categories"};
  Words concerns_sheet{"关注事项", "Concerns"};
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
};

inline constexpr SummaryLabels kSummaryLabels{};

// The cases' parts of the summary (summary_cases_render.cpp): the incidents' and concerns'
// Markdown sections, their sheets (categories; concerns, empty but for the counselor) and their
// rows of the overview sheet.
std::string summary_incidents_markdown(const CounselorSummary& summary, Language language);
std::string summary_concerns_markdown(const CounselorSummary& summary, Language language);
Table summary_categories_table(const CounselorSummary& summary, Language language);
Table summary_concerns_table(const CounselorSummary& summary, Language language);
void add_case_count_rows(const CounselorSummary& summary, Language language, Table& overview);

// The summary's semester as its documents name it: the name, else the id.
std::string summary_semester(const CounselorSummary& summary);

// The members' (and counselors') overdue column: "逾期事项", or what it leaves out when it does
// (CounselorSummary::member_overdue_excludes).
std::string summary_overdue_column(const CounselorSummary& summary, Language language);

// The note under the heading when small counts are shown as "<threshold" (Privacy::count),
// as one plain sentence.
std::string summary_small_counts_note(int threshold, Language language);

}  // namespace dormlink::report
