// Building the evening digest (digest.hpp, docs/digest.md §1): selecting and grouping the
// obligations check::evaluate computed; the wording is in digest_render.cpp.
#include "dormlink/report/digest.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

// Rules a branch secretary or member reads as "talks": whether a resident is an attention
// student is the counselor's to know (privacy.attention_of_named), not the digest's to tell.
Rule shown_rule(Rule rule, const Privacy& privacy) {
  if (rule == Rule::attention_talks && (privacy.audience != Audience::counselor || !privacy.attention_of_named()))
    return Rule::talks;
  return rule;
}

bool soon(const Obligation& o) { return o.status == Status::due_soon || o.status == Status::at_risk; }

bool is_concern(Rule rule) { return rule == Rule::concern_ack || rule == Rule::concern_open; }
// Cases have their own sections (docs/digest.md §1): incidents, then concerns.
bool is_case(Rule rule) { return rule == Rule::incident_report || is_concern(rule); }

// Lines of the same member, rule and period (talks of one week with five residents: one line
// counting five), in the order of the first obligation of each.
std::vector<DigestLine> group_lines(const std::vector<const Obligation*>& items, const Privacy& privacy,
                                    std::optional<Date> since) {
  std::vector<DigestLine> lines;
  std::map<std::tuple<int, int, int, int, long long>, std::size_t> at;
  for (const auto* o : items) {
    const Rule rule = shown_rule(o->rule, privacy);
    const auto key =
        std::make_tuple(o->counselor, o->member, static_cast<int>(rule), o->period,
                        static_cast<long long>(std::chrono::sys_days{o->window_from}.time_since_epoch().count()));
    auto [it, added] = at.try_emplace(key, lines.size());
    if (added) {
      DigestLine line;
      line.member = o->member;
      line.counselor = o->counselor;
      line.rule = rule;
      line.period = o->period;
      line.due = o->due;
      line.dorm = o->dorm;
      line.first = *o;
      line.first.rule = rule;
      lines.push_back(line);
    }
    auto& line = lines[it->second];
    ++line.count;
    line.due = std::min(line.due, o->due);
    if (o->status == Status::overdue && (!since || o->due >= *since)) line.fresh = true;
    if (line.dorm != o->dorm) line.dorm = -1;  // several dorms: the count says how many
  }
  return lines;
}

void sort_lines(std::vector<DigestLine>& lines, const check::CheckInput& input) {
  std::stable_sort(lines.begin(), lines.end(), [&](const DigestLine& a, const DigestLine& b) {
    if (a.due != b.due) return a.due < b.due;
    const auto* pa = person_at(input, a.member);
    const auto* pb = person_at(input, b.member);
    if (pa != nullptr && pb != nullptr && pa->name != pb->name) return util::pinyin_less(pa->name, pb->name);
    return std::tie(a.member, a.rule, a.period) < std::tie(b.member, b.rule, b.period);
  });
}

DigestLine incident_line(const Obligation& o) {
  DigestLine line;
  line.member = o.member;
  line.counselor = o.counselor;
  line.rule = o.rule;
  line.period = o.period;
  line.due = o.due;
  line.count = 1;
  line.record_id = o.record_id;
  line.found = o.window_from;
  line.dorm = o.dorm;
  line.first = o;
  return line;
}

void add_to_totals(MemberTotals& t, const Obligation& o) {
  switch (o.rule) {
    case Rule::visits:
    case Rule::orientation:
      ++t.visits;
      break;
    case Rule::talks:
    case Rule::attention_talks:
      ++t.talks;
      break;
    case Rule::feedback_form:
      ++t.forms;
      break;
    default:
      ++t.other;
  }
  if (t.oldest == Date{} || o.due < t.oldest) t.oldest = o.due;
}

std::vector<MemberTotals> member_totals(const check::CheckInput& input, const std::vector<const Obligation*>& overdue) {
  std::map<int, MemberTotals> by_member;
  for (const auto* o : overdue) {
    if (o->member < 0) continue;
    auto& t = by_member[o->member];
    t.member = o->member;
    add_to_totals(t, *o);
  }
  std::vector<MemberTotals> out;
  for (auto& [member, totals] : by_member) out.push_back(totals);
  std::stable_sort(out.begin(), out.end(), [&](const MemberTotals& a, const MemberTotals& b) {
    if (a.oldest != b.oldest) return a.oldest < b.oldest;
    const auto* pa = person_at(input, a.member);
    const auto* pb = person_at(input, b.member);
    if (pa != nullptr && pb != nullptr && pa->name != pb->name) return util::pinyin_less(pa->name, pb->name);
    return a.member < b.member;
  });
  return out;
}

// The committee's numbers: one row per counselor (and one for the college's own items).
std::vector<CounselorTotals> counselor_totals(const check::CheckInput& input,
                                              const std::vector<const Obligation*>& overdue,
                                              const std::vector<const Obligation*>& fresh,
                                              const std::vector<const Obligation*>& soon_items,
                                              const std::vector<const Obligation*>& incidents, const Privacy& privacy) {
  std::map<int, CounselorTotals> rows;
  std::map<int, std::vector<int>> members;
  std::map<int, int> incident_count;
  for (std::size_t i = 0; i < input.counselors.size(); ++i) rows[static_cast<int>(i)];
  for (const auto* o : overdue) {
    ++rows[o->counselor].overdue;
    if (o->member >= 0) members[o->counselor].push_back(o->member);
  }
  for (const auto* o : fresh) ++rows[o->counselor].fresh;
  for (const auto* o : soon_items) ++rows[o->counselor].due_soon;
  for (const auto* o : incidents) {
    rows[o->counselor];
    ++incident_count[o->counselor];
  }
  std::vector<CounselorTotals> out;
  for (auto& [counselor, row] : rows) {
    row.counselor = counselor;
    auto& m = members[counselor];
    std::sort(m.begin(), m.end());
    row.members = static_cast<int>(std::unique(m.begin(), m.end()) - m.begin());
    row.incidents = privacy.count(incident_count[counselor]);
    out.push_back(row);
  }
  // The college's own row (counselor -1) last.
  std::stable_partition(out.begin(), out.end(), [](const CounselorTotals& r) { return r.counselor >= 0; });
  return out;
}

}  // namespace

std::string recipient_key(const check::CheckInput& input, const DigestRecipient& r) {
  using Kind = DigestRecipient::Kind;
  switch (r.kind) {
    case Kind::counselor:
      return "counselor:" + input.counselors.at(static_cast<std::size_t>(r.index)).staff_id;
    case Kind::member:
      return "member:" + input.people.at(static_cast<std::size_t>(r.index)).id;
    case Kind::branch:
      return "branch:" + r.branch;
    case Kind::committee:
      return "committee";
  }
  return "committee";
}

Audience audience_of(DigestRecipient::Kind kind) {
  using Kind = DigestRecipient::Kind;
  switch (kind) {
    case Kind::counselor:
    case Kind::member:
      return Audience::counselor;
    case Kind::branch:
      return Audience::branch;
    case Kind::committee:
      return Audience::committee;
  }
  return Audience::committee;
}

bool for_recipient(const check::CheckInput& input, const Obligation& o, const DigestRecipient& r) {
  using Kind = DigestRecipient::Kind;
  switch (r.kind) {
    case Kind::counselor:
      return o.counselor == r.index;
    case Kind::member:
      return o.member == r.index;
    case Kind::branch: {
      const auto* m = person_at(input, o.member);
      return m != nullptr && m->branch == r.branch;
    }
    case Kind::committee:
      return true;
  }
  return false;
}

std::vector<std::string> shared_names(const check::CheckInput& input) {
  std::vector<std::string> names;
  names.reserve(input.people.size());
  for (const auto& p : input.people) names.push_back(p.name);
  std::sort(names.begin(), names.end());
  std::vector<std::string> out;
  for (std::size_t i = 1; i < names.size(); ++i)
    if (names[i] == names[i - 1] && (out.empty() || out.back() != names[i])) out.push_back(names[i]);
  return out;
}

Digest build_digest(const check::CheckInput& input, const std::vector<Obligation>& obligations,
                    const DigestRecipient& recipient, const Privacy& privacy, const DigestOptions& options) {
  Digest d;
  d.input = &input;
  d.recipient = recipient;
  d.privacy = privacy;
  d.as_of = options.as_of;
  d.since = options.since;
  d.week = input.semester.teaching_week(options.as_of);
  d.options = options;
  d.shared_names = options.shared_names ? *options.shared_names : shared_names(input);
  std::vector<const Obligation*> overdue, fresh, soon_items, incidents, concerns;
  for (const auto& o : obligations) {
    if (!for_recipient(input, o, recipient)) continue;
    if (o.status == Status::overdue) {
      overdue.push_back(&o);
      if (!options.since || o.due >= *options.since) fresh.push_back(&o);
    }
    if (soon(o)) soon_items.push_back(&o);
    if (o.status != Status::overdue && !soon(o)) continue;
    if (o.rule == Rule::incident_report) incidents.push_back(&o);
    if (is_concern(o.rule)) concerns.push_back(&o);
  }
  d.overdue = static_cast<int>(overdue.size());
  d.fresh = static_cast<int>(fresh.size());
  d.due_soon = static_cast<int>(soon_items.size());
  if (recipient.kind == DigestRecipient::Kind::committee) {
    d.counselors = counselor_totals(input, overdue, fresh, soon_items, incidents, privacy);
    d.committee_incidents = privacy.count(static_cast<int>(incidents.size()));
    std::map<Rule, int> by_rule;
    for (const auto* o : overdue) ++by_rule[o->rule];
    for (const auto& [rule, n] : by_rule) {
      const bool sensitive = is_case(rule) || rule == Rule::attention_talks;
      d.rule_counts.emplace_back(rule, sensitive ? privacy.count(n) : Privacy::exact(n));
    }
    return d;
  }
  for (const auto* o : incidents) d.incidents.push_back(incident_line(*o));
  for (const auto* o : concerns) d.concerns.push_back(incident_line(*o));
  std::vector<const Obligation*> fresh_work, soon_work;
  for (const auto* o : options.all_items ? overdue : fresh)
    if (!is_case(o->rule)) fresh_work.push_back(o);
  for (const auto* o : soon_items)
    if (!is_case(o->rule)) soon_work.push_back(o);
  d.new_items = group_lines(fresh_work, privacy, options.since);
  sort_lines(d.new_items, input);
  d.soon = group_lines(soon_work, privacy, options.since);
  sort_lines(d.soon, input);
  d.members = member_totals(input, overdue);
  return d;
}

}  // namespace dormlink::report
