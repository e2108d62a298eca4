#include "harness.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dormlink::e2e {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Child side of run_program: redirect, set the environment, exec.
[[noreturn]] void exec_child(const std::filesystem::path& dir, const std::string& program,
                             const std::vector<std::string>& args, const std::vector<std::string>& env,
                             const char* out_name = ".stdout", const char* err_name = ".stderr") {
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  int in = ::open(::access(".stdin", R_OK) == 0 ? ".stdin" : "/dev/null", O_RDONLY);
  int out = ::open(out_name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = ::open(err_name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (in < 0 || out < 0 || err < 0) ::_exit(127);
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  ::execve(program.c_str(), argv.data(), envp.data());
  ::_exit(127);
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

// The child's environment: the clean base of every run plus `extra`, as NAME=VALUE strings.
std::vector<std::string> child_env(const std::filesystem::path& dir, const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> env{
      {"PATH", "/usr/bin:/bin"},
      {"TZ", "UTC"},
      {"HOME", dir.string()},
      {"USER", "tester"},
      {"DORMLINK_MESSAGES", "en"}};  // the tests of English messages; zh ones pass "" or --lang zh
  for (const auto& [k, v] : extra) env[k] = v;
  std::vector<std::string> flat;
  for (const auto& [k, v] : env) flat.push_back(k + "=" + v);
  return flat;
}

Sandbox::Sandbox() {
  char pattern[] = "/tmp/dormlink-e2e-XXXXXX";
  const char* made = ::mkdtemp(pattern);
  REQUIRE(made != nullptr);
  m_dir = made;
}

Sandbox::~Sandbox() {
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

Result Sandbox::run_program(const std::string& program, const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& extra) const {
  auto flat = child_env(m_dir, extra);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) exec_child(m_dir, program, args, flat);
  int status = 0;
  ::waitpid(pid, &status, 0);
  Result r;
  r.exit_code = exit_code_of(status);
  r.out = slurp(m_dir / ".stdout");
  r.err = slurp(m_dir / ".stderr");
  return r;
}

Running Sandbox::start(const std::string& program, const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env, const std::string& tag) const {
  Running running{-1, "." + tag + ".stdout", "." + tag + ".stderr"};
  auto flat = child_env(m_dir, env);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) exec_child(m_dir, program, args, flat, running.out_name.c_str(), running.err_name.c_str());
  running.pid = pid;
  return running;
}

Result Sandbox::wait(const Running& running) const {
  int status = 0;
  while (::waitpid(running.pid, &status, 0) < 0 && errno == EINTR) {
  }
  Result r;
  r.exit_code = exit_code_of(status);
  r.out = slurp(m_dir / running.out_name);
  r.err = slurp(m_dir / running.err_name);
  return r;
}

bool Sandbox::exited(const Running& running) {
  siginfo_t info{};
  info.si_pid = 0;
  // WNOWAIT: look without reaping, so the pid stays ours until wait().
  return ::waitid(P_PID, static_cast<id_t>(running.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0;
}

Result Sandbox::run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) const {
  return run_program(DORMLINK_BINARY, args, env);
}

Result Sandbox::run_with_stdout(const std::string& stdout_path, const std::vector<std::string>& args,
                                const std::map<std::string, std::string>& env) const {
  auto flat = child_env(m_dir, env);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) exec_child(m_dir, DORMLINK_BINARY, args, flat, stdout_path.c_str());
  int status = 0;
  ::waitpid(pid, &status, 0);
  Result r;
  r.exit_code = exit_code_of(status);
  r.err = slurp(m_dir / ".stderr");
  return r;
}

Result Sandbox::run_at(const std::string& now, const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env) const {
  std::vector<std::string> all{now, DORMLINK_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  auto with = env;
  // libfaketime is preloaded before a sanitized binary's runtime; ASan must not refuse that.
  with["ASAN_OPTIONS"] = "verify_asan_link_order=0";
  return run_program("/usr/bin/faketime", all, with);
}

Result Sandbox::run_with_input(const std::vector<std::string>& args, const std::string& input) const {
  write(".stdin", input);
  auto result = run_program(DORMLINK_BINARY, args, {});
  std::filesystem::remove(m_dir / ".stdin");
  return result;
}

void Sandbox::write(const std::string& name, const std::string& bytes) const {
  std::filesystem::create_directories((m_dir / name).parent_path());
  std::ofstream out(m_dir / name, std::ios::binary);
  out << bytes;
}

std::string Sandbox::read(const std::string& name) const { return slurp(m_dir / name); }

void Sandbox::copy_from_source(const std::string& relative, const std::string& name) const {
  std::filesystem::copy_file(std::filesystem::path(DORMLINK_SOURCE_DIR) / relative, m_dir / name,
                             std::filesystem::copy_options::overwrite_existing);
}

long long Sandbox::query_int(const std::string& db, const std::string& sql) const {
  SQLite::Database raw(path(db), SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt64();
}

std::vector<std::string> college_args(const char* date, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", date};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

void setup_example_college(const Sandbox& box) {
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
  for (const char* f : {"students.csv", "dorms.csv", "staff.csv"}) {
    box.copy_from_source(std::string("examples/college/") + f, f);
  }
  const std::vector<std::string> base{"--db", "college.db", "--as-of", "2026-09-07"};
  auto with = [&base](std::vector<std::string> more) {
    std::vector<std::string> all = base;
    all.insert(all.end(), more.begin(), more.end());
    return all;
  };
  REQUIRE(box.run(with({"init"})).exit_code == 0);
  for (const char* kind : {"dorms", "staff", "students"}) {
    auto r = box.run(with({"import", kind, std::string(kind) + ".csv"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
}

}  // namespace dormlink::e2e
