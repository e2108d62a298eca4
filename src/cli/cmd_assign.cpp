// dormlink assign: the optimal member -> dorm assignment of a semester (docs/assign.md).
#include <chrono>
#include <memory>
#include <optional>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

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
  dormlink assign --semester 2027-spring          # compute and commit
  dormlink assign --replace                       # recompute a committed semester (history kept)
  dormlink assign --repair                        # after members left: move as few dorms as possible
  dormlink assign --pin 2023110104:10-106 --forbid 2024110107:8-101 --dry-run
  dormlink assign --best-effort --dry-run         # when infeasible: cover as many dorms as possible
  dormlink assign --explain 10-106                # why this pair, and the next-best alternatives
  dormlink assign --dry-run --format json --stats)";

// The messages of assign's run (docs/messages.md).
namespace say {
inline constexpr Message already_assigned{
    "{} already has an assignment (#{}, committed {} by {}); use --replace to recompute it (the old one stays in "
    "history) or --repair to fix it",
    "{} 已有分配（#{}，{} 由 {} 提交）；如要重新计算请加 --replace（旧的分配保留在历史中），如要修补请加 --repair"};
inline constexpr Message repair_needs_commit{"--repair needs a committed assignment for the semester; run assign first",
                                             "--repair 需要本学期已提交的分配；请先运行 assign"};
inline constexpr Message raw_needs_csv{"--raw goes with --format csv", "--raw 只能与 --format csv 一起使用"};
inline constexpr Message stats{
    "assign stats: load {:.1f} ms, build {:.1f} ms, solve {:.1f} ms, render {:.1f} ms; members {}, dorms {}, nodes "
    "{}, arcs {}, total cost {}\n",
    "assign 统计：读取 {:.1f} 毫秒，建模 {:.1f} 毫秒，求解 {:.1f} 毫秒，输出 {:.1f} 毫秒；党员 {}，寝室 {}，节点 {}，"
    "弧 {}，总代价 {}\n"};
inline constexpr Message committed{
    "the assignment of {} was committed as #{}, valid from {} (dormlink export assignments --semester {} prints it)",
    "{} 的分配已提交为 #{}，自 {} 起生效（可用 dormlink export assignments --semester {} 打印）"};
}  // namespace say

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Refuses to replace a committed assignment silently.
void check_commit_allowed(const AssignOptions& o, const std::optional<store::AssignmentRecord>& current,
                          const Semester& semester) {
  if (o.dry_run || !current || o.replace || o.repair) return;
  throw CantCreateError(say::already_assigned(semester.id, current->id, current->created_at, current->created_by));
}

assign::Solution run_solver(const AssignOptions& o, const assign::Instance& instance,
                            const std::optional<store::AssignmentRecord>& current) {
  if (o.repair) {
    if (!current) throw UsageError(say::repair_needs_commit());
    return assign::solve_repair(instance, record_pairs(*current));
  }
  auto solution = assign::solve(instance);
  if (solution.status == assign::Status::optimal) return solution;
  if (o.best_effort) return assign::solve_best_effort(instance);
  throw_infeasible(instance);
}

// Timings of one run, for --stats.
struct Timings {
  double load = 0;
  double build = 0;
  double solve = 0;
};

// The --stats line on stderr.
void print_stats(Context& ctx, const Timings& t, double render, const assign::Instance& instance,
                 const assign::Solution& solution) {
  ctx.err() << say::stats(t.load, t.build, t.solve, render, instance.members.size(), instance.dorms.size(),
                          solution.network_nodes, solution.network_arcs, solution.total_cost);
}

// "the assignment of 2026-autumn was committed as #12, valid from ...": what a failing output
// must still tell the user.
std::string committed_text(const Semester& semester, const CommitReceipt& receipt) {
  return say::committed(semester.id, receipt.id, receipt.valid_from, semester.id);
}

// Prints the report (unless -q); once committed, its heading says "committed as #N" and a
// failing standard output is an IoError that names the commit.
void print_report(Context& ctx, report::AssignmentReport report, const AssignOptions& o, const Semester& semester,
                  const std::optional<CommitReceipt>& receipt) {
  if (!prints_result(ctx, o.format, o.dry_run)) return;
  if (!receipt) {
    emit(ctx, render(report, o.format, ctx.language(), o.raw));
    return;
  }
  report.committed_as = receipt->id;
  report.valid_from = receipt->valid_from;
  emit(ctx, render(report, o.format, ctx.language(), o.raw), committed_text(semester, *receipt));
}

// Solves (and, unless --dry-run, commits) inside one transaction; prints only after it has
// committed, so a failing COMMIT (a full disk) never leaves "committed as #N" on the screen.
int run_assign(Context& ctx, const AssignOptions& o) {
  const auto& config = ctx.config();
  const auto& semester = choose_assign_semester(ctx, o.semester);
  auto today = ctx.today();
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  std::optional<int> explained;
  std::optional<assign::Instance> instance;
  assign::Solution solution;
  report::AssignmentReport report;
  std::optional<CommitReceipt> receipt;
  Timings t;
  db.transaction([&] {
    auto start = Clock::now();
    auto inputs = load_assign_inputs(db, config, semester, today);
    t.load = ms_since(start);
    instance = make_instance(inputs, config, semester, o);
    t.build = ms_since(start) - t.load;
    if (!o.explain.empty()) {
      explained = explain(ctx, *instance, inputs.current, o.explain);
      return;
    }
    if (o.raw && o.format != "csv") throw UsageError(say::raw_needs_csv());
    check_commit_allowed(o, inputs.current, semester);
    solution = run_solver(o, *instance, inputs.current);
    t.solve = ms_since(start) - t.load - t.build;
    report = make_report(*instance, solution, inputs, semester, o);
    if (!o.dry_run) receipt = commit(db, ctx, *instance, solution, inputs, semester, o, today);
  });
  if (explained) return *explained;
  auto start = Clock::now();
  print_report(ctx, std::move(report), o, semester, receipt);
  if (o.stats) print_stats(ctx, t, ms_since(start), *instance, solution);
  return solution.uncovered.empty() ? 0 : static_cast<int>(ExitCode::infeasible);
}

}  // namespace

void add_assign_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<AssignOptions>();
  auto* app = root.add_subcommand("assign", "Assign members to dorms for a semester (optimal, explained)");
  app->add_option("--semester", o->semester, "Semester id (default: the one around --as-of)")->type_name("ID");
  app->add_flag("--dry-run", o->dry_run, "Show the assignment; commit nothing");
  // "table" is the old name of text, still taken.
  app->add_option("--format", o->format, "text, md, csv or json")
      ->check(CLI::IsMember({"text", "md", "csv", "json", "table"}))
      ->transform([](std::string value) { return value == "table" ? std::string("text") : value; })
      ->capture_default_str();
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
