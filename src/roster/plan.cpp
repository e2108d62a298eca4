#include "dormlink/roster/plan.hpp"
#include "messages.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "dormlink/error.hpp"

namespace dormlink::roster {
namespace {

// The shared diff: rows against current versions, by key.
template <typename Row, typename Facts, typename KeyFn>
Plan<Facts> diff(const std::vector<Row>& rows, const std::unordered_map<std::string, Current<Facts>>& current,
                 KeyFn key_of, bool departures) {
  Plan<Facts> plan;
  std::unordered_set<std::string> seen;
  seen.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto key = key_of(rows[i]);
    seen.insert(key);
    auto it = current.find(key);
    if (it == current.end()) {
      plan.added.push_back(i);
    } else if (it->second.left || !(it->second.facts == rows[i].facts)) {
      plan.changed.push_back({i, it->second.facts, it->second.left});
    } else {
      ++plan.unchanged;
    }
  }
  if (departures) {
    for (const auto& [key, state] : current) {
      if (!state.left && !seen.contains(key)) plan.departed.emplace_back(key, state.facts);
    }
    std::sort(plan.departed.begin(), plan.departed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  return plan;
}

// Rows of a students roster must agree with a dorm's declared gender and capacity.
void check_against_dorms(const std::vector<StudentRow>& rows, const DormIndex& dorms, const std::string& source) {
  ProblemCollector problems;
  std::map<std::string_view, std::vector<std::size_t>> lines_by_dorm;
  for (const auto& row : rows) {
    auto it = dorms.facts.find(row.facts.dorm);
    if (it != dorms.facts.end() && it->second.gender && *it->second.gender != row.facts.gender) {
      problems.add(fmt::format("{}:{}", source, row.line),
                   msg::dorm_gender_differs(row.facts.dorm, label_zh(*it->second.gender), label_zh(row.facts.gender)));
    }
    lines_by_dorm[row.facts.dorm].push_back(row.line);
  }
  for (const auto& [code, lines] : lines_by_dorm) {
    auto it = dorms.facts.find(code);
    if (it == dorms.facts.end() || !it->second.capacity) continue;
    if (static_cast<int>(lines.size()) > *it->second.capacity) {
      problems.add(fmt::format("{}:{}", source, lines[static_cast<std::size_t>(*it->second.capacity)]),
                   msg::over_capacity(code, *it->second.capacity, lines.size(), lines.front()));
    }
  }
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(msg::dorms_roster_problems(source, count, count == 1 ? "" : "s"), problems.take());
  }
}

}  // namespace

std::string staff_key(const StaffRow& row) { return row.staff_id + "/" + std::string(key(row.role)); }

StudentPlan plan_students(const std::vector<StudentRow>& rows,
                          const std::unordered_map<std::string, Current<StudentFacts>>& current, const DormIndex& dorms,
                          const std::string& source, bool departures) {
  check_against_dorms(rows, dorms, source);
  return diff(
      rows, current, [](const StudentRow& r) { return r.student_id; }, departures);
}

std::vector<std::string> new_dorms(const std::vector<StudentRow>& rows, const DormIndex& dorms) {
  std::vector<std::string> codes;
  for (const auto& row : rows) {
    if (!dorms.facts.contains(row.facts.dorm)) codes.push_back(row.facts.dorm);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

DormPlan plan_dorms(const std::vector<DormRow>& rows,
                    const std::unordered_map<std::string, Current<DormFacts>>& current,
                    const std::map<std::string, DormOccupancy, std::less<>>& occupancy, const std::string& source) {
  ProblemCollector problems;
  for (const auto& row : rows) {
    auto it = occupancy.find(row.dorm.code());
    if (it == occupancy.end()) continue;
    auto where = fmt::format("{}:{}", source, row.line);
    if (row.facts.gender && *row.facts.gender != it->second.gender) {
      problems.add(where,
                   msg::declared_gender(row.dorm.code(), label_zh(*row.facts.gender), label_zh(it->second.gender)));
    }
    if (row.facts.capacity && *row.facts.capacity < it->second.residents) {
      problems.add(where, msg::declared_capacity(row.dorm.code(), *row.facts.capacity, it->second.residents));
    }
  }
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(msg::residents_problems(source, count, count == 1 ? "" : "s"), problems.take());
  }
  return diff(
      rows, current, [](const DormRow& r) { return r.dorm.code(); }, false);
}

StaffPlan plan_staff(const std::vector<StaffRow>& rows,
                     const std::unordered_map<std::string, Current<StaffFacts>>& current, bool departures) {
  return diff(
      rows, current, [](const StaffRow& r) { return staff_key(r); }, departures);
}

}  // namespace dormlink::roster
