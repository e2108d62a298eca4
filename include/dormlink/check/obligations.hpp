#pragma once
// The one definition of "overdue" (docs/check.md): every obligation of a semester computed
// from the rules (config), the calendar, the assignment history, the residents and the
// records, as of one date. `check`, `report` and `export` all read this. Pure: no database,
// no clock — the store loads a CheckInput (store/check_store.hpp), evaluate() does the rest.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"
#include "dormlink/when.hpp"

namespace dormlink::check {

// What an obligation is about; the order is the order items are listed in.
enum class Rule {
  no_assignment,        // the semester has no assignment in force on the date
  member_left,          // an assigned member left the college or is no longer a member
  member_dorm_count,    // a member holds fewer than min_dorms or more than max_dorms dorms
  dorm_without_member,  // a dorm with residents and no member
  work_plan,            // 工作计划 by the end of duties.work_plan_due_week
  visits,               // duties.visits_per_week visits per dorm per duty week
  talks,                // every resident once per duties.talk_period
  attention_talks,      // attention students once per duties.attention_talk_period
  orientation,          // first-year dorms, first duties.orientation_weeks autumn weeks
  activity,             // duties.activities_per_semester (per dorm or per member)
  symposium,            // duties.symposiums_per_semester (per dorm or per member)
  incident_report,      // acknowledged by staff within duties.incident_report_hours of being found
  concern_ack,          // a member's concern acknowledged by staff within duties.concern_ack_hours
  concern_open,         // a member's concern closed within duties.concern_open_days
  feedback_form,        // each reporting period's form by reporting.member_form_due
  counselor_summary,    // each reporting period's summary by reporting.counselor_summary_due
  member_summary,       // 学期总结 by the semester's last day
};

// Where an obligation stands on the evaluation date.
enum class Status {
  met,       // fulfilled in time
  met_late,  // fulfilled, but after its due date (a late form, a late incident report)
  waived,    // an excused record waived it (duties.excused_waives_week)
  pending,   // not yet fulfilled, due date more than check.due_soon_days away
  due_soon,  // not yet fulfilled, due within check.due_soon_days days (today included)
  at_risk,   // a semester obligation unmet with check.at_risk_weeks duty weeks or fewer left
  overdue,   // not fulfilled and its due date has passed
};

std::string_view to_string(Rule rule);      // "visits", "talks", ... (JSON/CSV keys)
std::string_view to_string(Status status);  // "met", "overdue", ...

// ---- Input: what the store loads (all ids as strings; indices below point into these) ----

// A student who matters to the semester: a resident, a member, or both.
struct Person {
  std::string id;
  std::string name;
  std::string class_name;
  int cohort = 0;
  std::string branch;  // Party branch (members); the inspection sample is stratified by it
};

// One stretch of a student living in one dorm: from <= D < to (to empty: still there).
// Only stretches overlapping the semester are loaded; a student who left has none after.
struct Residence {
  int person = 0;  // index into CheckInput::people
  int dorm = 0;    // index into CheckInput::dorms
  Date from{};
  std::optional<Date> to;
  bool attention = false;  // has any attention category (the categories are never loaded)
};

// Whether a person can hold dorms on a date: a current student who is a member (or candidate
// when assignment.candidates_take_dorms). One stretch per status change.
struct Eligibility {
  int person = 0;
  Date from{};
  std::optional<Date> to;
  bool eligible = false;
};

// One committed assignment version: in force from valid_from until the next version's.
struct AssignmentVersion {
  Date valid_from{};
  std::vector<std::pair<int, int>> pairs;  // (dorm index, member person index), sorted by dorm
};

// A counselor and what they cover (staff roster on the evaluation date).
struct Counselor {
  std::string staff_id;
  std::string name;
  std::vector<int> cohorts;
  std::vector<std::string> classes;
};

// Effective records (not withdrawn, not replaced by a correction), aggregated.
// Visits to a dorm in one teaching week, by anyone; `late` of them entered after the week.
struct DormWeekVisits {
  int dorm = 0;
  int week = 0;
  int visits = 0;
  int late = 0;
};

// An excused record: for one dorm, or (dorm -1) for all the member's dorms, in one week.
struct Excuse {
  int member = 0;  // person index
  int dorm = -1;
  int week = 0;
};

// Teaching weeks in which a student was in at least one effective talk record: bit w (1..30).
// `first_entered` holds, per week with a talk (ascending), the day the earliest-entered of them
// was entered, so a talk entered after its due day counts as done but entered late (补录), as
// visits do; without it every talk counts as entered in time.
struct TalkWeeks {
  int person = 0;
  std::uint32_t weeks = 0;
  std::vector<std::pair<int, Date>> first_entered;
};

// Effective records of a per-semester kind (activity, symposium, orientation, plan, summary):
// one entry per record, with the dorm (-1 when none) and the member.
enum class CountedKind { activity, symposium, orientation, plan, summary };
struct KindRecord {
  CountedKind kind = CountedKind::activity;
  int member = 0;
  int dorm = -1;
  int week = 0;    // teaching week it happened in
  Date entered{};  // date it was entered (local)
  std::int64_t id = 0;
};

// How far a case has come (docs/cases.md): the latest step that happened by the evaluation date.
enum class CaseStage { reported, acknowledged, action, closed };
std::string_view to_string(CaseStage stage);  // "reported", "acknowledged", "action", "closed"

// The staff side of a case (a concern or an incident, docs/cases.md), as of the evaluation date:
// only steps that happened on or before it are loaded.
struct CaseSteps {
  std::optional<LocalDateTime> acknowledged{};  // the first staff step of any kind (ack, action, close)
  std::string acknowledged_by{};                // its staff id
  std::optional<LocalDateTime> closed{};        // the first close step
  CaseStage stage = CaseStage::reported;
};

// An effective incident record.
struct Incident {
  std::int64_t id = 0;
  int member = 0;
  int dorm = -1;
  LocalDateTime found{};                  // happened_at
  std::optional<LocalDateTime> reported;  // reported_at: the member's claim, shown, never counted
  std::int64_t case_id = 0;               // the case number: the first record of its correction chain (0: id)
  std::string category{};                 // incident_category key ("banned_appliance", ...)
  std::vector<std::string> students{};    // the students it names (ids, sorted)
  CaseSteps steps{};
};

// A member's concern about a student, raised on a talk (docs/cases.md, 及时汇报).
struct Concern {
  std::int64_t case_id = 0;  // the talk (the first record of its correction chain)
  int member = -1;           // person index of the talk's member (-1: not among the people)
  int dorm = -1;
  int student = -1;  // person index of the student (-1: not among the people; see student_id)
  std::string student_id{};
  std::string student_name{};
  std::string escalate_to{};  // "counselor", "head_teacher", "leader"
  LocalDateTime opened{};     // the open step's time
  CaseSteps steps{};
};

// A recorded submission of a feedback form (subject: member person id) or a counselor
// summary (subject: staff id) for a reporting period.
struct Submission {
  bool summary = false;
  // Who handed it in (store::SubmissionSource): a member's form counts; one the counselor
  // made for the member counts only with [reporting] on_behalf_counts (docs/forms.md).
  bool by_member = true;
  std::string subject_id;
  int period = 0;
  Date submitted{};
};

struct CheckInput {
  Semester semester;
  std::vector<Person> people;      // sorted by id
  std::vector<std::string> dorms;  // dorm codes, sorted
  std::vector<Residence> residences;
  std::vector<Eligibility> eligibility;
  std::vector<AssignmentVersion> assignments;  // oldest first
  std::vector<Counselor> counselors;           // sorted by staff id
  std::vector<DormWeekVisits> visits;
  std::vector<Excuse> excuses;
  std::vector<TalkWeeks> talks;
  std::vector<KindRecord> kind_records;
  std::vector<Incident> incidents;
  std::vector<Submission> submissions;
  // Effective incidents of earlier semesters found within duties.repeat_window_days before the
  // semester's first Monday: read only to tell repeats (dorm indices -1 when not among `dorms`).
  std::vector<Incident> earlier_incidents;
  std::vector<Concern> concerns;  // by case number, then student id
};

// ---- Output ----

// One obligation and where it stands. Indices are -1 when not applicable.
struct Obligation {
  Rule rule = Rule::visits;
  Status status = Status::pending;
  int counselor = -1;          // index into CheckInput::counselors (the member's counselor)
  int member = -1;             // person index of the responsible member
  int dorm = -1;               // dorm index
  int student = -1;            // person index of the resident (talks)
  int period = 0;              // teaching week (visits, weekly talks), talk/reporting period number
  std::int64_t record_id = 0;  // incident_report, concern_*: the case number (docs/cases.md)
  Date window_from{};          // the days the obligation covers
  Date window_to{};
  Date due{};  // the last day on which it is met in time
  int expected = 0;
  int found = 0;
  int late = 0;           // of `found`, entered after `due`
  long long minutes = 0;  // case rules, when acknowledged (closed): elapsed minutes from finding (opening)
  // Case rules: index into CheckInput::incidents (incident_report) or ::concerns (concern_*).
  int case_index = -1;
  // incident_report: the case number of the earlier incident this one repeats (0: not a repeat).
  std::int64_t repeat_of = 0;
};

struct EvaluateOptions {
  bool keep_met = false;  // also return met, met_late, waived and pending obligations
  int counselor = -1;     // only the obligations of this counselor (index into input.counselors); -1: all
  // With keep_met: keep the met, waived and pending obligations only when due within
  // [from, to] (a reporting period's summary needs the period's, and every overdue one).
  std::optional<Date> keep_met_from;
  std::optional<Date> keep_met_to;
};

// Every obligation of input.semester as of `as_of` (a local date; records dated up to it
// count), sorted by counselor, member, rule, dorm, window, student, record. Config supplies
// the numbers (duties, reporting, assignment.min/max_dorms, check).
std::vector<Obligation> evaluate(const CheckInput& input, const Config& config, Date as_of,
                                 const EvaluateOptions& options = {});

// The members who owe the form of reporting period `period`: the members of its feedback_form
// obligations (evaluate with keep_met), of `counselor` (index into input.counselors; -1: all),
// as person indices by pinyin of names then student id. `report feedback --all` and `form --all`.
std::vector<int> members_due_form(const CheckInput& input, const std::vector<Obligation>& obligations, int period,
                                  int counselor);

// docs/check.md "Repeats": the case number of the latest incident among `others` that `incident`
// repeats — same category, same dorm (index) or a shared student, found before it and at most
// `window_days` calendar days earlier — or 0. Also export's repeat column.
std::int64_t repeat_of(const Incident& incident, const std::vector<Incident>& others, int window_days);

// The reporting period (1-based) that contains teaching week `week`.
int reporting_period_of_week(int week, const Config& config);
// First and last teaching week of a reporting period (the last capped at teaching_weeks).
std::pair<int, int> reporting_period_weeks(int period, const Semester& semester, const Config& config);
// The date a member's form (or counselor's summary) for the period is due.
Date form_due_date(int period, const Semester& semester, const Config& config, bool counselor_summary);

// The counselor (index into input.counselors) of a person: one whose classes include the
// person's class, else whose cohorts include the person's cohort (lowest staff id wins); -1.
int counselor_of(const CheckInput& input, int person);

// The same for a class and cohort, among `counselors`.
int counselor_for(const std::vector<Counselor>& counselors, std::string_view class_name, int cohort);

}  // namespace dormlink::check
