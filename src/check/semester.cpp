// The rules of the whole semester: activity, symposium, member summary, work plan
// (docs/check.md).
#include <algorithm>
#include <climits>

#include "context.hpp"

namespace dormlink::check::detail {
namespace {

// Records of one kind counted per dorm or per member, with those entered after `due`.
struct Tally {
  std::vector<int> found;
  std::vector<int> late;
};

Tally tally(const Context& ctx, CountedKind kind, bool by_dorm, Day due) {
  const int size = by_dorm ? ctx.dorm_count() : ctx.person_count();
  const auto n = static_cast<std::size_t>(size);
  Tally t{std::vector<int>(n, 0), std::vector<int>(n, 0)};
  for (const auto& r : ctx.input.kind_records) {
    const int key = by_dorm ? r.dorm : r.member;
    if (r.kind != kind || key < 0 || key >= size) continue;
    ++t.found[static_cast<std::size_t>(key)];
    if (day_of(r.entered) > due) ++t.late[static_cast<std::size_t>(key)];
  }
  return t;
}

// What one semester count asks for.
struct SemesterCount {
  Rule rule = Rule::activity;
  CountedKind kind = CountedKind::activity;
  int expected = 0;
  bool by_dorm = false;
};

Obligation semester_item(const Context& ctx, const SemesterCount& c, const Tally& t, int key) {
  const auto k = static_cast<std::size_t>(key);
  const Day due = day_of(ctx.input.semester.last_day());
  const Status unmet = ctx.unmet_semester_status(due);
  const Status status = count_status(t.found[k], t.found[k] - t.late[k], c.expected, unmet);
  return Obligation{.rule = c.rule,
                    .status = status,
                    .window_from = ctx.input.semester.first_monday,
                    .window_to = ctx.input.semester.last_day(),
                    .due = ctx.input.semester.last_day(),
                    .expected = c.expected,
                    .found = t.found[k],
                    .late = t.late[k]};
}

// Per dorm of the assignment on the date (its member answers), or per member holding dorms.
void add_semester_count(const Context& ctx, Sink& sink, const SemesterCount& c) {
  const int version = ctx.version_on(ctx.as_of);
  if (c.expected <= 0 || version < 0 || ctx.monday(1) > ctx.as_of) return;
  const auto& v = ctx.versions[static_cast<std::size_t>(version)];
  const Tally t = tally(ctx, c.kind, c.by_dorm, day_of(ctx.input.semester.last_day()));
  if (c.by_dorm) {
    for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
      const int member = v.member_of_dorm[static_cast<std::size_t>(dorm)];
      if (member < 0) continue;
      auto item = semester_item(ctx, c, t, dorm);
      item.member = member;
      item.dorm = dorm;
      sink.add(item);
    }
    return;
  }
  for (const auto& [member, dorms] : v.members) {
    auto item = semester_item(ctx, c, t, member);
    item.member = member;
    sink.add(item);
  }
}

// The first day each member held dorms in this semester's assignment history (up to the date).
std::vector<Day> first_held(const Context& ctx, int last_version) {
  std::vector<Day> first(static_cast<std::size_t>(ctx.person_count()), INT_MAX);
  for (int i = 0; i <= last_version; ++i) {
    const auto& v = ctx.versions[static_cast<std::size_t>(i)];
    for (const auto& [member, dorms] : v.members) {
      auto& day = first[static_cast<std::size_t>(member)];
      day = std::min(day, v.valid_from);
    }
  }
  return first;
}

}  // namespace

void add_semester_counts(const Context& ctx, Sink& sink) {
  const auto& duties = ctx.config.duties;
  const bool by_dorm = duties.activity_scope == DutyScope::dorm;
  const int activities = duties.activities_per_semester;
  const int symposiums = duties.symposiums_per_semester;
  add_semester_count(ctx, sink, {Rule::activity, CountedKind::activity, activities, by_dorm});
  add_semester_count(ctx, sink, {Rule::symposium, CountedKind::symposium, symposiums, by_dorm});
  add_semester_count(ctx, sink, {Rule::member_summary, CountedKind::summary, 1, false});
}

// docs/check.md `work_plan`: due the Sunday of work_plan_due_week, or a week after the member
// first held dorms if later; judged by the day the first plan was entered.
void add_work_plans(const Context& ctx, Sink& sink) {
  const int version = ctx.version_on(ctx.as_of);
  if (version < 0 || ctx.weeks == 0 || ctx.monday(1) > ctx.as_of) return;
  const Day week_due = ctx.sunday(std::clamp(ctx.config.duties.work_plan_due_week, 1, ctx.weeks));
  const auto& holders = ctx.versions[static_cast<std::size_t>(version)].members;
  std::vector<Day> due = first_held(ctx, version);
  for (const auto& [member, dorms] : holders) {
    auto& day = due[static_cast<std::size_t>(member)];
    day = std::max(week_due, day + 7);
  }
  // Per member: plans, those entered after the member's due day (INT_MAX for non-holders).
  std::vector<int> plans(due.size(), 0);
  std::vector<int> late(due.size(), 0);
  for (const auto& r : ctx.input.kind_records) {
    if (r.kind != CountedKind::plan || r.member < 0 || r.member >= ctx.person_count()) continue;
    const auto m = static_cast<std::size_t>(r.member);
    ++plans[m];
    if (day_of(r.entered) > due[m]) ++late[m];
  }
  for (const auto& [member, dorms] : holders) {
    const auto m = static_cast<std::size_t>(member);
    // Met when the earliest plan was entered by the due day, i.e. not every plan is late.
    const Status status = count_status(plans[m], plans[m] - late[m], 1, ctx.unmet_status(due[m]));
    sink.add(Obligation{.rule = Rule::work_plan,
                        .status = status,
                        .member = member,
                        .window_from = ctx.input.semester.first_monday,
                        .window_to = date_of(due[m]),
                        .due = date_of(due[m]),
                        .expected = 1,
                        .found = plans[m],
                        .late = late[m]});
  }
}

}  // namespace dormlink::check::detail
