// dormlink report: the documents of the scheme (docs/reports.md), one file per subcommand:
// feedback and summary per reporting period (cmd_report_feedback.cpp, cmd_report_summary.cpp,
// over report_forms.cpp); assessment and inspection per semester (cmd_report_assessment.cpp,
// cmd_report_inspection.cpp, over report_oversight.cpp); the peer studio's view
// (cmd_report_studio.cpp).
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/report_support.hpp"

namespace dormlink::cli {

void add_report_command(CLI::App& root, std::vector<Command>& commands) {
  auto* report = root.add_subcommand(
      "report", "Feedback forms, counselor summaries, the assessment and inspections (反馈表, 汇总, 考核)");
  report->require_subcommand(1);
  add_report_feedback(report, commands);
  add_report_summary(report, commands);
  add_report_assessment(report, commands);
  add_report_inspection(report, commands);
  add_report_studio(report, commands);
}

}  // namespace dormlink::cli
