// The assignment model: hard rules, pair costs and the instance built from the rosters.

#include <algorithm>
#include <map>
#include <string_view>

#include "dormlink/assign/assign.hpp"
#include "flow.hpp"

namespace dormlink::assign {

// REQUIREMENTS §1 "性别相同", "高年级联系低年级" and "高年级学生寝室由同年级学生党员负责联系".
bool compatible(const Member& member, const Dorm& dorm, const Rules& rules) {
  if (member.gender != dorm.gender) return false;  // H3
  return detail::grades_compatible(member.grade, dorm.grade, rules);
}

// REQUIREMENTS §1 "专业对口" and "尽可能" higher grade for junior dorms: soft penalties.
PairCost pair_cost(const Member& member, const Dorm& dorm, const Rules& rules) {
  PairCost cost;
  cost.major_differs = member.major != dorm.major;
  cost.junior_same_grade = dorm.grade < rules.senior_from_grade && member.grade == dorm.grade;
  cost.other_building = member.building != dorm.building;
  cost.continuity = dorm.previous_member && *dorm.previous_member == member.id;
  cost.total = (cost.major_differs ? rules.w_major : 0) + (cost.junior_same_grade ? rules.w_junior_same_grade : 0) +
               (cost.other_building ? rules.w_building : 0) - (cost.continuity ? rules.w_continuity : 0);
  return cost;
}

namespace detail {

bool grades_compatible(int member_grade, int dorm_grade, const Rules& rules) {
  if (member_grade < dorm_grade) return false;  // H4
  if (dorm_grade >= rules.senior_from_grade) {  // H5
    return member_grade == dorm_grade;
  }
  return true;
}

// The continuity term is the only one that depends on identities rather than attributes.
int base_cost(const Member& member, const Dorm& dorm, const Rules& rules) {
  PairCost cost = pair_cost(member, dorm, rules);
  return cost.total + (cost.continuity ? rules.w_continuity : 0);
}

}  // namespace detail

namespace {

// The building of a dorm code: the roster's building, else the text before the last '-'.
std::string building_of(std::string_view code, const std::map<std::string, const roster::DormRow*>& roster_dorms) {
  if (auto it = roster_dorms.find(std::string(code)); it != roster_dorms.end()) {
    return it->second->dorm.building;
  }
  auto dash = code.rfind('-');
  return std::string(dash == std::string_view::npos ? code : code.substr(0, dash));
}

// The most common value; a tie goes to the smallest in byte order.
std::string most_common(const std::vector<std::string>& values) {
  std::map<std::string, int> counts;
  for (const auto& value : values) ++counts[value];
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : counts) {
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

// One dorm in scope from its residents and its dorms-roster row (whose facts override).
// REQUIREMENTS §1: a mixed dorm counts as its highest grade and its most common major.
Dorm make_dorm(const std::string& code, const std::vector<const roster::StudentRow*>& residents,
               const roster::DormRow* row, const Semester& semester) {
  Dorm dorm;
  dorm.code = code;
  dorm.residents = static_cast<int>(residents.size());
  int women = 0;
  int min_cohort = residents.front()->facts.cohort;
  std::vector<std::string> majors;
  for (const auto* student : residents) {
    if (student->facts.gender == Gender::female) ++women;
    min_cohort = std::min(min_cohort, student->facts.cohort);
    majors.push_back(student->facts.major);
  }
  dorm.gender = 2 * women >= dorm.residents ? Gender::female : Gender::male;
  dorm.grade = year_of_study(min_cohort, semester);
  dorm.major = most_common(majors);
  if (row) {
    if (row->facts.gender) dorm.gender = *row->facts.gender;
    if (row->facts.cohort) dorm.grade = year_of_study(*row->facts.cohort, semester);
    if (row->facts.major) dorm.major = *row->facts.major;
  }
  return dorm;
}

// Members, candidates too when allowed, current students only, minus the excluded ids.
bool takes_dorms(const roster::StudentRow& student, const BuildOptions& options) {
  if (options.excluded.count(student.student_id)) return false;
  return is_member(student.facts.status) ||
         (options.candidates_take_dorms && student.facts.status == PoliticalStatus::candidate);
}

// A student as a member who takes dorms: grade in the semester, the building they live in.
Member make_member(const roster::StudentRow& student, const std::map<std::string, const roster::DormRow*>& roster_dorms,
                   const Semester& semester) {
  return Member{student.student_id,   student.facts.name,
                student.facts.gender, year_of_study(student.facts.cohort, semester),
                student.facts.major,  student.facts.dorm.empty() ? "" : building_of(student.facts.dorm, roster_dorms),
                student.facts.branch};
}

bool by_id(const Member& a, const Member& b) { return a.id < b.id; }

}  // namespace

Instance build_instance(const roster::Snapshot& snapshot, const Semester& semester, const BuildOptions& options) {
  std::map<std::string, const roster::DormRow*> roster_dorms;
  for (const auto& row : snapshot.dorms) roster_dorms[row.dorm.code()] = &row;
  std::map<std::string, std::vector<const roster::StudentRow*>> residents;
  Instance instance;
  instance.rules = options.rules;
  for (const auto& student : snapshot.students) {
    if (!student.facts.dorm.empty()) residents[student.facts.dorm].push_back(&student);
    if (takes_dorms(student, options)) {
      instance.members.push_back(make_member(student, roster_dorms, semester));
    } else if (student.facts.status == PoliticalStatus::candidate && !options.excluded.count(student.student_id)) {
      instance.candidates_left_out.push_back(make_member(student, roster_dorms, semester));
    }
  }
  std::sort(instance.members.begin(), instance.members.end(), by_id);
  std::sort(instance.candidates_left_out.begin(), instance.candidates_left_out.end(), by_id);
  std::set<std::string> member_ids;
  for (const auto& member : instance.members) member_ids.insert(member.id);
  for (const auto& [code, people] : residents) {
    auto row = roster_dorms.find(code);
    Dorm dorm = make_dorm(code, people, row == roster_dorms.end() ? nullptr : row->second, semester);
    dorm.building = building_of(code, roster_dorms);
    if (auto prev = options.previous.find(code); prev != options.previous.end() && member_ids.count(prev->second)) {
      dorm.previous_member = prev->second;
    }
    instance.dorms.push_back(std::move(dorm));
  }
  return instance;
}

}  // namespace dormlink::assign
