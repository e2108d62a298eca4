// dormlink inspect sample / inspect record: the inspection group's spot checks (docs/inspect.md).
// `sample` draws a reproducible, branch-stratified sample of members and dorms and prints the
// checklist; `record` saves what the inspectors found — about the records they checked
// (inspect_record.cpp) or without a record (inspect_observe.cpp).
#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/inspect_support.hpp"
#include "cli/messages.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/inspect/sample.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/inspection_checklist.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of inspect sample (docs/messages.md).
namespace say {
inline constexpr Message outside_semesters{"--as-of {} is outside every semester; pass --semester ID",
                                           "--as-of {} 不在任何学期内；请用 --semester 指定学期"};
inline constexpr Message bad_rate{"--rate {}: use a fraction 0 < R <= 1 such as 0.1, or a percentage such as 10%",
                                  "--rate {}：请写 0 < R <= 1 的小数（如 0.1）或百分比（如 10%）"};
inline constexpr Message bad_seed{"--seed {}: use a whole number from 0 to 9223372036854775807",
                                  "--seed {}：请写 0 到 9223372036854775807 之间的整数"};
inline constexpr Message nothing_to_inspect{
    "no member of the assignment in force on {} holds a dorm with residents; nothing to inspect",
    "{} 生效的分配中没有党员联系有住户的寝室；没有可抽查的对象"};
inline constexpr Message no_assignment{"{} has no assignment in force on {}; run dormlink assign first",
                                       "{} 在 {} 没有生效的分配；请先运行 dormlink assign"};
}  // namespace say

struct SampleOptions {
  int size = 0;
  std::string rate;
  std::string seed;
  std::string semester;
  bool dry_run = false;
};

const Semester& choose_semester(Context& ctx, const std::string& id, Date as_of) {
  const auto& calendar = ctx.config().calendar;
  if (!id.empty()) {
    const auto* s = calendar.find(id);
    if (s == nullptr) {
      throw UsageError(msg::no_such_semester(quote_value(id), ctx.options().config_path));
    }
    return *s;
  }
  const auto* s = calendar.containing(as_of);
  if (s == nullptr) {
    throw UsageError(say::outside_semesters(format_date(as_of)));
  }
  return *s;
}

// --rate: a fraction 0 < R <= 1 ("0.1") or a percentage ("10%").
double parse_rate(const std::string& text) {
  auto t = util::normalize_code(text);
  const bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  double value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (percent) value /= 100;
  if (ec != std::errc() || end != t.data() + t.size() || !(value > 0 && value <= 1)) {
    throw UsageError(say::bad_rate(quote_value(text)));
  }
  return value;
}

// --seed: a whole number 0 .. 2^63 - 1 (it is stored in an SQLite integer).
std::uint64_t parse_seed(const std::string& text) {
  auto t = util::normalize_code(text);
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || t.empty() ||
      value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    throw UsageError(say::bad_seed(quote_value(text)));
  }
  return value;
}

std::vector<report::ChecklistRecord> records_to_verify(store::Database& db, const std::string& member,
                                                       const std::string& dorm, Date from, Date to) {
  std::vector<report::ChecklistRecord> out;
  for (const auto& r : store::recent_contacts(db, member, dorm, format_date(from), format_date(to))) {
    report::ChecklistRecord c{r.id, r.kind, r.happened_at, {}};
    for (const auto& s : r.students) c.students.push_back(s.name);
    out.push_back(std::move(c));
  }
  return out;
}

// The checklist of the sample with each item's records to verify from the store.
report::InspectionChecklist checklist_of(store::Database& db, const check::CheckInput& input,
                                         const inspect::Sample& sample, const report::ChecklistRun& run) {
  auto c = report::build_checklist(input, sample, run);
  for (auto& item : c.items) item.records = records_to_verify(db, item.member_id, item.dorm, c.records_from, run.as_of);
  return c;
}

store::SampleRow sample_row(Context& ctx, const report::InspectionChecklist& c, const inspect::Sample& sample,
                            const std::string& semester_id) {
  store::SampleRow row;
  row.semester_id = semester_id;
  row.as_of = format_date(c.as_of);
  row.seed = static_cast<std::int64_t>(c.seed);
  row.size = static_cast<int>(sample.items.size());
  row.method = fmt::format(
      "branch strata (1 each, rest by largest remainder); weighted draw without replacement "
      "(splitmix64); member x{} below 80% compliance; dorm x{} without a visit in {} days; "
      "requested {} of {}",
      c.weight_up, c.weight_up, c.recent_days, c.requested, c.frame);
  row.drawn_at = ctx.timestamp();
  row.drawn_by = ctx.user();
  for (std::size_t i = 0; i < sample.items.size(); ++i) {
    const auto& item = sample.items[i];
    row.items.push_back(
        {static_cast<int>(i + 1), item.member_id, c.items[i].dorm, item.member_weight * item.dorm_weight});
  }
  return row;
}

[[noreturn]] void no_frame(const check::CheckInput& input, Date as_of) {
  for (const auto& v : input.assignments) {
    if (v.valid_from <= as_of) {
      throw DataError(say::nothing_to_inspect(format_date(as_of)));
    }
  }
  throw DataError(say::no_assignment(input.semester.id, format_date(as_of)));
}

int run_sample(Context& ctx, const SampleOptions& o) {
  const Date as_of = ctx.today();
  const auto& config = ctx.config();
  const Semester& semester = choose_semester(ctx, o.semester, as_of);
  const auto rate = o.rate.empty() ? std::optional<double>() : parse_rate(o.rate);
  report::ChecklistRun run;
  run.as_of = as_of;
  run.weight_up = config.inspection.weight_up;
  run.recent_days = config.inspection.recent_days;
  run.seed_given = !o.seed.empty();
  run.seed = run.seed_given ? parse_seed(o.seed) : inspect::default_seed(as_of);
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  report::InspectionChecklist checklist;
  db.transaction([&] {
    const auto input = store::load_check_input(db, config, semester, as_of);
    check::EvaluateOptions options;
    options.keep_met = true;
    const auto obligations = check::evaluate(input, config, as_of, options);
    inspect::SampleRequest request;
    request.members = inspect::sampling_frame(input, obligations, as_of, config.inspection.recent_days);
    if (request.members.empty()) no_frame(input, as_of);
    run.frame = static_cast<int>(request.members.size());
    request.size = o.size > 0 ? o.size
                   : rate     ? inspect::size_for_rate(*rate, run.frame)
                              : inspect::size_for_percent(config.inspection.sample_percent, run.frame);
    request.seed = run.seed;
    request.config = config.inspection;
    const auto sample = inspect::draw_sample(request);
    checklist = checklist_of(db, input, sample, run);
    if (!o.dry_run) checklist.sample_id = store::save_sample(db, sample_row(ctx, checklist, sample, semester.id));
    // The inspectors work from the printed checklist: a sample whose checklist did not reach them
    // is not recorded (the output goes out before the commit).
    emit(ctx, report::render_checklist_text(checklist, ctx.language()));
  });
  return 0;
}

}  // namespace
}  // namespace dormlink::cli

namespace dormlink::cli {
namespace {

constexpr const char* k_sample_footer =
    R"(The sample is stratified by branch (at least one member each) and weighted toward members
below 80% compliance and dorms without a recent visit ([inspection] in the config). The same
--as-of (or --seed) gives the same sample. docs/inspect.md.

Examples:
  dormlink inspect sample
  dormlink inspect sample --as-of 2026-10-14 --size 8 --dry-run
  dormlink inspect sample --rate 0.2 --seed 42)";

constexpr const char* k_record_footer =
    R"(With --confirmed / --contradicted: each listed record must be an effective contact record of
the member for the dorm; a student (id or name) must be one the record names. A contradiction
flags the record and counts in the member's assessment. With --finding: what the inspectors
found without a record (no_contact 学生称从未见过党员, dorm_condition, other), with the dorm's
member on that day; a no_contact finding is linked to the weeks whose records it contradicts, an
incident (--category) nobody reported counts against the member. --inspector: a staff member
with role inspector (检查组), by staff id or name. docs/inspect.md.

Examples:
  dormlink inspect record --member 李晴紫 --dorm 10-106 --inspector 王欣心 --confirmed 346:张晨昕,347
  dormlink inspect record --member 2023110104 --dorm 10-106 --inspector T2016002 --on 2026-10-14 \
                          --confirmed 347 --contradicted 348 --note "学生表示本周未谈心"
  dormlink inspect record --finding 未联系 --dorm 10-404 --student 王琪静 --inspector 王欣心 \
                          --note "学生称从未见过党员"
  dormlink inspect record --finding dorm_condition --category 使用违规电器 --dorm 10-404 \
                          --inspector 方丽宁 --note "发现电热锅")";

void add_sample(CLI::App& inspect, std::vector<Command>& commands) {
  auto o = std::make_shared<SampleOptions>();
  auto* app =
      inspect.add_subcommand("sample", "Draw members and dorms to spot-check; print the checklist and record it");
  auto* size = app->add_option("--size", o->size, "Members to draw")->type_name("N")->check(CLI::PositiveNumber);
  auto* rate =
      app->add_option("--rate", o->rate, "Share of members to draw: 0 < R <= 1, or a percentage")->type_name("R");
  size->excludes(rate);
  app->add_option("--seed", o->seed, "Random seed (default: the --as-of date as yyyymmdd)")->type_name("S");
  app->add_option("--semester", o->semester, "Semester id (default: the one containing --as-of)")->type_name("ID");
  app->add_flag("--dry-run", o->dry_run, "Print the checklist without recording the sample");
  app->footer(k_sample_footer);
  commands.push_back({app, [o](Context& ctx) { return run_sample(ctx, *o); }});
}

void add_record(CLI::App& inspect, std::vector<Command>& commands) {
  auto o = std::make_shared<RecordOptions>();
  auto* app =
      inspect.add_subcommand("record", "Record what the inspectors found: about a member's records, or without one");
  app->add_option("--member", o->member, "The member whose records were checked (student id or name)")
      ->type_name("WHO");
  app->add_option("--dorm", o->dorm, "The dorm inspected")->required()->type_name("DORM");
  app->add_option("--sample", o->sample, "The sample this inspection belongs to")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app->add_option("--inspector", o->inspector, "Who inspected: a staff member with role inspector (id or name)")
      ->required()
      ->type_name("STAFF");
  app->add_option("--on", o->on, "Date of the inspection (default: today)")->type_name("DATE");
  app->add_option("--confirmed", o->confirmed, "Records the residents confirmed")->type_name("R[:STUDENT],...");
  app->add_option("--contradicted", o->contradicted, "Records the residents contradicted")
      ->type_name("R[:STUDENT],...");
  app->add_option("--note", o->note, "What the inspectors noted (required with --finding)")->type_name("TEXT");
  app->add_option("--finding", o->finding, "A finding without a record: no_contact, dorm_condition or other")
      ->type_name("KIND");
  app->add_option("--student", o->student, "With --finding: the student asked (id or name; living in the dorm)")
      ->type_name("STUDENT");
  app->add_option("--category", o->category, "With --finding: the incident found (赌博, 使用违规电器, ...)")
      ->type_name("CAT");
  app->footer(k_record_footer);
  commands.push_back({app, [o](Context& ctx) { return run_record(ctx, *o); }});
}

}  // namespace

void add_inspect_command(CLI::App& root, std::vector<Command>& commands) {
  auto* inspect = root.add_subcommand("inspect", "The inspection group's spot checks (检查组抽查)");
  inspect->require_subcommand(1);
  add_sample(*inspect, commands);
  add_record(*inspect, commands);
}

}  // namespace dormlink::cli
