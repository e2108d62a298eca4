#pragma once
// The counselor's summary for the college Party committee (REQUIREMENTS §3: "辅导员汇总情况后，
// 每周星期二将前两周基本情况书面报送学院党委"): per member and per dorm, visits and talks against
// what was required, coverage of residents, forms received on time, incidents and how fast
// they were reported, attention students as counts, what is still overdue, changes in the
// assignment, and the records' chain head. Every status comes from check::evaluate; privacy
// is applied in build_counselor_summary (docs/reports.md): the renderers only format.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/model.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/when.hpp"

namespace dormlink::report {

// Whose work a summary covers: one counselor's members (the summary the counselor hands in),
// one Party branch's members (the branch secretary's view), or the whole college (the
// committee's one document, with a row per counselor).
enum class SummaryScope { counselor, branch, college };

// What build_counselor_summary reads.
struct SummaryInput {
  const check::CheckInput* check = nullptr;
  // check::evaluate(*check, config, as_of, {.keep_met = true}): every obligation.
  const std::vector<check::Obligation>* obligations = nullptr;
  SummaryScope scope = SummaryScope::counselor;
  int counselor = -1;  // index into check->counselors (scope counselor)
  std::string branch;  // the branch's name as the student roster has it (scope branch)
  ReportPeriod period;
  Date as_of{};  // the evaluation date, shown as the date the summary is handed in
  records::ChainHead chain;
  std::string college;
  Privacy privacy;
  // Attention categories by student id; read only when privacy.attention_of_named().
  std::vector<std::pair<std::string, std::vector<AttentionCategory>>> attention;
  // Who handed each member's form of the period in, by member id (absent: nobody).
  std::vector<std::pair<std::string, HandIn::Source>> hand_ins;
  // Each incident's category by case number, overriding the categories check's input carries
  // (check::Incident::category); nullopt: those. Tests give it; the CLI does not.
  std::optional<std::vector<std::pair<std::int64_t, records::IncidentCategory>>> incident_categories;
};

// Done against required: `found` of `expected` (waived obligations count in neither).
struct Tally {
  int expected = 0;
  int found = 0;
  int late = 0;  // of found, made up after the due day
};

// One member of the counselor's, in the period.
struct SummaryMember {
  std::string id;
  std::string name;
  int dorms = 0;  // dorms held at the period's end (or the evaluation date)
  Tally visits;
  Tally talks;                        // residents x talk periods
  Tally residents;                    // distinct residents due a talk, and those talked with
  std::optional<check::Status> form;  // the period's feedback form; nullopt: none was due
  // Obligations of the member overdue on the evaluation date, without the rules of
  // CounselorSummary::member_overdue_excludes (the sensitive ones, for an audience that sees
  // their counts only as Privacy::count).
  int overdue = 0;
  HandIn::Source hand_in = HandIn::Source::none;  // who handed the form in
};

// One dorm of the counselor's members, in the period.
struct SummaryDorm {
  std::string code;
  std::string member;  // name of the member responsible at the period's end
  Tally visits;
  Tally talks;
  Tally residents;
};

// One category's incidents found in the period (every format; docs/reports.md "特殊情况").
struct SummaryIncidentCategory {
  records::IncidentCategory category = records::IncidentCategory::other_violation;
  ShownCount found;    // as in SummaryIncidents::by_category
  ShownCount in_time;  // in_time, late, unreported: one split (Privacy::parts) of the category's
  ShownCount late;
  ShownCount unreported;
  ShownCount repeats;  // of found, repeats (check::Obligation::repeat_of)
};

// Incidents found in the period and their reports, as the audience may see them. "Reported"
// means acknowledged by staff (docs/check.md "Cases"): the member's claim does not count.
struct SummaryIncidents {
  ShownCount found;
  ShownCount in_time;  // in_time, late, unreported: one split (Privacy::parts)
  ShownCount late;
  ShownCount unreported;  // not acknowledged by the evaluation date
  ShownCount repeats;     // of found, repeats of an earlier incident (same category, dorm or student)
  // Found -> acknowledged, over the acknowledged ones; nullopt also when the count of incidents is
  // hidden (few hours say how many incidents there were).
  std::optional<double> median_hours;
  std::optional<double> max_hours;
  // The incidents found by category, every category in records::IncidentCategory's order: one
  // split of `found` (Privacy::parts, as in_time / late / unreported, so that a small category
  // cannot be recovered from `found` and the others). Empty when an incident found lacks its
  // category. The HTML's chart.
  std::vector<std::pair<records::IncidentCategory, ShownCount>> by_category;
  // The categories with an incident found, in records::IncidentCategory's order: every format.
  std::vector<SummaryIncidentCategory> categories;
};

// A member's concern about a student (docs/cases.md), for the counselor's audience only.
struct SummaryConcernLine {
  std::int64_t number = 0;  // the case number (the talk)
  std::string member;       // name
  std::string student;      // name
  std::string student_id;
  std::string escalate_to;  // key: counselor, head_teacher, leader
  LocalDateTime opened{};
  std::optional<LocalDateTime> acknowledged{};
  std::optional<LocalDateTime> closed{};
  check::CaseStage stage = check::CaseStage::reported;
  check::Status ack = check::Status::pending;  // concern_ack's status on the evaluation date
};

// Concerns opened in the period (及时汇报), as the audience may see them: the committee and the
// branch counts only; the counselor each concern with the student's name. Never the text.
struct SummaryConcerns {
  ShownCount opened;
  ShownCount acknowledged_in_time;        // concern_ack met
  ShownCount still_open;                  // not closed by the evaluation date
  std::vector<SummaryConcernLine> lines;  // Audience::counselor only, by number
};

// An attention student by name (only when privacy.attention_of_named()).
struct NamedAttention {
  std::string id;
  std::string name;
  std::string dorm;
  std::vector<AttentionCategory> categories;
  Tally talks;
};

// Attention students of the counselor's dorms due a talk in the period, as the audience may
// see them.
struct SummaryAttention {
  ShownCount students;
  ShownCount talked;  // every talk due in the period was held; talked, missed: one split
  ShownCount missed;
  std::vector<NamedAttention> named;
};

// One obligation still overdue (not for the committee, which sees counts by rule).
struct OverdueLine {
  check::Rule rule = check::Rule::visits;
  std::string member;  // name
  std::string dorm;
  std::string student;  // name, when the audience may see it
  int period = 0;
  std::int64_t record = 0;
  Date from{};
  Date to{};
  Date due{};
};

// A dorm whose member changed during the period.
struct AssignmentChange {
  Date from{};
  std::string dorm;
  std::string before;  // member name; empty: none
  std::string after;
};

// One counselor's line of the college summary, the totals of that counselor's own summary
// (the same numbers, built by the same code). `overdue` leaves out the rules of
// CounselorSummary::member_overdue_excludes, as the members' column does.
struct CounselorRow {
  std::string id;
  std::string name;
  int members = 0;
  int dorms = 0;
  Tally visits;
  Tally talks;
  Tally forms;
  std::optional<check::Status> own;  // the counselor's summary of the period
  int overdue = 0;
};

// Contacts per dorm and teaching week of the semester so far: the heat map of the HTML summary
// (docs/html.md). A contact is a visit to the dorm or a resident talked with (a resident talked
// with several times in a week counts once, as check counts talks), from the effective records
// (not withdrawn, not replaced by a correction) check reads, a talk in the dorm the resident
// lived in that week. Dorm codes and counts name nobody: every audience that sees the dorms
// table sees it. Not in the JSON, CSV or Excel.
struct WeekGrid {
  std::vector<int> weeks;          // teaching weeks 1 .. the period's last (or as_of's, if earlier)
  std::vector<std::string> dorms;  // CounselorSummary::dorms' codes, in their order
  // [dorm][week]: nullopt for a week without duties (holiday, exams) in which nothing happened.
  std::vector<std::vector<std::optional<int>>> contacts;
};

// Obligations overdue on the evaluation date, by the reporting period they belong to: a form or
// the counselor's summary by its period, an incident report by the day the incident was found,
// any other duty by its due day (the period of the week holding it). The same obligations, with
// the same rules left out (CounselorSummary::member_overdue_excludes), as CounselorRow::overdue
// (scope college, one line per row) or, for a counselor's or branch's summary, the items of the
// summary (its members' and, for a counselor, the counselor's own summary): so the points of a
// line add up to that count. Exact counts, like the columns they break down. HTML only.
struct OverdueTrend {
  std::string id;            // the counselor's staff id (scope college); empty for the one line
  std::string name;          // the counselor's name (scope college); empty for the one line
  std::vector<int> overdue;  // [period - 1], periods 1 .. CounselorSummary::overdue_periods
};

// The summary, privacy applied: every count that may be suppressed is a ShownCount, decided
// here, so the renderers only format.
struct CounselorSummary {
  std::string college;
  ReportPeriod period;
  Date reported_on{};
  SummaryScope scope = SummaryScope::counselor;
  std::string counselor_id;    // scope counselor
  std::string counselor_name;  // scope counselor
  std::string branch;          // scope branch
  // Scope college: one row per counselor with a member due anything in the period, by staff id.
  // The college's members, dorms and overdue lines are not listed (they are in each counselor's
  // summary): its counts are.
  std::vector<CounselorRow> counselors;
  std::optional<check::Status> own;  // this summary's obligation (counselor_summary)
  Audience audience = Audience::committee;
  bool sensitive = false;
  bool phones_in_full = false;
  // Set when counts of attention students and incidents from 1 to small_counts_below - 1 are
  // shown as "<small_counts_below" (the note under the heading says so).
  std::optional<int> small_counts_below;
  bool attention_named = false;        // attention.named may list students
  std::vector<SummaryMember> members;  // by pinyin, ties by student id
  std::vector<SummaryDorm> dorms;      // by code
  // The dorms' contacts per teaching week of the semester so far (HTML only); empty for the
  // college, whose document has no dorms.
  WeekGrid contacts_by_week;
  // Overdue items by the period they belong to (HTML only): one line per row of `counselors`
  // (scope college, in their order), else one line. Periods 1 .. overdue_periods: the summary's
  // period, or a later one when an item of it is already overdue on the evaluation date.
  std::vector<OverdueTrend> overdue_trend;
  int overdue_periods = 0;
  Tally forms;  // forms due (expected), received (found), of them late
  SummaryIncidents incidents;
  SummaryConcerns concerns;
  SummaryAttention attention;
  // In rule order; attention talks and incident reports as Privacy::count, the others exact.
  std::vector<std::pair<check::Rule, ShownCount>> overdue_by_rule;
  ShownCount overdue_total;  // over every rule: "—" when a sensitive rule's count is hidden
  // Rules whose overdue items SummaryMember::overdue leaves out: attention talks and incident
  // reports when small counts are suppressed (else a member's total minus the rules shown would
  // give a hidden count away); empty for the counselor and the branch, who see exact totals.
  std::vector<check::Rule> member_overdue_excludes;
  std::vector<OverdueLine> overdue;      // empty for the committee
  std::optional<Date> first_assignment;  // the semester's first assignment began in the period
  std::vector<AssignmentChange> changes;
  records::ChainHead chain;
};

// The summary of input.scope (input.counselor's members, input.branch's, or the college's) for
// input.period, as of input.as_of.
CounselorSummary build_counselor_summary(const SummaryInput& input);

// "counselor", "branch", "college": the JSON spelling.
std::string_view to_string(SummaryScope scope);

// GitHub-flavoured Markdown: heading, members, dorms, forms, incidents, attention students,
// what is still overdue, assignment changes, chain head. Every cell escaped.
std::string render_summary_markdown(const CounselorSummary& summary, Language language);

// The summary as the <body> of an HTML page (docs/html.md): the header, the charts drawn from
// the summary (per member done against required; dorm × teaching week contacts; overdue items by
// period; incidents by category), then every sheet of summary_workbook as a table.
std::string render_summary_html(const CounselorSummary& summary, Language language);

// The summary's tables for CSV and Excel (docs/reports.md "CSV and Excel"): members, dorms,
// overdue (named lines; empty for the committee), attention (named students; empty unless
// sensitive fields were asked for), changes, and the header and counts as item / value rows
// (overview).
Workbook summary_workbook(const CounselorSummary& summary, Language language);

// The same data as one JSON object (keys English and stable; docs/reports.md).
std::string render_summary_json(const CounselorSummary& summary);

// Hours from finding to report as the summary prints them, in every format: one decimal.
std::string hours_text(double hours);

}  // namespace dormlink::report
