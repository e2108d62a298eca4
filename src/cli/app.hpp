#pragma once
// The command-line front end: parses argv with CLI11, runs one subcommand inside the one
// error handler, returns the documented exit code (docs/exit-codes.md).

#include <chrono>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dormlink::cli {

// What the process gives the program: the clock, environment variables and the terminal.
struct Environment {
  std::chrono::system_clock::time_point now{};
  std::function<std::optional<std::string>(const char*)> read_env = [](const char*) -> std::optional<std::string> {
    return std::nullopt;
  };
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;  // binary output (backup -) is refused there
  bool stderr_is_terminal = false;  // progress of long work is shown only there
  std::istream* in = nullptr;       // standard input, for prompts; nullptr when there is none
};

// True when standard input is a terminal.
bool stdin_is_terminal();
// True when file descriptor `fd` (1: standard output, 2: standard error) is a terminal.
bool is_terminal(int fd);

// Runs dormlink with argv; all output goes to `out` and `err`. Returns the exit code.
int run(int argc, char** argv, const Environment& env, std::ostream& out, std::ostream& err);

// The same with arguments as strings (args[0] is the program name); for tests.
int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err);

}  // namespace dormlink::cli
