// dormlink roster: the roster summary on a date (who is in scope, members vs dorms).
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "dormlink/report/roster_summary.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink roster
  dormlink roster --as-of 2026-09-07 --format md > roster.md
  dormlink --lang en roster)";

struct RosterOptions {
  std::string format = "text";
};

int run_roster(Context& ctx, const RosterOptions& o) {
  const auto& config = ctx.config();
  auto today = ctx.today();
  auto db = ctx.open_database(store::OpenMode::read_only);
  auto snapshot = store::load_roster(db, today);
  report::RosterSummaryOptions options{config.college.name, config.calendar.current_or_nearest(today),
                                       config.assignment.min_dorms, config.assignment.max_dorms,
                                       config.assignment.candidates_take_dorms};
  auto summary = report::build_roster_summary(snapshot, options, today);
  auto text = o.format == "md" ? report::render_roster_summary_markdown(summary, ctx.language())
                               : report::render_roster_summary_text(summary, ctx.language());
  fmt::print(ctx.out(), "{}", text);
  return 0;
}

}  // namespace

void add_roster_command(CLI::App& root, std::vector<Command>& commands) {
  auto options = std::make_shared<RosterOptions>();
  auto* app = root.add_subcommand("roster", "Summarise the rosters on a date (counts only)");
  app->add_option("--format", options->format, "text or md")
      ->check(CLI::IsMember({"text", "md"}))
      ->capture_default_str();
  app->footer(k_examples);
  commands.push_back({app, [options](Context& ctx) { return run_roster(ctx, *options); }});
}

}  // namespace dormlink::cli
