#include <charconv>
#include <map>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/roster/columns.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::roster {
namespace {

using detail::ColumnSpec;

enum Column : std::size_t { c_dorm, c_building, c_room, c_gender, c_capacity, c_grade, c_major, c_count };

constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"dorm", {"寝室", "寝室号", "宿舍", "宿舍号", "寝室名称", "", ""}},
    {"building", {"楼栋", "楼号", "宿舍楼", "", "", "", ""}},
    {"room", {"房间号", "房间", "房号", "", "", "", ""}},
    {"gender", {"性别", "sex", "", "", "", "", ""}},
    {"capacity", {"容量", "床位数", "床位", "人数上限", "", "", ""}},
    {"grade", {"年级", "", "", "", "", "", ""}},
    {"major", {"专业", "", "", "", "", "", ""}},
}};

constexpr int k_max_capacity = 20;

using detail::RowReader;

constexpr detail::DormColumns k_dorm_columns{c_dorm, c_building, c_room};

void read_capacity(RowReader& r, DormFacts& f) {
  auto text = util::normalize_code(r.cell(c_capacity));
  if (text.empty()) return;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || value < 1 || value > k_max_capacity) {
    r.problem(c_capacity, msg::not_capacity(quote_value(text), k_max_capacity));
    return;
  }
  f.capacity = value;
}

void read_values(RowReader& r, DormFacts& f) {
  if (!r.cell(c_gender).empty()) {
    f.gender = parse_gender(r.cell(c_gender));
    if (!f.gender) r.problem(c_gender, msg::unknown_gender(quote_value(r.cell(c_gender))));
  }
  read_capacity(r, f);
  if (!r.cell(c_grade).empty()) {
    std::string error;
    f.cohort = parse_grade(r.cell(c_grade), r.context.semester, error);
    if (!f.cohort) r.problem(c_grade, msg::quoted_problem(quote_value(r.cell(c_grade)), error));
  }
  if (!r.cell(c_major).empty()) f.major = std::string(r.cell(c_major));
}

}  // namespace

std::vector<DormRow> parse_dorms(const util::CsvTable& table, const ParseContext& context, ParseNotes* notes) {
  ProblemCollector problems;
  detail::ColumnMap map(table, k_columns, context.source_name, problems, notes);
  if (!detail::has_dorm_columns(map, k_dorm_columns)) {
    problems.add(detail::location(context.source_name, table.header.line), msg::missing_dorm_columns());
  }
  detail::require_rows(table, context.source_name, problems);
  detail::throw_if_problems(problems, context.source_name);

  std::vector<DormRow> rows;
  std::map<std::string, std::size_t> seen;
  RowReader reader{map, context, problems, nullptr};
  util::CsvReader in = table.reader();
  util::CsvRecord record;
  std::size_t checked = 0;
  while (in.next(record)) {
    if (detail::stop_when_full(problems, table, checked++, record.line)) break;
    if (!detail::check_row_width(map, record, context.source_name, problems)) continue;
    reader.record = &record;
    detail::check_plain_cells(reader);
    auto code = detail::read_dorm_code(reader, k_dorm_columns, "row");
    DormRow row;
    row.line = record.line;
    read_values(reader, row.facts);
    if (!code) continue;
    row.dorm = *code;
    auto [it, inserted] = seen.emplace(code->code(), record.line);
    if (!inserted) {
      problems.add(detail::location(context.source_name, record.line),
                   msg::dorm_listed_twice(code->code(), it->second));
    }
    rows.push_back(std::move(row));
  }
  detail::throw_if_problems(problems, context.source_name);
  return rows;
}

}  // namespace dormlink::roster
