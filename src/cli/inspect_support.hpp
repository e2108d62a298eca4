#pragma once
// What the two forms of `dormlink inspect record` share (docs/inspect.md): the options, the
// inspection's date, students by id or name, and the inspector from the staff roster.
// inspect_record.cpp records findings about records; inspect_observe.cpp findings without one.

#include <cstdint>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/calendar.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

struct RecordOptions {
  std::string member;
  std::string dorm;
  std::int64_t sample = 0;
  std::string inspector;
  std::string on;
  std::vector<std::string> confirmed;
  std::vector<std::string> contradicted;
  std::string note;
  // A finding without a record (--finding): what was found, the student asked, the incident.
  std::string finding;
  std::string student;
  std::string category;
};

// `inspect record`: a finding without a record with --finding, else findings about records.
int run_record(Context& ctx, const RecordOptions& options);
int run_observation(Context& ctx, const RecordOptions& options);

// --on (default --as-of/today), never after the real today: an inspection is recorded after it
// happened (UsageError otherwise).
Date inspected_on(Context& ctx, const std::string& text);

// The dorm code of --dorm (UsageError when it is none).
std::string inspected_dorm(const std::string& text);

// --inspector as typed: trimmed, required, without hidden characters (UsageError).
std::string inspector_text(const std::string& text);

// The student with this id or exact name on the roster of the date `on` (UsageError naming
// `option` when none or several; one the rosters name only from a later day is named with it).
const roster::StudentRow& find_student(store::Database& db, const roster::Snapshot& snapshot, const std::string& text,
                                       Date on, const char* option);

// REQUIREMENTS §4 检查组: the staff member with role inspector on the roster of `on` whose staff id
// or name is `text` (DataError naming the inspectors, with ids, otherwise).
const roster::StaffRow& find_inspector(const roster::Snapshot& snapshot, const std::string& text, Date on);

// "王欣心 T2016002".
std::string staff_label(const roster::StaffRow& staff);

// Sample `id` exists and holds the dorm (and the member, when one is given): DataError otherwise.
void check_sample(store::Database& db, std::int64_t id, const std::string& member, const std::string& dorm);

}  // namespace dormlink::cli
