// dormlink import students|dorms|staff FILE: validated, all-or-nothing roster import.
#include <cstdint>
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/confirm.hpp"
#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "cli/progress.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/import_report.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/store/roster_store.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink import dorms examples/college/dorms.csv
  dormlink import students examples/college/students.csv --dry-run
  dormlink import students roster-2027.csv --semester 2027-spring --as-of 2027-02-20 --force
  dormlink import staff staff.csv --encoding gbk
  iconv -f gbk -t utf-8 students.csv | dormlink import students -
  dormlink import form returned/*.xlsx --dry-run
  dormlink import undo 5 --dry-run

Columns and accepted Chinese headers: docs/import.md; returned forms: docs/forms.md)";

// The note of an import (docs/messages.md); the rest of import's messages are in cli/messages.hpp.
namespace say {
inline constexpr Message ignored_columns{"dormlink: note: {}: ignored column(s) {}\n",
                                         "dormlink: 提示：{}：已忽略以下列 {}\n"};
}  // namespace say

enum class RosterKind { students, dorms, staff };

struct ImportOptions {
  std::string file;
  std::string encoding;
  std::string semester;
  bool dry_run = false;
  bool keep_missing = false;
  bool force = false;
  bool yes = false;
};

// An import that would mark more than a tenth of the roster as left (a partial file taken for
// the whole roster): thrown before anything is written, to ask first.
struct SweepingImport {
  std::size_t departed = 0;
  std::size_t before = 0;
};

struct UndoOptions {
  std::int64_t batch = 0;
  bool dry_run = false;
};

// The semester that dates grades: --semester, else the one around --as-of.
const Semester* choose_semester(Context& ctx, const std::string& id) {
  const auto& calendar = ctx.config().calendar;
  if (id.empty()) return calendar.current_or_nearest(ctx.today());
  if (const auto* s = calendar.find(id)) return s;
  std::string known;
  for (const auto& s : calendar.semesters) known += (known.empty() ? "" : ", ") + s.id;
  throw UsageError(msg::semester_unknown(quote_value(id), known.empty() ? msg::none_known(message_language()) : known));
}

// Reads, decodes and parses the roster under the config's [limits]; the bytes are moved from
// step to step, never copied (docs/import.md "Input files and limits").
util::CsvTable read_table(Context& ctx, const ImportOptions& o, std::string& source_name, std::string& encoding_name) {
  const auto forced = forced_encoding(o.encoding);
  auto input = ctx.read_input(o.file);
  source_name = input.name;
  auto decoded = util::decode_text(std::move(input.bytes), source_name, forced);
  encoding_name = std::string(util::encoding_name(decoded.encoding));
  return util::parse_csv(std::move(decoded.utf8), source_name, ctx.csv_limits());
}

roster::ImportSummary parse_and_apply(RosterKind kind, const util::CsvTable& table, const roster::ParseContext& parse,
                                      store::Database& db, const store::ImportContext& context,
                                      roster::ParseNotes& notes) {
  switch (kind) {
    case RosterKind::students:
      return store::import_students(db, roster::parse_students(table, parse, &notes), context);
    case RosterKind::dorms:
      return store::import_dorms(db, roster::parse_dorms(table, parse, &notes), context);
    case RosterKind::staff:
      return store::import_staff(db, roster::parse_staff(table, parse, &notes), context);
  }
  // not a message: an internal error only a bug can cause
  throw Error(ExitCode::internal, "unknown roster kind");
}

// Days from today by the real clock (not --as-of) to the import's effective date. Beyond
// roster::k_max_days_ahead, a real import needs --force; a dry run only says so.
long days_ahead(Context& ctx, Date effective, const ImportOptions& o) {
  const Date today = ctx.real_today();
  const long ahead = (to_days(effective) - to_days(today)).count();
  if (ahead > roster::k_max_days_ahead && !o.force && !o.dry_run) {
    throw UsageError(msg::import_far_ahead(format_date(effective), ahead, format_date(today), roster::k_max_days_ahead,
                                           format_date(effective)));
  }
  return ahead;
}

// parse_and_apply, confirming first (confirm_change) an import that marks more than 10% of the
// roster as left; the first attempt wrote nothing.
roster::ImportSummary apply_confirmed(Context& ctx, RosterKind kind, const ImportOptions& o,
                                      const util::CsvTable& table, const roster::ParseContext& parse,
                                      store::Database& db, store::ImportContext& context, roster::ParseNotes& notes) {
  bool yes = o.yes;
  context.before_writing = [&yes](const roster::ImportSummary& s) {
    const auto before = s.changed + s.unchanged + s.departed;
    if (!yes && s.departed > 0 && s.departed * 10 > before) throw SweepingImport{s.departed, before};
  };
  try {
    return parse_and_apply(kind, table, parse, db, context, notes);
  } catch (const SweepingImport& sweeping) {
    const auto& word = kind == RosterKind::students ? msg::students_roster : msg::staff_roster;
    confirm_change(ctx, false,
                   msg::departures_what(o.file, sweeping.departed, sweeping.before, word(message_language())));
    yes = true;
    notes = {};
    return parse_and_apply(kind, table, parse, db, context, notes);
  }
}

int run_import(Context& ctx, RosterKind kind, const ImportOptions& o) {
  ctx.config();  // the whole config is validated before any work
  const auto* semester = choose_semester(ctx, o.semester);
  const long ahead = days_ahead(ctx, ctx.today(), o);
  store::ImportContext context;
  auto table = read_table(ctx, o, context.source_name, context.encoding);
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  context.semester_id = semester != nullptr ? semester->id : "";
  context.effective = ctx.today();
  context.imported_at = ctx.timestamp();
  context.imported_by = ctx.user();
  context.dry_run = o.dry_run;
  context.departures = !o.keep_missing;
  roster::ParseNotes notes;
  Progress progress(ctx, "import " + context.source_name);
  auto summary = apply_confirmed(ctx, kind, o, table, {context.source_name, semester}, db, context, notes);
  progress.finish();
  if (!notes.ignored_columns.empty()) {
    ctx.err() << say::ignored_columns(context.source_name, report::join_quoted(notes.ignored_columns));
  }
  summary.source_name = context.source_name;
  summary.encoding = context.encoding;
  summary.semester_id = context.semester_id;
  summary.effective_date = format_date(context.effective);
  summary.days_after_today = ahead;
  summary.far_ahead = ahead > roster::k_max_days_ahead;
  if (o.dry_run) {
    emit(ctx, report::render_import_summary(summary, ctx.language()));
  } else if (!ctx.options().quiet) {
    emit(ctx, report::render_import_summary(summary, ctx.language()),
         msg::roster_imported((summary.kind == "students" ? msg::students_roster
                               : summary.kind == "dorms"  ? msg::dorms_roster
                                                          : msg::staff_roster)(message_language()),
                              o.file, summary.effective_date));
  }
  return 0;
}

void add_kind(CLI::App& import, std::vector<Command>& commands, RosterKind kind, const char* name,
              const char* description) {
  auto options = std::make_shared<ImportOptions>();
  auto* app = import.add_subcommand(name, description);
  app->add_option("file", options->file, "CSV file (UTF-8, GBK or UTF-16; Chinese headers)")
      ->required()
      ->type_name("FILE");
  app->add_option("--encoding", options->encoding, "Force the encoding: utf-8, gbk, gb18030, utf-16")
      ->type_name("NAME");
  app->add_option("--semester", options->semester,
                  "Semester that dates grades such as 3 (default: the one around --as-of)")
      ->type_name("ID");
  app->add_flag("--dry-run", options->dry_run, "Validate and show what would change; write nothing");
  app->add_flag("--force", options->force, "Import even though --as-of is more than 31 days after today");
  if (kind != RosterKind::dorms) {
    app->add_flag("--keep-missing", options->keep_missing,
                  "Partial roster: do not mark people missing from the file as left");
    app->add_flag("-y,--yes", options->yes,
                  "Do not ask when more than 10% of the roster would be marked as left (needed without a terminal)");
  }
  app->footer(k_examples);
  commands.push_back({app, [kind, options](Context& ctx) { return run_import(ctx, kind, *options); }});
}

int run_undo(Context& ctx, const UndoOptions& o) {
  ctx.config();  // the whole config is validated before any work
  auto db = ctx.open_database(o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  const store::UndoContext context{o.batch, ctx.timestamp(), ctx.user(), o.dry_run};
  const auto summary = store::undo_import(db, context);
  if (o.dry_run) {
    emit(ctx, report::render_undo_summary(summary, ctx.language()));
  } else if (!ctx.options().quiet) {
    emit(ctx, report::render_undo_summary(summary, ctx.language()),
         msg::batch_undone(summary.undone, summary.undo_batch));
  }
  return 0;
}

void add_undo(CLI::App& import, std::vector<Command>& commands) {
  auto options = std::make_shared<UndoOptions>();
  auto* app =
      import.add_subcommand("undo", "Undo an import: the rosters on every day are again what they were before it");
  app->add_option("batch", options->batch, "The import's batch number (printed by import and roster)")
      ->required()
      ->type_name("BATCH")
      ->check(CLI::PositiveNumber);
  app->add_flag("--dry-run", options->dry_run, "Check and show what would be undone; write nothing");
  app->footer(k_examples);
  commands.push_back({app, [options](Context& ctx) { return run_undo(ctx, *options); }});
}

}  // namespace

void add_import_command(CLI::App& root, std::vector<Command>& commands) {
  auto* import = root.add_subcommand(
      "import", "Import a roster (students, dorms or staff) from CSV, a member's returned form, or undo an import");
  import->require_subcommand(1);
  import->footer(k_examples);
  add_kind(*import, commands, RosterKind::students, "students", "Import the students roster");
  add_kind(*import, commands, RosterKind::dorms, "dorms", "Import the dorms roster");
  add_kind(*import, commands, RosterKind::staff, "staff",
           "Import staff: counselors, head teachers, branch secretaries, inspectors");
  add_import_form_command(*import, commands);
  add_undo(*import, commands);
}

}  // namespace dormlink::cli
