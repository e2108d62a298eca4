// What `report assessment` and `report inspection` share (report_oversight.hpp): the options,
// the audience's privacy (branch by default) and running one into standard output or -o FILE.
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/report_oversight.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "dormlink/error.hpp"

namespace dormlink::cli {

report::Privacy oversight_privacy(const Config& config, const OversightOptions& o) {
  return report::privacy_for(config.privacy,
                             o.audience.empty() ? report::Audience::branch : *report::parse_audience(o.audience));
}

int run_oversight(Context& ctx, const OversightOptions& o) {
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

void add_oversight_options(CLI::App* app, OversightOptions& o) {
  app->add_option("--semester", o.semester,
                  "Semester id (default: the one of --as-of, or the one that ended within close_out_days)")
      ->type_name("ID");
  app->add_option("--branch", o.branch, "Only this Party branch")->type_name("NAME");
  add_format_options(app, o);
  app->add_option("--audience", o.audience, "Who reads it: counselor, branch (default) or committee")
      ->check(CLI::IsMember({"counselor", "branch", "committee"}));
  app->add_option("-o,--output", o.output, "Write to FILE (mode 0600; - is stdout)")->type_name("FILE");
  app->add_flag("--force", o.force, "Overwrite an existing output file");
}

}  // namespace dormlink::cli
