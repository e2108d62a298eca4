#pragma once
// What `dormlink check` prints (docs/check.md): the obligations that are overdue, due soon or
// at risk, grouped by counselor and member, as aligned text, JSON or CSV.

#include <optional>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {

// One check run: its input (for names), the obligations to list, and the date.
struct CheckListing {
  const check::CheckInput* input = nullptr;
  std::vector<check::Obligation> items;  // already filtered and sorted
  Date as_of{};
  std::optional<int> week;  // teaching week of as_of, when inside the semester
};

struct CheckCounts {
  int overdue = 0;
  int due_soon = 0;
  int at_risk = 0;
  int pending = 0;
};
CheckCounts count_statuses(const std::vector<check::Obligation>& items);

// Text for a terminal or a cron mail: a heading, the counts, then per counselor and member
// an aligned table (status, rule, dorm, student, period, due, expected, found).
std::string render_check_text(const CheckListing& listing, Language language);

// JSON for scripts (stable; docs/check.md "JSON"). Keys are English whatever the language.
// Without input (a date outside every semester): `semester` null, no items.
std::string render_check_json(const CheckListing& listing);

// CSV: one row per item, English header, through the one CSV writer: for Excel (BOM, CRLF,
// formula-like cells guarded) or raw for scripts (no BOM, LF, cells untouched).
std::string render_check_csv(const CheckListing& listing, CsvFlavor flavor);

// What an index of a CheckInput names: the person, counselor or dorm; nullptr or "" when the
// index is out of range (-1: not applicable). Every report over check's input reads through these.
const check::Person* person_at(const check::CheckInput& input, int index);
const check::Counselor* counselor_at(const check::CheckInput& input, int index);
std::string dorm_at(const check::CheckInput& input, int index);
// "09-13": a day as check's lists show it.
std::string month_day(Date date);
// {"id", "name"} of a person, or null.
Json person_json(const check::Person* p);

// What a case item (incident_report, concern_*) carries beside its numbers, from the case
// (Obligation::case_index); every field empty for other rules.
struct CaseFacts {
  std::optional<check::CaseStage> stage;
  std::optional<std::string> category;     // incident_report: the category key
  std::optional<std::string> escalate_to;  // concern_*: counselor, head_teacher, leader
  std::optional<LocalDateTime> acknowledged;
  std::optional<LocalDateTime> claimed;  // incident_report: the member's --reported-at
};
CaseFacts case_facts(const check::CheckInput& input, const check::Obligation& o);
// The note of a case item in the user's language: "重复（#12）；上报辅导员；确认 …；党员自报 …".
std::string case_note(const check::CheckInput& input, const check::Obligation& o, Language language);

// The window of an obligation as staff say it: "第5周", "第3期", "本学期", "#12 11-20发现", or dates.
std::string period_label(const check::Obligation& o, Language language);

// Names of rules and statuses as the text output shows them.
std::string rule_label(check::Rule rule, Language language);
std::string status_label(check::Status status, Language language);
// The one rule for every kind of obligation: late work is only a form, a counselor's summary or
// an incident report handed in after its deadline; a contact, plan or summary record that was
// made in time but entered after the due day is done, shown as 已完成（补录）/ "met (entered late)".
std::string status_label(check::Rule rule, check::Status status, Language language);

}  // namespace dormlink::report
