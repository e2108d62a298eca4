// dormlink assign: the optimal member -> dorm assignment of a semester (docs/assign.md).
#include <chrono>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include "cli/assign_support.hpp"
#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/report/assignment_report.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink assign --dry-run                       # show the best assignment, commit nothing
  dormlink assign --semester 2026-autumn          # compute and commit
  dormlink assign --replace                       # recompute a committed semester (history kept)
  dormlink assign --repair                        # after members left: move as few dorms as possible
  dormlink assign --pin 2023110104:10-106 --forbid 2024110201:8-101 --dry-run
  dormlink assign --best-effort --dry-run         # when infeasible: cover as many dorms as possible
  dormlink assign --explain 10-106                # why this pair, and the next-best alternatives
  dormlink assign --dry-run --format json --stats)";

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Refuses to replace a committed assignment silently.
void check_commit_allowed(const AssignOptions& o, const std::optional<store::AssignmentRecord>& current,
                          const Semester& semester) {
  if (o.dry_run || !current || o.replace || o.repair) return;
  throw CantCreateError(fmt::format("{} already has an assignment (#{}, committed {} by {}); use --replace to "
                                    "recompute it (the old one stays in history) or --repair to fix it",
                                    semester.id, current->id, current->created_at, current->created_by));
}

assign::Solution run_solver(const AssignOptions& o, const assign::Instance& instance,
                            const std::optional<store::AssignmentRecord>& current) {
  if (o.repair) {
    if (!current) throw UsageError("--repair needs a committed assignment for the semester; run assign first");
    return assign::solve_repair(instance, record_pairs(*current));
  }
  auto solution = assign::solve(instance);
  if (solution.status == assign::Status::optimal) return solution;
  if (o.best_effort) return assign::solve_best_effort(instance);
  throw_infeasible(instance);
}

int run_assign(Context& ctx, const AssignOptions& o) {
  const auto& config = ctx.config();
  const auto& semester = choose_assign_semester(ctx, o.semester);
  auto today = ctx.today();
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  int code = 0;
  db.transaction([&] {
    auto start = Clock::now();
    auto inputs = load_assign_inputs(db, config, semester, today);
    auto loaded = ms_since(start);
    auto instance = make_instance(inputs, config, semester, o);
    auto built = ms_since(start) - loaded;
    if (!o.explain.empty()) {
      code = explain(ctx, instance, inputs.current, o.explain);
      return;
    }
    if (o.raw && o.format != "csv") throw UsageError("--raw goes with --format csv");
    check_commit_allowed(o, inputs.current, semester);
    auto solution = run_solver(o, instance, inputs.current);
    auto solved = ms_since(start) - loaded - built;
    auto report = make_report(instance, solution, inputs, semester, o);
    if (!o.dry_run) report.status = commit(db, ctx, instance, solution, inputs, semester, o, today);
    if (!ctx.options().quiet || o.dry_run) fmt::print(ctx.out(), "{}", render(report, o.format, ctx.language(), o.raw));
    if (o.stats) {
      fmt::print(ctx.err(), "assign stats: load {:.1f} ms, build {:.1f} ms, solve {:.1f} ms, render {:.1f} ms; "
                 "members {}, dorms {}, nodes {}, arcs {}, total cost {}\n", loaded, built, solved,
                 ms_since(start) - loaded - built - solved, instance.members.size(), instance.dorms.size(),
                 solution.network_nodes, solution.network_arcs, solution.total_cost);
    }
    code = solution.uncovered.empty() ? 0 : static_cast<int>(ExitCode::infeasible);
  });
  return code;
}

}  // namespace

void add_assign_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<AssignOptions>();
  auto* app = root.add_subcommand("assign", "Assign members to dorms for a semester (optimal, explained)");
  app->add_option("--semester", o->semester, "Semester id (default: the one around --as-of)")->type_name("ID");
  app->add_flag("--dry-run", o->dry_run, "Show the assignment; commit nothing");
  app->add_option("--format", o->format, "table, md, csv or json")
      ->check(CLI::IsMember({"table", "md", "csv", "json"}))->capture_default_str();
  app->add_flag("--raw", o->raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
  app->add_flag("--replace", o->replace, "Recompute a semester that already has an assignment");
  app->add_flag("--repair", o->repair, "Keep as many committed pairs as possible; move only what must move");
  app->add_flag("--best-effort", o->best_effort, "When infeasible, cover as many dorms as possible");
  app->add_option("--pin", o->pins, "Force a pair MEMBER:DORM (repeatable)")->type_name("MEMBER:DORM");
  app->add_option("--forbid", o->forbids, "Forbid a pair MEMBER:DORM (repeatable)")->type_name("MEMBER:DORM");
  app->add_option("--exclude", o->excludes, "Leave a member out (student id; repeatable)")->type_name("MEMBER");
  app->add_option("--explain", o->explain, "Explain the pair of a member (id or name) or a dorm")->type_name("WHO");
  app->add_flag("--stats", o->stats, "Print timings and sizes to stderr");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_assign(ctx, *o); }});
}

}  // namespace dormlink::cli
