// Cases (docs/check.md "Cases: concerns and incidents"): incidents acknowledged by staff within
// incident_report_hours of being found (第一时间), members' concerns acknowledged within
// concern_ack_hours and closed within concern_open_days of being opened (及时汇报), and repeats.
#include <algorithm>
#include <tuple>

#include "context.hpp"
#include "dormlink/util/timezone.hpp"

namespace dormlink::check::detail {
namespace {

// The instant (UTC minutes) of a time in the college's zone. A date without a time gives the
// member the benefit of the doubt: an incident found that day was found at its last minute; a
// step taken that day was taken at its first.
long long instant_of(const util::ZoneClock& zone, const LocalDateTime& when, bool found) {
  if (!when.has_time) return zone.utc_minutes(when.date, found ? 23 : 0, found ? 59 : 0);
  return zone.utc_minutes(when.date, when.hour, when.minute);
}

// An unmet case item is listed from the day its deadline falls on, never earlier
// (check.due_soon_days does not apply): due soon that day, overdue after it.
Status case_unmet_status(Day as_of, Day due) {
  if (as_of > due) return Status::overdue;
  return as_of == due ? Status::due_soon : Status::pending;
}

// One deadline of a case: from `start` (an instant), `allowed` minutes, met by `done`.
struct Deadline {
  long long start = 0;
  long long allowed = 0;
  std::optional<LocalDateTime> done;
};

// The obligation's status, due day, counts and minutes for one deadline.
Obligation case_item(const Context& ctx, const util::ZoneClock& zone, const Deadline& d) {
  const long long deadline = d.start + d.allowed;
  const Day due = day_of(zone.local_date(deadline));
  const bool done = d.done && day_of(d.done->date) <= ctx.as_of;
  const long long done_at = done ? instant_of(zone, *d.done, false) : 0;
  const int found = done ? 1 : 0;
  const int late = done && done_at > deadline ? 1 : 0;
  Obligation o;
  o.status = count_status(found, found - late, 1, case_unmet_status(ctx.as_of, due));
  o.due = date_of(due);
  o.expected = 1;
  o.found = found;
  o.late = late;
  o.minutes = done ? std::max(done_at - d.start, 0LL) : 0;
  return o;
}

std::int64_t case_number(const Incident& incident) { return incident.case_id != 0 ? incident.case_id : incident.id; }

bool shares_student(const Incident& a, const Incident& b) {
  for (const auto& s : a.students)
    if (std::find(b.students.begin(), b.students.end(), s) != b.students.end()) return true;
  return false;
}

// Whether `earlier` makes `later` a repeat: same category, same dorm or a shared student, found
// before it and at most repeat_window_days calendar days earlier.
bool repeats(const Incident& later, const Incident& earlier, int window_days) {
  if (case_number(later) == case_number(earlier) || later.category != earlier.category) return false;
  if (std::tie(earlier.found, earlier.case_id, earlier.id) >= std::tie(later.found, later.case_id, later.id))
    return false;
  const Day gap = day_of(later.found.date) - day_of(earlier.found.date);
  if (gap < 0 || gap > window_days) return false;
  return (later.dorm >= 0 && later.dorm == earlier.dorm) || shares_student(later, earlier);
}

}  // namespace

// docs/check.md `incident_report`: acknowledged by staff (the first staff step) within
// incident_report_hours of being found; the member's claimed report time is not counted.
void add_incidents(const Context& ctx, Sink& sink) {
  if (ctx.input.incidents.empty()) return;
  const util::ZoneClock zone(ctx.config.college.time_zone);
  const long long allowed = static_cast<long long>(ctx.config.duties.incident_report_hours) * 60;
  // The incidents a repeat can follow: the earlier semesters', and this one's found by as_of.
  std::vector<Incident> known = ctx.input.earlier_incidents;
  for (const auto& incident : ctx.input.incidents)
    if (day_of(incident.found.date) <= ctx.as_of) known.push_back(incident);
  for (std::size_t i = 0; i < ctx.input.incidents.size(); ++i) {
    const auto& incident = ctx.input.incidents[i];
    if (day_of(incident.found.date) > ctx.as_of) continue;
    auto item = case_item(ctx, zone, {instant_of(zone, incident.found, true), allowed, incident.steps.acknowledged});
    item.rule = Rule::incident_report;
    item.member = incident.member;
    item.dorm = incident.dorm;
    item.record_id = case_number(incident);
    item.window_from = incident.found.date;
    item.window_to = incident.found.date;
    item.case_index = static_cast<int>(i);
    item.repeat_of = repeat_of(incident, known, ctx.config.duties.repeat_window_days);
    sink.add(item);
  }
}

// docs/check.md `concern_ack`, `concern_open`: a concern opened on a talk is acknowledged
// within concern_ack_hours and closed within concern_open_days.
void add_concerns(const Context& ctx, Sink& sink) {
  if (ctx.input.concerns.empty()) return;
  const util::ZoneClock zone(ctx.config.college.time_zone);
  const long long ack = static_cast<long long>(ctx.config.duties.concern_ack_hours) * 60;
  const long long open = static_cast<long long>(ctx.config.duties.concern_open_days) * 24 * 60;
  for (std::size_t i = 0; i < ctx.input.concerns.size(); ++i) {
    const auto& concern = ctx.input.concerns[i];
    if (day_of(concern.opened.date) > ctx.as_of) continue;
    const long long opened = instant_of(zone, concern.opened, false);
    for (const auto& [rule, deadline] :
         {std::pair{Rule::concern_ack, Deadline{opened, ack, concern.steps.acknowledged}},
          std::pair{Rule::concern_open, Deadline{opened, open, concern.steps.closed}}}) {
      auto item = case_item(ctx, zone, deadline);
      item.rule = rule;
      item.member = concern.member;
      item.dorm = concern.dorm;
      item.student = concern.student;
      item.record_id = concern.case_id;
      item.window_from = concern.opened.date;
      item.window_to = concern.opened.date;
      item.case_index = static_cast<int>(i);
      sink.add(item);
    }
  }
}

}  // namespace dormlink::check::detail

namespace dormlink::check {

std::int64_t repeat_of(const Incident& incident, const std::vector<Incident>& others, int window_days) {
  if (window_days <= 0 || incident.category.empty()) return 0;
  const Incident* latest = nullptr;
  for (const auto& other : others) {
    if (!detail::repeats(incident, other, window_days)) continue;
    if (latest == nullptr || std::tie(other.found, other.id) > std::tie(latest->found, latest->id)) latest = &other;
  }
  return latest == nullptr ? 0 : detail::case_number(*latest);
}

std::string_view to_string(CaseStage stage) {
  switch (stage) {
    case CaseStage::reported:
      return "reported";
    case CaseStage::acknowledged:
      return "acknowledged";
    case CaseStage::action:
      return "action";
    case CaseStage::closed:
      return "closed";
  }
  return "reported";
}

}  // namespace dormlink::check
