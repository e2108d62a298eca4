// What `report assessment` and `report inspection` share (report_oversight.hpp): the options,
// the audience's privacy (branch by default) and running one into standard output or -o FILE.
#include <utility>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/pdf.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/html.hpp"

namespace dormlink::cli {
namespace {

// The oversight reports' messages (docs/messages.md).
namespace say {
inline constexpr Message pdf_needs_file{"--format pdf writes a binary file: give -o FILE, or -o - to pipe it",
                                        "--format pdf 写出的是二进制文件：请给出 -o FILE，或用 -o - 输出到管道"};
}  // namespace say

}  // namespace

bool is_page_format(const std::string& format) { return format == "html" || format == "pdf"; }

std::string oversight_page(Context& ctx, const std::string& title, std::string body) {
  return report::html::render_page({title, ctx.language(), report::html::Layout::a4, std::move(body)});
}

report::Privacy oversight_privacy(const Config& config, const OversightOptions& o) {
  return report::privacy_for(config.privacy,
                             o.audience.empty() ? report::Audience::branch : *report::parse_audience(o.audience));
}

int run_oversight(Context& ctx, const OversightOptions& o) {
  check_sheet_options(sheet_options(o), !o.output.empty());
  if (o.format == "pdf" && o.output.empty()) throw UsageError(say::pdf_needs_file());
  check_output_path(ctx, o.output, o.force);
  if (o.format == "pdf") require_chromium(ctx);  // before anything is read or written
  auto db = ctx.open_database(store::OpenMode::read_only);
  std::string text;
  db.transaction([&] { text = o.inspection ? inspection_text(ctx, db, o) : assessment_text(ctx, db, o); });
  if (o.format == "pdf") text = print_pdf(ctx, text);
  if (o.output.empty() || o.output == "-") {
    emit(ctx, text);
  } else {
    write_output_file(ctx, o.output, text, o.force);
  }
  return 0;
}

void add_oversight_options(CLI::App* app, OversightOptions& o) {
  app->add_option("--semester", o.semester,
                  "Semester id (default: the one of --as-of, or the one that ended within close_out_days)")
      ->type_name("ID");
  app->add_option("--branch", o.branch, "Only this Party branch")->type_name("NAME");
  app->add_option("--format", o.format,
                  "Output: md (GitHub Markdown), json, csv (one --sheet), xlsx (every sheet), html (a page to "
                  "read or print) or pdf (that page printed by Chromium; needs -o)")
      ->check(CLI::IsMember({"md", "json", "csv", "xlsx", "html", "pdf"}));
  app->add_option("--sheet", o.sheet, "With --format csv: which table (default: the first; docs/reports.md)")
      ->type_name("KEY");
  app->add_flag("--raw", o.raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
  app->add_option("--audience", o.audience, "Who reads it: counselor, branch (default) or committee")
      ->check(CLI::IsMember({"counselor", "branch", "committee"}));
  app->add_option("-o,--output", o.output, "Write to FILE (mode 0600; - is stdout)")->type_name("FILE");
  app->add_flag("--force", o.force, "Overwrite an existing output file");
}

}  // namespace dormlink::cli
