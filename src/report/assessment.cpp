// The branch's semester assessment (docs/reports.md "assessment"): ratios per component from
// check::evaluate's obligations and the inspection's discrepancies, weighted, summed, banded.
// Printed by assessment_render.cpp (Markdown, sheets, export) and assessment_json.cpp.
#include "dormlink/report/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "assessment_internal.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {

using check::Obligation;
using check::Rule;
using check::Status;

namespace {

// The members who held dorms on or before as_of, by pinyin then id.
std::vector<int> members_of(const AssessmentInput& in) {
  std::set<int> found;
  for (const auto& v : in.check->assignments) {
    if (to_days(v.valid_from) > to_days(in.as_of)) continue;
    for (const auto& pair : v.pairs) found.insert(pair.second);
  }
  std::vector<int> members;
  for (int m : found) {
    const auto* p = person_at(*in.check, m);
    if (p == nullptr) continue;
    if (!in.branch.empty() && p->branch != in.branch) continue;
    members.push_back(m);
  }
  std::sort(members.begin(), members.end(), [&](int a, int b) {
    const auto& x = *person_at(*in.check, a);
    const auto& y = *person_at(*in.check, b);
    const int c = util::compare_pinyin(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  });
  return members;
}

// Late is about the duty itself only for forms and incident reports (handed in, reported after
// the deadline): half credit. For contacts, plans and summaries met_late means the record was
// entered after the due day while the contact happened in time — allowed and visible in the
// reports (补录), and full credit here, so batch entry of paper forms costs a member nothing.
bool late_costs(check::Rule rule) { return rule == check::Rule::feedback_form || rule == check::Rule::incident_report; }

void count(ComponentScore& s, const Obligation& o) {
  switch (o.status) {
    case Status::met:
      ++s.met;
      break;
    case Status::met_late:
      if (!late_costs(o.rule)) {
        ++s.met;
        break;
      }
      ++s.late;
      s.lost.push_back(o);
      break;
    case Status::waived:
      ++s.waived;
      break;
    case Status::pending:
    case Status::due_soon:
    case Status::at_risk:
      ++s.pending;
      break;
    case Status::overdue:
      ++s.overdue;
      s.lost.push_back(o);
      break;
  }
}

void finish(ComponentScore& s) {
  if (s.component == Component::inspection) {
    s.ratio = s.findings > 0 ? 1.0 - static_cast<double>(s.contradicted) / s.findings : 1.0;
  } else {
    const int closed = s.met + s.late + s.overdue + s.unreported;
    s.ratio = closed > 0 ? (s.met + 0.5 * s.late) / closed : 1.0;
  }
  s.points = s.weight * s.ratio;
}

ComponentScore& component(MemberAssessment& m, Component c) { return m.components[static_cast<std::size_t>(c)]; }

// Findings without a record of the member's dorms (docs/inspect.md): a no_contact finding that
// contradicts the member's records costs as a contradicted record does; an incident an
// inspection found that no record reported counts as an incident not reported — concealment
// costs what a report would have earned. The committee counts incidents only in the component
// (docs/reports.md "Audiences and privacy"): the findings that are incidents are not listed.
void add_observations(const AssessmentInput& in, MemberAssessment& m) {
  auto& inspection = component(m, Component::inspection);
  auto& incidents = component(m, Component::incidents_on_time);
  for (const auto& o : in.observations) {
    if (o.member_id != m.id) continue;
    if (!o.category || !in.privacy.suppresses_small_counts()) m.observations.push_back(o);
    if (inspect::contradicts_records(o)) {
      ++inspection.findings;
      ++inspection.contradicted;
    }
    if (inspect::unreported_incident(o)) ++incidents.unreported;
  }
}

// The member's incidents by category: each incident_report obligation by its status, and the
// incidents found by an inspection that no record reported. Not for the committee, which sees no
// incident by category (a category of one member's dorms is a count below the threshold).
void tally_incidents(const AssessmentInput& in, const std::vector<const Obligation*>& obligations,
                     MemberAssessment& m) {
  if (in.privacy.suppresses_small_counts()) return;
  std::map<std::string, IncidentTally> by_category;
  const auto tally = [&](const std::string& category) -> IncidentTally& {
    auto& t = by_category[category];
    t.category = category;
    return t;
  };
  for (const Obligation* o : obligations) {
    if (o->rule != Rule::incident_report) continue;
    const auto found = in.incident_categories.find(o->record_id);
    auto& t = tally(found == in.incident_categories.end() ? std::string() : found->second);
    switch (o->status) {
      case Status::met:
        ++t.met;
        break;
      case Status::met_late:
        ++t.late;
        break;
      case Status::overdue:
        ++t.overdue;
        break;
      case Status::waived:
        break;
      default:
        ++t.pending;
    }
  }
  for (const auto& o : in.observations)
    if (o.member_id == m.id && inspect::unreported_incident(o)) ++tally(*o.category).unreported;
  for (auto& [category, t] : by_category) m.incidents.push_back(std::move(t));
}

}  // namespace

std::string_view to_string(Component component) {
  switch (component) {
    case Component::visits:
      return "visits";
    case Component::talks:
      return "talks";
    case Component::activities:
      return "activities";
    case Component::symposiums:
      return "symposiums";
    case Component::forms_on_time:
      return "forms_on_time";
    case Component::incidents_on_time:
      return "incidents_on_time";
    case Component::plan_and_summary:
      return "plan_and_summary";
    case Component::inspection:
      return "inspection";
  }
  return "?";
}

std::string component_label(Component component, Language language) {
  return kAssessmentLabels.components.at(static_cast<std::size_t>(component))(language);
}

bool component_of(Rule rule, Component& component) {
  switch (rule) {
    case Rule::visits:
      component = Component::visits;
      return true;
    case Rule::talks:
    case Rule::attention_talks:
      component = Component::talks;
      return true;
    case Rule::activity:
      component = Component::activities;
      return true;
    case Rule::symposium:
      component = Component::symposiums;
      return true;
    case Rule::feedback_form:
      component = Component::forms_on_time;
      return true;
    case Rule::incident_report:
      component = Component::incidents_on_time;
      return true;
    case Rule::work_plan:
    case Rule::member_summary:
      component = Component::plan_and_summary;
      return true;
    default:
      return false;
  }
}

std::string_view to_string(Band band) {
  switch (band) {
    case Band::excellent:
      return "excellent";
    case Band::pass:
      return "pass";
    case Band::basic_pass:
      return "basic_pass";
    case Band::fail:
      return "fail";
  }
  return "?";
}

std::string band_label(Band band, Language language) {
  return kAssessmentLabels.bands.at(static_cast<std::size_t>(band))(language);
}

Band band_of(int score_tenths, const AssessmentOptions& options) {
  if (score_tenths >= options.excellent_from * 10) return Band::excellent;
  if (score_tenths >= options.pass_from * 10) return Band::pass;
  if (score_tenths >= options.basic_pass_from * 10) return Band::basic_pass;
  return Band::fail;
}

std::string format_tenths(int tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  const int t = std::abs(tenths);
  return fmt::format("{}{}.{}", sign, t / 10, t % 10);
}

Assessment build_assessment(const AssessmentInput& in) {
  Assessment a;
  a.check = in.check;
  a.college = in.college;
  a.semester_id = in.check->semester.id;
  a.semester_name = in.check->semester.name;
  a.as_of = in.as_of;
  a.branch = in.branch;
  a.options = in.options;
  a.privacy = in.privacy;
  // The obligations of each member, gathered in one pass (a university has ~750,000).
  std::map<int, std::vector<const Obligation*>> by_member;
  for (const auto& o : *in.obligations) {
    Component c{};
    if (o.member >= 0 && component_of(o.rule, c)) by_member[o.member].push_back(&o);
  }
  for (int member : members_of(in)) {
    const auto& p = *person_at(*in.check, member);
    MemberAssessment m;
    m.member = member;
    m.id = p.id;
    m.name = p.name;
    m.branch = p.branch;
    for (Component c : k_components) {
      ComponentScore s;
      s.component = c;
      s.weight = weight_of(in.options, c);
      m.components.push_back(s);
    }
    static const std::vector<const Obligation*> k_none;
    const auto it = by_member.find(member);
    const auto& obligations = it != by_member.end() ? it->second : k_none;
    for (const Obligation* o : obligations) {
      Component c{};
      component_of(o->rule, c);
      count(m.components[static_cast<std::size_t>(c)], *o);
    }
    auto& inspection = m.components[static_cast<std::size_t>(Component::inspection)];
    for (const auto& d : in.discrepancies) {
      if (d.member_id != p.id) continue;
      inspection.contradicted = d.contradicted;
      inspection.findings = d.total;
      m.contradicted_records = d.records;
    }
    add_observations(in, m);
    tally_incidents(in, obligations, m);
    double sum = 0;
    for (auto& s : m.components) {
      finish(s);
      sum += s.points;
    }
    m.score_tenths = static_cast<int>(std::lround(sum * 10.0 + 1e-9));
    m.band = band_of(m.score_tenths, in.options);
    a.members.push_back(std::move(m));
  }
  return a;
}

}  // namespace dormlink::report
