#pragma once
// A reporting period of a semester (docs/reports.md "Periods"), the unit of the feedback form
// and the counselor's summary.

#include <string>

#include "dormlink/calendar.hpp"

namespace dormlink::report {

// A reporting period of a semester: teaching weeks (p-1)*period_weeks+1 .. p*period_weeks,
// with the due days check::form_due_date gives for the member's form and the counselor's
// summary.
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

}  // namespace dormlink::report
