#pragma once
// What the diagnosis of an infeasible instance (diagnose.cpp) and its verified suggestions
// (relax.cpp) share. Internal to src/assign (and its tests); callers use
// dormlink/assign/assign.hpp.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/assign/assign.hpp"

namespace dormlink::assign::detail {

// "grade-2" or "grade-1 to grade-2" (in the message language, as are the other texts).
std::string grade_span(int low, int high);

// The English plural ending of a count: "" for 1, else "s" (msg: an argument Chinese leaves out).
const char* plural(long long n);

// "a, b, c and 4 more": the first ten items of a sorted list, or "none".
std::string bounded(const std::vector<std::string>& items);

// The pins that cannot all hold (broken alone, on a dorm pinned twice, of a member pinned
// beyond max_dorms) and the findings that say why.
struct PinCheck {
  std::vector<std::string> findings;
  std::set<IdPair> broken;
};
PinCheck check_pins(const Instance& instance);

// False when a count per gender and grade rules every assignment out under `rules`. The
// counts are necessary conditions, so false proves infeasibility without solving.
bool counts_leave_room(const Instance& instance, const Rules& rules);

// The suggestions that solving confirmed, and, when solving showed that no change within the
// limits helps (alone or together), the finding that says so.
struct Verified {
  std::vector<Suggestion> suggestions;
  std::string nothing_helps;  // empty unless nothing helps
};
Verified verified_suggestions(const Instance& instance, const RuleLimits& limits);

}  // namespace dormlink::assign::detail
