// dormlink backup FILE: a consistent copy of the database while others keep writing (docs/backup.md).
#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include "cli/context.hpp"
#include "dormlink/store/backup.hpp"

namespace dormlink::cli {
namespace {

struct BackupOptions {
  std::string file;
  bool force = false;
};

int run_backup(Context& ctx, const BackupOptions& o) {
  check_output_path(ctx, o.file, true);  // never onto the database, its side files or the config
  auto db = ctx.open_database(store::OpenMode::read_only);
  auto result = store::backup_database(db, o.file, o.force);
  if (!ctx.options().quiet) {
    fmt::print(ctx.err(), "backup: {} -> {}: {} records, chain head {}, {} bytes (integrity ok)\n", db.path(),
               o.file, result.records, result.chain_head.empty() ? "(none)" : result.chain_head, result.bytes);
  }
  return 0;
}

}  // namespace

void add_backup_command(CLI::App& root, std::vector<Command>& commands) {
  auto options = std::make_shared<BackupOptions>();
  auto* app = root.add_subcommand("backup", "Copy the database to FILE (consistent; writers keep going)");
  app->add_option("FILE", options->file, "The copy to write (mode 0600)")->required()->type_name("FILE");
  app->add_flag("--force", options->force, "Replace FILE if it exists");
  app->footer("Examples:\n  dormlink backup backups/dormlink-2026-10-01.db\n"
              "  dormlink -q backup /mnt/usb/dormlink.db --force && dormlink --db /mnt/usb/dormlink.db verify");
  commands.push_back({app, [options](Context& ctx) { return run_backup(ctx, *options); }});
}

}  // namespace dormlink::cli
