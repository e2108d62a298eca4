// The semester assessment as HTML (docs/html.md): the Markdown's heading and facts, two charts
// drawn from the Assessment (members per band; each member's points by component), then every
// sheet of assessment_workbook — the tables CSV and Excel print, privacy applied by the builder.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "assessment_internal.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/svg.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

// The wording the HTML adds; the components', bands' and scoring's wording is the Markdown's
// (assessment_internal.hpp).
constexpr struct AssessmentHtmlLabels {
  Words title{"{}学期考核 · {}", "Semester assessment · {} · {}"};
  Words semester{"学期", "Semester"};
  Words semester_value{"{}（{}）", "{} ({})"};
  Words as_of{"截至", "As of"};
  Words branch{"党支部", "Branch"};
  Words bands{"等级", "Bands"};
  Words bands_value{"优秀 ≥ {}，合格 ≥ {}，基本合格 ≥ {}，不合格低于 {}",
                    "excellent ≥ {}, pass ≥ {}, basic pass ≥ {}, fail below {}"};
  Words audience{"阅读对象", "For"};
  Words bands_chart{"各等级人数", "Members per band"};
  Words bands_axis{"人数", "members"};
  Words bands_series{"党员", "members"};
  Words scores_chart{"各党员得分（按项目）", "Each member's score by component"};
  Words scores_axis{"得分", "points"};
  Words member_with_id{"{}（{}）", "{} ({})"};
  Words other_components{"其他项目（{}）", "other components ({})"};  // their weights summed
} k_labels;

const AssessmentLabels& l = kAssessmentLabels;

// A line of the Markdown's wording without its list mark and line breaks ("- 计分：…\n").
std::string plain_line(Words words, Language language) {
  std::string_view text = words(language);
  if (text.starts_with("- ")) text.remove_prefix(2);
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return std::string(text);
}

std::string title(const Assessment& a, Language language) {
  return fmt::format(pattern(k_labels.title, language), a.semester_name,
                     a.college.empty() ? l.no_college(language) : a.college);
}

// The heading's lines of the Markdown as label/value pairs.
std::vector<std::pair<std::string, std::string>> facts(const Assessment& a, Language language) {
  const auto& k = k_labels;
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back(k.semester(language),
                   fmt::format(pattern(k.semester_value, language), a.semester_name, a.semester_id));
  out.emplace_back(k.as_of(language), report_date(a.as_of, language));
  if (!a.branch.empty()) out.emplace_back(k.branch(language), a.branch);
  const auto& o = a.options;
  out.emplace_back(k.bands(language), fmt::format(pattern(k.bands_value, language), o.excellent_from, o.pass_from,
                                                  o.basic_pass_from, o.basic_pass_from));
  out.emplace_back(k.audience(language), audience_label(a.privacy.audience, zh(language)));
  return out;
}

// Members per band, every band in order (an empty band is a bar of 0).
std::string bands_chart(const Assessment& a, Language language) {
  constexpr Band k_bands[] = {Band::excellent, Band::pass, Band::basic_pass, Band::fail};
  svg::BarChart chart;
  chart.title = k_labels.bands_chart(language);
  chart.value_label = k_labels.bands_axis(language);
  svg::BarSeries members{k_labels.bands_series(language), {}};
  for (Band band : k_bands) {
    chart.categories.push_back(band_label(band, language));
    const auto n = std::count_if(a.members.begin(), a.members.end(), [band](const auto& m) { return m.band == band; });
    members.values.push_back(static_cast<double>(n));
  }
  chart.series.push_back(std::move(members));
  return svg::bar_chart(chart, language);
}

// A member as a chart's category: the name, with the id when another member has the same name.
std::string member_label(const Assessment& a, const MemberAssessment& m, Language language) {
  const auto same = std::count_if(a.members.begin(), a.members.end(), [&m](const auto& o) { return o.name == m.name; });
  return same > 1 ? fmt::format(pattern(k_labels.member_with_id, language), m.name, m.id) : m.name;
}

// The parts of the score chart: the components that weigh something (one that weighs nothing
// adds nothing to anyone's score), each a list of component indexes. The chart tells at most
// k_chart_parts parts apart by pattern (svg.hpp): past that, the last ones share one part.
struct ScoreParts {
  std::vector<std::string> labels;
  std::vector<std::vector<std::size_t>> components;
};

constexpr std::size_t k_chart_parts = 6;

ScoreParts score_parts(const Assessment& a, Language language) {
  std::vector<std::size_t> weighed;
  for (std::size_t i = 0; i < std::size(k_components); ++i)
    if (weight_of(a.options, k_components[i]) != 0) weighed.push_back(i);
  ScoreParts parts;
  const std::size_t alone = weighed.size() > k_chart_parts ? k_chart_parts - 1 : weighed.size();
  for (std::size_t n = 0; n < alone; ++n) {
    const Component c = k_components[weighed[n]];
    parts.labels.push_back(
        assessment_worded(l.name_and_id, language, component_label(c, language), weight_of(a.options, c)));
    parts.components.push_back({weighed[n]});
  }
  if (alone == weighed.size()) return parts;
  int weight = 0;
  parts.components.emplace_back();
  for (std::size_t n = alone; n < weighed.size(); ++n) {
    weight += weight_of(a.options, k_components[weighed[n]]);
    parts.components.back().push_back(weighed[n]);
  }
  parts.labels.push_back(fmt::format(pattern(k_labels.other_components, language), weight));
  return parts;
}

// Each member's points by part, with one decimal as the tables print them.
std::string scores_chart(const Assessment& a, Language language) {
  const ScoreParts parts = score_parts(a, language);
  svg::StackedChart chart;
  chart.title = k_labels.scores_chart(language);
  chart.value_label = k_labels.scores_axis(language);
  chart.parts = parts.labels;
  for (const auto& m : a.members) {
    chart.categories.push_back(member_label(a, m, language));
    std::vector<double> points;
    for (const auto& components : parts.components) {
      double sum = 0.0;
      for (std::size_t i : components) sum += i < m.components.size() ? m.components[i].points : 0.0;
      points.push_back(std::round(sum * 10.0) / 10.0);
    }
    chart.values.push_back(std::move(points));
    chart.totals.push_back(m.score_tenths / 10.0);  // the score as the tables print it
  }
  return svg::stacked_chart(chart, language);
}

}  // namespace

std::string render_assessment_html(const Assessment& a, Language language) {
  std::string out = html::heading(1, title(a, language));
  out += html::facts(facts(a, language));
  out += html::paragraph(plain_line(l.scoring_line, language), "note");
  if (a.members.empty()) return out + html::paragraph(plain_line(l.no_members, language));
  out += bands_chart(a, language);
  out += scores_chart(a, language);
  out += html::workbook_tables(assessment_workbook(a, language), language);
  return out;
}

}  // namespace dormlink::report
