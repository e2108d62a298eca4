// Calendar windows of the rules: days as integers, talk periods, reporting periods and the
// weekday a form is due on (docs/check.md "The rules").
#include <algorithm>
#include <chrono>

#include "context.hpp"

namespace dormlink::check {

using namespace std::chrono;

namespace detail {

Day day_of(Date date) { return static_cast<Day>(sys_days{date}.time_since_epoch().count()); }

Date date_of(Day day) { return Date{sys_days{days{day}}}; }

std::uint32_t week_range_bits(int first, int last) {
  std::uint32_t bits = 0;
  for (int week = std::max(first, 1); week <= std::min(last, 30); ++week) bits |= week_bit(week);
  return bits;
}

namespace {

// The key that groups duty weeks into one talk period: equal keys, same period.
int period_key(const Semester& semester, Period period, int week) {
  switch (period) {
    case Period::week:
      return week;
    case Period::biweek:
      return (week + 1) / 2;  // teaching weeks (2k-1, 2k) form pair k
    case Period::month: {
      const Date monday{sys_days{semester.first_monday} + days{7 * (week - 1)}};
      return static_cast<int>(monday.year()) * 12 + static_cast<int>(static_cast<unsigned>(monday.month()));
    }
    case Period::semester:
      return 0;
  }
  return 0;
}

}  // namespace

std::vector<TalkPeriod> talk_periods(const Semester& semester, Period period) {
  std::vector<TalkPeriod> periods;
  int current_key = 0;
  for (int week = 1; week <= std::min(semester.teaching_weeks, 30); ++week) {
    if (!semester.has_duties(week)) continue;
    const int key = period_key(semester, period, week);
    if (periods.empty() || key != current_key) {
      // Weekly periods are numbered by their week, biweekly ones by their pair, others 1, 2, ...
      int number = static_cast<int>(periods.size()) + 1;
      if (period == Period::week || period == Period::biweek) number = key;
      periods.push_back(TalkPeriod{.number = number, .first_week = week, .last_week = week});
      current_key = key;
    }
    periods.back().last_week = week;
    periods.back().duty_weeks |= week_bit(week);
  }
  return periods;
}

}  // namespace detail

int reporting_period_of_week(int week, const Config& config) {
  const int weeks = std::max(config.reporting.period_weeks, 1);
  return (std::max(week, 1) - 1) / weeks + 1;
}

std::pair<int, int> reporting_period_weeks(int period, const Semester& semester, const Config& config) {
  const int weeks = std::max(config.reporting.period_weeks, 1);
  const int first = (period - 1) * weeks + 1;
  return {first, std::min(period * weeks, semester.teaching_weeks)};
}

Date form_due_date(int period, const Semester& semester, const Config& config, bool counselor_summary) {
  auto last_week = reporting_period_weeks(period, semester, config).second;
  // [forms] due = "even_weeks": the due Monday is the first Monday of an even week after the
  // period (每双周的周一 read literally), so the week before it is odd.
  if (config.forms.due == FormDue::even_weeks && last_week % 2 == 0) ++last_week;
  const sys_days last_sunday = sys_days{semester.first_monday} + days{7 * last_week - 1};
  // ISO weekday n (Monday = 1) is n days after a Sunday: the first such day after the period.
  const auto weekday = counselor_summary ? config.reporting.counselor_summary_due : config.reporting.member_form_due;
  return Date{last_sunday + days{static_cast<int>(weekday)}};
}

}  // namespace dormlink::check
