// The cases' parts of the counselor's summary in words (docs/reports.md "特殊情况", "关注事项"): the
// incidents' counts and their categories in the user's language, and the concerns — each one for
// the counselor, counts for everyone else. Nothing is counted here: build_counselor_summary
// applied privacy.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "case_words.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "dormlink/when.hpp"
#include "summary_labels.hpp"

namespace dormlink::report {
namespace {

constexpr const SummaryLabels& kLabels = kSummaryLabels;

std::string category_name(records::IncidentCategory category, Language language) {
  return kLabels.incident_categories[static_cast<std::size_t>(category)](language);
}

std::string concern_status(const SummaryConcernLine& c, Language language) {
  std::string out = case_words::stage(c.stage, language);
  if (c.ack == check::Status::overdue) out += kLabels.overdue_mark(language);
  return out;
}

}  // namespace

Table summary_categories_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.categories_columns, language),
          {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right},
          {}};
  for (const auto& c : s.incidents.categories)
    t.rows.push_back({category_name(c.category, language), c.found.text(), c.in_time.text(), c.late.text(),
                      c.unreported.text(), c.repeats.text()});
  return t;
}

std::string summary_incidents_markdown(const CounselorSummary& s, Language language) {
  const auto& i = s.incidents;
  if (i.found.zero()) return kLabels.no_incident(language);
  std::string out = fmt::format(pattern(kLabels.incidents, language), i.found.text(), i.in_time.text(), i.late.text(),
                                i.unreported.text());
  if (i.median_hours)
    out += fmt::format(pattern(kLabels.hours, language), hours_text(*i.median_hours), hours_text(*i.max_hours));
  if (!i.repeats.zero()) out += fmt::format(pattern(kLabels.repeats_line, language), i.repeats.text());
  out += "\n";
  if (!i.categories.empty()) out += "\n" + render_markdown(summary_categories_table(s, language));
  return out;
}

Table summary_concerns_table(const CounselorSummary& s, Language language) {
  Table t{pick(kLabels.concerns_columns, language), std::vector<Align>(8, Align::left), {}};
  for (const auto& c : s.concerns.lines)
    t.rows.push_back({fmt::format("#{}", c.number), c.member, c.student, c.student_id,
                      case_words::escalation(c.escalate_to, language), format_local(c.opened),
                      c.acknowledged ? format_local(*c.acknowledged) : "—", concern_status(c, language)});
  return t;
}

std::string summary_concerns_markdown(const CounselorSummary& s, Language language) {
  const auto& c = s.concerns;
  if (c.opened.zero()) return kLabels.no_concern(language);
  std::string out = fmt::format(pattern(kLabels.concerns, language), c.opened.text(), c.acknowledged_in_time.text(),
                                c.still_open.text());
  if (c.lines.empty()) return out;
  return out + "\n" + render_markdown(summary_concerns_table(s, language));
}

void add_case_count_rows(const CounselorSummary& s, Language language, Table& t) {
  const auto row = [&](Words label, std::string value) { t.rows.push_back({label(language), std::move(value)}); };
  row(kLabels.repeats, s.incidents.repeats.text());
  row(kLabels.concerns_opened, s.concerns.opened.text());
  row(kLabels.concerns_in_time, s.concerns.acknowledged_in_time.text());
  row(kLabels.concerns_open, s.concerns.still_open.text());
}

}  // namespace dormlink::report
