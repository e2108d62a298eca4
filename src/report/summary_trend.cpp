// The part of the counselor's summary only the HTML draws (docs/html.md): overdue items by the
// reporting period they belong to. Built from the same obligations as the rest of the summary,
// with the same rules left out and the same privacy.
#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "summary_build.hpp"

namespace dormlink::report::summary_detail {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

// Weeks per reporting period, read back from the summary's period as check::make_period made it
// (period n begins in week (n - 1) * weeks + 1; the first is cut short only when it is the
// semester's only one).
int weeks_per_period(const ReportPeriod& p) {
  if (p.number > 1 && p.first_week > 1) return std::max((p.first_week - 1) / (p.number - 1), 1);
  return std::max(p.last_week - p.first_week + 1, 1);
}

// The reporting periods: their length, and how many the semester has.
struct Periods {
  Date first_monday{};
  int weeks = 1;
  int count = 1;

  // The period holding a day (1 before the semester, the last after it).
  int of(Date day) const {
    const auto days = (to_days(day) - to_days(first_monday)).count();
    const auto week = days < 0 ? 1 : days / 7 + 1;
    return clamp(static_cast<int>((week - 1) / weeks + 1));
  }
  int clamp(int period) const { return std::clamp(period, 1, count); }
};

// The period an obligation belongs to, as the summaries list it: a form or summary by its
// period, an incident by the day it was found, a duty by its due day.
int period_of(const Periods& periods, const Obligation& o) {
  switch (o.rule) {
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return periods.clamp(o.period);
    case Rule::incident_report:
    case Rule::concern_ack:
    case Rule::concern_open:
      return periods.of(o.window_from);
    default:
      return periods.of(o.due);
  }
}

bool left_out(const CounselorSummary& out, Rule rule) {
  const auto& rules = out.member_overdue_excludes;
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

// The line an overdue obligation counts in (-1: none): the counselor's row (scope college), else
// the summary's one line when the summary covers it.
int line_of(const SummaryInput& in, const CounselorSummary& out, const std::map<int, std::size_t>& rows,
            const Obligation& o) {
  if (o.status != Status::overdue || left_out(out, o.rule)) return -1;
  if (in.scope != SummaryScope::college) return covers(in, o) ? 0 : -1;
  const auto row = rows.find(o.counselor);
  return row == rows.end() ? -1 : static_cast<int>(row->second);
}

}  // namespace

void fill_overdue_trend(const SummaryInput& in, CounselorSummary& out) {
  const auto& semester = in.check->semester;
  Periods periods{semester.first_monday, weeks_per_period(in.period), 1};
  periods.count = std::max({(semester.teaching_weeks + periods.weeks - 1) / periods.weeks, in.period.number, 1});
  std::map<int, std::size_t> rows;  // counselor index -> line (scope college)
  if (in.scope == SummaryScope::college) {
    for (const auto& row : out.counselors) {
      const auto& all = in.check->counselors;
      const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.staff_id == row.id; });
      if (it != all.end()) rows.emplace(static_cast<int>(it - all.begin()), out.overdue_trend.size());
      out.overdue_trend.push_back({row.id, row.name, {}});
    }
  } else {
    out.overdue_trend.emplace_back();
  }
  std::vector<std::pair<std::size_t, int>> items;  // (line, period)
  int last = std::max(in.period.number, 1);
  for (const auto& o : *in.obligations) {
    const int line = line_of(in, out, rows, o);
    if (line < 0) continue;
    items.emplace_back(static_cast<std::size_t>(line), period_of(periods, o));
    last = std::max(last, items.back().second);
  }
  out.overdue_periods = last;
  for (auto& trend : out.overdue_trend) trend.overdue.assign(static_cast<std::size_t>(last), 0);
  for (const auto& [line, period] : items) out.overdue_trend[line].overdue[static_cast<std::size_t>(period - 1)]++;
}

}  // namespace dormlink::report::summary_detail
