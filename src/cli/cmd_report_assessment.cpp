// dormlink report assessment (docs/reports.md "assessment", docs/studio.md): the branch's
// semester assessment of each member, with the activists' cultivation, the studio's and the
// branch's marks and, with --commend N, the commendation list; the engine is
// report_oversight.cpp, the marks are recorded by assessment_marks.cpp.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_marks.hpp"
#include "cli/assessment_support.hpp"
#include "cli/context.hpp"
#include "cli/pdf.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "cli/studio_support.hpp"
#include "dormlink/error.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/assessment_marks.hpp"

namespace dormlink::cli {
namespace {

// The title of the workbook (--format xlsx) and of the page (--format html, pdf).
constexpr Words k_sheets_title{"学期考核", "Semester assessment"};

// The command's messages (docs/messages.md).
namespace say {
inline constexpr Message recorded{"{} mark(s) for {} were recorded", "{} 条评定（{}）已记录"};
inline constexpr Message pdf_needs_file{"--format pdf writes a binary file: give -o FILE, or -o - to pipe it",
                                        "--format pdf 写出的是二进制文件：请给出 -o FILE，或用 -o - 输出到管道"};
}  // namespace say

constexpr const char* k_assessment_footer =
    R"(Per member who held dorms: visits, talk coverage, activities, symposiums, forms on time,
incidents reported on time, plan and summary, inspection discrepancies; each component's weight
(assessment.weights), ratio and points, the score and the band (assessment.excellent_from ...).
Met counts 1, met late 0.5, overdue 0; waived and not yet due obligations are left out. Every
obligation that cost points is listed with its window. docs/reports.md.

After the members: the activists of each member's dorms and their cultivation (入党积极分子培养,
[duties] cultivation_per_activist; not part of the score), the studio's and the branch's marks
beside the computed score (评定), and with --commend N the commendation list (评优推荐) in a
documented order. --mark MEMBER:SOURCE:MARK --by WHO records marks first (one transaction):
SOURCE studio (工作室) or branch (支部); MARK 优秀/合格/基本合格/不合格 or a score 0-100; WHO a
studio member for studio marks, the member's branch secretary for branch marks. docs/studio.md.

Examples:
  dormlink report assessment --semester 2026-autumn
  dormlink report assessment --semester 2026-autumn --branch 英语系学生第一党支部 --format json -o assessment.json
  dormlink report assessment --semester 2026-autumn --format pdf -o 考核.pdf
  dormlink report assessment --mark 2023110104:branch:优秀 --by T2012001 --note "期末评议"
  dormlink report assessment --commend 3)";

struct AssessmentCommand {
  OversightOptions oversight;
  MarkOptions marks;
};

// The assessment loaded in the caller's transaction, rendered with its extras in --format.
std::string render_loaded(Context& ctx, store::Database& db, const OversightOptions& o, const Semester& semester,
                          const LoadedAssessment& loaded) {
  const auto& a = loaded.assessment;
  const auto extras = report::build_assessment_extras(a, load_cultivation(ctx, db, loaded.input, a.as_of),
                                                      load_member_marks(db, semester.id),
                                                      o.commend > 0 ? std::optional<int>(o.commend) : std::nullopt);
  const auto title = fmt::format("{} {}", k_sheets_title(ctx.language()), semester.id);
  if (is_sheet_format(o.format)) {
    auto book = report::assessment_workbook(a, ctx.language());
    for (auto& sheet : report::extras_workbook(a, extras, ctx.language())) book.push_back(std::move(sheet));
    return render_sheets(ctx, book, sheet_options(o), title);
  }
  if (is_page_format(o.format)) {
    return oversight_page(
        ctx, title,
        report::render_assessment_html(a, ctx.language()) + report::render_extras_html(a, extras, ctx.language()));
  }
  if (o.format == "json") return report::with_extras_json(report::render_assessment_json(a), a, extras);
  return report::render_assessment_markdown(a, ctx.language()) +
         report::render_extras_markdown(a, extras, ctx.language());
}

// --mark: the marks checked and recorded, then the assessment showing them, in one
// transaction; printed (or written to -o) only after it committed.
int run_with_marks(Context& ctx, const AssessmentCommand& c, const std::vector<ParsedMark>& marks) {
  const auto& o = c.oversight;
  check_sheet_options(sheet_options(o), !o.output.empty());
  if (o.format == "pdf" && o.output.empty()) throw UsageError(say::pdf_needs_file());
  check_output_path(ctx, o.output, o.force);
  if (o.format == "pdf") require_chromium(ctx);
  auto db = ctx.open_database(store::OpenMode::read_write);
  std::string text;
  std::string semester_id;
  db.transaction([&] {
    const auto& semester = semester_by_id(ctx, o.semester);
    semester_id = semester.id;
    const auto loaded = load_assessment(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
    record_marks(ctx, db, loaded->assessment, marks, c.marks);
    text = render_loaded(ctx, db, o, semester, *loaded);
  });
  const std::string done = say::recorded(marks.size(), semester_id);
  receipt(ctx, done + "\n");
  if (o.format == "pdf") text = print_pdf(ctx, text);
  if (o.output.empty() || o.output == "-") {
    emit(ctx, text, done);
  } else {
    write_output_file(ctx, o.output, text, o.force);
  }
  return 0;
}

int run_assessment(Context& ctx, const AssessmentCommand& c) {
  const auto marks = parse_marks(c.marks);
  return marks.empty() ? run_oversight(ctx, c.oversight) : run_with_marks(ctx, c, marks);
}

}  // namespace

std::string assessment_text(Context& ctx, store::Database& db, const OversightOptions& o) {
  const auto& semester = semester_by_id(ctx, o.semester);
  const auto loaded = load_assessment(ctx, db, semester, o.branch, oversight_privacy(ctx.config(), o));
  return render_loaded(ctx, db, o, semester, *loaded);
}

void add_report_assessment(CLI::App* report, std::vector<Command>& commands) {
  auto c = std::make_shared<AssessmentCommand>();
  auto* assessment = report->add_subcommand("assessment", "The branch's semester assessment of each member (学期考核)");
  add_oversight_options(assessment, c->oversight);
  assessment
      ->add_option("--mark", c->marks.marks,
                   "Record a mark first: MEMBER:SOURCE:MARK, SOURCE studio or branch, MARK a grade or a score 0-100 "
                   "(repeatable)")
      ->type_name("MEMBER:SOURCE:MARK");
  assessment->add_option("--by", c->marks.by, "With --mark: who gives the marks (studio member or branch secretary)")
      ->type_name("WHO");
  assessment->add_option("--note", c->marks.note, "With --mark: a note kept with the marks")->type_name("TEXT");
  assessment->add_option("--commend", c->oversight.commend, "Add the commendation list of the first N members")
      ->type_name("N")
      ->check(CLI::Range(1, 10000));
  assessment->footer(k_assessment_footer);
  commands.push_back({assessment, [c](Context& ctx) { return run_assessment(ctx, *c); }});
}

}  // namespace dormlink::cli
