// The feedback form (反馈表) as JSON (docs/reports.md "JSON of the feedback form"): one object
// built as a Json and printed by json_document.
#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {
namespace {

// A text that may be absent: the string, or null when empty.
Json string_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// A record number that may be absent (0): the number, or null.
Json id_or_null(std::int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

Json student_json(const FormStudent& s) {
  Json out{{"id", s.id}, {"name", s.name}};
  if (!s.phone.empty()) out["phone"] = s.phone;
  if (!s.attention.empty()) {
    Json keys = Json::array();
    for (auto a : s.attention) keys.push_back(std::string(key(a)));
    out["attention"] = std::move(keys);
  }
  return out;
}

Json incident_json(const records::EffectiveRecord& r) {
  if (r.kind != "incident") return nullptr;
  return {{"category", r.incident_category},
          {"severity", string_or_null(r.severity)},
          {"reported_to", string_or_null(r.reported_to)},
          {"reported_at", string_or_null(r.reported_at)}};
}

// The text fields come before "corrects": redact_contact finds them there.
Json contact_json(const FormContact& c) {
  const auto& r = c.record;
  Json students = nullptr;
  if (c.students_named) {
    students = Json::array();
    for (const auto& s : c.students) students.push_back(student_json(s));
  }
  return {{"record", r.id},
          {"kind", r.kind},
          {"dorm", string_or_null(r.dorm)},
          {"at", r.happened_at},
          {"entered_at", r.entered_at},
          {"channel", string_or_null(r.channel)},
          {"student_count", c.student_count},
          {"students", std::move(students)},
          {"progress", r.progress},
          {"note", r.note},
          {"details", r.details},
          {"purged", r.purged},
          {"corrects", r.corrects ? Json(*r.corrects) : Json(nullptr)},
          {"reason", r.reason},
          {"off_assignment", r.off_assignment},
          {"incident", incident_json(r)}};
}

Json requirement_json(const FormRequirement& r) {
  return {{"rule", check::to_string(r.rule)},
          {"status", check::to_string(r.status)},
          {"dorm", string_or_null(r.dorm)},
          {"period", r.period},
          {"record", id_or_null(r.record)},
          {"from", format_date(r.from)},
          {"to", format_date(r.to)},
          {"due", format_date(r.due)},
          {"expected", r.expected},
          {"found", r.found},
          {"late", r.late}};
}

Json gap_json(const FormGap& g) {
  return {{"rule", check::to_string(g.rule)},
          {"status", check::to_string(g.status)},
          {"dorm", string_or_null(g.dorm)},
          {"student", string_or_null(g.student)},
          {"period", g.period},
          {"record", id_or_null(g.record)},
          {"from", format_date(g.from)},
          {"to", format_date(g.to)},
          {"due", format_date(g.due)},
          {"expected", g.expected},
          {"found", g.found}};
}

template <typename T, typename F>
Json array_of(const std::vector<T>& items, F each) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(each(item));
  return out;
}

}  // namespace

Json period_json(const ReportPeriod& p) {
  return {{"number", p.number},
          {"weeks", {p.first_week, p.last_week}},
          {"from", format_date(p.first_day)},
          {"to", format_date(p.last_day)},
          {"form_due", format_date(p.form_due)},
          {"summary_due", format_date(p.summary_due)}};
}

std::string render_feedback_json(const FeedbackForm& f) {
  Json counselor = nullptr;
  if (!f.counselor_id.empty()) counselor = {{"id", f.counselor_id}, {"name", f.counselor_name}};
  const Json form{
      {"kind", "feedback"},
      {"college", f.college},
      {"semester", {{"id", f.period.semester_id}, {"name", f.period.semester_name}}},
      {"period", period_json(f.period)},
      {"reported_on", format_date(f.reported_on)},
      {"hand_in", hand_in_json(f.hand_in, f.hand_in_reason)},
      {"member", {{"id", f.member_id}, {"name", f.member_name}, {"class", f.class_name}, {"branch", f.branch}}},
      {"counselor", std::move(counselor)},
      {"audience", to_string(f.audience)},
      {"sensitive", f.sensitive},
      {"contacts", array_of(f.contacts, contact_json)},
      {"required", array_of(f.required, requirement_json)},
      {"missing", array_of(f.missing, gap_json)},
      {"hidden_attention_gaps", f.hidden_attention_gaps.json()},
      {"cultivation", cultivation_form_json(f.cultivation)},
      {"cases", form_cases_json(f.cases)},
      {"chain", {{"head", string_or_null(f.chain.head)}, {"records", f.chain.records}}},
  };
  return json_document(form);
}

}  // namespace dormlink::report
