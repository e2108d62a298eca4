#include "dormlink/util/csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"

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

// Reads records one at a time from the text, counting physical lines (CRLF, LF or a lone
// CR each end one) so that records and errors carry the line where they start.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view source_name, char delimiter)
      : m_text(text), m_source(source_name), m_delimiter(delimiter) {}

  // Reads the next record into `record`; false at the end of the text.
  bool next(CsvRecord& record);

 private:
  bool at_end() const noexcept { return m_pos >= m_text.size(); }
  bool at_field_end() const noexcept {
    return at_end() || m_text[m_pos] == m_delimiter || m_text[m_pos] == '\n' ||
           m_text[m_pos] == '\r';
  }
  void read_unquoted(std::string& field);
  void read_quoted(std::string& field);
  void skip_line_break();
  void count_line_breaks(std::string_view segment);
  [[noreturn]] void fail(std::size_t line, std::string_view message) const;

  std::string_view m_text;
  std::string_view m_source;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
};

bool CsvReader::next(CsvRecord& record) {
  if (at_end()) return false;
  record.line = m_line;
  record.fields.clear();
  while (true) {
    std::string& field = record.fields.emplace_back();
    if (!at_end() && m_text[m_pos] == '"') {
      read_quoted(field);
    } else {
      read_unquoted(field);
    }
    if (at_end()) return true;
    if (m_text[m_pos] != m_delimiter) break;
    ++m_pos;
  }
  skip_line_break();
  return true;
}

// An unquoted field runs to the next delimiter or line break; quotes in it are literal.
void CsvReader::read_unquoted(std::string& field) {
  const std::size_t start = m_pos;
  const char* data = m_text.data();
  const std::size_t size = m_text.size();
  std::size_t pos = m_pos;
  while (pos < size && data[pos] != m_delimiter && data[pos] != '\n' && data[pos] != '\r') ++pos;
  m_pos = pos;
  field.assign(data + start, pos - start);
}

// A quoted field runs to the matching quote; "" inside it stands for one quote, and line
// breaks inside it are part of the value.
void CsvReader::read_quoted(std::string& field) {
  const std::size_t start_line = m_line;
  ++m_pos;
  while (true) {
    const std::size_t close = m_text.find('"', m_pos);
    if (close == std::string_view::npos) {
      fail(start_line, "quoted field starts here and never closes; close the quote or re-save "
                       "the file from Excel");
    }
    const std::string_view segment = m_text.substr(m_pos, close - m_pos);
    count_line_breaks(segment);
    field.append(segment);
    m_pos = close + 1;
    if (at_end() || m_text[m_pos] != '"') break;
    field.push_back('"');
    ++m_pos;
  }
  if (!at_field_end()) {
    fail(m_line, "text after the closing quote of a quoted field; write a quote inside a quoted "
                 "field as two quotes (\"\")");
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
  throw DataError(fmt::format("{}:{}: {}", m_source, line, message));
}

}  // namespace

// Reads every record; the first non-blank one is the header and blank ones are dropped.
CsvTable parse_csv(std::string_view text, const std::string& source_name) {
  if (text.starts_with(k_utf8_bom)) text.remove_prefix(k_utf8_bom.size());
  CsvTable table;
  table.delimiter = detect_delimiter(text);
  CsvReader reader(text, source_name, table.delimiter);
  bool have_header = false;
  CsvRecord record;
  while (reader.next(record)) {
    if (is_blank(record)) continue;
    if (have_header) {
      table.records.push_back(std::move(record));
    } else {
      table.header = std::move(record);
      have_header = true;
    }
    record = CsvRecord{};
    record.fields.reserve(table.header.fields.size());
  }
  if (!have_header) {
    throw DataError(fmt::format("{}: the file is empty; expected a header row", source_name));
  }
  return table;
}

std::string csv_text_field(std::string_view text) {
  return csv_escape(escape_hidden(text, LineBreaks::keep));
}

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

}  // namespace dormlink::util
