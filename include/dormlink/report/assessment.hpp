#pragma once
// The branch's semester assessment (REQUIREMENTS §4, docs/reports.md "assessment"): per member
// who held dorms in the semester, one ratio per measurable component computed from the
// obligations of check::evaluate (keep_met) and the inspection's discrepancies, weighted by the
// config, summed into a score and a grade band. Pure: the CLI loads everything and passes the
// weights and thresholds in AssessmentOptions (report/ never reads the config).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/inspect/discrepancy.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// The measurable components, in the order they are listed (keys = assessment.weights keys).
enum class Component {
  visits,
  talks,
  activities,
  symposiums,
  forms_on_time,
  incidents_on_time,
  plan_and_summary,
  inspection
};
inline constexpr Component k_components[] = {Component::visits,           Component::talks,
                                             Component::activities,       Component::symposiums,
                                             Component::forms_on_time,    Component::incidents_on_time,
                                             Component::plan_and_summary, Component::inspection};

std::string_view to_string(Component component);  // "visits", ... (config and JSON keys)
std::string component_label(Component component, Language language);

// The component an obligation's rule counts in; false when the rule counts in none.
bool component_of(check::Rule rule, Component& component);

enum class Band { excellent, pass, basic_pass, fail };
std::string_view to_string(Band band);                 // "excellent", "pass", "basic_pass", "fail"
std::string band_label(Band band, Language language);  // 优秀, 合格, 基本合格, 不合格

// The weights (by component key; a missing key weighs 0) and the band thresholds.
struct AssessmentOptions {
  std::map<std::string, int> weights;
  int excellent_from = 90;
  int pass_from = 75;
  int basic_pass_from = 60;
};

// The band of a score (in tenths of a point, as rounded): >= excellent_from: excellent, ...
Band band_of(int score_tenths, const AssessmentOptions& options);

// A member's standing inspection findings and the records contradicted (store::discrepancy_rates).
using MemberDiscrepancy = inspect::Discrepancy;

// One component of one member.
struct ComponentScore {
  Component component = Component::visits;
  int weight = 0;
  int met = 0;
  int late = 0;  // met_late: half credit
  int overdue = 0;
  int waived = 0;                       // left out
  int pending = 0;                      // pending, due_soon, at_risk: not yet due, left out
  int contradicted = 0;                 // inspection only
  int findings = 0;                     // inspection only
  int unreported = 0;                   // incidents_on_time only: found by an inspection, never reported
  double ratio = 1.0;                   // 0..1
  double points = 0.0;                  // weight x ratio (unrounded)
  std::vector<check::Obligation> lost;  // met_late and overdue obligations (cost points)
};

// A member's incidents of one category (records::IncidentCategory key): the incident_report
// obligations by how they stand, and the incidents an inspection found that no record reported.
struct IncidentTally {
  std::string category;
  int met = 0;
  int late = 0;
  int overdue = 0;
  int pending = 0;  // not yet due
  int unreported = 0;
};

struct MemberAssessment {
  int member = -1;  // person index into the CheckInput
  std::string id;
  std::string name;
  std::string branch;
  std::vector<ComponentScore> components;  // in k_components order
  int score_tenths = 0;                    // sum of points, rounded to one decimal, x10
  Band band = Band::fail;
  std::vector<std::int64_t> contradicted_records;
  std::vector<IncidentTally> incidents;            // by category key; categories with none left out
  std::vector<inspect::Observation> observations;  // findings without a record of the member's dorms, by id
};

struct AssessmentInput {
  const check::CheckInput* check = nullptr;
  const std::vector<check::Obligation>* obligations = nullptr;  // evaluate(keep_met = true)
  std::vector<MemberDiscrepancy> discrepancies;
  // Findings without a record of the semester, linked (store::load_observations): a no_contact
  // finding that contradicts the member's records costs as a contradicted record; an incident
  // found that no record reported costs in incidents_on_time (docs/reports.md).
  std::vector<inspect::Observation> observations;
  std::map<std::int64_t, std::string> incident_categories;  // incident record id -> category key
  AssessmentOptions options;
  Date as_of{};
  std::string branch;  // non-empty: only members of this branch
  std::string college;
  Privacy privacy;
};

struct Assessment {
  const check::CheckInput* check = nullptr;
  std::string college;
  std::string semester_id;
  std::string semester_name;
  Date as_of{};
  std::string branch;
  AssessmentOptions options;
  Privacy privacy;
  std::vector<MemberAssessment> members;  // by pinyin of the name, then id
};

// Members: everyone paired with a dorm by an assignment version in force on or before as_of.
Assessment build_assessment(const AssessmentInput& input);

// Markdown: heading, the weights and bands, a summary table (member, components, score, band),
// then per member a table of components (weight, met, late, overdue, waived, ratio, points) and
// the obligations that cost points and the records the inspection contradicted.
std::string render_assessment_markdown(const Assessment& assessment, Language language);

// The assessment as the <body> of an HTML page: the score distribution by band, each member's
// score by component (charts), then every sheet of assessment_workbook as a table.
std::string render_assessment_html(const Assessment& assessment, Language language);
// The tables for CSV and Excel (docs/reports.md "CSV and Excel"): summary (one row per member),
// components (member x component), lost (the obligations that cost points), contradicted.
Workbook assessment_workbook(const Assessment& assessment, Language language);

// `dormlink export assessment`: one row per member, the points of each component (number
// columns keyed by the component), score and band.
ExportTable assessment_table(const Assessment& assessment, Language language);

// JSON (keys English): docs/reports.md "JSON of the assessment".
std::string render_assessment_json(const Assessment& assessment);

// "87.5" from 875.
std::string format_tenths(int tenths);

}  // namespace dormlink::report
