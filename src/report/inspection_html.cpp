// `dormlink report inspection --format html` (docs/html.md): the Markdown's heading and counts,
// then every sheet of inspection_workbook — the tables CSV and Excel print, with what the
// committee may not see already left out by the workbook.
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/inspection_summary.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

// The wording of the heading; the tables' wording is the workbook's (inspection_summary.cpp).
constexpr struct InspectionHtmlLabels {
  Words title{"{}检查情况", "Inspection · {}"};
  Words semester{"学期", "Semester"};
  Words semester_value{"{}（{}）", "{} ({})"};
  Words as_of{"截至", "As of"};
  Words branch{"党支部", "Branch"};
  // Samples, findings, contradicted: the plural "s" of English is the second and fourth argument.
  Words counts{"抽查 {0} 次，检查结果 {2} 条，不属实 {4} 条", "{0} sample{1}, {2} finding{3}, {4} contradicted"};
  Words plural{"", "s"};
} k_labels;

std::vector<std::pair<std::string, std::string>> facts(const InspectionSummary& s, Language language) {
  const auto& k = k_labels;
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back(k.semester(language),
                   fmt::format(pattern(k.semester_value, language), s.semester_name, s.semester_id));
  out.emplace_back(k.as_of(language), report_date(s.as_of, language));
  if (!s.branch.empty()) out.emplace_back(k.branch(language), s.branch);
  return out;
}

// "抽查 2 次，检查结果 3 条，不属实 1 条", counted from the summary as the Markdown counts them.
std::string counts(const InspectionSummary& s, Language language) {
  int contradicted = 0;
  for (const auto& f : s.findings) contradicted += f.contradicted ? 1 : 0;
  const auto plural = [&](std::size_t n) { return n == 1 ? "" : k_labels.plural(language); };
  return fmt::format(pattern(k_labels.counts, language), s.samples.size(), plural(s.samples.size()), s.findings.size(),
                     plural(s.findings.size()), contradicted);
}

}  // namespace

std::string render_inspection_summary_html(const InspectionSummary& s, Language language) {
  std::string out = html::heading(1, fmt::format(pattern(k_labels.title, language), s.semester_name));
  out += html::facts(facts(s, language));
  out += html::paragraph(counts(s, language));
  out += html::workbook_tables(inspection_workbook(s, language), language);
  return out;
}

}  // namespace dormlink::report
