#pragma once
// Reading the rosters as they stood on a date (the versions valid then).

#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Loads the rosters valid on `date` in one read transaction.
roster::Snapshot load_roster(Database& db, Date date);

}  // namespace dormlink::store
