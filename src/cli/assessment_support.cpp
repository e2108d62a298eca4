// What assessment and inspection reports and the assessment export load (assessment_support.hpp).
#include "cli/assessment_support.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include <fmt/format.h>

#include "cli/calendar_support.hpp"
#include "cli/lookup.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/inspection_store.hpp"

namespace dormlink::cli {
namespace {

// A finding's student in the inspection report: report content, in the report's language.
constexpr Message k_student{"{} ({})", "{}（{}）"};

}  // namespace

const Semester& semester_by_id(Context& ctx, const std::string& id) {
  const auto& config = ctx.config();
  if (id.empty()) {
    // The same default as check: the semester of the date, or the one that ended within
    // close_out_days of it.
    const Date today = ctx.today();
    if (const auto* s = checked_semester(config, today)) return *s;
    std::string known;
    for (const auto& s : config.calendar.semesters) known += (known.empty() ? "" : ", ") + s.id;
    throw UsageError(msg::semester_needed(format_date(today), config.check.close_out_days,
                                          known.empty() ? msg::none_known(message_language()) : known));
  }
  const auto* s = config.calendar.find(id);
  if (s == nullptr) throw UsageError(msg::no_such_semester(quote_value(id), ctx.options().config_path));
  return *s;
}

// --as-of (default today), no earlier than the semester's first day. A later date is kept: after
// the semester, the last form and the semester summary have fallen due and count as they ended.
Date clamped_as_of(Context& ctx, const Semester& semester) {
  const Date today = ctx.today();
  return to_days(today) < to_days(semester.first_monday) ? semester.first_monday : today;
}

std::string check_branch(const check::CheckInput& input, const std::string& branch) {
  return branch.empty() ? std::string() : find_branch(input, branch);
}

std::unique_ptr<LoadedAssessment> load_assessment(Context& ctx, store::Database& db, const Semester& semester,
                                                  const std::string& given_branch, const report::Privacy& privacy) {
  const auto& config = ctx.config();
  const Date as_of = clamped_as_of(ctx, semester);
  auto out = std::make_unique<LoadedAssessment>();
  out->input = store::load_check_input(db, config, semester, as_of);
  const std::string branch = check_branch(out->input, given_branch);
  check::EvaluateOptions eval;
  eval.keep_met = true;
  out->obligations = check::evaluate(out->input, config, as_of, eval);
  report::AssessmentInput in;
  in.check = &out->input;
  in.obligations = &out->obligations;
  in.discrepancies = store::discrepancy_rates(db, semester.id);
  in.observations = store::load_observations(db, semester, config.duties.repeat_window_days);
  in.incident_categories = store::incident_categories(db, semester.id);
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

report::InspectionSummary load_inspection_summary(Context& ctx, store::Database& db, const Semester& semester,
                                                  const std::string& given_branch, const report::Privacy& privacy) {
  const Date as_of = clamped_as_of(ctx, semester);
  const auto input = store::load_check_input(db, ctx.config(), semester, as_of);
  const std::string branch = check_branch(input, given_branch);
  const auto person = [&](const std::string& id) -> const check::Person* {
    for (const auto& p : input.people)
      if (p.id == id) return &p;
    return nullptr;
  };
  const auto name_of = [&](const std::string& id) {
    const auto* p = person(id);
    return p == nullptr ? std::string() : p->name;
  };
  const auto in_branch = [&](const std::string& id) {
    if (branch.empty()) return true;
    const auto* p = person(id);
    return p != nullptr && p->branch == branch;
  };
  report::InspectionSummary s;
  s.semester_id = semester.id;
  s.semester_name = semester.name;
  s.as_of = as_of;
  s.branch = branch;
  s.privacy = privacy;
  for (const auto& sample : store::load_samples(db, semester.id)) {
    report::SummarySample x{sample.id, sample.as_of, sample.drawn_at, sample.drawn_by, sample.seed, sample.size, {}};
    for (const auto& item : sample.items)
      if (in_branch(item.member_id))
        x.items.push_back(fmt::format("{} {} {}", name_of(item.member_id), item.member_id, item.dorm_code));
    if (!branch.empty() && x.items.empty()) continue;
    s.samples.push_back(std::move(x));
  }
  const auto staff = store::staff_names(db);
  const auto staff_name = [&](const std::string& id) {
    const auto it = staff.find(id);
    return it == staff.end() ? std::string() : it->second;
  };
  std::vector<std::int64_t> branch_records;
  for (const auto& f : store::load_findings(db, semester.id)) {
    if (!in_branch(f.member_id)) continue;
    report::SummaryFinding x;
    x.id = f.id;
    x.sample_id = f.sample_id;
    x.member_id = f.member_id;
    x.member_name = name_of(f.member_id);
    x.dorm = f.dorm_code;
    x.inspected_on = f.inspected_on;
    x.inspector = f.inspector;
    x.inspector_name = staff_name(f.inspector);
    x.record_id = f.record_id;
    if (f.student_id) x.student = k_student.in(ctx.language(), name_of(*f.student_id), *f.student_id);
    x.contradicted = f.verdict == store::Verdict::contradicted;
    x.note = f.note;
    if (f.record_id) branch_records.push_back(*f.record_id);
    s.findings.push_back(std::move(x));
  }
  for (auto& o : store::load_observations(db, semester, ctx.config().duties.repeat_window_days)) {
    // With --branch: the findings in the dorms of that branch's members.
    if (!branch.empty() && !(o.member_id && in_branch(*o.member_id))) continue;
    report::SummaryObservation x;
    x.member_name = o.member_id ? name_of(*o.member_id) : std::string();
    if (o.student_id) x.student = k_student.in(ctx.language(), name_of(*o.student_id), *o.student_id);
    x.inspector_name = staff_name(o.inspector_id);
    x.observation = std::move(o);
    s.observations.push_back(std::move(x));
  }
  for (const auto& d : store::discrepancy_rates(db, semester.id)) {
    if (!in_branch(d.member_id)) continue;
    const auto* p = person(d.member_id);
    s.rates.push_back(
        {d.member_id, name_of(d.member_id), p == nullptr ? std::string() : p->branch, d.contradicted, d.total});
  }
  for (auto id : store::flagged_records(db, semester.id))
    if (std::find(branch_records.begin(), branch_records.end(), id) != branch_records.end()) s.flagged.push_back(id);
  return s;
}

}  // namespace dormlink::cli
