// 培养入党积极分子 counted (docs/studio.md §1): activists per dorm on the evaluation date, the
// months of the requirement, the cultivation and education records. Rendered by
// cultivation_render.cpp (the feedback form's section) and assessment_marks_render.cpp.
#include "dormlink/report/cultivation.hpp"

#include <algorithm>
#include <map>

#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {
namespace {

using std::chrono::days;

Date earlier(Date a, Date b) { return to_days(a) < to_days(b) ? a : b; }

// The pairs (dorm, member) of the assignment version in force on `on`; empty when none.
const std::vector<std::pair<int, int>>* pairs_on(const check::CheckInput& input, Date on) {
  const std::vector<std::pair<int, int>>* pairs = nullptr;
  for (const auto& v : input.assignments)
    if (to_days(v.valid_from) <= to_days(on)) pairs = &v.pairs;
  return pairs;
}

bool lives_on(const check::Residence& r, Date on) {
  return to_days(r.from) <= to_days(on) && (!r.to || to_days(on) < to_days(*r.to));
}

// The day the person moved into the dorm they live in on `on`: stretches of the same dorm
// that follow each other without a gap are one stay.
Date moved_in(const check::CheckInput& input, const check::Residence& stay) {
  Date from = stay.from;
  for (bool found = true; found;) {
    found = false;
    for (const auto& r : input.residences) {
      if (r.person != stay.person || r.dorm != stay.dorm || !r.to || to_days(*r.to) != to_days(from)) continue;
      if (to_days(r.from) >= to_days(from)) continue;
      from = r.from;
      found = true;
    }
  }
  return from;
}

struct Counts {
  std::map<int, int> cultivation_of_student;   // person -> cultivation records naming them
  std::map<int, std::pair<int, int>> of_dorm;  // dorm -> (cultivation, education)
  std::map<int, int> education_of_member;      // person -> education records made
};

Counts count_records(const CultivationInput& in, Date on) {
  Counts c;
  for (const auto& r : in.records) {
    if (to_days(r.day) > to_days(on)) continue;
    if (r.dorm >= 0) ++(r.education ? c.of_dorm[r.dorm].second : c.of_dorm[r.dorm].first);
    if (r.education) {
      if (r.member >= 0) ++c.education_of_member[r.member];
      continue;
    }
    auto students = r.students;
    std::sort(students.begin(), students.end());
    students.erase(std::unique(students.begin(), students.end()), students.end());
    for (int s : students) ++c.cultivation_of_student[s];
  }
  return c;
}

int count_of(const std::map<int, int>& counts, int key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

DormCultivation dorm_entry(const CultivationInput& in, const std::vector<bool>& activist, const Counts& counts,
                           int dorm, Date on) {
  const auto& input = *in.check;
  DormCultivation d;
  d.dorm = input.dorms[static_cast<std::size_t>(dorm)];
  if (const auto it = counts.of_dorm.find(dorm); it != counts.of_dorm.end()) {
    d.cultivation = it->second.first;
    d.education = it->second.second;
  }
  std::vector<int> seen;
  for (const auto& r : input.residences) {
    const auto person = static_cast<std::size_t>(r.person);
    if (r.dorm != dorm || person >= activist.size() || !activist[person] || !lives_on(r, on)) continue;
    if (std::find(seen.begin(), seen.end(), r.person) != seen.end()) continue;
    seen.push_back(r.person);
    const auto& p = input.people[person];
    ActivistProgress a{p.id, p.name, 0, 0, count_of(counts.cultivation_of_student, r.person)};
    a.months = static_cast<int>(duty_months(input.semester, moved_in(input, r), on).size());
    a.required = in.per_month * a.months;
    d.activists.push_back(std::move(a));
  }
  std::sort(d.activists.begin(), d.activists.end(), [](const ActivistProgress& x, const ActivistProgress& y) {
    const int c = util::compare_pinyin(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  });
  return d;
}

}  // namespace

const MemberCultivation* Cultivation::find(const std::string& member_id) const {
  for (const auto& m : members)
    if (m.id == member_id) return &m;
  return nullptr;
}

std::vector<std::chrono::year_month> duty_months(const Semester& semester, Date from, Date on) {
  std::vector<std::chrono::year_month> months;
  for (int week = 1; week <= semester.teaching_weeks; ++week) {
    if (!semester.has_duties(week)) continue;
    const auto monday = to_days(semester.first_monday) + days{7 * (week - 1)};
    const auto sunday = monday + days{6};
    if (monday > to_days(on) || sunday < to_days(from)) continue;
    const Date d{monday};
    const std::chrono::year_month month{d.year(), d.month()};
    if (months.empty() || months.back() != month) months.push_back(month);
  }
  return months;
}

Cultivation build_cultivation(const CultivationInput& in) {
  Cultivation out;
  out.per_month = in.per_month;
  out.enabled = in.per_month > 0;
  const auto& input = *in.check;
  out.on = earlier(in.as_of, input.semester.last_day());
  if (!out.enabled) return out;
  const auto* pairs = pairs_on(input, out.on);
  if (pairs == nullptr) return out;
  std::vector<bool> activist(input.people.size(), false);
  for (int a : in.activists)
    if (a >= 0 && static_cast<std::size_t>(a) < activist.size()) activist[static_cast<std::size_t>(a)] = true;
  const Counts counts = count_records(in, out.on);
  std::map<int, std::vector<int>> dorms_of;  // member -> dorms (pairs are sorted by dorm)
  for (const auto& [dorm, member] : *pairs) dorms_of[member].push_back(dorm);
  for (const auto& [member, dorms] : dorms_of) {
    MemberCultivation m;
    m.member = member;
    m.id = input.people[static_cast<std::size_t>(member)].id;
    m.per_month = in.per_month;
    m.on = out.on;
    m.education = count_of(counts.education_of_member, member);
    for (int dorm : dorms) {
      auto d = dorm_entry(in, activist, counts, dorm, out.on);
      for (const auto& a : d.activists) {
        ++m.activists;
        m.required += a.required;
        m.done += std::min(a.done, a.required);
      }
      m.dorms.push_back(std::move(d));
    }
    out.members.push_back(std::move(m));
  }
  std::sort(out.members.begin(), out.members.end(),
            [](const MemberCultivation& a, const MemberCultivation& b) { return a.id < b.id; });
  return out;
}

MemberCultivation shown_cultivation(MemberCultivation member, const Privacy& privacy) {
  if (privacy.audience != Audience::committee) return member;
  for (auto& d : member.dorms) {
    for (auto& a : d.activists) {
      a.id.clear();
      a.name.clear();
    }
  }
  return member;
}

}  // namespace dormlink::report
