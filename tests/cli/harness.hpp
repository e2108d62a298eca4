#pragma once
// Runs the real dormlink binary in a scratch directory and captures what it did.

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace dormlink::e2e {

// What one run of the binary produced.
struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A process started in the background by Sandbox::start; its output goes to its own files.
struct Running {
  pid_t pid = -1;
  std::string out_name;  // file in the sandbox holding its stdout
  std::string err_name;  // ... and its stderr
};

// The clean environment of every run (TZ=UTC, HOME=dir, DORMLINK_MESSAGES=en, ...) plus
// `extra`, as NAME=VALUE strings.
std::vector<std::string> child_env(const std::filesystem::path& dir, const std::map<std::string, std::string>& extra);

// A temp directory with the example college's files copied in; removed afterwards.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // Runs dormlink with the arguments, in the sandbox, with a clean environment
  // (TZ=UTC, no LANG, HOME in the sandbox, no stdin, DORMLINK_MESSAGES=en: English messages
  // unless `env` says DORMLINK_MESSAGES "" or zh) plus `env`.
  Result run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) const;

  // Runs dormlink with `input` on standard input (a file, not a terminal).
  Result run_with_input(const std::vector<std::string>& args, const std::string& input) const;

  // Runs dormlink with its standard output sent to `stdout_path` (e.g. /dev/full); Result::out
  // is empty.
  Result run_with_stdout(const std::string& stdout_path, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {}) const;

  // Runs dormlink with the real clock moved to `now` ("YYYY-MM-DD HH:MM:SS", UTC) by
  // libfaketime: the one way tests give dormlink another "now" (docs/testing.md).
  Result run_at(const std::string& now, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {}) const;

  // Runs any program (absolute path) the same way.
  Result run_program(const std::string& program, const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {}) const;

  // Starts any program (absolute path) in the background like run_program; `tag` names its
  // output files (.TAG.stdout, .TAG.stderr), so several can run at once.
  Running start(const std::string& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env, const std::string& tag) const;
  // Waits for a started process; a process killed by signal S exits 128 + S.
  Result wait(const Running& running) const;
  // True once a started process has exited (it is reaped by wait(), not here).
  static bool exited(const Running& running);

  // Writes a file in the sandbox (bytes as given).
  void write(const std::string& name, const std::string& bytes) const;
  // Reads a file of the sandbox.
  std::string read(const std::string& name) const;
  // Copies a file of the source tree (relative to the repository root) into the sandbox.
  void copy_from_source(const std::string& relative, const std::string& name) const;
  // One integer from a SQL query against a database in the sandbox.
  long long query_int(const std::string& db, const std::string& sql) const;

  const std::filesystem::path& dir() const { return m_dir; }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }

 private:
  std::filesystem::path m_dir;
};

// Arguments for the example college's database ("--db college.db --as-of DATE") plus `more`.
std::vector<std::string> college_args(const char* date, std::vector<std::string> more);

// The example college initialised and imported at --as-of 2026-09-07 (config, dorms, staff,
// students) in the sandbox as college.db / dormlink.toml.
void setup_example_college(const Sandbox& box);

// The example college at week 12 as the golden tests build it (assigned, the records of
// records-2026-autumn.csv, two inspections), once per run: copy it before writing to it.
std::string example_college_db();

// The small college of the text, trust, export and security tests: one autumn semester of six
// teaching weeks (week 3 a holiday, week 6 exams), no orientation weeks, the work plan due in
// week 1, one dorm per member enough.
inline constexpr const char* k_small_config = R"(
[college]
name = "示例学院"
[[calendar.semester]]
id = "2026-autumn"
name = "2026秋"
first_monday = 2026-09-07
teaching_weeks = 6
holiday_weeks = [3]
exam_weeks = [6]
[duties]
orientation_weeks = 0
work_plan_due_week = 1
[assignment]
min_dorms = 1
)";

// Its staff: the counselor T001 陈老师 of 2023级; with the inspector T002 王检查.
inline constexpr const char* k_small_staff =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n";
inline constexpr const char* k_small_staff_with_inspector =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n"
    "T002,王检查,检查组,13900000002,,,\n";

}  // namespace dormlink::e2e
