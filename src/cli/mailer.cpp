// Delivery of notify's messages (mailer.hpp).
#include "cli/mailer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"

extern char** environ;

namespace dormlink::cli {
namespace {

constexpr const char* k_default_sendmail = "/usr/sbin/sendmail";

// Closes a descriptor once, on every path.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

void write_to_pipe(int fd, const std::string& text, const std::string& who) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw IoError(fmt::format("the message for {} could not be handed to sendmail: {}", who, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
}

pid_t spawn_sendmail(const std::string& program, int read_end, int write_end) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, read_end, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);  // our stdout is the data
  posix_spawn_file_actions_addclose(&actions, read_end);
  posix_spawn_file_actions_addclose(&actions, write_end);
  std::string arg0 = program, t = "-t", oi = "-oi";
  char* argv[] = {arg0.data(), t.data(), oi.data(), nullptr};
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    throw UnavailableError(
        fmt::format("{} could not be started: {}; install a mail transfer agent (the "
                    "default-mta package) or use --via mbox:DIR",
                    program, std::strerror(rc)));
  }
  return pid;
}

void send_by_sendmail(const std::string& program, const std::string& message, const std::string& who) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw IoError(fmt::format("no pipe to sendmail: {}", std::strerror(errno)));
  Fd read_end{fds[0]}, write_end{fds[1]};
  const pid_t pid = spawn_sendmail(program, read_end.fd, write_end.fd);
  read_end.reset();
  std::string failure;
  try {
    write_to_pipe(write_end.fd, message, who);
  } catch (const Error& e) {
    failure = e.what();
  }
  write_end.reset();
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!failure.empty()) throw IoError(failure);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw IoError(fmt::format("{} refused the message for {} ({}); see the mail log", program, who,
                              WIFEXITED(status) ? fmt::format("exit {}", WEXITSTATUS(status)) : "killed by a signal"));
  }
}

}  // namespace

Via parse_via(const std::string& text) {
  if (text == "sendmail") return {Via::Kind::sendmail, k_default_sendmail};
  if (text.starts_with("sendmail:") && text.size() > 9) return {Via::Kind::sendmail, text.substr(9)};
  if (text.starts_with("mbox:") && text.size() > 5) return {Via::Kind::mbox, text.substr(5)};
  throw UsageError(fmt::format("--via {}: use sendmail, sendmail:PROGRAM or mbox:DIR", quote_value(text)));
}

void check_delivery(const Via& via) {
  if (via.kind == Via::Kind::sendmail) {
    if (::access(via.target.c_str(), X_OK) != 0) {
      throw UnavailableError(
          fmt::format("{} is not there or cannot be run; install a mail transfer agent (the "
                      "default-mta package provides /usr/sbin/sendmail) or use --via mbox:DIR",
                      via.target));
    }
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(via.target, ec);
  if (ec || !std::filesystem::is_directory(via.target)) {
    throw IoError(
        fmt::format("--via mbox:{}: the folder cannot be created: {}", via.target, ec ? ec.message() : "not a folder"));
  }
}

void deliver(const Via& via, const std::string& file_stem, const std::string& message_lf,
             const std::string& message_crlf, const std::string& who) {
  if (via.kind == Via::Kind::sendmail) {
    // A sendmail that exits early closes the pipe: that is its error to report, not a signal.
    ::signal(SIGPIPE, SIG_IGN);
    send_by_sendmail(via.target, message_lf, who);
    return;
  }
  write_file_atomically((std::filesystem::path(via.target) / (file_stem + ".eml")).string(), message_crlf, 0600, false);
}

}  // namespace dormlink::cli
