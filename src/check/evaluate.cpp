// check::evaluate: the one definition of "overdue" (docs/check.md). The rules live in the
// other files of src/check; this file names things, finds counselors and runs the rules.
#include <algorithm>

#include "context.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::check {

std::string_view to_string(Rule rule) {
  switch (rule) {
    case Rule::no_assignment:
      return "no_assignment";
    case Rule::member_left:
      return "member_left";
    case Rule::member_dorm_count:
      return "member_dorm_count";
    case Rule::dorm_without_member:
      return "dorm_without_member";
    case Rule::work_plan:
      return "work_plan";
    case Rule::visits:
      return "visits";
    case Rule::talks:
      return "talks";
    case Rule::attention_talks:
      return "attention_talks";
    case Rule::orientation:
      return "orientation";
    case Rule::activity:
      return "activity";
    case Rule::symposium:
      return "symposium";
    case Rule::incident_report:
      return "incident_report";
    case Rule::concern_ack:
      return "concern_ack";
    case Rule::concern_open:
      return "concern_open";
    case Rule::feedback_form:
      return "feedback_form";
    case Rule::counselor_summary:
      return "counselor_summary";
    case Rule::member_summary:
      return "member_summary";
  }
  return "unknown";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::met:
      return "met";
    case Status::met_late:
      return "met_late";
    case Status::waived:
      return "waived";
    case Status::pending:
      return "pending";
    case Status::due_soon:
      return "due_soon";
    case Status::at_risk:
      return "at_risk";
    case Status::overdue:
      return "overdue";
  }
  return "unknown";
}

namespace {

// The matching counselor with the lowest staff id, -1 when none matches.
template <typename Matches>
int lowest_matching(const std::vector<Counselor>& counselors, Matches matches) {
  int best = -1;
  for (std::size_t i = 0; i < counselors.size(); ++i) {
    const auto& c = counselors[i];
    if (!matches(c)) continue;
    if (best < 0 || c.staff_id < counselors[static_cast<std::size_t>(best)].staff_id) best = static_cast<int>(i);
  }
  return best;
}

template <typename T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

int counselor_for(const std::vector<Counselor>& counselors, std::string_view class_name, int cohort) {
  // docs/check.md: the counselor of the member's class, else of the member's grade (cohort).
  if (!class_name.empty()) {
    const int by_class = lowest_matching(counselors, [&](const Counselor& c) {
      return std::find(c.classes.begin(), c.classes.end(), class_name) != c.classes.end();
    });
    if (by_class >= 0) return by_class;
  }
  return lowest_matching(counselors, [&](const Counselor& c) { return contains(c.cohorts, cohort); });
}

int counselor_of(const CheckInput& input, int person) {
  if (person < 0 || person >= static_cast<int>(input.people.size())) return -1;
  const auto& p = input.people[static_cast<std::size_t>(person)];
  return counselor_for(input.counselors, p.class_name, p.cohort);
}

std::vector<Obligation> evaluate(const CheckInput& input, const Config& config, Date as_of,
                                 const EvaluateOptions& options) {
  const detail::Context ctx(input, config, as_of);
  detail::Sink sink(input, options);
  detail::add_structure(ctx, sink);
  detail::add_visits(ctx, sink);
  detail::add_talks(ctx, sink);
  detail::add_orientation(ctx, sink);
  detail::add_semester_counts(ctx, sink);
  detail::add_work_plans(ctx, sink);
  detail::add_forms(ctx, sink);
  detail::add_incidents(ctx, sink);
  detail::add_concerns(ctx, sink);
  return sink.take_sorted();
}

std::vector<int> members_due_form(const CheckInput& input, const std::vector<Obligation>& obligations, int period,
                                  int counselor) {
  std::vector<int> members;
  for (const auto& o : obligations) {
    if (o.rule != Rule::feedback_form || o.period != period) continue;
    if (counselor >= 0 && o.counselor != counselor) continue;
    members.push_back(o.member);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::sort(members.begin(), members.end(), [&](int a, int b) {
    const auto& x = input.people[static_cast<std::size_t>(a)];
    const auto& y = input.people[static_cast<std::size_t>(b)];
    const int c = util::compare_pinyin(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  });
  return members;
}

}  // namespace dormlink::check
