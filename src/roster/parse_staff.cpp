#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/roster/columns.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::roster {
namespace {

using detail::ColumnSpec;

enum Column : std::size_t {
  c_staff_id,
  c_name,
  c_role,
  c_phone,
  c_grades,
  c_classes,
  c_branch,
  c_email,
  c_studio,
  c_count
};

constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"staff_id", {"工号", "教工号", "职工号", "编号", "", "", ""}},
    {"name", {"姓名", "", "", "", "", "", ""}},
    {"role", {"角色", "职务", "身份", "", "", "", ""}},
    {"phone", {"联系方式", "手机", "手机号", "联系电话", "电话", "", ""}},
    {"grades", {"负责年级", "年级", "", "", "", "", ""}},
    {"classes", {"负责班级", "班级", "", "", "", "", ""}},
    {"branch", {"党支部", "负责党支部", "支部", "", "", "", ""}},
    {"email", {"邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "邮件地址", ""}},
    {"studio", {"朋辈工作室", "朋辈辅导员工作室", "工作室", "", "", "", ""}},
}};

using detail::RowReader;

void read_scope(RowReader& r, StaffFacts& f) {
  for (const auto& item : detail::split_list(r.cell(c_grades))) {
    std::string error;
    if (auto cohort = parse_grade(item, r.context.semester, error)) {
      f.cohorts.push_back(*cohort);
    } else {
      r.problem(c_grades, msg::quoted_problem(quote_value(item), error));
    }
  }
  std::sort(f.cohorts.begin(), f.cohorts.end());
  f.cohorts.erase(std::unique(f.cohorts.begin(), f.cohorts.end()), f.cohorts.end());
  for (const auto& item : detail::split_list(r.cell(c_classes))) f.classes.push_back(util::normalize_code(item));
  std::sort(f.classes.begin(), f.classes.end());
  f.classes.erase(std::unique(f.classes.begin(), f.classes.end()), f.classes.end());
  f.branch = std::string(r.cell(c_branch));
}

// Each role needs what it covers: REQUIREMENTS glossary (counselor, head teacher, branch).
void check_scope(RowReader& r, StaffRole role, const StaffFacts& f) {
  if (role == StaffRole::counselor && f.cohorts.empty() && f.classes.empty()) {
    r.problem(c_grades, msg::counselor_needs_scope());
  }
  if (role == StaffRole::head_teacher && f.classes.empty()) {
    r.problem(c_classes, msg::head_teacher_needs_class());
  }
  if (role == StaffRole::branch_secretary && f.branch.empty()) {
    r.problem(c_branch, msg::secretary_needs_branch());
  }
}

std::optional<StaffRow> read_row(RowReader& r) {
  StaffRow row;
  row.line = r.record->line;
  row.staff_id = util::normalize_code(r.cell(c_staff_id));
  if (row.staff_id.empty()) {
    r.problem(c_staff_id, msg::staff_needs_id());
  } else if (!is_plain_id(row.staff_id)) {
    // The same rule as student ids: an id names report files (report summary --out-dir).
    r.problem(c_staff_id, msg::not_staff_id(quote_value(row.staff_id)));
  }
  row.facts.name = std::string(r.cell(c_name));
  if (row.facts.name.empty()) r.problem(c_name, msg::empty());
  auto role = parse_staff_role(r.cell(c_role));
  if (!role) {
    r.problem(c_role, msg::unknown_role(quote_value(r.cell(c_role))));
  }
  if (!r.cell(c_phone).empty()) {
    if (auto phone = normalize_phone(r.cell(c_phone))) {
      row.facts.phone = *phone;
    } else {
      r.problem(c_phone, msg::not_a_phone());
    }
  }
  detail::read_email(r, c_email, row.facts.email);
  if (auto studio = detail::parse_flag(r.cell(c_studio))) {
    row.facts.studio = *studio;
  } else {
    r.problem(c_studio, msg::not_yes_no(quote_value(r.cell(c_studio))));
  }
  read_scope(r, row.facts);
  if (!role) return std::nullopt;
  row.role = *role;
  check_scope(r, row.role, row.facts);
  return row;
}

// One person per id (same name on every row), one row per (id, role).
void check_people(const std::vector<StaffRow>& rows, const std::string& source, ProblemCollector& problems) {
  std::map<std::string, const StaffRow*> person;
  std::map<std::pair<std::string, StaffRole>, std::size_t> duty;
  for (const auto& row : rows) {
    if (row.staff_id.empty()) continue;
    auto [p, new_person] = person.emplace(row.staff_id, &row);
    if (!new_person && p->second->facts.name != row.facts.name) {
      problems.add(detail::location(source, row.line),
                   msg::staff_two_names(quote_value(row.staff_id), quote_value(p->second->facts.name), p->second->line,
                                        quote_value(row.facts.name)));
    }
    auto [d, new_duty] = duty.emplace(std::make_pair(row.staff_id, row.role), row.line);
    if (!new_duty) {
      problems.add(detail::location(source, row.line),
                   msg::staff_duty_twice(quote_value(row.staff_id), label_zh(row.role), d->second));
    }
  }
}

}  // namespace

std::vector<StaffRow> parse_staff(const util::CsvTable& table, const ParseContext& context, ParseNotes* notes) {
  ProblemCollector problems;
  detail::ColumnMap map(table, k_columns, context.source_name, problems, notes);
  static constexpr std::array<std::size_t, 3> required{c_staff_id, c_name, c_role};
  detail::require_columns(map, k_columns, required, context.source_name, table.header.line, problems);
  detail::require_rows(table, context.source_name, problems);
  detail::throw_if_problems(problems, context.source_name);

  std::vector<StaffRow> rows;
  RowReader reader{map, context, problems, nullptr};
  util::CsvReader in = table.reader();
  util::CsvRecord record;
  std::size_t checked = 0;
  while (in.next(record)) {
    if (detail::stop_when_full(problems, table, checked++, record.line)) break;
    if (!detail::check_row_width(map, record, context.source_name, problems)) continue;
    reader.record = &record;
    detail::check_plain_cells(reader);
    if (auto row = read_row(reader)) rows.push_back(std::move(*row));
  }
  if (problems.stopped()) detail::throw_if_problems(problems, context.source_name);
  check_people(rows, context.source_name, problems);
  detail::throw_if_problems(problems, context.source_name);
  return rows;
}

}  // namespace dormlink::roster
