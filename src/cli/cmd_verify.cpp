// dormlink verify: checks the file (quick_check), then walks the records' hash chain and names the
// first broken record.
#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/record_store.hpp"

namespace dormlink::cli {
namespace {

int run_verify(Context& ctx) {
  auto db = open_undamaged(ctx, store::OpenMode::read_only, "the chain was not verified");
  auto report = store::verify_records(db);
  if (report.fault) {
    fmt::print(ctx.out(), "verify: FAILED at record {}: {}\n", report.fault->id, report.fault->what);
    fmt::print(ctx.out(), "verify: {} records before it are intact\n", report.records);
    return static_cast<int>(ExitCode::findings);
  }
  if (!ctx.options().quiet) {
    fmt::print(ctx.out(), "verify: {} records intact; chain head {}\n", report.records,
               report.head.empty() ? "(none)" : report.head);
  }
  return 0;
}

}  // namespace

void add_verify_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("verify", "Check the records' hash chain (exit 1 when broken)");
  app->footer("Examples:\n  dormlink verify\n  dormlink -q verify || echo 'records were tampered with'");
  commands.push_back({app, run_verify});
}

}  // namespace dormlink::cli
