// The suggestions of an infeasible instance's diagnosis, each verified by solving the instance
// with the change (the same exact min-cost flow as solve, with the same pins, forbids and
// exclusions): a count that leaves room is not proof (docs/assign.md "When no assignment
// exists"). Deterministic: a fixed order of changes, binary searches, a fixed solve budget.

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagnose.hpp"
#include "flow.hpp"
#include "messages.hpp"

namespace dormlink::assign {
namespace {

// What a suggestion may change, in the order suggestions are tried and printed.
enum Knob : std::size_t { k_max_dorms, k_candidates, k_senior_from_grade, k_min_dorms, k_pins, k_knobs };

// How far each knob moves from the instance's own rules, always towards looser (max_dorms and
// senior_from_grade up, min_dorms down; candidates and pins 0 or 1). A larger move of max_dorms,
// senior_from_grade, min_dorms or pins never removes an assignment, so a binary search finds
// the smallest move that still solves. Candidates are not monotone: they bring demand too.
using Steps = std::array<int, k_knobs>;

// Solver runs one diagnosis may spend; a change it could not verify is never suggested.
constexpr int k_max_solves = 48;

enum class Verdict { feasible, infeasible, unknown };

// The instance with the suggestion's rules and candidates, without the `broken` pins.
Instance relaxed_with(const Instance& instance, const Suggestion& suggestion, const std::set<IdPair>& broken) {
  Instance out = instance;
  out.rules = suggestion.rules;
  if (suggestion.include_candidates) {
    out.members.insert(out.members.end(), instance.candidates_left_out.begin(), instance.candidates_left_out.end());
    std::sort(out.members.begin(), out.members.end(), [](const Member& a, const Member& b) { return a.id < b.id; });
    out.candidates_left_out.clear();
  }
  if (suggestion.drop_broken_pins) {
    std::erase_if(out.pins, [&](const IdPair& pin) { return broken.count(pin) > 0; });
  }
  return out;
}

// Finds, verifies and words the suggestions of one infeasible instance.
class Relaxer {
 public:
  Relaxer(const Instance& instance, const RuleLimits& limits)
      : m_instance(instance), m_broken(detail::check_pins(instance).broken) {
    const Rules& r = instance.rules;
    int top_grade = 0;
    for (const Dorm& dorm : instance.dorms) top_grade = std::max(top_grade, dorm.grade);
    // Above the highest dorm grade no dorm is senior: a higher value changes nothing.
    int senior = std::min(limits.highest_senior_from_grade, top_grade + 1);
    m_most[k_max_dorms] = std::max(0, limits.highest_max_dorms - r.max_dorms);
    m_most[k_candidates] = instance.candidates_left_out.empty() ? 0 : 1;
    m_most[k_senior_from_grade] = std::max(0, senior - r.senior_from_grade);
    m_most[k_min_dorms] = std::max(0, r.min_dorms - limits.lowest_min_dorms);
    m_most[k_pins] = m_broken.empty() ? 0 : 1;
    if (m_most[k_candidates] > 0) {
      Suggestion with;
      with.rules = r;
      with.include_candidates = true;
      m_with_candidates = relaxed_with(instance, with, {});
    }
  }

  // Each change that works alone, at its smallest move; else the smallest combination found
  // from all changes at once; else, when solving proved that nothing helps, the finding.
  detail::Verified run() {
    detail::Verified out;
    for (Knob k : {k_max_dorms, k_candidates, k_senior_from_grade, k_min_dorms, k_pins}) {
      if (m_most[k] == 0) continue;
      Steps steps{};
      steps[k] = m_most[k];
      if (auto move = smallest(steps, k, false)) {
        steps[k] = *move;
        out.suggestions.push_back(suggestion(steps));
      }
    }
    if (!out.suggestions.empty()) return out;
    Steps all = m_most;
    Verdict verdict = check(all);
    if (verdict != Verdict::feasible && all[k_candidates] == 1) {
      // The candidates are members who need min_dorms dorms too: try without them.
      Steps without = all;
      without[k_candidates] = 0;
      Verdict second = check(without);
      if (second == Verdict::feasible) all = without;
      // "Nothing helps" needs both proven infeasible; one unverified (budget spent) stays unknown.
      if (second == Verdict::feasible || verdict == Verdict::infeasible) verdict = second;
    }
    if (verdict == Verdict::feasible) {
      // Candidates first: they are the one change that is not monotone (they add demand as
      // well as room), so each later move is the smallest given the final set of members.
      for (Knob k : {k_candidates, k_max_dorms, k_senior_from_grade, k_min_dorms, k_pins}) {
        if (auto move = smallest(all, k, true)) all[k] = *move;
      }
      out.suggestions.push_back(suggestion(all));
    } else if (verdict == Verdict::infeasible) {
      out.nothing_helps = nothing_helps();
    }
    return out;
  }

 private:
  static Steps moved(Steps steps, Knob knob, int move) {
    steps[knob] = move;
    return steps;
  }

  Rules rules_of(const Steps& steps) const {
    Rules rules = m_instance.rules;
    rules.max_dorms += steps[k_max_dorms];
    rules.senior_from_grade += steps[k_senior_from_grade];
    rules.min_dorms -= steps[k_min_dorms];
    return rules;
  }

  Suggestion suggestion(const Steps& steps) const {
    Suggestion s;
    s.rules = rules_of(steps);
    s.include_candidates = steps[k_candidates] > 0;
    s.drop_broken_pins = steps[k_pins] > 0;
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < k_knobs; ++k) {
      if (steps[k] > 0) parts.push_back(part(s, static_cast<Knob>(k)));
    }
    s.text =
        parts.size() == 1 ? parts.front() : msg::together(fmt::join(parts, msg::part_separator(message_language())));
    return s;
  }

  // The counts per gender and grade leave room (necessary for a solution, and cheap).
  bool counted(const Steps& steps) const {
    Rules rules = rules_of(steps);
    if (rules.min_dorms > rules.max_dorms) return false;
    return detail::counts_leave_room(steps[k_candidates] > 0 ? m_with_candidates : m_instance, rules);
  }

  // Counting first (a failed count is proof); then the exact solver, within the budget.
  Verdict check(const Steps& steps) {
    if (!counted(steps)) return Verdict::infeasible;
    if (m_solves >= k_max_solves) return Verdict::unknown;
    ++m_solves;
    Instance instance = relaxed_with(m_instance, suggestion(steps), m_broken);
    return detail::run_flow(instance, {}).feasible ? Verdict::feasible : Verdict::infeasible;
  }

  // The smallest move of `knob` up to steps[knob] that solves, the others as in `steps`;
  // nothing when even steps[knob] does not (`top_solves`: it is known to). Below the first
  // move the counts allow nothing solves, and that move usually does: one solve, else a
  // binary search.
  std::optional<int> smallest(const Steps& steps, Knob knob, bool top_solves) {
    const int top = steps[knob];
    int low = 0;
    while (low <= top && !counted(moved(steps, knob, low))) ++low;
    if (low > top) return std::nullopt;
    if (low == top && top_solves) return top;
    if (check(moved(steps, knob, low)) == Verdict::feasible) return low;
    if (!top_solves && (low == top || check(moved(steps, knob, top)) != Verdict::feasible)) return std::nullopt;
    int high = top;
    for (++low; low < high;) {
      int mid = low + (high - low) / 2;
      if (check(moved(steps, knob, mid)) == Verdict::feasible) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return high;
  }

  // The words of one change, with the config key and value to set.
  std::string part(const Suggestion& s, Knob knob) const {
    const Rules& before = m_instance.rules;
    switch (knob) {
      case k_max_dorms:
        return msg::raise_max_dorms(s.rules.max_dorms, s.rules.max_dorms);
      case k_candidates: {
        auto n = static_cast<long long>(m_instance.candidates_left_out.size());
        return msg::include_candidates(n, detail::plural(n), n == 1 ? "is" : "are");
      }
      case k_senior_from_grade:
        return msg::raise_senior_from_grade(
            s.rules.senior_from_grade, s.rules.senior_from_grade,
            detail::grade_span(before.senior_from_grade, s.rules.senior_from_grade - 1));
      case k_min_dorms:
        return msg::lower_min_dorms(s.rules.min_dorms, s.rules.min_dorms);
      case k_pins:
        return msg::drop_pins(broken_pins());
      case k_knobs:
        break;
    }
    return {};
  }

  // "m1:8-101, m2:8-102": the pins a suggestion drops, sorted, ten at most.
  std::string broken_pins() const {
    std::vector<std::string> pins;
    for (const auto& [id, code] : m_broken) pins.push_back(fmt::format("{}:{}", id, code));
    return detail::bounded(pins);
  }

  // Solving proved that even every change at its limit, together, leaves no assignment.
  std::string nothing_helps() const {
    const Rules& r = m_instance.rules;
    const int max_dorms = r.max_dorms + m_most[k_max_dorms];
    const int min_dorms = r.min_dorms - m_most[k_min_dorms];
    const int senior = r.senior_from_grade + m_most[k_senior_from_grade];
    const auto n = static_cast<long long>(m_instance.candidates_left_out.size());
    const bool candidates = m_most[k_candidates] > 0;
    if (m_most[k_pins] > 0) {
      return candidates ? msg::nothing_helps_candidates_pins(max_dorms, min_dorms, senior, n, detail::plural(n))
                        : msg::nothing_helps_pins(max_dorms, min_dorms, senior);
    }
    return candidates ? msg::nothing_helps_candidates(max_dorms, min_dorms, senior, n, detail::plural(n))
                      : msg::nothing_helps(max_dorms, min_dorms, senior);
  }

  const Instance& m_instance;
  std::set<IdPair> m_broken;
  Instance m_with_candidates;  // the instance with the candidates left out, for counting
  Steps m_most{};              // the loosest move of each knob within the limits
  int m_solves = 0;
};

}  // namespace

detail::Verified detail::verified_suggestions(const Instance& instance, const RuleLimits& limits) {
  return Relaxer(instance, limits).run();
}

Instance relaxed(const Instance& instance, const Suggestion& suggestion) {
  return relaxed_with(instance, suggestion, detail::check_pins(instance).broken);
}

}  // namespace dormlink::assign
