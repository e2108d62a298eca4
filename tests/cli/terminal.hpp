#pragma once
// Drives dormlink on a pseudo-terminal as a person would: waits for each prompt, types an
// answer and Enter, and counts the keystrokes.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "harness.hpp"

namespace dormlink::e2e {

// What a terminal session showed and cost.
struct TerminalRun {
  int exit_code = -1;
  std::string screen;          // everything the terminal showed: prompts, echoed answers, output
  std::size_t keystrokes = 0;  // one per character typed (a Chinese character counts one) plus Enter
  std::size_t prompts = 0;     // the answers the program waited for
  bool left_waiting = false;   // still asking after the last answer (then killed)
};

// An answer that is Ctrl-D at the start of a line: the end of input.
inline constexpr const char* k_end_of_input = "\x04";

// Runs dormlink in the sandbox on a new pseudo-terminal (stdin, stdout and stderr), with the
// real clock moved to `now` by libfaketime (which stops it there; "" keeps the real clock), typing `answers` one at a
// time: each is typed once the program is waiting for input (its output ends in ": " and has stopped). An answer the
// program never asks for fails the test; a program still asking after the last answer is
// killed and marked left_waiting.
TerminalRun run_in_terminal(const Sandbox& box, const std::string& now, const std::vector<std::string>& args,
                            const std::vector<std::string>& answers,
                            const std::map<std::string, std::string>& env = {});

// The same for any program: `command` is the program's absolute path and its arguments (bash -i
// waits at a prompt that ends in ": ", set by PS1).
TerminalRun run_program_in_terminal(const Sandbox& box, const std::vector<std::string>& command,
                                    const std::vector<std::string>& answers,
                                    const std::map<std::string, std::string>& env = {});

}  // namespace dormlink::e2e
