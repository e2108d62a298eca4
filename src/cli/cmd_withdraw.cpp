// dormlink withdraw N / dormlink purge N: records that withdraw a record, or erase its personal
// text for privacy; both keep the hash chain intact and say why.
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/report_store.hpp"

namespace dormlink::cli {
namespace {

struct FixOptions {
  std::int64_t id = 0;
  std::string reason;
  bool yes = false;  // purge: --yes
};

records::Row pointer_row(const store::RecordStatus& status, records::Kind kind, std::int64_t id,
                         const std::string& reason, Context& ctx) {
  records::Row row;
  row.kind = kind;
  row.member_id = status.member_id;
  row.dorm_code = status.dorm_code;
  row.semester_id = status.semester_id;
  row.entered_at = ctx.timestamp();
  row.happened_at = row.entered_at.substr(0, 16);
  row.entered_by = ctx.user();
  row.corrects = id;
  row.reason = reason;
  return row;
}

// Erases the record's text from every feedback form of its member submitted that semester
// (docs/records.md "Purge"); returns how many forms changed.
int redact_submissions(store::Database& db, const store::RecordStatus& status, const records::EffectiveRecord& before,
                       std::int64_t purge_id) {
  int changed = 0;
  for (const auto& s : store::load_feedback_submissions(db, status.member_id, status.semester_id)) {
    const auto marker = s.language == "zh" ? fmt::format("〔已清除，见记录 #{}〕", purge_id)
                                           : fmt::format("[erased, see record #{}]", purge_id);
    const auto redacted = report::redact_contact(s.document, s.format == "json", before, marker);
    if (redacted == s.document) continue;
    store::redact_submission(db, s.id, redacted, purge_id);
    ++changed;
  }
  return changed;
}

std::string redacted_note(int forms) {
  if (forms == 0) return "";
  return msg::erased_from_forms(forms, forms == 1 ? "" : "s");
}

int run_fix(Context& ctx, const FixOptions& o, records::Kind kind) {
  if (o.reason.empty()) throw UsageError(msg::reason_required());
  if (kind == records::Kind::purge) confirm_change(ctx, o.yes, msg::purge_what(o.id));
  auto db = ctx.open_database(store::OpenMode::read_write);
  store::Receipt receipt;
  int redacted = 0;
  db.transaction([&] {
    auto status = store::record_status(db, o.id);
    if (!status.exists) throw DataError(msg::no_record(o.id));
    if (kind == records::Kind::withdrawal && status.superseded_by) {
      throw DataError(msg::already_superseded(o.id, *status.superseded_by));
    }
    if (kind == records::Kind::purge && status.purged) throw DataError(msg::already_purged(o.id));
    receipt = store::append_record(db, pointer_row(status, kind, o.id, o.reason, ctx), records::Content{});
    if (kind == records::Kind::purge) {
      const auto before = store::load_contact(db, o.id);
      store::purge_content(db, o.id);
      store::purge_case_texts(db, o.id);  // the concern's words and the staff's notes (docs/cases.md)
      if (before) redacted = redact_submissions(db, status, *before, receipt.id);
    }
  });
  if (kind == records::Kind::purge) db.checkpoint();
  if (!ctx.options().quiet) {
    const bool zh = message_language() == Language::zh;
    cli::receipt(
        ctx, msg::pointer_saved(receipt.id, receipt.short_hash, zh ? records::label_zh(kind) : records::key(kind), o.id,
                                redacted_note(redacted)));
  }
  return 0;
}

void add_fix(CLI::App& root, std::vector<Command>& commands, records::Kind kind, const char* name,
             const char* description, const char* examples) {
  auto o = std::make_shared<FixOptions>();
  auto* app = root.add_subcommand(name, description);
  app->add_option("record", o->id, "The record's number (from its receipt)")->required()->type_name("N");
  app->add_option("--reason", o->reason, "Why (required)")->type_name("TEXT");
  if (kind == records::Kind::purge) {
    app->add_flag("-y,--yes", o->yes, "Do not ask: the erasure is confirmed (needed without a terminal)");
  }
  app->footer(examples);
  commands.push_back({app, [o, kind](Context& ctx) { return run_fix(ctx, *o, kind); }});
}

}  // namespace

void add_withdraw_commands(CLI::App& root, std::vector<Command>& commands) {
  add_fix(root, commands, records::Kind::withdrawal, "withdraw", "Withdraw a record (a new record says so and why)",
          "Examples:\n  dormlink withdraw 12 --reason \"重复录入\"");
  add_fix(root, commands, records::Kind::purge, "purge",
          "Erase a record's personal text for privacy; the chain stays verifiable",
          "Examples:\n  dormlink purge 12 --reason \"学生申请删除家庭情况描述\"          # asks at a terminal\n"
          "  dormlink purge 12 --reason \"学生申请删除家庭情况描述\" --yes    # in a script");
}

}  // namespace dormlink::cli
