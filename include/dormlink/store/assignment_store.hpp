#pragma once
// Committed assignments: a chain of append-only versions per semester (docs/schema.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/store/database.hpp"

namespace dormlink::store {

// One committed pair.
struct AssignedPair {
  std::string dorm_code;
  std::string member_id;
  int cost = 0;
  bool pinned = false;
};

// One committed assignment version.
struct AssignmentRecord {
  std::int64_t id = 0;
  std::string semester_id;
  std::string kind;        // solve, best_effort, repair
  std::string valid_from;  // YYYY-MM-DD
  std::optional<std::int64_t> supersedes;
  long long total_cost = 0;
  std::string created_at;
  std::string created_by;
  std::string note;
  std::vector<AssignedPair> pairs;     // sorted by dorm code
  std::vector<std::string> uncovered;  // best effort: dorms left for a human
};

// The latest version of the semester's chain (the one nothing supersedes), or nullopt.
std::optional<AssignmentRecord> load_current_assignment(Database& db, const std::string& semester_id);

// The version of the semester's chain in force on `date` (YYYY-MM-DD): the newest whose
// valid_from is on or before it; nullopt when none is.
std::optional<AssignmentRecord> load_assignment_on(Database& db, const std::string& semester_id,
                                                   const std::string& date);

// Who holds `dorm` in the version in force on `date`: `committed` is false when no version is
// in force; `member` is empty when the dorm has no member then. Two point queries, whatever
// the size of the assignment.
struct DormHolder {
  bool committed = false;
  std::optional<std::string> member;
};
DormHolder load_dorm_holder(Database& db, const std::string& semester_id, const std::string& date,
                            const std::string& dorm);

// Appends a version. `record.supersedes` must be the semester's current version (or empty
// when it has none); otherwise DataError (someone committed in between). Returns the new id.
std::int64_t save_assignment(Database& db, const AssignmentRecord& record);

}  // namespace dormlink::store
