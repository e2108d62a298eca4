#pragma once
// Loads what check::evaluate needs (docs/check.md), aggregated in SQL so that a semester of a
// university (about 1,000,000 records) loads in well under a second.

#include <functional>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Everything about `semester` that check::evaluate reads, as of `as_of`: people and their
// residences and eligibility, the assignment versions, counselors (staff roster on as_of),
// effective records that happened on or before as_of (aggregated), submissions made on or
// before as_of. Runs in one read transaction.
//
// With a scope, only what one counselor's obligations read (docs/performance.md part 2): the
// dorms their members hold in any assignment version of the semester, with every pair,
// residence, visit and resident's talk of those dorms; every listed record and submission. The
// obligations of that counselor are exactly those of the whole input; others are not.
struct CheckScope {
  // Called once the counselors are read (input.counselors); returns the index of the counselor
  // to read for, or -1 for everything. May throw (an unknown counselor), ending the load.
  std::function<int(const check::CheckInput&)> counselor;
};
check::CheckInput load_check_input(Database& db, const Config& config, const Semester& semester, Date as_of,
                                   const CheckScope& scope = {});

}  // namespace dormlink::store
