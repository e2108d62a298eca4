#include "cli/app.hpp"

#include <new>
#include <sstream>

#include <fmt/ostream.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include "cli/command_line.hpp"
#include "cli/context.hpp"
#include "cli/help_language.hpp"
#include "cli/messages.hpp"
#include "cli/parse_messages.hpp"
#include "cli/scrubbed_stream.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_footer = R"(Environment:
  DORMLINK_DB       database path when --db is not given (default ./dormlink.db)
  DORMLINK_CONFIG   config path when --config is not given (default ./dormlink.toml)
  DORMLINK_MESSAGES zh or en: the language of messages (not reports) when --lang is not given

Exit codes: 0 ok, 1 findings, 3 no feasible assignment, 64 usage, 65 bad data, 66 missing input, 69 unavailable, 70 internal,
73 cannot create, 74 I/O, 75 busy (retry), 77 permission, 78 config (docs/exit-codes.md).

Examples:
  dormlink init
  dormlink import dorms dorms.csv
  dormlink import students students.csv --dry-run
  dormlink roster --as-of 2026-09-07
  dormlink assign --dry-run
  dormlink log-visit --member 李晴紫 --dorm 10-106 --at "昨天 19:30"
  dormlink verify
  dormlink check --as-of 2026-10-14
  dormlink report feedback --member 李晴紫 --period previous
  dormlink inspect sample --size 8)";

void add_global_options(CLI::App& root, GlobalOptions& options) {
  root.add_option("--db", options.db_path, "SQLite database file (env DORMLINK_DB)")->type_name("PATH");
  root.add_option("--config", options.config_path, "TOML rules file (env DORMLINK_CONFIG)")->type_name("PATH");
  root.add_option("--as-of", options.as_of, "Act as if today were this date (YYYY-MM-DD)")->type_name("DATE");
  root.add_option("--lang", options.lang, "Output language: zh or en (default: the config's)")
      ->check(CLI::IsMember({"zh", "en"}));
  root.add_flag("-q,--quiet", options.quiet, "Print only errors and findings");
  root.set_version_flag("--version", fmt::format("dormlink {} (schema {})", DORMLINK_VERSION, store::k_schema_version));
}

// Prints every located problem, then the one-line error, to stderr.
int report_error(const Error& e, std::ostream& err) {
  for (const auto& p : e.problems()) {
    if (p.location.empty()) {
      fmt::print(err, "{}\n", p.message);
    } else {
      fmt::print(err, "{}: {}\n", p.location, p.message);
    }
  }
  err << msg::error_line(e.what());
  return static_cast<int>(e.code());
}

// The one domain-error handler: every runner runs inside it. Standard output is flushed and
// checked before the exit code is returned: output that did not arrive is exit 74, never 0.
int run_guarded(const Runner& runner, Context& context) {
  try {
    const int code = runner(context);
    finish_output(context);
    return code;
  } catch (const Error& e) {
    return report_error(e, context.err());
  } catch (const std::bad_alloc&) {
    context.err() << msg::out_of_memory();
    return static_cast<int>(ExitCode::internal);
  } catch (const std::exception& e) {
    context.err() << msg::internal_error(e.what());
    return static_cast<int>(ExitCode::internal);
  }
}

// CLI11 reports help and version as "errors" with code 0; everything else is a usage error,
// one error line in the message language. Its messages echo what was typed ("--lang:
// 13912345678 not in {zh,en}"), so every digit run long enough to be a phone number is hidden
// from them.
int parse_failure(CLI::App& root, const CLI::ParseError& e, std::ostream& out, std::ostream& err) {
  if (e.get_exit_code() == 0) {
    translate_help(root, message_language());
    std::ostringstream ignored;
    root.exit(e, out, ignored);
    return 0;
  }
  const std::string what = e.what();
  err << msg::error_line(scrub_command_line_echo(parse_error_message(what)));
  return static_cast<int>(ExitCode::usage);
}

// Options whose values are file names: any bytes the file system allows.
bool takes_a_path(const CLI::Option& option) {
  const auto type = option.get_type_name();
  return type == "FILE" || type == "DIR" || type == "PATH";
}

// Every value typed on the command line, but file names, must be valid UTF-8 before anything
// reads it (REQUIREMENTS §3: records are stored as typed). Throws UsageError naming the option
// and the offset of the first bad byte, never the value.
void check_text_arguments(const CLI::App& app, ProblemCollector& problems) {
  for (const CLI::Option* option : app.get_options()) {
    if (takes_a_path(*option)) continue;
    for (const auto& value : option->results()) {
      if (auto problem = utf8_problem(value)) {
        problems.add("", msg::not_utf8(option->get_name(), *problem));
      }
    }
  }
  for (const CLI::App* sub : app.get_subcommands()) check_text_arguments(*sub, problems);
}

int check_arguments(const CLI::App& root, Context& context) {
  return run_guarded(
      [&root](Context&) {
        ProblemCollector problems;
        check_text_arguments(root, problems);
        if (!problems.empty()) {
          throw Error(ExitCode::usage, msg::command_line_not_utf8(), problems.take());
        }
        return 0;
      },
      context);
}

const Command* chosen(const std::vector<Command>& commands) {
  const Command* found = nullptr;
  for (const auto& c : commands) {
    if (c.app->parsed()) found = &c;  // the deepest parsed subcommand is registered last
  }
  return found;
}

}  // namespace

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

void build_command_line(CLI::App& root, GlobalOptions& options, std::vector<Command>& commands) {
  root.description("dormlink: student Party members contact dormitories (学生党员联系寝室)");
  root.name("dormlink");
  root.footer(k_footer);
  root.fallthrough();
  root.require_subcommand(1);
  add_global_options(root, options);
  add_init_command(root, commands);
  add_import_command(root, commands);
  add_roster_command(root, commands);
  add_migrate_command(root, commands);
  add_assign_command(root, commands);
  add_export_command(root, commands);
  add_log_visit_command(root, commands);
  add_verify_command(root, commands);
  add_check_command(root, commands);
  add_calendar_command(root, commands);
  add_notify_command(root, commands);
  add_inspect_command(root, commands);
  add_case_commands(root, commands);
  add_withdraw_commands(root, commands);
  add_report_command(root, commands);
  add_form_command(root, commands);
  add_backup_command(root, commands);
  add_completion_commands(root, commands);
  add_man_command(root, commands);
  add_help_command(root, commands);
}

int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err) {
  CLI::App root;
  GlobalOptions options;
  std::vector<Command> commands;
  build_command_line(root, options, commands);

  ScrubbedStream safe_err(err);  // everything dormlink says on stderr is scrubbed (message.hpp)
  const auto typed_language = language_on_command_line(args);
  set_message_language(typed_language
                           ? *typed_language
                           : messages_language_from(env.read_env("DORMLINK_MESSAGES")).value_or(Language::zh));
  if (const auto unknown = unknown_command(root, args)) {
    safe_err << msg::error_line(*unknown);
    return static_cast<int>(ExitCode::usage);
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 2.1.2 wants it reversed
  try {
    root.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return parse_failure(root, e, out, safe_err);
  }
  const Command* command = chosen(commands);
  if (command == nullptr) {
    safe_err << msg::error_line(msg::choose_command());
    return static_cast<int>(ExitCode::usage);
  }
  Context context(std::move(options), env, out, safe_err);
  set_message_language(context.message_language());
  if (const int code = check_arguments(root, context); code != 0) return code;
  return run_guarded(command->run, context);
}

int run(int argc, char** argv, const Environment& env, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args(argv, argv + argc);
  return run(args, env, out, err);
}

}  // namespace dormlink::cli
