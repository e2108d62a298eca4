#pragma once
// What the peer studio's view, activists' cultivation and the assessment's marks read and write
// (docs/studio.md): studio members and branch secretaries on a date, activists on a date, the
// semester's cultivation and education records, open concerns and findings without a record
// per member, and the marks (table assessment_mark of schema v11, append-only).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// A person on the studio on a date.
struct StudioPerson {
  std::string id;
  std::string name;
  bool staff = false;   // a staff id (else a student id)
  bool roster = false;  // the roster's 朋辈工作室 column says so
  bool config = false;  // [studio] members lists the id
};

// The studio on `on`: current students and staff whose roster version in force says studio,
// and the ids of `config_ids` that are current students or staff; by id. Ids of `config_ids`
// that are neither go to `unknown` (in the config's order).
std::vector<StudioPerson> load_studio(Database& db, Date on, const std::vector<std::string>& config_ids,
                                      std::vector<std::string>& unknown);

// A branch secretary on a date (staff role branch_secretary, status current).
struct BranchSecretary {
  std::string staff_id;
  std::string name;
  std::string branch;
};
std::vector<BranchSecretary> load_branch_secretaries(Database& db, Date on);

// Student ids whose roster version in force on `on` says 入党积极分子 (political_status
// activist), ascending.
std::vector<std::string> load_activists(Database& db, Date on);

// An effective cultivation or education record of the semester.
struct CultivationRow {
  std::int64_t id = 0;
  bool education = false;
  std::string member_id;
  std::string dorm_code;  // empty when none
  Date day{};
  std::vector<std::string> students;  // ascending
};

// The semester's effective records of kind cultivation or education that happened on days
// first..last (inclusive), by id.
std::vector<CultivationRow> load_cultivation_records(Database& db, const std::string& semester_id, Date first,
                                                     Date last);

// Per member id: concerns about the member's records of the semester with an `open` step on or
// before `on` and no `close` step for the same record by then (table case_event).
std::map<std::string, int> open_concerns(Database& db, const std::string& semester_id, Date on);

// Per member id: the semester's inspection findings without a record made on or before `on`
// (table inspection_observation).
std::map<std::string, int> findings_without_record(Database& db, const std::string& semester_id, Date on);

// One mark of table assessment_mark.
struct MarkRow {
  std::int64_t id = 0;
  std::string semester_id;
  std::string member_id;
  std::string source;  // studio, branch
  std::string mark;    // excellent, pass, basic_pass, fail, or a whole score "0".."100"
  std::string given_by;
  std::string given_by_name;  // read: the giver's latest roster name ("" when unknown)
  std::string note;
  std::string entered_at;  // local "YYYY-MM-DD HH:MM:SS" by the real clock
  std::string entered_by;
};

// Appends marks in order, inside the caller's transaction (or its own).
void save_marks(Database& db, const std::vector<MarkRow>& marks);

// The latest mark (highest id) per member and source of the semester, by member id then source.
std::vector<MarkRow> latest_marks(Database& db, const std::string& semester_id);

}  // namespace dormlink::store
