#include "dormlink/util/csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"

#include "messages.hpp"

namespace dormlink::util {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Picks the delimiter from the header record (the first non-blank one): a tab when it has
// tabs and no commas outside quotes, otherwise a comma. Quoted text may hold either, and line
// breaks.
char detect_delimiter(std::string_view text) {
  std::size_t i = text.find_first_not_of("\r\n");
  if (i == std::string_view::npos) return ',';
  bool quoted = false;
  bool tabs = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;  // "" inside quotes toggles twice: still quoted
    } else if (!quoted && (c == '\r' || c == '\n')) {
      break;
    } else if (!quoted && c == ',') {
      return ',';
    } else if (!quoted && c == '\t') {
      tabs = true;
    }
  }
  return tabs ? '\t' : ',';
}

bool is_blank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& field) { return field.empty(); });
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string_view source_name, char delimiter, CsvLimits limits)
    : m_text(text), m_source(source_name), m_delimiter(delimiter), m_limits(limits) {}

bool CsvReader::next(CsvRecord& record) {
  while (read_record(record)) {
    if (!is_blank(record)) return true;
  }
  return false;
}

void CsvReader::seek(std::size_t position, std::size_t line) noexcept {
  m_pos = position;
  m_line = line;
}

// Reads one record, blank or not; refuses a field past the column limit before storing it.
bool CsvReader::read_record(CsvRecord& record) {
  if (at_end()) return false;
  record.line = m_line;
  record.fields.clear();
  while (true) {
    if (record.fields.size() >= m_limits.max_columns) {
      fail(record.line, msg::too_many_columns(m_limits.max_columns));
    }
    std::string& field = record.fields.emplace_back();
    if (!at_end() && m_text[m_pos] == '"') {
      read_quoted(field, record.fields.size());
    } else {
      read_unquoted(field, record.fields.size());
    }
    if (at_end()) return true;
    if (m_text[m_pos] != m_delimiter) break;
    ++m_pos;
  }
  skip_line_break();
  return true;
}

// An unquoted field runs to the next delimiter or line break; quotes in it are literal.
void CsvReader::read_unquoted(std::string& field, std::size_t column) {
  const std::size_t start = m_pos;
  const char* data = m_text.data();
  const std::size_t size = m_text.size();
  std::size_t pos = m_pos;
  while (pos < size && data[pos] != m_delimiter && data[pos] != '\n' && data[pos] != '\r') ++pos;
  if (pos - start > m_limits.max_cell_bytes) fail_cell(m_line, column);
  m_pos = pos;
  field.assign(data + start, pos - start);
}

// A quoted field runs to the matching quote; "" inside it stands for one quote, and line
// breaks inside it are part of the value. The limit is checked before each piece is copied.
void CsvReader::read_quoted(std::string& field, std::size_t column) {
  const std::size_t start_line = m_line;
  ++m_pos;
  while (true) {
    const std::size_t close = m_text.find('"', m_pos);
    if (close == std::string_view::npos) {
      fail(start_line, msg::unclosed_quote());
    }
    const std::string_view segment = m_text.substr(m_pos, close - m_pos);
    if (segment.size() > m_limits.max_cell_bytes - field.size()) fail_cell(start_line, column);
    count_line_breaks(segment);
    field.append(segment);
    m_pos = close + 1;
    if (at_end() || m_text[m_pos] != '"') break;
    if (field.size() == m_limits.max_cell_bytes) fail_cell(start_line, column);
    field.push_back('"');
    ++m_pos;
  }
  if (!at_field_end()) {
    fail(m_line, msg::text_after_quote());
  }
}

// Consumes one CRLF, LF or lone CR.
void CsvReader::skip_line_break() {
  const bool carriage_return = m_text[m_pos] == '\r';
  ++m_pos;
  if (carriage_return && !at_end() && m_text[m_pos] == '\n') ++m_pos;
  ++m_line;
}

// Counts the line breaks inside a quoted value; the segment always ends before a quote, so
// a CRLF is never split between two segments.
void CsvReader::count_line_breaks(std::string_view segment) {
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '\n') {
      ++m_line;
    } else if (segment[i] == '\r' && (i + 1 == segment.size() || segment[i + 1] != '\n')) {
      ++m_line;
    }
  }
}

void CsvReader::fail(std::size_t line, std::string_view message) const {
  throw DataError(fmt::format("{}:{}: {}", m_source, line, message));  // a place, no words
}

// The cell limit: where the cell starts and which column, never its content.
void CsvReader::fail_cell(std::size_t line, std::size_t column) const {
  fail(line, msg::cell_too_long(column, describe_bytes(m_limits.max_cell_bytes)));
}

CsvReader CsvTable::reader() const {
  CsvReader reader(m_text, m_source, delimiter, m_limits);
  reader.seek(m_data_position, m_data_line);
  return reader;
}

std::vector<CsvRecord> CsvTable::records() const {
  std::vector<CsvRecord> out;
  out.reserve(m_record_count);
  CsvReader in = reader();
  CsvRecord record;
  while (in.next(record)) out.push_back(record);
  return out;
}

// Reads the header, then every data record once to check it (and count it); records are
// read again, one at a time, by whoever uses the table.
CsvTable parse_csv(std::string text, const std::string& source_name, CsvLimits limits) {
  if (text.starts_with(k_utf8_bom)) text.erase(0, k_utf8_bom.size());
  CsvTable table;
  table.m_text = std::move(text);
  table.m_source = source_name;
  table.m_limits = limits;
  table.delimiter = detect_delimiter(table.m_text);
  CsvReader reader(table.m_text, source_name, table.delimiter, limits);
  if (!reader.next(table.header)) {
    throw DataError(msg::empty_file(source_name));
  }
  table.m_data_position = reader.position();
  table.m_data_line = reader.line();
  CsvRecord record;
  while (reader.next(record)) ++table.m_record_count;
  return table;
}

std::string csv_text_field(std::string_view text) { return csv_escape(escape_hidden(text, LineBreaks::keep)); }

std::string csv_escape(std::string_view field) {
  // A TAB is quoted too: a first line with tabs and no comma is read as tab-separated.
  if (field.find_first_of(",\"\r\n\t") == std::string_view::npos) return std::string(field);
  std::string out;
  out.reserve(field.size() + 2);
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string describe_bytes(std::size_t bytes) {
  constexpr std::size_t k_kib = 1024;
  if (bytes >= k_kib * k_kib && bytes % (k_kib * k_kib) == 0) return fmt::format("{} MiB", bytes / (k_kib * k_kib));
  if (bytes >= k_kib && bytes % k_kib == 0) return fmt::format("{} KiB", bytes / k_kib);
  return msg::byte_count(bytes);
}

}  // namespace dormlink::util
