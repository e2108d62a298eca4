// Fuzzes reading a roster file: encoding detection and decoding (util::decode_text), then the
// CSV reader (util::parse_csv). Properties: only dormlink::Error escapes; decoded text is
// strict UTF-8; writing a parsed table back with util::csv_escape and reading it again gives
// the same fields.

#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"
#include "dormlink/util/text.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::fuzz::require;
using dormlink::util::CsvRecord;
using dormlink::util::CsvTable;

void append_record(std::string& out, const CsvRecord& record) {
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (i > 0) out += ',';
    out += dormlink::util::csv_escape(record.fields[i]);
  }
  out += "\r\n";
}

// Writes the table as dormlink's Excel CSV does (BOM, comma, CRLF) and reads it back.
void check_round_trip(const CsvTable& table) {
  std::string text = "\xEF\xBB\xBF";
  append_record(text, table.header);
  const std::vector<CsvRecord> records = table.records();
  for (const CsvRecord& record : records) append_record(text, record);
  const CsvTable again = dormlink::util::parse_csv(text, "round-trip.csv");
  require(again.header.fields == table.header.fields, "csv round trip: header fields differ");
  const std::vector<CsvRecord> again_records = again.records();
  require(again_records.size() == records.size(), "csv round trip: record count differs");
  require(again.record_count() == records.size(), "csv round trip: record_count agrees");
  for (std::size_t i = 0; i < records.size(); ++i) {
    require(again_records[i].fields == records[i].fields, "csv round trip: record fields differ");
  }
}

// Reads the decoded text as CSV; checks what parse_csv promises about the table.
void check_csv(const std::string& utf8) {
  CsvTable table;
  try {
    table = dormlink::util::parse_csv(utf8, "fuzz.csv");
  } catch (const dormlink::Error&) {
    return;  // a located DataError: the documented outcome for malformed CSV
  }
  require(table.delimiter == ',' || table.delimiter == '\t', "csv: delimiter is , or tab");
  for (const CsvRecord& record : table.records()) {
    bool blank = true;
    for (const std::string& field : record.fields) blank = blank && field.empty();
    require(!blank, "csv: blank records are dropped");
    require(record.line > table.header.line, "csv: records start after the header");
  }
  check_round_trip(table);
}

// Decodes with detection or a forced encoding; decoded text must be strict UTF-8.
void check_decode(std::string_view bytes, std::optional<dormlink::util::Encoding> forced) {
  dormlink::util::DecodedText decoded;
  try {
    decoded = dormlink::util::decode_text(std::string(bytes), "fuzz.csv", forced);
  } catch (const dormlink::Error&) {
    return;  // DataError with the "save as CSV UTF-8 / --encoding" hint
  }
  require(dormlink::fuzz::is_strict_utf8(decoded.utf8), "decode: output is strict UTF-8");
  require(dormlink::util::is_valid_utf8(decoded.utf8), "decode: util::is_valid_utf8 agrees");
  if (!forced) check_csv(decoded.utf8);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = dormlink::fuzz::as_text(data, size);
  using dormlink::util::Encoding;
  check_decode(bytes, std::nullopt);
  check_decode(bytes, Encoding::gb18030);
  check_decode(bytes, Encoding::utf16le);
  return 0;
}
