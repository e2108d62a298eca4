// The rules about the assignment itself, on the date: no_assignment, member_left,
// member_dorm_count, dorm_without_member (docs/check.md). Overdue at once.
#include "context.hpp"

namespace dormlink::check::detail {
namespace {

// Per person: eligible to hold dorms on the day (a stretch says so).
std::vector<char> eligible_on(const Context& ctx, Day day) {
  std::vector<char> eligible(static_cast<std::size_t>(ctx.person_count()), 0);
  for (const auto& e : ctx.input.eligibility) {
    if (!e.eligible || e.person < 0 || e.person >= ctx.person_count()) continue;
    if (day_of(e.from) <= day && (!e.to || day < day_of(*e.to))) {
      eligible[static_cast<std::size_t>(e.person)] = 1;
    }
  }
  return eligible;
}

Obligation structural(const Context& ctx, Rule rule) {
  const Date today = date_of(ctx.as_of);
  return Obligation{.rule = rule,
                    .status = Status::overdue,
                    .window_from = today,
                    .window_to = today,
                    .due = today,
                    .expected = 1,
                    .found = 0};
}

void add_member_problems(const Context& ctx, Sink& sink, const Version& v) {
  const auto eligible = eligible_on(ctx, ctx.as_of);
  const auto& limits = ctx.config.assignment;
  for (const auto& [member, dorms] : v.members) {
    if (eligible[static_cast<std::size_t>(member)] == 0) {
      auto item = structural(ctx, Rule::member_left);
      item.member = member;
      sink.add(item);
    }
    if (dorms < limits.min_dorms || dorms > limits.max_dorms) {
      auto item = structural(ctx, Rule::member_dorm_count);
      item.member = member;
      item.expected = dorms < limits.min_dorms ? limits.min_dorms : limits.max_dorms;
      item.found = dorms;
      sink.add(item);
    }
  }
}

}  // namespace

// Only while the semester runs: these describe what to repair now.
void add_structure(const Context& ctx, Sink& sink) {
  if (!ctx.input.semester.contains(date_of(ctx.as_of))) return;
  const int version = ctx.version_on(ctx.as_of);
  if (version < 0) {
    sink.add(structural(ctx, Rule::no_assignment));
    return;
  }
  const auto& v = ctx.versions[static_cast<std::size_t>(version)];
  add_member_problems(ctx, sink, v);
  for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
    if (v.member_of_dorm[static_cast<std::size_t>(dorm)] >= 0 || !ctx.has_resident(dorm, ctx.as_of)) continue;
    auto item = structural(ctx, Rule::dorm_without_member);
    item.dorm = dorm;
    sink.add(item);
  }
}

}  // namespace dormlink::check::detail
