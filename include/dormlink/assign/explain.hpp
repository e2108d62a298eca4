#pragma once
// Why a dorm has the member it has: the pair's cost terms and the next-best alternatives,
// each found by solving again with the better pairs forbidden (exact, not a heuristic).

#include <optional>
#include <string>
#include <vector>

#include "dormlink/assign/assign.hpp"

namespace dormlink::assign {

// One alternative member for the dorm and what the whole assignment would then cost.
struct Alternative {
  std::size_t member = 0;
  PairCost cost;
  long long total_cost = 0;  // optimal total with this member on the dorm
};

// The explanation of one dorm's pair.
struct DormExplanation {
  std::size_t dorm = 0;
  std::optional<std::size_t> member;  // nullopt when the dorm is uncovered
  PairCost cost;
  long long total_cost = 0;
  std::vector<Alternative> alternatives;  // cheapest first
  std::size_t compatible_members = 0;     // how many members could take the dorm at all
};

// Explains the dorm's pair in `solution` with up to `count` alternatives.
DormExplanation explain_dorm(const Instance& instance, const Solution& solution, std::size_t dorm, std::size_t count);

}  // namespace dormlink::assign
