#pragma once
// What `dormlink export` reads besides the rosters (store/roster_query.hpp): effective
// records with the names of their member and students.

#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/records/effective.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Every effective record (neither withdrawn nor replaced by a correction; corrections carry
// `corrects`) of the semester, or of every semester when `semester_id` is empty: contacts,
// excused and incident records, not plans, summaries, withdrawals or purges. By id. Names are
// those of the roster version on `names_on` (the latest begun by then, else the earliest).
std::vector<records::EffectiveRecord> load_export_records(Database& db, const std::string& semester_id, Date names_on);

}  // namespace dormlink::store
