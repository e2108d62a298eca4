#pragma once
// Reading .xlsx files (docs/forms.md "Reading xlsx"): the workbooks members return, saved by
// Excel, WPS or LibreOffice, read from memory into sheets of typed cells. The file is hostile
// until read: zip bombs, path tricks, DOCTYPEs and oversized sheets are refused within
// ReadLimits, with a DataError that names the file and says what to do.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/when.hpp"

namespace dormlink::xlsx {

// What a file may cost to read. Sizes are bytes; every limit is checked while reading, on the
// bytes actually inflated, never on what the zip's headers claim.
struct ReadLimits {
  std::size_t max_file_bytes = 64u << 20;    // total uncompressed size of all parts read (and of all cell text)
  std::size_t max_entries = 1000;            // zip entries (and sheets)
  double max_ratio = 100.0;                  // uncompressed/compressed per entry (zip bomb)
  std::size_t ratio_grace_bytes = 1u << 20;  // entries smaller than this skip the ratio test
  std::size_t max_columns = 256;
  std::size_t max_rows = 100000;
  std::size_t max_cell_bytes = 32u << 10;
  std::size_t max_cells = 1u << 20;  // cells held in the whole book, padding and merged ranges included
};

// One cell as its type and its text.
struct Cell {
  enum class Type { empty, text, number, boolean, date, error };
  Type type = Type::empty;
  // text: the string (rich-text runs joined); number: the shortest round-trip decimal ("42",
  // "3.5"); boolean: "TRUE"/"FALSE"; error: "#N/A"...; date: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"
  // (rounded to the minute; no time when it rounds to midnight).
  std::string text;
  double number = 0;  // number and date: the raw value (for date, the serial)
};

// One worksheet as a grid of cells.
struct Sheet {
  std::string name;
  bool hidden = false;                  // state="hidden" or "veryHidden"
  std::vector<std::vector<Cell>> rows;  // rows[r][c], 0-based, padded so every cell up to the last non-empty one
                                        // exists; trailing empty rows dropped
  struct Range {
    std::size_t first_row, first_col, last_row, last_col;  // 0-based, inclusive
  };
  std::vector<Range> merged;
  // The cell at (row, col), 0-based; nullptr when outside the grid.
  const Cell* at(std::size_t row, std::size_t col) const;
};

// A workbook's sheets in workbook order.
struct Book {
  std::vector<Sheet> sheets;
  bool date1904 = false;  // the workbook uses the 1904 date system
  // The first sheet with this name, or nullptr.
  const Sheet* find(std::string_view name) const;
};

// Reads the bytes of an .xlsx file. Throws DataError (exit 65) whose message starts with
// `source` (the file name as the user typed it) and says what is wrong and what to do; never
// throws anything else for bad input.
Book read_book(std::string_view bytes, const ReadLimits& limits, const std::string& source);

// A cell's A1 reference from a 0-based row and column: (0,0) -> "A1", (11,2) -> "C12".
std::string cell_reference(std::size_t row, std::size_t col);

// An Excel serial as a local date-time, rounded to the minute (has_time when that is not
// midnight), in the 1900 system (with its 1900-02-29, serial 60, which gives nullopt) or the
// 1904 system; nullopt when not finite or outside the years 1900..9999.
std::optional<LocalDateTime> to_local_date_time(double serial, bool date1904);

}  // namespace dormlink::xlsx
