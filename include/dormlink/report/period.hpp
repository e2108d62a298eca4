#pragma once
// The reporting period a document covers: check's (check/period.hpp), where the calendar's
// rules decide it; reports name it report::ReportPeriod.

#include "dormlink/check/period.hpp"

namespace dormlink::report {

using ReportPeriod = check::ReportPeriod;

}  // namespace dormlink::report
