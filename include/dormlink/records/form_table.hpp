#pragma once
// A returned feedback form's cells read as records (docs/forms.md "Filled forms in"): what the
// form says about itself (its hidden sheet and label cells), where its table is, and each row
// of the table as a request, with the rule that decided its kind. Pure: the caller reads the
// file (xlsx or CSV) into text grids and resolves names against the rosters.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/error.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/records/form_parse.hpp"

namespace dormlink::records {

// One sheet (or a CSV file) as text: xlsx dates already written "YYYY-MM-DD HH:MM".
struct FormGrid {
  std::string source;  // the file's name as the user gave it
  std::string sheet;   // the sheet's name; empty for a CSV file
  struct Line {
    std::size_t number = 0;  // the sheet's row or the CSV line (1-based)
    std::vector<std::string> cells;
  };
  std::vector<Line> lines;

  // Where a cell is, for messages: "file:反馈表!C12" for a sheet, "file:12" for CSV (whose
  // messages name the column).
  std::string where(std::size_t line, std::size_t column) const;
  // Where a row is: "file:反馈表:12" or "file:12".
  std::string row_where(std::size_t line) const;
};

// What the form says about itself. dormlink's own forms carry a hidden sheet `_dormlink`
// (form_id, member_id, semester_id, period); every form may carry label cells (表单编号, 学号,
// 党员姓名, 学期, 期次编号, 本期无联系) with their value in the next non-empty cell to the right.
struct FormHeader {
  std::string form_id;
  std::string member_id;      // 学号 or the hidden sheet's member_id
  std::string member_name;    // 党员姓名
  std::string semester_id;    // the hidden sheet's semester_id
  std::string semester_text;  // 学期 as typed: a semester's id or name
  std::optional<int> period;
  bool no_contact = false;  // 本期无联系 ticked (是, √, ✓, ☑, x, yes, true, 1)
  bool hidden_sheet = false;
};

// Reads the header from the main sheet and, when there is one, the hidden sheet (which wins).
// Conflicting values (a 学号 that is not the hidden sheet's member) are problems.
FormHeader read_form_header(const FormGrid& main, const FormGrid* hidden, ProblemCollector& problems);

// One row of the table.
struct FormRow {
  std::size_t line = 0;  // the sheet's row or the CSV line
  EntryRequest request;  // member left empty; talked left empty (names below)
  std::vector<ContactName> names;
  bool everyone = false;  // 全体: every resident of the dorm on that day
  RowKind kind;
  std::string time_text;  // 时间 as typed, for the dry run's table
};

// The period a form is read in.
struct FormPeriod {
  Date first{};
  Date last{};
  Date semester_start{};  // Monday of teaching week 1
};

// The table's header line: the first holding a 时间 column and one of 联系寝室名称 or
// 联系学生姓名及方式 (aliases as docs/forms.md lists); nullopt when there is none.
std::optional<std::size_t> find_table(const FormGrid& main);

// Every date typed in 时间 that parse_when reads with `today`, in table order (a form typed from
// scratch names no period: its dates do).
std::vector<Date> table_dates(const FormGrid& main, Date today);

// Reads every non-empty row of the table, up to the end or the 本期无联系 line. Problems are
// added with the cell's place (FormGrid::where) and say what to type instead.
std::vector<FormRow> read_form_rows(const FormGrid& main, const FormPeriod& period, ProblemCollector& problems);

}  // namespace dormlink::records
