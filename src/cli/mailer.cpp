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

#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"

extern char** environ;

namespace dormlink::cli {
namespace {

// The messages of handing mail over (docs/messages.md); the system's own error text follows.
namespace say {
inline constexpr Message not_handed_over{"the message for {} could not be handed to sendmail: {}",
                                         "发给 {} 的邮件未能交给 sendmail：{}"};
inline constexpr Message not_started{
    "{} could not be started: {}; install a mail transfer agent (the default-mta package) or use --via mbox:DIR",
    "无法启动 {}：{}；请安装邮件传输代理（default-mta 软件包），或改用 --via mbox:DIR"};
inline constexpr Message no_pipe{"no pipe to sendmail: {}", "无法建立通往 sendmail 的管道：{}"};
inline constexpr Message refused_exit{"{} refused the message for {} (exit {}); see the mail log",
                                      "{} 拒收了发给 {} 的邮件（退出码 {}）；请查看邮件日志"};
inline constexpr Message refused_signal{"{} refused the message for {} (killed by a signal); see the mail log",
                                        "{} 拒收了发给 {} 的邮件（被信号终止）；请查看邮件日志"};
inline constexpr Message bad_via{"--via {}: use sendmail, sendmail:PROGRAM or mbox:DIR",
                                 "--via {}：请用 sendmail、sendmail:PROGRAM 或 mbox:DIR"};
inline constexpr Message no_sendmail{
    "{} is not there or cannot be run; install a mail transfer agent (the default-mta package provides "
    "/usr/sbin/sendmail) or use --via mbox:DIR",
    "{} 不存在或无法运行；请安装邮件传输代理（default-mta 软件包提供 /usr/sbin/sendmail），或改用 --via mbox:DIR"};
inline constexpr Message folder_not_created{"--via mbox:{}: the folder cannot be created: {}",
                                            "--via mbox:{}：无法创建该文件夹：{}"};
inline constexpr Message not_a_folder{"--via mbox:{}: the folder cannot be created: not a folder",
                                      "--via mbox:{}：无法创建该文件夹：该路径已存在且不是文件夹"};
}  // namespace say

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
      throw IoError(say::not_handed_over(who, system_error_text(errno)));
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
    throw UnavailableError(say::not_started(program, system_error_text(rc)));
  }
  return pid;
}

void send_by_sendmail(const std::string& program, const std::string& message, const std::string& who) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw IoError(say::no_pipe(system_error_text(errno)));
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
    throw IoError(WIFEXITED(status) ? say::refused_exit(program, who, WEXITSTATUS(status))
                                    : say::refused_signal(program, who));
  }
}

}  // namespace

Via parse_via(const std::string& text) {
  if (text == "sendmail") return {Via::Kind::sendmail, k_default_sendmail};
  if (text.starts_with("sendmail:") && text.size() > 9) return {Via::Kind::sendmail, text.substr(9)};
  if (text.starts_with("mbox:") && text.size() > 5) return {Via::Kind::mbox, text.substr(5)};
  throw UsageError(say::bad_via(quote_value(text)));
}

void check_delivery(const Via& via) {
  if (via.kind == Via::Kind::sendmail) {
    if (::access(via.target.c_str(), X_OK) != 0) {
      throw UnavailableError(say::no_sendmail(via.target));
    }
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(via.target, ec);
  if (ec || !std::filesystem::is_directory(via.target)) {
    throw IoError(ec ? say::folder_not_created(via.target, ec.message()) : say::not_a_folder(via.target));
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
