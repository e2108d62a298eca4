// The cases of the counselor's summary (docs/reports.md "特殊情况", "关注事项"): incidents found in
// the period — reported in time by staff acknowledgement, late, unacknowledged, repeats, by
// category in every format — and concerns opened in it (the counselor sees each with the
// student's name; the branch and the committee counts only, never the text).
#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "dormlink/report/check_report.hpp"
#include "dormlink/util/pinyin.hpp"
#include "summary_build.hpp"

namespace dormlink::report::summary_detail {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

constexpr int k_categories = static_cast<int>(records::IncidentCategory::emergency) + 1;

bool period_incident(const SummaryInput& in, const Obligation& o) {
  return covers(in, o) && o.rule == Rule::incident_report && in_period(o, in.period);
}

// An incident's category: the override when given, else what check's input carries.
std::optional<records::IncidentCategory> category_of(const SummaryInput& in, const Obligation& o) {
  if (in.incident_categories) {
    for (const auto& [id, category] : *in.incident_categories)
      if (id == o.record_id) return category;
    return std::nullopt;
  }
  const auto& incidents = in.check->incidents;
  if (o.case_index < 0 || o.case_index >= static_cast<int>(incidents.size())) return std::nullopt;
  return records::parse_incident_category(incidents[static_cast<std::size_t>(o.case_index)].category);
}

// How one incident stands: 0 in time, 1 late, 2 not acknowledged.
std::size_t outcome(const Obligation& o) {
  if (o.status == Status::met) return 0;
  return o.status == Status::met_late ? 1 : 2;
}

struct CategoryCounts {
  int found = 0;
  int outcomes[3]{};
  int repeats = 0;
};

}  // namespace

void fill_incidents(const SummaryInput& in, CounselorSummary& out) {
  std::vector<double> hours;
  int found = 0, repeats = 0;
  int outcomes[3]{};
  for (const auto& o : *in.obligations) {
    if (!period_incident(in, o)) continue;
    found++;
    outcomes[outcome(o)]++;
    if (o.repeat_of > 0) repeats++;
    // check decides whether (and when, in elapsed time) an acknowledgement counts by the as-of date.
    if (o.found > 0) hours.push_back(static_cast<double>(o.minutes) / 60.0);
  }
  auto& s = out.incidents;
  s.found = in.privacy.count(found);
  const auto parts = in.privacy.parts({outcomes[0], outcomes[1], outcomes[2]});
  s.in_time = parts[0];
  s.late = parts[1];
  s.unreported = parts[2];
  s.repeats = in.privacy.count(repeats);
  // Hours from finding to acknowledgement say how many incidents there were when there are few.
  if (hours.empty() || s.found.hidden()) return;
  std::sort(hours.begin(), hours.end());
  const std::size_t n = hours.size();
  s.median_hours = n % 2 == 1 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
  s.max_hours = hours.back();
}

void fill_incident_categories(const SummaryInput& in, CounselorSummary& out) {
  std::vector<CategoryCounts> counts(k_categories);
  for (const auto& o : *in.obligations) {
    if (!period_incident(in, o)) continue;
    const auto category = category_of(in, o);
    if (!category) return;  // an incident without its category: no breakdown
    auto& c = counts[static_cast<std::size_t>(*category)];
    c.found++;
    c.outcomes[outcome(o)]++;
    if (o.repeat_of > 0) c.repeats++;
  }
  std::vector<int> found;
  for (const auto& c : counts) found.push_back(c.found);
  const auto shown = in.privacy.parts(found);
  for (int i = 0; i < k_categories; ++i) {
    const auto category = static_cast<records::IncidentCategory>(i);
    const auto& c = counts[static_cast<std::size_t>(i)];
    out.incidents.by_category.emplace_back(category, shown[static_cast<std::size_t>(i)]);
    if (c.found == 0) continue;
    const auto parts = in.privacy.parts({c.outcomes[0], c.outcomes[1], c.outcomes[2]});
    out.incidents.categories.push_back(
        {category, shown[static_cast<std::size_t>(i)], parts[0], parts[1], parts[2], in.privacy.count(c.repeats)});
  }
}

void fill_concerns(const SummaryInput& in, CounselorSummary& out) {
  int opened = 0, in_time = 0, still_open = 0;
  auto& s = out.concerns;
  for (const auto& o : *in.obligations) {
    if (!covers(in, o) || o.rule != Rule::concern_ack || !in_period(o, in.period)) continue;
    const auto& concerns = in.check->concerns;
    if (o.case_index < 0 || o.case_index >= static_cast<int>(concerns.size())) continue;
    const auto& c = concerns[static_cast<std::size_t>(o.case_index)];
    opened++;
    if (o.status == Status::met) in_time++;
    if (!c.steps.closed) still_open++;
    if (in.privacy.audience != Audience::counselor) continue;
    const auto* member = person_at(*in.check, c.member);
    s.lines.push_back({c.case_id, member != nullptr ? member->name : std::string(), c.student_name, c.student_id,
                       c.escalate_to, c.opened, c.steps.acknowledged, c.steps.closed, c.steps.stage, o.status});
  }
  s.opened = in.privacy.count(opened);
  s.acknowledged_in_time = in.privacy.count(in_time);
  s.still_open = in.privacy.count(still_open);
  std::sort(s.lines.begin(), s.lines.end(),
            [](const SummaryConcernLine& a, const SummaryConcernLine& b) { return a.number < b.number; });
}

}  // namespace dormlink::report::summary_detail
