#pragma once
// The member's cases on the feedback form (docs/cases.md, docs/reports.md "关注事项与特殊情况"):
// the concerns the member raised and the incidents the member found, opened in the period or
// still open on the evaluation date, with where each stands. The member's own cases only: no
// other student's data; a concern's student by name except for the committee.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/period.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/when.hpp"

namespace dormlink::report {

struct FormCase {
  bool incident = false;
  std::int64_t number = 0;
  LocalDateTime opened{};  // found (incident), raised (concern)
  std::string dorm;
  std::string category;                         // incident: key
  std::string escalate_to;                      // concern: key
  std::string student;                          // concern: the student's name; empty for the committee
  std::optional<LocalDateTime> claimed{};       // incident: the member's --reported-at
  std::optional<LocalDateTime> acknowledged{};  // the first staff step
  check::CaseStage stage = check::CaseStage::reported;
  check::Status status = check::Status::pending;  // incident_report or concern_ack on the evaluation date
  std::int64_t repeat_of = 0;
};

// The member's cases (`member`: person index) from check's input, with their status and repeat
// from check's obligations when those hold them: opened within the period, or opened before it
// and not closed by the evaluation date; by time, then number.
std::vector<FormCase> form_cases(const check::CheckInput& input, const std::vector<check::Obligation>& obligations,
                                 int member, const ReportPeriod& period, const Privacy& privacy);

// The form's section (Markdown, starting with a blank line), its HTML, JSON and sheet
// (`cases`, rows led by the member's id and name). Nothing (empty, []) without a case.
std::string form_cases_markdown(const std::vector<FormCase>& cases, Language language);
std::string form_cases_html(const std::vector<FormCase>& cases, Language language);
Json form_cases_json(const std::vector<FormCase>& cases);
Sheet form_cases_sheet(const std::vector<FormCase>& cases, const std::string& member_id, const std::string& member_name,
                       Language language);

}  // namespace dormlink::report
