// The reports: feedback forms and counselor summaries (docs/check.md); incident reports are cases
// (cases.cpp).
#include <algorithm>
#include <climits>
#include <string_view>

#include "context.hpp"
#include "dormlink/check/period.hpp"

namespace dormlink::check::detail {
namespace {

// The earliest submission of each (subject index, period), looked up by binary search.
class Submissions {
 public:
  void add(int subject, int period, Day submitted) {
    if (period >= 1 && period < k_periods) m_rows.push_back({key(subject, period), submitted});
  }

  void seal() { std::sort(m_rows.begin(), m_rows.end()); }

  // The earliest submission: rows of a key are sorted by day.
  std::optional<Day> find(int subject, int period) const {
    const auto k = key(subject, period);
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), Row{k, INT_MIN});
    if (it == m_rows.end() || it->first != k) return std::nullopt;
    return it->second;
  }

 private:
  using Row = std::pair<long long, Day>;
  static constexpr int k_periods = 1024;  // far above any semester's (at most 30 weeks)
  static long long key(int subject, int period) { return static_cast<long long>(subject) * k_periods + period; }

  std::vector<Row> m_rows;
};

// Indexes of a list by id: binary search over the list's own order when it is sorted by id
// (CheckInput promises so), else over a sorted copy of the order.
class IdLookup {
 public:
  template <typename T, typename Id>
  IdLookup(const std::vector<T>& items, Id id_of) {
    for (const auto& item : items) m_ids.push_back(id_of(item));
    m_order.resize(m_ids.size());
    for (std::size_t i = 0; i < m_order.size(); ++i) m_order[i] = static_cast<int>(i);
    if (!std::is_sorted(m_ids.begin(), m_ids.end())) {
      std::sort(m_order.begin(), m_order.end(), [&](int a, int b) { return id(a) < id(b); });
    }
  }

  // The index of `wanted`, -1 when absent.
  int find(std::string_view wanted) const {
    auto it =
        std::lower_bound(m_order.begin(), m_order.end(), wanted, [&](int i, std::string_view w) { return id(i) < w; });
    return it == m_order.end() || id(*it) != wanted ? -1 : *it;
  }

 private:
  std::string_view id(int i) const { return m_ids[static_cast<std::size_t>(i)]; }

  std::vector<std::string_view> m_ids;
  std::vector<int> m_order;
};

// Forms by person index and summaries by counselor index; ids that match nobody are ignored.
std::pair<Submissions, Submissions> index_submissions(const CheckInput& input, bool on_behalf_counts) {
  Submissions forms;
  Submissions summaries;
  const IdLookup people(input.people, [](const Person& p) -> std::string_view { return p.id; });
  const IdLookup staff(input.counselors, [](const Counselor& c) -> std::string_view { return c.staff_id; });
  for (const auto& s : input.submissions) {
    const int subject = s.summary ? staff.find(s.subject_id) : people.find(s.subject_id);
    if (subject < 0) continue;
    if (!s.summary && !s.by_member && !on_behalf_counts) continue;
    (s.summary ? summaries : forms).add(subject, s.period, day_of(s.submitted));
  }
  forms.seal();
  summaries.seal();
  return {std::move(forms), std::move(summaries)};
}

// Every member who held a dorm on some day of [first, last].
std::vector<int> members_during(const Context& ctx, Day first, Day last) {
  std::vector<int> members;
  // The version in force on the first day (or the first one, if it starts later) and those after.
  int version = std::max(ctx.version_on(first), 0);
  for (; version < static_cast<int>(ctx.versions.size()); ++version) {
    const auto& v = ctx.versions[static_cast<std::size_t>(version)];
    if (v.valid_from > last) break;
    for (const auto& [member, dorms] : v.members) members.push_back(member);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

// A form or summary: met when submitted by the due day, met_late after it.
Obligation form_item(const Context& ctx, Rule rule, std::optional<Day> submitted, Day due) {
  const int found = submitted ? 1 : 0;
  const int late = submitted && *submitted > due ? 1 : 0;
  return Obligation{.rule = rule,
                    .status = count_status(found, found - late, 1, ctx.unmet_status(due)),
                    .due = date_of(due),
                    .expected = 1,
                    .found = found,
                    .late = late};
}

void add_period(const Context& ctx, Sink& sink, const std::pair<Submissions, Submissions>& submitted, int period) {
  const auto& semester = ctx.input.semester;
  const auto [first_week, last_week] = reporting_period_weeks(period, semester, ctx.config);
  bool duties = false;
  for (int week = first_week; week <= last_week; ++week) duties = duties || ctx.has_duties(week);
  const Day first = ctx.monday(first_week);
  const Day last = ctx.sunday(last_week);
  if (!duties || first > ctx.as_of) return;
  const Day form_due = day_of(form_due_date(period, semester, ctx.config, false));
  const Day summary_due = day_of(form_due_date(period, semester, ctx.config, true));
  std::vector<int> counselors;
  for (int member : members_during(ctx, first, std::min(last, ctx.as_of))) {
    auto item = form_item(ctx, Rule::feedback_form, submitted.first.find(member, period), form_due);
    item.member = member;
    item.period = period;
    item.window_from = date_of(first);
    item.window_to = date_of(last);
    sink.add(item);
    if (const int c = sink.counselor(member); c >= 0) counselors.push_back(c);
  }
  std::sort(counselors.begin(), counselors.end());
  counselors.erase(std::unique(counselors.begin(), counselors.end()), counselors.end());
  for (int c : counselors) {
    auto item = form_item(ctx, Rule::counselor_summary, submitted.second.find(c, period), summary_due);
    item.counselor = c;
    item.period = period;
    item.window_from = date_of(first);
    item.window_to = date_of(last);
    sink.add(item);
  }
}

}  // namespace

void add_forms(const Context& ctx, Sink& sink) {
  const int periods = period_count(ctx.input.semester, ctx.config);
  const auto submitted = index_submissions(ctx.input, ctx.config.reporting.on_behalf_counts);
  for (int period = 1; period <= periods; ++period) add_period(ctx, sink, submitted, period);
}

}  // namespace dormlink::check::detail
