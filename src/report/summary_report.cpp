// The counselor's summary for the committee: aggregated from the obligations check::evaluate
// returned (never recomputed), privacy applied (docs/reports.md). Rendered by
// summary_render.cpp (Markdown, sheets) and summary_json.cpp.
#include "dormlink/report/summary_report.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/pinyin.hpp"
#include "summary_build.hpp"

namespace dormlink::report {
namespace summary_detail {

using check::Obligation;
using check::Rule;

// The counselor's obligations that belong to the period: duties due within it, the period's
// forms, incidents found and concerns opened within it.
bool in_period(const Obligation& o, const ReportPeriod& p) {
  switch (o.rule) {
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return o.period == p.number;
    case Rule::incident_report:
    case Rule::concern_ack:
    case Rule::concern_open:
      return within(o.window_from, p.first_day, p.last_day);
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      return within(o.due, p.first_day, p.last_day);
    default:
      return false;
  }
}

// Whether an obligation belongs to the summary: a counselor's summary takes what check
// charges to the counselor (the counselor's own summary too), a branch's its members' items,
// the college's everything.
bool covers(const SummaryInput& in, const Obligation& o) {
  switch (in.scope) {
    case SummaryScope::college:
      return true;
    case SummaryScope::branch:
      return o.member >= 0 && in.check->people[static_cast<std::size_t>(o.member)].branch == in.branch;
    case SummaryScope::counselor:
      break;
  }
  return o.counselor == in.counselor;
}

}  // namespace summary_detail

namespace {

using summary_detail::covers;
using summary_detail::in_period;

using check::Obligation;
using check::Rule;
using check::Status;

bool done(Status s) { return s == Status::met || s == Status::met_late; }

const check::Person& person(const SummaryInput& in, int index) {
  return in.check->people[static_cast<std::size_t>(index)];
}

// Whether the summary's scope holds a member: the counselor's, the branch's, any.
bool covers_member(const SummaryInput& in, int member) {
  if (member < 0) return false;
  switch (in.scope) {
    case SummaryScope::college:
      return true;
    case SummaryScope::branch:
      return person(in, member).branch == in.branch;
    case SummaryScope::counselor:
      break;
  }
  return check::counselor_of(*in.check, member) == in.counselor;
}

std::string dorm_code(const SummaryInput& in, int dorm) {
  return dorm < 0 || dorm >= static_cast<int>(in.check->dorms.size()) ? std::string()
                                                                      : in.check->dorms[static_cast<std::size_t>(dorm)];
}

// Dorm codes in the order of buildings and rooms: runs of digits compare as numbers
// ("8-101" < "10-101").
bool code_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      const auto x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

// Adds one obligation to a tally: count rules by their numbers, per-student rules as one each.
void tally(Tally& t, const Obligation& o) {
  if (o.status == Status::waived) return;
  if (o.rule == Rule::visits) {
    t.expected += o.expected;
    t.found += o.found;
    t.late += o.late;
  } else {
    t.expected += 1;
    t.found += done(o.status) ? 1 : 0;
    t.late += o.status == Status::met_late ? 1 : 0;
  }
}

// Distinct residents due a talk, and those talked with at least once.
struct Coverage {
  std::set<int> due;
  std::set<int> talked;
  void add(const Obligation& o) {
    if (o.status == Status::waived) return;
    due.insert(o.student);
    if (done(o.status)) talked.insert(o.student);
  }
  Tally tally() const { return {static_cast<int>(due.size()), static_cast<int>(talked.size()), 0}; }
};

// The assignment version in force on a day (-1 before the first).
int version_on(const check::CheckInput& input, Date day) {
  int found = -1;
  for (std::size_t v = 0; v < input.assignments.size(); ++v)
    if (to_days(input.assignments[v].valid_from) <= to_days(day)) found = static_cast<int>(v);
  return found;
}

Date period_end(const SummaryInput& in) {
  return to_days(in.as_of) < to_days(in.period.last_day) ? in.as_of : in.period.last_day;
}

int dorms_held(const SummaryInput& in, int member) {
  const int v = version_on(*in.check, period_end(in));
  if (v < 0) return 0;
  const auto& pairs = in.check->assignments[static_cast<std::size_t>(v)].pairs;
  return static_cast<int>(std::count_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.second == member; }));
}

struct MemberWork {
  SummaryMember row;
  Coverage coverage;
};

struct DormWork {
  SummaryDorm row;
  Coverage coverage;
  Date latest{};
};

void add_to_member(MemberWork& m, const Obligation& o) {
  if (o.rule == Rule::visits) tally(m.row.visits, o);
  if (o.rule == Rule::talks) {
    tally(m.row.talks, o);
    m.coverage.add(o);
  }
  if (o.rule == Rule::feedback_form) m.row.form = o.status;
}

void add_to_dorm(const SummaryInput& in, DormWork& d, const Obligation& o) {
  if (o.rule == Rule::visits) tally(d.row.visits, o);
  if (o.rule == Rule::talks) {
    tally(d.row.talks, o);
    d.coverage.add(o);
  }
  if (o.member >= 0 && to_days(o.window_to) >= to_days(d.latest)) {
    d.latest = o.window_to;
    d.row.member = person(in, o.member).name;
  }
}

// Rules whose counts tell about attention students, incidents or concerns.
bool sensitive_rule(Rule rule) {
  return rule == Rule::attention_talks || rule == Rule::incident_report || rule == Rule::concern_ack ||
         rule == Rule::concern_open;
}

// Whether a member's overdue total counts the obligation: not the sensitive rules' when their
// counts are suppressed, since the members' totals less the rules shown would give them away.
bool counts_for_member(const Privacy& privacy, const Obligation& o) {
  return o.status == Status::overdue && o.member >= 0 && !(privacy.suppresses_small_counts() && sensitive_rule(o.rule));
}

void fill_members_and_dorms(const SummaryInput& in, CounselorSummary& out) {
  std::map<int, MemberWork> members;
  std::map<std::string, DormWork> dorms;
  for (const auto& o : *in.obligations) {
    if (!covers(in, o)) continue;
    if (counts_for_member(in.privacy, o)) members[o.member].row.overdue++;
    if (!in_period(o, in.period) || o.member < 0) continue;
    if (sensitive_rule(o.rule)) {
      members.try_emplace(o.member);
      continue;
    }
    add_to_member(members[o.member], o);
    if (o.dorm >= 0) {
      auto& d = dorms[dorm_code(in, o.dorm)];
      d.row.code = dorm_code(in, o.dorm);
      add_to_dorm(in, d, o);
    }
  }
  for (auto& [index, m] : members) {
    const bool due = m.row.form || m.row.visits.expected > 0 || m.row.talks.expected > 0;
    if (!due && m.row.overdue == 0) continue;
    m.row.id = person(in, index).id;
    m.row.name = person(in, index).name;
    for (const auto& [id, source] : in.hand_ins)
      if (id == m.row.id) m.row.hand_in = source;
    m.row.dorms = dorms_held(in, index);
    m.row.residents = m.coverage.tally();
    out.members.push_back(m.row);
  }
  std::sort(out.members.begin(), out.members.end(), [](const SummaryMember& a, const SummaryMember& b) {
    const int c = util::compare_pinyin(a.name, b.name);
    return c != 0 ? c < 0 : a.id < b.id;
  });
  for (auto& [code, d] : dorms) {
    d.row.residents = d.coverage.tally();
    out.dorms.push_back(d.row);
  }
  std::sort(out.dorms.begin(), out.dorms.end(),
            [](const SummaryDorm& a, const SummaryDorm& b) { return code_less(a.code, b.code); });
}

// The students marked for attention at some time during the period (one pass over residences).
std::set<int> attention_during(const SummaryInput& in) {
  std::set<int> out;
  for (const auto& r : in.check->residences) {
    if (!r.attention) continue;
    if (to_days(r.from) <= to_days(in.period.last_day) && (!r.to || to_days(*r.to) > to_days(in.period.first_day)))
      out.insert(r.person);
  }
  return out;
}

std::vector<AttentionCategory> categories_of(const SummaryInput& in, const std::string& id) {
  for (const auto& [student, categories] : in.attention)
    if (student == id) return categories;
  return {};
}

void fill_attention(const SummaryInput& in, CounselorSummary& out) {
  std::map<int, NamedAttention> students;
  const std::set<int> attention = attention_during(in);
  for (const auto& o : *in.obligations) {
    if (!covers(in, o) || !in_period(o, in.period) || o.student < 0) continue;
    if (o.rule != Rule::talks && o.rule != Rule::attention_talks) continue;
    if (o.status == Status::waived || attention.count(o.student) == 0) continue;
    auto& s = students[o.student];
    s.id = person(in, o.student).id;
    s.name = person(in, o.student).name;
    s.dorm = dorm_code(in, o.dorm);
    tally(s.talks, o);
  }
  auto& a = out.attention;
  int talked = 0, missed = 0;
  for (auto& [index, s] : students) {
    if (s.talks.found == s.talks.expected)
      talked++;
    else
      missed++;
    if (in.privacy.attention_of_named()) {
      s.categories = categories_of(in, s.id);
      a.named.push_back(s);
    }
  }
  std::sort(a.named.begin(), a.named.end(), [](const NamedAttention& x, const NamedAttention& y) {
    const int c = util::compare_pinyin(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  });
  a.students = in.privacy.count(static_cast<int>(students.size()));
  const auto parts = in.privacy.parts({talked, missed});
  a.talked = parts[0];
  a.missed = parts[1];
}

// Overdue counts by rule, sensitive rules as the audience may see them, and their total.
void fill_overdue_counts(const std::map<Rule, int>& by_rule, const Privacy& privacy, CounselorSummary& out) {
  int exact_part = 0;
  std::vector<int> sensitive;
  for (const auto& [rule, count] : by_rule) {
    if (sensitive_rule(rule)) {
      sensitive.push_back(count);
      out.overdue_by_rule.emplace_back(rule, privacy.count(count));
    } else {
      exact_part += count;
      out.overdue_by_rule.emplace_back(rule, Privacy::exact(count));
    }
  }
  out.overdue_total = privacy.total(exact_part, sensitive);
}

void fill_forms_and_overdue(const SummaryInput& in, CounselorSummary& out) {
  std::map<Rule, int> by_rule;
  for (const auto& o : *in.obligations) {
    if (!covers(in, o)) continue;
    if (o.rule == Rule::feedback_form && o.period == in.period.number) tally(out.forms, o);
    if (in.scope == SummaryScope::counselor && o.rule == Rule::counselor_summary && o.period == in.period.number &&
        o.member < 0)
      out.own = o.status;
    if (o.status != Status::overdue) continue;
    by_rule[o.rule]++;
    if (in.privacy.audience == Audience::committee || in.scope == SummaryScope::college) continue;
    OverdueLine line{o.rule,
                     o.member >= 0 ? person(in, o.member).name : std::string(),
                     dorm_code(in, o.dorm),
                     {},
                     o.period,
                     o.record_id,
                     o.window_from,
                     o.window_to,
                     o.due};
    const bool concern = o.rule == Rule::concern_ack || o.rule == Rule::concern_open;
    const bool named = concern ? in.privacy.audience == Audience::counselor
                               : o.rule != Rule::attention_talks || in.privacy.attention_of_named();
    if (o.student >= 0 && named) line.student = person(in, o.student).name;
    out.overdue.push_back(std::move(line));
  }
  fill_overdue_counts(by_rule, in.privacy, out);
}

void fill_changes(const SummaryInput& in, CounselorSummary& out) {
  const auto& versions = in.check->assignments;
  const Date end = period_end(in);
  auto mine = [&](int member) { return covers_member(in, member); };
  for (std::size_t v = 0; v < versions.size(); ++v) {
    if (!within(versions[v].valid_from, in.period.first_day, end)) continue;
    if (v == 0) {
      out.first_assignment = versions[v].valid_from;
      continue;
    }
    std::map<int, std::pair<int, int>> members;  // dorm -> (before, after)
    for (const auto& [dorm, member] : versions[v - 1].pairs) members[dorm] = {member, -1};
    for (const auto& [dorm, member] : versions[v].pairs) {
      members.try_emplace(dorm, -1, -1);
      members[dorm].second = member;
    }
    for (const auto& [dorm, pair] : members) {
      const auto [before, after] = pair;
      if (before == after || !(mine(before) || mine(after))) continue;
      out.changes.push_back({versions[v].valid_from, dorm_code(in, dorm),
                             before >= 0 ? person(in, before).name : std::string(),
                             after >= 0 ? person(in, after).name : std::string()});
    }
  }
}

// The college's rows, in one pass: each counselor's members (the college's member rows, whose
// obligations check charges to that counselor), forms, own summary and overdue items — the same
// numbers as that counselor's own summary (tests/cli/test_e2e_views.cpp recomputes them so).
void fill_counselor_rows(const SummaryInput& in, CounselorSummary& out) {
  const auto& counselors = in.check->counselors;
  std::vector<CounselorRow> rows(counselors.size());
  std::vector<int> counselor_of_person(in.check->people.size(), -1);
  for (const auto& o : *in.obligations) {
    if (o.counselor < 0 || o.counselor >= static_cast<int>(rows.size())) continue;
    auto& row = rows[static_cast<std::size_t>(o.counselor)];
    if (o.member >= 0) counselor_of_person[static_cast<std::size_t>(o.member)] = o.counselor;
    if (o.rule == Rule::feedback_form && o.period == in.period.number) tally(row.forms, o);
    if (o.rule == Rule::counselor_summary && o.period == in.period.number && o.member < 0) row.own = o.status;
    const bool left_out = std::find(out.member_overdue_excludes.begin(), out.member_overdue_excludes.end(), o.rule) !=
                          out.member_overdue_excludes.end();
    if (o.status == Status::overdue && !left_out) row.overdue++;
  }
  std::map<std::string_view, int> by_id;  // the members' counselors, by student id
  for (std::size_t p = 0; p < counselor_of_person.size(); ++p)
    if (counselor_of_person[p] >= 0) by_id.emplace(in.check->people[p].id, counselor_of_person[p]);
  for (const auto& m : out.members) {
    const auto it = by_id.find(m.id);
    if (it == by_id.end()) continue;
    auto& row = rows[static_cast<std::size_t>(it->second)];
    row.members++;
    row.dorms += m.dorms;
    for (auto [total, part] : {std::pair{&row.visits, &m.visits}, std::pair{&row.talks, &m.talks}}) {
      total->expected += part->expected;
      total->found += part->found;
      total->late += part->late;
    }
  }
  for (std::size_t c = 0; c < rows.size(); ++c) {
    if (rows[c].members == 0 && !rows[c].own) continue;  // nobody of theirs was due anything
    rows[c].id = counselors[c].staff_id;
    rows[c].name = counselors[c].name;
    out.counselors.push_back(rows[c]);
  }
  std::sort(out.counselors.begin(), out.counselors.end(),
            [](const CounselorRow& a, const CounselorRow& b) { return a.id < b.id; });
}

// The last teaching week of the grid: the period's last, or as_of's when earlier (0: none yet).
int last_grid_week(const SummaryInput& in) {
  const auto& semester = in.check->semester;
  if (to_days(in.as_of) < to_days(semester.first_monday)) return 0;
  int last = std::min({in.period.last_week, semester.teaching_weeks, 30});  // TalkWeeks holds weeks 1..30
  if (const auto week = semester.teaching_week(in.as_of)) last = std::min(last, *week);
  return std::max(last, 0);
}

// The dorm (index) a student lived in during a teaching week: the stay that began last of those
// overlapping the week up to as_of; -1 when none.
int dorm_in_week(const std::vector<const check::Residence*>& stays, Date monday, Date last) {
  const check::Residence* found = nullptr;
  for (const auto* r : stays) {
    const bool overlaps = to_days(r->from) <= to_days(last) && (!r->to || to_days(*r->to) > to_days(monday));
    if (overlaps && (found == nullptr || to_days(r->from) >= to_days(found->from))) found = r;
  }
  return found == nullptr ? -1 : found->dorm;
}

// Visits and residents talked with, per grid row (the summary's dorms) and week 1..weeks.
std::vector<std::vector<int>> count_contacts(const SummaryInput& in, const std::map<int, std::size_t>& row_of,
                                             int weeks) {
  const auto& input = *in.check;
  std::vector<std::vector<int>> counts(row_of.size(), std::vector<int>(static_cast<std::size_t>(weeks), 0));
  for (const auto& v : input.visits) {
    const auto row = row_of.find(v.dorm);
    if (row != row_of.end() && v.week >= 1 && v.week <= weeks)
      counts[row->second][static_cast<std::size_t>(v.week - 1)] += v.visits;
  }
  std::vector<std::vector<const check::Residence*>> stays(input.people.size());
  for (const auto& r : input.residences)
    if (r.person >= 0 && r.person < static_cast<int>(stays.size()))
      stays[static_cast<std::size_t>(r.person)].push_back(&r);
  for (const auto& t : input.talks) {
    if (t.person < 0 || t.person >= static_cast<int>(stays.size())) continue;
    for (int week = 1; week <= weeks; ++week) {
      if ((t.weeks & (std::uint32_t{1} << week)) == 0) continue;
      const Date monday{to_days(input.semester.first_monday) + std::chrono::days{7 * (week - 1)}};
      const Date sunday{to_days(monday) + std::chrono::days{6}};
      const Date last = to_days(in.as_of) < to_days(sunday) ? in.as_of : sunday;
      const auto row = row_of.find(dorm_in_week(stays[static_cast<std::size_t>(t.person)], monday, last));
      if (row != row_of.end()) counts[row->second][static_cast<std::size_t>(week - 1)]++;
    }
  }
  return counts;
}

// The summary's dorms × teaching weeks 1..last_grid_week: contacts, from the records check reads
// (the obligations of the period cover only its own weeks).
void fill_week_grid(const SummaryInput& in, CounselorSummary& out) {
  auto& grid = out.contacts_by_week;
  const int weeks = last_grid_week(in);
  std::map<int, std::size_t> row_of;  // dorm index -> row
  for (const auto& d : out.dorms) {
    const auto& codes = in.check->dorms;
    const auto it = std::find(codes.begin(), codes.end(), d.code);
    if (it == codes.end()) continue;
    row_of.emplace(static_cast<int>(it - codes.begin()), grid.dorms.size());
    grid.dorms.push_back(d.code);
  }
  for (int week = 1; week <= weeks; ++week) grid.weeks.push_back(week);
  const auto counts = count_contacts(in, row_of, weeks);
  for (const auto& row : counts) {
    auto& cells = grid.contacts.emplace_back();
    for (int week = 1; week <= weeks; ++week) {
      const int n = row[static_cast<std::size_t>(week - 1)];
      // A holiday or exam week owes nothing: blank unless something happened in it.
      cells.push_back(n == 0 && !in.check->semester.has_duties(week) ? std::nullopt : std::optional<int>(n));
    }
  }
}

}  // namespace

std::string_view to_string(SummaryScope scope) {
  switch (scope) {
    case SummaryScope::branch:
      return "branch";
    case SummaryScope::college:
      return "college";
    case SummaryScope::counselor:
      break;
  }
  return "counselor";
}

CounselorSummary build_counselor_summary(const SummaryInput& in) {
  CounselorSummary out;
  out.college = in.college;
  out.period = in.period;
  out.reported_on = in.as_of;
  out.scope = in.scope;
  out.branch = in.scope == SummaryScope::branch ? in.branch : std::string();
  if (in.scope == SummaryScope::counselor) {
    const auto& counselor = in.check->counselors.at(static_cast<std::size_t>(in.counselor));
    out.counselor_id = counselor.staff_id;
    out.counselor_name = counselor.name;
  }
  out.audience = in.privacy.audience;
  out.sensitive = in.privacy.include_sensitive;
  out.phones_in_full = in.privacy.phones_in_full();
  if (in.privacy.suppresses_small_counts() && in.privacy.small_count_threshold > 1)
    out.small_counts_below = in.privacy.small_count_threshold;
  out.attention_named = in.privacy.attention_of_named();
  if (in.privacy.suppresses_small_counts())
    out.member_overdue_excludes = {Rule::attention_talks, Rule::incident_report, Rule::concern_ack, Rule::concern_open};
  fill_members_and_dorms(in, out);
  summary_detail::fill_incidents(in, out);
  summary_detail::fill_incident_categories(in, out);
  summary_detail::fill_concerns(in, out);
  fill_attention(in, out);
  fill_forms_and_overdue(in, out);
  fill_changes(in, out);
  if (in.scope == SummaryScope::college) {
    // The college's document is its counselors' rows: the members and dorms are in each
    // counselor's own summary (docs/reports.md "Branch and college summaries").
    fill_counselor_rows(in, out);
    summary_detail::fill_overdue_trend(in, out);
    out.members.clear();
    out.dorms.clear();
  } else {
    fill_week_grid(in, out);
    summary_detail::fill_overdue_trend(in, out);
  }
  out.chain = in.chain;
  return out;
}
}  // namespace dormlink::report
