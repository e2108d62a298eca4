// The assessment's incidents by category and findings without a record (docs/reports.md "The
// semester assessment"): concealment costs — an incident an inspection found that no record
// reported counts in incidents_on_time as not reported; a "no contact" finding that contradicts
// the member's records counts in inspection as a contradicted record.
#include "assessment_inspection.hpp"

#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/words.hpp"
#include "inspection_words.hpp"

namespace dormlink::report {
namespace {

// Every word of these notes and sheets, zh and en side by side.
constexpr struct AssessmentInspectionLabels {
  Words unreported{"检查发现未报告 {} 起", "{} found by the inspection, not reported"};
  Words incidents_line{"\n突发事件（按类别）：{}\n", "\nIncidents by category: {}\n"};
  Words category_total{"{} {} 起（{}）", "{} {} ({})"};
  Words met{"按时报告 {}", "{} reported in time"};
  Words late{"逾期报告 {}", "{} late"};
  Words overdue{"逾期 {}", "{} overdue"};
  Words pending{"未到期 {}", "{} not yet due"};
  Words found{"检查发现未报告 {}", "{} found by the inspection, not reported"};
  Words part_separator{"，", ", "};
  Words category_separator{"；", "; "};
  Words no_category{"（未知类别）", "(unknown category)"};
  Words observations_heading{"\n无记录的检查发现：\n\n", "\nFindings without a record:\n\n"};
  Words observation_line{"- #{} · {} · {} · {}", "- #{} · {} · {} · {}"};
  Words contradicts{" · 与之矛盾：{}（计入检查核实）", " · contradicts {} (counts in inspection)"};
  Words contradicts_none{" · 没有与之矛盾的记录", " · contradicts no record"};
  Words unreported_costs{"（计入突发事件按时报告）", " (counts in incidents reported on time)"};
  Words incidents_columns[8]{{"党员学号", "Member id"}, {"党员", "Member"},
                             {"类别", "Category"},      {"按时报告", "In time"},
                             {"逾期报告", "Late"},      {"逾期", "Overdue"},
                             {"未到期", "Not yet due"}, {"检查发现未报告", "Found, not reported"}};
  Words observations_columns[10]{{"党员学号", "Member id"}, {"党员", "Member"},       {"编号", "Finding"},
                                 {"检查日期", "Inspected"}, {"寝室", "Dorm"},         {"发现", "Found"},
                                 {"突发事件", "Incident"},  {"报告情况", "Reported"}, {"与之矛盾的记录", "Contradicts"},
                                 {"计入", "Counts in"}};
  Words incidents_sheet{"突发事件分类", "Incidents"};
  Words observations_sheet{"无记录的检查发现", "Findings without a record"};
} k_labels;

std::string category_name(const std::string& key, Language language) {
  return key.empty() ? std::string(k_labels.no_category(language)) : incident_category_label(key, language);
}

// "按时报告 1，检查发现未报告 1": the non-zero counts of a category.
std::string tally_parts(const IncidentTally& t, Language language) {
  const auto& l = k_labels;
  std::string out;
  for (const auto& [words, n] : {std::pair{l.met, t.met}, std::pair{l.late, t.late}, std::pair{l.overdue, t.overdue},
                                 std::pair{l.pending, t.pending}, std::pair{l.found, t.unreported}}) {
    if (n == 0) continue;
    if (!out.empty()) out += l.part_separator(language);
    out += fmt::format(pattern(words, language), n);
  }
  return out;
}

// The component an observation costs in: inspection, incidents_on_time, or none.
std::optional<Component> costs_in(const inspect::Observation& o) {
  if (inspect::contradicts_records(o)) return Component::inspection;
  if (inspect::unreported_incident(o)) return Component::incidents_on_time;
  return std::nullopt;
}

std::string observation_line(const inspect::Observation& o, Language language) {
  const auto& l = k_labels;
  const auto day = parse_iso_date(o.inspected_on);
  std::string out =
      fmt::format(pattern(l.observation_line, language), o.id, day ? report_date(*day, language) : o.inspected_on,
                  o.dorm, finding_label(o.finding, language));
  if (o.category) {
    out += " · " + incident_category_label(*o.category, language) + " · " + report_status(o, language);
    if (inspect::unreported_incident(o)) out += l.unreported_costs(language);
  }
  if (o.finding == inspect::Finding::no_contact) {
    out += o.weeks.empty() ? std::string(l.contradicts_none(language))
                           : fmt::format(pattern(l.contradicts, language), weeks_text(o.weeks, language));
  }
  return out;
}

}  // namespace

std::string incidents_sheet_name(Language language) { return k_labels.incidents_sheet(language); }
std::string observations_sheet_name(Language language) { return k_labels.observations_sheet(language); }

std::string unreported_basis(const ComponentScore& s, Language language) {
  if (s.component != Component::incidents_on_time || s.unreported == 0) return "";
  return fmt::format(pattern(k_labels.unreported, language), s.unreported);
}

std::string inspection_notes_markdown(const MemberAssessment& m, Language language) {
  const auto& l = k_labels;
  std::string out;
  if (!m.incidents.empty()) {
    std::string categories;
    for (const auto& t : m.incidents) {
      if (!categories.empty()) categories += l.category_separator(language);
      const int total = t.met + t.late + t.overdue + t.pending + t.unreported;
      categories += fmt::format(pattern(l.category_total, language), category_name(t.category, language), total,
                                tally_parts(t, language));
    }
    out += fmt::format(pattern(l.incidents_line, language), escape_markdown_cell(categories));
  }
  if (!m.observations.empty()) {
    out += l.observations_heading(language);
    for (const auto& o : m.observations) out += escape_markdown_cell(observation_line(o, language)) + "\n";
  }
  return out;
}

Table incidents_table(const Assessment& a, Language language) {
  Table t{pick(k_labels.incidents_columns, language),
          {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right},
          {}};
  for (const auto& m : a.members) {
    for (const auto& x : m.incidents) {
      t.rows.push_back({m.id, m.name, category_name(x.category, language), std::to_string(x.met),
                        std::to_string(x.late), std::to_string(x.overdue), std::to_string(x.pending),
                        std::to_string(x.unreported)});
    }
  }
  return t;
}

Table observations_table(const Assessment& a, Language language) {
  Table t{pick(k_labels.observations_columns, language), std::vector<Align>(10, Align::left), {}};
  t.align[2] = Align::right;
  for (const auto& m : a.members) {
    for (const auto& o : m.observations) {
      const auto costs = costs_in(o);
      t.rows.push_back({m.id, m.name, std::to_string(o.id), o.inspected_on, o.dorm, finding_label(o.finding, language),
                        o.category ? incident_category_label(*o.category, language) : "", report_status(o, language),
                        o.finding == inspect::Finding::no_contact ? weeks_text(o.weeks, language) : "",
                        costs ? component_label(*costs, language) : ""});
    }
  }
  return t;
}

Json incidents_json(const MemberAssessment& m) {
  Json out = Json::array();
  for (const auto& t : m.incidents) {
    out.push_back({{"category", t.category.empty() ? Json() : Json(t.category)},
                   {"met", t.met},
                   {"met_late", t.late},
                   {"overdue", t.overdue},
                   {"not_yet_due", t.pending},
                   {"unreported", t.unreported}});
  }
  return out;
}

Json observations_json(const MemberAssessment& m) {
  Json out = Json::array();
  for (const auto& o : m.observations) {
    Json weeks = Json::array();
    for (const auto& w : o.weeks) weeks.push_back({{"week", w.week}, {"records", w.records}});
    const auto costs = costs_in(o);
    out.push_back({{"id", o.id},
                   {"finding", std::string(inspect::key(o.finding))},
                   {"dorm", o.dorm},
                   {"inspected_on", o.inspected_on},
                   {"category", o.category ? Json(*o.category) : Json()},
                   {"reported_by", o.reported_by ? Json(*o.reported_by) : Json()},
                   {"weeks", std::move(weeks)},
                   {"counts_in", costs ? Json(std::string(to_string(*costs))) : Json()}});
  }
  return out;
}

}  // namespace dormlink::report
