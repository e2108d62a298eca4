#include "terminal.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>

#include <csignal>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dormlink::e2e {
namespace {

// Code points in UTF-8 text: the keys a person presses for it (an IME's candidate counts one).
std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

// Reads what the terminal shows until the program waits for input (the screen ends in ": "
// and nothing more comes for a moment), or it exits; false when it exited.
bool read_until_prompt(int master, std::string& screen, std::size_t from) {
  using clock = std::chrono::steady_clock;
  const auto give_up = clock::now() + std::chrono::seconds(20);
  while (clock::now() < give_up) {
    pollfd p{master, POLLIN, 0};
    const int ready = ::poll(&p, 1, 150);
    if (ready == 0) {
      if (screen.size() > from && screen.ends_with(": ")) return true;
      continue;
    }
    char buffer[4096];
    const auto n = ::read(master, buffer, sizeof buffer);
    if (n <= 0) return errno == EINTR;
    screen.append(buffer, static_cast<std::size_t>(n));
  }
  FAIL("the program neither asked nor ended within 20 s; screen:\n" << screen);
  return false;
}

}  // namespace

TerminalRun run_in_terminal(const Sandbox& box, const std::string& now, const std::vector<std::string>& args,
                            const std::vector<std::string>& answers, const std::map<std::string, std::string>& env) {
  std::vector<std::string> all{"/usr/bin/faketime", now, DORMLINK_BINARY};
  if (now.empty()) all = {DORMLINK_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  return run_program_in_terminal(box, all, answers, env);
}

TerminalRun run_program_in_terminal(const Sandbox& box, const std::vector<std::string>& all,
                                    const std::vector<std::string>& answers,
                                    const std::map<std::string, std::string>& env) {
  auto with = env;
  with["ASAN_OPTIONS"] = "verify_asan_link_order=0";
  const auto flat = child_env(box.dir(), with);
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(box.dir().c_str()) != 0) ::_exit(127);
    std::vector<char*> argv;
    for (const auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : flat) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  TerminalRun run;
  std::size_t from = 0;
  for (const auto& answer : answers) {
    if (!read_until_prompt(master, run.screen, from)) {
      FAIL_CHECK("the program ended before the answer \"" << answer << "\"; screen:\n" << run.screen);
      break;
    }
    ++run.prompts;
    const std::string typed = answer == k_end_of_input ? answer : answer + "\n";
    REQUIRE(::write(master, typed.data(), typed.size()) == static_cast<ssize_t>(typed.size()));
    run.keystrokes += answer == k_end_of_input ? 1 : code_points(answer) + 1;
    from = run.screen.size() + typed.size();
  }
  if (read_until_prompt(master, run.screen, from)) {
    run.left_waiting = true;
    ::kill(pid, SIGKILL);
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace dormlink::e2e
