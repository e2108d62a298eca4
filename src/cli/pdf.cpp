// PDF through headless Chromium (pdf.hpp).
#include "cli/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"

extern char** environ;

namespace dormlink::cli {
namespace {

// The messages of printing to PDF (docs/messages.md); the system's own error text follows.
namespace say {
inline constexpr Message no_chromium{
    "--format pdf needs Chromium to print the HTML: install the Debian package chromium (scripts/setup-deps.sh "
    "--test installs it), or use --format html and print it from a browser ({} cannot be run)",
    "--format pdf 需要 Chromium 把 HTML 打印成 PDF：请安装 Debian 软件包 chromium（scripts/setup-deps.sh --test "
    "会安装它），或改用 --format html，再用浏览器打印（无法运行 {}）"};
inline constexpr Message not_started{"Chromium ({}) could not be started: {}", "无法启动 Chromium（{}）：{}"};
inline constexpr Message failed_exit{"Chromium ({}) could not print the PDF (exit {})",
                                     "Chromium（{}）未能打印 PDF（退出码 {}）"};
inline constexpr Message failed_signal{"Chromium ({}) could not print the PDF (killed by a signal)",
                                       "Chromium（{}）未能打印 PDF（被信号终止）"};
inline constexpr Message timed_out{"Chromium ({}) did not finish printing the PDF within {} seconds; it was stopped",
                                   "Chromium（{}）在 {} 秒内未能打印完 PDF，已被终止"};
inline constexpr Message no_pdf{"Chromium ({}) exited without writing a PDF", "Chromium（{}）退出了，但没有写出 PDF"};
inline constexpr Message not_a_pdf{"Chromium ({}) wrote a file that is not a PDF", "Chromium（{}）写出的文件不是 PDF"};
inline constexpr Message no_temp_dir{"cannot make a temporary folder in {} to print the PDF: {}",
                                     "无法在 {} 中建立打印 PDF 用的临时文件夹：{}"};
}  // namespace say

constexpr const char* k_default_chromium = "/usr/bin/chromium";
// How long Chromium may take to print one document before it is stopped.
constexpr auto k_timeout = std::chrono::seconds{180};
// The largest PDF read back (a report of a few hundred pages is a few megabytes).
constexpr std::uintmax_t k_max_pdf_bytes = 512ull * 1024 * 1024;

std::string chromium_program(Context& ctx) {
  const auto set = ctx.env().read_env("DORMLINK_CHROMIUM");
  return set && !set->empty() ? *set : k_default_chromium;
}

// A private folder (mode 0700, mkdtemp) removed with all it holds when this goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& base) {
    std::string pattern = base + "/dormlink-pdf-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw IoError(say::no_temp_dir(base, system_error_text(errno)));
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

// A local path as a file:// URL: every byte but the unreserved ones and '/' percent-encoded.
std::string file_url(const std::string& path) {
  std::string out = "file://";
  for (const char byte : path) {
    const auto c = static_cast<unsigned char>(byte);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    out += plain ? std::string(1, byte) : fmt::format("%{:02X}", c);
  }
  return out;
}

// Our environment with HOME (and the XDG folders) in the temporary folder, so Chromium keeps
// its profile, caches and crash reports there and nowhere else.
std::vector<std::string> child_environment(const std::string& home) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("HOME=") || entry.starts_with("XDG_CONFIG_HOME=") || entry.starts_with("XDG_CACHE_HOME="))
      continue;
    env.emplace_back(entry);
  }
  env.push_back("HOME=" + home);
  env.push_back("XDG_CONFIG_HOME=" + home + "/.config");
  env.push_back("XDG_CACHE_HOME=" + home + "/.cache");
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Starts Chromium in a process group of its own, its output to /dev/null.
pid_t spawn_chromium(const std::string& program, const std::string& dir, const std::string& pdf,
                     const std::string& html) {
  std::vector<std::string> args{program,         "--headless=new",         "--no-sandbox",
                                "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
                                file_url(html)};
  auto env = child_environment(dir);
  auto argv = pointers(args);
  auto envp = pointers(env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) throw UnavailableError(say::not_started(program, system_error_text(rc)));
  return pid;
}

// Waits for Chromium, stopping its whole process group after k_timeout; then ends whatever it
// left running in that group (its helpers). Returns the wait status, or nullopt on timeout.
std::optional<int> wait_for(pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + k_timeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  ::kill(-pid, SIGKILL);  // the group's helpers, if any outlived it
  return status;
}

std::string temp_base(Context& ctx) {
  const auto tmp = ctx.env().read_env("TMPDIR");
  return tmp && !tmp->empty() ? *tmp : "/tmp";
}

}  // namespace

void require_chromium(Context& ctx) {
  const std::string program = chromium_program(ctx);
  if (::access(program.c_str(), X_OK) != 0) throw UnavailableError(say::no_chromium(program));
}

std::string print_pdf(Context& ctx, const std::string& html) {
  require_chromium(ctx);
  const std::string program = chromium_program(ctx);
  const TempDir dir(temp_base(ctx));
  const std::string page = dir.path() + "/document.html";
  const std::string pdf = dir.path() + "/document.pdf";
  write_file_atomically(page, html, 0600, true);
  const auto status = wait_for(spawn_chromium(program, dir.path(), pdf, page));
  if (!status) throw IoError(say::timed_out(program, k_timeout.count()));
  if (!WIFEXITED(*status)) throw IoError(say::failed_signal(program));
  if (WEXITSTATUS(*status) != 0) throw IoError(say::failed_exit(program, WEXITSTATUS(*status)));
  struct stat st {};
  if (::stat(pdf.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) throw IoError(say::no_pdf(program));
  std::string bytes = read_input_file(pdf, k_max_pdf_bytes);
  if (!bytes.starts_with("%PDF-")) throw IoError(say::not_a_pdf(program));
  return bytes;
}

void write_pdf(Context& ctx, const std::string& html, const std::string& out_path, bool force) {
  check_output_path(ctx, out_path, force);
  write_output_file(ctx, out_path, print_pdf(ctx, html), force);
}

}  // namespace dormlink::cli
