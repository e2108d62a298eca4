// The counselor's summary as one JSON document (docs/reports.md "Output"): keys English and
// stable; numbers are numbers, null null; a count the audience may not see exactly is "<3" or
// null, as the builder decided (ShownCount).
#include <cstdlib>
#include <string>

#include "dormlink/report/json.hpp"
#include "dormlink/report/summary_report.hpp"

namespace dormlink::report {
namespace {

using check::Status;

// A ShownCount in JSON: 12, "<3" (a string) or null (withheld), as ShownCount::json() writes it.
Json json_value(const ShownCount& count) { return count.json(); }

Json json_value(const Tally& t) { return {{"expected", t.expected}, {"found", t.found}, {"late", t.late}}; }

Json json_value(const std::optional<Status>& s) { return s ? Json(std::string(check::to_string(*s))) : Json(); }

Json string_or_null(const std::string& s) { return s.empty() ? Json() : Json(s); }

// Hours as every other format prints them (hours_text: one decimal), a number: the nearest
// double of that text prints as the same digits.
Json hours_value(const std::optional<double>& hours) {
  return hours ? Json(std::strtod(hours_text(*hours).c_str(), nullptr)) : Json();
}

template <typename T, typename F>
Json json_array(const std::vector<T>& items, F each) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(each(item));
  return out;
}

Json member_json(const SummaryMember& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"dorms", m.dorms},
          {"visits", json_value(m.visits)},
          {"talks", json_value(m.talks)},
          {"residents", json_value(m.residents)},
          {"form", json_value(m.form)},
          {"hand_in", key(m.hand_in)},
          {"overdue", m.overdue}};
}

Json counselor_row_json(const CounselorRow& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"members", c.members},
          {"dorms", c.dorms},
          {"visits", json_value(c.visits)},
          {"talks", json_value(c.talks)},
          {"forms", json_value(c.forms)},
          {"own", json_value(c.own)},
          {"overdue", c.overdue}};
}

Json dorm_json(const SummaryDorm& d) {
  return {{"code", d.code},
          {"member", string_or_null(d.member)},
          {"visits", json_value(d.visits)},
          {"talks", json_value(d.talks)},
          {"residents", json_value(d.residents)}};
}

Json named_json(const NamedAttention& a) {
  Json categories = Json::array();
  for (auto c : a.categories) categories.push_back(std::string(key(c)));
  return {{"id", a.id},
          {"name", a.name},
          {"dorm", string_or_null(a.dorm)},
          {"attention", categories},
          {"talks", json_value(a.talks)}};
}

Json overdue_line_json(const OverdueLine& o) {
  return {{"rule", std::string(check::to_string(o.rule))},
          {"member", string_or_null(o.member)},
          {"dorm", string_or_null(o.dorm)},
          {"student", string_or_null(o.student)},
          {"period", o.period},
          {"record", o.record == 0 ? Json() : Json(o.record)},
          {"from", format_date(o.from)},
          {"to", format_date(o.to)},
          {"due", format_date(o.due)}};
}

Json change_json(const AssignmentChange& c) {
  return {{"from", format_date(c.from)},
          {"dorm", c.dorm},
          {"before", string_or_null(c.before)},
          {"after", string_or_null(c.after)}};
}

Json category_json(const SummaryIncidentCategory& c) {
  return {{"category", std::string(records::key(c.category))},
          {"found", json_value(c.found)},
          {"in_time", json_value(c.in_time)},
          {"late", json_value(c.late)},
          {"unreported", json_value(c.unreported)},
          {"repeats", json_value(c.repeats)}};
}

Json incidents_json(const SummaryIncidents& i) {
  return {{"found", json_value(i.found)},
          {"in_time", json_value(i.in_time)},
          {"late", json_value(i.late)},
          {"unreported", json_value(i.unreported)},
          {"median_hours", hours_value(i.median_hours)},
          {"max_hours", hours_value(i.max_hours)}};
}

Json when_or_null(const std::optional<LocalDateTime>& when) { return when ? Json(format_local(*when)) : Json(); }

Json concern_json(const SummaryConcernLine& c) {
  return {{"number", c.number},
          {"member", string_or_null(c.member)},
          {"student", {{"id", c.student_id}, {"name", c.student}}},
          {"escalate_to", string_or_null(c.escalate_to)},
          {"opened", format_local(c.opened)},
          {"acknowledged", when_or_null(c.acknowledged)},
          {"closed", when_or_null(c.closed)},
          {"status", std::string(check::to_string(c.stage))},
          {"acknowledgement", std::string(check::to_string(c.ack))}};
}

// Counts for every audience; the concerns one by one only for the counselor (null otherwise).
Json concerns_json(const CounselorSummary& s) {
  const auto& c = s.concerns;
  return {{"opened", json_value(c.opened)},
          {"acknowledged_in_time", json_value(c.acknowledged_in_time)},
          {"still_open", json_value(c.still_open)},
          {"items", s.audience == Audience::counselor ? json_array(c.lines, concern_json) : Json()}};
}

Json attention_json(const CounselorSummary& s) {
  const auto& a = s.attention;
  return {{"students", json_value(a.students)},
          {"talked", json_value(a.talked)},
          {"missed", json_value(a.missed)},
          {"named", s.attention_named ? json_array(a.named, named_json) : Json()}};
}

// Counts by rule; the items for the counselor and the branch (null for the committee); the rules
// the members' "overdue" leaves out.
Json overdue_json(const CounselorSummary& s) {
  Json by_rule = Json::object();
  for (const auto& [rule, count] : s.overdue_by_rule) by_rule[std::string(check::to_string(rule))] = json_value(count);
  Json excluded = Json::array();
  for (auto rule : s.member_overdue_excludes) excluded.push_back(std::string(check::to_string(rule)));
  return {{"by_rule", by_rule},
          {"items", s.audience == Audience::committee ? Json() : json_array(s.overdue, overdue_line_json)},
          {"members_exclude", excluded}};
}

}  // namespace

std::string render_summary_json(const CounselorSummary& s) {
  Json doc = Json::object();
  doc["kind"] = "summary";
  doc["college"] = s.college;
  doc["semester"] = {{"id", s.period.semester_id}, {"name", s.period.semester_name}};
  doc["period"] = period_json(s.period);
  doc["reported_on"] = format_date(s.reported_on);
  doc["scope"] = std::string(to_string(s.scope));
  doc["counselor"] =
      s.scope == SummaryScope::counselor ? Json{{"id", s.counselor_id}, {"name", s.counselor_name}} : Json();
  doc["branch"] = s.scope == SummaryScope::branch ? Json(s.branch) : Json();
  doc["counselors"] = json_array(s.counselors, counselor_row_json);
  doc["own"] = json_value(s.own);
  doc["audience"] = std::string(to_string(s.audience));
  doc["sensitive"] = s.sensitive;
  doc["members"] = json_array(s.members, member_json);
  doc["dorms"] = json_array(s.dorms, dorm_json);
  doc["forms"] = json_value(s.forms);
  doc["incidents"] = incidents_json(s.incidents);
  doc["incident_repeats"] = json_value(s.incidents.repeats);
  doc["incident_categories"] = json_array(s.incidents.categories, category_json);
  doc["concerns"] = concerns_json(s);
  doc["attention"] = attention_json(s);
  doc["overdue"] = overdue_json(s);
  doc["first_assignment"] = s.first_assignment ? Json(format_date(*s.first_assignment)) : Json();
  doc["assignment_changes"] = json_array(s.changes, change_json);
  doc["chain"] = {{"head", string_or_null(s.chain.head)}, {"records", s.chain.records}};
  return json_document(doc);
}

}  // namespace dormlink::report
