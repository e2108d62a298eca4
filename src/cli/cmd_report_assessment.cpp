// dormlink report assessment (docs/reports.md "assessment"): the branch's semester assessment of
// each member; the engine is report_oversight.cpp.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/context.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "dormlink/report/assessment.hpp"

namespace dormlink::cli {
namespace {

// The title of the workbook (--format xlsx) and of the page (--format html, pdf).
constexpr Words k_sheets_title{"学期考核", "Semester assessment"};

constexpr const char* k_assessment_footer =
    R"(Per member who held dorms: visits, talk coverage, activities, symposiums, forms on time,
incidents reported on time, plan and summary, inspection discrepancies; each component's weight
(assessment.weights), ratio and points, the score and the band (assessment.excellent_from ...).
Met counts 1, met late 0.5, overdue 0; waived and not yet due obligations are left out. Every
obligation that cost points is listed with its window. docs/reports.md.

Examples:
  dormlink report assessment --semester 2026-autumn
  dormlink report assessment --semester 2026-autumn --branch 英语系学生第一党支部 --format json -o assessment.json
  dormlink report assessment --semester 2026-autumn --format pdf -o 考核.pdf)";

}  // namespace

std::string assessment_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto loaded = load_assessment(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
  const auto& assessment = loaded->assessment;
  const auto title = fmt::format("{} {}", k_sheets_title(ctx.language()), semester.id);
  if (is_sheet_format(o.format)) {
    return render_sheets(ctx, report::assessment_workbook(assessment, ctx.language()), sheet_options(o), title);
  }
  if (is_page_format(o.format)) {
    return oversight_page(ctx, title, report::render_assessment_html(assessment, ctx.language()));
  }
  return o.format == "json" ? report::render_assessment_json(assessment)
                            : report::render_assessment_markdown(assessment, ctx.language());
}

void add_report_assessment(CLI::App* report, std::vector<Command>& commands) {
  auto a = std::make_shared<OversightOptions>();
  auto* assessment = report->add_subcommand("assessment", "The branch's semester assessment of each member (学期考核)");
  add_oversight_options(assessment, *a);
  assessment->footer(k_assessment_footer);
  commands.push_back({assessment, [a](Context& ctx) { return run_oversight(ctx, *a); }});
}

}  // namespace dormlink::cli
