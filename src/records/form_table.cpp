// A returned form's cells read as records (include/dormlink/records/form_table.hpp).
#include "dormlink/records/form_table.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

enum Column : std::size_t {
  c_dorm,
  c_time,
  c_students,
  c_progress,
  c_note,
  c_kind,
  c_channel,
  c_member_id,
  c_member_name,
  c_concern,
  c_escalate_to,
  c_count
};

// The seed's five columns, dormlink's two optional ones and the member's columns of a form
// dormlink printed as CSV, with the titles forms use for them.
constexpr std::array<std::array<std::string_view, 4>, c_count> k_titles{{
    {"联系寝室名称", "联系寝室", "寝室", "寝室号"},
    {"时间", "联系时间", "日期", "走访时间"},
    {"联系学生姓名及方式", "联系学生姓名", "联系学生", "联系对象"},
    {"工作进展及成效", "工作进展", "进展及成效", "工作内容"},
    {"说明", "备注", "", ""},
    {"类型", "形式", "联系形式", ""},
    {"方式", "渠道", "联系方式", ""},
    {"党员学号", "", "", ""},
    {"党员姓名", "", "", ""},
    {"需上报情况", "上报情况", "需上报事项", "关注事项"},
    {"上报对象", "上报给", "", ""},
}};

constexpr std::array<std::string_view, c_count> k_names{
    "联系寝室名称", "时间",     "联系学生姓名及方式", "工作进展及成效", "说明",    "类型",
    "方式",         "党员学号", "党员姓名",           "需上报情况",     "上报对象"};

// A header or label cell as compared: no spaces or line breaks (merged headers wrap), no
// trailing colon.
std::string normalized(std::string_view cell) {
  std::string out;
  for (char c : cell)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  for (std::string_view colon : {"：", ":"}) {
    if (out.size() >= colon.size() && out.compare(out.size() - colon.size(), colon.size(), colon) == 0) {
      out.resize(out.size() - colon.size());
    }
  }
  if (out.rfind("\xE3\x80\x80", 0) == 0) out.erase(0, 3);  // U+3000
  return out;
}

std::optional<std::size_t> column_of(std::string_view cell) {
  const auto text = normalized(cell);
  if (text.empty()) return std::nullopt;
  for (std::size_t c = 0; c < c_count; ++c) {
    for (auto title : k_titles[c])
      if (!title.empty() && text == title) return c;
  }
  return std::nullopt;
}

using ColumnMap = std::array<std::optional<std::size_t>, c_count>;

ColumnMap map_columns(const FormGrid::Line& line) {
  ColumnMap map;
  for (std::size_t i = 0; i < line.cells.size(); ++i) {
    if (auto c = column_of(line.cells[i]); c && !map[*c]) map[*c] = i;
  }
  return map;
}

std::string_view cell_at(const FormGrid::Line& line, const std::optional<std::size_t>& index) {
  if (!index || *index >= line.cells.size()) return {};
  return util::trim(line.cells[*index]);
}

bool blank(const FormGrid::Line& line) {
  for (const auto& cell : line.cells)
    if (!util::trim(cell).empty()) return false;
  return true;
}

bool ticked(std::string_view value) {
  const auto v = normalized(value);
  for (std::string_view yes : {"是", "√", "✓", "✔", "☑", "x", "X", "yes", "Yes", "YES", "y", "Y", "true", "TRUE",
                               "True", "1", "无联系", "本期无联系"}) {
    if (v == yes) return true;
  }
  return false;
}

// A label cell's value: the next non-empty cell to its right.
std::string value_right_of(const FormGrid::Line& line, std::size_t index) {
  for (std::size_t i = index + 1; i < line.cells.size(); ++i) {
    auto v = util::trim(line.cells[i]);
    if (!v.empty()) return std::string(v);
  }
  return {};
}

std::optional<int> small_number(std::string_view text) {
  int value = 0;
  const auto t = util::trim(text);
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || value < 1 || value > 99) return std::nullopt;
  return value;
}

// Sets `field` from a label's value, or records a conflict with what another cell said.
void take(std::string& field, const std::string& value, std::string_view label, const std::string& where,
          ProblemCollector& problems) {
  if (value.empty()) return;
  if (field.empty()) {
    field = value;
  } else if (field != value) {
    problems.add(where, msg::label_mismatch(label, quote_value(value), label, quote_value(field)));
  }
}

void read_hidden(const FormGrid& hidden, FormHeader& h, ProblemCollector& problems) {
  for (const auto& line : hidden.lines) {
    if (line.cells.size() < 2) continue;
    const auto key = util::trim(line.cells[0]);
    const std::string value(util::trim(line.cells[1]));
    if (key == "form_id") h.form_id = value;
    if (key == "member_id") h.member_id = value;
    if (key == "semester_id") h.semester_id = value;
    if (key == "period") {
      h.period = small_number(value);
      if (!h.period) problems.add(hidden.where(line.number, 1), msg::hidden_period_not_number());
    }
  }
  h.hidden_sheet = true;
}

void read_label(const FormGrid& main, const FormGrid::Line& line, std::size_t i, FormHeader& h,
                ProblemCollector& problems) {
  const auto label = normalized(line.cells[i]);
  const auto where = main.where(line.number, i);
  if (const auto at = label.find("本期无联系"); at != std::string::npos) {
    if (label == "本期无联系") {
      h.no_contact = h.no_contact || ticked(value_right_of(line, i));
    } else {
      // The tick typed in the same cell, before or after the words: "☑本期无联系", "本期无联系：是".
      // A longer text that mentions 本期无联系 (the instructions) ticks nothing.
      auto rest = label.substr(0, at) + label.substr(at + std::string_view("本期无联系").size());
      for (std::string_view colon : {"：", ":"})
        if (rest.rfind(colon, 0) == 0) rest.erase(0, colon.size());
      h.no_contact = h.no_contact || (rest != "本期无联系" && ticked(rest));
    }
    return;
  }
  const auto value = value_right_of(line, i);
  if (label == "表单编号") take(h.form_id, value, "表单编号", where, problems);
  if (label == "学号") take(h.member_id, value, "学号", where, problems);
  if (label == "党员姓名") take(h.member_name, value, "党员姓名", where, problems);
  if (label == "学期") take(h.semester_text, value, "学期", where, problems);
  if (label == "期次编号" && !value.empty()) {
    auto n = small_number(value);
    if (!n) {
      problems.add(where, msg::period_not_number(quote_value(value)));
    } else if (h.period && *h.period != *n) {
      problems.add(where, msg::period_mismatch(*n, *h.period));
    } else {
      h.period = n;
    }
  }
}

}  // namespace

std::string FormGrid::where(std::size_t line, std::size_t column) const {
  if (sheet.empty()) return fmt::format("{}:{}", source, line);
  std::string letters;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return fmt::format("{}:{}!{}{}", source, sheet, letters, line);
}

std::string FormGrid::row_where(std::size_t line) const {
  return sheet.empty() ? fmt::format("{}:{}", source, line) : fmt::format("{}:{}:{}", source, sheet, line);
}

FormHeader read_form_header(const FormGrid& main, const FormGrid* hidden, ProblemCollector& problems) {
  FormHeader h;
  if (hidden != nullptr) read_hidden(*hidden, h, problems);
  const auto table = find_table(main);
  const auto map = table ? map_columns(main.lines[*table]) : ColumnMap{};
  for (std::size_t l = 0; l < main.lines.size(); ++l) {
    const auto& line = main.lines[l];
    if (table && l == *table) continue;
    // A table with the member's columns (a form dormlink printed as CSV) names the member on
    // every row: all rows must name the same one.
    if (table && l > *table) {
      if (map[c_member_id])
        take(h.member_id, std::string(cell_at(line, map[c_member_id])), "党员学号",
             main.where(line.number, *map[c_member_id]), problems);
      if (map[c_member_name])
        take(h.member_name, std::string(cell_at(line, map[c_member_name])), "党员姓名",
             main.where(line.number, *map[c_member_name]), problems);
    }
    for (std::size_t i = 0; i < line.cells.size(); ++i) {
      // Inside the table, only 本期无联系 is a label (a member may type it in a row).
      if (table && l > *table && normalized(line.cells[i]).find("本期无联系") == std::string::npos) continue;
      read_label(main, line, i, h, problems);
    }
  }
  return h;
}

std::optional<std::size_t> find_table(const FormGrid& main) {
  for (std::size_t l = 0; l < main.lines.size(); ++l) {
    const auto map = map_columns(main.lines[l]);
    if (map[c_time] && (map[c_dorm] || map[c_students])) return l;
  }
  return std::nullopt;
}

std::vector<Date> table_dates(const FormGrid& main, Date today) {
  std::vector<Date> dates;
  const auto table = find_table(main);
  if (!table) return dates;
  const auto map = map_columns(main.lines[*table]);
  for (std::size_t l = *table + 1; l < main.lines.size(); ++l) {
    const auto text = cell_at(main.lines[l], map[c_time]);
    if (text.empty()) continue;
    auto when = parse_when(text, today);
    if (const auto* at = std::get_if<LocalDateTime>(&when)) dates.push_back(at->date);
  }
  return dates;
}

namespace {

// The messages of the concern columns (docs/cases.md "Opening a concern").
namespace say {
inline constexpr Message bad_escalate_to{"{}: use 辅导员, 班主任 or 学院领导", "{}：请填写 辅导员、班主任 或 学院领导"};
inline constexpr Message escalate_without_concern{"上报对象 goes with 需上报情况 (what is reported)",
                                                  "上报对象 须与 需上报情况（上报的内容）同填"};
}  // namespace say

// The incident category a row's text names (特殊情况 rows), else 其他违纪.
IncidentCategory category_in(std::string_view progress, std::string_view note) {
  for (int c = 0; c <= static_cast<int>(IncidentCategory::emergency); ++c) {
    const auto category = static_cast<IncidentCategory>(c);
    const auto label = label_zh(category);
    if (progress.find(label) != std::string_view::npos || note.find(label) != std::string_view::npos) return category;
  }
  return IncidentCategory::other_violation;
}

struct RowReader {
  const FormGrid& grid;
  const ColumnMap& map;
  const FormPeriod& period;
  ProblemCollector& problems;

  void problem(const FormGrid::Line& line, Column c, const std::string& message) const {
    const auto where = grid.where(line.number, map[c].value_or(0));
    problems.add(where, grid.sheet.empty() ? msg::in_column(k_names[c], message) : msg::in_cell(k_names[c], message));
  }

  std::optional<Kind> column_kind(const FormGrid::Line& line) const {
    const auto text = cell_at(line, map[c_kind]);
    if (text.empty()) return std::nullopt;
    auto kind = parse_kind(text);
    if (!kind || points_at_record(*kind)) {
      problem(line, c_kind, msg::not_a_kind_form(quote_value(text)));
      return std::nullopt;
    }
    return kind;
  }

  std::optional<FormRow> read(const FormGrid::Line& line) const;

  // 需上报情况 and 上报对象: a concern about the row's one student.
  std::optional<ConcernRequest> concern(const FormGrid::Line& line) const {
    const auto text = cell_at(line, map[c_concern]);
    const auto to = cell_at(line, map[c_escalate_to]);
    if (text.empty()) {
      if (!to.empty()) problem(line, c_escalate_to, say::escalate_without_concern());
      return std::nullopt;
    }
    ConcernRequest c;
    c.text = std::string(text);
    c.in_table = true;
    if (!to.empty()) {
      if (auto parsed = parse_escalation(to)) {
        c.escalate_to = *parsed;
      } else {
        problem(line, c_escalate_to, say::bad_escalate_to(quote_value(to)));
      }
    }
    return c;
  }
};

std::optional<FormRow> RowReader::read(const FormGrid::Line& line) const {
  FormRow row;
  row.line = line.number;
  auto& q = row.request;
  if (auto dorm = cell_at(line, map[c_dorm]); !dorm.empty()) q.dorm = std::string(dorm);
  row.time_text = std::string(cell_at(line, map[c_time]));
  if (row.time_text.empty()) {
    problem(line, c_time, msg::time_empty());
  } else {
    auto when = parse_form_time(row.time_text, period.first, period.last, period.semester_start);
    if (const auto* error = std::get_if<WhenError>(&when)) {
      problem(line, c_time, error->message);
    } else {
      q.at = std::get<LocalDateTime>(when);
    }
  }
  ContactCell contact;
  auto parsed = parse_contact_cell(cell_at(line, map[c_students]), DigitNames::student_ids);
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    problem(line, c_students, *error);
  } else {
    contact = std::get<ContactCell>(parsed);
  }
  row.names = contact.names;
  row.everyone = contact.everyone;
  const auto progress = cell_at(line, map[c_progress]);
  const auto note = cell_at(line, map[c_note]);
  if (!progress.empty()) q.content.progress = std::string(progress);
  if (!note.empty()) q.content.note = std::string(note);
  row.kind = decide_kind(column_kind(line), contact, progress, note);
  q.kind = row.kind.kind;
  q.channel = contact.channel.value_or(Channel::in_person);
  if (const auto channel = cell_at(line, map[c_channel]); !channel.empty()) {
    if (auto c = parse_channel(channel)) {
      q.channel = c;
    } else {
      problem(line, c_channel, msg::bad_channel_cell(quote_value(channel)));
    }
  }
  if (q.kind == Kind::excused) q.reason = std::string(note.empty() ? progress : note);
  if (q.kind == Kind::incident)
    q.incident = Incident{category_in(progress, note), std::nullopt, std::nullopt, std::nullopt};
  q.concern = concern(line);
  return row;
}

}  // namespace

std::vector<FormRow> read_form_rows(const FormGrid& main, const FormPeriod& period, ProblemCollector& problems) {
  std::vector<FormRow> rows;
  const auto table = find_table(main);
  if (!table) return rows;
  const auto map = map_columns(main.lines[*table]);
  const RowReader reader{main, map, period, problems};
  for (std::size_t l = *table + 1; l < main.lines.size(); ++l) {
    const auto& line = main.lines[l];
    if (blank(line)) continue;
    bool label_line = false;
    for (const auto& cell : line.cells) {
      const auto text = normalized(cell);
      if (text.find("本期无联系") != std::string::npos || text == "报送时间" || text == "签名" || text == "党员签名") {
        label_line = true;
      }
    }
    if (label_line) break;
    // A row with a problem is not read further: its problems are all it gives.
    const auto before = problems.size();
    auto row = reader.read(line);
    if (row && problems.size() == before) rows.push_back(std::move(*row));
  }
  return rows;
}

}  // namespace dormlink::records
