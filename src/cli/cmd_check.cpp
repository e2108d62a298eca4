// dormlink check: what is overdue, due soon or at risk (docs/check.md). Exit 1 when anything is
// overdue, so a cron job mails only then (with -q it prints nothing otherwise); exit 65 when the
// database is damaged (quick_check, docs/backup.md "Damage").
#include <algorithm>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/calendar_messages.hpp"
#include "cli/calendar_support.hpp"
#include "cli/check_digest.hpp"
#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "cli/lookup.hpp"
#include "cli/messages.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// check's messages (docs/messages.md); the line that stands for an empty listing on standard
// output is in the report's language.
namespace say {
inline constexpr Message no_semester{"{}: the calendar has no semester; add a [[calendar.semester]] block",
                                     "{}：校历中没有任何学期；请加入一个 [[calendar.semester]] 段"};
inline constexpr Message warning{"dormlink: warning: {}\n", "dormlink: 警告：{}\n"};
inline constexpr Message outside_every_semester{"{} is outside every semester; nothing is due.\n",
                                                "{} 不在任何学期内，没有到期事项。\n"};
inline constexpr Message digest_not_csv{
    "--digest is text, md, html, pdf or json; --format csv lists every item (no --digest)",
    "--digest 的格式为 text、md、html、pdf 或 json；--format csv 用于列出全部事项（不加 --digest）"};
inline constexpr Message digest_not_all{"--digest lists what is overdue or due soon; --all goes without --digest",
                                        "--digest 只列出逾期和即将到期的事项；--all 不能与 --digest 同用"};
inline constexpr Message digest_options{"--for, --since, --since-last, --all-items, -o and --force go with --digest",
                                        "--for、--since、--since-last、--all-items、-o 和 --force 须与 --digest 同用"};
inline constexpr Message format_needs_digest{"--format {} goes with --digest; check lists as text, json or csv",
                                             "--format {} 须与 --digest 同用；check 的列表格式为 text、json 或 csv"};
inline constexpr Message raw_needs_csv{"--raw goes with --format csv", "--raw 须与 --format csv 同用"};
inline constexpr Message nothing_checked{"nothing was checked", "未做任何检查"};
}  // namespace say

struct CheckOptions {
  std::string semester;
  std::string member;
  std::string branch;
  std::string counselor;
  std::string format = "text";
  bool raw = false;
  bool all = false;
  bool digest = false;
  DigestRequest digest_request;
};

// The semester to check: --semester, else the one containing --as-of or closing out on it
// (docs/check.md "The semester's edges"). nullptr when the date is outside them all.
const Semester* choose_semester(Context& ctx, const CheckOptions& o, Date as_of) {
  const auto& calendar = ctx.config().calendar;
  if (!o.semester.empty()) {
    const auto* s = calendar.find(o.semester);
    if (s == nullptr) {
      throw UsageError(msg::no_such_semester(quote_value(o.semester), ctx.options().config_path));
    }
    return s;
  }
  if (calendar.semesters.empty()) {
    throw ConfigError(say::no_semester(ctx.options().config_path));
  }
  return checked_semester(ctx.config(), as_of);
}

// A date outside every semester: between two, a line on stdout; before or after them all, a
// warning on stderr naming the semesters and how to add the next. Exit 0 either way: nothing
// is due. The output keeps its format (JSON stays JSON).
int outside_every_semester(Context& ctx, const CheckOptions& o, Date as_of) {
  bool outside_known = false;
  // Between two semesters, a line of the listing (the report's language); else a warning.
  const std::string where = outside_calendar_in(ctx.language(), ctx, as_of, outside_known);
  if (outside_known) ctx.err() << say::warning(outside_calendar(ctx, as_of, outside_known));
  if (o.digest) {
    const auto& r = o.digest_request;
    const std::string line =
        outside_known ? say::outside_every_semester.in(ctx.language(), format_date(as_of)) : where + "\n";
    if (digests_wanted(ctx, r, false)) deliver_digests(ctx, r, digests_document(ctx, {}, r.format, as_of, line));
    return 0;
  }
  if (!prints_result(ctx, o.format, false)) return 0;
  if (o.format == "json") {
    report::CheckListing empty;
    empty.as_of = as_of;
    ctx.out() << report::render_check_json(empty);
  } else if (o.format != "csv" && !outside_known) {
    ctx.out() << where << "\n";
  } else if (o.format != "csv") {
    ctx.out() << say::outside_every_semester.in(ctx.language(), format_date(as_of));
  }
  return 0;
}

// The listed statuses: overdue, due soon, at risk; with --all also pending.
bool listed(check::Status status, bool all) {
  using check::Status;
  return status == Status::overdue || status == Status::due_soon || status == Status::at_risk ||
         (all && status == Status::pending);
}

// Options that only a digest takes, refused without --digest.
void check_digest_options(const CheckOptions& o) {
  const auto& d = o.digest_request;
  if (o.digest) {
    if (o.format == "csv") throw UsageError(say::digest_not_csv());
    if (o.all) throw UsageError(say::digest_not_all());
    return;
  }
  if (!d.recipient.empty() || !d.since.empty() || d.since_last || d.all_items || !d.output.empty() || d.force)
    throw UsageError(say::digest_options());
  if (o.format == "md" || o.format == "html" || o.format == "pdf") throw UsageError(say::format_needs_digest(o.format));
}

int run_check(Context& ctx, CheckOptions& o) {
  if (o.raw && o.format != "csv") throw UsageError(say::raw_needs_csv());
  check_digest_options(o);
  o.digest_request.format = o.format;
  if (o.digest) check_digest_output(ctx, o.digest_request);
  const Date as_of = ctx.today();
  const Semester* chosen = choose_semester(ctx, o, as_of);
  if (o.digest && chosen != nullptr) {
    return run_digest(ctx, o.digest_request, *chosen, o.member, o.branch, o.counselor);
  }
  // Damage is looked for every day, in and out of term: cron runs this command daily. The
  // semester is read while quick_check runs beside it.
  check::CheckInput input;
  int counselor = -1;
  read_undamaged(ctx, say::nothing_checked(), [&](store::Database& db) {
    // --counselor reads only what that counselor's obligations need (store::CheckScope).
    store::CheckScope scope;
    if (!o.counselor.empty() && o.member.empty())
      scope.counselor = [&](const check::CheckInput& in) { return counselor = find_counselor(in, o.counselor); };
    if (chosen != nullptr) input = store::load_check_input(db, ctx.config(), *chosen, as_of, scope);
  });
  if (chosen == nullptr) return outside_every_semester(ctx, o, as_of);
  const Semester& semester = *chosen;
  const int member = o.member.empty() ? -1 : find_member(input, o.member);
  const std::string branch = o.branch.empty() ? std::string() : find_branch(input, o.branch);
  if (!o.counselor.empty() && counselor < 0) counselor = find_counselor(input, o.counselor);

  check::EvaluateOptions options;
  options.keep_met = o.all;
  report::CheckListing listing;
  listing.input = &input;
  listing.as_of = as_of;
  listing.week = semester.teaching_week(as_of);
  for (auto& item : check::evaluate(input, ctx.config(), as_of, options)) {
    if (!listed(item.status, o.all)) continue;
    if (member >= 0 && item.member != member && item.student != member) continue;
    if (counselor >= 0 && item.counselor != counselor) continue;
    if (!branch.empty() && (item.member < 0 || input.people[static_cast<std::size_t>(item.member)].branch != branch))
      continue;
    listing.items.push_back(item);
  }
  const auto counts = report::count_statuses(listing.items);
  if (!prints_result(ctx, o.format, counts.overdue > 0)) return 0;
  if (o.format == "json") {
    ctx.out() << report::render_check_json(listing);
  } else if (o.format == "csv") {
    ctx.out() << report::render_check_csv(listing, o.raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
  } else {
    ctx.out() << report::render_check_text(listing, ctx.language());
  }
  return counts.overdue > 0 ? static_cast<int>(ExitCode::findings) : 0;
}

}  // namespace

void add_check_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<CheckOptions>();
  auto* app = root.add_subcommand("check", "List what is overdue, due soon or at risk (exit 1 when overdue)");
  app->add_option("--semester", o->semester, "Semester id (default: the one containing --as-of)")->type_name("ID");
  app->add_option("--member", o->member, "Only this member (student id or name)")->type_name("WHO");
  app->add_option("--counselor", o->counselor, "Only this counselor's members (staff id or name)")->type_name("WHO");
  app->add_option("--branch", o->branch, "Only the members of this Party branch (its name, or a unique part of it)")
      ->type_name("NAME");
  app->add_option("--format", o->format, "Output: text, json or csv (--digest: text, md, html, pdf or json)")
      ->check(CLI::IsMember({"text", "md", "html", "pdf", "json", "csv"}));
  app->add_flag("--raw", o->raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
  app->add_flag("--all", o->all, "Also list obligations that are not yet due");
  app->add_flag("--digest", o->digest, "A short digest per recipient: incidents, newly overdue, per member, due soon");
  app->add_option("--for", o->digest_request.recipient,
                  "With --digest: counselor:WHO, branch:WHO, member:WHO or committee (default: every counselor)")
      ->type_name("RECIPIENT");
  app->add_option("--since", o->digest_request.since,
                  "With --digest: the day of the last digest; items due from then on are new (default: yesterday)")
      ->type_name("DATE");
  app->add_flag("--since-last", o->digest_request.since_last,
                "With --digest: items due since each recipient's last digest sent by notify are new");
  app->add_flag("--all-items", o->digest_request.all_items, "With --digest: list every line of every section");
  app->add_option("-o,--output", o->digest_request.output,
                  "With --digest: write to FILE (mode 0600; - is stdout; --format pdf needs it)")
      ->type_name("FILE");
  app->add_flag("--force", o->digest_request.force, "With -o: overwrite an existing output file");
  app->footer(
      "Rules: docs/check.md. Days and weeks are the college's local time (college.time_zone).\n"
      "Exit: 0 nothing overdue, 1 something overdue, other codes on errors.\n\n"
      "Examples:\n"
      "  dormlink check\n"
      "  dormlink check --as-of 2026-10-14 --counselor T2024001\n"
      "  dormlink notify --via sendmail          # each counselor's digest by mail (examples/cron/)\n"
      "  dormlink check --format json > check.json\n"
      "  dormlink check --digest --for counselor:T2024001\n"
      "  dormlink check --branch 英语系学生第一党支部 --format csv > branch.csv\n"
      "  dormlink check --digest --for committee --format md\n"
      "  dormlink check --digest --for counselor:T2024001 --format html -o digest.html");
  commands.push_back({app, [o](Context& ctx) { return run_check(ctx, *o); }});
}

}  // namespace dormlink::cli
