#pragma once
// Reporting periods (docs/reports.md "Periods"): which period a user means by "previous",
// "current" or a number, its weeks, days and due dates. The one definition, used by `report`,
// `check` and every document cut by period. Pure: the calendar and rules come from the Config.

#include <string>

#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"

namespace dormlink::check {

// A reporting period of a semester: teaching weeks (p-1)*period_weeks+1 .. p*period_weeks
// (the last capped at teaching_weeks), with the due days of the member's form and the
// counselor's summary (form_due_date).
struct ReportPeriod {
  std::string semester_id;
  std::string semester_name;
  int number = 0;
  int first_week = 0;
  int last_week = 0;
  Date first_day{};    // Monday of first_week
  Date last_day{};     // Sunday of last_week
  Date form_due{};     // reporting.member_form_due after the period
  Date summary_due{};  // reporting.counselor_summary_due after the period
};

// How many reporting periods the semester has.
int period_count(const Semester& semester, const Config& config);

// Period `number` (1..period_count) of the semester.
ReportPeriod make_period(const Semester& semester, const Config& config, int number);

// What a user asked for: `period` is "previous", "current", "next" or a number (full-width
// digits too); `semester` the one named with --semester, or nullptr to go by the date.
// `ahead`: a period that has not begun is wanted too (blank forms are handed out before it).
struct PeriodSpec {
  std::string period;
  const Semester* semester = nullptr;
  bool ahead = false;
};

// The period meant on `as_of`:
// - "previous": the latest that ended before as_of (of the semester, else of the latest
//   semester that has one);
// - "current": the one holding as_of's teaching week;
// - "next": the first that begins after as_of (of the semester, else of the one holding as_of,
//   else of the next to begin): the period after the one holding as_of;
// - N: of the semester, else of the one holding as_of, else of the latest begun by then.
// Throws UsageError saying what to give instead when there is none, or, unless spec.ahead,
// when the period begins after as_of (nothing to report yet).
ReportPeriod choose_period(const Config& config, const PeriodSpec& spec, Date as_of);

// Whether something handed in on `on` is late for a period item due on `due`.
inline bool late(Date on, Date due) { return to_days(on) > to_days(due); }

}  // namespace dormlink::check
