#pragma once
// What every subcommand runner receives: the global options, the environment, the streams,
// and the helpers that turn them into a config, a date and a database.

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"
#include "dormlink/store/database.hpp"

namespace CLI {
class App;
}

namespace dormlink::cli {

// Options of the root command, valid before or after the subcommand.
struct GlobalOptions {
  std::string db_path;      // --db, else $DORMLINK_DB, else ./dormlink.db
  std::string config_path;  // --config, else $DORMLINK_CONFIG, else ./dormlink.toml
  std::string as_of;        // --as-of YYYY-MM-DD; empty: today in the college's time zone
  std::string lang;         // --lang zh|en; empty: the config's language
  bool quiet = false;       // -q: print only what matters (errors, findings)
};

// The runtime context of one command.
class Context {
 public:
  Context(GlobalOptions options, const Environment& env, std::ostream& out, std::ostream& err);

  std::ostream& out() { return m_out; }
  std::ostream& err() { return m_err; }
  const GlobalOptions& options() const { return m_options; }
  const Environment& env() const { return m_env; }

  // Loads and validates the config (cached); throws ConfigError/NotFoundError.
  const Config& config();
  // --as-of, or today in the config's time zone.
  Date today();
  // --lang, or the config's language.
  Language language();
  // Opens the database.
  store::Database open_database(store::OpenMode mode);
  // "YYYY-MM-DD HH:MM:SS" now in the college's time zone.
  std::string timestamp();
  // The operating-system user running the command (for audit columns).
  std::string user() const;

 private:
  GlobalOptions m_options;
  const Environment& m_env;
  std::ostream& m_out;
  std::ostream& m_err;
  std::unique_ptr<Config> m_config;
};

// A subcommand's runner: called after a successful parse; returns the exit code.
using Runner = std::function<int(Context&)>;

// A registered subcommand and what runs it.
struct Command {
  CLI::App* app = nullptr;
  Runner run;
};

// Registration functions, one per src/cli/cmd_<name>.cpp.
void add_init_command(CLI::App& root, std::vector<Command>& commands);
void add_import_command(CLI::App& root, std::vector<Command>& commands);
void add_roster_command(CLI::App& root, std::vector<Command>& commands);
void add_migrate_command(CLI::App& root, std::vector<Command>& commands);
void add_assign_command(CLI::App& root, std::vector<Command>& commands);
void add_export_command(CLI::App& root, std::vector<Command>& commands);
void add_log_visit_command(CLI::App& root, std::vector<Command>& commands);
void add_verify_command(CLI::App& root, std::vector<Command>& commands);
void add_check_command(CLI::App& root, std::vector<Command>& commands);
void add_inspect_command(CLI::App& root, std::vector<Command>& commands);
void add_withdraw_commands(CLI::App& root, std::vector<Command>& commands);
void add_report_command(CLI::App& root, std::vector<Command>& commands);
void add_backup_command(CLI::App& root, std::vector<Command>& commands);

// Reads a whole input file; NotFoundError / PermissionError / IoError name the path.
std::string read_input_file(const std::string& path);

// Prints what a writing command reports after its transaction committed, and flushes it. The
// change already stands, so when the stream fails (a full disk, a closed file) the IoError says
// what was committed (`committed`, e.g. "record #12 was saved"), so that nobody runs the command
// again to be safe. Call it only after the commit: output printed inside the transaction would
// claim a change that a failing COMMIT then takes back.
void print_committed(std::ostream& out, const std::string& text, const std::string& committed);

// Writes a file atomically (temp file + rename) with the given mode; never half-written.
// With `exclusive`, refuses (CantCreateError) when the path exists.
void write_file_atomically(const std::string& path, const std::string& content, unsigned mode,
                           bool exclusive);

}  // namespace dormlink::cli
