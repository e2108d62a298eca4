#pragma once
// The steps of `dormlink assign` between the command line and the pure assign module:
// what to load, how options become an Instance, how a solution is committed and printed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/assign/assign.hpp"
#include "dormlink/report/assignment_report.hpp"
#include "dormlink/store/assignment_store.hpp"

namespace dormlink::cli {

// Options of `dormlink assign`.
struct AssignOptions {
  std::string semester;
  bool dry_run = false;
  std::string format = "text";
  bool raw = false;  // --raw: CSV for scripts
  bool replace = false;
  bool repair = false;
  bool best_effort = false;
  std::vector<std::string> pins;
  std::vector<std::string> forbids;
  std::vector<std::string> excludes;
  std::string explain;
  bool stats = false;
};

// What the database says before solving.
struct AssignInputs {
  roster::Snapshot snapshot;
  std::optional<store::AssignmentRecord> current;   // this semester's committed assignment
  std::optional<store::AssignmentRecord> previous;  // the previous semester's
  std::string previous_semester_id;
};

// --semester, else the semester around --as-of; UsageError when there is none.
const Semester& choose_assign_semester(Context& ctx, const std::string& id);

// Reads the rosters (as of the semester), this semester's and the previous semester's
// committed assignments; runs inside the caller's transaction.
AssignInputs load_assign_inputs(store::Database& db, const Config& config, const Semester& semester, Date today);

// The instance with config rules, --exclude, --pin and --forbid (UsageError for unknown ids).
assign::Instance make_instance(const AssignInputs& inputs, const Config& config, const Semester& semester,
                               const AssignOptions& options);

// The pairs of a committed assignment as (member id, dorm code).
std::vector<assign::IdPair> record_pairs(const store::AssignmentRecord& record);

// The committed pairs as a Solution over this instance; pairs whose member or dorm is no longer
// in the instance are dropped.
assign::Solution solution_of(const assign::Instance& instance, const store::AssignmentRecord& record);

// Throws InfeasibleError with the diagnosis of an instance that has no assignment: findings,
// then the suggestions (each verified by solving) within the ranges the config accepts.
[[noreturn]] void throw_infeasible(const assign::Instance& instance);

// Builds the report, counting changes against the previous semester (or the current
// assignment for a repair).
report::AssignmentReport make_report(const assign::Instance& instance, const assign::Solution& solution,
                                     const AssignInputs& inputs, const Semester& semester,
                                     const AssignOptions& options);

// What a commit stored: the new assignment version's number and its first valid day.
struct CommitReceipt {
  std::int64_t id = 0;
  std::string valid_from;  // YYYY-MM-DD
};

// Appends the solution as the semester's newest assignment version inside the caller's
// transaction; the version exists only once that transaction commits.
CommitReceipt commit(store::Database& db, Context& ctx, const assign::Instance& instance,
                     const assign::Solution& solution, const AssignInputs& inputs, const Semester& semester,
                     const AssignOptions& options, Date today);

// Renders in the chosen format; CSV is for Excel unless `raw`.
std::string render(const report::AssignmentReport& report, const std::string& format, Language language,
                   bool raw = false);

// Prints the explanation of a member's or a dorm's pairs in the committed assignment (or, when
// there is none, in a fresh optimal one); returns the exit code.
int explain(Context& ctx, const assign::Instance& instance, const std::optional<store::AssignmentRecord>& current,
            const std::string& who);

}  // namespace dormlink::cli
