#pragma once
// What an import would change: the difference between the validated rows of a roster and the
// current state of the database. Pure; the store applies a plan in one transaction.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "dormlink/roster/roster.hpp"

namespace dormlink::roster {

// The current version of one entity as the database holds it.
template <typename Facts>
struct Current {
  Facts facts;
  bool left = false;  // the latest version says the entity has left
};

// The difference for one kind of entity, keyed by its id. Row indexes point into the
// parsed rows; departed entries are sorted by key.
template <typename Facts>
struct Plan {
  struct Change {
    std::size_t row = 0;
    Facts before;
    bool was_left = false;  // coming back after having left
  };
  std::vector<std::size_t> added;
  std::vector<Change> changed;
  std::size_t unchanged = 0;
  std::vector<std::pair<std::string, Facts>> departed;
};

using StudentPlan = Plan<StudentFacts>;
using DormPlan = Plan<DormFacts>;
using StaffPlan = Plan<StaffFacts>;

// Residents of a dorm as the database holds them now (for dorm-roster checks).
struct DormOccupancy {
  Gender gender = Gender::female;
  int residents = 0;
};

// What the store knows about dorms, for checking a students roster against it.
struct DormIndex {
  std::map<std::string, DormFacts, std::less<>> facts;  // by dorm code
};

// Key of a staff duty: "staff_id/role".
std::string staff_key(const StaffRow& row);

// Diffs students. With `departures`, current students missing from the rows depart.
// Throws DataError (all problems) when rows contradict the dorms roster: a declared dorm
// gender or capacity.
StudentPlan plan_students(const std::vector<StudentRow>& rows,
                          const std::unordered_map<std::string, Current<StudentFacts>>& current, const DormIndex& dorms,
                          const std::string& source, bool departures);

// Dorm codes the rows use that the index does not know (created by the import).
std::vector<std::string> new_dorms(const std::vector<StudentRow>& rows, const DormIndex& dorms);

// Diffs dorms; a dorm missing from the rows is kept as it is (dorms never depart).
// Throws DataError when a row contradicts current residents (gender, capacity).
DormPlan plan_dorms(const std::vector<DormRow>& rows,
                    const std::unordered_map<std::string, Current<DormFacts>>& current,
                    const std::map<std::string, DormOccupancy, std::less<>>& occupancy, const std::string& source);

// Diffs staff duties keyed by staff_key(); with `departures`, duties missing depart.
StaffPlan plan_staff(const std::vector<StaffRow>& rows,
                     const std::unordered_map<std::string, Current<StaffFacts>>& current, bool departures);

}  // namespace dormlink::roster

namespace dormlink::roster {

// A change worth listing to the person importing: who moved, whose status changed, who left.
struct ChangeLine {
  std::string id;      // student id, dorm code or staff id/role
  std::string name;    // person's name, or empty for dorms
  std::string before;  // dorm / status / "" as appropriate
  std::string after;
};

// An import may take effect at most this many days after today (by the real clock) unless
// forced: a later import cannot take effect before it, so a mistyped --as-of such as 2099-01-01
// would otherwise block every later import until undone (docs/import.md).
inline constexpr int k_max_days_ahead = 31;

// What an import did (or, with --dry-run, would do); counts plus the lines worth listing.
struct ImportSummary {
  std::string kind;            // "students", "dorms", "staff"
  std::string source_name;     // file as given
  std::string encoding;        // detected or forced
  std::string semester_id;     // semester that dated grades; may be empty
  std::string effective_date;  // YYYY-MM-DD the roster holds from
  std::size_t rows = 0;
  std::size_t added = 0;
  std::size_t changed = 0;
  std::size_t unchanged = 0;
  std::size_t departed = 0;
  std::size_t returned = 0;                // students/staff back after having left
  std::vector<ChangeLine> moves;           // students: dorm changes
  std::vector<ChangeLine> status_changes;  // students: political status changes
  std::vector<ChangeLine> departures;      // students/staff who left
  std::vector<std::string> new_dorms;      // dorms created because students live there
  bool dry_run = false;
  std::int64_t batch_id = 0;  // the import_batch row written; 0 in a dry run
  long days_after_today = 0;  // effective date minus today by the real clock
  bool far_ahead = false;     // more than the allowed days ahead: the import needs --force
};

// What undoing an import did (or, with --dry-run, would do): `dormlink import undo`.
struct UndoSummary {
  std::int64_t undone = 0;      // the batch reversed
  std::int64_t undo_batch = 0;  // the batch recording the undo; 0 in a dry run
  std::string kind;             // the undone batch's kind, source, effective date
  std::string source_name;
  std::string effective_date;
  std::size_t restored = 0;  // versions in force again (what the batch had changed)
  std::size_t removed = 0;   // entities the batch had added, on no roster any more
  bool dry_run = false;
};

// Summaries of plans (pure), used by the store and by --dry-run.
ImportSummary summarize(const StudentPlan& plan, const std::vector<StudentRow>& rows);
ImportSummary summarize(const DormPlan& plan, const std::vector<DormRow>& rows);
ImportSummary summarize(const StaffPlan& plan, const std::vector<StaffRow>& rows);

}  // namespace dormlink::roster
