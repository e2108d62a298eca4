#include "dormlink/report/assignment_report.hpp"

#include <algorithm>
#include <set>

#include "dormlink/report/json.hpp"

namespace dormlink::report {
namespace {

AssignmentLine make_line(const assign::Member& m, const assign::Dorm& d, const assign::Rules& rules, bool pinned) {
  AssignmentLine l;
  l.member_id = m.id;
  l.member_name = m.name;
  l.member_grade = m.grade;
  l.member_major = m.major;
  l.member_branch = m.branch;
  l.member_building = m.building;
  l.dorm_code = d.code;
  l.dorm_grade = d.grade;
  l.dorm_major = d.major;
  l.residents = d.residents;
  l.cost = assign::pair_cost(m, d, rules);
  l.pinned = pinned;
  return l;
}

void count_terms(AssignmentReport& r) {
  std::set<std::string> members;
  for (const auto& l : r.lines) {
    members.insert(l.member_id);
    r.major_differs += l.cost.major_differs ? 1 : 0;
    r.junior_same_grade += l.cost.junior_same_grade ? 1 : 0;
    r.other_building += l.cost.other_building ? 1 : 0;
    r.continuity += l.cost.continuity ? 1 : 0;
    r.pinned += l.pinned ? 1 : 0;
    r.total_cost += l.cost.total;
  }
  r.members = static_cast<int>(members.size());
}

void count_changes(AssignmentReport& r, const std::map<std::string, std::string>& before) {
  for (const auto& l : r.lines) {
    auto it = before.find(l.dorm_code);
    if (it == before.end()) {
      ++r.added;
    } else if (it->second == l.member_id) {
      ++r.kept;
    } else {
      ++r.changed;
    }
  }
}

}  // namespace

AssignmentReport build_assignment_report(const assign::Instance& instance, const assign::Solution& solution,
                                         const std::map<std::string, std::string>& before,
                                         const std::vector<assign::IdPair>& pins) {
  AssignmentReport r;
  std::set<assign::IdPair> pinned(pins.begin(), pins.end());
  for (const auto& p : solution.pairs) {
    const auto& m = instance.members[p.member];
    const auto& d = instance.dorms[p.dorm];
    r.lines.push_back(make_line(m, d, instance.rules, pinned.contains({m.id, d.code})));
  }
  std::sort(r.lines.begin(), r.lines.end(), [](const AssignmentLine& a, const AssignmentLine& b) {
    return std::tie(a.member_id, a.dorm_code) < std::tie(b.member_id, b.dorm_code);
  });
  for (auto i : solution.uncovered) r.uncovered.push_back(instance.dorms[i].code);
  r.dorms = static_cast<int>(instance.dorms.size());
  count_terms(r);
  count_changes(r, before);
  return r;
}

std::string render_assignment_json(const AssignmentReport& r) {
  Json doc;
  doc["semester"] = r.semester_id;
  doc["kind"] = r.kind;
  doc["status"] = assignment_status(r, Language::en);  // a value for scripts: always English
  doc["members"] = r.members;
  doc["dorms"] = r.dorms;
  doc["total_cost"] = r.total_cost;
  doc["breakdown"] = Json{{"major_differs", r.major_differs},
                          {"junior_same_grade", r.junior_same_grade},
                          {"other_building", r.other_building},
                          {"continuity", r.continuity},
                          {"pinned", r.pinned}};
  doc["changes"] = Json{{"against", r.before_label.empty() ? Json(nullptr) : Json(r.before_label)},
                        {"kept", r.kept},
                        {"changed", r.changed},
                        {"added", r.added}};
  doc["uncovered"] = r.uncovered;
  doc["pairs"] = Json::array();
  for (const auto& l : r.lines) {
    doc["pairs"].push_back(Json{{"member", l.member_id},
                                {"name", l.member_name},
                                {"dorm", l.dorm_code},
                                {"cost", l.cost.total},
                                {"major_differs", l.cost.major_differs},
                                {"junior_same_grade", l.cost.junior_same_grade},
                                {"other_building", l.cost.other_building},
                                {"continuity", l.cost.continuity},
                                {"pinned", l.pinned}});
  }
  return json_document(doc);
}

}  // namespace dormlink::report
