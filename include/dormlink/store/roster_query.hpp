#pragma once
// Reading the rosters as they stood on a date (the versions valid then).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Loads the rosters valid on `date` in one read transaction.
roster::Snapshot load_roster(Database& db, Date date);

// The part of the rosters valid on `date` that resolving one typed record reads
// (docs/performance.md): every student a text can name (its id, its exact name, or a name it
// begins), the residents of `dorm` and that dorm's row; no staff and no imports. `complete` is
// false when a text named no one that way (pinyin or initials typed): only the whole roster can
// say whom it means.
struct EntrySlice {
  roster::Snapshot snapshot;
  bool complete = true;
};
EntrySlice load_entry_slice(Database& db, Date date, const std::vector<std::string>& texts,
                            const std::optional<std::string>& dorm);

// A student the rosters of `date` lack but a later version has: the earliest version after
// `date` whose student id or name is `text` (what `log-visit` says instead of "no current
// student": the rosters start later than the record).
struct LaterOnRoster {
  std::string student_id;  // or the dorm's code
  std::string name;
  std::string valid_from;
  std::int64_t batch = 0;
};
std::optional<LaterOnRoster> later_on_roster(Database& db, Date date, const std::string& text);
// The same for a dorm code (name: the code).
std::optional<LaterOnRoster> later_dorm_on_roster(Database& db, Date date, const std::string& code);

}  // namespace dormlink::store
