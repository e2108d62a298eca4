#pragma once
// What the assessment's files share (assessment.cpp builds, assessment_render.cpp prints
// Markdown and sheets, assessment_json.cpp JSON): every piece of wording, zh and en side by
// side, and the small lookups into the CheckInput. Format strings are fmt's.

#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/language.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/check_report.hpp"  // person_at, dorm_at

namespace dormlink::report {

struct AssessmentLabels {
  // In k_components order.
  std::array<Words, 8> components{{{"走访寝室", "visits"},
                                   {"谈心覆盖", "talk coverage"},
                                   {"寝室活动", "activities"},
                                   {"座谈会", "symposiums"},
                                   {"按时报送反馈表", "forms on time"},
                                   {"突发事件按时报告", "incidents reported on time"},
                                   {"工作计划与学期总结", "plan and summary"},
                                   {"检查核实", "inspection"}}};
  // In Band order.
  std::array<Words, 4> bands{{{"优秀", "excellent"}, {"合格", "pass"}, {"基本合格", "basic pass"}, {"不合格", "fail"}}};

  // The note of a component.
  Words no_findings{"无检查结果，满分", "no findings: full marks"};
  Words findings{"检查结果 {} 条，不属实 {} 条", "{} findings, {} contradicted"};
  Words nothing_due{"无已到期事项，满分", "nothing due yet: full marks"};

  // One obligation that cost points: status, what, window, due, expected, found.
  Words lost_student{" {}（{}）", " {} ({})"};
  Words window{"{}—{}", "{} to {}"};
  Words lost_line{"- {}：{} · 时段 {} · 截止 {} · 应/实 {}/{}", "- {}: {} · window {} · due {} · expected/found {}/{}"};

  // The document.
  Words title{"# {}学期考核 · {}\n\n", "# Semester assessment · {} · {}\n\n"};
  Words no_college{"党支部", ""};
  Words semester_lines{"- 学期：{}（{}）\n- 截至：{}\n", "- Semester: {} ({})\n- As of: {}\n"};
  Words branch_line{"- 党支部：{}\n", "- Branch: {}\n"};
  Words bands_line{"- 等级：优秀 ≥ {}，合格 ≥ {}，基本合格 ≥ {}，不合格低于 {}\n",
                   "- Bands: excellent ≥ {}, pass ≥ {}, basic pass ≥ {}, fail below {}\n"};
  Words scoring_line{
      "- 计分：按时完成计 1，反馈表逾期报送、突发事件逾期报告计 0.5（走访、谈心等补录不扣分），逾期未完成计 "
      "0；免除和未到期的不计入；无已到期事项的项目满分。\n",
      "- Scoring: met counts 1, a form submitted or an incident reported late 0.5 (contacts entered late "
      "count in full), overdue 0; waived and not yet due obligations are left out; "
      "a component with nothing due yet gets full marks.\n"};
  Words for_line{"- 阅读对象：{}\n\n", "- For: {}\n\n"};
  Words no_members{"本学期没有联系寝室的党员。\n", "No member held dorms in this semester.\n"};
  Words summary_heading{"## 汇总\n\n", "## Summary\n\n"};
  Words member_heading{"\n## {}（{}）· {} · {}\n\n", "\n## {} ({}) · {} · {}\n\n"};
  Words lost_heading{"\n扣分依据：\n\n", "\nWhat cost points:\n\n"};
  Words contradicted_line{"\n检查不属实的记录：{}\n", "\nRecords the inspection contradicted: {}\n"};
  Words list_separator{"、", ", "};

  // Tables.
  Words name_and_id{"{}（{}）", "{} ({})"};  // a student; a component with its weight
  std::array<Words, 3> summary_columns{{{"党员", "member"}, {"学号", "id"}, {"党支部", "branch"}}};
  Words score_column{"得分", "score"};
  Words band_column{"等级", "band"};
  std::array<Words, 10> component_columns{{{"项目", "component"},
                                           {"权重", "weight"},
                                           {"按时完成", "met"},
                                           {"逾期完成", "late"},
                                           {"逾期未完成", "overdue"},
                                           {"免除", "waived"},
                                           {"未到期", "not yet due"},
                                           {"得分率", "ratio"},
                                           {"得分", "points"},
                                           {"说明", "note"}}};
  Words total{"合计", "total"};
  std::array<Words, 13> lost_columns{{{"党员学号", "Member id"},
                                      {"党员", "Member"},
                                      {"项目", "Component"},
                                      {"状态", "Status"},
                                      {"要求", "Duty"},
                                      {"寝室", "Dorm"},
                                      {"学生", "Student"},
                                      {"记录", "Record"},
                                      {"起", "From"},
                                      {"止", "To"},
                                      {"截止", "Due"},
                                      {"应完成", "Expected"},
                                      {"已完成", "Found"}}};
  std::array<Words, 3> contradicted_columns{
      {{"党员学号", "Member id"}, {"党员", "Member"}, {"检查不属实的记录", "Record contradicted"}}};
  std::array<Words, 2> member_columns{{{"党员学号", "Member id"}, {"党员", "Member"}}};

  // Sheet names (Excel tabs).
  Words summary_sheet{"汇总", "Summary"};
  Words components_sheet{"分项", "Components"};
  Words lost_sheet{"扣分依据", "What cost points"};
  Words contradicted_sheet{"检查不属实", "Contradicted"};

  // `dormlink export assessment`.
  Words export_id{"学号", "Student id"};
  Words export_member{"党员", "Member"};
  Words export_branch{"党支部", "Branch"};
  Words export_score{"得分", "Score"};
  Words export_band{"等级", "Band"};
};

inline constexpr AssessmentLabels kAssessmentLabels{};

// A wording with its arguments filled in: fmt's format string in one language.
template <typename... Args>
std::string assessment_worded(const Words& words, Language language, Args&&... args) {
  return fmt::format(fmt::runtime(words(language)), std::forward<Args>(args)...);
}

// A table's header row in one language.
inline std::vector<std::string> assessment_header(std::span<const Words> columns, Language language) {
  std::vector<std::string> out;
  out.reserve(columns.size());
  for (const auto& column : columns) out.emplace_back(column(language));
  return out;
}

// The weight of a component (a key missing from the options weighs 0).
inline int weight_of(const AssessmentOptions& options, Component component) {
  const auto it = options.weights.find(std::string(to_string(component)));
  return it == options.weights.end() ? 0 : it->second;
}

// Whether the audience sees which students an obligation was about (not the committee).
inline bool names_students(const Privacy& privacy) { return privacy.audience != Audience::committee; }

}  // namespace dormlink::report
