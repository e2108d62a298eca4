#pragma once
// Every piece of wording of the feedback form (反馈表), zh and en side by side: the one labels
// table of feedback_report.cpp (the shared wording: period, audience line) and
// feedback_render.cpp (Markdown and sheets). Format strings are fmt's; where the languages put
// the arguments in a different order they are numbered.

#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/language.hpp"

namespace dormlink::report {

struct FeedbackLabels {
  // period_title: number, "s" for several weeks, the weeks, first day, last day.
  Words week_range{"{}—{}", "{}–{}"};
  Words period_title{"第{0}期（第{2}周，{3}—{4}）", "period {0} (week{1} {2}, {3} to {4})"};

  // audience_note: who the document is for, then what was left out.
  Words audience{"{}（{}）", "{} ({})"};
  Words for_committee{"含党员姓名、学号和统计数，不含其他学生的姓名、手机号和重点关注类别",
                      "members' names and student ids, and counts: no other student's name, no phone numbers, no "
                      "attention categories"};
  Words sensitive{"含敏感信息，查阅原因已登记", "sensitive fields included; the access is recorded with its reason"};
  Words phones_in_full{"不含重点关注类别", "no attention categories"};
  Words phones_masked{"手机号已脱敏，不含重点关注类别", "phone numbers masked, no attention categories"};

  // Severities of an incident (en: the key itself).
  Words severity_low{"轻", "low"};
  Words severity_medium{"一般", "medium"};
  Words severity_high{"严重", "high"};

  // 联系学生姓名及方式.
  Words attention{"〔重点关注：{}〕", " [attention: {}]"};
  Words list_separator{"、", ", "};
  Words student_count{"{}名学生", "{} students"};
  Words how_separator{"，", ", "};
  Words who_and_how{"{}（{}）", "{} ({})"};
  Words how_only{"（{}）", "({})"};

  // 工作进展及成效 and 说明.
  Words purged{"（内容已按隐私要求清除）", "(text erased on request)"};
  Words incident{"特殊情况：{}", "incident: {}"};
  Words severity{"，严重程度{}", ", severity {}"};
  Words not_reported{"，未报告", ", not reported"};
  Words reported{"，{}报告{}", ", reported {} to {}"};  // when, to whom
  Words reported_to_nobody{"", "?"};
  Words corrected{"已更正（更正记录 #{}，原因：{}）", "corrected (replaces record #{}; reason: {})"};
  Words off_assignment{"非本人联系寝室（{}）", "not an assigned dorm ({})"};
  Words excused{"原因：{}", "reason: {}"};
  Words entered_late{"补录于{}", "entered late, {}"};
  Words record{"记录 #{}", "record #{}"};  // the last part of 说明 (redact_contact finds rows by it)
  Words note_separator{"；", "; "};
  Words all_dorms{"全部联系寝室", "all dorms"};

  // Windows of an obligation.
  Words week{"第{}周", "week {}"};
  Words period{"第{}期", "period {}"};
  Words incident_found{"#{} {}发现", "#{} found {}"};
  Words semester{"本学期", "semester"};

  // A missing item: where, what, expected, found, status, due.
  Words gap_student{"：{}", ": {}"};
  Words gap{"{} {}：应 {}，实 {}（{}，截止 {}）", "{} {}: expected {}, found {} ({}, due {})"};
  Words names_not_shown{"（姓名不显示）", "(names not shown)"};
  Words hidden_gaps{"- 重点关注学生谈心：缺 {} 项（姓名不显示）\n",
                    "- attention talks: {} missing (names not shown)\n"};

  // The header of the form.
  Words title{"# 学生党员联系寝室情况反馈表\n\n", "# Student Party member dorm contact feedback form\n\n"};
  Words member_line{"党员姓名：{}（{}）　　报送时间：{}\n\n", "Member: {} ({})    Submitted: {}\n\n"};
  Words no_counselor{"无", "none"};
  Words name_and_id{"{}（{}）", "{} ({})"};
  Words college_line{"- 学院：{}　学期：{}　{}\n", "- College: {} · semester: {} · {}\n"};
  Words branch_line{"- 党支部：{}　班级：{}　辅导员：{}\n", "- Branch: {} · class: {} · counselor: {}\n"};
  Words due_line{"- 应报送：{}（报送辅导员和党支部书记）\n", "- Due: {} (to the counselor and the branch secretary)\n"};
  Words hand_in_line{"- 报送情况：{}\n", "- Handed in: {}\n"};
  Words for_line{"- 阅读对象：{}\n\n", "- For: {}\n\n"};

  // The sections.
  Words no_contacts{"\n本期没有联系记录。\n", "\nNo contact was recorded in this period.\n"};
  Words required_heading{"\n## 本期要求\n\n", "\n## Required this period\n\n"};
  Words nothing_required{"本期没有要求完成的事项。\n", "Nothing was required of this member in this period.\n"};
  Words missing_heading{"\n## 尚缺\n\n", "\n## Missing\n\n"};
  Words nothing_missing{"无。\n", "Nothing.\n"};
  Words no_records{"（无记录）", "(no records)"};
  Words chain{"记录链头 {}（共 {} 条记录）\n", "Records' chain head {} ({} records)\n"};
  // The attachment's closing sentence (Chinese only).
  Words closing{
      "\n各位党员同志要按时上报反馈表给所在党支部书记，要突出党员深入寝室联系学生的工作进展及成效，"
      "要求内容客观翔实、全面准确、简明扼要。\n",
      ""};

  // Tables (Markdown, CSV, Excel).
  std::array<Words, 5> contact_columns{{{"联系寝室名称", "Dorm"},
                                        {"时间", "Time"},
                                        {"联系学生姓名及方式", "Students contacted and how"},
                                        {"工作进展及成效", "Progress and effect"},
                                        {"说明", "Notes"}}};
  std::array<Words, 7> required_columns{{{"要求", "Duty"},
                                         {"寝室", "Dorm"},
                                         {"时间", "When"},
                                         {"应完成", "Expected"},
                                         {"已完成", "Found"},
                                         {"状态", "Status"},
                                         {"截止", "Due"}}};
  std::array<Words, 8> missing_columns{{{"要求", "Duty"},
                                        {"寝室", "Dorm"},
                                        {"时间", "When"},
                                        {"学生", "Student"},
                                        {"应完成", "Expected"},
                                        {"已完成", "Found"},
                                        {"状态", "Status"},
                                        {"截止", "Due"}}};
  std::array<Words, 13> form_columns{{{"学院", "College"},
                                      {"学期", "Semester"},
                                      {"期", "Period"},
                                      {"起", "From"},
                                      {"止", "To"},
                                      {"党支部", "Branch"},
                                      {"班级", "Class"},
                                      {"辅导员", "Counselor"},
                                      {"应报送", "Due"},
                                      {"报送时间", "Submitted"},
                                      {"阅读对象", "For"},
                                      {"记录链头", "Chain head"},
                                      {"记录数", "Records"}}};
  std::array<Words, 2> member_columns{{{"党员学号", "Member id"}, {"党员姓名", "Member"}}};

  // Sheet names (Excel tabs).
  Words contacts_sheet{"反馈表", "Contacts"};
  Words required_sheet{"本期要求", "Required"};
  Words missing_sheet{"尚缺", "Missing"};
  Words form_sheet{"表头", "Form"};
};

inline constexpr FeedbackLabels kFeedbackLabels{};

// A wording with its arguments filled in: fmt's format string in one language.
template <typename... Args>
std::string worded(const Words& words, Language language, Args&&... args) {
  return fmt::format(fmt::runtime(words(language)), std::forward<Args>(args)...);
}

// A table's header row in one language.
inline std::vector<std::string> header_row(std::span<const Words> columns, Language language) {
  std::vector<std::string> out;
  out.reserve(columns.size());
  for (const auto& column : columns) out.emplace_back(column(language));
  return out;
}

}  // namespace dormlink::report
