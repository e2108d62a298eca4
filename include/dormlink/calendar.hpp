#pragma once
// Dates, semesters and teaching weeks. Pure: "today" is always a parameter.
// REQUIREMENTS glossary: teaching week 1 starts on the semester's first Monday.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink {

using Date = std::chrono::year_month_day;

// Parses a strict "YYYY-MM-DD" calendar date; nullopt when malformed or not a real day.
std::optional<Date> parse_iso_date(std::string_view text);

// Formats as "YYYY-MM-DD".
std::string format_date(Date date);

// Days since 1970-01-01, for arithmetic and ordering.
inline std::chrono::sys_days to_days(Date date) { return std::chrono::sys_days{date}; }

// True when from <= date <= to (both ends included).
inline bool within(Date date, Date from, Date to) {
  return to_days(from) <= to_days(date) && to_days(date) <= to_days(to);
}

// One semester of the college calendar (config [[calendar.semester]]).
struct Semester {
  std::string id;                  // e.g. "2026-autumn"; used on the command line
  std::string name;                // e.g. "2026—2027学年第一学期"; used in reports
  Date first_monday{};             // Monday of teaching week 1
  int teaching_weeks = 0;          // number of teaching weeks, 1..30
  std::vector<int> holiday_weeks;  // weeks without duties: holidays
  std::vector<int> exam_weeks;     // weeks without duties: exams

  // The Sunday that ends the last teaching week.
  Date last_day() const;
  // True when the date falls in teaching week 1..teaching_weeks.
  bool contains(Date date) const;
  // Teaching week (1-based) of a date inside the semester; nullopt outside it.
  std::optional<int> teaching_week(Date date) const;
  // True when the week carries duties (not a holiday or exam week).
  bool has_duties(int week) const;
  // The academic year the semester belongs to: the year of first_monday when it is in
  // August or later (autumn), otherwise the year before (spring, summer).
  int academic_year() const;

  bool operator==(const Semester&) const = default;
};

// The semesters of the config, in date order (the config loader sorts and checks them).
struct Calendar {
  std::vector<Semester> semesters;

  // The semester with this id, or nullptr.
  const Semester* find(std::string_view id) const;
  // The semester whose teaching weeks contain the date, or nullptr.
  const Semester* containing(Date date) const;
  // The semester containing the date, else the next one to start, else the last one to end;
  // nullptr only when there are no semesters.
  const Semester* current_or_nearest(Date date) const;
  // The semester that ended last before the date (its last day earlier than the date), or
  // nullptr when none has ended by then.
  const Semester* last_ended_before(Date date) const;
  // The semester a date between semesters closes out (docs/check.md "The semester's edges"):
  // no semester contains the date, and the last one to end ended at most close_out_days
  // before it. Otherwise nullptr.
  const Semester* closing(Date date, int close_out_days) const;
  // The semester a record on this date belongs to when it may fall between semesters
  // (incidents, excused absences): the one containing it, else the last one ended before it.
  const Semester* attributed(Date date) const;

  bool operator==(const Calendar&) const = default;
};

// True when the date is after the semester's last day: what is listed for it is still open
// from a semester that has ended (上学期未结事项).
inline bool semester_ended(const Semester& semester, Date date) { return to_days(semester.last_day()) < to_days(date); }

// A first draft of the academic year containing `today` for `dormlink init`: autumn from the
// first Monday of September, spring from the first Monday of March, 18 teaching weeks each,
// the weeks of 1 October and 1 May as holidays, weeks 17-18 for exams. Staff correct it.
Calendar draft_calendar(Date today);

// A draft of one semester starting on a Monday (`dormlink calendar draft`): the name from
// the date (autumn from August: 第一学期, else 第二学期), the given teaching weeks, the week of
// 1 October (autumn) or 1 May (spring) as a holiday, the last two teaching weeks for exams.
Semester draft_semester(std::string id, Date first_monday, int teaching_weeks);

// What to add after the calendar's last semester: its usual id ("2027-spring" after
// "2026-autumn") and first Monday (the first Monday of March or September). nullopt when the
// calendar is empty.
struct NextSemester {
  std::string id;
  Date first_monday;
};
std::optional<NextSemester> next_semester(const Calendar& calendar);

// Year of study (1 = first-year) of a cohort (enrolment year, e.g. 2024) in a semester.
int year_of_study(int cohort, const Semester& semester);
// The cohort whose students are in the given year of study during the semester.
int cohort_of_year(int year_of_study, const Semester& semester);

}  // namespace dormlink
