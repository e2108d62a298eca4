// Fuzzes reading .xlsx files (xlsx::read_book). An input that starts like a zip or an OLE file
// is the whole file; any other input is a worksheet's XML, wrapped into a stored (uncompressed)
// zip with a fixed workbook, shared strings and styles, so mutations reach the XML parsers past
// the zip's CRC. Properties: only DataError escapes, and a book read respects the limits: grid
// sizes, cell sizes, strict UTF-8, padding only up to the last non-empty cell, texts that agree
// with the cells' types.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/when.hpp"
#include "dormlink/xlsx/read.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::fuzz::require;
using dormlink::xlsx::Cell;

std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFU;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

void put(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFFU);
}

// A zip of stored entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out;
  std::string directory;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    std::string common;
    put(common, 20, 2);        // version needed
    put(common, 0, 4);         // flags, method (stored)
    put(common, 0x210000, 4);  // time, date
    put(common, crc32(data), 4);
    put(common, size, 4);
    put(common, size, 4);
    put(common, static_cast<std::uint32_t>(name.size()), 2);
    put(common, 0, 2);  // extra field
    put(out, 0x04034b50, 4);
    out += common + name + data;
    put(directory, 0x02014b50, 4);
    put(directory, 20, 2);
    directory += common;
    put(directory, 0, 2);  // comment length
    put(directory, 0, 2);  // disk number
    put(directory, 0, 2);  // internal attributes
    put(directory, 0, 4);  // external attributes
    put(directory, offset, 4);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put(out, 0x06054b50, 4);
  put(out, 0, 4);
  put(out, static_cast<std::uint32_t>(entries.size()), 2);
  put(out, static_cast<std::uint32_t>(entries.size()), 2);
  put(out, static_cast<std::uint32_t>(directory.size()), 4);
  put(out, directory_offset, 4);
  put(out, 0, 2);
  return out;
}

// Shared strings: an escape, rich runs with a phonetic run, an empty string, then plain ones up
// to 16 (the openpyxl seed's sheet uses indexes up to 11).
std::string shared_strings(const std::string& main) {
  std::string items =
      "<si><t>a_x000D_b</t></si><si><r><t>x</t></r><r><t>y</t></r><rPh><t>z</t></rPh></si><si><t></t></si>";
  for (int i = 3; i < 16; ++i) items += "<si><t>s" + std::to_string(i) + "</t></si>";
  return "<sst xmlns=\"" + main + "\">" + items + "</sst>";
}

// A workbook whose one sheet is `sheet`.
std::string wrap_sheet(std::string_view sheet) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return stored_zip({
      {"xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel +
                              "\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"s\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/sharedStrings.xml", shared_strings(main)},
      {"xl/styles.xml", "<styleSheet xmlns=\"" + main +
                            "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd h:mm\"/></numFmts>"
                            "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs>"
                            "</styleSheet>"},
      {"xl/worksheets/sheet1.xml", std::string(sheet)},
  });
}

void check_cell(const Cell& cell, const dormlink::xlsx::ReadLimits& limits, bool date1904) {
  require(cell.text.size() <= limits.max_cell_bytes, "xlsx: a cell's text is within max_cell_bytes");
  require(dormlink::fuzz::is_strict_utf8(cell.text), "xlsx: a cell's text is strict UTF-8");
  require((cell.type == Cell::Type::empty) == cell.text.empty(), "xlsx: a cell is empty exactly when its text is");
  if (cell.type == Cell::Type::number) {
    double back = 0;
    const auto [end, error] = std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), back);
    require(error == std::errc{} && end == cell.text.data() + cell.text.size() && back == cell.number,
            "xlsx: a number's text reads back as its value");
  } else if (cell.type == Cell::Type::date) {
    const auto when = dormlink::xlsx::to_local_date_time(cell.number, date1904);
    require(when && dormlink::format_local(*when) == cell.text, "xlsx: a date's text is its serial's date");
  } else if (cell.type == Cell::Type::boolean) {
    require(cell.text == "TRUE" || cell.text == "FALSE", "xlsx: a boolean is TRUE or FALSE");
  }
}

void check_book(const dormlink::xlsx::Book& book, const dormlink::xlsx::ReadLimits& limits) {
  require(book.sheets.size() <= limits.max_entries, "xlsx: no more sheets than max_entries");
  std::size_t cells = 0;
  for (const auto& sheet : book.sheets) {
    require(sheet.rows.size() <= limits.max_rows, "xlsx: rows within max_rows");
    require(sheet.rows.empty() || !sheet.rows.back().empty(), "xlsx: trailing empty rows are dropped");
    for (const auto& row : sheet.rows) {
      require(row.size() <= limits.max_columns, "xlsx: columns within max_columns");
      require(row.empty() || row.back().type != Cell::Type::empty, "xlsx: a row ends with a non-empty cell");
      cells += row.size();
      for (const Cell& cell : row) check_cell(cell, limits, book.date1904);
    }
    for (const auto& range : sheet.merged) {
      require(range.first_row <= range.last_row && range.first_col <= range.last_col, "xlsx: merged ranges ordered");
    }
    cells += sheet.merged.size();
  }
  require(cells <= limits.max_cells, "xlsx: cells within max_cells");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = dormlink::fuzz::as_text(data, size);
  const bool whole_file = input.starts_with("PK") || input.starts_with("\xD0\xCF");
  const std::string bytes = whole_file ? std::string(input) : wrap_sheet(input);
  dormlink::xlsx::ReadLimits limits;
  limits.max_file_bytes = 8u << 20;  // fast runs; the ratio and grace stay as shipped
  try {
    check_book(dormlink::xlsx::read_book(bytes, limits, "fuzz.xlsx"), limits);
  } catch (const dormlink::DataError&) {
    return 0;  // the documented outcome for a file that is not read
  }
  return 0;
}
