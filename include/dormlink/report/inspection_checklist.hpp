#pragma once
// Building the inspection checklist of a drawn sample (docs/inspect.md): who and which dorm to
// visit, the residents to ask and how each member stands. Pure: the records to verify come from
// the store, and the caller fills them into each item (records_from .. as_of).

#include <cstdint>

#include "dormlink/check/obligations.hpp"
#include "dormlink/inspect/sample.hpp"
#include "dormlink/report/inspection_report.hpp"

namespace dormlink::report {

// Records the checklist lists for verification: the last two weeks, as_of included.
inline constexpr int k_checklist_record_days = 14;

// How the sample was drawn, as the checklist reports it.
struct ChecklistRun {
  Date as_of{};
  std::uint64_t seed = 0;
  bool seed_given = false;
  int frame = 0;        // members who could be drawn
  int weight_up = 1;    // inspection.weight_up
  int recent_days = 0;  // inspection.recent_days
};

// The checklist of `sample` drawn from `input`: heading values, strata and one item per member
// and dorm with the residents (the member excluded, in id order, as of run.as_of); every
// item's `records` is left empty for the caller.
InspectionChecklist build_checklist(const check::CheckInput& input, const inspect::Sample& sample,
                                    const ChecklistRun& run);

}  // namespace dormlink::report
