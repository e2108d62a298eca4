#pragma once
// The inspection group's samples and findings (docs/inspect.md; tables inspection_sample,
// inspection_sample_item, inspection_finding of schema v4 and inspection_observation of v11,
// all append-only), and what the checklist and the findings read about records.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/inspect/discrepancy.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// One member and dorm of a sample, in checklist order.
struct SampleItemRow {
  int position = 0;  // 1-based
  std::string member_id;
  std::string dorm_code;
  int weight = 1;  // member weight x dorm weight (1, weight_up or weight_up squared)
};

// One recorded sample.
struct SampleRow {
  std::int64_t id = 0;  // assigned by save_sample
  std::string semester_id;
  std::string as_of;  // YYYY-MM-DD
  std::int64_t seed = 0;
  int size = 0;          // number of items
  std::string method;    // how it was drawn (strata, weights), for the audit
  std::string drawn_at;  // local "YYYY-MM-DD HH:MM:SS"
  std::string drawn_by;
  std::vector<SampleItemRow> items;  // by position
};

// Appends a sample and its items, inside the caller's transaction or its own; returns its id.
std::int64_t save_sample(Database& db, const SampleRow& sample);

// Sample `id` with its items; nullopt when there is none.
std::optional<SampleRow> load_sample(Database& db, std::int64_t id);

// Every sample of the semester with its items, by id.
std::vector<SampleRow> load_samples(Database& db, const std::string& semester_id);

// What the inspectors found about one record (and, optionally, one of its students).
enum class Verdict { confirmed, contradicted };

// One finding row.
struct FindingRow {
  std::int64_t id = 0;  // assigned by save_findings
  std::optional<std::int64_t> sample_id;
  std::string semester_id;  // the semester of the record
  std::string member_id;
  std::string dorm_code;
  std::string inspected_on;  // YYYY-MM-DD
  std::string inspector;     // the staff id of the inspector (free text in findings recorded before v11)
  std::optional<std::int64_t> record_id;
  std::optional<std::string> student_id;
  Verdict verdict = Verdict::confirmed;
  std::string note;
  std::string entered_at;  // local "YYYY-MM-DD HH:MM:SS"
  std::string entered_by;
};

// "confirmed" / "contradicted" (the column's values).
const char* key(Verdict verdict);

// Appends findings in order, inside the caller's transaction or its own; returns their ids.
std::vector<std::int64_t> save_findings(Database& db, const std::vector<FindingRow>& findings);

// Every finding of the semester, by id.
std::vector<FindingRow> load_findings(Database& db, const std::string& semester_id);

// Each member with findings in the semester, sorted by member id: the latest finding about each
// (record, student) stands; `contradicted` of `total` are contradictions, `records` the
// member's records they contradict.
using Discrepancy = inspect::Discrepancy;
std::vector<Discrepancy> discrepancy_rates(Database& db, const std::string& semester_id);

// Records of the semester whose standing finding (latest per record and student) is a
// contradiction, ascending.
std::vector<std::int64_t> flagged_records(Database& db, const std::string& semester_id);

// A student named on a record: id and latest roster name.
struct NamedStudent {
  std::string id;
  std::string name;
};

// What a finding checks about a record.
struct InspectedRecord {
  std::int64_t id = 0;
  std::string kind;  // the record's kind key
  std::string member_id;
  std::optional<std::string> dorm_code;
  std::string semester_id;
  std::string happened_at;                    // local "YYYY-MM-DD HH:MM"
  std::optional<std::int64_t> superseded_by;  // a later correction or withdrawal of it
  std::vector<NamedStudent> students;         // sorted by id
};

// Record `id`, or nullopt when there is none.
std::optional<InspectedRecord> inspected_record(Database& db, std::int64_t id);

// Effective visit and talk records (neither withdrawn nor corrected) of a member for a dorm
// that happened on days from..to (YYYY-MM-DD, inclusive), ordered by time then id.
std::vector<InspectedRecord> recent_contacts(Database& db, const std::string& member_id, const std::string& dorm_code,
                                             const std::string& from, const std::string& to);

// Appends a finding without a record (inspection_observation; its linked fields are not
// stored), inside the caller's transaction or its own; returns its id.
std::int64_t save_observation(Database& db, const inspect::Observation& observation);

// Fills what a finding without a record is linked to at read time (docs/inspect.md): for
// no_contact, the duty weeks of `semester` up to its day with effective contact records of the
// dorm's member for the dorm (naming the student, when it names one); for a finding with an
// incident category, the effective incident record that reported it within `window_days`
// before its day (inspect::matching_report).
void link_observation(Database& db, const Semester& semester, int window_days, inspect::Observation& observation);

// Every finding without a record of the semester, by id, linked (link_observation).
std::vector<inspect::Observation> load_observations(Database& db, const Semester& semester, int window_days);

// The name of every staff id, from its latest roster version: what reports show for the
// inspector a finding stores.
std::map<std::string, std::string> staff_names(Database& db);

// The incident category key of every incident record of the semester (corrected or not), by id.
std::map<std::int64_t, std::string> incident_categories(Database& db, const std::string& semester_id);

}  // namespace dormlink::store
