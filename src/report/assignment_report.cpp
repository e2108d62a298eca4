#include "dormlink/report/assignment_report.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

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
  std::string out = "{\n";
  out += fmt::format("  \"semester\": \"{}\",\n  \"kind\": \"{}\",\n  \"status\": \"{}\",\n",
                     json_escape(r.semester_id), json_escape(r.kind), json_escape(r.status));
  out += fmt::format("  \"members\": {},\n  \"dorms\": {},\n  \"total_cost\": {},\n", r.members, r.dorms, r.total_cost);
  out += fmt::format(
      "  \"breakdown\": {{\"major_differs\": {}, \"junior_same_grade\": {}, \"other_building\": {}, "
      "\"continuity\": {}, \"pinned\": {}}},\n",
      r.major_differs, r.junior_same_grade, r.other_building, r.continuity, r.pinned);
  out += fmt::format("  \"changes\": {{\"against\": \"{}\", \"kept\": {}, \"changed\": {}, \"added\": {}}},\n",
                     json_escape(r.before_label), r.kept, r.changed, r.added);
  out += "  \"uncovered\": [";
  for (std::size_t i = 0; i < r.uncovered.size(); ++i) {
    out += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", json_escape(r.uncovered[i]));
  }
  out += "],\n  \"pairs\": [\n";
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const auto& l = r.lines[i];
    out += fmt::format(
        "    {{\"member\": \"{}\", \"name\": \"{}\", \"dorm\": \"{}\", \"cost\": {}, \"major_differs\": {}, "
        "\"junior_same_grade\": {}, \"other_building\": {}, \"continuity\": {}, \"pinned\": {}}}{}\n",
        json_escape(l.member_id), json_escape(l.member_name), json_escape(l.dorm_code), l.cost.total,
        l.cost.major_differs, l.cost.junior_same_grade, l.cost.other_building, l.cost.continuity, l.pinned,
        i + 1 < r.lines.size() ? "," : "");
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace dormlink::report
