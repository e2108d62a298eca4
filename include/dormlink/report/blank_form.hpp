#pragma once
// The member's blank feedback form (学生党员联系寝室情况反馈表, docs/forms.md "Blank forms out"):
// what `dormlink form` puts into each member's file — the header's label/value pairs, one row of
// instructions, the table's columns with their drop-down lists, the member's dorms with their
// residents (phones masked), and the ids a returned file is matched by. Pure: the CLI loads the
// data, src/xlsx renders the workbook, render_blank_form_csv the CSV.

#include <string>
#include <utility>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/period.hpp"
#include "dormlink/roster/roster.hpp"

namespace dormlink::report {

// A label cell and the value cell to its right. The labels are the form's own Chinese words
// whatever the language: the importer finds the values by them.
struct FormField {
  std::string label;
  std::string value;
  bool number = false;  // a number cell in Excel (期次编号)
};

// The blank rows of the table a member fills in.
inline constexpr int k_blank_form_rows = 30;

// One member's blank form for one reporting period.
struct BlankForm {
  std::string member_id;  // what the file is named by (never by a name)
  std::string semester_id;
  int period = 0;

  std::string form_sheet;  // 反馈表
  std::string title;       // 学生党员联系寝室情况反馈表
  std::vector<FormField> fields;  // 党员姓名, 学号, 党支部, 学期, 报送期次, 期次编号, 表单编号, 报送时间
  std::string instructions;                     // one row above the table (--lang)
  std::vector<std::string> columns;             // 联系寝室名称 ... 说明, 类型, 方式
  std::vector<std::vector<std::string>> lists;  // per column: its drop-down's choices (empty: free text)
  int blank_rows = k_blank_form_rows;
  FormField no_contact;                         // 本期无联系, empty: the member ticks it
  std::vector<std::string> no_contact_choices;  // 是, 否

  std::string residents_sheet;                      // 寝室学生
  std::vector<std::string> resident_columns;        // 寝室, 姓名, 手机
  std::vector<std::vector<std::string>> residents;  // by dorm, then pinyin; phones masked

  std::string meta_sheet;                                 // _dormlink (hidden)
  std::vector<std::pair<std::string, std::string>> meta;  // form_id, member_id, semester_id, period, version,
                                                          // generated_on
};

// What a blank form is built from.
struct BlankFormInput {
  const check::CheckInput* check = nullptr;  // people (name, branch), dorms, assignment versions
  int member = -1;                           // index into check->people
  ReportPeriod period;
  const std::vector<roster::StudentRow>* students = nullptr;  // the students roster on period.first_day
  std::string form_id;                                        // records::make_form_id
  std::string version;                                        // dormlink's
  Date generated_on{};                                        // --as-of, not the clock
  Language language = Language::zh;                           // of the instructions only
};

// Throws NotFoundError ("run `dormlink assign` first") unless some committed assignment version
// is in force on a day of the period.
void require_assignment(const check::CheckInput& input, const ReportPeriod& period);

// The dorms `member` holds during the period by the committed assignment (every version in force
// on one of its days), sorted. Throws NotFoundError when no version is in force during the
// period, UsageError when the member holds no dorm in it.
std::vector<std::string> dorms_of_member(const check::CheckInput& input, int member, const ReportPeriod& period);

// The form (throws as dorms_of_member). Residents are the students living in the member's dorms
// on the period's first day, the member left out; a phone is always masked (mask_phone).
BlankForm build_blank_form(const BlankFormInput& in);

// The form as CSV for Excel (UTF-8 with BOM, CRLF): the fields and 本期无联系 as two-cell
// label/value rows, then the table's header row; no lists, no residents.
std::string render_blank_form_csv(const BlankForm& form);

}  // namespace dormlink::report
