// dormlink report studio (docs/studio.md §2): the peer studio's view of a semester — its members,
// then per member who held dorms the assessment draft, open concerns (a count), the
// inspection's contradicted records and findings without a record, and the marks.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/context.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "cli/studio_support.hpp"
#include "dormlink/report/studio_report.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/studio_store.hpp"

namespace dormlink::cli {
namespace {

// The title of the workbook (--format xlsx) and of the page (--format html).
constexpr Words k_title{"朋辈辅导员工作室", "Peer studio"};

constexpr const char* k_studio_footer =
    R"(The studio's members (the rosters' 朋辈工作室 column and [studio] members), then per member
who held dorms in the semester: the assessment draft (score and band as report assessment
computes them), open concerns (a count: opened and not closed by --as-of), records the
inspection contradicted, findings without a record, and the latest studio and branch marks.
No student's name, no concern's text, no finding's note. docs/studio.md.

Examples:
  dormlink report studio --semester 2026-autumn
  dormlink report studio --branch 英语系学生第一党支部 --format xlsx -o 工作室.xlsx)";

report::StudioReport load_studio_report(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto privacy = report::privacy_for(ctx.config().privacy, report::Audience::branch);
  const auto loaded = load_assessment(ctx, db, semester, o.branch, privacy);
  const auto& a = loaded->assessment;
  report::StudioInput in;
  in.assessment = &a;
  for (const auto& p : load_studio_checked(ctx, db, a.as_of))
    in.studio.push_back({p.id, p.name, p.staff, p.roster, p.config});
  in.open_concerns = store::open_concerns(db, semester.id, a.as_of);
  for (const auto& d : store::discrepancy_rates(db, semester.id)) in.contradicted[d.member_id] = d.contradicted;
  in.findings_without_record = store::findings_without_record(db, semester.id, a.as_of);
  in.marks = load_member_marks(db, semester.id);
  return report::build_studio_report(in);
}

std::string studio_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto r = load_studio_report(ctx, db, o);
  const auto title = fmt::format("{} {}", k_title(ctx.language()), r.semester_id);
  if (is_sheet_format(o.format))
    return render_sheets(ctx, report::studio_workbook(r, ctx.language()), sheet_options(o), title);
  if (o.format == "html") return oversight_page(ctx, title, report::render_studio_html(r, ctx.language()));
  return o.format == "json" ? report::render_studio_json(r) : report::render_studio_markdown(r, ctx.language());
}

int run_studio(Context& ctx, const OversightOptions& o) {
  check_sheet_options(sheet_options(o), !o.output.empty());
  check_output_path(ctx, o.output, o.force);
  auto db = ctx.open_database(store::OpenMode::read_only);
  std::string text;
  db.transaction([&] { text = studio_text(ctx, db, o); });
  if (o.output.empty() || o.output == "-") {
    emit(ctx, text);
  } else {
    write_output_file(ctx, o.output, text, o.force);
  }
  return 0;
}

}  // namespace

void add_report_studio(CLI::App* report, std::vector<Command>& commands) {
  auto o = std::make_shared<OversightOptions>();
  auto* studio = report->add_subcommand("studio", "The peer studio's view of the semester (朋辈辅导员工作室)");
  studio
      ->add_option("--semester", o->semester,
                   "Semester id (default: the one of --as-of, or the one that ended within close_out_days)")
      ->type_name("ID");
  studio->add_option("--branch", o->branch, "Only this Party branch")->type_name("NAME");
  studio
      ->add_option("--format", o->format,
                   "Output: md (GitHub Markdown), json, csv (one --sheet), xlsx (every sheet) or html (a page)")
      ->check(CLI::IsMember({"md", "json", "csv", "xlsx", "html"}));
  studio->add_option("--sheet", o->sheet, "With --format csv: which table (members or overview; default: the first)")
      ->type_name("KEY");
  studio->add_flag("--raw", o->raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
  studio->add_option("-o,--output", o->output, "Write to FILE (mode 0600; - is stdout)")->type_name("FILE");
  studio->add_flag("--force", o->force, "Overwrite an existing output file");
  studio->footer(k_studio_footer);
  commands.push_back({studio, [o](Context& ctx) { return run_studio(ctx, *o); }});
}

}  // namespace dormlink::cli
