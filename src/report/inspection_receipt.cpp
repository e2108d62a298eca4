// The receipt of `inspect record --finding` (docs/inspect.md "Findings without a record"): what
// was saved and what it is linked to — the records of the member it contradicts, by week, or the
// incident record that reported what the inspectors saw.
#include <fmt/format.h>

#include "dormlink/report/inspection_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "inspection_words.hpp"

namespace dormlink::report {
namespace {

// Every word of the receipt, zh and en side by side.
constexpr struct ObservationReceiptLabels {
  Words heading{"已记录检查发现 #{} · {} · {} · {} · 检查人 {}", "recorded finding #{} · {} · {} · {} · inspector {}"};
  Words in_sample{" · 抽查 #{}", " · sample #{}"};
  Words member{"党员：{}", "member: {}"};
  Words no_member{"党员：当日该寝室没有联系党员", "member: the dorm had no member that day"};
  Words student{" · 学生：{}", " · student: {}"};
  Words category{"突发事件：{}", "incident: {}"};
  Words contradicts{"与党员 {} 周内的 {} 条记录矛盾：{}", "contradicts {1} records of the member in {0} weeks: {2}"};
  Words contradicts_none{"没有与之矛盾的记录（党员本学期至今未记录与该寝室的联系）",
                         "contradicts no record (the member recorded no contact with the dorm this semester so far)"};
  Words contradicts_none_student{
      "没有与之矛盾的记录（党员本学期至今未记录与该学生的联系）",
      "contradicts no record (the member recorded no contact with the student this semester so far)"};
  Words unreported_costs{"（计入党员的考核）", " (counts against the member in the assessment)"};
} k_labels;

std::string contradicted_line(const inspect::Observation& o, Language language) {
  const auto& l = k_labels;
  if (o.weeks.empty()) return (o.student_id ? l.contradicts_none_student : l.contradicts_none)(language);
  return fmt::format(pattern(l.contradicts, language), o.weeks.size(), inspect::records_of(o.weeks).size(),
                     weeks_text(o.weeks, language));
}

}  // namespace

std::string render_observation_receipt(const ObservationReceipt& r, Language language) {
  const auto& l = k_labels;
  const auto& o = r.observation;
  std::string out = fmt::format(pattern(l.heading, language), o.id, finding_label(o.finding, language), o.dorm,
                                o.inspected_on, r.inspector);
  if (o.sample_id) out += fmt::format(pattern(l.in_sample, language), *o.sample_id);
  out += "\n";
  out += r.member.empty() ? std::string(l.no_member(language)) : fmt::format(pattern(l.member, language), r.member);
  if (!r.student.empty()) out += fmt::format(pattern(l.student, language), r.student);
  out += "\n";
  if (o.category) {
    out += fmt::format(pattern(l.category, language), incident_category_label(*o.category, language));
    out += " · " + report_status(o, language);
    if (inspect::unreported_incident(o)) out += l.unreported_costs(language);
    out += "\n";
  }
  if (o.finding == inspect::Finding::no_contact && !r.member.empty()) out += contradicted_line(o, language) + "\n";
  return visible_document(out);
}

}  // namespace dormlink::report
