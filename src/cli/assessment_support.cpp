// What assessment and inspection reports and the assessment export load (assessment_support.hpp).
#include "cli/assessment_support.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/inspection_store.hpp"

namespace dormlink::cli {

// Flagged records are the member's whose findings name them.
std::vector<report::MemberDiscrepancy> member_discrepancies(store::Database& db, const std::string& semester) {
  const auto findings = store::load_findings(db, semester);
  const auto flagged = store::flagged_records(db, semester);
  std::vector<report::MemberDiscrepancy> out;
  for (const auto& d : store::discrepancy_rates(db, semester)) {
    report::MemberDiscrepancy m{d.member_id, d.contradicted, d.total, {}};
    for (auto id : flagged) {
      const bool mine = std::any_of(findings.begin(), findings.end(), [&](const store::FindingRow& f) {
        return f.record_id && *f.record_id == id && f.member_id == d.member_id;
      });
      if (mine) m.records.push_back(id);
    }
    out.push_back(std::move(m));
  }
  return out;
}

report::Privacy privacy_for(const Config& config, report::Audience audience, bool include_sensitive) {
  report::Privacy p;
  p.audience = audience;
  p.include_sensitive = include_sensitive;
  p.mask_phones = config.privacy.mask_phones;
  p.small_count_threshold = config.privacy.small_count_threshold;
  p.committee_sees_attention_names = config.privacy.committee_sees_attention_names;
  return p;
}

const Semester& semester_by_id(Context& ctx, const std::string& id) {
  const auto* s = ctx.config().calendar.find(id);
  if (s == nullptr)
    throw UsageError(fmt::format("--semester {}: no such semester in {}", quote_value(id), ctx.options().config_path));
  return *s;
}

// --as-of (default today), no earlier than the semester's first day. A later date is kept: after
// the semester, the last form and the semester summary have fallen due and count as they ended.
Date clamped_as_of(Context& ctx, const Semester& semester) {
  const Date today = ctx.today();
  return to_days(today) < to_days(semester.first_monday) ? semester.first_monday : today;
}

void check_branch(const check::CheckInput& input, const std::string& branch) {
  if (branch.empty()) return;
  for (const auto& p : input.people)
    if (p.branch == branch) return;
  throw UsageError(fmt::format("--branch {}: no member of {} is in that branch",
                               quote_value(branch), input.semester.id));
}

std::unique_ptr<LoadedAssessment> load_assessment(Context& ctx, store::Database& db, const Semester& semester,
                                                  const std::string& branch, const report::Privacy& privacy) {
  const auto& config = ctx.config();
  const Date as_of = clamped_as_of(ctx, semester);
  auto out = std::make_unique<LoadedAssessment>();
  out->input = store::load_check_input(db, config, semester, as_of);
  check_branch(out->input, branch);
  check::EvaluateOptions eval;
  eval.keep_met = true;
  out->obligations = check::evaluate(out->input, config, as_of, eval);
  report::AssessmentInput in;
  in.check = &out->input;
  in.obligations = &out->obligations;
  in.discrepancies = member_discrepancies(db, semester.id);
  in.options.weights = config.assessment.weights;
  in.options.excellent_from = config.assessment.excellent_from;
  in.options.pass_from = config.assessment.pass_from;
  in.options.basic_pass_from = config.assessment.basic_pass_from;
  in.as_of = as_of;
  in.branch = branch;
  in.college = config.college.name;
  in.privacy = privacy;
  out->assessment = report::build_assessment(in);
  return out;
}

}  // namespace dormlink::cli
