#pragma once
// An RFC 4180 CSV reader for Excel-made files: quoted fields, doubled quotes, embedded
// newlines, CRLF or LF, comma or tab delimiter. Input is UTF-8 text (see encoding.hpp).

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

// A parsed file: the header record and the data records. Records whose fields are all
// empty (Excel's trailing ",,,,") are dropped.
struct CsvTable {
  CsvRecord header;
  std::vector<CsvRecord> records;
  char delimiter = ',';
};

// Parses the whole text. The delimiter is a tab when the header line has tabs and no commas,
// otherwise a comma. Throws DataError("source:line: ...") on an unterminated quoted field,
// text after a closing quote, or an empty file. A stray quote inside an unquoted field is
// kept literally, as Excel does.
CsvTable parse_csv(std::string_view text, const std::string& source_name);

// Quotes a field for CSV output (RFC 4180) when it contains a comma, quote, CR or LF.
std::string csv_escape(std::string_view field);

// A text field for a CSV file a person opens (docs/reports.md "CSV and Excel"): line breaks and
// tabs stay (quoted), every other hidden character is escaped (util::escape_hidden), then
// csv_escape.
std::string csv_text_field(std::string_view text);

}  // namespace dormlink::util
