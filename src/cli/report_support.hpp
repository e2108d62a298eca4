#pragma once
// What the `report` subcommands share (cmd_report*.cpp): the language, the sheet options and
// the --format/--sheet/--raw flags.

#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/sheets.hpp"

namespace dormlink::cli {

inline bool zh(Context& ctx) { return ctx.language() == Language::zh; }

template <typename Options>
SheetOptions sheet_options(const Options& o) {
  return {o.format, o.sheet, o.raw};
}

// Which --format values a report takes: md, json, csv and xlsx; `printable` adds html (one
// self-contained page) and pdf (that page printed by Chromium; docs/html.md).
enum class Formats { text_and_sheets, printable };

template <typename Options>
void add_format_options(CLI::App* app, Options& o, Formats formats = Formats::text_and_sheets) {
  if (formats == Formats::printable) {
    app->add_option("--format", o.format,
                    "Output: md (GitHub Markdown), json, csv (one --sheet), xlsx (every sheet), html (a page to "
                    "read or print) or pdf (that page printed by Chromium; needs -o or --out-dir)")
        ->check(CLI::IsMember({"md", "json", "csv", "xlsx", "html", "pdf"}));
  } else {
    app->add_option("--format", o.format, "Output: md (GitHub Markdown), json, csv (one --sheet) or xlsx (every sheet)")
        ->check(CLI::IsMember({"md", "json", "csv", "xlsx"}));
  }
  app->add_option("--sheet", o.sheet, "With --format csv: which table (default: the first; docs/reports.md)")
      ->type_name("KEY");
  app->add_flag("--raw", o.raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
}

// report feedback (cmd_report_feedback.cpp), report summary (cmd_report_summary.cpp).
void add_report_feedback(CLI::App* report, std::vector<Command>& commands);
void add_report_summary(CLI::App* report, std::vector<Command>& commands);
// report assessment (cmd_report_assessment.cpp), report inspection (cmd_report_inspection.cpp).
void add_report_assessment(CLI::App* report, std::vector<Command>& commands);
void add_report_inspection(CLI::App* report, std::vector<Command>& commands);
// report studio (cmd_report_studio.cpp): the peer studio's view (docs/studio.md).
void add_report_studio(CLI::App* report, std::vector<Command>& commands);

}  // namespace dormlink::cli
