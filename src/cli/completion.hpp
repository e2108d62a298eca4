#pragma once
// Shell completion (docs/shell.md): what a partly typed command line can go on with, read from
// the command line's definition (shell.hpp) and, for members, dorms and counselors, from the
// database the line names. `dormlink completion bash|zsh` prints a script that asks the binary
// (`dormlink __complete -- WORD...`) at each Tab.

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/shell.hpp"

namespace dormlink::cli {

// One word the shell may offer, with what it is (zsh shows the description).
struct Candidate {
  std::string word;
  std::string description;
};

// What the shell should do: offer the candidates, or complete file or directory names itself.
enum class Directive { words, files, directories };

struct Completion {
  Directive directive = Directive::words;
  std::vector<Candidate> candidates;
};

// The members, dorms or counselors the database holds (empty when it cannot be read).
using ValueLookup = std::function<std::vector<Candidate>(ValueKind)>;

// What the global options typed on the line say: --db, --config, --as-of (empty when not typed).
struct LineOptions {
  std::string db_path;
  std::string config_path;
  std::string as_of;
};

// Completes `words` (what follows the program name up to the cursor; the last one is the word
// being typed, "" after a space): commands and subcommands, options (also `--opt=value`), and
// the values of the option before the cursor. Candidates begin with the word being typed.
Completion complete_words(const CLI::App& root, std::vector<std::string> words, const ValueLookup& lookup);

// The --db, --config and --as-of typed among `words` (completion honours them).
LineOptions options_on_line(const CLI::App& root, const std::vector<std::string>& words);

}  // namespace dormlink::cli
