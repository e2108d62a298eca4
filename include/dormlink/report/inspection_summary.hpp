#pragma once
// `dormlink report inspection` (docs/reports.md "inspection"): a semester's inspection samples,
// the findings recorded (about records, and without a record) and each member's discrepancy
// rate. Pure: the CLI loads the rows.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

struct SummarySample {
  std::int64_t id = 0;
  std::string as_of;     // YYYY-MM-DD
  std::string drawn_at;  // local "YYYY-MM-DD HH:MM:SS"
  std::string drawn_by;
  std::int64_t seed = 0;
  int size = 0;                    // items drawn (all branches)
  std::vector<std::string> items;  // "name id dorm" of the items shown (the branch's, with --branch)
};

struct SummaryFinding {
  std::int64_t id = 0;
  std::optional<std::int64_t> sample_id;
  std::string member_id;
  std::string member_name;
  std::string dorm;
  std::string inspected_on;
  std::string inspector;       // as stored: a staff id (free text before schema v11)
  std::string inspector_name;  // the staff member's name; empty when `inspector` is no staff id
  std::optional<std::int64_t> record_id;
  std::string student;  // "name（id）" or empty: the record as a whole
  bool contradicted = false;
  std::string note;
};

// A finding without a record (inspect record --finding), linked: the weeks a no_contact finding
// contradicts, the incident record that reported what was found.
struct SummaryObservation {
  inspect::Observation observation;
  std::string member_name;     // the dorm's member; empty when it had none
  std::string student;         // "name（id）" or empty: none named
  std::string inspector_name;  // empty when the id is no staff id
};

struct SummaryRate {
  std::string member_id;
  std::string member_name;
  std::string branch;
  int contradicted = 0;
  int total = 0;
};

struct InspectionSummary {
  std::string semester_id;
  std::string semester_name;
  Date as_of{};
  std::string branch;                            // --branch, or empty
  Privacy privacy;                               // the committee sees neither students nor notes
  std::vector<SummarySample> samples;            // by id
  std::vector<SummaryFinding> findings;          // by id
  std::vector<SummaryObservation> observations;  // findings without a record, by id
  std::vector<SummaryRate> rates;                // by member id
  std::vector<std::int64_t> flagged;             // records whose standing finding is a contradiction
};

// "25.0%" for 1 of 4; "—" when total is 0.
std::string rate_text(int contradicted, int total);

std::string render_inspection_summary_markdown(const InspectionSummary& summary, Language language);

// The inspection report as the <body> of an HTML page: every sheet of inspection_workbook.
std::string render_inspection_summary_html(const InspectionSummary& summary, Language language);
// The tables for CSV and Excel: samples, findings, rates, flagged, observations.
Workbook inspection_workbook(const InspectionSummary& summary, Language language);
std::string render_inspection_summary_json(const InspectionSummary& summary);

}  // namespace dormlink::report
