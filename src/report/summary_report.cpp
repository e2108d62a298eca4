// The counselor's summary for the committee: aggregated from the obligations check::evaluate
// returned (never recomputed), privacy applied, then rendered (docs/reports.md).
#include "dormlink/report/summary_report.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

bool done(Status s) { return s == Status::met || s == Status::met_late; }

// The counselor's obligations that belong to the period: duties due within it, the period's
// forms, incidents found within it.
bool in_period(const Obligation& o, const ReportPeriod& p) {
  switch (o.rule) {
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return o.period == p.number;
    case Rule::incident_report:
      return within(o.window_from, p.first_day, p.last_day);
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      return within(o.due, p.first_day, p.last_day);
    default:
      return false;
  }
}

const check::Person& person(const SummaryInput& in, int index) {
  return in.check->people[static_cast<std::size_t>(index)];
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

void fill_members_and_dorms(const SummaryInput& in, CounselorSummary& out) {
  std::map<int, MemberWork> members;
  std::map<std::string, DormWork> dorms;
  for (const auto& o : *in.obligations) {
    if (o.counselor != in.counselor) continue;
    if (o.status == Status::overdue && o.member >= 0) members[o.member].row.overdue++;
    if (!in_period(o, in.period) || o.member < 0) continue;
    if (o.rule == Rule::incident_report || o.rule == Rule::attention_talks) {
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

// Rules whose counts tell about attention students or incidents.
bool sensitive_rule(Rule rule) { return rule == Rule::attention_talks || rule == Rule::incident_report; }

// Minutes since 1970-01-01 local; a date without a time: found at its last minute, reported
// at its first (the benefit of the doubt check gives the member).
void fill_incidents(const SummaryInput& in, CounselorSummary& out) {
  std::vector<double> hours;
  int found = 0, in_time = 0, late = 0, unreported = 0;
  for (const auto& o : *in.obligations) {
    if (o.counselor != in.counselor || o.rule != Rule::incident_report || !in_period(o, in.period)) continue;
    found++;
    if (o.status == Status::met)
      in_time++;
    else if (o.status == Status::met_late)
      late++;
    else
      unreported++;
    // check decides whether (and when, in elapsed time) a report counts by the as-of date.
    if (o.found > 0) hours.push_back(static_cast<double>(o.minutes) / 60.0);
  }
  auto& s = out.incidents;
  s.found = in.privacy.count(found);
  const auto parts = in.privacy.parts({in_time, late, unreported});
  s.in_time = parts[0];
  s.late = parts[1];
  s.unreported = parts[2];
  // Hours from finding to report say how many incidents there were when there are few.
  if (hours.empty() || s.found.hidden()) return;
  std::sort(hours.begin(), hours.end());
  const std::size_t n = hours.size();
  s.median_hours = n % 2 == 1 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
  s.max_hours = hours.back();
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
    if (o.counselor != in.counselor || !in_period(o, in.period) || o.student < 0) continue;
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
    if (o.counselor != in.counselor) continue;
    if (o.rule == Rule::feedback_form && o.period == in.period.number) tally(out.forms, o);
    if (o.rule == Rule::counselor_summary && o.period == in.period.number && o.member < 0) out.own = o.status;
    if (o.status != Status::overdue) continue;
    by_rule[o.rule]++;
    if (in.privacy.audience == Audience::committee) continue;
    OverdueLine line{o.rule,
                     o.member >= 0 ? person(in, o.member).name : std::string(),
                     dorm_code(in, o.dorm),
                     {},
                     o.period,
                     o.record_id,
                     o.window_from,
                     o.window_to,
                     o.due};
    const bool named = o.rule != Rule::attention_talks || in.privacy.attention_of_named();
    if (o.student >= 0 && named) line.student = person(in, o.student).name;
    out.overdue.push_back(std::move(line));
  }
  fill_overdue_counts(by_rule, in.privacy, out);
}

void fill_changes(const SummaryInput& in, CounselorSummary& out) {
  const auto& versions = in.check->assignments;
  const Date end = period_end(in);
  auto mine = [&](int member) { return member >= 0 && check::counselor_of(*in.check, member) == in.counselor; };
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

}  // namespace

CounselorSummary build_counselor_summary(const SummaryInput& in) {
  CounselorSummary out;
  out.college = in.college;
  out.period = in.period;
  out.reported_on = in.as_of;
  const auto& counselor = in.check->counselors.at(static_cast<std::size_t>(in.counselor));
  out.counselor_id = counselor.staff_id;
  out.counselor_name = counselor.name;
  out.audience = in.privacy.audience;
  out.sensitive = in.privacy.include_sensitive;
  out.phones_in_full = in.privacy.phones_in_full();
  if (in.privacy.suppresses_small_counts() && in.privacy.small_count_threshold > 1)
    out.small_counts_below = in.privacy.small_count_threshold;
  out.attention_named = in.privacy.attention_of_named();
  fill_members_and_dorms(in, out);
  fill_incidents(in, out);
  fill_attention(in, out);
  fill_forms_and_overdue(in, out);
  fill_changes(in, out);
  out.chain = in.chain;
  return out;
}

namespace {

// ---- Markdown ----

std::string e(const std::string& s) { return escape_markdown_cell(s); }

std::string ratio(const Tally& t) { return fmt::format("{}/{}", t.found, t.expected); }

std::string coverage(const Tally& t) {
  if (t.expected == 0) return "—";
  return fmt::format("{}/{}（{}%）", t.found, t.expected, t.found * 100 / t.expected);
}

std::string coverage_en(const Tally& t) {
  if (t.expected == 0) return "—";
  return fmt::format("{}/{} ({}%)", t.found, t.expected, t.found * 100 / t.expected);
}

std::string form_label(const std::optional<Status>& status, Language language) {
  const bool z = zh(language);
  if (!status) return "—";
  switch (*status) {
    case Status::met:
      return z ? "按时" : "on time";
    case Status::met_late:
      return z ? "逾期报送" : "late";
    case Status::overdue:
      return z ? "未报送（逾期）" : "missing (overdue)";
    case Status::due_soon:
      return z ? "未报送（即将到期）" : "not yet (due soon)";
    default:
      return z ? "未到期" : "not yet due";
  }
}

std::string hours_text(double hours) { return fmt::format("{:.1f}", hours); }

void add_sum(Tally& total, const Tally& t) {
  total.expected += t.expected;
  total.found += t.found;
  total.late += t.late;
}

Table members_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"党员", "学号", "联系寝室", "走访（实/应）", "谈心（实/应）", "谈心覆盖（人）",
                                       "反馈表", "逾期事项"}
            : std::vector<std::string>{"Member", "Student id", "Dorms", "Visits (done/due)", "Talks (done/due)",
                                       "Residents talked with", "Form", "Overdue items"},
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left, Align::right},
          {}};
  Tally visits, talks, residents;
  int dorms = 0, overdue = 0;
  for (const auto& m : s.members) {
    t.rows.push_back({m.name, m.id, std::to_string(m.dorms), ratio(m.visits), ratio(m.talks),
                      z ? coverage(m.residents) : coverage_en(m.residents), form_label(m.form, language),
                      std::to_string(m.overdue)});
    add_sum(visits, m.visits);
    add_sum(talks, m.talks);
    add_sum(residents, m.residents);
    dorms += m.dorms;
    overdue += m.overdue;
  }
  t.rows.push_back({z ? "合计" : "Total", "", std::to_string(dorms), ratio(visits), ratio(talks),
                    z ? coverage(residents) : coverage_en(residents), ratio(s.forms), std::to_string(overdue)});
  return t;
}

Table dorms_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{
      z ? std::vector<std::string>{"寝室", "联系党员", "走访（实/应）", "谈心（实/应）", "谈心覆盖（人）"}
        : std::vector<std::string>{"Dorm", "Member", "Visits (done/due)", "Talks (done/due)", "Residents talked with"},
      {Align::left, Align::left, Align::right, Align::right, Align::right},
      {}};
  for (const auto& d : s.dorms) {
    t.rows.push_back(
        {d.code, d.member, ratio(d.visits), ratio(d.talks), z ? coverage(d.residents) : coverage_en(d.residents)});
  }
  return t;
}

std::string forms_text(const CounselorSummary& s, Language language) {
  const auto& f = s.forms;
  const int missing = f.expected - f.found;
  if (zh(language)) {
    return fmt::format("应交 {} 份：按时 {} 份，逾期报送 {} 份，未报送 {} 份。\n", f.expected, f.found - f.late, f.late,
                       missing);
  }
  return fmt::format("{} due: {} on time, {} late, {} not received.\n", f.expected, f.found - f.late, f.late, missing);
}

std::string incidents_text(const CounselorSummary& s, Language language) {
  const auto& i = s.incidents;
  const bool z = zh(language);
  if (i.found.zero()) return z ? "本期没有发现特殊情况。\n" : "No incident was found in this period.\n";
  std::string out = z ? fmt::format("本期发现 {} 起：按时报告 {} 起，逾期报告 {} 起，未报告 {} 起。", i.found.text(),
                                    i.in_time.text(), i.late.text(), i.unreported.text())
                      : fmt::format("{} found: {} reported in time, {} late, {} not reported.", i.found.text(),
                                    i.in_time.text(), i.late.text(), i.unreported.text());
  if (i.median_hours) {
    out += z ? fmt::format("从发现到报告：中位 {} 小时，最长 {} 小时。", hours_text(*i.median_hours),
                           hours_text(*i.max_hours))
             : fmt::format(" From finding to report: median {} h, longest {} h.", hours_text(*i.median_hours),
                           hours_text(*i.max_hours));
  }
  return out + "\n";
}

Table attention_table(const CounselorSummary& s, Language language);
Table overdue_table(const CounselorSummary& s, Language language);

std::string attention_text(const CounselorSummary& s, Language language) {
  const auto& a = s.attention;
  const bool z = zh(language);
  std::string out = z ? fmt::format("本期应谈心的重点关注学生 {} 人：均已谈心 {} 人，有遗漏 {} 人。\n",
                                    a.students.text(), a.talked.text(), a.missed.text())
                      : fmt::format("Attention students due talks: {}; every talk held: {}; one or more missed: {}.\n",
                                    a.students.text(), a.talked.text(), a.missed.text());
  if (a.named.empty()) return out;
  return out + "\n" + render_markdown(attention_table(s, language));
}

Table attention_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"学生", "学号", "寝室", "重点关注类别", "谈心（实/应）"}
            : std::vector<std::string>{"Student", "Student id", "Dorm", "Attention", "Talks (done/due)"},
          {Align::left, Align::left, Align::left, Align::left, Align::right},
          {}};
  for (const auto& st : s.attention.named) {
    std::vector<std::string> labels;
    for (auto c : st.categories) labels.emplace_back(z ? label_zh(c) : label_en(c));
    std::string joined;
    for (const auto& l : labels) joined += (joined.empty() ? "" : (z ? "、" : ", ")) + l;
    t.rows.push_back({st.name, st.id, st.dorm, joined, ratio(st.talks)});
  }
  return t;
}

std::string overdue_window(const OverdueLine& o, Language language) {
  const bool z = zh(language);
  const bool one_week = to_days(o.to) - to_days(o.from) == std::chrono::days{6};
  switch (o.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week) return z ? fmt::format("第{}周", o.period) : fmt::format("week {}", o.period);
      break;
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return z ? fmt::format("第{}期", o.period) : fmt::format("period {}", o.period);
    case Rule::incident_report:
      return fmt::format("#{}", o.record);
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return z ? "本学期" : "semester";
    default:
      break;
  }
  return fmt::format("{}—{}", report_date(o.from, language), report_date(o.to, language));
}

std::string overdue_text(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  std::string parts;
  for (const auto& [rule, count] : s.overdue_by_rule) {
    const std::string n = count.text();
    parts += (parts.empty() ? "" : (z ? "，" : ", ")) + (z ? fmt::format("{} {} 项", rule_label(rule, language), n)
                                                           : fmt::format("{} {}", rule_label(rule, language), n));
  }
  if (s.overdue_total.zero()) return z ? "没有逾期事项。\n" : "Nothing is overdue.\n";
  const std::string all = s.overdue_total.text();
  // `parts` holds rule labels and counts only: nothing from the data to escape.
  std::string out = z ? fmt::format("截至{}逾期 {} 项：{}。\n", report_date(s.reported_on, language), all, parts)
                      : fmt::format("{} overdue on {}: {}.\n", all, report_date(s.reported_on, language), parts);
  if (s.overdue.empty()) return out;
  return out + "\n" + render_markdown(overdue_table(s, language));
}

Table overdue_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"党员", "要求", "寝室", "学生", "时间", "截止"}
            : std::vector<std::string>{"Member", "Duty", "Dorm", "Student", "When", "Due"},
          std::vector<Align>(6, Align::left),
          {}};
  for (const auto& o : s.overdue) {
    t.rows.push_back({o.member, rule_label(o.rule, language), o.dorm, o.student, overdue_window(o, language),
                      report_date(o.due, language)});
  }
  return t;
}

std::string changes_text(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  std::string out;
  if (s.first_assignment) {
    out += z ? fmt::format("- {}起执行本学期首次分配。\n", report_date(*s.first_assignment, language))
             : fmt::format("- The semester's first assignment took effect on {}.\n",
                           report_date(*s.first_assignment, language));
  }
  const std::string none = z ? "无" : "none";
  for (const auto& c : s.changes) {
    out += fmt::format(fmt::runtime(z ? "- {} {}：{} → {}\n" : "- {} {}: {} → {}\n"), report_date(c.from, language),
                       e(c.dorm), c.before.empty() ? none : e(c.before), c.after.empty() ? none : e(c.after));
  }
  if (out.empty()) out = z ? "本期无变动。\n" : "No change in this period.\n";
  return out;
}

std::string summary_header(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  const std::string semester = s.period.semester_name.empty() ? s.period.semester_id : s.period.semester_name;
  std::string out;
  if (z) {
    out += fmt::format("# {}学生党员联系寝室工作情况汇总\n\n", e(s.college));
    out += fmt::format("辅导员：{}（{}）　　报送时间：{}\n\n", e(s.counselor_name), e(s.counselor_id),
                       report_date(s.reported_on, language));
    out += fmt::format("- 学期：{}　{}\n", e(semester), period_title(s.period, language));
    out += fmt::format("- 报送学院党委：{}（{}）\n", report_date(s.period.summary_due, language),
                       s.own ? status_label(*s.own, language) : "—");
    out += fmt::format("- 阅读对象：{}\n", audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  } else {
    out += fmt::format("# {}: student Party members' dorm contact summary\n\n", e(s.college));
    out += fmt::format("Counselor: {} ({})    Submitted: {}\n\n", e(s.counselor_name), e(s.counselor_id),
                       report_date(s.reported_on, language));
    out += fmt::format("- Semester: {} · {}\n", e(semester), period_title(s.period, language));
    out += fmt::format("- Due to the college Party committee: {} ({})\n", report_date(s.period.summary_due, language),
                       s.own ? status_label(*s.own, language) : "—");
    out += fmt::format("- For: {}\n", audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  }
  if (s.small_counts_below) {
    // Privacy::count: 1..threshold-1 become "<threshold"; 0 singles no one out.
    const int threshold = *s.small_counts_below;
    const int top = threshold - 1;
    const auto range =
        top == 1 ? std::string(z ? "1" : "of 1") : fmt::format(fmt::runtime(z ? "1 至 {}" : "from 1 to {}"), top);
    out += z ? fmt::format("- 涉及重点关注学生和特殊情况的人数、起数为 {} 时显示为 <{}（为 0 时照实显示）。\n", range,
                           threshold)
             : fmt::format("- Counts of attention students and incidents {} are shown as <{} (0 is shown as 0).\n",
                           range, threshold);
  }
  return out + "\n";
}

}  // namespace

std::string render_summary_markdown(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  std::string out = summary_header(s, language);
  out += z ? "## 党员\n\n" : "## Members\n\n";
  out += render_markdown(members_table(s, language));
  out += z ? "\n## 寝室\n\n" : "\n## Dorms\n\n";
  out += render_markdown(dorms_table(s, language));
  out += z ? "\n## 反馈表\n\n" : "\n## Feedback forms\n\n";
  out += forms_text(s, language);
  out += z ? "\n## 特殊情况\n\n" : "\n## Incidents\n\n";
  out += incidents_text(s, language);
  out += z ? "\n## 重点关注学生\n\n" : "\n## Attention students\n\n";
  out += attention_text(s, language);
  out += z ? "\n## 仍逾期事项\n\n" : "\n## Still overdue\n\n";
  out += overdue_text(s, language);
  out += z ? "\n## 联系安排变动\n\n" : "\n## Assignment changes\n\n";
  out += changes_text(s, language);
  const std::string head = s.chain.head.empty() ? (z ? "（无记录）" : "(no records)") : "`" + s.chain.head + "`";
  out += "\n---\n\n";
  out += z ? fmt::format("记录链头 {}（共 {} 条记录）\n", head, s.chain.records)
           : fmt::format("Records' chain head {} ({} records)\n", head, s.chain.records);
  return visible_document(out);
}

namespace {

Table changes_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"起", "寝室", "原联系党员", "现联系党员"}
            : std::vector<std::string>{"From", "Dorm", "Before", "After"},
          std::vector<Align>(4, Align::left),
          {}};
  if (s.first_assignment) {
    t.rows.push_back(
        {report_date(*s.first_assignment, language), z ? "（本学期首次分配）" : "(first assignment)", "", ""});
  }
  for (const auto& c : s.changes) t.rows.push_back({report_date(c.from, language), c.dorm, c.before, c.after});
  return t;
}

// The header and the counts of the text sections as item / value rows.
Table overview_table(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"项目", "内容"} : std::vector<std::string>{"Item", "Value"},
          {Align::left, Align::left},
          {}};
  const auto row = [&](const char* zh_label, const char* en_label, std::string value) {
    t.rows.push_back({z ? zh_label : en_label, std::move(value)});
  };
  row("学院", "College", s.college);
  row("辅导员", "Counselor", fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"), s.counselor_name, s.counselor_id));
  row("学期", "Semester", s.period.semester_name.empty() ? s.period.semester_id : s.period.semester_name);
  row("期", "Period", period_title(s.period, language));
  row("报送时间", "Submitted", report_date(s.reported_on, language));
  row("报送学院党委截止", "Due to the committee", report_date(s.period.summary_due, language));
  row("本汇总状态", "This summary", s.own ? status_label(*s.own, language) : "—");
  row("阅读对象", "For", audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  row("反馈表应交", "Forms due", std::to_string(s.forms.expected));
  row("反馈表按时", "Forms on time", std::to_string(s.forms.found - s.forms.late));
  row("反馈表逾期报送", "Forms late", std::to_string(s.forms.late));
  row("反馈表未报送", "Forms not received", std::to_string(s.forms.expected - s.forms.found));
  const auto& i = s.incidents;
  row("特殊情况（起）", "Incidents found", i.found.text());
  row("按时报告", "Reported in time", i.in_time.text());
  row("逾期报告", "Reported late", i.late.text());
  row("未报告", "Not reported", i.unreported.text());
  row("从发现到报告中位小时", "Median hours to report", i.median_hours ? hours_text(*i.median_hours) : "");
  row("从发现到报告最长小时", "Longest hours to report", i.max_hours ? hours_text(*i.max_hours) : "");
  row("应谈心的重点关注学生（人）", "Attention students due talks", s.attention.students.text());
  row("均已谈心（人）", "Every talk held", s.attention.talked.text());
  row("有遗漏（人）", "One or more missed", s.attention.missed.text());
  for (const auto& [rule, count] : s.overdue_by_rule) {
    t.rows.push_back(
        {fmt::format(fmt::runtime(z ? "逾期：{}" : "Overdue: {}"), rule_label(rule, language)), count.text()});
  }
  row("逾期合计", "Overdue in all", s.overdue_total.text());
  row("记录链头", "Records' chain head", s.chain.head);
  row("记录数", "Records", std::to_string(s.chain.records));
  return t;
}

}  // namespace

Workbook summary_workbook(const CounselorSummary& s, Language language) {
  const bool z = zh(language);
  return {{"members", z ? "党员" : "Members", members_table(s, language)},
          {"dorms", z ? "寝室" : "Dorms", dorms_table(s, language)},
          {"overdue", z ? "仍逾期事项" : "Still overdue", overdue_table(s, language)},
          {"attention", z ? "重点关注学生" : "Attention students", attention_table(s, language)},
          {"changes", z ? "联系安排变动" : "Assignment changes", changes_table(s, language)},
          {"overview", z ? "概况" : "Overview", overview_table(s, language)}};
}

// ---- JSON ----

namespace {

std::string q(std::string_view s) { return "\"" + json_escape(s) + "\""; }
std::string q_or_null(std::string_view s) { return s.empty() ? "null" : q(s); }

std::string json_tally(const Tally& t) {
  return fmt::format("{{\"expected\": {}, \"found\": {}, \"late\": {}}}", t.expected, t.found, t.late);
}

std::string json_status(const std::optional<Status>& s) { return s ? q(check::to_string(*s)) : "null"; }

std::string json_hours(const std::optional<double>& h) { return h ? hours_text(*h) : "null"; }

template <typename T, typename F>
std::string json_list(const std::vector<T>& items, F each) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) out += "    " + each(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
  return out + "  ]";
}

std::string json_member(const SummaryMember& m) {
  return fmt::format(
      "{{\"id\": {}, \"name\": {}, \"dorms\": {}, \"visits\": {}, \"talks\": {}, \"residents\": {}, "
      "\"form\": {}, \"overdue\": {}}}",
      q(m.id), q(m.name), m.dorms, json_tally(m.visits), json_tally(m.talks), json_tally(m.residents),
      json_status(m.form), m.overdue);
}

std::string json_dorm(const SummaryDorm& d) {
  return fmt::format("{{\"code\": {}, \"member\": {}, \"visits\": {}, \"talks\": {}, \"residents\": {}}}", q(d.code),
                     q_or_null(d.member), json_tally(d.visits), json_tally(d.talks), json_tally(d.residents));
}

std::string json_named(const NamedAttention& a) {
  std::vector<std::string> keys;
  for (auto c : a.categories) keys.push_back(q(key(c)));
  return fmt::format("{{\"id\": {}, \"name\": {}, \"dorm\": {}, \"attention\": [{}], \"talks\": {}}}", q(a.id),
                     q(a.name), q_or_null(a.dorm), fmt::join(keys, ", "), json_tally(a.talks));
}

std::string json_overdue(const OverdueLine& o) {
  return fmt::format(
      "{{\"rule\": {}, \"member\": {}, \"dorm\": {}, \"student\": {}, \"period\": {}, \"record\": {}, "
      "\"from\": {}, \"to\": {}, \"due\": {}}}",
      q(check::to_string(o.rule)), q_or_null(o.member), q_or_null(o.dorm), q_or_null(o.student), o.period,
      o.record == 0 ? "null" : std::to_string(o.record), q(format_date(o.from)), q(format_date(o.to)),
      q(format_date(o.due)));
}

std::string json_change(const AssignmentChange& c) {
  return fmt::format("{{\"from\": {}, \"dorm\": {}, \"before\": {}, \"after\": {}}}", q(format_date(c.from)), q(c.dorm),
                     q_or_null(c.before), q_or_null(c.after));
}

std::string json_attention(const CounselorSummary& s) {
  const auto& a = s.attention;
  return fmt::format("{{\"students\": {}, \"talked\": {}, \"missed\": {}, \"named\": {}}}", a.students.json(),
                     a.talked.json(), a.missed.json(),
                     s.attention_named ? json_list(a.named, json_named) : std::string("null"));
}

std::string json_incidents(const CounselorSummary& s) {
  const auto& i = s.incidents;
  return fmt::format(
      "{{\"found\": {}, \"in_time\": {}, \"late\": {}, \"unreported\": {}, \"median_hours\": {}, "
      "\"max_hours\": {}}}",
      i.found.json(), i.in_time.json(), i.late.json(), i.unreported.json(), json_hours(i.median_hours),
      json_hours(i.max_hours));
}

std::string json_overdue_block(const CounselorSummary& s) {
  std::vector<std::string> by_rule;
  for (const auto& [rule, count] : s.overdue_by_rule)
    by_rule.push_back(fmt::format("{}: {}", q(check::to_string(rule)), count.json()));
  const std::string items = s.audience == Audience::committee ? "null" : json_list(s.overdue, json_overdue);
  return fmt::format("{{\"by_rule\": {{{}}}, \"items\": {}}}", fmt::join(by_rule, ", "), items);
}

}  // namespace

std::string render_summary_json(const CounselorSummary& s) {
  std::string out = "{\n  \"kind\": \"summary\",\n";
  out += fmt::format("  \"college\": {},\n", q(s.college));
  out += fmt::format("  \"semester\": {{\"id\": {}, \"name\": {}}},\n", q(s.period.semester_id),
                     q(s.period.semester_name));
  out += fmt::format("  \"period\": {},\n", json_period(s.period));
  out += fmt::format("  \"reported_on\": {},\n", q(format_date(s.reported_on)));
  out += fmt::format("  \"counselor\": {{\"id\": {}, \"name\": {}}},\n", q(s.counselor_id), q(s.counselor_name));
  out += fmt::format("  \"own\": {},\n", json_status(s.own));
  out += fmt::format("  \"audience\": {},\n  \"sensitive\": {},\n", q(to_string(s.audience)),
                     s.sensitive ? "true" : "false");
  out += fmt::format("  \"members\": {},\n", json_list(s.members, json_member));
  out += fmt::format("  \"dorms\": {},\n", json_list(s.dorms, json_dorm));
  out += fmt::format("  \"forms\": {},\n", json_tally(s.forms));
  out += fmt::format("  \"incidents\": {},\n", json_incidents(s));
  out += fmt::format("  \"attention\": {},\n", json_attention(s));
  out += fmt::format("  \"overdue\": {},\n", json_overdue_block(s));
  out +=
      fmt::format("  \"first_assignment\": {},\n", s.first_assignment ? q(format_date(*s.first_assignment)) : "null");
  out += fmt::format("  \"assignment_changes\": {},\n", json_list(s.changes, json_change));
  out += fmt::format("  \"chain\": {{\"head\": {}, \"records\": {}}}\n}}\n", q_or_null(s.chain.head), s.chain.records);
  return out;
}

}  // namespace dormlink::report
