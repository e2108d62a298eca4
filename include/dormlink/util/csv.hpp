#pragma once
// An RFC 4180 CSV reader for Excel-made files: quoted fields, doubled quotes, embedded
// newlines, CRLF or LF, comma or tab delimiter. Input is UTF-8 text (see encoding.hpp).
//
// A table keeps its text and reads records back one at a time, so reading a file costs about
// its size in memory whatever its shape (a million one-character rows, one row of a million
// commas), and limits on cells and columns stop a hostile file at the first record over them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink::util {

// One record and the physical line (1-based) where it starts.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// What one record may hold (docs/config.md [limits]); over either is a DataError.
struct CsvLimits {
  std::size_t max_cell_bytes = 1024 * 1024;  // one field, after unquoting
  std::size_t max_columns = 1000;            // fields in one record
};

// Reads records one at a time from UTF-8 text, skipping blank ones (every field empty, as
// Excel's trailing ",,,,"), counting physical lines (CRLF, LF or a lone CR each end one) so
// that records and errors carry the line where they start. Throws DataError
// ("source:line: ...") on an unterminated quoted field, text after a closing quote, a cell
// longer than the limit or a record with more fields than the limit. A stray quote inside an
// unquoted field is kept literally, as Excel does. The text must outlive the reader.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view source_name, char delimiter, CsvLimits limits);

  // Reads the next non-blank record into `record`; false at the end of the text.
  bool next(CsvRecord& record);

  // Where the next record starts: byte offset and line.
  std::size_t position() const noexcept { return m_pos; }
  std::size_t line() const noexcept { return m_line; }
  // Continues from a position() and line() taken earlier on the same text.
  void seek(std::size_t position, std::size_t line) noexcept;

 private:
  bool read_record(CsvRecord& record);
  bool at_end() const noexcept { return m_pos >= m_text.size(); }
  bool at_field_end() const noexcept {
    return at_end() || m_text[m_pos] == m_delimiter || m_text[m_pos] == '\n' || m_text[m_pos] == '\r';
  }
  void read_unquoted(std::string& field, std::size_t column);
  void read_quoted(std::string& field, std::size_t column);
  void skip_line_break();
  void count_line_breaks(std::string_view segment);
  [[noreturn]] void fail(std::size_t line, std::string_view message) const;
  [[noreturn]] void fail_cell(std::size_t line, std::size_t column) const;

  std::string_view m_text;
  std::string_view m_source;
  char m_delimiter;
  CsvLimits m_limits;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
};

// A parsed file: the header record (the first non-blank one), the delimiter, and the data
// records, read back in order through reader().
class CsvTable {
 public:
  CsvRecord header;
  char delimiter = ',';

  // A reader positioned at the first data record. It reads this table's text: keep the table
  // alive (and unmoved) while reading.
  CsvReader reader() const;
  // The number of (non-blank) data records.
  std::size_t record_count() const noexcept { return m_record_count; }
  // Every data record at once; for small inputs and tests (the roster and records parsers
  // read one record at a time instead).
  std::vector<CsvRecord> records() const;

 private:
  friend CsvTable parse_csv(std::string text, const std::string& source_name, CsvLimits limits);
  std::string m_text;
  std::string m_source;
  CsvLimits m_limits;
  std::size_t m_data_position = 0;
  std::size_t m_data_line = 1;
  std::size_t m_record_count = 0;
};

// Parses the whole text (a leading UTF-8 BOM is skipped), checking every record once; the
// table then holds the text. The delimiter is a tab when the header line has tabs and no
// commas outside quotes, otherwise a comma. Throws DataError as CsvReader does, and
// ("source: the file is empty; ...") when there is no header record.
CsvTable parse_csv(std::string text, const std::string& source_name, CsvLimits limits = {});

// Quotes a field for CSV output (RFC 4180) when it contains a comma, quote, CR, LF or TAB.
std::string csv_escape(std::string_view field);

// A text field for a CSV file a person opens (docs/reports.md "CSV and Excel"): line breaks and
// tabs stay (quoted), every other hidden character is escaped (util::escape_hidden), then
// csv_escape.
std::string csv_text_field(std::string_view text);
// "1 MiB", "64 KiB" or "100 bytes": a limit as the config states it, for messages.
std::string describe_bytes(std::size_t bytes);

}  // namespace dormlink::util
