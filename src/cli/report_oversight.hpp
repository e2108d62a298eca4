#pragma once
// The engine of `report assessment` (cmd_report_assessment.cpp) and `report inspection`
// (cmd_report_inspection.cpp), in report_oversight.cpp: per semester, for the branch by default.

#include <string>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

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
  int commend = 0;  // assessment --commend N: the commendation list of N (docs/studio.md §4); 0: none
};

// The audience's privacy (--audience, default branch).
report::Privacy oversight_privacy(const Config& config, const OversightOptions& o);

// --format html or pdf: a page (pdf: that page printed by Chromium, cli/pdf.hpp).
bool is_page_format(const std::string& format);

// The HTML page of an oversight report: `body` under `title`, in the report's language, for A4.
std::string oversight_page(Context& ctx, const std::string& title, std::string body);

// The semester's assessment (cmd_report_assessment.cpp) or inspection summary
// (cmd_report_inspection.cpp) in --format, read in the caller's transaction.
std::string assessment_text(Context& ctx, store::Database& db, const OversightOptions& o);
std::string inspection_text(Context& ctx, store::Database& db, const OversightOptions& o);

// --semester, --branch, --format (md, json, csv, xlsx, html, pdf), --sheet, --raw, --audience,
// -o, --force.
void add_oversight_options(CLI::App* app, OversightOptions& o);
// Runs either report: checks the options (pdf and xlsx need -o), reads in one transaction,
// prints or writes -o (pdf: the page printed by Chromium).
int run_oversight(Context& ctx, const OversightOptions& o);

}  // namespace dormlink::cli
