#pragma once
// Loads what check::evaluate needs (docs/check.md), aggregated in SQL so that a semester of a
// university (about 1,000,000 records) loads in well under a second.

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Everything about `semester` that check::evaluate reads, as of `as_of`: people and their
// residences and eligibility, the assignment versions, counselors (staff roster on as_of),
// effective records that happened on or before as_of (aggregated), submissions made on or
// before as_of. Runs in one read transaction.
check::CheckInput load_check_input(Database& db, const Config& config, const Semester& semester, Date as_of);

}  // namespace dormlink::store
