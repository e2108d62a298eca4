// Findings without a record (docs/inspect.md "Findings without a record"): their kinds, the weeks
// a "no contact" finding contradicts, and whether an incident the inspection found was reported.
#include "dormlink/inspect/observation.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace dormlink::inspect {
namespace {

struct FindingSpelling {
  Finding finding;
  std::string_view key;
  std::array<std::string_view, 3> zh;  // Chinese names ("" for none)
};

constexpr std::array<FindingSpelling, 3> k_findings{{
    {Finding::no_contact, "no_contact", {"未联系", "从未见过党员", "学生称从未见过党员"}},
    {Finding::dorm_condition, "dorm_condition", {"寝室状况", "寝室情况", ""}},
    {Finding::other, "other", {"其他", "其它", ""}},
}};

}  // namespace

std::string_view key(Finding finding) { return k_findings.at(static_cast<std::size_t>(finding)).key; }

std::optional<Finding> parse_finding(std::string_view text) {
  for (const auto& s : k_findings) {
    if (text == s.key) return s.finding;
    for (auto name : s.zh)
      if (!name.empty() && text == name) return s.finding;
  }
  return std::nullopt;
}

// REQUIREMENTS §4: "学生称从未见过党员" contradicts every contact the member recorded with the
// dorm in the weeks that carry duties, up to the day the inspectors asked.
std::vector<ContradictedWeek> contradicted_weeks(const Semester& semester, const std::vector<Contact>& contacts,
                                                 Date day) {
  std::map<int, std::vector<std::int64_t>> by_week;
  for (const auto& c : contacts) {
    if (to_days(c.day) > to_days(day)) continue;
    const auto week = semester.teaching_week(c.day);
    if (!week || !semester.has_duties(*week)) continue;
    by_week[*week].push_back(c.id);
  }
  std::vector<ContradictedWeek> out;
  for (auto& [week, records] : by_week) {
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
    out.push_back({week, std::move(records)});
  }
  return out;
}

std::vector<std::int64_t> records_of(const std::vector<ContradictedWeek>& weeks) {
  std::vector<std::int64_t> out;
  for (const auto& w : weeks) out.insert(out.end(), w.records.begin(), w.records.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::int64_t> matching_report(const FoundIncident& found,
                                            const std::vector<ReportedIncident>& incidents) {
  const auto from = to_days(found.day) - std::chrono::days{found.window_days};
  std::optional<std::int64_t> best;
  for (const auto& r : incidents) {
    if (r.category != found.category) continue;
    if (to_days(r.day) < from || to_days(r.day) > to_days(found.day)) continue;
    const bool same = found.student
                          ? std::find(r.students.begin(), r.students.end(), *found.student) != r.students.end()
                          : r.dorm == found.dorm;
    if (same && (!best || r.id < *best)) best = r.id;
  }
  return best;
}

bool contradicts_records(const Observation& o) {
  return o.finding == Finding::no_contact && o.member_id.has_value() && !o.weeks.empty();
}

bool unreported_incident(const Observation& o) {
  return o.category.has_value() && o.member_id.has_value() && !o.reported_by.has_value();
}

}  // namespace dormlink::inspect
