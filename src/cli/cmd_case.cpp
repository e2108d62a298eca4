// dormlink concern|incident ack|act|close N: the staff's steps of a case, each one event of the
// case chain (docs/cases.md); `list` is in case_list.cpp.
#include <charconv>
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/case_list.hpp"
#include "cli/context.hpp"
#include "cli/entry_resolver.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/case.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of the staff's steps (docs/messages.md).
namespace say {
inline constexpr Message bad_number{
    "{} is not a case's number: give the record number on the member's receipt (1 or more)",
    "{} 不是事项编号：请给出党员回执上的记录编号（1 或以上）"};
inline constexpr Message act_needs_note{"act needs --note TEXT: say what was done",
                                        "act 需要 --note TEXT：请写明采取了什么措施"};
inline constexpr Message by_required{"--by is required: the staff member who took the step (staff id or name)",
                                     "需要 --by：采取这一步的教职工（工号或姓名）"};
inline constexpr Message no_staff{"--by {}: nobody on the staff roster of {} has that staff id or name",
                                  "--by {}：{} 的教职工名册上没有这个工号或姓名"};
inline constexpr Message several_staff{"--by {}: {} staff members have that name ({}); give the staff id",
                                       "--by {}：有 {} 名教职工同名（{}）；请给出工号"};
inline constexpr Message no_record{"there is no record #{}: give the number on the member's receipt",
                                   "没有记录 #{}：请给出党员回执上的编号"};
inline constexpr Message not_a_concern{
    "record #{} is a {}, not a concern: a concern is opened on a talk with log-visit --concern",
    "记录 #{} 是{}，不是关注事项：关注事项由 log-visit --concern 在谈心记录上提出"};
inline constexpr Message talk_without_concern{
    "record #{} is a talk without a concern: a concern is opened with log-visit --concern",
    "记录 #{} 是一条没有关注事项的谈心记录：关注事项由 log-visit --concern 提出"};
inline constexpr Message not_an_incident{"record #{} is a {}, not an incident", "记录 #{} 是{}，不是特殊情况"};
inline constexpr Message withdrawn{"{} #{} is on a withdrawn record: nothing can be added to it",
                                   "{} #{} 所在的记录已撤回，不能再添加任何步骤"};
inline constexpr Message closed{"{} #{} was closed on {} by {}: nothing can be added after the close",
                                "{} #{} 已于 {} 由 {} 结案，结案后不能再添加步骤"};
inline constexpr Message already_acknowledged{"{} #{} was already acknowledged on {} by {} (case event #{})",
                                              "{} #{} 已于 {} 由 {} 确认收到（事项步骤 #{}）"};
inline constexpr Message later_than_now{"--at \"{}\" is later than now ({}); a step is recorded after it happened",
                                        "--at \"{}\" 晚于当前时间（{}）；步骤应在发生之后记录"};
inline constexpr Message before_opened{"--at \"{}\" is before {} #{} was {} ({})",
                                       "--at \"{}\" 早于{} #{} 的{}时间（{}）"};
inline constexpr Message before_last_step{"--at \"{}\" is before the case's last step ({})",
                                          "--at \"{}\" 早于该事项的上一步（{}）"};
inline constexpr Message opened_word{"reported", "上报"};
inline constexpr Message found_word{"found", "发现"};
inline constexpr Message not_opened{"{} #{} has no open event", "{} #{} 没有上报记录"};
inline constexpr Message recorded{"recorded {} #{} · {} {} · {}\n", "已记录 {} #{} · {} {} · {}\n"};
inline constexpr Message step_ack{"acknowledged", "已确认收到"};
inline constexpr Message step_act{"action taken", "已处理"};
inline constexpr Message step_act_acks{"action taken (acknowledging it)", "已处理（同时确认收到）"};
inline constexpr Message step_close{"closed", "已结案"};
inline constexpr Message step_close_acks{"closed (acknowledging it)", "已结案（同时确认收到）"};
}  // namespace say

struct StepOptions {
  std::string number;
  std::string by;
  std::string at;
  std::string note;
};

std::string kind_word(records::CaseKind kind) {
  return std::string(message_language() == Language::zh ? records::label_zh(kind) : records::key(kind));
}

std::int64_t number_of(const std::string& text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 1)
    throw UsageError(say::bad_number(quote_value(text)));
  return id;
}

LocalDateTime at_of(const StepOptions& o, const EntryClock& clock) {
  if (o.at.empty() || o.at == "now" || o.at == "现在") return clock.default_at();
  auto parsed = parse_when(o.at, clock.today);
  if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--at " + error->message);
  return std::get<LocalDateTime>(parsed);
}

std::string staff_of(store::Database& db, const std::string& by, Date day) {
  const auto found = store::staff_named(db, by, format_date(day));
  if (found.empty()) throw DataError(say::no_staff(quote_value(by), format_date(day)));
  if (found.size() > 1) {
    std::string ids;
    for (const auto& s : found) ids += (ids.empty() ? "" : ", ") + s.staff_id;
    throw DataError(say::several_staff(quote_value(by), found.size(), ids));
  }
  return found.front().staff_id;
}

std::string record_kind_word(const std::string& key) {
  const auto kind = records::parse_kind(key);
  if (!kind || message_language() == Language::en) return key;
  return std::string(records::label_zh(*kind));
}

// The case record N belongs to, refused when it is no case of this kind or is withdrawn.
store::CaseTarget case_of(store::Database& db, records::CaseKind kind, std::int64_t id) {
  auto t = store::load_case_target(db, id);
  if (!t.exists) throw DataError(say::no_record(id));
  const bool concern = kind == records::CaseKind::concern;
  if (concern && t.kind != "talk") throw DataError(say::not_a_concern(id, record_kind_word(t.given_kind)));
  if (!concern && t.kind != "incident") throw DataError(say::not_an_incident(id, record_kind_word(t.given_kind)));
  if (concern && t.events.empty()) throw DataError(say::talk_without_concern(id));
  if (t.withdrawn) throw DataError(say::withdrawn(kind_word(kind), t.root));
  return t;
}

std::string staff_shown(const std::optional<std::string>& id) { return id.value_or("-"); }

void refuse(records::StepRefusal why, const records::CaseState& s, const store::CaseTarget& t, const std::string& at,
            const std::string& now) {
  const auto word = kind_word(s.kind);
  switch (why) {
    case records::StepRefusal::none:
      return;
    case records::StepRefusal::not_opened:
      throw DataError(say::not_opened(word, t.root));
    case records::StepRefusal::closed:
      throw DataError(say::closed(word, t.root, s.closed_at.value_or(""), staff_shown(s.closed_by)));
    case records::StepRefusal::already_acknowledged: {
      std::int64_t event = 0;
      for (const auto& e : t.events)
        if (e.step != records::CaseStep::open && event == 0) event = e.id;
      throw DataError(say::already_acknowledged(word, t.root, s.acknowledged_at.value_or(""),
                                                staff_shown(s.acknowledged_by), event));
    }
    case records::StepRefusal::later_than_now:
      throw DataError(say::later_than_now(at, now));
    case records::StepRefusal::before_opened:
      throw DataError(say::before_opened(at, word, t.root,
                                         s.kind == records::CaseKind::concern ? say::opened_word() : say::found_word(),
                                         s.opened_at));
    case records::StepRefusal::before_last_step:
      throw DataError(say::before_last_step(at, s.last_at));
  }
}

std::string step_words(records::CaseStep step, bool acknowledges) {
  switch (step) {
    case records::CaseStep::ack:
      return say::step_ack();
    case records::CaseStep::action:
      return acknowledges ? say::step_act_acks() : say::step_act();
    default:
      return acknowledges ? say::step_close_acks() : say::step_close();
  }
}

int run_step(Context& ctx, records::CaseKind kind, records::CaseStep step, const StepOptions& o) {
  const auto id = number_of(o.number);
  if (util::trim(o.by).empty()) throw UsageError(say::by_required());
  if (step == records::CaseStep::action && util::trim(o.note).empty()) throw UsageError(say::act_needs_note());
  const auto clock = clock_of(ctx);
  const auto at = at_of(o, clock);
  const std::optional<std::string> note = o.note.empty() ? std::nullopt : std::optional<std::string>(o.note);
  auto db = ctx.open_database(store::OpenMode::read_write);
  store::CaseReceipt saved;
  records::CaseEvent event;
  bool acknowledges = false;
  db.transaction([&] {
    const auto staff = staff_of(db, o.by, at.date);
    const auto t = case_of(db, kind, id);
    const auto state = records::fold_case(kind, kind == records::CaseKind::incident ? t.happened_at : "", t.events);
    const auto when = format_local(at);
    refuse(records::check_step(state, step, when, format_local(clock.now)), state, t, when, format_local(clock.now));
    acknowledges = !state.acknowledged_at;
    event.kind = kind;
    event.record_id = t.root;
    event.student_id = kind == records::CaseKind::concern ? state.student_id : std::nullopt;
    event.step = step;
    event.staff_id = staff;
    event.happened_at = when;
    event.entered_at = ctx.timestamp();
    event.entered_by = ctx.user();
    saved = store::append_case_event(db, event, note);
  });
  const bool also_acks = acknowledges && step != records::CaseStep::ack;
  receipt(ctx, say::recorded(kind_word(kind), event.record_id, step_words(step, also_acks), event.happened_at,
                             saved.short_hash));
  return 0;
}

constexpr const char* k_concern_examples = R"(Examples:
  dormlink concern ack 402 --by 陈逸 --at "2026-11-21 09:00"     # when the report reached you
  dormlink concern act 402 --by T2024001 --note "已约谈学生并联系家长"
  dormlink concern close 402 --by T2024001 --note "情况稳定"
  dormlink concern list --open --counselor 陈逸
An act or close on a case nobody acknowledged also acknowledges it (docs/cases.md).)";

constexpr const char* k_incident_examples = R"(Examples:
  dormlink incident ack 5714 --by 李强晟 --at "2026-11-18 22:10"     # the authoritative report time
  dormlink incident act 5714 --by 李强晟 --note "已没收违规电器并通报"
  dormlink incident close 5714 --by 李强晟
  dormlink incident list --open
An act or close on a case nobody acknowledged also acknowledges it (docs/cases.md).)";

void add_step(CLI::App* parent, std::vector<Command>& commands, records::CaseKind kind, records::CaseStep step,
              const char* name, const char* description) {
  auto o = std::make_shared<StepOptions>();
  auto* app = parent->add_subcommand(name, description);
  app->add_option("number", o->number, "The case's number: the talk's or the incident's record number")
      ->required()
      ->type_name("N");
  app->add_option("--by", o->by, "The staff member who took the step: staff id or name (staff roster)")
      ->type_name("STAFF");
  app->add_option("--at", o->at, "When it happened (ack: when the report reached them); default now")
      ->type_name("WHEN");
  app->add_option("--note", o->note,
                  step == records::CaseStep::action ? "What was done (required)" : "A note (optional)")
      ->type_name("TEXT");
  app->footer(kind == records::CaseKind::concern ? k_concern_examples : k_incident_examples);
  commands.push_back({app, [o, kind, step](Context& ctx) { return run_step(ctx, kind, step, *o); }});
}

void add_case_kind(CLI::App& root, std::vector<Command>& commands, records::CaseKind kind) {
  const bool concern = kind == records::CaseKind::concern;
  auto* app = root.add_subcommand(concern ? "concern" : "incident",
                                  concern ? "A member's concern about a student: staff acknowledge, act, close"
                                          : "Incidents as cases: staff acknowledge, act, close");
  app->require_subcommand(1);
  app->footer(concern ? k_concern_examples : k_incident_examples);
  add_step(app, commands, kind, records::CaseStep::ack, "ack", "The report reached the staff member (--at: when)");
  add_step(app, commands, kind, records::CaseStep::action, "act", "What the staff did (--note)");
  add_step(app, commands, kind, records::CaseStep::close, "close", "Close the case");
  add_case_list(app, commands, kind);
}

}  // namespace

void add_case_commands(CLI::App& root, std::vector<Command>& commands) {
  add_case_kind(root, commands, records::CaseKind::concern);
  add_case_kind(root, commands, records::CaseKind::incident);
}

}  // namespace dormlink::cli
