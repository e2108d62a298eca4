// The semester assessment as JSON (docs/reports.md "JSON of the assessment"): built as a Json,
// printed in the layout the document has always had — the top level as json_document prints
// it, each member over several lines with one component per line, and each ratio with four
// decimals (nlohmann would print 1.0 and 0.95 where the document says 1.0000 and 0.9500).
#include <cmath>

#include <fmt/format.h>

#include "assessment_inspection.hpp"
#include "assessment_internal.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;

// A number with one decimal (points, score): rounded, so that nlohmann prints "26.7", "10.0".
Json one_decimal(double value) { return std::round(value * 10.0) / 10.0; }

Json lost_json(const Assessment& a, const Obligation& o) {
  const auto* student = person_at(*a.check, o.student);
  const auto dorm = dorm_at(*a.check, o.dorm);
  return {{"rule", check::to_string(o.rule)},
          {"status", check::to_string(o.status)},
          {"dorm", dorm.empty() ? Json(nullptr) : Json(dorm)},
          {"student_id", student != nullptr && names_students(a.privacy) ? Json(student->id) : Json(nullptr)},
          {"period", o.period},
          {"record_id", o.record_id == 0 ? Json(nullptr) : Json(o.record_id)},
          {"window_from", format_date(o.window_from)},
          {"window_to", format_date(o.window_to)},
          {"due", format_date(o.due)},
          {"expected", o.expected},
          {"found", o.found}};
}

Json component_json(const Assessment& a, const ComponentScore& s) {
  Json lost = Json::array();
  for (const auto& o : s.lost) lost.push_back(lost_json(a, o));
  return {{"component", to_string(s.component)},
          {"weight", s.weight},
          {"met", s.met},
          {"met_late", s.late},
          {"overdue", s.overdue},
          {"waived", s.waived},
          {"not_yet_due", s.pending},
          {"findings", s.findings},
          {"contradicted", s.contradicted},
          {"unreported", s.unreported},
          {"ratio", s.ratio},  // printed with four decimals: component_text
          {"points", one_decimal(s.points)},
          {"lost", std::move(lost)}};
}

Json member_json(const Assessment& a, const MemberAssessment& m) {
  Json components = Json::array();
  for (const auto& s : m.components) components.push_back(component_json(a, s));
  return {{"id", m.id},
          {"name", m.name},
          {"branch", m.branch},
          {"score", m.score_tenths / 10.0},
          {"band", to_string(m.band)},
          {"contradicted_records", m.contradicted_records},
          {"incidents", incidents_json(m)},
          {"observations", observations_json(m)},
          {"components", std::move(components)}};
}

Json assessment_json(const Assessment& a) {
  Json weights = Json::object();
  for (Component c : k_components) weights[std::string(to_string(c))] = weight_of(a.options, c);
  Json members = Json::array();
  for (const auto& m : a.members) members.push_back(member_json(a, m));
  return {{"semester", {{"id", a.semester_id}, {"name", a.semester_name}}},
          {"as_of", format_date(a.as_of)},
          {"branch", a.branch.empty() ? Json(nullptr) : Json(a.branch)},
          {"audience", to_string(a.privacy.audience)},
          {"weights", std::move(weights)},
          {"bands",
           {{"excellent", a.options.excellent_from},
            {"pass", a.options.pass_from},
            {"basic_pass", a.options.basic_pass_from}}},
          {"members", std::move(members)}};
}

// ---- the layout ----

// {"component": …, "ratio": 0.8889, …} on one line: json_text but for the ratio.
std::string component_text(const Json& component) {
  std::string out = "{";
  for (const auto& [key, value] : component.items()) {
    out += (out.size() > 1 ? ", \"" : "\"") + json_escape(key) + "\": ";
    out += key == "ratio" ? fmt::format("{:.4f}", value.get<double>()) : json_text(value);
  }
  return out + "}";
}

// A member: the member's own values on the first line, "contradicted_records" and
// "components" on lines of their own, one component per line.
std::string member_text(const Json& member) {
  std::string out = "{";
  for (const auto& [key, value] : member.items()) {
    const bool own_line =
        key == "contradicted_records" || key == "incidents" || key == "observations" || key == "components";
    if (out.size() > 1) out += own_line ? ",\n     " : ", ";
    out += "\"" + json_escape(key) + "\": ";
    if (key != "components") {
      out += json_text(value);
      continue;
    }
    out += "[";
    for (std::size_t k = 0; k < value.size(); ++k)
      out += (k == 0 ? "\n       " : ",\n       ") + component_text(value[k]);
    out += "\n     ]";
  }
  return out + "}";
}

// json_document's layout, with each member printed by member_text.
std::string assessment_document(const Json& document) {
  std::string out = "{\n";
  std::size_t left = document.size();
  for (const auto& [key, value] : document.items()) {
    out += "  \"" + json_escape(key) + "\": ";
    if (key == "members" && !value.empty()) {
      out += "[\n";
      std::size_t members = value.size();
      for (const auto& member : value) out += "    " + member_text(member) + (--members > 0 ? ",\n" : "\n");
      out += "  ]";
    } else {
      out += json_text(value);
    }
    out += --left > 0 ? ",\n" : "\n";
  }
  return out + "}\n";
}

}  // namespace

std::string render_assessment_json(const Assessment& a) { return assessment_document(assessment_json(a)); }

}  // namespace dormlink::report
