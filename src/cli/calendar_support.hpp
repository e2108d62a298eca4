#pragma once
// The semester a dated command works in, and what it says when the date falls outside the
// calendar (docs/check.md "The semester's edges"): check, notify, assign and calendar share it.

#include <string>

#include "cli/context.hpp"
#include "dormlink/calendar.hpp"
#include "dormlink/check/period.hpp"

namespace dormlink::cli {

// The semester `check` and `notify` report on a date: the one containing it, else the one it
// closes out (ended at most check.close_out_days before, and no semester started since).
// nullptr when neither.
const Semester* checked_semester(const Config& config, Date as_of);

// Where a date outside every semester lies, in the user's language, one line without the
// "dormlink:" prefix: between two semesters of the calendar (nothing to fix), or before or
// after all of them (the calendar's semesters listed and the `dormlink calendar draft` line
// that adds the next one). `outside_known` is set when the date is before or after them all.
std::string outside_calendar(Context& ctx, Date date, bool& outside_known);

// `--period previous` that reaches back into another semester (week 1 of spring: the last
// period of autumn) says so on stderr, unless -q.
void note_period_semester(Context& ctx, const std::string& spec, const check::ReportPeriod& period, Date as_of);

}  // namespace dormlink::cli
