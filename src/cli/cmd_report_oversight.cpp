// dormlink report assessment / inspection (docs/reports.md "assessment", "inspection"): the
// branch's semester assessment of each member, and the inspection group's samples, findings and
// discrepancy rates.
#include <algorithm>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/context.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "dormlink/error.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/inspection_summary.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/inspection_store.hpp"

namespace dormlink::cli {
namespace {

struct OversightOptions {
  bool inspection = false;
  std::string semester;
  std::string branch;
  std::string format = "md";
  std::string sheet;
  bool raw = false;
  std::string audience;
  std::string output;
  bool force = false;
};

report::Privacy oversight_privacy(const Config& config, const OversightOptions& o) {
  return report::privacy_for(config.privacy,
                             o.audience.empty() ? report::Audience::branch : *report::parse_audience(o.audience));
}

std::string assessment_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto loaded = load_assessment(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
  const auto& assessment = loaded->assessment;
  if (is_sheet_format(o.format)) {
    return render_sheets(ctx, report::assessment_workbook(assessment, ctx.language()), sheet_options(o),
                         fmt::format("{} {}", zh(ctx) ? "学期考核" : "Semester assessment", semester.id));
  }
  return o.format == "json" ? report::render_assessment_json(assessment)
                            : report::render_assessment_markdown(assessment, ctx.language());
}

std::string inspection_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto s = load_inspection_summary(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
  if (is_sheet_format(o.format)) {
    return render_sheets(ctx, report::inspection_workbook(s, ctx.language()), sheet_options(o),
                         fmt::format("{} {}", zh(ctx) ? "检查情况" : "Inspection", semester.id));
  }
  return o.format == "json" ? report::render_inspection_summary_json(s)
                            : report::render_inspection_summary_markdown(s, ctx.language());
}

int run_oversight(Context& ctx, const OversightOptions& o) {
  if (o.semester.empty()) throw UsageError("--semester ID is required");
  check_sheet_options(sheet_options(o), !o.output.empty());
  check_output_path(ctx, o.output, o.force);
  auto db = ctx.open_database(store::OpenMode::read_only);
  std::string text;
  db.transaction([&] { text = o.inspection ? inspection_text(ctx, db, o) : assessment_text(ctx, db, o); });
  if (o.output.empty() || o.output == "-") {
    emit(ctx, text);
  } else {
    write_output_file(ctx, o.output, text, o.force);
  }
  return 0;
}

constexpr const char* k_assessment_footer =
    R"(Per member who held dorms: visits, talk coverage, activities, symposiums, forms on time,
incidents reported on time, plan and summary, inspection discrepancies; each component's weight
(assessment.weights), ratio and points, the score and the band (assessment.excellent_from ...).
Met counts 1, met late 0.5, overdue 0; waived and not yet due obligations are left out. Every
obligation that cost points is listed with its window. docs/reports.md.

Examples:
  dormlink report assessment --semester 2026-autumn
  dormlink report assessment --semester 2026-autumn --branch 英语党支部 --format json -o assessment.json)";

constexpr const char* k_inspection_footer =
    R"(The samples drawn (inspect sample), the findings recorded (inspect record) and each member's
discrepancy rate: standing findings that are contradictions, of all standing findings.
docs/reports.md, docs/inspect.md.

Examples:
  dormlink report inspection --semester 2026-autumn
  dormlink report inspection --semester 2026-autumn --audience committee --lang en)";

void add_oversight(CLI::App* app, OversightOptions& o) {
  app->add_option("--semester", o.semester, "Semester id")->type_name("ID");
  app->add_option("--branch", o.branch, "Only this Party branch")->type_name("NAME");
  add_format_options(app, o);
  app->add_option("--audience", o.audience, "Who reads it: counselor, branch (default) or committee")
      ->check(CLI::IsMember({"counselor", "branch", "committee"}));
  app->add_option("-o,--output", o.output, "Write to FILE (mode 0600; - is stdout)")->type_name("FILE");
  app->add_flag("--force", o.force, "Overwrite an existing output file");
}

}  // namespace

void add_report_oversight(CLI::App* report, std::vector<Command>& commands) {
  auto a = std::make_shared<OversightOptions>();
  auto* assessment = report->add_subcommand("assessment", "The branch's semester assessment of each member (学期考核)");
  add_oversight(assessment, *a);
  assessment->footer(k_assessment_footer);
  commands.push_back({assessment, [a](Context& ctx) { return run_oversight(ctx, *a); }});

  auto i = std::make_shared<OversightOptions>();
  i->inspection = true;
  auto* inspection = report->add_subcommand("inspection", "The semester's inspection samples, findings and rates");
  add_oversight(inspection, *i);
  inspection->footer(k_inspection_footer);
  commands.push_back({inspection, [i](Context& ctx) { return run_oversight(ctx, *i); }});
}

}  // namespace dormlink::cli
