#pragma once
// Private to src/report: what the assessment prints of incidents by category and of findings
// without a record (docs/reports.md "The semester assessment"; docs/inspect.md): the notes of the
// Markdown, the sheets, the JSON. assessment_render.cpp and assessment_json.cpp call these.

#include <string>

#include "dormlink/language.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// The note of incidents_on_time: "检查发现未报告 1 起" when an inspection found an incident no
// record reported; "" otherwise.
std::string unreported_basis(const ComponentScore& score, Language language);

// The member's incidents by category and findings without a record, as Markdown lines after
// the member's table; "" when there are none.
std::string inspection_notes_markdown(const MemberAssessment& member, Language language);

// The Excel tab names of the two sheets below.
std::string incidents_sheet_name(Language language);
std::string observations_sheet_name(Language language);

// Sheet `incidents`: one row per member and category (met, late, overdue, not yet due, found
// and not reported).
Table incidents_table(const Assessment& assessment, Language language);

// Sheet `observations`: one row per finding without a record of a member's dorm.
Table observations_table(const Assessment& assessment, Language language);

// JSON of a member: `incidents` (by category) and `observations` (findings without a record).
Json incidents_json(const MemberAssessment& member);
Json observations_json(const MemberAssessment& member);

}  // namespace dormlink::report
