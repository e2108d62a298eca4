// The process entry point: argv, the real clock and the standard streams go in; the exit
// code comes out. Everything else is in dormlink::cli::run.
#include <chrono>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  dormlink::cli::Environment env;
  env.now = std::chrono::system_clock::now();
  env.read_env = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  env.stdin_is_terminal = dormlink::cli::stdin_is_terminal();
  env.stdout_is_terminal = dormlink::cli::is_terminal(1);
  env.stderr_is_terminal = dormlink::cli::is_terminal(2);
  env.in = &std::cin;
  return dormlink::cli::run(argc, argv, env, std::cout, std::cerr);
}
