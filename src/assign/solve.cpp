// The public solvers over the shared flow engine: exact, best effort and repair.

#include <cassert>
#include <numeric>

#include "flow.hpp"

namespace dormlink::assign {
namespace detail {

IdIndex::IdIndex(const Instance& instance) {
  m_members.reserve(instance.members.size());
  m_dorms.reserve(instance.dorms.size());
  for (std::size_t m = 0; m < instance.members.size(); ++m) m_members.emplace(instance.members[m].id, m);
  for (std::size_t d = 0; d < instance.dorms.size(); ++d) m_dorms.emplace(instance.dorms[d].code, d);
}

std::optional<std::size_t> IdIndex::member(const std::string& id) const {
  auto it = m_members.find(id);
  if (it == m_members.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> IdIndex::dorm(const std::string& code) const {
  auto it = m_dorms.find(code);
  if (it == m_dorms.end()) return std::nullopt;
  return it->second;
}

std::set<std::pair<std::size_t, std::size_t>> forbidden_pairs(const Instance& instance, const IdIndex& index) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [id, code] : instance.forbids) {
    auto m = index.member(id);
    auto d = index.dorm(code);
    if (m && d) pairs.insert({*m, *d});
  }
  return pairs;
}

bool resolve_pins(const Instance& instance, std::vector<std::optional<std::size_t>>& pinned,
                  std::vector<bool>& blocked) {
  pinned.assign(instance.dorms.size(), std::nullopt);
  blocked.assign(instance.dorms.size(), false);
  if (instance.pins.empty()) return true;
  IdIndex index(instance);
  auto forbidden = forbidden_pairs(instance, index);
  bool ok = true;
  for (const auto& [id, code] : instance.pins) {
    auto d = index.dorm(code);
    auto m = index.member(id);
    bool valid = d && m && compatible(instance.members[*m], instance.dorms[*d], instance.rules) &&
                 !forbidden.count({*m, *d}) && (!pinned[*d] || *pinned[*d] == *m);
    if (!valid) {
      ok = false;
      if (d) blocked[*d] = true;
      continue;
    }
    pinned[*d] = *m;
  }
  for (std::size_t d = 0; d < blocked.size(); ++d) {
    if (blocked[d]) pinned[d].reset();
  }
  return ok;
}

}  // namespace detail

namespace {

// The solution of a flow answer, with only the true pair costs in its total.
Solution to_solution(detail::FlowAnswer answer) {
  Solution solution;
  solution.network_nodes = answer.nodes;
  solution.network_arcs = answer.arcs;
  if (!answer.feasible) return solution;
  solution.status = Status::optimal;
  solution.total_cost = std::accumulate(answer.pairs.begin(), answer.pairs.end(), 0LL,
                                        [](long long sum, const Pair& pair) { return sum + pair.cost; });
  solution.pairs = std::move(answer.pairs);
  solution.uncovered = std::move(answer.uncovered);
  return solution;
}

}  // namespace

Solution solve(const Instance& instance) {
  detail::FlowAnswer answer = detail::run_flow(instance, {});
  Solution solution = to_solution(answer);
  assert(!answer.feasible || solution.total_cost == answer.network_cost);
  return solution;
}

Solution solve_best_effort(const Instance& instance) {
  detail::FlowRequest request;
  request.best_effort = true;
  return to_solution(detail::run_flow(instance, request));
}

// Only pairs that could still stand are kept: known ids, compatible, not forbidden, and not
// on a dorm pinned to someone else.
Solution solve_repair(const Instance& instance, const std::vector<IdPair>& current) {
  detail::IdIndex index(instance);
  auto forbidden = detail::forbidden_pairs(instance, index);
  std::vector<std::optional<std::size_t>> pinned;
  std::vector<bool> blocked;
  detail::resolve_pins(instance, pinned, blocked);
  detail::FlowRequest request;
  for (const auto& [id, code] : current) {
    auto m = index.member(id);
    auto d = index.dorm(code);
    if (!m || !d || forbidden.count({*m, *d}) || blocked[*d] || (pinned[*d] && *pinned[*d] != *m)) {
      continue;
    }
    if (compatible(instance.members[*m], instance.dorms[*d], instance.rules)) request.kept.insert({*m, *d});
  }
  return to_solution(detail::run_flow(instance, request));
}

}  // namespace dormlink::assign
