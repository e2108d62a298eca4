#include "dormlink/roster/columns.hpp"
#include "messages.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::roster::detail {
namespace {

// Header text in comparable form: NFKC, trimmed, ASCII lower-case, a trailing "*" dropped.
std::string header_key(std::string_view text) {
  auto key = util::normalize_code(text);
  while (!key.empty() && key.back() == '*') key.pop_back();
  key = std::string(util::trim(key));
  std::transform(key.begin(), key.end(), key.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return key;
}

std::optional<std::size_t> find_spec(std::span<const ColumnSpec> specs, std::string_view key) {
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].name == key) return i;
    for (auto alias : specs[i].aliases) {
      if (!alias.empty() && alias == key) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

ColumnMap::ColumnMap(const util::CsvTable& table, std::span<const ColumnSpec> specs, const std::string& source,
                     ProblemCollector& problems, ParseNotes* notes)
    : m_specs(specs), m_position(specs.size()), m_header_text(specs.size()), m_width(table.header.fields.size()) {
  for (std::size_t i = 0; i < table.header.fields.size(); ++i) {
    const auto& text = table.header.fields[i];
    auto spec = find_spec(specs, header_key(text));
    if (!spec) {
      if (notes != nullptr && !util::trim(text).empty()) {
        notes->ignored_columns.emplace_back(util::trim(text));
      }
      continue;
    }
    if (m_position[*spec]) {
      problems.add(
          location(source, table.header.line),
          msg::same_meaning(quote_value(m_header_text[*spec]), quote_value(util::trim(text)), specs[*spec].name));
      continue;
    }
    m_position[*spec] = i;
    m_header_text[*spec] = std::string(util::trim(text));
  }
}

std::string_view ColumnMap::cell(const util::CsvRecord& record, std::size_t column) const {
  const auto& pos = m_position[column];
  if (!pos || *pos >= record.fields.size()) return {};
  return util::trim(record.fields[*pos]);
}

std::string ColumnMap::header(std::size_t column) const {
  if (m_position[column]) return m_header_text[column];
  // A column the file lacks: its Chinese header in Chinese messages, its English name otherwise.
  return std::string(message_language() == Language::zh ? m_specs[column].aliases[0] : m_specs[column].name);
}

void require_columns(const ColumnMap& map, std::span<const ColumnSpec> specs, std::span<const std::size_t> required,
                     const std::string& source, std::size_t header_line, ProblemCollector& problems) {
  std::string missing;
  for (auto column : required) {
    if (map.has(column)) continue;
    if (!missing.empty()) missing += ", ";
    missing += fmt::format("{} ({})", specs[column].aliases[0], specs[column].name);
  }
  if (!missing.empty()) {
    problems.add(location(source, header_line), msg::missing_columns(missing));
  }
}

bool check_row_width(const ColumnMap& map, const util::CsvRecord& record, const std::string& source,
                     ProblemCollector& problems) {
  if (record.fields.size() <= map.width()) return true;
  problems.add(location(source, record.line), msg::row_too_wide(record.fields.size(), map.width()));
  return false;
}

bool stop_when_full(ProblemCollector& problems, const util::CsvTable& table, std::size_t checked, std::size_t line) {
  if (!problems.full()) return false;
  const std::size_t rest = table.record_count() - checked;
  problems.stop(msg::checking_stopped(ProblemCollector::k_max_kept, rest, rest == 1 ? "" : "s", line,
                                      rest == 1 ? "was" : "were"));
  return true;
}

void require_rows(const util::CsvTable& table, const std::string& source, ProblemCollector& problems) {
  if (table.record_count() > 0) return;
  problems.add(location(source, table.header.line), msg::no_data_rows());
}

std::string location(const std::string& source, std::size_t line) { return fmt::format("{}:{}", source, line); }

std::vector<std::string> split_list(std::string_view cell) {
  static constexpr std::array<std::string_view, 6> separators{";", "；", "、", ",", "，", "|"};
  std::vector<std::string> parts;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos <= cell.size()) {
    std::size_t sep_len = 0;
    for (auto sep : separators) {
      if (cell.substr(pos, sep.size()) == sep) sep_len = sep.size();
    }
    if (pos == cell.size() || sep_len > 0) {
      auto part = util::trim(cell.substr(start, pos - start));
      if (!part.empty()) parts.emplace_back(part);
      pos += std::max<std::size_t>(sep_len, 1);
      start = pos;
    } else {
      ++pos;
    }
  }
  return parts;
}

std::optional<bool> parse_flag(std::string_view cell) {
  static constexpr std::array<std::string_view, 8> yes{"是", "y", "yes", "1", "true", "√", "✓", "寝室长"};
  static constexpr std::array<std::string_view, 7> no{"否", "n", "no", "0", "false", "×", "无"};
  auto key = header_key(cell);
  if (key.empty()) return false;
  if (std::find(yes.begin(), yes.end(), key) != yes.end()) return true;
  if (std::find(no.begin(), no.end(), key) != no.end()) return false;
  return std::nullopt;
}

void RowReader::problem(std::size_t column, const std::string& message) {
  problems.add(location(context.source_name, record->line), msg::in_column(map.header(column), message));
}

void read_email(RowReader& r, std::size_t column, std::string& out) {
  if (r.cell(column).empty()) return;
  std::string problem;
  if (auto email = normalize_email(r.cell(column), problem)) {
    out = std::move(*email);
  } else {
    r.problem(column, problem);
  }
}

void check_plain_cells(RowReader& r, std::span<const std::size_t> free_text) {
  for (std::size_t column = 0; column < r.map.columns(); ++column) {
    const bool free = std::find(free_text.begin(), free_text.end(), column) != free_text.end();
    if (!r.map.has(column) || free) continue;
    if (auto problem = name_problem(r.cell(column))) r.problem(column, *problem);
  }
}

std::optional<DormCode> read_dorm_code(RowReader& r, DormColumns c, const char* who) {
  std::optional<DormCode> code;
  if (r.map.has(c.dorm) && !r.cell(c.dorm).empty()) {
    code = parse_dorm_code(r.cell(c.dorm));
    if (!code) {
      r.problem(c.dorm, msg::not_a_dorm(quote_value(r.cell(c.dorm))));
    }
  } else if (!r.cell(c.building).empty() || !r.cell(c.room).empty()) {
    code = make_dorm_code(r.cell(c.building), r.cell(c.room));
    if (!code) {
      r.problem(c.room, msg::not_a_dorm_pair(quote_value(r.cell(c.building)), quote_value(r.cell(c.room))));
    }
  } else {
    r.problem(
        r.map.has(c.dorm) ? c.dorm : c.room,
        msg::dorm_empty((std::string_view(who) == "student" ? msg::student_word : msg::row_word)(message_language())));
  }
  return code;
}

bool has_dorm_columns(const ColumnMap& map, DormColumns c) {
  return map.has(c.dorm) || (map.has(c.building) && map.has(c.room));
}

namespace {

// The line number of a "file:line" location, for ordering problems as the file reads.
std::size_t line_of(const Problem& p) {
  auto colon = p.location.rfind(':');
  if (colon == std::string::npos) return 0;
  std::size_t line = 0;
  for (char c : std::string_view(p.location).substr(colon + 1)) {
    if (c < '0' || c > '9') return 0;
    line = line * 10 + static_cast<std::size_t>(c - '0');
  }
  return line;
}

}  // namespace

void throw_if_problems(ProblemCollector& problems, const std::string& source) {
  if (problems.empty()) return;
  auto count = problems.size();
  const auto notes = (problems.left_out() > 0 ? 1 : 0) + (problems.stopped() ? 1 : 0);
  const auto at_least = problems.stopped() ? msg::at_least(message_language()) : "";
  auto list = problems.take();
  // Located problems in file order; the unlocated notes ("... and N more") stay last.
  std::stable_sort(list.begin(), list.end() - notes,
                   [](const Problem& a, const Problem& b) { return line_of(a) < line_of(b); });
  throw DataError(msg::import_problems(source, at_least, count, count == 1 ? "" : "s"), std::move(list));
}

}  // namespace dormlink::roster::detail
