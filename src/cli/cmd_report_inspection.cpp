// dormlink report inspection (docs/reports.md "inspection"): the inspection group's samples,
// findings and discrepancy rates of a semester; the engine is report_oversight.cpp.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/context.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "dormlink/report/inspection_summary.hpp"

namespace dormlink::cli {
namespace {

// The title of the workbook (--format xlsx) and of the page (--format html, pdf).
constexpr Words k_sheets_title{"检查情况", "Inspection"};

constexpr const char* k_inspection_footer =
    R"(The samples drawn (inspect sample), the findings recorded (inspect record) and each member's
discrepancy rate: standing findings that are contradictions, of all standing findings.
docs/reports.md, docs/inspect.md.

Examples:
  dormlink report inspection --semester 2026-autumn
  dormlink report inspection --semester 2026-autumn --audience committee --lang en
  dormlink report inspection --semester 2026-autumn --format html -o inspection.html)";

}  // namespace

std::string inspection_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto s = load_inspection_summary(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
  const auto title = fmt::format("{} {}", k_sheets_title(ctx.language()), semester.id);
  if (is_sheet_format(o.format)) {
    return render_sheets(ctx, report::inspection_workbook(s, ctx.language()), sheet_options(o), title);
  }
  if (is_page_format(o.format))
    return oversight_page(ctx, title, report::render_inspection_summary_html(s, ctx.language()));
  return o.format == "json" ? report::render_inspection_summary_json(s)
                            : report::render_inspection_summary_markdown(s, ctx.language());
}

void add_report_inspection(CLI::App* report, std::vector<Command>& commands) {
  auto i = std::make_shared<OversightOptions>();
  i->inspection = true;
  auto* inspection = report->add_subcommand("inspection", "The semester's inspection samples, findings and rates");
  add_oversight_options(inspection, *i);
  inspection->footer(k_inspection_footer);
  commands.push_back({inspection, [i](Context& ctx) { return run_oversight(ctx, *i); }});
}

}  // namespace dormlink::cli
