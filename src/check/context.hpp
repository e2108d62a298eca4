#pragma once
// Private to src/check: the indexes evaluate() builds once from a CheckInput (days as
// integers, assignment versions as dorm -> member tables, residences grouped by dorm, records
// bucketed by dorm/person and week), the sink that collects obligations, and the rule
// functions. Callers use dormlink/check/obligations.hpp.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "dormlink/check/obligations.hpp"

namespace dormlink::check::detail {

// Days since 1970-01-01: integer comparisons in the hot loops, Dates only in the output.
using Day = int;
Day day_of(Date date);
Date date_of(Day day);

// Teaching weeks as bits (week w is bit w; weeks are 1..30).
constexpr std::uint32_t week_bit(int week) { return std::uint32_t{1} << week; }
std::uint32_t week_range_bits(int first, int last);

// A residence as the days [from, to).
struct Stay {
  int person = 0;
  Day from = 0;
  Day to = 0;
  bool attention = false;
};

// One assignment version with its dorm -> member table.
struct Version {
  Day valid_from = 0;
  std::vector<int> member_of_dorm;           // -1 when the dorm has no member
  std::vector<std::pair<int, int>> members;  // (member, dorms held), sorted by member
};

// A set of duty weeks sharing one talk obligation (docs/check.md `talks`).
struct TalkPeriod {
  int number = 0;      // the week (weekly), the pair (biweekly), else the 1-based index
  int first_week = 0;  // first and last duty week of the set
  int last_week = 0;
  std::uint32_t duty_weeks = 0;
};

// The talk periods of a semester with at least one duty week, in order.
std::vector<TalkPeriod> talk_periods(const Semester& semester, Period period);

// Everything the rules read, indexed once.
struct Context {
  Context(const CheckInput& input, const Config& config, Date as_of);

  const CheckInput& input;
  const Config& config;
  Day as_of = 0;
  int weeks = 0;  // teaching weeks
  std::vector<Version> versions;
  std::vector<int> stay_start;  // residences of dorm d: stays[stay_start[d] .. stay_start[d+1])
  std::vector<Stay> stays;
  std::vector<int> dorm_visits;  // [dorm * (weeks + 1) + week]
  std::vector<int> dorm_late_visits;
  std::vector<std::uint32_t> talk_weeks;    // per person
  std::vector<int> talk_entry;              // per person: index into input.talks, -1 when none
  std::vector<std::uint32_t> waived_weeks;  // per dorm; empty when excuses waive nothing

  int dorm_count() const { return static_cast<int>(input.dorms.size()); }
  int person_count() const { return static_cast<int>(input.people.size()); }
  Day monday(int week) const;
  Day sunday(int week) const;
  bool has_duties(int week) const { return input.semester.has_duties(week); }
  // The first day an obligation of a window starting on `first` can bind: obligations start
  // when the semester's first assignment does.
  Day binding_day(Day first) const;
  // Index of the version in force on the day, -1 before the first one.
  int version_on(Day day) const;
  int member_on(int dorm, Day day) const;
  // The member answerable for a dorm's window: the one of min(last, as_of), else of `first`.
  int responsible(int dorm, Day first, Day last) const;
  std::span<const Stay> stays_of(int dorm) const;
  bool has_resident(int dorm, Day day) const;
  bool resides(int person, int dorm, Day day) const;
  int visits(int dorm, int week) const;
  int late_visits(int dorm, int week) const;
  // True when a talk with the person in weeks first..last was entered by `due` (or when the
  // input says nothing of entry days).
  bool talk_entered_by(int person, int first_week, int last_week, Day due) const;
  bool waived(int dorm, std::uint32_t duty_weeks) const;
  // Status of an unmet obligation due on `due`: pending, due_soon or overdue.
  Status unmet_status(Day due) const;
  // As unmet_status, and at_risk with check.at_risk_weeks duty weeks or fewer left.
  Status unmet_semester_status(Day due) const;
};

// Collects obligations: drops what options do not ask for, fills in counselors.
class Sink {
 public:
  Sink(const CheckInput& input, const EvaluateOptions& options);
  // True when an obligation with this status is returned.
  bool wants(Status status) const;
  // The statuses check lists: overdue, due soon, at risk (kept whatever the options say).
  static bool listed(Status status);
  void add(Obligation obligation);
  // The obligations in the documented order.
  std::vector<Obligation> take_sorted();
  // counselor_of(input, member), computed once per member.
  int counselor(int member);

 private:
  const CheckInput& m_input;
  EvaluateOptions m_options;
  std::vector<int> m_counselors;  // per person: -2 until computed
  std::vector<Obligation> m_items;
};

// Status of a count-based obligation: met when `on_time` reach `expected`, met_late when
// `found` do, otherwise `unmet`.
Status count_status(int found, int on_time, int expected, Status unmet);

// The rules, one function per family (docs/check.md "The rules").
void add_structure(const Context& ctx, Sink& sink);
void add_visits(const Context& ctx, Sink& sink);
void add_talks(const Context& ctx, Sink& sink);
void add_orientation(const Context& ctx, Sink& sink);
void add_semester_counts(const Context& ctx, Sink& sink);
void add_work_plans(const Context& ctx, Sink& sink);
void add_forms(const Context& ctx, Sink& sink);
void add_incidents(const Context& ctx, Sink& sink);
void add_concerns(const Context& ctx, Sink& sink);

}  // namespace dormlink::check::detail
