#pragma once
// What `report studio`, `report assessment` and `report feedback` load for the peer studio, the
// activists' cultivation and the marks (docs/studio.md).

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/report/assessment_marks.hpp"
#include "dormlink/report/cultivation.hpp"
#include "dormlink/store/studio_store.hpp"

namespace dormlink::cli {

// The studio on `on` (rosters and [studio] members). ConfigError (exit 78) naming the first id
// of [studio] members that is neither a current student nor a current staff member.
std::vector<store::StudioPerson> load_studio_checked(Context& ctx, store::Database& db, Date on);

// The activists' cultivation of input's semester as of `as_of` (build_cultivation with
// [duties] cultivation_per_activist; disabled when it is 0), in the caller's transaction.
report::Cultivation load_cultivation(Context& ctx, store::Database& db, const check::CheckInput& input, Date as_of);

// The latest studio and branch marks of each member of the semester, by member id.
std::vector<report::MemberMarks> load_member_marks(store::Database& db, const std::string& semester_id);

}  // namespace dormlink::cli
