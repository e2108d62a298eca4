// The indexes of one evaluation (built once, read by every rule) and the sink that collects
// and orders the obligations.
#include <algorithm>
#include <climits>
#include <tuple>

#include "context.hpp"

namespace dormlink::check::detail {
namespace {

constexpr Day k_open = INT_MAX;  // a residence with no end

bool valid_index(int index, int size) { return index >= 0 && index < size; }

template <typename T>
T& at(std::vector<T>& v, int index) {
  return v[static_cast<std::size_t>(index)];
}

template <typename T>
const T& at(const std::vector<T>& v, int index) {
  return v[static_cast<std::size_t>(index)];
}

Version index_version(const AssignmentVersion& source, int dorms, int people) {
  Version version;
  version.valid_from = day_of(source.valid_from);
  version.member_of_dorm.assign(static_cast<std::size_t>(dorms), -1);
  std::vector<int> holders;
  for (const auto& [dorm, member] : source.pairs) {
    if (!valid_index(dorm, dorms) || !valid_index(member, people)) continue;
    at(version.member_of_dorm, dorm) = member;
  }
  for (int member : version.member_of_dorm) {
    if (member >= 0) holders.push_back(member);
  }
  std::sort(holders.begin(), holders.end());
  for (int member : holders) {
    if (version.members.empty() || version.members.back().first != member) {
      version.members.emplace_back(member, 0);
    }
    ++version.members.back().second;
  }
  return version;
}

// Residences grouped by dorm (a counting sort keeps each dorm's stays in input order).
void index_stays(Context& ctx) {
  const int dorms = ctx.dorm_count();
  ctx.stay_start.assign(static_cast<std::size_t>(dorms) + 1, 0);
  for (const auto& r : ctx.input.residences) {
    if (valid_index(r.dorm, dorms) && valid_index(r.person, ctx.person_count())) {
      ++at(ctx.stay_start, r.dorm + 1);
    }
  }
  for (int d = 0; d < dorms; ++d) at(ctx.stay_start, d + 1) += at(ctx.stay_start, d);
  ctx.stays.resize(static_cast<std::size_t>(ctx.stay_start.back()));
  std::vector<int> next(ctx.stay_start.begin(), ctx.stay_start.end() - 1);
  for (const auto& r : ctx.input.residences) {
    if (!valid_index(r.dorm, dorms) || !valid_index(r.person, ctx.person_count())) continue;
    const Day to = r.to ? day_of(*r.to) : k_open;
    at(ctx.stays, at(next, r.dorm)++) = Stay{r.person, day_of(r.from), to, r.attention};
  }
}

void index_records(Context& ctx) {
  const auto stride = static_cast<std::size_t>(ctx.weeks + 1);
  ctx.dorm_visits.assign(static_cast<std::size_t>(ctx.dorm_count()) * stride, 0);
  ctx.dorm_late_visits.assign(ctx.dorm_visits.size(), 0);
  for (const auto& v : ctx.input.visits) {
    if (!valid_index(v.dorm, ctx.dorm_count()) || v.week < 1 || v.week > ctx.weeks) continue;
    const auto slot = static_cast<std::size_t>(v.dorm) * stride + static_cast<std::size_t>(v.week);
    ctx.dorm_visits[slot] += v.visits;
    ctx.dorm_late_visits[slot] += v.late;
  }
  ctx.talk_weeks.assign(static_cast<std::size_t>(ctx.person_count()), 0);
  ctx.talk_entry.assign(static_cast<std::size_t>(ctx.person_count()), -1);
  for (std::size_t i = 0; i < ctx.input.talks.size(); ++i) {
    const auto& t = ctx.input.talks[i];
    if (!valid_index(t.person, ctx.person_count())) continue;
    at(ctx.talk_weeks, t.person) |= t.weeks;
    if (!t.first_entered.empty()) at(ctx.talk_entry, t.person) = static_cast<int>(i);
  }
}

// docs/check.md (excused): a dorm's excuse waives its week; a member's excuse without a dorm
// waives the week of every dorm that member answers for.
void index_excuses(Context& ctx) {
  if (!ctx.config.duties.excused_waives_week) return;
  ctx.waived_weeks.assign(static_cast<std::size_t>(ctx.dorm_count()), 0);
  std::vector<std::uint32_t> by_member(static_cast<std::size_t>(ctx.person_count()), 0);
  bool any_member_wide = false;
  for (const auto& e : ctx.input.excuses) {
    if (e.week < 1 || e.week > ctx.weeks) continue;
    if (valid_index(e.dorm, ctx.dorm_count())) {
      at(ctx.waived_weeks, e.dorm) |= week_bit(e.week);
    } else if (e.dorm < 0 && valid_index(e.member, ctx.person_count())) {
      at(by_member, e.member) |= week_bit(e.week);
      any_member_wide = true;
    }
  }
  if (!any_member_wide) return;
  for (int week = 1; week <= ctx.weeks; ++week) {
    const Day first = ctx.binding_day(ctx.monday(week));
    if (!ctx.has_duties(week) || first > ctx.as_of) continue;
    for (int dorm = 0; dorm < ctx.dorm_count(); ++dorm) {
      const int member = ctx.responsible(dorm, first, ctx.sunday(week));
      if (member >= 0 && (at(by_member, member) & week_bit(week)) != 0) {
        at(ctx.waived_weeks, dorm) |= week_bit(week);
      }
    }
  }
}

}  // namespace

Context::Context(const CheckInput& in, const Config& cfg, Date date)
    : input(in), config(cfg), as_of(day_of(date)), weeks(std::clamp(in.semester.teaching_weeks, 0, 30)) {
  for (const auto& v : input.assignments) versions.push_back(index_version(v, dorm_count(), person_count()));
  index_stays(*this);
  index_records(*this);
  index_excuses(*this);
}

Day Context::monday(int week) const { return day_of(input.semester.first_monday) + 7 * (week - 1); }

Day Context::sunday(int week) const { return monday(week) + 6; }

Day Context::binding_day(Day first) const {
  return versions.empty() ? first : std::max(first, versions.front().valid_from);
}

int Context::version_on(Day day) const {
  auto it =
      std::upper_bound(versions.begin(), versions.end(), day, [](Day d, const Version& v) { return d < v.valid_from; });
  return static_cast<int>(it - versions.begin()) - 1;
}

int Context::member_on(int dorm, Day day) const {
  const int version = version_on(day);
  return version < 0 ? -1 : at(at(versions, version).member_of_dorm, dorm);
}

int Context::responsible(int dorm, Day first, Day last) const {
  const int member = member_on(dorm, std::min(last, as_of));
  return member >= 0 ? member : member_on(dorm, first);
}

std::span<const Stay> Context::stays_of(int dorm) const {
  const auto begin = static_cast<std::size_t>(at(stay_start, dorm));
  const auto end = static_cast<std::size_t>(at(stay_start, dorm + 1));
  return std::span<const Stay>(stays.data() + begin, end - begin);
}

bool Context::has_resident(int dorm, Day day) const {
  for (const auto& s : stays_of(dorm)) {
    if (s.from <= day && day < s.to) return true;
  }
  return false;
}

bool Context::resides(int person, int dorm, Day day) const {
  for (const auto& s : stays_of(dorm)) {
    if (s.person == person && s.from <= day && day < s.to) return true;
  }
  return false;
}

int Context::visits(int dorm, int week) const {
  return dorm_visits[static_cast<std::size_t>(dorm) * static_cast<std::size_t>(weeks + 1) +
                     static_cast<std::size_t>(week)];
}

bool Context::talk_entered_by(int person, int first_week, int last_week, Day due) const {
  const int entry = talk_entry[static_cast<std::size_t>(person)];
  if (entry < 0) return true;
  for (const auto& [week, entered] : input.talks[static_cast<std::size_t>(entry)].first_entered) {
    if (week >= first_week && week <= last_week && day_of(entered) <= due) return true;
  }
  return false;
}

int Context::late_visits(int dorm, int week) const {
  return dorm_late_visits[static_cast<std::size_t>(dorm) * static_cast<std::size_t>(weeks + 1) +
                          static_cast<std::size_t>(week)];
}

bool Context::waived(int dorm, std::uint32_t duty_weeks) const {
  if (waived_weeks.empty() || duty_weeks == 0) return false;
  return (at(waived_weeks, dorm) & duty_weeks) == duty_weeks;
}

Status Context::unmet_status(Day due) const {
  if (as_of > due) return Status::overdue;
  if (due - as_of < config.check.due_soon_days) return Status::due_soon;
  return Status::pending;
}

Status Context::unmet_semester_status(Day due) const {
  if (as_of > due) return Status::overdue;
  int left = 0;  // duty weeks not yet over, the current one included
  for (int week = 1; week <= weeks; ++week) {
    if (has_duties(week) && sunday(week) >= as_of) ++left;
  }
  if (left <= config.check.at_risk_weeks) return Status::at_risk;
  return unmet_status(due);
}

Status count_status(int found, int on_time, int expected, Status unmet) {
  if (on_time >= expected) return Status::met;
  if (found >= expected) return Status::met_late;
  return unmet;
}

Sink::Sink(const CheckInput& input, const EvaluateOptions& options)
    : m_input(input), m_options(options), m_counselors(input.people.size(), -2) {}

bool Sink::listed(Status status) {
  return status == Status::due_soon || status == Status::at_risk || status == Status::overdue;
}

bool Sink::wants(Status status) const { return m_options.keep_met || listed(status); }

void Sink::add(Obligation obligation) {
  if (!wants(obligation.status)) return;
  if (m_options.keep_met_from && !listed(obligation.status) &&
      !within(obligation.due, *m_options.keep_met_from, m_options.keep_met_to.value_or(obligation.due)))
    return;
  if (obligation.counselor < 0 && obligation.member >= 0) obligation.counselor = counselor(obligation.member);
  if (m_options.counselor >= 0 && obligation.counselor != m_options.counselor) return;
  m_items.push_back(obligation);
}

int Sink::counselor(int member) {
  if (!valid_index(member, static_cast<int>(m_counselors.size()))) return -1;
  int& cached = at(m_counselors, member);
  if (cached == -2) cached = counselor_of(m_input, member);
  return cached;
}

namespace {

// "No counselor" is listed last; everything else in index (= staff id) order.
int counselor_rank(int counselor) { return counselor < 0 ? INT_MAX : counselor; }

// Within a counselor: unacknowledged incidents first, then open concerns, then the rest
// (docs/check.md "Cases").
int case_rank(const Obligation& o) {
  const bool unmet = o.status != Status::met && o.status != Status::met_late && o.status != Status::waived;
  if (!unmet) return 2;
  if (o.rule == Rule::incident_report) return 0;
  return o.rule == Rule::concern_ack || o.rule == Rule::concern_open ? 1 : 2;
}

// The documented order; a function object so that std::sort inlines it.
struct ListedBefore {
  bool operator()(const Obligation& a, const Obligation& b) const {
    if (a.counselor != b.counselor) return counselor_rank(a.counselor) < counselor_rank(b.counselor);
    if (const int x = case_rank(a), y = case_rank(b); x != y) return x < y;
    if (a.member != b.member) return a.member < b.member;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.dorm != b.dorm) return a.dorm < b.dorm;
    if (a.window_from != b.window_from) return a.window_from < b.window_from;
    return std::tie(a.student, a.record_id, a.period) < std::tie(b.student, b.record_id, b.period);
  }
};

}  // namespace

std::vector<Obligation> Sink::take_sorted() {
  std::sort(m_items.begin(), m_items.end(), ListedBefore{});
  return std::move(m_items);
}

}  // namespace dormlink::check::detail
