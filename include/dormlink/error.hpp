#pragma once
// Typed errors and the documented exit codes (docs/exit-codes.md). One handler in
// src/cli/app.cpp turns an Error into "dormlink: error: ..." and its exit code.

#include <stdexcept>
#include <string>
#include <vector>

namespace dormlink {

// Process exit codes; errors use the BSD sysexits values (64-78).
enum class ExitCode : int {
  ok = 0,            // success
  findings = 1,      // the command worked and found something (check: overdue items)
  infeasible = 3,    // assign: no assignment satisfies the hard rules (see the diagnosis)
  usage = 64,        // EX_USAGE: bad command line
  data = 65,         // EX_DATAERR: bad input data (roster rows, a file that is not a dormlink db, a damaged db)
  no_input = 66,     // EX_NOINPUT: an input file or the database does not exist
  unavailable = 69,  // EX_UNAVAILABLE: a program dormlink hands work to is missing (notify: sendmail)
  internal = 70,     // EX_SOFTWARE: a bug in dormlink
  cant_create = 73,  // EX_CANTCREAT: refusing to overwrite, or cannot create an output file
  io = 74,           // EX_IOERR: read/write failure, disk full
  busy = 75,         // EX_TEMPFAIL: database locked by another process; retry later
  permission = 77,   // EX_NOPERM: no permission to read or write a file
  config = 78,       // EX_CONFIG: the TOML config is invalid
};

// One located problem: "students.csv:12" + "性别 (gender): unknown value ...".
struct Problem {
  std::string location;  // "file:line" or "file:line:col"; empty when there is no position
  std::string message;
};

// Base of every error dormlink reports to the user; carries its exit code and, for
// validators, every problem found (they report all problems together).
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message, std::vector<Problem> problems = {});
  ExitCode code() const noexcept { return m_code; }
  const std::vector<Problem>& problems() const noexcept { return m_problems; }

 private:
  ExitCode m_code;
  std::vector<Problem> m_problems;
};

// Bad command-line usage (exit 64).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// Bad input data: roster rows, a foreign or damaged database file (exit 65).
class DataError : public Error {
 public:
  explicit DataError(const std::string& message, std::vector<Problem> problems = {})
      : Error(ExitCode::data, message, std::move(problems)) {}
};

// The database file is damaged: SQLite reported it corrupt (SQLITE_CORRUPT, SQLITE_NOTADB) or
// PRAGMA quick_check found problems (exit 65). `finding` is what SQLite said, without advice.
class DamageError : public DataError {
 public:
  DamageError(const std::string& message, std::string finding) : DataError(message), m_finding(std::move(finding)) {}
  const std::string& finding() const noexcept { return m_finding; }

 private:
  std::string m_finding;
};

// Invalid configuration (exit 78).
class ConfigError : public Error {
 public:
  explicit ConfigError(const std::string& message, std::vector<Problem> problems = {})
      : Error(ExitCode::config, message, std::move(problems)) {}
};

// A named input file or the database does not exist (exit 66).
class NotFoundError : public Error {
 public:
  explicit NotFoundError(const std::string& message) : Error(ExitCode::no_input, message) {}
};

// Refusing to overwrite an existing file, or unable to create one (exit 73).
class CantCreateError : public Error {
 public:
  explicit CantCreateError(const std::string& message) : Error(ExitCode::cant_create, message) {}
};

// A program dormlink hands work to is not installed or cannot run (exit 69).
class UnavailableError : public Error {
 public:
  explicit UnavailableError(const std::string& message) : Error(ExitCode::unavailable, message) {}
};

// Read/write failure, full disk (exit 74).
class IoError : public Error {
 public:
  explicit IoError(const std::string& message) : Error(ExitCode::io, message) {}
};

// The database is locked by another process past the busy timeout (exit 75).
class BusyError : public Error {
 public:
  explicit BusyError(const std::string& message) : Error(ExitCode::busy, message) {}
};

// The operating system refused access to a file (exit 77).
class PermissionError : public Error {
 public:
  explicit PermissionError(const std::string& message) : Error(ExitCode::permission, message) {}
};

// No assignment satisfies the hard rules; problems carry the diagnosis (exit 3).
class InfeasibleError : public Error {
 public:
  explicit InfeasibleError(const std::string& message, std::vector<Problem> problems = {})
      : Error(ExitCode::infeasible, message, std::move(problems)) {}
};

// Collects located problems while a validator runs, then throws them all at once. Only the
// first k_max_kept are kept; the rest are counted. A validator reading a file stops checking
// rows once the collector is full (stop()), so a file of a million bad rows costs a hundred
// messages, not a million.
class ProblemCollector {
 public:
  static constexpr std::size_t k_max_kept = 100;

  void add(std::string location, std::string message);
  bool empty() const noexcept { return m_problems.empty(); }
  // Every problem added, kept or only counted.
  std::size_t size() const noexcept { return m_problems.size() + m_left_out; }
  // True once k_max_kept problems are kept.
  bool full() const noexcept { return m_problems.size() >= k_max_kept; }
  // Problems added past k_max_kept (counted, not kept).
  std::size_t left_out() const noexcept { return m_left_out; }
  // The validator stopped before the end of its input; `note` says what was not checked.
  void stop(std::string note) { m_stop_note = std::move(note); }
  bool stopped() const noexcept { return !m_stop_note.empty(); }
  const std::vector<Problem>& problems() const noexcept { return m_problems; }
  // The kept problems in the order added, then unlocated lines for what is not shown: "... and
  // N more problem(s) not shown; fix these first" and the stop note.
  std::vector<Problem> take();

 private:
  std::vector<Problem> m_problems;
  std::size_t m_left_out = 0;
  std::string m_stop_note;
};

}  // namespace dormlink
