// dormlink report: the documents of the scheme (docs/reports.md). feedback and summary are
// per reporting period (cmd_report_forms.cpp); assessment and inspection per semester
// (cmd_report_oversight.cpp).
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/report_support.hpp"

namespace dormlink::cli {

void add_report_command(CLI::App& root, std::vector<Command>& commands) {
  auto* report = root.add_subcommand(
      "report", "Feedback forms, counselor summaries, the assessment and inspections (反馈表, 汇总, 考核)");
  report->require_subcommand(1);
  add_report_forms(report, commands);
  add_report_oversight(report, commands);
}

}  // namespace dormlink::cli
