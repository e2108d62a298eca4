#include "dormlink/report/roster_summary.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "dormlink/model.hpp"

namespace dormlink::report {
namespace {

// Residents of one occupied dorm, as the summary needs them.
struct DormResidents {
  int youngest_cohort = 0;  // highest grade = earliest cohort
  std::set<int> cohorts;
  Gender gender = Gender::female;
  bool has_head = false;
};

GradeLine& grade_line(std::map<int, GradeLine>& lines, int cohort, const Semester* semester) {
  auto& line = lines[cohort];
  line.cohort = cohort;
  line.year = semester != nullptr ? year_of_study(cohort, *semester) : 0;
  return line;
}

void count_students(const roster::Snapshot& snap, const RosterSummaryOptions& o, RosterSummary& s,
                    std::map<int, GradeLine>& lines, std::map<std::string, DormResidents>& dorms) {
  std::map<std::string, int> majors;
  for (const auto& st : snap.students) {
    const auto& f = st.facts;
    auto& line = grade_line(lines, f.cohort, o.semester);
    bool woman = f.gender == Gender::female;
    (woman ? line.women : line.men) += 1;
    (woman ? s.women : s.men) += 1;
    line.members += is_member(f.status) ? 1 : 0;
    line.candidates += f.status == PoliticalStatus::candidate ? 1 : 0;
    line.activists += f.status == PoliticalStatus::activist ? 1 : 0;
    bool contacts = is_member(f.status) || (o.candidates_take_dorms && f.status == PoliticalStatus::candidate);
    s.contacting_members += contacts ? 1 : 0;
    s.attention_students += f.attention.empty() ? 0 : 1;
    majors[f.major] += 1;
    auto [it, inserted] = dorms.try_emplace(f.dorm);
    auto& d = it->second;
    d.youngest_cohort = inserted ? f.cohort : std::min(d.youngest_cohort, f.cohort);
    d.cohorts.insert(f.cohort);
    d.gender = f.gender;
    d.has_head = d.has_head || f.dorm_head;
  }
  s.students = static_cast<int>(snap.students.size());
  s.majors.assign(majors.begin(), majors.end());
  std::stable_sort(s.majors.begin(), s.majors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
}

void count_dorms(const std::map<std::string, DormResidents>& dorms, std::map<int, GradeLine>& lines,
                 const RosterSummaryOptions& o, RosterSummary& s) {
  s.dorms_occupied = static_cast<int>(dorms.size());
  for (const auto& [code, d] : dorms) {
    (d.gender == Gender::female ? s.dorms_women : s.dorms_men) += 1;
    s.dorms_mixed_grade += d.cohorts.size() > 1 ? 1 : 0;
    s.dorms_without_head += d.has_head ? 0 : 1;
    grade_line(lines, d.youngest_cohort, o.semester).dorms += 1;
  }
}

void count_staff_and_imports(const roster::Snapshot& snap, RosterSummary& s) {
  std::map<std::string, std::set<std::string>> people;
  for (const auto& row : snap.staff) people[std::string(key(row.role))].insert(row.staff_id);
  for (const auto& [role, ids] : people) s.staff.emplace_back(role, static_cast<int>(ids.size()));
  // The latest import of each kind still in force (an undo and what it undid are skipped): the
  // batch `import undo` would take.
  std::map<std::string, roster::ImportRecord> latest;
  for (const auto& record : snap.imports) {
    if (record.undoes == 0 && record.undone_by == 0) latest[record.kind] = record;
  }
  for (const auto& [kind, record] : latest) s.last_imports.push_back(record);
}

}  // namespace

RosterSummary build_roster_summary(const roster::Snapshot& snap, const RosterSummaryOptions& o, Date as_of) {
  RosterSummary s;
  s.college_name = o.college_name;
  s.as_of = format_date(as_of);
  s.min_dorms = o.min_dorms;
  s.max_dorms = o.max_dorms;
  if (o.semester != nullptr) {
    s.semester_id = o.semester->id;
    s.semester_name = o.semester->name;
    s.teaching_week = o.semester->teaching_week(as_of);
  }
  s.dorms_known = static_cast<int>(snap.dorms.size());
  std::map<int, GradeLine> lines;
  std::map<std::string, DormResidents> dorms;
  count_students(snap, o, s, lines, dorms);
  count_dorms(dorms, lines, o, s);
  count_staff_and_imports(snap, s);
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) s.grades.push_back(it->second);
  return s;
}

}  // namespace dormlink::report
