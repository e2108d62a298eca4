#pragma once
// What the summary's builder files share (summary_report.cpp, summary_trend.cpp): which
// obligations a summary covers and which belong to its period, and the parts of the summary
// only the HTML draws.

#include "dormlink/check/obligations.hpp"
#include "dormlink/report/summary_report.hpp"

namespace dormlink::report::summary_detail {

// Whether an obligation belongs to the period: duties due within it, the period's forms and
// summary, incidents found within it.
bool in_period(const check::Obligation& o, const ReportPeriod& p);

// Whether an obligation belongs to the summary's scope: the counselor's (the counselor's own
// summary too), the branch members', the college's every one.
bool covers(const SummaryInput& in, const check::Obligation& o);

// CounselorSummary::overdue_trend and overdue_periods; for the college, after its rows.
void fill_overdue_trend(const SummaryInput& in, CounselorSummary& out);

// The cases (summary_cases.cpp): SummaryIncidents' counts and hours; by_category and categories,
// after out.incidents.found; SummaryConcerns.
void fill_incidents(const SummaryInput& in, CounselorSummary& out);
void fill_incident_categories(const SummaryInput& in, CounselorSummary& out);
void fill_concerns(const SummaryInput& in, CounselorSummary& out);

}  // namespace dormlink::report::summary_detail
