#pragma once
// What the inspection group finds without a record (docs/inspect.md "Findings without a
// record"; table inspection_observation of schema v11): the kinds of finding, the duty weeks a
// "no contact" finding contradicts, and whether an incident the inspection found had been
// reported. Pure: the store loads the rows and the candidate records, these functions decide.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/calendar.hpp"

namespace dormlink::inspect {

// REQUIREMENTS §4 检查组不定期检查: what the inspectors found in a dorm, with no record to check.
enum class Finding {
  no_contact,      // 学生称从未见过党员: the residents say the member never came
  dorm_condition,  // 寝室状况: what the dorm looked like (a banned appliance, ...)
  other,           // 其他
};

// "no_contact", "dorm_condition", "other" (the column's values and the JSON keys).
std::string_view key(Finding finding);

// From the key or a Chinese name: 未联系, 从未见过党员, 学生称从未见过党员, 寝室状况, 其他
// (trimmed, NFKC'd by the caller); nullopt when not recognised.
std::optional<Finding> parse_finding(std::string_view text);

// An effective contact record of the dorm's member for the dorm (the member's claim that they
// were there), as the link reads it.
struct Contact {
  std::int64_t id = 0;
  Date day{};  // the day it happened
};

// A duty week a no_contact finding contradicts, with the member's records in it.
struct ContradictedWeek {
  int week = 0;                       // teaching week of the semester
  std::vector<std::int64_t> records;  // ascending

  bool operator==(const ContradictedWeek&) const = default;
};

// The duty weeks of `semester` (teaching weeks that are not holiday or exam weeks) up to and
// including `day` in which one of `contacts` happened, by week, each with its records. Contacts
// after `day`, outside the semester's teaching weeks or in weeks without duties are left out.
std::vector<ContradictedWeek> contradicted_weeks(const Semester& semester, const std::vector<Contact>& contacts,
                                                 Date day);

// The records of the weeks, ascending.
std::vector<std::int64_t> records_of(const std::vector<ContradictedWeek>& weeks);

// An effective incident record, as the check for concealment reads it.
struct ReportedIncident {
  std::int64_t id = 0;
  std::string dorm;                   // "" when the record has no dorm
  std::string category;               // records::IncidentCategory key
  Date day{};                         // the day it happened (was found)
  std::vector<std::string> students;  // the students it names
};

// What the inspection found of an incident: the dorm, the student (optional), the category and
// the day; and how far back a report counts ([duties] repeat_window_days).
struct FoundIncident {
  std::string dorm;
  std::optional<std::string> student;
  std::string category;
  Date day{};
  int window_days = 30;
};

// The incident record that reported what the inspection found, the earliest by id: of the same
// category, on a day from `day − window_days` to `day`, and for the dorm — or, when the finding
// names a student, naming that student. nullopt: it went unreported (docs/inspect.md).
std::optional<std::int64_t> matching_report(const FoundIncident& found, const std::vector<ReportedIncident>& incidents);

// A finding without a record as the reports read it, with what it is linked to at read time.
struct Observation {
  std::int64_t id = 0;
  std::optional<std::int64_t> sample_id;
  std::string semester_id;
  Finding finding = Finding::other;
  std::string dorm;
  std::optional<std::string> member_id;   // the dorm's member on the day; none: no member then
  std::optional<std::string> student_id;  // the student asked, when one was named
  std::optional<std::string> category;    // an incident category key, when the finding is one
  std::string inspected_on;               // YYYY-MM-DD
  std::string inspector_id;               // staff id (role inspector)
  std::string note;
  std::string entered_at;  // local "YYYY-MM-DD HH:MM:SS"
  std::string entered_by;
  // Linked at read time:
  std::vector<ContradictedWeek> weeks;      // no_contact: the duty weeks whose records it contradicts
  std::optional<std::int64_t> reported_by;  // with a category: the incident record that reported it
};

// True when a no_contact finding contradicts a record of the dorm's member: it costs the member
// in the assessment's inspection component as a contradicted record does.
bool contradicts_records(const Observation& observation);

// True when the finding is an incident (it has a category) of a dorm with a member, and no
// record reported it: it costs the member in the assessment's incidents_on_time component.
bool unreported_incident(const Observation& observation);

}  // namespace dormlink::inspect
