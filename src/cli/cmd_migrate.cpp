// dormlink migrate: brings an older database to this build's schema (one transaction).
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/messages.hpp"

namespace dormlink::cli {
namespace {

int run_migrate(Context& ctx) {
  auto db = ctx.open_database(store::OpenMode::read_write);
  db.transaction([] {});  // a write transaction migrates before it runs its work
  if (!ctx.options().quiet) {
    ctx.err() << msg::schema_version(db.path(), store::k_schema_version);
  }
  return 0;
}

}  // namespace

void add_migrate_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("migrate", "Upgrade the database schema to this version");
  app->footer("Examples:\n  dormlink migrate\n  dormlink --db college.db migrate");
  commands.push_back({app, run_migrate});
}

}  // namespace dormlink::cli
