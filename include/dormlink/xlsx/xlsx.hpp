#pragma once
// Excel workbooks (docs/reports.md "CSV and Excel"): a report's or an export's sheets written
// with libxlsxwriter (the only code that includes it). Cells are typed: text stays text, so
// student ids and phone numbers keep their digits and leading zeros and nothing is ever a
// formula; only cells of number columns (right-aligned) that are plain decimals are numbers.
// The same sheets and creation date give the same bytes.

#include <string>

#include "dormlink/calendar.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::xlsx {

struct Options {
  Date created{};        // the document's creation date (the evaluation date, not the clock)
  std::string title;     // the document's title property
  std::string temp_dir;  // where a private, owner-only working directory is made and removed
};

// The workbook as the bytes of an .xlsx file. Throws DataError for a cell Excel cannot hold
// (over 32,767 characters) and IoError when the working files cannot be written.
std::string render_xlsx(const report::Workbook& workbook, const Options& options);

// Whether a cell is written as a number: optional '-', digits without a leading zero (or a
// single 0), optional '.' and digits.
bool is_plain_number(std::string_view cell);

}  // namespace dormlink::xlsx
