#pragma once
// What `report` and `export` share: the semester by id, the evaluation date, the branch filter,
// the assessment built from check::evaluate and the inspection summary.

#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/inspection_summary.hpp"

namespace dormlink::cli {

// The semester with this id (UsageError naming the config when there is none); no id: the
// semester of --as-of, or the one that ended within close_out_days (checked_semester), else a
// UsageError naming the calendar's semesters.
const Semester& semester_by_id(Context& ctx, const std::string& id);

// --as-of (default today), no earlier than the semester's first day. A later date is kept:
// after the semester, the last form and the semester summary have fallen due.
Date clamped_as_of(Context& ctx, const Semester& semester);

// The branch `branch` names (its name or a unique part of it, lookup.hpp find_branch); empty
// for no filter. UsageError naming the branches when none or several match.
std::string check_branch(const check::CheckInput& input, const std::string& branch);

// The assessment and what it points into (the CheckInput and the obligations).
struct LoadedAssessment {
  check::CheckInput input;
  std::vector<check::Obligation> obligations;
  report::Assessment assessment;
};

// Loads and evaluates the semester and builds the assessment (in the caller's transaction).
std::unique_ptr<LoadedAssessment> load_assessment(Context& ctx, store::Database& db, const Semester& semester,
                                                  const std::string& branch, const report::Privacy& privacy);

// The semester's inspection samples, findings and discrepancy rates (of `branch`'s members
// when not empty) as `report inspection` shows them; names as of the clamped --as-of.
report::InspectionSummary load_inspection_summary(Context& ctx, store::Database& db, const Semester& semester,
                                                  const std::string& branch, const report::Privacy& privacy);

}  // namespace dormlink::cli
