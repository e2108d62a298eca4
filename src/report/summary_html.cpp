// The counselor's summary as the body of an HTML page (docs/html.md): the header as the Markdown
// shows it, charts drawn from the summary's own numbers, then every sheet of summary_workbook
// as a table. Nothing is counted here; privacy was applied by build_counselor_summary.
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/report/svg.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "summary_labels.hpp"

namespace dormlink::report {
namespace {

constexpr const SummaryLabels& kLabels = kSummaryLabels;

// The wording only the HTML has: charts, their series and axes (the rest is kSummaryLabels).
constexpr struct SummaryHtmlLabels {
  Words counselors_count{"辅导员 {} 名", "{} counselors"};
  Words charts_heading{"图表", "Charts"};
  Words members_chart{"党员走访、谈心：实际与应有（本期）", "Visits and talks per member: done and due (this period)"};
  Words counselors_chart{"各辅导员所带党员走访、谈心：实际与应有（本期）",
                         "Visits and talks of each counselor's members: done and due (this period)"};
  Words forms_chart{"各辅导员反馈表：已收与应交（本期）", "Feedback forms per counselor: in and due (this period)"};
  Words overdue_chart{"各辅导员逾期事项", "Overdue items per counselor"};
  Words heat_map{"各寝室每教学周联系次数（本学期第1—{}周）", "Contacts per dorm and teaching week (weeks 1–{})"};
  Words heat_map_none{"各寝室每教学周联系次数", "Contacts per dorm and teaching week"};
  Words heat_note{"联系次数为走访次数与当周谈心的住宿学生人数之和；无工作要求的周（节假日、考试周）没有联系时留空。",
                  "Contacts are visits plus the residents talked with that week; a week without duties (holidays, "
                  "exams) is left blank when nothing happened in it."};
  Words count_axis{"次数", "Count"};
  Words items_axis{"项", "Items"};
  Words visits_done{"走访（实际）", "Visits done"};
  Words visits_due{"走访（应有）", "Visits due"};
  Words talks_done{"谈心（实际）", "Talks done"};
  Words talks_due{"谈心（应有）", "Talks due"};
  Words forms_in{"反馈表（已收）", "Forms in"};
  Words forms_due{"反馈表（应交）", "Forms due"};
  Words dorm{"寝室", "Dorm"};
  Words week{"教学周", "Teaching week"};
  Words week_column{"第{}周", "wk {}"};  // a column of the heat map: the chart's text says "第1周17"
  Words trend_chart{"逾期事项：按所属期（截至{}）", "Overdue items by the period they belong to (on {})"};
  Words counselors_trend_chart{"各辅导员逾期事项：按所属期（截至{}）",
                               "Overdue items per counselor by the period they belong to (on {})"};
  Words trend_note{
      "每期一点：截至报送时间仍逾期、属于该期的事项数（反馈表和汇总按其所属期，特殊情况报告按发现日，"
      "其余按截止日），各期之和即逾期事项合计。",
      "One point per period: the items still overdue on the date submitted that belong to it (a form or "
      "summary by its period, an incident report by the day found, other duties by their due day); the "
      "points add up to the overdue total."};
  Words incidents_chart{"本期发现的特殊情况：按类别", "Incidents found this period, by category"};
  Words incidents_table{"本期发现的特殊情况：按类别（起）", "Incidents found this period, by category"};
  Words incidents_series{"特殊情况（起）", "Incidents"};
  Words incidents_axis{"起", "Incidents"};
  Words category{"类别", "Category"};
  Words hidden_note{"显示为 <{} 或 — 的类别没有画出，其数见下表。",
                    "Categories shown as <{} or — are not drawn; the table below has them."};
} kHtml;
static_assert(static_cast<std::size_t>(records::IncidentCategory::emergency) + 1 ==
              std::size(kLabels.incident_categories));

// Whose summary it is, as the Markdown's line under the heading says.
std::pair<std::string, std::string> scope_fact(const CounselorSummary& s, Language language) {
  switch (s.scope) {
    case SummaryScope::branch:
      return {kLabels.branch(language), s.branch};
    case SummaryScope::college:
      return {kLabels.whole_college(language),
              fmt::format(pattern(kHtml.counselors_count, language), s.counselors.size())};
    case SummaryScope::counselor:
      break;
  }
  return {kLabels.counselor(language),
          fmt::format(pattern(kLabels.name_and_id, language), s.counselor_name, s.counselor_id)};
}

// The title and the header's facts: scope, semester and period, dates, status, audience, and the
// note on small counts.
std::string header(const CounselorSummary& s, Language language) {
  std::string out = html::heading(1, fmt::format(pattern(kLabels.title, language), s.college));
  out += html::facts(
      {scope_fact(s, language),
       {kLabels.semester_row(language), summary_semester(s)},
       {kLabels.period_row(language), period_title(s.period, language)},
       {kLabels.submitted(language), report_date(s.reported_on, language)},
       {kLabels.due(language), report_date(s.period.summary_due, language)},
       {kLabels.own(language), s.own ? status_label(*s.own, language) : "—"},
       {kLabels.audience_row(language), audience_note(s.audience, s.sensitive, s.phones_in_full, language)}});
  if (s.small_counts_below) out += html::paragraph(summary_small_counts_note(*s.small_counts_below, language), "note");
  return out;
}

// Names as a chart's categories: a name shared by two people gets the id after it.
std::vector<std::string> category_names(const std::vector<std::pair<std::string, std::string>>& people,
                                        Language language) {
  std::vector<std::string> out;
  for (const auto& [name, id] : people) {
    int same = 0;
    for (const auto& other : people) same += other.first == name ? 1 : 0;
    out.push_back(same > 1 ? fmt::format(pattern(kLabels.name_and_id, language), name, id) : name);
  }
  return out;
}

// Done and due, two series of a bar chart.
void add_tally(svg::BarChart& chart, const std::vector<Tally>& tallies, Words done, Words due, Language language) {
  svg::BarSeries found{done(language), {}}, expected{due(language), {}};
  for (const auto& t : tallies) {
    found.values.push_back(t.found);
    expected.values.push_back(t.expected);
  }
  chart.series.push_back(std::move(found));
  chart.series.push_back(std::move(expected));
}

// Per member: visits and talks done against due in the period.
std::string members_chart(const CounselorSummary& s, Language language) {
  svg::BarChart chart{kHtml.members_chart(language), kHtml.count_axis(language), {}, {}};
  std::vector<std::pair<std::string, std::string>> people;
  std::vector<Tally> visits, talks;
  for (const auto& m : s.members) {
    people.emplace_back(m.name, m.id);
    visits.push_back(m.visits);
    talks.push_back(m.talks);
  }
  chart.categories = category_names(people, language);
  add_tally(chart, visits, kHtml.visits_done, kHtml.visits_due, language);
  add_tally(chart, talks, kHtml.talks_done, kHtml.talks_due, language);
  return svg::bar_chart(chart, language);
}

// The dorms × teaching weeks of the semester so far: contacts (CounselorSummary::contacts_by_week).
std::string contacts_heat_map(const CounselorSummary& s, Language language) {
  const auto& grid = s.contacts_by_week;
  svg::HeatMap chart;
  chart.title = grid.weeks.empty() ? std::string(kHtml.heat_map_none(language))
                                   : fmt::format(pattern(kHtml.heat_map, language), grid.weeks.back());
  chart.row_label = kHtml.dorm(language);
  chart.column_label = kHtml.week(language);
  chart.rows = grid.dorms;
  for (int week : grid.weeks) chart.columns.push_back(fmt::format(pattern(kHtml.week_column, language), week));
  chart.cells = grid.contacts;
  return svg::heat_map(chart, language) + html::paragraph(kHtml.heat_note(language), "note");
}

// The college: per counselor, the members' visits and talks, the forms, and the overdue items.
std::string counselors_charts(const CounselorSummary& s, Language language) {
  std::vector<std::pair<std::string, std::string>> people;
  std::vector<Tally> visits, talks, forms;
  svg::BarSeries overdue{summary_overdue_column(s, language), {}};
  for (const auto& c : s.counselors) {
    people.emplace_back(c.name, c.id);
    visits.push_back(c.visits);
    talks.push_back(c.talks);
    forms.push_back(c.forms);
    overdue.values.push_back(c.overdue);
  }
  const auto names = category_names(people, language);
  svg::BarChart work{kHtml.counselors_chart(language), kHtml.count_axis(language), names, {}};
  add_tally(work, visits, kHtml.visits_done, kHtml.visits_due, language);
  add_tally(work, talks, kHtml.talks_done, kHtml.talks_due, language);
  svg::BarChart form{kHtml.forms_chart(language), kHtml.count_axis(language), names, {}};
  add_tally(form, forms, kHtml.forms_in, kHtml.forms_due, language);
  const svg::BarChart late{kHtml.overdue_chart(language), kHtml.items_axis(language), names, {std::move(overdue)}};
  return svg::bar_chart(late, language) + svg::bar_chart(work, language) + svg::bar_chart(form, language);
}

// Overdue items by the period they belong to: a line per counselor (college), else one.
std::string overdue_trend_chart(const CounselorSummary& s, Language language) {
  if (s.overdue_trend.empty()) return {};
  const bool college = s.scope == SummaryScope::college;
  const Words title = college ? kHtml.counselors_trend_chart : kHtml.trend_chart;
  svg::LineChart chart{fmt::format(pattern(title, language), report_date(s.reported_on, language)),
                       summary_overdue_column(s, language),
                       {},
                       {}};
  for (int p = 1; p <= s.overdue_periods; ++p)
    chart.points.push_back(fmt::format(pattern(kLabels.period, language), p));
  std::vector<std::pair<std::string, std::string>> people;
  for (const auto& t : s.overdue_trend) people.emplace_back(t.name, t.id);
  const auto names = category_names(people, language);
  for (std::size_t i = 0; i < s.overdue_trend.size(); ++i) {
    svg::BarSeries line{college ? names[i] : summary_overdue_column(s, language), {}};
    for (const int n : s.overdue_trend[i].overdue) line.values.push_back(n);
    chart.series.push_back(std::move(line));
  }
  return svg::line_chart(chart, language) + html::paragraph(kHtml.trend_note(language), "note");
}

// The period's incidents by category: the counts the audience sees drawn, the hidden ones ("<3",
// "—") left out of the drawing and listed, with every category, in a table under it.
std::string incidents_chart(const CounselorSummary& s, Language language) {
  const auto& by_category = s.incidents.by_category;
  if (by_category.empty() || s.incidents.found.zero()) return {};
  svg::BarChart chart{kHtml.incidents_chart(language), kHtml.incidents_axis(language), {}, {}};
  svg::BarSeries found{kHtml.incidents_series(language), {}};
  Table all{{kHtml.category(language), kHtml.incidents_series(language)}, {Align::left, Align::right}, {}};
  bool hidden = false;
  for (const auto& [category, count] : by_category) {
    const std::string name = kLabels.incident_categories[static_cast<std::size_t>(category)](language);
    all.rows.push_back({name, count.text()});
    hidden = hidden || count.hidden();
    if (const auto n = count.value()) {
      chart.categories.push_back(name);
      found.values.push_back(*n);
    }
  }
  chart.series.push_back(std::move(found));
  std::string out = chart.categories.empty() ? std::string() : svg::bar_chart(chart, language);
  if (!hidden) return out;
  out += html::paragraph(fmt::format(pattern(kHtml.hidden_note, language), s.small_counts_below.value_or(3)), "note");
  return out + html::table(all, kHtml.incidents_table(language), true);
}

}  // namespace

std::string render_summary_html(const CounselorSummary& s, Language language) {
  std::string out = header(s, language);
  out += html::heading(2, kHtml.charts_heading(language));
  if (s.scope == SummaryScope::college) {
    // Every dorm of the college in one grid would not fit a page: its counselors' rows instead.
    out += counselors_charts(s, language);
  } else {
    out += members_chart(s, language);
    out += contacts_heat_map(s, language);
  }
  out += overdue_trend_chart(s, language);
  out += incidents_chart(s, language);
  return out + html::workbook_tables(summary_workbook(s, language), language);
}

}  // namespace dormlink::report
