#pragma once
// What every subcommand runner receives: the global options, the environment, the streams,
// and the helpers that turn them into a config, a date and a database.

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.hpp"
#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"

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
  // Today by the real clock in the config's time zone, whatever --as-of says: no event may be
  // recorded as happening after it.
  Date real_today();
  // --lang, or the config's language.
  Language language();
  // The language of messages (language.hpp): --lang, else DORMLINK_MESSAGES, else the config's
  // when it loads, else zh; a config that does not load is reported by the command that needs it.
  Language message_language();
  // Opens the database.
  store::Database open_database(store::OpenMode mode);
  // "YYYY-MM-DD HH:MM:SS" now in the college's time zone.
  std::string timestamp();
  // The operating-system user running the command (for audit columns).
  std::string user() const;

  // An input file named on the command line, read under the config's [limits]: a regular
  // file, or "-" for standard input (then named "<stdin>"). See read_input_file.
  struct Input {
    std::string name;  // the path as given, or "<stdin>"
    std::string bytes;
  };
  Input read_input(const std::string& path);
  // The config's [limits] on CSV cells and columns.
  util::CsvLimits csv_limits();

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

// The whole command line (app.cpp): dormlink's description, footer and global options into
// `root`, and every command, registered into `commands`. Completion and the man pages read it.
void build_command_line(CLI::App& root, GlobalOptions& options, std::vector<Command>& commands);

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
void add_calendar_command(CLI::App& root, std::vector<Command>& commands);
void add_notify_command(CLI::App& root, std::vector<Command>& commands);
void add_inspect_command(CLI::App& root, std::vector<Command>& commands);
void add_withdraw_commands(CLI::App& root, std::vector<Command>& commands);
// `concern` and `incident` with ack, act, close, list (cmd_case.cpp; docs/cases.md).
void add_case_commands(CLI::App& root, std::vector<Command>& commands);
void add_report_command(CLI::App& root, std::vector<Command>& commands);
void add_backup_command(CLI::App& root, std::vector<Command>& commands);
void add_form_command(CLI::App& root, std::vector<Command>& commands);
// `completion bash|zsh` and the hidden `__complete` (cmd_completion.cpp; docs/shell.md).
void add_completion_commands(CLI::App& root, std::vector<Command>& commands);
// `man` (cmd_man.cpp): the man pages of every command.
void add_man_command(CLI::App& root, std::vector<Command>& commands);
// `help [COMMAND...]` (command_line.cpp): registered last, it knows every other command.
void add_help_command(CLI::App& root, std::vector<Command>& commands);
// `import form` (cmd_import_form.cpp), under `import`.
void add_import_form_command(CLI::App& import, std::vector<Command>& commands);

// Reads a whole input file of at most `max_bytes`. Only a regular file is read: a directory,
// FIFO, device or socket is refused before it is opened (NotFoundError, exit 66: "... is not a
// regular file but ..."), a larger file before it is read (DataError, exit 65, naming the
// limit). NotFoundError / PermissionError / IoError name the path.
std::string read_input_file(const std::string& path, std::uintmax_t max_bytes);

// The encoding `--encoding NAME` forces; nullopt when NAME is empty (detect it). Throws
// UsageError for a name it does not know.
std::optional<util::Encoding> forced_encoding(const std::string& name);

// Reads a stream (standard input) to its end, refusing it (DataError naming `name` and the
// limit) as soon as it has passed `max_bytes`.
std::string read_input_stream(std::istream& in, const std::string& name, std::uintmax_t max_bytes);

// Whether a command prints its result: always as JSON (a JSON consumer always gets a value,
// `[]`/`{}` when empty, -q or not; docs/messages.md "Conventions"), otherwise unless -q and
// there is nothing to report (`findings` false).
bool prints_result(const Context& ctx, std::string_view format, bool findings);

// Refuses (CantCreateError, exit 73) an output path that is, or would create, the open
// database, its -wal/-shm/-journal or the config in use, whatever `force` says; without
// `force`, also a path that exists. "" and "-" (standard output) pass.
void check_output_path(Context& ctx, const std::string& path, bool force);

// Refuses (CantCreateError, exit 73) an --out-dir that exists but is not a directory ("" and a
// missing one pass: it is made, with any missing parents, when the first file is written).
void check_out_dir(const std::string& dir);

// Makes the missing directories above `path` (mode 0700: what dormlink writes is personal);
// CantCreateError when one of them is a file, PermissionError when not allowed.
void make_parent_directories(const std::string& path);

// check_output_path, then write_file_atomically with mode 0600 (replacing only with `force`).
void write_output_file(Context& ctx, const std::string& path, const std::string& content, bool force);

// Writes text to standard output and flushes it: a failed write (disk full, a closed pipe) is
// an IoError (exit 74). A command that records something because it printed it calls this
// inside its transaction, before the commit, so a failed output records nothing. A receipt
// printed after a commit names what was done (`already_done`, e.g. "record #12 was saved"): the
// change stands, so the error says so, and that nobody should run the command again to be safe.
// Output that claims a change is printed only after the commit: printed inside the transaction,
// it would claim what a failing COMMIT then takes back.
void emit(Context& ctx, std::string_view text, std::string_view already_done = {});

// A receipt or status line (what a command did: a record saved, a form imported, a database
// created): on standard error, so standard output carries only data; nothing under -q.
void receipt(Context& ctx, std::string_view text);

// Flushes standard output after a command; a failure is an IoError (exit 74).
void finish_output(Context& ctx);

// Writes a file atomically (temp file + rename) with the given mode; never half-written.
// With `exclusive`, refuses (CantCreateError) when the path exists. Missing directories above
// it are made (make_parent_directories).
void write_file_atomically(const std::string& path, const std::string& content, unsigned mode, bool exclusive);

}  // namespace dormlink::cli
