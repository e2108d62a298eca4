// dormlink import form FILE…: members' returned feedback forms, recorded as the members' own
// records and submissions, all files or none (docs/forms.md "Filled forms in").
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/case_open.hpp"
#include "cli/form_import.hpp"
#include "cli/progress.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/report_store.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink import form returned/*.xlsx --dry-run --strict  # what each row becomes; no guessed kind
  dormlink import form returned/*.xlsx --received "2026-11-16 21:30"
  dormlink import form 李晴紫-反馈表.csv --member 2023110104

A returned file is read once (its SHA-256 is kept); a second, different file for the same member
and period replaces the first file's rows. Notation of 联系学生姓名及方式: docs/records.md)";

// The messages of import form: --received, files given twice, and the receipt of an imported
// form (docs/messages.md).
namespace say {
inline constexpr Message as_of_after_today{"--as-of {} is after today ({}); give --received or drop --as-of",
                                           "--as-of {} 晚于今天（{}）；请给出 --received，或去掉 --as-of"};
inline constexpr Message received_later_than_now{
    "--received {} is later than now ({}); give when the files reached you",
    "--received {} 晚于当前时间（{}）；请给出收到这些文件的时间"};
inline constexpr Message same_file{"{} and {} are the same file; give it once", "{} 和 {} 是同一个文件；请只给一次"};
inline constexpr Message same_form{"{} and {} are both {}'s form of period {}; import the one that is right",
                                   "{} 和 {} 都是 {} 第 {} 期的反馈表；请只导入正确的那一个"};
inline constexpr Message no_contact{"no contact", "本期无联系"};
inline constexpr Message no_new_record{"no new record", "无新记录"};
inline constexpr Message one_record{"1 record #{}", "1 条记录 #{}"};
inline constexpr Message some_records{"{} records #{}-#{}", "{} 条记录 #{}–#{}"};
inline constexpr Message already{", {0} row{1} already recorded", "，{0} 行已有记录{1:.0}"};
inline constexpr Message imported{"imported {}: {} period {}, {}, handed in {} (import #{})\n",
                                  "已导入 {}：{} 第{}期，{}，{}报送（导入 #{}）\n"};
inline constexpr Message concerns{", {0} concern{1} reported to staff", "，已上报 {0} 个关注事项{1:.0}"};
inline constexpr Message late{"late", "逾期"};
inline constexpr Message on_time{"on time", "按时"};
}  // namespace say

struct Options {
  std::vector<std::string> files;
  std::string received;
  std::string encoding;
  FormImportOptions form;
  bool dry_run = false;
};

// --received: when the counselor received the files (default: now by the real clock).
LocalDateTime received_of(Context& ctx, const Options& o, const EntryClock& clock) {
  if (o.received.empty()) {
    // With --as-of, that day at the real time of day (as report --submit does).
    if (to_days(clock.today) > to_days(clock.now.date)) {
      throw UsageError(say::as_of_after_today(format_date(clock.today), format_date(clock.now.date)));
    }
    if (ctx.options().as_of.empty()) return clock.now;
    return LocalDateTime{clock.today, clock.now.hour, clock.now.minute, true};
  }
  auto parsed = parse_when(o.received, clock.today);
  if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--received " + error->message);
  auto at = std::get<LocalDateTime>(parsed);
  if (at > clock.now) {
    throw UsageError(say::received_later_than_now(format_local(at), format_local(clock.now)));
  }
  return at;
}

records::Row withdrawal_of(const FormPlan& plan, std::int64_t id, const std::string& stamp, const std::string& user) {
  records::Row row;
  row.kind = records::Kind::withdrawal;
  row.member_id = plan.member_id;
  row.semester_id = plan.period.semester_id;
  row.entered_at = stamp;
  row.happened_at = stamp.substr(0, 16);
  row.entered_by = user;
  row.corrects = id;
  row.reason = fmt::format("由报送文件 {} 取代 (replaced by the returned file {})", plan.file.name, plan.file.name);
  return row;
}

struct Saved {
  std::int64_t import_id = 0;
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::size_t added = 0;
  std::size_t concerns = 0;
  bool late = false;
};

// The concern of row `i` (需上报情况), on its new record or on the record that already told the
// same contact, unless that one carries a concern already (docs/cases.md).
void open_row_concern(store::Database& db, const FormPlan& plan, std::size_t i, std::int64_t record_id,
                      const std::string& stamp, const std::string& user, Saved& saved) {
  const auto& concern = plan.rows[i].request.concern;
  if (!concern) return;
  if (plan.already[i] != 0) {
    for (const auto& e : store::load_case_target(db, record_id).events)
      if (e.step == records::CaseStep::open) return;
  }
  open_concern(db, record_id, *concern, plan.entries[i].concern_student.value_or(""), stamp, user);
  ++saved.concerns;
}

Saved save_plan(Context& ctx, store::Database& db, FormPlan& plan, const LocalDateTime& received) {
  const auto stamp = ctx.timestamp();
  const auto user = ctx.user();
  for (auto id : plan.withdrawn) store::append_record(db, withdrawal_of(plan, id, stamp, user), records::Content{});
  store::FormImportRow import;
  import.sha256 = plan.file.sha256;
  import.form_id = plan.header.form_id;
  import.member_id = plan.member_id;
  import.semester_id = plan.period.semester_id;
  import.period = plan.period.number;
  import.file_name = plan.file.name.substr(plan.file.name.find_last_of('/') + 1);
  import.file_format = plan.file.format;
  import.received_at = format_local(received);
  import.no_contact = plan.header.no_contact;
  import.row_count = static_cast<std::int64_t>(plan.entries.size());
  if (plan.replaces) import.replaces = plan.replaces->id;
  import.entered_at = stamp;
  import.entered_by = user;
  Saved saved;
  saved.import_id = store::save_form_import(db, import);
  for (std::size_t i = 0; i < plan.entries.size(); ++i) {
    if (plan.already[i] != 0) {
      open_row_concern(db, plan, i, plan.already[i], stamp, user, saved);
      continue;
    }
    auto& row = plan.entries[i].row;
    row.entered_at = stamp;
    row.entered_by = user;
    row.form = records::FormSource{saved.import_id, plan.file.sha256, plan.header.form_id};
    const auto receipt = store::append_record(db, row, plan.rows[i].request.content);
    if (saved.first == 0) saved.first = receipt.id;
    saved.last = receipt.id;
    ++saved.added;
    open_row_concern(db, plan, i, receipt.id, stamp, user, saved);
  }
  const auto head = store::load_chain_head(db);
  store::SubmissionRow s;
  s.subject_id = plan.member_id;
  s.semester_id = plan.period.semester_id;
  s.period = plan.period.number;
  s.submitted_at = format_local(received) + ":00";
  s.recorded_at = stamp;
  s.submitted_by = user;
  s.due_date = format_date(plan.period.form_due);
  s.late = check::late(received.date, plan.period.form_due);
  s.language = "zh";
  s.format = plan.file.format;
  s.audience = "counselor";
  s.document_sha256 = plan.file.sha256;
  s.chain_head = head.head;
  s.record_count = head.records;
  s.source = store::SubmissionSource::member;
  s.form_import = saved.import_id;
  store::save_submission(db, s);
  saved.late = s.late;
  return saved;
}

// The dry run: every row, what it becomes and which rule decided its kind.
void print_plan(Context& ctx, const FormPlan& plan) {
  const bool zh = ctx.language() == Language::zh;
  fmt::print(
      ctx.out(), "{}: {} {} · {} {} · {}\n", plan.file.name, plan.member_name, plan.member_id, plan.period.semester_id,
      zh ? fmt::format("第{}期", plan.period.number) : fmt::format("period {}", plan.period.number),
      plan.replaces ? (zh ? fmt::format("取代导入 #{}（撤回 {} 条）", plan.replaces->id, plan.withdrawn.size())
                          : fmt::format("replaces import #{} (withdraws {})", plan.replaces->id, plan.withdrawn.size()))
                    : (zh ? "首次报送" : "first file"));
  report::Table table;
  table.header =
      zh ? std::vector<std::string>{"行", "时间", "寝室", "类型", "方式", "学生", "依据", "记录"}
         : std::vector<std::string>{"Row", "Time", "Dorm", "Kind", "Channel", "Students", "Decided by", "Record"};
  table.align = {report::Align::right, report::Align::left,  report::Align::left, report::Align::left,
                 report::Align::left,  report::Align::right, report::Align::left, report::Align::left};
  for (std::size_t i = 0; i < plan.entries.size(); ++i) {
    const auto& row = plan.entries[i].row;
    const auto& rule = plan.rows[i].kind.rule;
    table.rows.push_back(
        {std::to_string(plan.rows[i].line), row.happened_at, row.dorm_code.value_or("-"),
         std::string(zh ? records::label_zh(row.kind) : records::key(row.kind)),
         row.channel ? std::string(zh ? records::label_zh(*row.channel) : records::key(*row.channel)) : "-",
         std::to_string(row.students.size()),
         std::string(zh ? records::label_zh(rule) : records::key(rule)) +
             (records::guessed(rule) ? (zh ? "（推断）" : " (guessed)") : ""),
         plan.already[i] == 0 ? std::string(zh ? "新增" : "new")
                              : fmt::format(fmt::runtime(zh ? "已有 #{}" : "already #{}"), plan.already[i])});
  }
  if (plan.entries.empty()) {
    fmt::print(ctx.out(), "{}\n", zh ? "本期无联系" : "no contact this period");
  } else {
    fmt::print(ctx.out(), "{}", report::render_text(table));
  }
}

// One line per file on standard error: its member, period, new records, rows already
// recorded, on time or late.
void print_receipts(Context& ctx, const std::vector<FormPlan>& plans, const std::vector<Saved>& saved) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& p = plans[i];
    const auto& s = saved[i];
    std::string records = p.entries.empty() ? say::no_contact()
                          : s.added == 0    ? say::no_new_record()
                          : s.added == 1    ? say::one_record(s.first)
                                            : say::some_records(s.added, s.first, s.last);
    if (const auto already = p.entries.size() - s.added; already > 0 && !p.entries.empty()) {
      records += say::already(already, already == 1 ? "" : "s");
    }
    if (s.concerns > 0) records += say::concerns(s.concerns, s.concerns == 1 ? "" : "s");
    receipt(ctx, say::imported(p.file.name, p.member_name, p.period.number, records,
                               s.late ? say::late() : say::on_time(), s.import_id));
  }
}

int run_import_form(Context& ctx, const Options& o) {
  const auto& config = ctx.config();
  const auto clock = clock_of(ctx);
  const auto received = received_of(ctx, o, clock);
  std::vector<FormFile> files;
  const auto encoding = forced_encoding(o.encoding);  // refused before any file is read
  {
    Progress progress(ctx, "import form", o.files.size());
    for (const auto& path : o.files) {
      files.push_back(read_form_file(ctx, path, encoding));
      progress.advance();
    }
  }
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  std::vector<FormPlan> plans;
  std::vector<Saved> saved;
  db.transaction([&] {
    EntryResolver resolver(db, config, clock.now);
    std::vector<std::string> problems;
    for (auto& file : files) {
      for (const auto& done : plans) {
        if (done.file.sha256 == file.sha256) {
          throw DataError(say::same_file(done.file.name, file.name));
        }
      }
      plans.push_back(plan_form(ctx, db, resolver, std::move(file), o.form));
      // Two files for one member and period in one run: the later one would silently replace.
      for (std::size_t i = 0; i + 1 < plans.size(); ++i) {
        const auto& a = plans[i];
        const auto& b = plans.back();
        if (a.member_id == b.member_id && a.period.semester_id == b.period.semester_id &&
            a.period.number == b.period.number) {
          throw DataError(say::same_form(a.file.name, b.file.name, a.member_id, a.period.number));
        }
      }
    }
    if (o.dry_run) return;
    for (auto& plan : plans) saved.push_back(save_plan(ctx, db, plan, received));
  });
  if (o.dry_run) {
    for (const auto& plan : plans) print_plan(ctx, plan);
    return 0;
  }
  if (!ctx.options().quiet) print_receipts(ctx, plans, saved);
  return 0;
}

}  // namespace

void add_import_form_command(CLI::App& import, std::vector<Command>& commands) {
  auto o = std::make_shared<Options>();
  auto* app = import.add_subcommand("form", "Import members' returned feedback forms (xlsx or CSV), all or none");
  app->add_option("files", o->files, "Returned forms: .xlsx, or CSV (UTF-8, GBK, GB18030, UTF-16)")
      ->required()
      ->type_name("FILE…");
  app->add_option("--received", o->received, "When the files were received (default: now); on time or late by it")
      ->type_name("WHEN");
  app->add_option("--member", o->form.member, "The member, for a form that names none (学号 or name)")
      ->type_name("WHO");
  app->add_option("--encoding", o->encoding, "CSV only: force utf-8, gbk, gb18030 or utf-16")->type_name("NAME");
  app->add_flag("--strict", o->form.strict, "Refuse any row whose kind had to be guessed");
  app->add_flag("--dry-run", o->dry_run, "Check every file and show what each row becomes; write nothing");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_import_form(ctx, *o); }});
}

}  // namespace dormlink::cli
