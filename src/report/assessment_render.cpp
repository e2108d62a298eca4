// The semester assessment printed: Markdown, the sheets for CSV and Excel, the table of
// `dormlink export assessment` (docs/reports.md "The semester assessment"). Every wording is
// in assessment_internal.hpp.
#include <cmath>

#include <fmt/format.h>

#include "assessment_inspection.hpp"
#include "assessment_internal.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;

const AssessmentLabels& l = kAssessmentLabels;

template <typename... Args>
std::string worded(const Words& words, Language language, Args&&... args) {
  return assessment_worded(words, language, std::forward<Args>(args)...);
}

std::string ratio_text(double ratio) { return fmt::format("{:.1f}%", ratio * 100.0); }

std::string points_text(double points) { return fmt::format("{:.1f}", std::round(points * 10.0) / 10.0); }

// A component's column: its label and weight.
std::string component_column(const Assessment& a, Component c, Language language) {
  return worded(l.name_and_id, language, component_label(c, language), weight_of(a.options, c));
}

std::string basis(const ComponentScore& s, Language language) {
  if (s.component == Component::inspection) {
    if (s.findings == 0) return l.no_findings(language);
    return worded(l.findings, language, s.findings, s.contradicted);
  }
  if (s.unreported > 0) return unreported_basis(s, language);
  if (s.met + s.late + s.overdue == 0) return l.nothing_due(language);
  return "";
}

std::string lost_line(const Assessment& a, const Obligation& o, Language language) {
  const auto& input = *a.check;
  std::string what = rule_label(o.rule, language);
  const auto dorm = dorm_at(input, o.dorm);
  if (!dorm.empty()) what += " " + dorm;
  if (const auto* s = person_at(input, o.student); s != nullptr && names_students(a.privacy))
    what += worded(l.lost_student, language, s->name, s->id);
  if (o.record_id != 0) what += fmt::format(" #{}", o.record_id);
  const std::string window =
      o.window_from == o.window_to
          ? report_date(o.window_from, language)
          : worded(l.window, language, report_date(o.window_from, language), report_date(o.window_to, language));
  return worded(l.lost_line, language, status_label(o.status, language), what, window, report_date(o.due, language),
                o.expected, o.found);
}

Table summary_table(const Assessment& a, Language language) {
  Table summary;
  summary.header = assessment_header(l.summary_columns, language);
  summary.align = {Align::left, Align::left, Align::left};
  for (Component c : k_components) {
    summary.header.push_back(component_column(a, c, language));
    summary.align.push_back(Align::right);
  }
  summary.header.push_back(l.score_column(language));
  summary.header.push_back(l.band_column(language));
  summary.align.push_back(Align::right);
  summary.align.push_back(Align::left);
  for (const auto& m : a.members) {
    std::vector<std::string> row{m.name, m.id, m.branch};
    for (const auto& s : m.components) row.push_back(points_text(s.points));
    row.push_back(format_tenths(m.score_tenths));
    row.push_back(band_label(m.band, language));
    summary.rows.push_back(std::move(row));
  }
  return summary;
}

Table components_table(const MemberAssessment& m, Language language) {
  Table t;
  t.header = assessment_header(l.component_columns, language);
  t.align = {Align::left,  Align::right, Align::right, Align::right, Align::right,
             Align::right, Align::right, Align::right, Align::right, Align::left};
  int weight = 0;
  for (const auto& s : m.components) {
    t.rows.push_back({component_label(s.component, language), std::to_string(s.weight), std::to_string(s.met),
                      std::to_string(s.late), std::to_string(s.overdue), std::to_string(s.waived),
                      std::to_string(s.pending), ratio_text(s.ratio), points_text(s.points), basis(s, language)});
    weight += s.weight;
  }
  t.rows.push_back({l.total(language), std::to_string(weight), "", "", "", "", "", "", format_tenths(m.score_tenths),
                    band_label(m.band, language)});
  return t;
}

// The obligations that cost points, one row each.
Table lost_table(const Assessment& a, Language language) {
  const auto& input = *a.check;
  Table t{assessment_header(l.lost_columns, language),
          {Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::right,
           Align::left, Align::left, Align::left, Align::right, Align::right},
          {}};
  for (const auto& m : a.members) {
    for (const auto& s : m.components) {
      for (const auto& o : s.lost) {
        std::string student;
        if (const auto* p = person_at(input, o.student); p != nullptr && names_students(a.privacy))
          student = worded(l.name_and_id, language, p->name, p->id);
        t.rows.push_back({m.id, m.name, component_label(s.component, language), status_label(o.status, language),
                          rule_label(o.rule, language), dorm_at(input, o.dorm), student,
                          o.record_id == 0 ? std::string() : std::to_string(o.record_id),
                          report_date(o.window_from, language), report_date(o.window_to, language),
                          report_date(o.due, language), std::to_string(o.expected), std::to_string(o.found)});
      }
    }
  }
  return t;
}

Table contradicted_table(const Assessment& a, Language language) {
  Table t{assessment_header(l.contradicted_columns, language), {Align::left, Align::left, Align::right}, {}};
  for (const auto& m : a.members)
    for (auto id : m.contradicted_records) t.rows.push_back({m.id, m.name, std::to_string(id)});
  return t;
}

// Every member's components in one table, each row led by the member's id and name.
Table all_components_table(const Assessment& a, Language language) {
  Table components = components_table(MemberAssessment{}, language);
  components.rows.clear();
  const auto member = assessment_header(l.member_columns, language);
  components.header.insert(components.header.begin(), member.begin(), member.end());
  components.align.insert(components.align.begin(), {Align::left, Align::left});
  for (const auto& m : a.members) {
    for (auto& row : components_table(m, language).rows) {
      row.insert(row.begin(), {m.id, m.name});
      components.rows.push_back(std::move(row));
    }
  }
  return components;
}

std::string heading(const Assessment& a, Language language) {
  std::string out = worded(l.title, language, a.semester_name, a.college.empty() ? l.no_college(language) : a.college);
  out += worded(l.semester_lines, language, a.semester_name, a.semester_id, report_date(a.as_of, language));
  if (!a.branch.empty()) out += worded(l.branch_line, language, a.branch);
  out += worded(l.bands_line, language, a.options.excellent_from, a.options.pass_from, a.options.basic_pass_from,
                a.options.basic_pass_from);
  out += l.scoring_line(language);
  out += worded(l.for_line, language, audience_label(a.privacy.audience, zh(language)));
  return out;
}

std::string member_section(const Assessment& a, const MemberAssessment& m, Language language) {
  std::string out = worded(l.member_heading, language, escape_markdown_cell(m.name), m.id,
                           format_tenths(m.score_tenths), band_label(m.band, language));
  out += render_markdown(components_table(m, language));
  bool any = false;
  for (const auto& s : m.components) {
    if (s.lost.empty()) continue;
    if (!any) out += l.lost_heading(language);
    any = true;
    for (const auto& o : s.lost) out += escape_markdown_cell(lost_line(a, o, language)) + "\n";
  }
  if (!m.contradicted_records.empty()) {
    std::vector<std::string> ids;
    for (auto id : m.contradicted_records) ids.push_back(fmt::format("#{}", id));
    out += worded(l.contradicted_line, language, fmt::join(ids, l.list_separator(language)));
  }
  out += inspection_notes_markdown(m, language);
  return out;
}

}  // namespace

std::string render_assessment_markdown(const Assessment& a, Language language) {
  std::string out = heading(a, language);
  if (a.members.empty()) return out + l.no_members(language);
  out += l.summary_heading(language) + render_markdown(summary_table(a, language));
  for (const auto& m : a.members) out += member_section(a, m, language);
  return visible_document(out);
}

Workbook assessment_workbook(const Assessment& a, Language language) {
  return {{"summary", l.summary_sheet(language), summary_table(a, language)},
          {"components", l.components_sheet(language), all_components_table(a, language)},
          {"lost", l.lost_sheet(language), lost_table(a, language)},
          {"contradicted", l.contradicted_sheet(language), contradicted_table(a, language)},
          {"incidents", incidents_sheet_name(language), incidents_table(a, language)},
          {"observations", observations_sheet_name(language), observations_table(a, language)}};
}

ExportTable assessment_table(const Assessment& a, Language language) {
  ExportTable t;
  t.columns = {{"member_id", l.export_id(language), false},
               {"member_name", l.export_member(language), false},
               {"branch", l.export_branch(language), false}};
  for (Component c : k_components)
    t.columns.push_back({std::string(to_string(c)), component_column(a, c, language), true});
  t.columns.push_back({"score", l.export_score(language), true});
  t.columns.push_back({"band", l.export_band(language), false});
  for (const auto& m : a.members) {
    std::vector<std::string> row{m.id, m.name, m.branch};
    for (const auto& s : m.components) row.push_back(points_text(s.points));
    row.push_back(format_tenths(m.score_tenths));
    row.push_back(band_label(m.band, language));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace dormlink::report
