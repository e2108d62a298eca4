#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/roster/columns.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::roster {
namespace {

using detail::ColumnSpec;

enum Column : std::size_t {
  c_student_id,
  c_name,
  c_gender,
  c_major,
  c_grade,
  c_class,
  c_dorm,
  c_building,
  c_room,
  c_phone,
  c_status,
  c_branch,
  c_attention,
  c_dorm_head,
  c_email,
  c_studio,
  c_count
};

// docs/import.md: canonical names first, then the Chinese headers rosters use.
constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"student_id", {"学号", "学生学号", "学生编号", "studentid", "id", "", ""}},
    {"name", {"姓名", "学生姓名", "名字", "", "", "", ""}},
    {"gender", {"性别", "sex", "", "", "", "", ""}},
    {"major", {"专业", "专业名称", "所学专业", "", "", "", ""}},
    {"grade", {"年级", "入学年级", "", "", "", "", ""}},
    {"class", {"班级", "行政班", "班级名称", "class_name", "", "", ""}},
    {"dorm", {"寝室", "寝室号", "宿舍", "宿舍号", "寝室名称", "联系寝室名称", ""}},
    {"building", {"楼栋", "楼号", "宿舍楼", "", "", "", ""}},
    {"room", {"房间号", "房间", "房号", "", "", "", ""}},
    {"phone", {"联系方式", "手机", "手机号", "手机号码", "联系电话", "电话", ""}},
    {"political_status", {"政治面貌", "", "", "", "", "", ""}},
    {"branch", {"党支部", "所在党支部", "支部", "", "", "", ""}},
    {"attention", {"重点关注", "关注类别", "重点关注类别", "", "", "", ""}},
    {"dorm_head", {"寝室长", "是否寝室长", "", "", "", "", ""}},
    {"email", {"邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "邮件地址", ""}},
    {"studio", {"朋辈工作室", "朋辈辅导员工作室", "工作室", "", "", "", ""}},
}};

using detail::RowReader;

// A required text cell; adds a problem when empty.
std::string required(RowReader& r, Column c) {
  auto value = r.cell(c);
  if (value.empty()) r.problem(c, msg::student_needs_value());
  return std::string(value);
}

constexpr detail::DormColumns k_dorm_columns{c_dorm, c_building, c_room};

std::string read_id(RowReader& r) {
  auto id = util::normalize_code(r.cell(c_student_id));
  if (id.empty()) {
    r.problem(c_student_id, msg::student_needs_id());
    return id;
  }
  if (!is_plain_id(id)) {
    r.problem(c_student_id, msg::not_student_id(quote_value(id)));
  }
  return id;
}

void read_dorm(RowReader& r, StudentFacts& f) {
  if (auto code = detail::read_dorm_code(r, k_dorm_columns, "student")) f.dorm = code->code();
}

void read_status(RowReader& r, StudentFacts& f) {
  if (!r.cell(c_status).empty()) {
    auto status = parse_political_status(r.cell(c_status));
    if (!status) {
      r.problem(c_status, msg::unknown_status(quote_value(r.cell(c_status))));
    } else {
      f.status = *status;
    }
  }
  f.branch = std::string(r.cell(c_branch));
  bool needs_branch = is_member(f.status) || f.status == PoliticalStatus::candidate;
  if (needs_branch && f.branch.empty()) {
    r.problem(c_branch,
              msg::needs_branch(message_language() == Language::zh ? label_zh(f.status) : label_en(f.status)));
  }
}

// Attention categories are sensitive: messages give the item's position, never its text,
// and never list the categories either (a message is no place for them).
void read_attention(RowReader& r, StudentFacts& f) {
  auto items = detail::split_list(r.cell(c_attention));
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto category = parse_attention_category(items[i]);
    if (!category) {
      r.problem(c_attention, msg::unknown_attention(i + 1));
      continue;
    }
    f.attention.push_back(*category);
  }
  std::sort(f.attention.begin(), f.attention.end());
  f.attention.erase(std::unique(f.attention.begin(), f.attention.end()), f.attention.end());
}

void read_values(RowReader& r, StudentFacts& f) {
  f.name = required(r, c_name);
  if (auto g = parse_gender(r.cell(c_gender))) {
    f.gender = *g;
  } else {
    r.problem(c_gender, msg::unknown_gender(quote_value(r.cell(c_gender))));
  }
  f.major = required(r, c_major);
  std::string error;
  if (auto cohort = parse_grade(r.cell(c_grade), r.context.semester, error)) {
    f.cohort = *cohort;
  } else {
    r.problem(c_grade, msg::quoted_problem(quote_value(r.cell(c_grade)), error));
  }
  f.class_name = util::normalize_code(r.cell(c_class));
  read_dorm(r, f);
  if (!r.cell(c_phone).empty()) {
    if (auto phone = normalize_phone(r.cell(c_phone))) {
      f.phone = *phone;
    } else {
      r.problem(c_phone, msg::not_a_phone());
    }
  }
  detail::read_email(r, c_email, f.email);
  read_status(r, f);
  read_attention(r, f);
  if (auto head = detail::parse_flag(r.cell(c_dorm_head))) {
    f.dorm_head = *head;
  } else {
    r.problem(c_dorm_head, msg::not_yes_no(quote_value(r.cell(c_dorm_head))));
  }
  if (auto studio = detail::parse_flag(r.cell(c_studio))) {
    f.studio = *studio;
  } else {
    r.problem(c_studio, msg::not_yes_no(quote_value(r.cell(c_studio))));
  }
}

}  // namespace

namespace {

// Two rows with one student id: both lines are named.
void check_duplicate_ids(const std::vector<StudentRow>& rows, const std::string& source, ProblemCollector& problems) {
  std::unordered_map<std::string_view, std::size_t> first_line;
  first_line.reserve(rows.size());
  for (const auto& row : rows) {
    if (row.student_id.empty()) continue;
    auto [it, inserted] = first_line.emplace(row.student_id, row.line);
    if (!inserted) {
      problems.add(detail::location(source, row.line), msg::student_twice(quote_value(row.student_id), it->second));
    }
  }
}

// A dorm's residents must share one gender, and a dorm has at most one dorm head.
void check_dorm_consistency(const std::vector<StudentRow>& rows, const std::string& source,
                            ProblemCollector& problems) {
  struct DormSeen {
    std::size_t first_line = 0;
    Gender gender = Gender::female;
    std::size_t head_line = 0;
  };
  std::map<std::string_view, DormSeen> dorms;
  for (const auto& row : rows) {
    if (row.facts.dorm.empty()) continue;
    auto [it, inserted] = dorms.emplace(row.facts.dorm, DormSeen{row.line, row.facts.gender, 0});
    auto& seen = it->second;
    if (!inserted && seen.gender != row.facts.gender) {
      problems.add(
          detail::location(source, row.line),
          msg::mixed_genders(row.facts.dorm, seen.first_line, label_zh(seen.gender), label_zh(row.facts.gender)));
    }
    if (row.facts.dorm_head && seen.head_line != 0) {
      problems.add(detail::location(source, row.line), msg::two_dorm_heads(row.facts.dorm, seen.head_line));
    } else if (row.facts.dorm_head) {
      seen.head_line = row.line;
    }
  }
}

}  // namespace

std::vector<StudentRow> parse_students(const util::CsvTable& table, const ParseContext& context, ParseNotes* notes) {
  ProblemCollector problems;
  detail::ColumnMap map(table, k_columns, context.source_name, problems, notes);
  static constexpr std::array<std::size_t, 5> required{c_student_id, c_name, c_gender, c_major, c_grade};
  detail::require_columns(map, k_columns, required, context.source_name, table.header.line, problems);
  if (!detail::has_dorm_columns(map, k_dorm_columns)) {
    problems.add(detail::location(context.source_name, table.header.line), msg::missing_dorm_columns());
  }
  detail::require_rows(table, context.source_name, problems);
  detail::throw_if_problems(problems, context.source_name);

  std::vector<StudentRow> rows;
  RowReader reader{map, context, problems, nullptr};
  util::CsvReader in = table.reader();
  util::CsvRecord record;
  std::size_t checked = 0;
  while (in.next(record)) {
    if (detail::stop_when_full(problems, table, checked++, record.line)) break;
    if (!detail::check_row_width(map, record, context.source_name, problems)) continue;
    reader.record = &record;
    StudentRow row;
    row.line = record.line;
    row.student_id = read_id(reader);
    detail::check_plain_cells(reader);
    read_values(reader, row.facts);
    rows.push_back(std::move(row));
  }
  if (problems.stopped()) detail::throw_if_problems(problems, context.source_name);
  check_duplicate_ids(rows, context.source_name, problems);
  check_dorm_consistency(rows, context.source_name, problems);
  detail::throw_if_problems(problems, context.source_name);
  return rows;
}

}  // namespace dormlink::roster
