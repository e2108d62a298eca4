// dormlink inspect sample / inspect record: the inspection group's spot checks (docs/inspect.md).
// `sample` draws a reproducible, branch-stratified sample of members and dorms and prints the
// checklist; `record` saves what the inspectors found about the records they checked.
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/inspect/sample.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/inspection_checklist.hpp"
#include "dormlink/report/inspection_report.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of inspect sample and inspect record (docs/messages.md).
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
inline constexpr Message bad_listed{"{} {}: use record numbers, each optionally with a student: 12,15:张三",
                                    "{} {}：请写记录编号，每个编号后可加学生：12,15:张三"};
inline constexpr Message nothing_listed{
    "list what the inspectors checked: --confirmed R[:STUDENT],... or --contradicted ...",
    "请列出检查组核实过的记录：--confirmed R[:STUDENT],... 或 --contradicted ..."};
inline constexpr Message listed_twice{"record {} is listed twice", "记录 {} 列了两次"};
inline constexpr Message on_not_date{"--on {} is not a date; use YYYY-MM-DD", "--on {} 不是日期；请写成 YYYY-MM-DD"};
inline constexpr Message on_after_today{"--on {} is after today ({})", "--on {} 晚于今天（{}）"};
inline constexpr Message inspection_in_future{
    "the inspection date {} is after today ({}); record an inspection once it has happened (--on DATE, or an --as-of "
    "that is not in the future)",
    "检查日期 {} 晚于今天（{}）；检查之后才能记录（用 --on 日期，或不晚于今天的 --as-of）"};
inline constexpr Message no_student{"--member {}: no current student has that id or name",
                                    "--member {}：当日名册上没有这个学号或姓名的学生"};
inline constexpr Message several_students{"--member {}: several students have that name ({}); use the student id",
                                          "--member {}：有多名学生同名（{}）；请用学号"};
inline constexpr Message names_no_students{"record #{} names no students, so {} cannot confirm or deny it",
                                           "记录 #{} 没有记载任何学生，所以 {} 无法证实或否认它"};
inline constexpr Message not_among_students{"record #{}: {} is not among its students ({})",
                                            "记录 #{}：{} 不在其记载的学生（{}）之中"};
inline constexpr Message superseded{"record #{} was corrected or withdrawn by #{}; inspect #{} instead",
                                    "记录 #{} 已被 #{} 更正或撤回；请改为核查 #{}"};
// The kind as stored ("plan") in English, its Chinese label ("工作计划") in Chinese.
inline constexpr Message not_contact{"record #{0} is a {1} record, not a contact with a dorm{2:.0}",
                                     "记录 #{0} 是“{2}”记录{1:.0}，不是联系寝室的记录"};
inline constexpr Message logged_by_other{"record #{} was logged by {}, not by {} {}",
                                         "记录 #{} 由 {} 录入，而不是 {} {}"};
inline constexpr Message other_dorm{"record #{} is for dorm {}, not {}", "记录 #{} 是寝室 {} 的记录，而不是 {} 的"};
inline constexpr Message after_inspection{"record #{} happened on {}, after the inspection on {}",
                                          "记录 #{} 发生于 {}，晚于 {} 的检查"};
inline constexpr Message no_sample{"--sample {}: there is no inspection sample #{}", "--sample {}：没有抽查样本 #{}"};
inline constexpr Message not_in_sample{"--sample {}: member {} and dorm {} are not in sample #{}",
                                       "--sample {}：党员 {} 和寝室 {} 不在抽查样本 #{} 中"};
inline constexpr Message no_such_record{"record #{}: there is no such record", "记录 #{}：没有这条记录"};
inline constexpr Message nothing_recorded{"{}; nothing was recorded", "{}；未记录任何内容"};
inline constexpr Message problems_nothing_recorded{"{} problems with the listed records; nothing was recorded",
                                                   "所列记录有 {} 个问题；未记录任何内容"};
inline constexpr Message not_dorm_code{"--dorm {} is not a dorm code such as 10-106",
                                       "--dorm {} 不是寝室编号（如 10-106）"};
inline constexpr Message inspector_required{"--inspector is required: who inspected", "需要 --inspector：由谁检查"};
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

struct RecordOptions {
  std::string member;
  std::string dorm;
  std::int64_t sample = 0;
  std::string inspector;
  std::string on;
  std::vector<std::string> confirmed;
  std::vector<std::string> contradicted;
  std::string note;
};

// One listed record (and, optionally, one of its students) with the verdict.
struct Listed {
  std::int64_t record = 0;
  std::string student;  // as typed; empty: the record as a whole
  bool contradicted = false;
  std::string text;  // as typed, for messages
};

Listed parse_listed(const std::string& piece, bool contradicted, const char* option) {
  Listed l;
  l.contradicted = contradicted;
  l.text = piece;
  auto colon = piece.find(':');
  std::string number(util::trim(piece.substr(0, colon)));
  if (!number.empty() && number.front() == '#') number.erase(0, 1);
  if (colon != std::string::npos) l.student = std::string(util::trim(piece.substr(colon + 1)));
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), l.record);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || l.record <= 0 ||
      (colon != std::string::npos && l.student.empty())) {
    throw UsageError(say::bad_listed(option, quote_value(piece)));
  }
  return l;
}

// Every --confirmed and --contradicted entry; a record (and student) listed twice is refused.
std::vector<Listed> parse_all_listed(const RecordOptions& o) {
  std::vector<Listed> all;
  for (const auto& [values, contradicted, option] :
       {std::tuple(&o.confirmed, false, "--confirmed"), std::tuple(&o.contradicted, true, "--contradicted")}) {
    for (const auto& value : *values) {
      const auto text = util::nfkc(value);  // full-width ，and ： become , and :
      std::size_t start = 0;
      for (auto comma = text.find(',', start);; comma = text.find(',', start)) {
        all.push_back(parse_listed(text.substr(start, comma - start), contradicted, option));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }
  if (all.empty()) throw UsageError(say::nothing_listed());
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (all[i].record == all[j].record && all[i].student == all[j].student) {
        throw UsageError(say::listed_twice(quote_value(all[i].text)));
      }
    }
  }
  return all;
}

Date inspection_date(Context& ctx, const std::string& text) {
  const Date today = ctx.today();
  if (text.empty()) return today;
  auto on = parse_iso_date(util::normalize_code(text));
  if (!on) throw UsageError(say::on_not_date(quote_value(text)));
  if (*on > today) throw UsageError(say::on_after_today(format_date(*on), format_date(today)));
  return *on;
}

// An inspection is recorded after it happened: its date is never after the real today.
Date inspected_on(Context& ctx, const std::string& text) {
  const Date on = inspection_date(ctx, text);
  const Date real = ctx.real_today();
  if (to_days(on) > to_days(real)) {
    throw UsageError(say::inspection_in_future(format_date(on), format_date(real)));
  }
  return on;
}

// The student with this id or exact name on the roster of the date `on`; one the rosters name
// only from a later day is named with that day (docs/messages.md "Messages that misled").
const roster::StudentRow& find_student(store::Database& db, const roster::Snapshot& snapshot, const std::string& text,
                                       Date on) {
  const auto wanted = util::normalize_code(text);
  std::vector<const roster::StudentRow*> found;
  for (const auto& s : snapshot.students) {
    if (s.student_id == wanted) return s;
    if (s.facts.name == wanted) found.push_back(&s);
  }
  if (found.size() == 1) return *found.front();
  if (found.empty()) {
    if (const auto later = store::later_on_roster(db, on, wanted)) {
      throw UsageError(msg::no_student_until("--member", quote_value(text), later->name, later->student_id,
                                             later->valid_from, later->batch, format_date(on), later->batch));
    }
    throw UsageError(say::no_student(quote_value(text)));
  }
  std::string ids;
  for (const auto* s : found) ids += (ids.empty() ? "" : ", ") + s->student_id;
  throw UsageError(say::several_students(quote_value(text), ids));
}

// The student of the record a listed entry names; empty when it names none.
std::optional<store::NamedStudent> listed_student(const store::InspectedRecord& r, const Listed& l,
                                                  std::vector<std::string>& problems) {
  if (l.student.empty()) return std::nullopt;
  const auto wanted = util::normalize_code(l.student);
  for (const auto& s : r.students) {
    if (s.id == wanted || s.name == wanted) return s;
  }
  std::vector<std::string> names;
  for (const auto& s : r.students) names.push_back(s.name);
  problems.push_back(r.students.empty()
                         ? say::names_no_students(r.id, quote_value(l.student))
                         : say::not_among_students(r.id, quote_value(l.student), fmt::join(names, "、")));
  return std::nullopt;
}

// What a finding about record `r` needs: an effective contact by the member for the dorm,
// on or before the inspection. Adds a message per problem.
void check_record(const store::InspectedRecord& r, const roster::StudentRow& member, const std::string& dorm, Date on,
                  std::vector<std::string>& problems) {
  auto kind = records::parse_kind(r.kind);
  if (r.superseded_by) {
    problems.push_back(say::superseded(r.id, *r.superseded_by, *r.superseded_by));
  } else if (!kind || !records::is_contact(*kind)) {
    problems.push_back(say::not_contact(r.id, r.kind, kind ? std::string(records::label_zh(*kind)) : r.kind));
  } else if (r.member_id != member.student_id) {
    problems.push_back(say::logged_by_other(r.id, r.member_id, member.facts.name, member.student_id));
  } else if (r.dorm_code != dorm) {
    problems.push_back(say::other_dorm(r.id, r.dorm_code.value_or("-"), dorm));
  } else if (r.happened_at.substr(0, 10) > format_date(on)) {
    problems.push_back(say::after_inspection(r.id, r.happened_at.substr(0, 10), format_date(on)));
  }
}

void check_sample(store::Database& db, std::int64_t id, const std::string& member, const std::string& dorm) {
  auto sample = store::load_sample(db, id);
  if (!sample) throw DataError(say::no_sample(id, id));
  for (const auto& item : sample->items) {
    if (item.member_id == member && item.dorm_code == dorm) return;
  }
  throw DataError(say::not_in_sample(id, member, dorm, id));
}

}  // namespace
}  // namespace dormlink::cli

namespace dormlink::cli {
namespace {

// The findings to save and the receipt lines, checked; throws DataError naming every bad record.
struct Prepared {
  std::vector<store::FindingRow> rows;
  std::vector<report::FindingLine> lines;
};

Prepared prepare_findings(store::Database& db, const std::vector<Listed>& listed, const roster::StudentRow& member,
                          const std::string& dorm, Date on) {
  Prepared p;
  std::vector<std::string> problems;
  for (const auto& l : listed) {
    auto r = store::inspected_record(db, l.record);
    if (!r) {
      problems.push_back(say::no_such_record(l.record));
      continue;
    }
    const auto before = problems.size();
    check_record(*r, member, dorm, on, problems);
    auto student = listed_student(*r, l, problems);
    if (problems.size() != before) continue;
    store::FindingRow f;
    f.semester_id = r->semester_id;
    f.member_id = member.student_id;
    f.dorm_code = dorm;
    f.inspected_on = format_date(on);
    f.record_id = r->id;
    if (student) f.student_id = student->id;
    f.verdict = l.contradicted ? store::Verdict::contradicted : store::Verdict::confirmed;
    p.rows.push_back(std::move(f));
    p.lines.push_back({0, r->id, r->kind, r->happened_at, student ? student->name : std::string(), l.contradicted});
  }
  if (problems.size() == 1) throw DataError(say::nothing_recorded(problems.front()));
  if (!problems.empty()) {
    const auto summary = say::problems_nothing_recorded(problems.size());
    std::vector<Problem> located;
    for (auto& m : problems) located.push_back({"", std::move(m)});
    throw DataError(summary, std::move(located));
  }
  return p;
}

int run_record(Context& ctx, const RecordOptions& o) {
  const auto listed = parse_all_listed(o);
  const Date on = inspected_on(ctx, o.on);
  const auto dorm_code = parse_dorm_code(util::normalize_code(o.dorm));
  if (!dorm_code) throw UsageError(say::not_dorm_code(quote_value(o.dorm)));
  const auto dorm = dorm_code->code();
  const auto inspector = std::string(util::trim(o.inspector));
  if (inspector.empty()) throw UsageError(say::inspector_required());
  // "--inspector" and name_problem's own message (already in the message language): no words of its own.
  if (auto problem = name_problem(inspector)) throw UsageError(fmt::format("--inspector {}", *problem));
  auto db = ctx.open_database(store::OpenMode::read_write);
  report::FindingsReceipt receipt;
  db.transaction([&] {
    const auto snapshot = store::load_roster(db, on);
    const auto& member = find_student(db, snapshot, o.member, on);
    if (o.sample > 0) check_sample(db, o.sample, member.student_id, dorm);
    auto prepared = prepare_findings(db, listed, member, dorm, on);
    const auto entered_at = ctx.timestamp();
    for (auto& f : prepared.rows) {
      if (o.sample > 0) f.sample_id = o.sample;
      f.inspector = inspector;
      f.note = o.note;
      f.entered_at = entered_at;
      f.entered_by = ctx.user();
    }
    const auto ids = store::save_findings(db, prepared.rows);
    for (std::size_t i = 0; i < ids.size(); ++i) prepared.lines[i].finding_id = ids[i];
    receipt = {member.facts.name,
               member.student_id,
               dorm,
               format_date(on),
               inspector,
               o.sample > 0 ? std::optional<std::int64_t>(o.sample) : std::nullopt,
               std::move(prepared.lines),
               {}};
  });
  for (const auto& line : receipt.lines) {
    if (line.contradicted) receipt.flagged.push_back(line.record_id);
  }
  std::sort(receipt.flagged.begin(), receipt.flagged.end());
  receipt.flagged.erase(std::unique(receipt.flagged.begin(), receipt.flagged.end()), receipt.flagged.end());
  if (!ctx.options().quiet) {
    cli::receipt(ctx, report::render_findings_receipt(receipt, ctx.language()));
  }
  return 0;
}

constexpr const char* k_sample_footer =
    R"(The sample is stratified by branch (at least one member each) and weighted toward members
below 80% compliance and dorms without a recent visit ([inspection] in the config). The same
--as-of (or --seed) gives the same sample. docs/inspect.md.

Examples:
  dormlink inspect sample
  dormlink inspect sample --as-of 2026-10-14 --size 8 --dry-run
  dormlink inspect sample --rate 0.2 --seed 42)";

constexpr const char* k_record_footer =
    R"(Each listed record must be an effective contact record of the member for the dorm; a student
(id or name) must be one the record names. A contradiction flags the record and counts in the
member's assessment. docs/inspect.md.

Examples:
  dormlink inspect record --member 李晴紫 --dorm 10-106 --inspector 王老师 --confirmed 347:张晨昕,348
  dormlink inspect record --member 2023110104 --dorm 10-106 --inspector 王老师 --on 2026-10-14 \
                          --confirmed 347 --contradicted 348 --note "学生表示本周未谈心")";

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
  auto* app = inspect.add_subcommand("record", "Record what the inspectors found about a member's records");
  app->add_option("--member", o->member, "The member (student id or name)")->required()->type_name("WHO");
  app->add_option("--dorm", o->dorm, "The dorm inspected")->required()->type_name("DORM");
  app->add_option("--sample", o->sample, "The sample this inspection belongs to")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app->add_option("--inspector", o->inspector, "Who inspected")->required()->type_name("NAME");
  app->add_option("--on", o->on, "Date of the inspection (default: today)")->type_name("DATE");
  app->add_option("--confirmed", o->confirmed, "Records the residents confirmed")->type_name("R[:STUDENT],...");
  app->add_option("--contradicted", o->contradicted, "Records the residents contradicted")
      ->type_name("R[:STUDENT],...");
  app->add_option("--note", o->note, "What the inspectors noted")->type_name("TEXT");
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
