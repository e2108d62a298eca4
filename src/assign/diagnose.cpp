// Why an instance has no assignment: Hall-type counts per gender and grade group naming the
// dorms and members they count, dorms no member can take, broken pins; then the suggestions
// that src/assign/relax.cpp verified by solving. Deterministic text.

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagnose.hpp"
#include "flow.hpp"
#include "messages.hpp"

namespace dormlink::assign {

std::string detail::grade_span(int low, int high) {
  if (low == high) return msg::grade_one(low);
  return msg::grade_range(low, high);
}

const char* detail::plural(long long n) { return n == 1 ? "" : "s"; }

std::string detail::bounded(const std::vector<std::string>& items) {
  if (items.empty()) return msg::none();
  constexpr std::size_t k_shown = 10;
  std::size_t shown = std::min(items.size(), k_shown);
  const char* separator = msg::list_separator(message_language());
  auto list =
      fmt::format("{}", fmt::join(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(shown), separator));
  return items.size() > shown ? msg::and_more(list, items.size() - shown) : list;
}

namespace {

using detail::bounded;
using detail::grade_span;
using detail::plural;

const char* gender_name(Gender gender) {
  return (gender == Gender::female ? msg::women : msg::men)(message_language());
}

// The English verb of a count ("1 dorm needs", "2 dorms need"); Chinese leaves it out.
const char* need(long long n) { return n == 1 ? "needs" : "need"; }

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

// The dorms and members a count is about: one gender, dorm grades in any of the ranges,
// member grades in one range.
struct Involved {
  Gender gender = Gender::female;
  std::vector<std::pair<int, int>> dorm_grades;
  std::pair<int, int> member_grades;
};

// One count that rules every assignment out, and whom it involves.
struct Finding {
  std::string text;
  Involved involved;
};

constexpr int k_any_grade = 1000;  // above every year of study

// REQUIREMENTS §1 "高年级学生寝室由同年级学生党员负责联系": senior dorms need their own grade.
void senior_capacity(const GenderCounts& c, const Rules& rules, std::vector<Finding>& out) {
  for (const auto& [grade, dorms] : c.dorms) {
    if (grade < rules.senior_from_grade) continue;
    long long members = c.members_in(grade, grade);
    if (dorms <= members * rules.max_dorms) continue;
    const char* g = gender_name(c.gender);
    out.push_back({msg::senior_capacity(g, grade, dorms, plural(dorms), need(dorms), grade, g, members, plural(members),
                                        members * rules.max_dorms),
                   {c.gender, {{grade, grade}}, {grade, grade}}});
  }
}

// Junior dorms of grade >= j need members of grade >= j, whose senior members first take the
// senior dorms of their own grade; counted from the highest junior grade down.
void junior_capacity(const GenderCounts& c, const Rules& rules, std::vector<Finding>& out) {
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
    const char* g = gender_name(c.gender);
    const auto& text = seniors_busy ? msg::junior_capacity_after_seniors : msg::junior_capacity;
    out.push_back(
        {text(g, grade_span(low, highest), dorms, plural(dorms), need(dorms), g, low, members, plural(members), room),
         {c.gender, {{low, highest}}, {low, k_any_grade}}});
  }
}

// Junior members of grade <= k can only take dorms of grade <= k; from the lowest grade up.
void junior_demand(const GenderCounts& c, const Rules& rules, std::vector<Finding>& out) {
  auto first = c.members.begin();
  if (first == c.members.end() || first->first >= rules.senior_from_grade) return;
  long long reported = 0;
  for (auto it = first; it != c.members.end() && it->first < rules.senior_from_grade; ++it) {
    long long members = c.members_in(first->first, it->first);
    long long dorms = c.dorms_in(0, it->first);
    if (members * rules.min_dorms - dorms <= reported) continue;
    reported = members * rules.min_dorms - dorms;
    const char* g = gender_name(c.gender);
    const long long needed = members * rules.min_dorms;
    out.push_back({msg::junior_demand(g, grade_span(first->first, it->first), members, plural(members), need(members),
                                      needed, plural(needed), dorms, g, plural(dorms), it->first),
                   {c.gender, {{0, it->first}}, {first->first, it->first}}});
  }
}

// Members who cannot reach min_dorms: a senior grade alone, junior grades cumulatively from
// the lowest up, and the whole gender.
void member_demand(const GenderCounts& c, const Rules& rules, std::vector<Finding>& out) {
  const char* g = gender_name(c.gender);
  long long junior_dorms = c.dorms_in(0, rules.senior_from_grade - 1);
  std::size_t before = out.size();
  for (const auto& [grade, members] : c.members) {
    if (grade < rules.senior_from_grade) continue;
    long long own = c.dorms_in(grade, grade);
    if (members * rules.min_dorms <= own + junior_dorms) continue;
    const long long needed = members * rules.min_dorms;
    out.push_back({msg::senior_demand(g, grade, members, plural(members), need(members), needed, plural(needed), own,
                                      grade, g, plural(own), junior_dorms, g, plural(junior_dorms)),
                   {c.gender, {{grade, grade}, {0, rules.senior_from_grade - 1}}, {grade, grade}}});
  }
  junior_demand(c, rules, out);
  long long members = c.members_in(0, k_any_grade);
  long long dorms = c.dorms_in(0, k_any_grade);
  if (out.size() == before && members * rules.min_dorms > dorms) {
    const long long needed = members * rules.min_dorms;
    out.push_back({msg::gender_demand(g, members, plural(members), need(members), needed, plural(needed), dorms, g,
                                      plural(dorms)),
                   {c.gender, {{0, k_any_grade}}, {0, k_any_grade}}});
  }
}

// Every count of both genders under the given rules; empty when the counts leave room (they
// are necessary conditions: a count that fails rules every assignment out).
std::vector<Finding> count_shortfalls(const std::vector<GenderCounts>& counts, const Rules& rules) {
  std::vector<Finding> out;
  for (const GenderCounts& c : counts) {
    senior_capacity(c, rules, out);
    junior_capacity(c, rules, out);
    member_demand(c, rules, out);
  }
  return out;
}

// The finding's text followed by the dorms (codes) and members (id and name) it counts.
std::string named(const Instance& instance, const Finding& finding) {
  const Involved& who = finding.involved;
  auto in = [](int grade, std::pair<int, int> range) { return range.first <= grade && grade <= range.second; };
  std::vector<std::string> dorms;
  for (const Dorm& dorm : instance.dorms) {
    if (dorm.gender != who.gender) continue;
    if (std::any_of(who.dorm_grades.begin(), who.dorm_grades.end(), [&](auto r) { return in(dorm.grade, r); })) {
      dorms.push_back(dorm.code);
    }
  }
  std::vector<std::string> members;
  for (const Member& member : instance.members) {
    if (member.gender == who.gender && in(member.grade, who.member_grades)) {
      members.push_back(member.name.empty() ? member.id : fmt::format("{} {}", member.id, member.name));
    }
  }
  return msg::named(finding.text, bounded(dorms), bounded(members));
}

// Why a pinned pair breaks H3-H5, in words.
std::string incompatibility(const Member& member, const Dorm& dorm) {
  if (member.gender != dorm.gender) {
    return member.gender == Gender::female ? msg::female_for_male() : msg::male_for_female();
  }
  if (member.grade < dorm.grade) return msg::lower_grade(member.grade, dorm.grade);
  return msg::senior_needs_own_grade(member.grade, dorm.grade, dorm.grade);
}

// One pin's problem, or nothing when the pin alone is sound.
std::optional<std::string> pin_problem(const Instance& instance, const detail::IdIndex& index,
                                       const std::set<std::pair<std::size_t, std::size_t>>& forbidden,
                                       const IdPair& pin) {
  auto m = index.member(pin.first);
  auto d = index.dorm(pin.second);
  if (!m) return msg::pin_no_member(pin.first, pin.second, pin.first);
  if (!d) return msg::pin_no_dorm(pin.first, pin.second, pin.second);
  const Member& member = instance.members[*m];
  const Dorm& dorm = instance.dorms[*d];
  if (!compatible(member, dorm, instance.rules)) {
    return msg::pin_incompatible(pin.first, pin.second, incompatibility(member, dorm));
  }
  if (forbidden.count({*m, *d})) return msg::pin_forbidden(pin.first, pin.second);
  return std::nullopt;
}

}  // namespace

namespace detail {

// Pins that are broken alone, dorms pinned twice, members pinned beyond max_dorms: the
// findings that say so, and the pins they name.
PinCheck check_pins(const Instance& instance) {
  detail::IdIndex index(instance);
  auto forbidden = detail::forbidden_pairs(instance, index);
  PinCheck out;
  std::map<std::string, std::set<std::string>> by_dorm;
  std::map<std::string, std::set<std::string>> by_member;
  for (const IdPair& pin : instance.pins) {
    if (auto problem = pin_problem(instance, index, forbidden, pin)) {
      out.findings.push_back(*problem);
      out.broken.insert(pin);
    }
    by_dorm[pin.second].insert(pin.first);
    by_member[pin.first].insert(pin.second);
  }
  for (const auto& [code, ids] : by_dorm) {
    if (ids.size() < 2) continue;
    out.findings.push_back(
        msg::dorm_pinned_twice(code, ids.size(), fmt::join(ids, msg::list_separator(message_language()))));
    for (const auto& id : ids) out.broken.insert({id, code});
  }
  for (const auto& [id, codes] : by_member) {
    if (static_cast<long long>(codes.size()) <= instance.rules.max_dorms) continue;
    out.findings.push_back(msg::member_pinned_over(id, codes.size(), instance.rules.max_dorms));
    for (const auto& code : codes) out.broken.insert({id, code});
  }
  return out;
}

}  // namespace detail

namespace {

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
    findings.push_back(msg::nobody_can_take(gender_name(group.first), group.second, bounded(codes)));
  }
  return findings;
}

// "pins a:b, c:d" for the generic finding.
std::string pair_list(const Message& label, std::vector<IdPair> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::string> texts;
  for (const auto& [id, code] : pairs) texts.push_back(fmt::format("{}:{}", id, code));
  return label(fmt::join(texts, msg::list_separator(message_language())));
}

// When every count leaves room: name the pins and forbids that may be to blame.
std::string generic_finding(const Instance& instance) {
  if (instance.pins.empty() && instance.forbids.empty()) return msg::counts_leave_room();
  std::vector<std::string> parts;
  if (!instance.pins.empty()) parts.push_back(pair_list(msg::pins_list, instance.pins));
  if (!instance.forbids.empty()) parts.push_back(pair_list(msg::forbids_list, instance.forbids));
  return msg::counts_leave_room_pins(fmt::join(parts, msg::part_separator(message_language())));
}

}  // namespace

bool detail::counts_leave_room(const Instance& instance, const Rules& rules) {
  return count_shortfalls(count_groups(instance), rules).empty();
}

Diagnosis diagnose(const Instance& instance, const RuleLimits& limits) {
  Diagnosis out;
  if (detail::run_flow(instance, {}).feasible) return out;
  const Rules& rules = instance.rules;
  if (rules.min_dorms > rules.max_dorms) {
    out.findings.push_back(msg::min_above_max(rules.min_dorms, rules.max_dorms));
  }
  for (const Finding& finding : count_shortfalls(count_groups(instance), rules)) {
    out.findings.push_back(named(instance, finding));
  }
  for (auto& finding : orphan_findings(instance)) out.findings.push_back(std::move(finding));
  auto pins = detail::check_pins(instance);
  out.findings.insert(out.findings.end(), pins.findings.begin(), pins.findings.end());
  if (out.findings.empty()) out.findings.push_back(generic_finding(instance));
  auto verified = detail::verified_suggestions(instance, limits);
  out.suggestions = std::move(verified.suggestions);
  if (!verified.nothing_helps.empty()) out.findings.push_back(verified.nothing_helps);
  return out;
}

}  // namespace dormlink::assign
