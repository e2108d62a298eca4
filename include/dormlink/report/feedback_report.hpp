#pragma once
// The feedback form (学生党员联系寝室情况反馈表, the attachment of the regulation; REQUIREMENTS
// §3): one member's contacts of one reporting period, one row per contact in the form's five
// columns, plus what the period required and what is missing, as check::evaluate decided it
// (docs/reports.md). Privacy is applied in build_feedback_form: the renderers print whatever
// the form holds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/model.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/records/effective.hpp"
#include "dormlink/report/cultivation.hpp"
#include "dormlink/report/feedback_cases.hpp"
#include "dormlink/report/hand_in.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/period.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// What build_feedback_form reads.
struct FeedbackInput {
  const check::CheckInput* check = nullptr;
  // check::evaluate(*check, config, as_of, {.keep_met = true}): every obligation, any member.
  const std::vector<check::Obligation>* obligations = nullptr;
  int member = -1;  // person index into check->people
  ReportPeriod period;
  Date as_of{};    // the evaluation date, shown as the date the form is handed in (报送时间)
  HandIn hand_in;  // who handed the period's form in, by as_of
  std::vector<records::EffectiveRecord> contacts;
  records::ChainHead chain;
  std::string college;
  Privacy privacy;
  // 入党积极分子培养 of the member (build_cultivation), shown as the audience may see it; none
  // when [duties] cultivation_per_activist is 0 or the member holds no dorm on the date.
  std::optional<MemberCultivation> cultivation;
};

// A student on a row of the form, as the audience may see them.
struct FormStudent {
  std::string id;
  std::string name;
  std::string phone;                         // masked, in full, or empty (not shown)
  std::vector<AttentionCategory> attention;  // empty unless privacy.attention_of_named()
};

// One row of the form.
struct FormContact {
  records::EffectiveRecord record;  // students and phones cleared; see `students`
  bool students_named = true;       // false for the committee: only student_count
  int student_count = 0;
  std::vector<FormStudent> students;  // sorted by pinyin, ties by id
};

// What the period required, aggregated per rule, dorm and window (talks: one line per dorm
// and talk period, counting residents). The counts are exact: an audience that may not see
// small counts gets no attention_talks line at all (build_feedback_form leaves them out).
struct FormRequirement {
  check::Rule rule = check::Rule::visits;
  check::Status status = check::Status::met;  // the worst status of the line's obligations
  std::string dorm;
  int period = 0;
  std::int64_t record = 0;  // incident_report
  Date from{};
  Date to{};
  Date due{};
  int expected = 0;
  int found = 0;
  int late = 0;
};

// One obligation that is not met (pending, due soon, at risk or overdue).
struct FormGap {
  check::Rule rule = check::Rule::visits;
  check::Status status = check::Status::overdue;
  std::string dorm;
  std::string student;  // the resident's name (talks); empty when not shown
  int period = 0;
  std::int64_t record = 0;
  Date from{};
  Date to{};
  Date due{};
  int expected = 0;
  int found = 0;
};

// The form, privacy applied: the one count that may be suppressed is a ShownCount, decided
// here, so the renderers only format.
struct FeedbackForm {
  std::string college;
  ReportPeriod period;
  Date reported_on{};
  HandIn hand_in;
  bool hand_in_reason = false;  // the reason of an on-behalf form is shown (not to the committee)
  std::string member_id;
  std::string member_name;
  std::string class_name;
  std::string branch;
  std::string counselor_id;  // empty: no counselor
  std::string counselor_name;
  Audience audience = Audience::counselor;
  bool sensitive = false;  // --include-sensitive was given
  bool phones_shown = false;
  bool phones_in_full = false;
  std::vector<FormContact> contacts;  // by time, then record number
  std::vector<FormRequirement> required;
  std::vector<FormGap> missing;
  ShownCount hidden_attention_gaps;  // unmet attention talks whose students are not named (Privacy::count)
  records::ChainHead chain;
  std::optional<MemberCultivation> cultivation;  // 入党积极分子培养 (shown_cultivation applied)
  std::vector<FormCase> cases;                   // the member's concerns and incidents (feedback_cases.hpp)
};

// The form of input.member for input.period. Obligations count when they are the member's and
// due within the period (the period's own form by its number; an incident by the day it was
// found); semester obligations at risk are listed as missing too.
FeedbackForm build_feedback_form(const FeedbackInput& input);

// GitHub-flavoured Markdown laid out as the attachment: title, 党员姓名 and 报送时间, the
// five-column table (every cell escaped), then what was required and what is missing.
std::string render_feedback_markdown(const FeedbackForm& form, Language language);

// The form as an HTML section laid out like the seed's paper form (title, 党员姓名, 报送时间,
// the five-column table, required and missing), with lines for the member's and the
// counselor's signatures and dates (docs/html.md). --all puts one section per member in one
// page (html::document_section).
std::string render_feedback_html(const FeedbackForm& form, Language language);

// The form's tables for CSV and Excel (docs/reports.md "CSV and Excel"), each row led by the
// member's id and name: contacts (the five columns of the form), required, missing, and the
// form's header as one row (form).
Workbook feedback_workbook(const FeedbackForm& form, Language language);

// The same data as one JSON object (keys English and stable; docs/reports.md "JSON of the
// feedback form"), printed by json_document.
std::string render_feedback_json(const FeedbackForm& form);

// A submitted form (Markdown or JSON, as render_feedback_* wrote it) with the text a record
// held before a purge (progress, note, details) replaced by `marker` where the form shows that
// record: its table row or its JSON object. Other records' text is left alone; a document that
// does not show the record comes back unchanged.
std::string redact_contact(std::string_view document, bool json, const records::EffectiveRecord& before,
                           std::string_view marker);

// Dates as the college writes them: "2026年9月21日" (zh), "2026-09-21" (en).
std::string report_date(Date date, Language language);
// A local "YYYY-MM-DD HH:MM[...]" as "2026年9月21日 19:30" (zh) or "2026-09-21 19:30" (en).
std::string report_time(std::string_view local, Language language);
// The period as staff say it: "第3期（第5—6周，2026年10月5日—2026年10月18日）".
std::string period_title(const ReportPeriod& period, Language language);
// What an audience line says: who the document is for and what was left out.
std::string audience_note(Audience audience, bool sensitive, bool phones_in_full, Language language);
// The period as a JSON object: number, weeks, from, to, form_due, summary_due.
Json period_json(const ReportPeriod& period);

}  // namespace dormlink::report
