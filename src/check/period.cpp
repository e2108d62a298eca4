// Reporting periods: counting, building, and choosing the one a user means (check/period.hpp).
#include "dormlink/check/period.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <tuple>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::check {
namespace {

ReportPeriod previous_period(const Config& config, const PeriodSpec& spec, Date as_of) {
  std::vector<const Semester*> candidates;
  if (spec.semester != nullptr) candidates.push_back(spec.semester);
  for (auto it = config.calendar.semesters.rbegin(); spec.semester == nullptr && it != config.calendar.semesters.rend();
       ++it)
    candidates.push_back(&*it);
  for (const auto* s : candidates) {
    for (int p = period_count(*s, config); p >= 1; --p) {
      if (to_days(make_period(*s, config, p).last_day) < to_days(as_of)) return make_period(*s, config, p);
    }
  }
  throw UsageError(msg::no_previous_period(format_date(as_of)));
}

ReportPeriod current_period(const Config& config, const PeriodSpec& spec, Date as_of) {
  const Semester* s = spec.semester != nullptr ? spec.semester : config.calendar.containing(as_of);
  const auto week = s == nullptr ? std::nullopt : s->teaching_week(as_of);
  if (!week) {
    throw UsageError(s == nullptr ? msg::current_outside_every_semester(format_date(as_of))
                                  : msg::current_outside_semester(format_date(as_of), s->id));
  }
  return make_period(*s, config, reporting_period_of_week(*week, config));
}

// The first period that begins after as_of, within one semester: of the semester given, else
// of the one holding as_of, else of the first to begin after it.
ReportPeriod next_period(const Config& config, const PeriodSpec& spec, Date as_of) {
  const Semester* s = spec.semester != nullptr ? spec.semester : config.calendar.containing(as_of);
  for (auto it = config.calendar.semesters.begin(); s == nullptr && it != config.calendar.semesters.end(); ++it)
    if (to_days(it->first_monday) > to_days(as_of)) s = &*it;
  if (s == nullptr) throw UsageError(msg::no_next_semester(format_date(as_of)));
  for (int p = 1; p <= period_count(*s, config); ++p) {
    const auto period = make_period(*s, config, p);
    if (to_days(period.first_day) > to_days(as_of)) return period;
  }
  throw UsageError(msg::no_next_period(s->id, format_date(as_of), period_count(*s, config),
                                       format_date(make_period(*s, config, period_count(*s, config)).first_day)));
}

int period_number(const std::string& given) {
  const std::string text = util::normalize_code(given);
  int number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size() || number < 1) {
    throw UsageError(msg::bad_period(quote_value(given)));
  }
  return number;
}

// Of the semester given, else the one holding as_of, else the latest begun by then (its last
// form falls due after its last week).
ReportPeriod numbered_period(const Config& config, const PeriodSpec& spec, Date as_of) {
  const int number = period_number(spec.period);
  const Semester* s = spec.semester != nullptr ? spec.semester : config.calendar.containing(as_of);
  for (auto it = config.calendar.semesters.rbegin(); s == nullptr && it != config.calendar.semesters.rend(); ++it)
    if (to_days(it->first_monday) <= to_days(as_of)) s = &*it;
  if (s == nullptr) throw UsageError(msg::no_semester_begun(format_date(as_of)));
  if (number > period_count(*s, config)) {
    throw UsageError(msg::period_out_of_range(number, s->id, period_count(*s, config)));
  }
  return make_period(*s, config, number);
}

}  // namespace

int period_count(const Semester& semester, const Config& config) {
  const int weeks = std::max(config.reporting.period_weeks, 1);
  return (semester.teaching_weeks + weeks - 1) / weeks;
}

ReportPeriod make_period(const Semester& semester, const Config& config, int number) {
  ReportPeriod p;
  p.semester_id = semester.id;
  p.semester_name = semester.name;
  p.number = number;
  std::tie(p.first_week, p.last_week) = reporting_period_weeks(number, semester, config);
  p.first_day = Date{to_days(semester.first_monday) + std::chrono::days{7 * (p.first_week - 1)}};
  p.last_day = Date{to_days(semester.first_monday) + std::chrono::days{7 * p.last_week - 1}};
  p.form_due = form_due_date(number, semester, config, false);
  p.summary_due = form_due_date(number, semester, config, true);
  return p;
}

ReportPeriod choose_period(const Config& config, const PeriodSpec& spec, Date as_of) {
  auto p = spec.period == "previous"  ? previous_period(config, spec, as_of)
           : spec.period == "current" ? current_period(config, spec, as_of)
           : spec.period == "next"    ? next_period(config, spec, as_of)
                                      : numbered_period(config, spec, as_of);
  if (!spec.ahead && to_days(p.first_day) > to_days(as_of)) {
    throw UsageError(msg::period_not_begun(p.number, p.semester_id, format_date(p.first_day), format_date(as_of)));
  }
  return p;
}

}  // namespace dormlink::check
