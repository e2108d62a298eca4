#pragma once
// The rosters as they stood on one date: what reports and the assignment read.

#include <cstdint>
#include <string>
#include <vector>

#include "dormlink/roster/roster.hpp"

namespace dormlink::roster {

// One past import, for "where does this data come from".
struct ImportRecord {
  std::int64_t id = 0;
  std::string kind;
  std::string source_name;
  std::string encoding;
  std::string effective_date;
  std::string imported_at;
  std::string imported_by;
  std::int64_t rows = 0;
  std::int64_t undoes = 0;     // an undo: the batch it reverses (0 for an import)
  std::int64_t undone_by = 0;  // an undone import: the batch that reversed it (0 if none)
};

// The rosters on a date, sorted by id (line numbers are 0).
struct Snapshot {
  std::vector<StudentRow> students;   // current students only
  std::vector<DormRow> dorms;         // every dorm with a version valid on the date
  std::vector<StaffRow> staff;        // current staff duties
  std::vector<ImportRecord> imports;  // every import, oldest first
};

}  // namespace dormlink::roster
