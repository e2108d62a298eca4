// CSV and Excel output of reports and exports (cli/sheets.hpp).
#include "cli/sheets.hpp"

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/xlsx/xlsx.hpp"

namespace dormlink::cli {
namespace {

// The sheet options' messages (docs/messages.md).
namespace say {
inline constexpr Message sheet_needs_csv{"--sheet picks the table of --format csv (xlsx holds every sheet)",
                                         "--sheet 用于选择 --format csv 输出哪一张表（xlsx 包含全部工作表）"};
inline constexpr Message raw_needs_csv{"--raw goes with --format csv", "--raw 须与 --format csv 同用"};
inline constexpr Message xlsx_needs_file{
    "--format xlsx writes a binary file: give -o FILE (report feedback and summary: or --out-dir DIR), or -o - to "
    "pipe it",
    "--format xlsx 写出的是二进制文件：请给出 -o FILE（report feedback 和 summary 也可用 --out-dir DIR），或用 -o - "
    "输出到管道"};
inline constexpr Message no_such_sheet{"--sheet {}: this report has the sheets {}", "--sheet {}：该报表包含的表为 {}"};
}  // namespace say

}  // namespace

bool is_sheet_format(const std::string& format) { return format == "csv" || format == "xlsx"; }

void check_sheet_options(const SheetOptions& o, bool has_output) {
  if (!o.sheet.empty() && o.format != "csv") {
    throw UsageError(say::sheet_needs_csv());
  }
  if (o.raw && o.format != "csv") throw UsageError(say::raw_needs_csv());
  if (o.format == "xlsx" && !has_output) {
    throw UsageError(say::xlsx_needs_file());
  }
}

std::string render_sheets(Context& ctx, const report::Workbook& workbook, const SheetOptions& o,
                          const std::string& title) {
  if (o.format == "xlsx") {
    xlsx::Options options;
    options.created = ctx.today();
    options.title = title;
    const auto tmp = ctx.env().read_env("TMPDIR");
    options.temp_dir = tmp && !tmp->empty() ? *tmp : "/tmp";
    return xlsx::render_xlsx(workbook, options);
  }
  const report::Sheet* sheet = nullptr;
  if (o.sheet.empty()) {
    if (!workbook.empty()) sheet = &workbook.front();
  } else {
    sheet = report::find_sheet(workbook, o.sheet);
    if (sheet == nullptr) {
      std::string keys;
      for (const auto& s : workbook) keys += (keys.empty() ? "" : ", ") + s.key;
      throw UsageError(say::no_such_sheet(quote_value(o.sheet), keys));
    }
  }
  if (sheet == nullptr) return {};
  return report::render_table_csv(report::to_export_table(sheet->table),
                                  o.raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
}

}  // namespace dormlink::cli
