// dormlink log-visit: records a visit, talk, symposium, activity, incident... in the hash chain.
#include <charconv>
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/case_open.hpp"
#include "cli/context.hpp"
#include "cli/entry_resolver.hpp"
#include "cli/entry_session.hpp"
#include "cli/messages.hpp"
#include "cli/progress.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/csv_entry.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/encoding.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink log-visit                              # at a terminal: asks, with your dorms and residents listed
  dormlink log-visit --member 2023110104 --dorm 10-106 --at "2026-10-12 19:30"
  dormlink log-visit --member 李晴紫 --dorm 10-106 --at "昨天 19:30" --kind talk --talked 张晨昕,黄佳菁 \
                     --progress "了解了期中复习情况" --note "约定下周再谈"
  dormlink log-visit --member 李晴紫 --dorm 10-107 --at today --reason "代同学走访"
  dormlink log-visit --member 李晴紫 --kind excused --reason "holiday" --at 2026-10-01
  dormlink log-visit --member 李晴紫 --kind 工作计划 --at 2026-09-08 --progress "每周二、四晚走访……"

  dormlink log-visit --corrects 347 --kind talk --member 李晴紫 --dorm 10-106 --talked 张晨昕 --at "2026-09-11 20:30" \
                     --reason "时间记错"

  dormlink log-visit --member 李晴紫 --dorm 10-106 --kind incident --at "昨天 23:10" --category 使用违规电器 \
                     --severity 一般 --reported-to 辅导员 --reported-at "昨天 23:40" --progress "已没收热得快"
  dormlink log-visit --member 李晴紫 --dorm 10-106 --kind talk --talked 张晨昕 --at "昨天 21:10" \
                     --concern "情绪低落，提到不想上课" --escalate-to 辅导员     # staff: dormlink concern
  dormlink log-visit --from-csv 反馈表.csv      # columns 党员姓名,联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明

Kinds: visit 走访, talk 谈心, symposium 座谈会, activity 寝室活动, orientation 新生入学教育,
education 知党爱党教育, cultivation 培养积极分子, excused 因故未走访, plan 工作计划,
summary 学期总结, incident 特殊情况, other 其他 (docs/records.md))";

// The messages of log-visit's flags and files (docs/messages.md).
namespace say {
inline constexpr Message no_such_record{
    "--corrects \"{}\": there is no such record; give the number (1 or more) on the receipt of the record to correct",
    "--corrects \"{}\"：没有这条记录；请给出要更正的记录回执上的编号（1 或以上）"};
inline constexpr Message bad_category{
    "--category {}: use 赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪 or 突发事件",
    "--category {}：请用 赌博、打架、上网成瘾、私自在外住宿、使用违规电器、无故旷课、其他违纪 或 突发事件"};
inline constexpr Message bad_severity{"--severity {}: use 轻, 一般 or 严重 (low, medium, high)",
                                      "--severity {}：请用 轻、一般 或 严重"};
inline constexpr Message bad_reported_to{"--reported-to {}: use 辅导员, 班主任 or 支部书记",
                                         "--reported-to {}：请用 辅导员、班主任 或 支部书记"};
inline constexpr Message bad_kind{"--kind {} is not a kind log-visit records; see --help",
                                  "--kind {} 不是 log-visit 能录入的类型；见 --help"};
inline constexpr Message bad_channel{"--channel {}: use in_person, phone, wechat or other",
                                     "--channel {}：请用 当面、电话、微信 或 其他（in_person、phone、wechat、other）"};
inline constexpr Message category_needs_incident{"--category goes with --kind incident",
                                                 "--category 只用于 --kind incident（特殊情况）"};
inline constexpr Message member_required{"--member is required (student id, name, unique name prefix or pinyin)",
                                         "需要 --member（学号、姓名、唯一的姓名开头或拼音）"};
inline constexpr Message identical_nothing_saved{"an identical record already exists: #{}; nothing was saved",
                                                 "已有相同的记录：#{}；未保存任何内容"};
inline constexpr Message same_as_line{"the same record as line {}", "与第 {} 行是同一条记录"};
inline constexpr Message file_problems{"{}: {} problem{}; nothing was saved", "{0}：{1} 个问题{2:.0}；未保存任何内容"};
inline constexpr Message bad_escalate_to{
    "--escalate-to {}: use counselor, head_teacher or leader (辅导员, 班主任, 学院领导)",
    "--escalate-to {}：请用 辅导员、班主任 或 学院领导（counselor、head_teacher、leader）"};
}  // namespace say

struct LogVisitOptions {
  std::string member;
  std::string dorm;
  std::string at;
  std::string kind;
  std::vector<std::string> talked;
  std::string channel = "in_person";
  std::string progress;
  std::string note;
  std::string reason;
  std::string corrects;  // a record number; parsed by corrects_of
  std::string from_csv;
  std::string encoding;
  bool interactive = false;
  std::string category;
  std::string severity;
  std::string reported_to;
  std::string reported_at;
  std::string concern;
  std::string escalate_to;
  std::string concern_about;
};

// --corrects N: a record number, 1 or more.
std::int64_t corrects_of(const std::string& text) {
  if (text.empty()) return 0;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 1) {
    throw DataError(say::no_such_record(text));
  }
  return id;
}

// The incident fields of the options; nullopt when no --category was given.
std::optional<records::Incident> make_incident(const LogVisitOptions& o, const EntryClock& clock) {
  if (o.category.empty()) return std::nullopt;
  records::Incident i;
  auto category = records::parse_incident_category(o.category);
  if (!category) {
    throw UsageError(say::bad_category(quote_value(o.category)));
  }
  i.category = *category;
  if (!o.severity.empty() && !(i.severity = records::parse_severity(o.severity))) {
    throw UsageError(say::bad_severity(quote_value(o.severity)));
  }
  if (!o.reported_to.empty() && !(i.reported_to = parse_staff_role(o.reported_to))) {
    throw UsageError(say::bad_reported_to(quote_value(o.reported_to)));
  }
  if (!o.reported_at.empty()) {
    auto parsed = parse_when(o.reported_at, clock.today);
    if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--reported-at " + error->message);
    i.reported_at = format_local(std::get<LocalDateTime>(parsed));
  }
  return i;
}

// The messages of a concern typed with the record (docs/messages.md).
namespace say {
inline constexpr Message concerns_opened{" · {} concern{} reported to staff", " · 已上报 {0} 个关注事项{1:.0}"};
inline constexpr Message needs_concern{"{} goes with --concern TEXT", "{} 须与 --concern TEXT 同用"};
inline constexpr Message concern_kind{
    "--concern goes on a talk: use --kind talk, or a visit with --talked (then a talk is saved beside the visit)",
    "--concern 只能随谈心记录提出：请用 --kind talk，或在走访时给出 --talked（此时走访之外另存一条谈心记录）"};
}  // namespace say

// --concern, --escalate-to, --concern-about (docs/cases.md): on a talk, or a visit with --talked.
std::optional<records::ConcernRequest> make_concern(const LogVisitOptions& o, const records::EntryRequest& r) {
  if (util::trim(o.concern).empty()) {
    if (!o.escalate_to.empty()) throw UsageError(say::needs_concern("--escalate-to"));
    if (!o.concern_about.empty()) throw UsageError(say::needs_concern("--concern-about"));
    return std::nullopt;
  }
  const bool visit_with_talk = r.kind == records::Kind::visit && !r.talked.empty();
  if (r.kind != records::Kind::talk && !visit_with_talk) throw UsageError(say::concern_kind());
  records::ConcernRequest c;
  c.text = o.concern;
  const auto to = escalation_of(o.escalate_to);
  if (!to) throw UsageError(say::bad_escalate_to(quote_value(o.escalate_to)));
  c.escalate_to = *to;
  c.about = o.concern_about;
  return c;
}

records::EntryRequest make_request(const LogVisitOptions& o, const EntryClock& clock) {
  records::EntryRequest r;
  auto kind = records::parse_kind(o.kind.empty() ? "visit" : o.kind);
  if (!kind || records::points_at_record(*kind)) {
    throw UsageError(say::bad_kind(quote_value(o.kind)));
  }
  r.kind = *kind;
  r.channel = records::parse_channel(o.channel);
  if (!r.channel) throw UsageError(say::bad_channel(quote_value(o.channel)));
  r.member = o.member;
  if (!o.dorm.empty()) r.dorm = o.dorm;
  if (o.at.empty() || o.at == "now" || o.at == "现在") {
    r.at = clock.default_at();
  } else {
    auto parsed = parse_when(o.at, clock.today);
    if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--at " + error->message);
    r.at = std::get<LocalDateTime>(parsed);
  }
  for (const auto& t : o.talked) r.talked.push_back(t);
  r.incident = make_incident(o, clock);
  if (r.incident && r.kind != records::Kind::incident) throw UsageError(say::category_needs_incident());
  if (!o.progress.empty()) r.content.progress = o.progress;
  if (!o.note.empty()) r.content.note = o.note;
  r.reason = o.reason;
  r.concern = make_concern(o, r);
  return r;
}

// A correction replaces a live record of the same member and kind (records::check_correction).
std::int64_t check_correctable(store::Database& db, const records::Row& row, std::int64_t id,
                               const std::string& reason) {
  const auto status = store::record_status(db, id);
  records::check_correction(
      row, {id, status.exists, status.kind, status.member_id, status.dorm_code, status.superseded_by}, reason);
  return id;
}

// The receipt; `concern`: the concern opened with the record (" · 已上报辅导员的关注事项").
void print_receipt(Context& ctx, const store::Receipt& receipt, const records::ResolvedEntry& entry,
                   const std::optional<records::ConcernRequest>& concern = std::nullopt) {
  if (ctx.options().quiet) return;
  const bool zh = message_language() == Language::zh;
  auto line = msg::record_saved(receipt.id, receipt.short_hash, entry.member_name,
                                zh ? records::label_zh(entry.row.kind) : records::key(entry.row.kind),
                                entry.row.dorm_code.value_or("-"), entry.row.happened_at);
  if (concern && !line.empty() && line.back() == '\n') {
    line.pop_back();
    line += concern_receipt(concern->escalate_to) + "\n";
  }
  cli::receipt(ctx, line);
}

// Appends one resolved record, refused when an identical one exists.
store::Receipt append_new(store::Database& db, const records::ResolvedEntry& entry, const records::Content& content) {
  if (auto existing = store::find_duplicate(db, entry.row, content)) {
    throw DataError(say::identical_nothing_saved(*existing));
  }
  return store::append_record(db, entry.row, content);
}

int run_single(Context& ctx, const LogVisitOptions& o) {
  const auto& config = ctx.config();
  if (o.member.empty()) throw UsageError(say::member_required());
  const auto clock = clock_of(ctx);
  const auto corrects = corrects_of(o.corrects);
  auto request = make_request(o, clock);
  // A visit with a concern: the visit, and the talk the concern goes on (docs/cases.md).
  const bool with_talk = request.concern && request.kind == records::Kind::visit;
  if (with_talk) request.kind = records::Kind::talk;
  auto db = ctx.open_database(store::OpenMode::read_write);
  std::optional<store::Receipt> visit_receipt;
  store::Receipt receipt;
  records::ResolvedEntry entry;
  records::ResolvedEntry visit;
  db.transaction([&] {
    EntryResolver resolver(db, config, clock.now, EntryResolver::Loading::points);
    entry = resolver.resolve(request);
    if (request.concern && !entry.concern_student) throw UsageError(entry.concern_problem);
    if (corrects > 0) entry.row.corrects = check_correctable(db, entry.row, corrects, o.reason);
    entry.row.entered_at = ctx.timestamp();
    entry.row.entered_by = ctx.user();
    if (with_talk) {
      visit = entry;
      visit.row.kind = records::Kind::visit;
      visit_receipt = append_new(db, visit, request.content);
    }
    receipt = append_new(db, entry, request.content);
    if (request.concern) {
      open_concern(db, receipt.id, *request.concern, *entry.concern_student, entry.row.entered_at,
                   entry.row.entered_by);
    }
  });
  if (visit_receipt) print_receipt(ctx, *visit_receipt, visit);
  print_receipt(ctx, receipt, entry, request.concern);
  return 0;
}

// Resolves every row; problems carry "file:line" and are reported together.
std::vector<records::ResolvedEntry> resolve_rows(EntryResolver& resolver, store::Database& db,
                                                 const std::vector<records::CsvEntry>& rows, const std::string& file,
                                                 Progress& progress) {
  ProblemCollector problems;
  std::vector<records::ResolvedEntry> out;
  std::map<std::string, std::size_t> seen;
  for (const auto& row : rows) {
    progress.advance();
    auto where = fmt::format("{}:{}", file, row.line);
    try {
      auto entry = resolver.resolve(row.request);
      if (row.request.concern && !entry.concern_student) {
        problems.add(where, records::in_form_columns(entry.concern_problem));
      }
      auto key = records::canonical_row(entry.row, records::canonical_content(row.request.content));
      if (auto [it, fresh] = seen.emplace(key, row.line); !fresh) {
        problems.add(where, say::same_as_line(it->second));
      } else if (auto existing = store::find_duplicate(db, entry.row, row.request.content)) {
        problems.add(where, msg::identical_record(*existing));
      }
      out.push_back(std::move(entry));
    } catch (const DataError& e) {
      for (const auto& p : e.problems()) problems.add(where, records::in_form_columns(p.message));
    }
  }
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(say::file_problems(file, count, count == 1 ? "" : "s"), problems.take());
  }
  return out;
}

// Resolves every row again (inside the write transaction) and appends them in order.
std::vector<store::Receipt> save_rows(Context& ctx, EntryResolver& resolver, store::Database& db,
                                      const std::vector<records::CsvEntry>& rows, const std::string& name,
                                      Progress& progress) {
  progress.set_total(2 * rows.size());
  auto entries = resolve_rows(resolver, db, rows, name, progress);
  const auto entered_at = ctx.timestamp();
  const auto user = ctx.user();
  std::vector<store::Receipt> receipts;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    entries[i].row.entered_at = entered_at;
    entries[i].row.entered_by = user;
    receipts.push_back(store::append_record(db, entries[i].row, rows[i].request.content));
    if (const auto& concern = rows[i].request.concern) {
      open_concern(db, receipts.back().id, *concern, entries[i].concern_student.value_or(""), entered_at, user);
    }
    progress.advance();
  }
  return receipts;
}

void print_receipts(Context& ctx, const std::vector<store::Receipt>& receipts, std::size_t concerns = 0) {
  if (ctx.options().quiet || receipts.empty()) return;
  auto line = receipts.size() == 1 ? msg::one_record_saved(receipts.front().id, receipts.front().short_hash)
                                   : msg::records_saved(receipts.size(), receipts.front().id, receipts.back().id,
                                                        receipts.back().short_hash);
  if (concerns > 0 && !line.empty() && line.back() == '\n') {
    line.pop_back();
    line += say::concerns_opened(concerns, concerns == 1 ? "" : "s") + "\n";
  }
  receipt(ctx, line);
}

int run_from_csv(Context& ctx, const LogVisitOptions& o) {
  const auto clock = clock_of(ctx);
  const auto forced = forced_encoding(o.encoding);
  Progress progress(ctx, "log-visit " + o.from_csv);
  auto input = ctx.read_input(o.from_csv);
  auto decoded = util::decode_text(std::move(input.bytes), input.name, forced);
  auto rows = records::parse_record_csv(util::parse_csv(std::move(decoded.utf8), input.name, ctx.csv_limits()),
                                        input.name, clock.today);
  auto db = ctx.open_database(store::OpenMode::read_write);
  std::vector<store::Receipt> receipts;
  db.transaction([&] {
    EntryResolver resolver(db, ctx.config(), clock.now);
    receipts = save_rows(ctx, resolver, db, rows, input.name, progress);
  });
  progress.finish();
  std::size_t concerns = 0;
  for (const auto& row : rows) concerns += row.request.concern ? 1u : 0u;
  print_receipts(ctx, receipts, concerns);
  return 0;
}

// The session at the terminal (entry_session.hpp): the prompts run in a read transaction, so
// other members are never kept waiting; what was confirmed is resolved again and saved in one
// write transaction.
int run_session(Context& ctx, const LogVisitOptions& o) {
  const auto clock = clock_of(ctx);
  std::optional<std::vector<records::EntryRequest>> requests;
  {
    auto db = ctx.open_database(store::OpenMode::read_only);
    db.transaction([&] {
      EntryResolver resolver(db, ctx.config(), clock.now);
      SessionStart start{o.member, o.dorm, o.at, o.kind, o.channel, o.reason, o.progress, o.talked};
      requests = run_entry_session(ctx, db, resolver, clock, start);
    });
  }
  if (!requests) {
    fmt::print(ctx.err(), "{}", msg::nothing_saved());
    return 0;
  }
  auto db = ctx.open_database(store::OpenMode::read_write);
  std::vector<store::Receipt> receipts;
  db.transaction([&] {
    EntryResolver resolver(db, ctx.config(), clock.now);
    std::vector<records::CsvEntry> rows;
    for (auto& r : *requests) rows.push_back({rows.size() + 1, std::move(r)});
    Progress progress(ctx, "log-visit");
    receipts = save_rows(ctx, resolver, db, rows, "log-visit", progress);
  });
  print_receipts(ctx, receipts);
  return 0;
}

// A kind that is not a contact (plan, summary, excused, incident) is entered with its flags;
// at a terminal without --member, the member is asked for first.
bool asks_member_only(const Context& ctx, const LogVisitOptions& o) {
  auto kind = records::parse_kind(o.kind.empty() ? "visit" : o.kind);
  return kind && !records::is_contact(*kind) && o.member.empty() && ctx.env().stdin_is_terminal;
}

bool wants_session(const Context& ctx, const LogVisitOptions& o) {
  if (!o.from_csv.empty() || !o.corrects.empty() || !o.category.empty() || !o.concern.empty()) return false;
  auto kind = records::parse_kind(o.kind.empty() ? "visit" : o.kind);
  if (kind && !records::is_contact(*kind)) return false;
  return o.interactive || (ctx.env().stdin_is_terminal && (o.member.empty() || o.dorm.empty()));
}

int run_log_visit(Context& ctx, LogVisitOptions o) {
  if (wants_session(ctx, o)) return run_session(ctx, o);
  if (asks_member_only(ctx, o)) {
    const auto clock = clock_of(ctx);
    auto db = ctx.open_database(store::OpenMode::read_only);
    std::optional<std::string> member;
    db.transaction([&] {
      EntryResolver resolver(db, ctx.config(), clock.now);
      member = ask_member(ctx, db, resolver, clock.today);
    });
    if (!member) {
      fmt::print(ctx.err(), "{}", msg::nothing_saved());
      return 0;
    }
    o.member = *member;
  }
  return o.from_csv.empty() ? run_single(ctx, o) : run_from_csv(ctx, o);
}

}  // namespace

void add_log_visit_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<LogVisitOptions>();
  auto* app = root.add_subcommand("log-visit", "Record a visit, talk or other contact (append-only, hash-chained)");
  app->add_option("--member", o->member, "The member: student id, name, unique name prefix or pinyin (zhangsan, zs)")
      ->type_name("WHO");
  app->add_option("--dorm", o->dorm, "The dorm, e.g. 8-305 or 8栋305")->type_name("DORM");
  app->add_option("--at", o->at, "When: 2026-10-12 19:30, 2026/10/12, 10月12日, today, 昨天 19:30 (default now)")
      ->type_name("WHEN");
  app->add_option("--kind", o->kind,
                  "visit (default), talk, symposium, activity, orientation, education, "
                  "cultivation, excused, plan, summary, other (or the Chinese names)");
  app->add_option("--talked", o->talked, "Residents contacted: ids or names, comma-separated")
      ->delimiter(',')
      ->type_name("WHO,...");
  app->add_option("--channel", o->channel, "in_person, phone, wechat, other")->capture_default_str();
  app->add_option("--progress", o->progress, "Progress and effect (工作进展及成效)")->type_name("TEXT");
  app->add_option("--note", o->note, "Notes (说明)")->type_name("TEXT");
  app->add_option("--reason", o->reason, "Why: a dorm not assigned to the member, an excuse, or a correction")
      ->type_name("TEXT");
  app->add_option("--corrects", o->corrects,
                  "This record corrects record N: the member's own, same kind, not yet corrected (needs --reason)")
      ->type_name("N");
  app->add_option("--from-csv", o->from_csv, "Batch entry in the feedback form's columns; all or nothing")
      ->type_name("FILE");
  app->add_option("--encoding", o->encoding, "With --from-csv: force utf-8, gbk, gb18030 or utf-16")->type_name("NAME");
  app->add_option("--category", o->category,
                  "Incident: 赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, "
                  "其他违纪, 突发事件")
      ->type_name("WHAT");
  app->add_option("--severity", o->severity, "Incident: 轻, 一般, 严重")->type_name("LEVEL");
  app->add_option("--reported-to", o->reported_to, "Incident: 辅导员, 班主任, 支部书记")->type_name("WHOM");
  app->add_option("--reported-at", o->reported_at, "Incident: when it was reported (same forms as --at)")
      ->type_name("WHEN");
  app->add_option("--concern", o->concern,
                  "A concern found in the talk, reported to staff (sensitive; docs/cases.md): on --kind talk, or a "
                  "visit with --talked")
      ->type_name("TEXT");
  app->add_option("--escalate-to", o->escalate_to, "The concern goes to: counselor (default), head_teacher, leader")
      ->type_name("WHOM");
  app->add_option("--concern-about", o->concern_about,
                  "When the talk names several students: which one the concern is about")
      ->type_name("WHO");
  app->add_flag("-i,--interactive", o->interactive,
                "Ask for missing fields (automatic at a terminal when --member or --dorm is missing)");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_log_visit(ctx, *o); }});
}

}  // namespace dormlink::cli
