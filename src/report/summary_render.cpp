// The counselor's summary as Markdown and as sheets for CSV and Excel (docs/reports.md): every
// wording from one labels table (summary_labels.hpp, shared with the HTML), zh and en side by
// side; the counts as the builder decided them.
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "summary_labels.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using check::Status;

constexpr const SummaryLabels& kLabels = kSummaryLabels;

std::string e(const std::string& s) { return escape_markdown_cell(s); }

std::string ratio(const Tally& t) { return fmt::format("{}/{}", t.found, t.expected); }

std::string coverage(const Tally& t, Language language) {
  if (t.expected == 0) return "—";
  return fmt::format(pattern(kLabels.coverage, language), t.found, t.expected, t.found * 100 / t.expected);
}

std::string form_status_label(const std::optional<Status>& status, Language language) {
  if (!status) return "—";
  switch (*status) {
    case Status::met:
      return kLabels.form_on_time(language);
    case Status::met_late:
      return kLabels.form_late(language);
    case Status::overdue:
      return kLabels.form_overdue(language);
    case Status::due_soon:
      return kLabels.form_due_soon(language);
    default:
      return kLabels.form_not_due(language);
  }
}

// The form's status, and who handed it in when someone did (docs/forms.md).
std::string form_label(const SummaryMember& m, Language language) {
  auto label = form_status_label(m.form, language);
  if (m.hand_in == HandIn::Source::member) label += kLabels.by_member(language);
  if (m.hand_in == HandIn::Source::on_behalf) label += kLabels.by_counselor(language);
  return label;
}

std::string category_label(AttentionCategory category, Language language) {
  switch (language) {
    case Language::zh:
      return std::string(label_zh(category));
    case Language::en:
      break;
  }
  return std::string(label_en(category));
}

// Labels joined with the language's list separator.
std::string joined(const std::vector<std::string>& items, Language language) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : kLabels.list(language)) + item;
  return out;
}

void add_sum(Tally& total, const Tally& t) {
  total.expected += t.expected;
  total.found += t.found;
  total.late += t.late;
}

Table members_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.members_columns, language),
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left, Align::right},
          {}};
  t.header.back() = summary_overdue_column(s, language);
  Tally visits, talks, residents;
  int dorms = 0, overdue = 0;
  for (const auto& m : s.members) {
    t.rows.push_back({m.name, m.id, std::to_string(m.dorms), ratio(m.visits), ratio(m.talks),
                      coverage(m.residents, language), form_label(m, language), std::to_string(m.overdue)});
    add_sum(visits, m.visits);
    add_sum(talks, m.talks);
    add_sum(residents, m.residents);
    dorms += m.dorms;
    overdue += m.overdue;
  }
  t.rows.push_back({kLabels.total(language), "", std::to_string(dorms), ratio(visits), ratio(talks),
                    coverage(residents, language), ratio(s.forms), std::to_string(overdue)});
  return t;
}

Table dorms_table(const CounselorSummary& s, Language language) {
  Table t{
      pick(kLabels.dorms_columns, language), {Align::left, Align::left, Align::right, Align::right, Align::right}, {}};
  for (const auto& d : s.dorms)
    t.rows.push_back({d.code, d.member, ratio(d.visits), ratio(d.talks), coverage(d.residents, language)});
  return t;
}

std::string forms_text(const CounselorSummary& s, Language language) {
  const auto& t = s.forms;
  return fmt::format(pattern(kLabels.forms, language), t.expected, t.found - t.late, t.late, t.expected - t.found);
}

Table attention_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.attention_columns, language),
          {Align::left, Align::left, Align::left, Align::left, Align::right},
          {}};
  for (const auto& st : s.attention.named) {
    std::vector<std::string> labels;
    for (auto c : st.categories) labels.push_back(category_label(c, language));
    t.rows.push_back({st.name, st.id, st.dorm, joined(labels, language), ratio(st.talks)});
  }
  return t;
}

std::string attention_text(const CounselorSummary& s, Language language) {
  const auto& a = s.attention;
  std::string out =
      fmt::format(pattern(kLabels.attention, language), a.students.text(), a.talked.text(), a.missed.text());
  if (a.named.empty()) return out;
  return out + "\n" + render_markdown(attention_table(s, language));
}

std::string overdue_window(const OverdueLine& o, Language language) {
  const bool one_week = to_days(o.to) - to_days(o.from) == std::chrono::days{6};
  switch (o.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week) return fmt::format(pattern(kLabels.week, language), o.period);
      break;
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return fmt::format(pattern(kLabels.period, language), o.period);
    case Rule::incident_report:
    case Rule::concern_ack:
    case Rule::concern_open:
      return fmt::format("#{}", o.record);
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return kLabels.semester(language);
    default:
      break;
  }
  return fmt::format("{}—{}", report_date(o.from, language), report_date(o.to, language));
}

Table overdue_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.overdue_columns, language), std::vector<Align>(6, Align::left), {}};
  for (const auto& o : s.overdue) {
    t.rows.push_back({o.member, rule_label(o.rule, language), o.dorm, o.student, overdue_window(o, language),
                      report_date(o.due, language)});
  }
  return t;
}

std::string overdue_text(const CounselorSummary& s, Language language) {
  std::string rules;
  for (const auto& [rule, count] : s.overdue_by_rule) {
    rules += (rules.empty() ? "" : kLabels.overdue_rules(language)) +
             fmt::format(pattern(kLabels.overdue_rule, language), rule_label(rule, language), count.text());
  }
  if (s.overdue_total.zero()) return kLabels.nothing_overdue(language);
  // `rules` holds rule labels and counts only: nothing from the data to escape.
  std::string out =
      fmt::format(pattern(kLabels.overdue, language), fmt::arg("date", report_date(s.reported_on, language)),
                  fmt::arg("all", s.overdue_total.text()), fmt::arg("rules", rules));
  if (s.overdue.empty()) return out;
  return out + "\n" + render_markdown(overdue_table(s, language));
}

std::string changes_text(const CounselorSummary& s, Language language) {
  std::string out;
  if (s.first_assignment)
    out += fmt::format(pattern(kLabels.first_assignment, language), report_date(*s.first_assignment, language));
  const std::string none = kLabels.nobody(language);
  for (const auto& c : s.changes) {
    out += fmt::format(pattern(kLabels.change, language), report_date(c.from, language), e(c.dorm),
                       c.before.empty() ? none : e(c.before), c.after.empty() ? none : e(c.after));
  }
  if (out.empty()) out = kLabels.no_change(language);
  return out;
}

// Whose summary it is: the counselor, the branch, or the college and how many counselors.
std::string scope_line(const CounselorSummary& s, Language language) {
  const auto date = report_date(s.reported_on, language);
  switch (s.scope) {
    case SummaryScope::branch:
      return fmt::format(pattern(kLabels.branch_line, language), e(s.branch), date);
    case SummaryScope::college:
      return fmt::format(pattern(kLabels.college_line, language), s.counselors.size(), date);
    case SummaryScope::counselor:
      break;
  }
  return fmt::format(pattern(kLabels.counselor_line, language), e(s.counselor_name), e(s.counselor_id), date);
}

// The college's row per counselor, and the college's totals.
Table counselors_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.counselors_columns, language),
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left,
           Align::right},
          {}};
  t.header.back() = summary_overdue_column(s, language);
  CounselorRow total;
  for (const auto& c : s.counselors) {
    t.rows.push_back({c.name, c.id, std::to_string(c.members), std::to_string(c.dorms), ratio(c.visits), ratio(c.talks),
                      ratio(c.forms), c.own ? status_label(*c.own, language) : "—", std::to_string(c.overdue)});
    total.members += c.members;
    total.dorms += c.dorms;
    add_sum(total.visits, c.visits);
    add_sum(total.talks, c.talks);
    add_sum(total.forms, c.forms);
    total.overdue += c.overdue;
  }
  t.rows.push_back({kLabels.total(language), "", std::to_string(total.members), std::to_string(total.dorms),
                    ratio(total.visits), ratio(total.talks), ratio(total.forms), "", std::to_string(total.overdue)});
  return t;
}

std::string summary_header(const CounselorSummary& s, Language language) {
  std::string out = "# " + fmt::format(pattern(kLabels.title, language), e(s.college)) + "\n\n";
  out += scope_line(s, language);
  out +=
      fmt::format(pattern(kLabels.semester_line, language), e(summary_semester(s)), period_title(s.period, language));
  out += fmt::format(pattern(kLabels.due_line, language), report_date(s.period.summary_due, language),
                     s.own ? status_label(*s.own, language) : "—");
  out += fmt::format(pattern(kLabels.audience_line, language),
                     audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  if (s.small_counts_below) out += "- " + summary_small_counts_note(*s.small_counts_below, language) + "\n";
  return out + "\n";
}

Table changes_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.changes_columns, language), std::vector<Align>(4, Align::left), {}};
  if (s.first_assignment)
    t.rows.push_back({report_date(*s.first_assignment, language), kLabels.first_assignment_row(language), "", ""});
  for (const auto& c : s.changes) t.rows.push_back({report_date(c.from, language), c.dorm, c.before, c.after});
  return t;
}

// The counts of the text sections as item / value rows (after the header's, overview_table).
void add_count_rows(const CounselorSummary& s, Language language, Table& t) {
  const auto row = [&](Words label, std::string value) { t.rows.push_back({label(language), std::move(value)}); };
  row(kLabels.forms_due, std::to_string(s.forms.expected));
  row(kLabels.forms_on_time, std::to_string(s.forms.found - s.forms.late));
  row(kLabels.forms_late, std::to_string(s.forms.late));
  row(kLabels.forms_missing, std::to_string(s.forms.expected - s.forms.found));
  const auto& i = s.incidents;
  row(kLabels.incidents_found, i.found.text());
  row(kLabels.in_time, i.in_time.text());
  row(kLabels.late, i.late.text());
  row(kLabels.unreported, i.unreported.text());
  row(kLabels.median_hours, i.median_hours ? hours_text(*i.median_hours) : "");
  row(kLabels.max_hours, i.max_hours ? hours_text(*i.max_hours) : "");
  add_case_count_rows(s, language, t);
  row(kLabels.attention_students, s.attention.students.text());
  row(kLabels.talked, s.attention.talked.text());
  row(kLabels.missed, s.attention.missed.text());
  for (const auto& [rule, count] : s.overdue_by_rule)
    t.rows.push_back(
        {fmt::format(pattern(kLabels.overdue_by_rule, language), rule_label(rule, language)), count.text()});
  row(kLabels.overdue_total, s.overdue_total.text());
}

// The header and the counts of the text sections as item / value rows.
Table overview_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.overview_columns, language), {Align::left, Align::left}, {}};
  const auto row = [&](Words label, std::string value) { t.rows.push_back({label(language), std::move(value)}); };
  row(kLabels.college, s.college);
  if (s.scope == SummaryScope::counselor)
    row(kLabels.counselor, fmt::format(pattern(kLabels.name_and_id, language), s.counselor_name, s.counselor_id));
  else if (s.scope == SummaryScope::branch)
    row(kLabels.branch, s.branch);
  else
    row(kLabels.whole_college, std::to_string(s.counselors.size()));
  row(kLabels.semester_row, summary_semester(s));
  row(kLabels.period_row, period_title(s.period, language));
  row(kLabels.submitted, report_date(s.reported_on, language));
  row(kLabels.due, report_date(s.period.summary_due, language));
  row(kLabels.own, s.own ? status_label(*s.own, language) : "—");
  row(kLabels.audience_row, audience_note(s.audience, s.sensitive, s.phones_in_full, language));
  add_count_rows(s, language, t);
  row(kLabels.chain_head, s.chain.head);
  row(kLabels.records, std::to_string(s.chain.records));
  return t;
}

}  // namespace

std::string summary_semester(const CounselorSummary& s) {
  return s.period.semester_name.empty() ? s.period.semester_id : s.period.semester_name;
}

// The members' overdue column: what it leaves out, when it does.
std::string summary_overdue_column(const CounselorSummary& s, Language language) {
  if (s.member_overdue_excludes.empty()) return kLabels.members_columns[7](language);
  std::vector<std::string> rules;
  for (auto rule : s.member_overdue_excludes) rules.push_back(rule_label(rule, language));
  return fmt::format(pattern(kLabels.overdue_without, language), joined(rules, language));
}

// Privacy::count: 1..threshold-1 become "<threshold"; 0 singles no one out.
std::string summary_small_counts_note(int threshold, Language language) {
  const int top = threshold - 1;
  const std::string range =
      top == 1 ? std::string(kLabels.small_one(language)) : fmt::format(pattern(kLabels.small_range, language), top);
  return fmt::format(pattern(kLabels.small_note, language), range, threshold);
}

std::string hours_text(double hours) { return fmt::format("{:.1f}", hours); }

std::string render_summary_markdown(const CounselorSummary& s, Language language) {
  const auto& l = kLabels;
  std::string out = summary_header(s, language);
  if (s.scope == SummaryScope::college) {
    // One row per counselor; each counselor's members and dorms are in that counselor's summary.
    out += l.counselors_heading(language) + render_markdown(counselors_table(s, language));
  } else {
    out += l.members_heading(language) + render_markdown(members_table(s, language));
    out += l.dorms_heading(language) + render_markdown(dorms_table(s, language));
  }
  out += l.forms_heading(language) + forms_text(s, language);
  out += l.incidents_heading(language) + summary_incidents_markdown(s, language);
  out += l.concerns_heading(language) + summary_concerns_markdown(s, language);
  out += l.attention_heading(language) + attention_text(s, language);
  out += l.overdue_heading(language) + overdue_text(s, language);
  out += l.changes_heading(language) + changes_text(s, language);
  const std::string head = s.chain.head.empty() ? std::string(l.no_records(language)) : "`" + s.chain.head + "`";
  out += "\n---\n\n" + fmt::format(pattern(l.chain, language), head, s.chain.records);
  return visible_document(out);
}

Workbook summary_workbook(const CounselorSummary& s, Language language) {
  const auto& l = kLabels;
  if (s.scope == SummaryScope::college)
    return {{"counselors", l.counselors_sheet(language), counselors_table(s, language)},
            {"categories", l.categories_sheet(language), summary_categories_table(s, language)},
            {"attention", l.attention_sheet(language), attention_table(s, language)},
            {"changes", l.changes_sheet(language), changes_table(s, language)},
            {"overview", l.overview_sheet(language), overview_table(s, language)}};
  return {{"members", l.members_sheet(language), members_table(s, language)},
          {"dorms", l.dorms_sheet(language), dorms_table(s, language)},
          {"overdue", l.overdue_sheet(language), overdue_table(s, language)},
          {"categories", l.categories_sheet(language), summary_categories_table(s, language)},
          {"concerns", l.concerns_sheet(language), summary_concerns_table(s, language)},
          {"attention", l.attention_sheet(language), attention_table(s, language)},
          {"changes", l.changes_sheet(language), changes_table(s, language)},
          {"overview", l.overview_sheet(language), overview_table(s, language)}};
}

}  // namespace dormlink::report
