// dormlink backup FILE: a consistent copy of the database while others keep writing (docs/backup.md).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/backup.hpp"

namespace dormlink::cli {
namespace {

// The messages of backup beyond its receipt line (docs/messages.md).
namespace say {
inline constexpr Message receipt_not_recorded{
    "dormlink: warning: the backup {} is complete, but its receipt could not be recorded in {} ({}); verify cannot "
    "check the chain against this copy\n",
    "dormlink: 警告：备份 {} 已完成，但未能在 {} 中记下这次备份（{}）；verify 无法用这份副本核对记录链\n"};
inline constexpr Message no_backup_written{"no backup was written", "未写入备份"};
}  // namespace say

struct BackupOptions {
  std::string file;
  bool force = false;
};

// Records the backup in the database it copied (an anchor for verify, and the copy to restore
// when the database is found damaged). A read-only or busy database keeps the backup without a
// receipt: the copy is good, only the note of it is missing, and the user is told so.
void record_receipt(Context& ctx, const std::string& db_path, const std::string& file,
                    const store::BackupResult& result) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec).lexically_normal();
  store::BackupReceipt receipt{
      0, ctx.timestamp(), ctx.user(), ec ? file : absolute.string(), result.records, result.chain_head, result.bytes};
  try {
    auto db = ctx.open_database(store::OpenMode::read_write);
    store::record_backup_receipt(db, receipt);
  } catch (const Error& e) {
    ctx.err() << say::receipt_not_recorded(file, db_path, e.what());
  }
}

// backup -: the copy is made in a private temporary folder, then streamed to standard output
// (`dormlink backup - | gzip > copy.db.gz`), and removed.
store::BackupResult backup_to_stdout(Context& ctx, store::Database& db) {
  if (ctx.env().stdout_is_terminal) throw UsageError(msg::backup_to_terminal());
  std::string pattern = (std::filesystem::temp_directory_path() / "dormlink-backup-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw IoError(msg::cannot_create_file(pattern, system_error_text(errno)));
  const std::filesystem::path folder = pattern;
  const auto copy = (folder / "copy.db").string();
  struct Remover {
    std::filesystem::path path;
    ~Remover() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  } remover{folder};
  auto result = store::backup_database(db, copy, false);
  std::ifstream in(copy, std::ios::binary);
  std::string chunk(1 << 20, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    emit(ctx, std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  return result;
}

int run_backup(Context& ctx, const BackupOptions& o) {
  const bool to_stdout = o.file == "-";
  if (!to_stdout) check_output_path(ctx, o.file, true);  // never onto the database, its side files or the config
  store::BackupResult result;
  std::string db_path;
  {
    // A copy of a damaged file is no backup: the source is checked before anything is copied.
    auto db = open_undamaged(ctx, store::OpenMode::read_only, say::no_backup_written());
    db_path = db.path();
    if (to_stdout) {
      result = backup_to_stdout(ctx, db);
    } else {
      make_parent_directories(o.file);  // "backup backups/2026-12-05.db" on a first run
      result = store::backup_database(db, o.file, o.force);
    }
  }
  const auto target = to_stdout ? msg::backup_stdout_name() : o.file;
  record_receipt(ctx, db_path, target, result);
  if (!ctx.options().quiet) {
    ctx.err() << msg::backup_done(db_path, target, result.records,
                                  result.chain_head.empty() ? msg::no_head() : result.chain_head, result.bytes);
  }
  return 0;
}

}  // namespace

void add_backup_command(CLI::App& root, std::vector<Command>& commands) {
  auto options = std::make_shared<BackupOptions>();
  auto* app = root.add_subcommand("backup", "Copy the database to FILE (consistent; writers keep going)");
  app->add_option("FILE", options->file, "The copy to write (mode 0600); - is standard output")
      ->required()
      ->type_name("FILE");
  app->add_flag("--force", options->force, "Replace FILE if it exists");
  app->footer(
      "Examples:\n  dormlink backup backups/dormlink-2026-10-01.db\n"
      "  dormlink -q backup /mnt/usb/dormlink.db --force && dormlink --db /mnt/usb/dormlink.db verify\n"
      "  dormlink -q backup - | gzip > dormlink-$(date +%F).db.gz");
  commands.push_back({app, [options](Context& ctx) { return run_backup(ctx, *options); }});
}

}  // namespace dormlink::cli
