#pragma once
// The member -> dorm assignment of a semester (REQUIREMENTS §1; docs/assign.md): the exact
// model, its min-cost-flow solution, infeasibility diagnosis, best effort and repair.
// Pure: no database, no clock, no config file; the CLI converts Config into Rules.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/model.hpp"
#include "dormlink/roster/snapshot.hpp"

namespace dormlink::assign {

// The rules of the model: hard bounds and the soft-rule weights (config [assignment]).
struct Rules {
  int min_dorms = 2;             // H2
  int max_dorms = 3;             // H2
  int senior_from_grade = 3;     // H5: dorms of this year of study and above are senior
  int w_major = 30;              // majors differ
  int w_junior_same_grade = 20;  // junior dorm, member of the same grade
  int w_building = 3;            // member lives in another building
  int w_continuity = 10;         // bonus: member had this dorm in the previous semester
};

// A member who can take dorms. `grade` is the year of study in the semester.
struct Member {
  std::string id;  // student id
  std::string name;
  Gender gender = Gender::female;
  int grade = 0;
  std::string major;
  std::string building;  // the building of the member's own dorm
  std::string branch;
};

// A dorm in scope (at least one current resident), with its derived attributes.
struct Dorm {
  std::string code;  // "8-305"
  Gender gender = Gender::female;
  int grade = 0;      // highest year of study among residents, or the dorms-file override
  std::string major;  // most common major among residents (tie: smallest), or override
  std::string building;
  int residents = 0;
  std::optional<std::string> previous_member;  // who had it in the previous committed assignment
};

// A member-dorm pair named by ids (pins, forbids, kept pairs).
using IdPair = std::pair<std::string, std::string>;  // (member id, dorm code)

// Everything the solver needs. Members sorted by id, dorms by code.
struct Instance {
  Rules rules;
  std::vector<Member> members;
  std::vector<Dorm> dorms;
  std::vector<IdPair> pins;                 // hard: this member takes this dorm
  std::vector<IdPair> forbids;              // hard: never this pair
  std::vector<Member> candidates_left_out;  // candidates not included (candidates_take_dorms off), by id
};

// H3 same gender, H4 member grade >= dorm grade, H5 senior dorms get a member of their grade.
bool compatible(const Member& member, const Dorm& dorm, const Rules& rules);

// The cost terms of one pair and their sum.
struct PairCost {
  bool major_differs = false;
  bool junior_same_grade = false;
  bool other_building = false;
  bool continuity = false;
  int total = 0;
};
PairCost pair_cost(const Member& member, const Dorm& dorm, const Rules& rules);

// One assigned pair, as indexes into the instance.
struct Pair {
  std::size_t member = 0;
  std::size_t dorm = 0;
  int cost = 0;
};

enum class Status { optimal, infeasible };

// A solver's answer. Pairs are sorted by dorm index; `uncovered` (best effort only) lists
// dorm indexes left for a human.
struct Solution {
  Status status = Status::infeasible;
  std::vector<Pair> pairs;
  long long total_cost = 0;
  std::vector<std::size_t> uncovered;
  std::size_t network_nodes = 0;  // size of the flow network solved (for --stats)
  std::size_t network_arcs = 0;
};

// The provably cheapest assignment meeting H1-H5, pins and forbids; infeasible when none.
Solution solve(const Instance& instance);

// Covers as many dorms as possible within H3-H5, max_dorms, pins and forbids (min_dorms and
// H1 relaxed), at minimum cost among those.
Solution solve_best_effort(const Instance& instance);

// Keeps as many of `current` pairs as possible (those whose member and dorm are still in the
// instance and still compatible), then minimises cost: the mid-semester repair.
Solution solve_repair(const Instance& instance, const std::vector<IdPair>& current);

// The values a suggestion may give the rules: the ranges the config accepts.
struct RuleLimits {
  int lowest_min_dorms = 1;
  int highest_max_dorms = 10;
  int highest_senior_from_grade = 6;
};

// One change that makes an infeasible instance feasible, verified by solving the instance with
// it (same members, dorms, pins, forbids and exclusions): the rules to use, whether the
// candidates left out take dorms, whether the pins named in the findings are dropped.
struct Suggestion {
  std::string text;  // "raise max_dorms to 4 (assignment.max_dorms = 4)"
  Rules rules;
  bool include_candidates = false;
  bool drop_broken_pins = false;
};

// Why no assignment exists: counts per gender and grade group naming the dorms and members
// involved (ten of each at most), dorms no member can take, broken pins; and the suggestions,
// each verified by solving, in a fixed order: max_dorms, candidates, senior_from_grade (H5),
// min_dorms, pins, else one combination of them. Empty when the instance is feasible.
struct Diagnosis {
  std::vector<std::string> findings;
  std::vector<Suggestion> suggestions;
};
Diagnosis diagnose(const Instance& instance, const RuleLimits& limits = {});

// The instance a suggestion describes: its rules, the candidates left out added as members,
// the broken pins (those diagnose names) dropped.
Instance relaxed(const Instance& instance, const Suggestion& suggestion);

// Builds the instance for a semester from the rosters valid on its first day or `date`.
struct BuildOptions {
  Rules rules;
  bool candidates_take_dorms = true;
  std::set<std::string> excluded;               // member ids left out (config or --exclude)
  std::map<std::string, std::string> previous;  // dorm code -> member id, previous semester
};
Instance build_instance(const roster::Snapshot& snapshot, const Semester& semester, const BuildOptions& options);

}  // namespace dormlink::assign
