#pragma once
// What completion and the man pages read of the command line's definition (the CLI11 App tree
// built by build_command_line): the visible commands and options, and what an option's value is
// (docs/shell.md). Nothing here lists commands by hand: a new command or option is completed
// and documented by being registered.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace dormlink::cli {

// The commands under `app` that help shows (hidden ones, such as `__complete`, left out), in
// the order they were registered.
std::vector<const CLI::App*> visible_commands(const CLI::App& app);

// The options of `app` that help shows: named options first, then positionals, as registered.
std::vector<const CLI::Option*> visible_options(const CLI::App& app);

// The words that name `app` below the root: "" for dormlink itself, "report summary".
std::string command_path(const CLI::App& app);

// A named option and the command that registered it (dormlink itself for the global options).
struct FoundOption {
  const CLI::App* owner = nullptr;
  const CLI::Option* option = nullptr;
};

// The named option of `app` or of a command above it (the global options) that `name` names
// ("--db", "-o"); both nullptr when none.
FoundOption find_option(const CLI::App& app, const std::string& name);

// The command directly under `app` that `word` names; nullptr when none (or a hidden one).
const CLI::App* find_command(const CLI::App& app, const std::string& word);

// True when the option is given a value (`--format csv`), false for a flag (`--dry-run`).
bool takes_value(const CLI::Option& option);

// What a value of an option is, for completion.
enum class ValueKind {
  none,       // a flag: no value
  text,       // anything typed: nothing to offer
  fixed,      // one of `words` (--format, --lang, --kind, --channel, export's table)
  file,       // a file name
  directory,  // a directory name
  member,     // a member's student id or name, from the database
  dorm,       // a dorm code, from the database
  counselor,  // a counselor's staff id or name, from the database
};

struct ValueSpec {
  ValueKind kind = ValueKind::none;
  std::vector<std::string> words;  // the values of a fixed set
};

// What `option` takes: a fixed set read from its IsMember check (or, for log-visit's --kind
// and --channel, the record kinds and channels the records module knows), a file or directory
// by its type name (FILE, PATH, DIR), people and dorms by the option's name.
ValueSpec value_spec(const CLI::Option& option);

}  // namespace dormlink::cli
