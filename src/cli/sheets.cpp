// CSV and Excel output of reports and exports (cli/sheets.hpp).
#include "cli/sheets.hpp"

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/xlsx/xlsx.hpp"

namespace dormlink::cli {

bool is_sheet_format(const std::string& format) { return format == "csv" || format == "xlsx"; }

void check_sheet_options(const SheetOptions& o, bool has_output) {
  if (!o.sheet.empty() && o.format != "csv") {
    throw UsageError("--sheet picks the table of --format csv (xlsx holds every sheet)");
  }
  if (o.raw && o.format != "csv") throw UsageError("--raw goes with --format csv");
  if (o.format == "xlsx" && !has_output) {
    throw UsageError(
        "--format xlsx writes a binary file: give -o FILE (report feedback and summary: or "
        "--out-dir DIR), or -o - to pipe it");
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
      throw UsageError(fmt::format("--sheet {}: this report has the sheets {}", quote_value(o.sheet), keys));
    }
  }
  if (sheet == nullptr) return {};
  return report::render_table_csv(report::to_export_table(sheet->table),
                                  o.raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
}

}  // namespace dormlink::cli
