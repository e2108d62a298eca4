#pragma once
// The shared engine behind solve, solve_best_effort and solve_repair: the compressed
// min-cost-flow network of the assignment and the read-back of its flow into pairs.
// Internal to src/assign (and its tests); callers use dormlink/assign/assign.hpp.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dormlink/assign/assign.hpp"

namespace dormlink::assign::detail {

// H4 and H5 on grades alone (H3 is checked by the callers' gender keys).
bool grades_compatible(int member_grade, int dorm_grade, const Rules& rules);

// The pair cost without the continuity term: it depends on the attributes only.
int base_cost(const Member& member, const Dorm& dorm, const Rules& rules);

// What kind of problem the network encodes.
struct FlowRequest {
  bool best_effort = false;                            // min_dorms and H1 relaxed
  std::set<std::pair<std::size_t, std::size_t>> kept;  // (member, dorm) pairs to keep (repair)
  bool class_routes = false;                           // every hub gets exact class-to-class arcs (a cross-check)
};

// The solved network: the pairs read off the flow (true costs), the dorms left uncovered
// and the network's own objective, for checks.
struct FlowAnswer {
  bool feasible = false;
  std::vector<Pair> pairs;
  std::vector<std::size_t> uncovered;
  long long network_cost = 0;  // includes the uncovered penalties and the keep bonuses
  long long penalty = 0;       // the cost of one uncovered dorm (best effort)
  long long bonus = 0;         // the bonus of one kept pair (repair)
  std::size_t nodes = 0;       // size of the network, for --stats and benchmarks
  std::size_t arcs = 0;
};

// Builds and solves the network for the request. Deterministic.
FlowAnswer run_flow(const Instance& instance, const FlowRequest& request);

// Member and dorm indexes by id and code.
struct IdIndex {
  explicit IdIndex(const Instance& instance);
  std::optional<std::size_t> member(const std::string& id) const;
  std::optional<std::size_t> dorm(const std::string& code) const;

 private:
  std::unordered_map<std::string, std::size_t> m_members;
  std::unordered_map<std::string, std::size_t> m_dorms;
};

// The forbidden pairs as indexes; pairs naming unknown ids are dropped (vacuous).
std::set<std::pair<std::size_t, std::size_t>> forbidden_pairs(const Instance& instance, const IdIndex& index);

// The valid pins as dorm index -> member index; false when a pin names an unknown member or
// dorm, an incompatible or forbidden pair, or a dorm pinned to two members. `blocked`
// receives the dorms whose pins cannot be honoured.
bool resolve_pins(const Instance& instance, std::vector<std::optional<std::size_t>>& pinned,
                  std::vector<bool>& blocked);

}  // namespace dormlink::assign::detail
