// Why an instance has no assignment: Hall-type counts per gender and grade group, dorms no
// member can take, broken pins, and the relaxations that would help. Deterministic text.

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "flow.hpp"

namespace dormlink::assign {
namespace {

std::string_view gender_name(Gender gender) { return gender == Gender::female ? "women" : "men"; }

// "grade-2" or "grade-1 to grade-2".
std::string grade_span(int low, int high) {
  if (low == high) return fmt::format("grade-{}", low);
  return fmt::format("grade-{} to grade-{}", low, high);
}

// "1 dorm", "2 dorms".
std::string count_of(long long n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string_view need(long long n) { return n == 1 ? "needs" : "need"; }

// How many members and dorms of one gender there are per grade.
struct GenderCounts {
  Gender gender = Gender::female;
  std::map<int, long long> members;
  std::map<int, long long> dorms;

  long long members_in(int low, int high) const { return sum(members, low, high); }
  long long dorms_in(int low, int high) const { return sum(dorms, low, high); }

 private:
  static long long sum(const std::map<int, long long>& counts, int low, int high) {
    long long total = 0;
    for (auto it = counts.lower_bound(low); it != counts.end() && it->first <= high; ++it) total += it->second;
    return total;
  }
};

std::vector<GenderCounts> count_groups(const Instance& instance) {
  std::vector<GenderCounts> counts{{Gender::female, {}, {}}, {Gender::male, {}, {}}};
  auto at = [&](Gender gender) -> GenderCounts& { return counts[gender == Gender::female ? 0 : 1]; };
  for (const Member& member : instance.members) ++at(member.gender).members[member.grade];
  for (const Dorm& dorm : instance.dorms) ++at(dorm.gender).dorms[dorm.grade];
  return counts;
}

// What the counting found, kept apart so that relaxed rules can be counted again.
struct Shortfalls {
  std::vector<std::string> findings;
  std::vector<int> senior_grades;  // senior dorm grades without enough members
  bool capacity = false;           // dorms outnumber what members can take
  bool demand = false;             // members cannot reach min_dorms
};

// REQUIREMENTS §1 "高年级学生寝室由同年级学生党员负责联系": senior dorms need their own grade.
void senior_capacity(const GenderCounts& c, const Rules& rules, Shortfalls& out) {
  for (const auto& [grade, dorms] : c.dorms) {
    if (grade < rules.senior_from_grade) continue;
    long long members = c.members_in(grade, grade);
    if (dorms <= members * rules.max_dorms) continue;
    out.findings.push_back(fmt::format(
        "{}, grade-{} dorms: {} {} grade-{} {} members; {} can take at most {}", gender_name(c.gender),
        grade, count_of(dorms, "dorm"), need(dorms), grade, gender_name(c.gender),
        count_of(members, "such member"), members * rules.max_dorms));
    out.senior_grades.push_back(grade);
    out.capacity = true;
  }
}

// Junior dorms of grade >= j need members of grade >= j, whose senior members first take the
// senior dorms of their own grade; counted from the highest junior grade down.
void junior_capacity(const GenderCounts& c, const Rules& rules, Shortfalls& out) {
  auto junior_top = c.dorms.lower_bound(rules.senior_from_grade);
  if (junior_top == c.dorms.begin()) return;
  int highest = std::prev(junior_top)->first;
  long long reported = 0;
  for (auto it = std::make_reverse_iterator(junior_top); it != c.dorms.rend(); ++it) {
    int low = it->first;
    long long dorms = c.dorms_in(low, highest);
    long long members = 0;
    long long room = 0;
    bool seniors_busy = false;
    for (auto m = c.members.lower_bound(low); m != c.members.end(); ++m) {
      long long senior_dorms = m->first >= rules.senior_from_grade ? c.dorms_in(m->first, m->first) : 0;
      members += m->second;
      room += std::max(0LL, m->second * rules.max_dorms - senior_dorms);
      seniors_busy = seniors_busy || (senior_dorms > 0 && m->second > 0);
    }
    if (dorms - room <= reported) continue;
    reported = dorms - room;
    out.findings.push_back(fmt::format(
        "{}, {} dorms: {} {} {} members of grade {} or above; {} can take at most {}{}",
        gender_name(c.gender), grade_span(low, highest), count_of(dorms, "dorm"), need(dorms),
        gender_name(c.gender), low, count_of(members, "such member"), room,
        seniors_busy ? " after the senior dorms of their own grade" : ""));
    out.capacity = true;
  }
}

// Junior members of grade <= k can only take dorms of grade <= k; from the lowest grade up.
void junior_demand(const GenderCounts& c, const Rules& rules, Shortfalls& out) {
  auto first = c.members.begin();
  if (first == c.members.end() || first->first >= rules.senior_from_grade) return;
  long long reported = 0;
  for (auto it = first; it != c.members.end() && it->first < rules.senior_from_grade; ++it) {
    long long members = c.members_in(first->first, it->first);
    long long dorms = c.dorms_in(0, it->first);
    if (members * rules.min_dorms - dorms <= reported) continue;
    reported = members * rules.min_dorms - dorms;
    out.findings.push_back(fmt::format(
        "{}, {} members: {} {} at least {}; only {} of grade {} or below can take them",
        gender_name(c.gender), grade_span(first->first, it->first), count_of(members, "member"),
        need(members), count_of(members * rules.min_dorms, "dorm"),
        count_of(dorms, fmt::format("{} dorm", gender_name(c.gender))), it->first));
  }
}

// Members who cannot reach min_dorms: a senior grade alone, junior grades cumulatively from
// the lowest up, and the whole gender.
void member_demand(const GenderCounts& c, const Rules& rules, Shortfalls& out) {
  const std::string_view g = gender_name(c.gender);
  long long junior_dorms = c.dorms_in(0, rules.senior_from_grade - 1);
  std::size_t before = out.findings.size();
  for (const auto& [grade, members] : c.members) {
    if (grade < rules.senior_from_grade) continue;
    long long own = c.dorms_in(grade, grade);
    if (members * rules.min_dorms <= own + junior_dorms) continue;
    out.findings.push_back(fmt::format(
        "{}, grade-{} members: {} {} at least {}; only {} and {} can take them", g, grade,
        count_of(members, "member"), need(members), count_of(members * rules.min_dorms, "dorm"),
        count_of(own, fmt::format("grade-{} {} dorm", grade, g)),
        count_of(junior_dorms, fmt::format("junior {} dorm", g))));
  }
  junior_demand(c, rules, out);
  long long members = c.members_in(0, 1000);
  long long dorms = c.dorms_in(0, 1000);
  if (out.findings.size() == before && members * rules.min_dorms > dorms) {
    out.findings.push_back(fmt::format("{} members: {} {} at least {}; only {} exist", g,
                                       count_of(members, "member"), need(members),
                                       count_of(members * rules.min_dorms, "dorm"),
                                       count_of(dorms, fmt::format("{} dorm", g))));
  }
  out.demand = out.demand || out.findings.size() > before;
}

// Every count of both genders under the given rules.
Shortfalls count_shortfalls(const std::vector<GenderCounts>& counts, const Rules& rules) {
  Shortfalls out;
  for (const GenderCounts& c : counts) {
    senior_capacity(c, rules, out);
    junior_capacity(c, rules, out);
    member_demand(c, rules, out);
  }
  return out;
}

// Why a pinned pair breaks H3-H5, in words.
std::string incompatibility(const Member& member, const Dorm& dorm) {
  if (member.gender != dorm.gender) {
    auto word = [](Gender gender) { return gender == Gender::female ? "female" : "male"; };
    return fmt::format("a {} member for a {} dorm", word(member.gender), word(dorm.gender));
  }
  if (member.grade < dorm.grade) {
    return fmt::format("a grade-{} member for a grade-{} dorm", member.grade, dorm.grade);
  }
  return fmt::format("a grade-{} member for a senior grade-{} dorm, which needs a grade-{} member",
                     member.grade, dorm.grade, dorm.grade);
}

// One pin's problem, or nothing when the pin alone is sound.
std::optional<std::string> pin_problem(const Instance& instance, const detail::IdIndex& index,
                                       const std::set<std::pair<std::size_t, std::size_t>>& forbidden,
                                       const IdPair& pin) {
  auto m = index.member(pin.first);
  auto d = index.dorm(pin.second);
  std::string name = fmt::format("pin {}:{}", pin.first, pin.second);
  if (!m) return fmt::format("{}: no member {} in scope", name, pin.first);
  if (!d) return fmt::format("{}: no dorm {} in scope (a dorm needs a current resident)", name, pin.second);
  const Member& member = instance.members[*m];
  const Dorm& dorm = instance.dorms[*d];
  if (!compatible(member, dorm, instance.rules)) {
    return fmt::format("{}: {}", name, incompatibility(member, dorm));
  }
  if (forbidden.count({*m, *d})) return fmt::format("{} is also forbidden", name);
  return std::nullopt;
}

// Pins that are broken alone, dorms pinned twice, members pinned beyond max_dorms.
std::vector<std::string> pin_findings(const Instance& instance) {
  detail::IdIndex index(instance);
  auto forbidden = detail::forbidden_pairs(instance, index);
  std::vector<std::string> findings;
  std::map<std::string, std::set<std::string>> by_dorm;
  std::map<std::string, std::set<std::string>> by_member;
  for (const IdPair& pin : instance.pins) {
    if (auto problem = pin_problem(instance, index, forbidden, pin)) findings.push_back(*problem);
    by_dorm[pin.second].insert(pin.first);
    by_member[pin.first].insert(pin.second);
  }
  for (const auto& [code, ids] : by_dorm) {
    if (ids.size() < 2) continue;
    findings.push_back(fmt::format("dorm {} is pinned to {} members: {}", code, ids.size(),
                                   fmt::join(ids, ", ")));
  }
  for (const auto& [id, codes] : by_member) {
    if (static_cast<long long>(codes.size()) <= instance.rules.max_dorms) continue;
    findings.push_back(fmt::format("member {} is pinned to {} dorms; max_dorms is {}", id, codes.size(),
                                   instance.rules.max_dorms));
  }
  return findings;
}

// Dorms that no member is compatible with, named per gender and grade (ten codes at most).
std::vector<std::string> orphan_findings(const Instance& instance) {
  std::map<std::pair<Gender, int>, std::vector<std::string>> orphans;
  for (const Dorm& dorm : instance.dorms) {
    bool taken = std::any_of(instance.members.begin(), instance.members.end(),
                             [&](const Member& m) { return compatible(m, dorm, instance.rules); });
    if (!taken) orphans[{dorm.gender, dorm.grade}].push_back(dorm.code);
  }
  std::vector<std::string> findings;
  for (auto& [group, codes] : orphans) {
    std::size_t shown = std::min<std::size_t>(codes.size(), 10);
    std::string more = codes.size() > shown ? fmt::format(" and {} more", codes.size() - shown) : "";
    findings.push_back(fmt::format("no member can take {}, grade-{} dorms {}{}", gender_name(group.first),
                                   group.second, fmt::join(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(shown), ", "), more));
  }
  return findings;
}

// "pins a:b, c:d" for the generic finding.
std::string pair_list(std::string_view label, std::vector<IdPair> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::string> texts;
  for (const auto& [id, code] : pairs) texts.push_back(fmt::format("{}:{}", id, code));
  return fmt::format("{} {}", label, fmt::join(texts, ", "));
}

// When every count leaves room: name the pins and forbids that may be to blame.
std::string generic_finding(const Instance& instance) {
  const std::string lead = "the counts per gender and grade leave room, yet no assignment";
  if (instance.pins.empty() && instance.forbids.empty()) {
    return lead + " gives every member between min_dorms and max_dorms dorms at once";
  }
  std::vector<std::string> parts;
  if (!instance.pins.empty()) parts.push_back(pair_list("pins", instance.pins));
  if (!instance.forbids.empty()) parts.push_back(pair_list("forbids", instance.forbids));
  return fmt::format("{} meets these pins and forbids together: {}", lead, fmt::join(parts, "; "));
}

// The relaxations that the counts say would help, each checked by counting again.
std::vector<std::string> suggestions(const Instance& instance, const std::vector<GenderCounts>& counts,
                                     const Shortfalls& found, bool pins_broken) {
  std::vector<std::string> out;
  Rules rules = instance.rules;
  const int most = rules.max_dorms + static_cast<int>(instance.dorms.size());
  for (rules.max_dorms = instance.rules.max_dorms + 1; found.capacity && rules.max_dorms <= most; ++rules.max_dorms) {
    if (count_shortfalls(counts, rules).capacity) continue;
    out.push_back(fmt::format("raise max_dorms to {} (assignment.max_dorms = {})", rules.max_dorms, rules.max_dorms));
    break;
  }
  if (found.capacity && instance.candidates_left_out > 0) {
    out.push_back(fmt::format("include candidates (assignment.candidates_take_dorms = true): {} candidates are left out",
                              instance.candidates_left_out));
  }
  if (!found.senior_grades.empty()) {
    int grade = *std::max_element(found.senior_grades.begin(), found.senior_grades.end()) + 1;
    out.push_back(fmt::format("relax H5 (senior_from_grade = {})", grade));
  }
  rules = instance.rules;
  for (rules.min_dorms = instance.rules.min_dorms - 1; found.demand && rules.min_dorms >= 0; --rules.min_dorms) {
    if (count_shortfalls(counts, rules).demand) continue;
    out.push_back(fmt::format("lower min_dorms to {} (assignment.min_dorms = {})", rules.min_dorms, rules.min_dorms));
    break;
  }
  if (pins_broken) out.push_back("correct or drop the pins named above");
  return out;
}

}  // namespace

Diagnosis diagnose(const Instance& instance) {
  Diagnosis out;
  if (detail::run_flow(instance, {}).feasible) return out;
  const Rules& rules = instance.rules;
  if (rules.min_dorms > rules.max_dorms) {
    out.findings.push_back(fmt::format("min_dorms {} is greater than max_dorms {}", rules.min_dorms, rules.max_dorms));
  }
  auto counts = count_groups(instance);
  Shortfalls found = count_shortfalls(counts, rules);
  out.findings.insert(out.findings.end(), found.findings.begin(), found.findings.end());
  for (auto& finding : orphan_findings(instance)) out.findings.push_back(std::move(finding));
  auto pins = pin_findings(instance);
  out.findings.insert(out.findings.end(), pins.begin(), pins.end());
  if (out.findings.empty()) out.findings.push_back(generic_finding(instance));
  out.suggestions = suggestions(instance, counts, found, !pins.empty());
  return out;
}

}  // namespace dormlink::assign
