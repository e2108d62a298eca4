#pragma once
// The spreadsheet formats shared by `report` and `export` (docs/reports.md "CSV and Excel"):
// --format csv renders one sheet (--sheet KEY, default the first) as CSV for Excel or, with
// --raw, for scripts; --format xlsx renders every sheet into one Excel workbook.

#include <string>

#include "cli/context.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::cli {

struct SheetOptions {
  std::string format;  // csv or xlsx
  std::string sheet;   // csv: the sheet's key; empty: the first
  bool raw = false;    // csv: no BOM, LF, no ' before formula-like cells
};

bool is_sheet_format(const std::string& format);

// Usage errors shared by every command with these options: --sheet and --raw only with csv;
// xlsx is binary and needs -o FILE (or -o - for a pipe) or an output directory.
void check_sheet_options(const SheetOptions& o, bool has_output);

// The workbook as CSV or XLSX bytes. `title` is the Excel document's title. Throws UsageError
// for a --sheet the workbook does not have (listing those it has).
std::string render_sheets(Context& ctx, const report::Workbook& workbook, const SheetOptions& o,
                          const std::string& title);

}  // namespace dormlink::cli
