#include <algorithm>

#include "dormlink/roster/plan.hpp"

namespace dormlink::roster {
namespace {

template <typename Facts, typename Row>
ImportSummary counts(const Plan<Facts>& plan, const std::vector<Row>& rows, std::string kind) {
  ImportSummary s;
  s.kind = std::move(kind);
  s.rows = rows.size();
  s.added = plan.added.size();
  s.changed = plan.changed.size();
  s.unchanged = plan.unchanged;
  s.departed = plan.departed.size();
  s.returned = static_cast<std::size_t>(
      std::count_if(plan.changed.begin(), plan.changed.end(), [](const auto& c) { return c.was_left; }));
  return s;
}

}  // namespace

ImportSummary summarize(const StudentPlan& plan, const std::vector<StudentRow>& rows) {
  auto s = counts(plan, rows, "students");
  for (const auto& change : plan.changed) {
    const auto& row = rows[change.row];
    const auto& before = change.before;
    if (change.was_left || before.dorm != row.facts.dorm) {
      s.moves.push_back({row.student_id, row.facts.name, change.was_left ? "" : before.dorm, row.facts.dorm});
    }
    if (before.status != row.facts.status) {
      s.status_changes.push_back({row.student_id, row.facts.name, std::string(label_zh(before.status)),
                                  std::string(label_zh(row.facts.status))});
    }
  }
  for (const auto& [id, facts] : plan.departed) s.departures.push_back({id, facts.name, facts.dorm, ""});
  auto by_id = [](const ChangeLine& a, const ChangeLine& b) { return a.id < b.id; };
  std::sort(s.moves.begin(), s.moves.end(), by_id);
  std::sort(s.status_changes.begin(), s.status_changes.end(), by_id);
  return s;
}

ImportSummary summarize(const DormPlan& plan, const std::vector<DormRow>& rows) { return counts(plan, rows, "dorms"); }

ImportSummary summarize(const StaffPlan& plan, const std::vector<StaffRow>& rows) {
  auto s = counts(plan, rows, "staff");
  for (const auto& [id, facts] : plan.departed) s.departures.push_back({id, facts.name, "", ""});
  return s;
}

}  // namespace dormlink::roster
