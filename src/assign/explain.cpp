#include "dormlink/assign/explain.hpp"

namespace dormlink::assign {
namespace {

std::optional<std::size_t> member_of(const Solution& solution, std::size_t dorm) {
  for (const auto& p : solution.pairs) {
    if (p.dorm == dorm) return p.member;
  }
  return std::nullopt;
}

}  // namespace

DormExplanation explain_dorm(const Instance& instance, const Solution& solution, std::size_t dorm, std::size_t count) {
  DormExplanation e;
  e.dorm = dorm;
  e.member = member_of(solution, dorm);
  e.total_cost = solution.total_cost;
  const auto& d = instance.dorms[dorm];
  for (const auto& m : instance.members) e.compatible_members += compatible(m, d, instance.rules) ? 1u : 0u;
  if (!e.member) return e;
  e.cost = pair_cost(instance.members[*e.member], d, instance.rules);
  // Forbid the members already seen on this dorm, one more each round, and solve again.
  Instance next = instance;
  auto current = *e.member;
  while (e.alternatives.size() < count) {
    next.forbids.emplace_back(instance.members[current].id, d.code);
    auto again = solve(next);
    if (again.status != Status::optimal) break;
    auto alt = member_of(again, dorm);
    if (!alt) break;
    e.alternatives.push_back({*alt, pair_cost(instance.members[*alt], d, instance.rules), again.total_cost});
    current = *alt;
  }
  return e;
}

}  // namespace dormlink::assign
