#pragma once
// What `dormlink inspect` prints (docs/inspect.md): the inspection group's checklist for a
// sample, and the receipt of recorded findings. The data holds names only: no phone numbers
// and no attention categories ever reach these renderers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/language.hpp"

namespace dormlink::report {

// A record the inspectors should verify with the residents.
struct ChecklistRecord {
  std::int64_t id = 0;
  std::string kind;                   // record kind key: visit, talk
  std::string happened_at;            // local "YYYY-MM-DD HH:MM"
  std::vector<std::string> students;  // names of the students it names
};

// One member and dorm to inspect.
struct ChecklistItem {
  int position = 0;  // 1-based
  std::string branch;
  std::string member_name;
  std::string member_id;
  std::string dorm;
  std::vector<std::string> residents;  // names of the residents to ask
  std::vector<ChecklistRecord> records;
  int met = 0;     // compliance: closed obligations met ...
  int closed = 0;  // ... of those closed
  bool low_compliance = false;
  bool recently_visited = false;
};

// One branch of the sample: members in the frame and members drawn.
struct ChecklistStratum {
  std::string branch;
  int members = 0;
  int drawn = 0;
};

// A drawn sample, ready to print.
struct InspectionChecklist {
  std::int64_t sample_id = 0;  // 0: not recorded (--dry-run)
  std::string semester;        // the semester's name
  Date as_of{};
  std::uint64_t seed = 0;
  bool seed_given = false;  // --seed, else derived from the date
  int frame = 0;            // members who could be drawn
  int requested = 0;
  int size = 0;
  bool raised = false;  // requested fewer than the number of branches
  bool capped = false;  // requested more than the frame
  int weight_up = 1;
  int recent_days = 0;
  Date records_from{};  // records to verify: records_from .. as_of
  std::vector<ChecklistStratum> strata;
  std::vector<ChecklistItem> items;
};

// The checklist as aligned text: heading (sample number, semester, date, seed), notes on the
// size, the strata, the items table, the records to verify, and the receipt line
// ("已记录抽查 #N", or a dry-run note).
std::string render_checklist_text(const InspectionChecklist& checklist, Language language);

// One recorded finding.
struct FindingLine {
  std::int64_t finding_id = 0;
  std::int64_t record_id = 0;
  std::string kind;  // record kind key
  std::string happened_at;
  std::string student_name;  // empty: the record as a whole
  bool contradicted = false;
};

// What `inspect record` saved.
struct FindingsReceipt {
  std::string member_name;
  std::string member_id;
  std::string dorm;
  std::string inspected_on;  // YYYY-MM-DD
  std::string inspector;
  std::optional<std::int64_t> sample_id;
  std::vector<FindingLine> lines;
  std::vector<std::int64_t> flagged;  // records contradicted, ascending
};

// The receipt: one heading line, a table of the findings, and "flagged records: #12, #15"
// when anything was contradicted.
std::string render_findings_receipt(const FindingsReceipt& receipt, Language language);

// What `inspect record --finding` saved: a finding without a record, linked (its weeks and the
// incident record that reported it), with the names to show. Empty names: none.
struct ObservationReceipt {
  inspect::Observation observation;
  std::string member;     // "name id" of the dorm's member on the day; empty: the dorm had none
  std::string student;    // "name id" of the student asked; empty: none named
  std::string inspector;  // "name id"
};

// The receipt: a heading line (number, finding, dorm, day, inspector, sample), the member and
// student, the records a no_contact finding contradicts by week (or that it contradicts none),
// and for an incident whether a record reported it.
std::string render_observation_receipt(const ObservationReceipt& receipt, Language language);

}  // namespace dormlink::report
