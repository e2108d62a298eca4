// The rules of the duty weeks: visits, talks, attention talks, and orientation (docs/check.md).
#include <algorithm>

#include "context.hpp"

namespace dormlink::check::detail {
namespace {

// A window of days as the rules see it: `first` is its first binding day (obligations start
// when the assignment does), `last` its Sunday.
struct Window {
  Day first = 0;
  Day last = 0;
  Date from{};
  Date to{};
  int version = -1;  // the assignment version in force on `first`
};

// The window of teaching weeks first..last, or nullopt when it carries nothing yet: it has
// not started, or it ends before the first assignment.
std::optional<Window> open_window(const Context& ctx, int first_week, int last_week) {
  Window w;
  w.first = ctx.binding_day(ctx.monday(first_week));
  w.last = ctx.sunday(last_week);
  if (w.first > ctx.as_of || w.first > w.last) return std::nullopt;
  w.version = ctx.version_on(w.first);
  if (w.version < 0) return std::nullopt;
  w.from = date_of(ctx.monday(first_week));
  w.to = date_of(w.last);
  return w;
}

const std::vector<int>& members_of(const Context& ctx, const Window& w) {
  return ctx.versions[static_cast<std::size_t>(w.version)].member_of_dorm;
}

void add_visits_of_dorm(const Context& ctx, Sink& sink, const Window& w, int week, int dorm) {
  const int expected = ctx.config.duties.visits_per_week;
  const int found = ctx.visits(dorm, week);
  const int late = ctx.late_visits(dorm, week);
  const Status unmet = ctx.waived(dorm, week_bit(week)) ? Status::waived : ctx.unmet_status(w.last);
  const Status status = count_status(found, found - late, expected, unmet);
  if (!sink.wants(status)) return;
  const int member = ctx.responsible(dorm, w.first, w.last);
  sink.add(Obligation{.rule = Rule::visits,
                      .status = status,
                      .member = member,
                      .dorm = dorm,
                      .period = week,
                      .window_from = w.from,
                      .window_to = w.to,
                      .due = w.to,
                      .expected = expected,
                      .found = found,
                      .late = late});
}

// One talk rule over its periods; `attention_only` keeps the attention students.
void add_talk_rule(const Context& ctx, Sink& sink, Rule rule, Period period, bool attention_only) {
  for (const auto& p : talk_periods(ctx.input.semester, period)) {
    const auto w = open_window(ctx, p.first_week, p.last_week);
    if (!w) continue;
    const Day still_there = std::min(w->last, ctx.as_of);
    const std::uint32_t talk_bits = week_range_bits(p.first_week, p.last_week);
    const auto& members = members_of(ctx, *w);
    for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
      if (members[static_cast<std::size_t>(dorm)] < 0) continue;
      const int member = ctx.responsible(dorm, w->first, w->last);
      for (const auto& stay : ctx.stays_of(dorm)) {
        // docs/check.md: due when living there on the first day and still on the last.
        if (stay.from > w->first || w->first >= stay.to || (attention_only && !stay.attention)) continue;
        if (stay.person == member || !ctx.resides(stay.person, dorm, still_there)) continue;
        const int found = (ctx.talk_weeks[static_cast<std::size_t>(stay.person)] & talk_bits) != 0 ? 1 : 0;
        // As for visits: a talk held in time but entered after the due day is done, entered late.
        const int late = found == 1 && !ctx.talk_entered_by(stay.person, p.first_week, p.last_week, w->last) ? 1 : 0;
        const Status unmet = ctx.waived(dorm, p.duty_weeks) ? Status::waived : ctx.unmet_status(w->last);
        const Status status = found == 1 ? (late == 1 ? Status::met_late : Status::met) : unmet;
        if (!sink.wants(status)) continue;
        sink.add(Obligation{.rule = rule,
                            .status = status,
                            .member = member,
                            .dorm = dorm,
                            .student = stay.person,
                            .period = p.number,
                            .window_from = w->from,
                            .window_to = w->to,
                            .due = w->to,
                            .expected = 1,
                            .found = found,
                            .late = late});
      }
    }
  }
}

bool first_year_lives_in(const Context& ctx, int dorm, Day day) {
  const int cohort = ctx.input.semester.academic_year();
  for (const auto& stay : ctx.stays_of(dorm)) {
    const auto& person = ctx.input.people[static_cast<std::size_t>(stay.person)];
    if (stay.from <= day && day < stay.to && person.cohort == cohort) return true;
  }
  return false;
}

}  // namespace

void add_visits(const Context& ctx, Sink& sink) {
  if (ctx.config.duties.visits_per_week <= 0) return;
  for (int week = 1; week <= ctx.weeks; ++week) {
    if (!ctx.has_duties(week)) continue;
    const auto w = open_window(ctx, week, week);
    if (!w) continue;
    const auto& members = members_of(ctx, *w);
    for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
      if (members[static_cast<std::size_t>(dorm)] < 0 || !ctx.has_resident(dorm, w->first)) continue;
      add_visits_of_dorm(ctx, sink, *w, week, dorm);
    }
  }
}

void add_talks(const Context& ctx, Sink& sink) {
  const auto& duties = ctx.config.duties;
  add_talk_rule(ctx, sink, Rule::talks, duties.talk_period, false);
  // Attention students get their own items only when their period is the shorter one;
  // otherwise `talks` already asks for at least as much.
  if (duties.attention_talk_period < duties.talk_period) {
    add_talk_rule(ctx, sink, Rule::attention_talks, duties.attention_talk_period, true);
  }
}

// Autumn only: a dorm with a first-year resident gets one orientation record in weeks 1..N.
void add_orientation(const Context& ctx, Sink& sink) {
  const auto& semester = ctx.input.semester;
  const bool autumn = static_cast<unsigned>(semester.first_monday.month()) >= 8;
  const int weeks = std::min(ctx.config.duties.orientation_weeks, ctx.weeks);
  if (!autumn || weeks <= 0) return;
  const auto w = open_window(ctx, 1, weeks);
  if (!w) return;
  std::vector<int> found(static_cast<std::size_t>(ctx.dorm_count()), 0);
  std::vector<int> late(found.size(), 0);
  for (const auto& r : ctx.input.kind_records) {
    const bool counts = r.kind == CountedKind::orientation && r.dorm >= 0 && r.week <= weeks;
    if (!counts || r.dorm >= ctx.dorm_count()) continue;
    ++found[static_cast<std::size_t>(r.dorm)];
    if (day_of(r.entered) > w->last) ++late[static_cast<std::size_t>(r.dorm)];
  }
  const auto& members = members_of(ctx, *w);
  for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
    const auto d = static_cast<std::size_t>(dorm);
    if (members[d] < 0 || !first_year_lives_in(ctx, dorm, w->first)) continue;
    const Status status = count_status(found[d], found[d] - late[d], 1, ctx.unmet_status(w->last));
    sink.add(Obligation{.rule = Rule::orientation,
                        .status = status,
                        .member = ctx.responsible(dorm, w->first, w->last),
                        .dorm = dorm,
                        .window_from = w->from,
                        .window_to = w->to,
                        .due = w->to,
                        .expected = 1,
                        .found = found[d],
                        .late = late[d]});
  }
}

}  // namespace dormlink::check::detail
