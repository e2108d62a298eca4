// dormlink log-visit: records a visit, talk, symposium, activity, incident... in the hash chain.
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink log-visit --member 2023110104 --dorm 10-106 --at "2026-10-12 19:30"
  dormlink log-visit --member 李晴紫 --dorm 10-106 --at "昨天 19:30" --kind talk --talked 张晨昕,黄佳菁 \
                     --progress "了解了期中复习情况" --note "约定下周再谈"
  dormlink log-visit --member 李晴紫 --dorm 10-107 --at today --reason "代同学走访"
  dormlink log-visit --member 李晴紫 --kind excused --reason "holiday" --at 2026-10-01

  dormlink log-visit --corrects 12 --member 李晴紫 --dorm 10-106 --at "2026-10-12 20:30" --reason "时间记错"

Kinds: visit 走访, talk 谈心, symposium 座谈会, activity 寝室活动, orientation 新生入学教育,
education 知党爱党教育, cultivation 培养积极分子, excused 因故未走访, other 其他 (docs/records.md))";

struct LogVisitOptions {
  std::string member;
  std::string dorm;
  std::string at = "now";
  std::string kind = "visit";
  std::vector<std::string> talked;
  std::string channel = "in_person";
  std::string progress;
  std::string note;
  std::string reason;
  std::int64_t corrects = 0;
};

// "Now" in the college's zone; with --as-of, the end of that day.
LocalDateTime now_of(Context& ctx) {
  if (!ctx.options().as_of.empty()) return LocalDateTime{ctx.today(), 23, 59, true};
  auto stamp = ctx.timestamp();  // YYYY-MM-DD HH:MM:SS
  auto date = parse_iso_date(std::string_view(stamp).substr(0, 10)).value_or(ctx.today());
  return LocalDateTime{date, std::stoi(stamp.substr(11, 2)), std::stoi(stamp.substr(14, 2)), true};
}

records::EntryRequest make_request(const LogVisitOptions& o, LocalDateTime now) {
  records::EntryRequest r;
  auto kind = records::parse_kind(o.kind);
  if (!kind || records::points_at_record(*kind) || *kind == records::Kind::plan || *kind == records::Kind::summary) {
    throw UsageError(fmt::format("--kind \"{}\" is not a kind log-visit records; see --help", o.kind));
  }
  r.kind = *kind;
  r.channel = records::parse_channel(o.channel);
  if (!r.channel) throw UsageError(fmt::format("--channel \"{}\": use in_person, phone, wechat or other", o.channel));
  r.member = o.member;
  if (!o.dorm.empty()) r.dorm = o.dorm;
  if (o.at == "now" || o.at == "现在") {
    r.at = now;
  } else {
    auto parsed = parse_when(o.at, now.date);
    if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--at " + error->message);
    r.at = std::get<LocalDateTime>(parsed);
  }
  for (const auto& t : o.talked) r.talked.push_back(t);
  if (!o.progress.empty()) r.content.progress = o.progress;
  if (!o.note.empty()) r.content.note = o.note;
  r.reason = o.reason;
  return r;
}

std::map<std::string, std::string> assignment_map(store::Database& db, const std::string& semester, Date date) {
  std::map<std::string, std::string> out;
  if (auto record = store::load_assignment_on(db, semester, format_date(date))) {
    for (const auto& p : record->pairs) out[p.dorm_code] = p.member_id;
  }
  return out;
}

// A correction points at the latest version of a contact record, with a reason.
std::int64_t check_correctable(store::Database& db, std::int64_t id, const std::string& reason) {
  auto status = store::record_status(db, id);
  if (!status.exists) throw DataError(fmt::format("--corrects {}: there is no record #{}", id, id));
  if (status.superseded_by) {
    throw DataError(fmt::format("--corrects {}: record #{} was already corrected or withdrawn by #{}; correct #{} "
                                "instead", id, id, *status.superseded_by, *status.superseded_by));
  }
  auto kind = records::parse_kind(status.kind);
  if (!kind || records::points_at_record(*kind)) {
    throw DataError(fmt::format("--corrects {}: record #{} is a {}, which cannot be corrected", id, id, status.kind));
  }
  if (reason.empty()) throw UsageError("--corrects needs --reason: say what was wrong");
  return id;
}

int run_log_visit(Context& ctx, const LogVisitOptions& o) {
  const auto& config = ctx.config();
  if (o.member.empty()) throw UsageError("--member is required (student id, name or unique name prefix)");
  auto now = now_of(ctx);
  auto request = make_request(o, now);
  auto db = ctx.open_database(store::OpenMode::read_write);
  store::Receipt receipt;
  records::ResolvedEntry entry;
  db.transaction([&] {
    auto snapshot = store::load_roster(db, request.at.date);
    const auto* semester = config.calendar.containing(request.at.date);
    auto assignment = semester != nullptr ? assignment_map(db, semester->id, request.at.date)
                                          : std::map<std::string, std::string>{};
    bool committed = semester != nullptr && store::load_assignment_on(db, semester->id, format_date(request.at.date));
    records::EntryContext context{&snapshot, committed ? &assignment : nullptr, &config.calendar, now};
    entry = records::resolve_entry(request, context);
    if (o.corrects > 0) entry.row.corrects = check_correctable(db, o.corrects, o.reason);
    entry.row.entered_at = ctx.timestamp();
    entry.row.entered_by = ctx.user();
    if (auto existing = store::find_duplicate(db, entry.row, request.content)) {
      throw DataError(fmt::format("an identical record already exists: #{}; nothing was saved", *existing));
    }
    receipt = store::append_record(db, entry.row, request.content);
  });
  if (!ctx.options().quiet) {
    bool zh = ctx.language() == Language::zh;
    fmt::print(ctx.out(), "{} #{} · {}  {} {} {}{}\n", zh ? "已保存记录" : "saved record", receipt.id,
               receipt.short_hash, entry.member_name, zh ? records::label_zh(entry.row.kind) : records::key(entry.row.kind),
               entry.row.dorm_code.value_or("-"), " " + entry.row.happened_at);
  }
  return 0;
}

}  // namespace

void add_log_visit_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<LogVisitOptions>();
  auto* app = root.add_subcommand("log-visit", "Record a visit, talk or other contact (append-only, hash-chained)");
  app->add_option("--member", o->member, "The member: student id, name or unique name prefix")->type_name("WHO");
  app->add_option("--dorm", o->dorm, "The dorm, e.g. 8-305 or 8栋305")->type_name("DORM");
  app->add_option("--at", o->at, "When: 2026-10-12 19:30, 2026/10/12, 10月12日, today, 昨天 19:30 (default now)")
      ->type_name("WHEN");
  app->add_option("--kind", o->kind, "visit, talk, symposium, activity, orientation, education, cultivation, "
                                     "excused, other (or the Chinese names)")->capture_default_str();
  app->add_option("--talked", o->talked, "Residents contacted: ids or names, comma-separated")
      ->delimiter(',')->type_name("WHO,...");
  app->add_option("--channel", o->channel, "in_person, phone, wechat, other")->capture_default_str();
  app->add_option("--progress", o->progress, "Progress and effect (工作进展及成效)")->type_name("TEXT");
  app->add_option("--note", o->note, "Notes (说明)")->type_name("TEXT");
  app->add_option("--reason", o->reason, "Why: a dorm not assigned to the member, an excuse, or a correction")
      ->type_name("TEXT");
  app->add_option("--corrects", o->corrects, "This record corrects record N (needs --reason)")->type_name("N");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_log_visit(ctx, *o); }});
}

}  // namespace dormlink::cli
