#include "cli/assign_support.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/calendar_support.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {
namespace {

// The messages of assign's options, its semester and an infeasible instance (docs/messages.md).
namespace say {
inline constexpr Message pair_format{"{} {}: write MEMBER:DORM, e.g. 2023110104:10-106",
                                     "{} {}：请写成“党员:寝室”，如 2023110104:10-106"};
inline constexpr Message pair_not_member{
    "{} {}: {} is not a member who takes dorms this semester (student id or unique name)",
    "{} {}：{} 不是本学期联系寝室的党员（请写学号或唯一的姓名）"};
inline constexpr Message pair_not_dorm{"{} {}: {} is not a dorm in scope this semester",
                                       "{} {}：{} 不是本学期分配范围内的寝室"};
inline constexpr Message semester_not_in_config{"--semester {} is not in the config", "--semester {} 不在配置中"};
inline constexpr Message between_semesters{"dormlink: {} is between semesters; assigning {}, which starts on {}\n",
                                           "dormlink: {} 不在学期内；为下一学期 {}（{} 开始）分配\n"};
inline constexpr Message suggestion{"suggestion: {}", "建议：{}"};
inline constexpr Message infeasible{
    "no assignment satisfies the hard rules ({} members, {} dorms); nothing was committed. --best-effort covers as "
    "many dorms as possible",
    "没有任何分配能满足硬性规则（{} 名党员，{} 间寝室）；未提交任何分配。--best-effort 可覆盖尽可能多的寝室"};
}  // namespace say

assign::Rules rules_of(const Config& config) {
  const auto& a = config.assignment;
  return assign::Rules{a.min_dorms,           a.max_dorms,  a.senior_from_grade, a.w_major,
                       a.w_junior_same_grade, a.w_building, a.w_continuity};
}

// The date whose rosters an assignment of the semester uses: today, kept inside the semester.
Date roster_date(const Semester& semester, Date today) {
  if (to_days(today) < to_days(semester.first_monday)) return semester.first_monday;
  if (to_days(today) > to_days(semester.last_day())) return semester.last_day();
  return today;
}

const Semester* previous_semester(const Calendar& calendar, const Semester& semester) {
  const Semester* previous = nullptr;
  for (const auto& s : calendar.semesters) {
    if (to_days(s.first_monday) < to_days(semester.first_monday)) previous = &s;
  }
  return previous;
}

std::optional<std::size_t> find_member(const assign::Instance& instance, const std::string& who) {
  std::optional<std::size_t> by_name;
  int names = 0;
  for (std::size_t i = 0; i < instance.members.size(); ++i) {
    if (instance.members[i].id == who) return i;
    if (instance.members[i].name == who) {
      by_name = i;
      ++names;
    }
  }
  return names == 1 ? by_name : std::nullopt;
}

std::optional<std::size_t> find_dorm(const assign::Instance& instance, const std::string& text) {
  auto code = parse_dorm_code(text);
  if (!code) return std::nullopt;
  for (std::size_t i = 0; i < instance.dorms.size(); ++i) {
    if (instance.dorms[i].code == code->code()) return i;
  }
  return std::nullopt;
}

// Parses MEMBER:DORM against the instance; UsageError names the option and the part.
assign::IdPair resolve_pair(const assign::Instance& instance, const std::string& text, const char* option) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) {
    throw UsageError(say::pair_format(option, quote_value(text)));
  }
  auto member = find_member(instance, text.substr(0, colon));
  auto dorm = find_dorm(instance, text.substr(colon + 1));
  if (!member) {
    throw UsageError(say::pair_not_member(option, quote_value(text), quote_value(text.substr(0, colon))));
  }
  if (!dorm) {
    throw UsageError(say::pair_not_dorm(option, quote_value(text), quote_value(text.substr(colon + 1))));
  }
  return {instance.members[*member].id, instance.dorms[*dorm].code};
}

std::map<std::string, std::string> as_map(const std::optional<store::AssignmentRecord>& record) {
  std::map<std::string, std::string> out;
  if (record) {
    for (const auto& p : record->pairs) out[p.dorm_code] = p.member_id;
  }
  return out;
}

}  // namespace

const Semester& choose_assign_semester(Context& ctx, const std::string& id) {
  const auto& calendar = ctx.config().calendar;
  if (!id.empty()) {
    if (const auto* s = calendar.find(id)) return *s;
    throw UsageError(say::semester_not_in_config(quote_value(id)));
  }
  if (const auto* s = calendar.containing(ctx.today())) return *s;
  // Between semesters the next one is meant (assigned before it starts); after the calendar's
  // last semester there is none to assume: say which there are and how to add the next.
  const auto* next = calendar.current_or_nearest(ctx.today());
  if (next == nullptr || to_days(next->first_monday) < to_days(ctx.today())) {
    bool outside_known = false;
    throw ConfigError(outside_calendar(ctx, ctx.today(), outside_known));
  }
  if (!ctx.options().quiet) {
    ctx.err() << say::between_semesters(format_date(ctx.today()), next->id, format_date(next->first_monday));
  }
  return *next;
}

AssignInputs load_assign_inputs(store::Database& db, const Config& config, const Semester& semester, Date today) {
  AssignInputs in;
  in.snapshot = store::load_roster(db, roster_date(semester, today));
  in.current = store::load_current_assignment(db, semester.id);
  if (const auto* prev = previous_semester(config.calendar, semester)) {
    in.previous_semester_id = prev->id;
    in.previous = store::load_current_assignment(db, prev->id);
  }
  return in;
}

assign::Instance make_instance(const AssignInputs& inputs, const Config& config, const Semester& semester,
                               const AssignOptions& o) {
  assign::BuildOptions options;
  options.rules = rules_of(config);
  options.candidates_take_dorms = config.assignment.candidates_take_dorms;
  options.excluded.insert(config.assignment.exclude.begin(), config.assignment.exclude.end());
  options.excluded.insert(o.excludes.begin(), o.excludes.end());
  options.previous = as_map(inputs.previous);
  auto instance = assign::build_instance(inputs.snapshot, semester, options);
  for (const auto& p : o.pins) instance.pins.push_back(resolve_pair(instance, p, "--pin"));
  for (const auto& f : o.forbids) instance.forbids.push_back(resolve_pair(instance, f, "--forbid"));
  return instance;
}

std::vector<assign::IdPair> record_pairs(const store::AssignmentRecord& record) {
  std::vector<assign::IdPair> out;
  for (const auto& p : record.pairs) out.emplace_back(p.member_id, p.dorm_code);
  return out;
}

assign::Solution solution_of(const assign::Instance& instance, const store::AssignmentRecord& record) {
  std::map<std::string, std::size_t> members;
  std::map<std::string, std::size_t> dorms;
  for (std::size_t i = 0; i < instance.members.size(); ++i) members[instance.members[i].id] = i;
  for (std::size_t i = 0; i < instance.dorms.size(); ++i) dorms[instance.dorms[i].code] = i;
  assign::Solution s;
  s.status = assign::Status::optimal;
  for (const auto& p : record.pairs) {
    auto m = members.find(p.member_id);
    auto d = dorms.find(p.dorm_code);
    if (m == members.end() || d == dorms.end()) continue;
    s.pairs.push_back({m->second, d->second, p.cost});
    s.total_cost += p.cost;
  }
  return s;
}

[[noreturn]] void throw_infeasible(const assign::Instance& instance) {
  using A = AssignmentConfig;
  auto diagnosis = assign::diagnose(instance, {A::k_fewest_dorms, A::k_most_dorms, A::k_highest_senior_from_grade});
  std::vector<Problem> problems;
  for (const auto& f : diagnosis.findings) problems.push_back({"", f});
  for (const auto& s : diagnosis.suggestions) problems.push_back({"", say::suggestion(s.text)});
  throw InfeasibleError(say::infeasible(instance.members.size(), instance.dorms.size()), std::move(problems));
}

report::AssignmentReport make_report(const assign::Instance& instance, const assign::Solution& solution,
                                     const AssignInputs& inputs, const Semester& semester, const AssignOptions& o) {
  bool against_current = o.repair || (o.replace && inputs.current);
  auto before = against_current ? as_map(inputs.current) : as_map(inputs.previous);
  auto r = report::build_assignment_report(instance, solution, before, instance.pins);
  r.semester_id = semester.id;
  r.semester_name = semester.name;
  r.kind = o.repair ? "repair" : solution.uncovered.empty() ? "solve" : "best_effort";
  r.dry_run = o.dry_run;
  if (against_current) {
    r.before_label = fmt::format("#{}", inputs.current->id);
  } else if (inputs.previous) {
    r.before_label = inputs.previous_semester_id;
  }
  return r;
}

CommitReceipt commit(store::Database& db, Context& ctx, const assign::Instance& instance,
                     const assign::Solution& solution, const AssignInputs& inputs, const Semester& semester,
                     const AssignOptions& o, Date today) {
  store::AssignmentRecord r;
  r.semester_id = semester.id;
  r.kind = o.repair ? "repair" : solution.uncovered.empty() ? "solve" : "best_effort";
  r.valid_from = format_date(to_days(today) >= to_days(semester.first_monday) ? today : semester.first_monday);
  if (inputs.current) r.supersedes = inputs.current->id;
  r.total_cost = solution.total_cost;
  r.created_at = ctx.timestamp();
  r.created_by = ctx.user();
  for (const auto& p : solution.pairs) {
    const auto& m = instance.members[p.member].id;
    const auto& d = instance.dorms[p.dorm].code;
    bool pinned = std::find(instance.pins.begin(), instance.pins.end(), assign::IdPair{m, d}) != instance.pins.end();
    r.pairs.push_back({d, m, p.cost, pinned});
  }
  for (auto i : solution.uncovered) r.uncovered.push_back(instance.dorms[i].code);
  return {store::save_assignment(db, r), r.valid_from};
}

std::string render(const report::AssignmentReport& report, const std::string& format, Language language, bool raw) {
  if (format == "md") return report::render_assignment_markdown(report, language);
  if (format == "csv")
    return report::render_assignment_csv(report, language, raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
  if (format == "json") return report::render_assignment_json(report);
  return report::render_assignment_text(report, language);
}

}  // namespace dormlink::cli
