// dormlink export TABLE: tables for spreadsheets. Today: assignments (党员联系寝室分配表).
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include "cli/assign_support.hpp"
#include "cli/context.hpp"
#include "dormlink/error.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink export assignments > 分配表.csv
  dormlink export assignments --semester 2026-autumn --output assignments.csv)";

struct ExportOptions {
  std::string table;
  std::string semester;
  std::string output;
};

std::string export_assignments(Context& ctx, const ExportOptions& o) {
  const auto& config = ctx.config();
  const auto& semester = choose_assign_semester(ctx, o.semester);
  auto today = ctx.today();
  auto db = ctx.open_database(store::OpenMode::read_only);
  std::string csv;
  db.transaction([&] {
    auto inputs = load_assign_inputs(db, config, semester, today);
    if (!inputs.current) {
      throw NotFoundError(fmt::format("{} has no committed assignment; run `dormlink assign` first", semester.id));
    }
    AssignOptions options;
    auto instance = make_instance(inputs, config, semester, options);
    auto solution = solution_of(instance, *inputs.current);
    auto report = report::build_assignment_report(instance, solution, {}, {});
    csv = report::render_assignment_roster_csv(report, ctx.language());
  });
  return csv;
}

int run_export(Context& ctx, const ExportOptions& o) {
  auto content = export_assignments(ctx, o);
  if (o.output.empty()) {
    fmt::print(ctx.out(), "{}", content);
  } else {
    write_file_atomically(o.output, content, 0600, false);
  }
  return 0;
}

}  // namespace

void add_export_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<ExportOptions>();
  auto* app = root.add_subcommand("export", "Export a table as CSV for spreadsheets");
  app->add_option("table", o->table, "assignments")->required()->check(CLI::IsMember({"assignments"}));
  app->add_option("--semester", o->semester, "Semester id (default: the one around --as-of)")->type_name("ID");
  app->add_option("-o,--output", o->output, "Write to this file (mode 0600) instead of stdout")->type_name("FILE");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_export(ctx, *o); }});
}

}  // namespace dormlink::cli
