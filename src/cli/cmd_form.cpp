// dormlink form (docs/forms.md "Blank forms out"): one pre-filled blank feedback form
// (学生党员联系寝室情况反馈表) per member for a reporting period, as Excel or CSV files named by
// id and period. The period comes from check::choose_period, who owes the form from
// check::members_due_form, the content from report::build_blank_form.
#include <algorithm>
#include <memory>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/calendar_support.hpp"
#include "cli/context.hpp"
#include "cli/lookup.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/blank_form.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/form_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/xlsx/form.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_footer = R"(Writes one blank feedback form per member into DIR, named by id and period only:
form-<student id>-<semester>-p<N>.xlsx (or .csv). The sheet 反馈表 holds the member's name, id,
branch, semester, period and form id, one row of instructions, the seven columns (联系寝室名称, 时间,
联系学生姓名及方式, 工作进展及成效, 说明, 类型, 方式) with drop-down lists of the member's dorms, the
kinds and the channels, and a 本期无联系 cell; the sheet 寝室学生 lists the residents of the
member's dorms with masked phones; the hidden sheet _dormlink carries the ids a returned file is
matched by. --all writes the forms of every member due the period's form (of --counselor).
--period next is the period after the one holding --as-of. docs/forms.md.

Examples:
  dormlink form --member 2023110104 --period next --out-dir forms
  dormlink form --all --counselor T2024001 --period next --out-dir reports/2026-10-19/forms
  dormlink form --member 李晴紫 --period 3 --format csv --out-dir forms)";

// form's messages (docs/messages.md). English plurals are arguments, left out in Chinese ({1:.0}).
namespace say {
inline constexpr Message member_or_all{"form: give --member WHO or --all", "form：请给出 --member WHO 或 --all"};
inline constexpr Message counselor_needs_all{"--counselor goes with --all", "--counselor 须与 --all 同用"};
inline constexpr Message period_required{"--period is required: a number, current, next or previous",
                                         "需要 --period：期次编号、current、next 或 previous"};
inline constexpr Message out_dir_required{"--out-dir DIR is required: one file is written per member",
                                          "需要 --out-dir DIR：每名党员写出一个文件"};
inline constexpr Message not_a_file_name{"id \"{}\" or semester \"{}\" cannot name a file",
                                         "编号“{}”或学期“{}”不能用作文件名"};
inline constexpr Message nobody_due{"no member is due a form for period {}; no file written\n",
                                    "第{}期没有应交反馈表的党员，没有写出表格。\n"};
inline constexpr Message wrote_form{"wrote {}: blank form of {} ({}) for period {}\n",
                                    "已写出 {}：{}（{}）第{}期空白反馈表\n"};
inline constexpr Message forms_written{"{} blank form{} in {}\n", "共 {0} 份空白反馈表{1:.0}，在 {2}\n"};
}  // namespace say

struct FormOptions {
  std::string member;
  std::string counselor;
  bool all = false;
  std::string period;
  std::string semester;
  std::string out_dir;
  std::string format = "xlsx";
  bool force = false;
};

// One form to write.
struct FormFile {
  std::string path;
  std::string member_name;
  report::BlankForm form;
  std::string bytes;  // rendered before anything is written
};

void check_options(const FormOptions& o) {
  if (o.member.empty() == !o.all) throw UsageError(say::member_or_all());
  if (!o.all && !o.counselor.empty()) throw UsageError(say::counselor_needs_all());
  if (o.period.empty()) throw UsageError(say::period_required());
  if (o.out_dir.empty()) throw UsageError(say::out_dir_required());
}

// The last day whose assignment versions and staff roster the forms read: the period's last day
// when it has not ended (forms are handed out before or during it), else --as-of.
Date evaluation_date(const report::ReportPeriod& period, Date as_of) {
  return to_days(as_of) < to_days(period.last_day) ? period.last_day : as_of;
}

// The members the forms are for (person indices): --member, or --all the members due the
// period's form (of --counselor).
std::vector<int> members_of(Context& ctx, const FormOptions& o, const check::CheckInput& input,
                            const report::ReportPeriod& period, Date on) {
  if (!o.all) return {find_member(input, o.member)};
  report::require_assignment(input, period);
  check::EvaluateOptions options;
  options.keep_met = true;
  options.counselor = o.counselor.empty() ? -1 : find_counselor(input, o.counselor);
  const auto obligations = check::evaluate(input, ctx.config(), on, options);
  return check::members_due_form(input, obligations, period.number, options.counselor);
}

// Ids name files; names never do.
std::string file_for(const FormOptions& o, const report::BlankForm& form) {
  const auto plain = [](const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
    });
  };
  if (!plain(form.member_id) || !plain(form.semester_id)) {
    throw DataError(say::not_a_file_name(form.member_id, form.semester_id));
  }
  return fmt::format("{}/form-{}-{}-p{}.{}", o.out_dir, form.member_id, form.semester_id, form.period, o.format);
}

// Every form, built and its path checked, before anything is written.
std::vector<FormFile> build_forms(Context& ctx, store::Database& db, const FormOptions& o) {
  const Semester* semester = o.semester.empty() ? nullptr : &semester_by_id(ctx, o.semester);
  const auto period = check::choose_period(ctx.config(), {o.period, semester, true}, ctx.today());
  note_period_semester(ctx, o.period, period, ctx.today());
  const Date on = evaluation_date(period, ctx.today());
  const auto input = store::load_check_input(db, ctx.config(), *ctx.config().calendar.find(period.semester_id), on);
  const auto members = members_of(ctx, o, input, period, on);
  const auto roster = store::load_roster(db, period.first_day);
  const std::string secret = store::form_secret(db);
  report::BlankFormInput in;
  in.check = &input;
  in.period = period;
  in.students = &roster.students;
  in.version = DORMLINK_VERSION;
  in.generated_on = ctx.today();
  in.language = ctx.language();
  std::vector<FormFile> files;
  for (int member : members) {
    const auto& person = input.people[static_cast<std::size_t>(member)];
    in.member = member;
    in.form_id = records::make_form_id(secret, person.id, period.semester_id, period.number);
    FormFile f{{}, person.name, report::build_blank_form(in), {}};
    f.path = file_for(o, f.form);
    check_output_path(ctx, f.path, o.force);
    files.push_back(std::move(f));
  }
  if (files.empty() && !ctx.options().quiet) ctx.err() << say::nobody_due(period.number);
  return files;
}

std::string render(Context& ctx, const FormOptions& o, const report::BlankForm& form) {
  if (o.format == "csv") return report::render_blank_form_csv(form);
  xlsx::Options options;
  options.created = ctx.today();
  options.title = fmt::format("{} {} {} 第{}期", form.title, form.member_id, form.semester_id, form.period);
  const auto tmp = ctx.env().read_env("TMPDIR");
  options.temp_dir = tmp && !tmp->empty() ? *tmp : "/tmp";
  return xlsx::render_blank_form(form, options);
}

void print_receipt(Context& ctx, const FormFile& f) {
  if (ctx.options().quiet) return;
  ctx.err() << say::wrote_form(f.path, f.member_name, f.form.member_id, f.form.period);
}

int run_form_command(Context& ctx, const FormOptions& o) {
  check_options(o);
  check_out_dir(o.out_dir);
  auto db = ctx.open_database(store::OpenMode::read_only);
  std::vector<FormFile> files;
  db.transaction([&] { files = build_forms(ctx, db, o); });
  for (auto& f : files) f.bytes = render(ctx, o, f.form);
  for (const auto& f : files) {
    write_output_file(ctx, f.path, f.bytes, o.force);
    print_receipt(ctx, f);
  }
  if (!files.empty() && !ctx.options().quiet)
    ctx.err() << say::forms_written(files.size(), files.size() == 1 ? "" : "s", o.out_dir);
  return 0;
}

}  // namespace

void add_form_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<FormOptions>();
  auto* app = root.add_subcommand("form", "Blank feedback forms (学生党员联系寝室情况反馈表) for members to fill in");
  app->add_option("--member", o->member, "The member (student id or name)")->type_name("WHO");
  app->add_flag("--all", o->all, "Every member due the period's form (of --counselor, if given)");
  app->add_option("--counselor", o->counselor, "With --all: only this counselor's members")->type_name("WHO");
  app->add_option("--period", o->period, "Reporting period: N, current, next or previous (from --as-of)")
      ->type_name("N");
  app->add_option("--semester", o->semester, "Semester id (default: from --as-of)")->type_name("ID");
  app->add_option("--out-dir", o->out_dir, "Write one file per member into DIR (an existing directory)")
      ->type_name("DIR");
  app->add_option("--format", o->format, "xlsx (default) or csv")->check(CLI::IsMember({"xlsx", "csv"}));
  app->add_flag("--force", o->force, "Overwrite existing files");
  app->footer(k_footer);
  commands.push_back({app, [o](Context& ctx) { return run_form_command(ctx, *o); }});
}

}  // namespace dormlink::cli
