// dormlink report feedback (docs/reports.md): a member's feedback form (学生党员联系寝室情况反馈表)
// for one reporting period, or --all the members due it; the engine is report_forms.cpp.
#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/report_forms.hpp"
#include "cli/report_support.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/store/report_store.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_feedback_footer =
    R"(The form of the regulation's attachment: 党员姓名, 报送时间, then one row per contact (联系寝室名称,
时间, 联系学生姓名及方式, 工作进展及成效, 说明), then what the period required and what is missing
(docs/check.md decides due and overdue). --all writes every member's form into one document,
one section each, or with --out-dir one file per member named feedback-<student id>-p<N>.md.
Phones are masked and attention categories left out unless --include-sensitive --reason
(recorded in the audit table). docs/reports.md.

--format html writes the form as a page to read or print, with lines for the member's and the
counselor's signatures (--all: one page, each member's form starting a new printed page);
--format pdf prints that page with headless Chromium (Debian's chromium) into -o FILE.
docs/html.md.

Examples:
  dormlink report feedback --member 2023110104 --period previous
  dormlink report feedback --all --counselor T2024001 --period 3 --out-dir reports/2026-10-19
  dormlink report feedback --member 李晴紫 --period 3 --submit --on-behalf --reason "本人住院，据记录代为整理"
  dormlink report feedback --member 2023110104 --period 3 --submitted
  dormlink report feedback --all --counselor T2024001 --period 3 --format pdf -o 反馈表-第3期.pdf)";

}  // namespace

Document feedback_document(Context& ctx, store::Database& db, const Loaded& l, const ReportOptions& o, int member) {
  const auto& person = l.input.people[static_cast<std::size_t>(member)];
  report::FeedbackInput in;
  in.check = &l.input;
  in.obligations = &l.obligations;
  in.member = member;
  in.period = l.period;
  in.as_of = l.as_of;
  in.hand_in = hand_in_of(db, person.id, l);
  if (o.on_behalf) {
    // The document being handed in says so itself.
    in.hand_in = {report::HandIn::Source::on_behalf, ctx.timestamp().substr(0, 16), "", o.reason, false};
  }
  in.contacts =
      store::load_contacts(db, person.id, l.period.semester_id, l.period.first_day, period_end(l), period_end(l));
  in.chain = l.chain;
  in.college = ctx.config().college.name;
  in.privacy = privacy_of(ctx.config(), o);
  if (const auto* c = l.cultivation.find(person.id)) in.cultivation = *c;
  const auto form = report::build_feedback_form(in);
  Document d{person.id, person.name, {}, {}, {}};
  if (sheets(o)) {
    d.workbook = report::feedback_workbook(form, ctx.language());
  } else if (pages(o)) {
    d.text = report::render_feedback_html(form, ctx.language());
  } else {
    d.text = o.format == "json" ? report::render_feedback_json(form)
                                : report::render_feedback_markdown(form, ctx.language());
  }
  return d;
}

void add_report_feedback(CLI::App* report, std::vector<Command>& commands) {
  auto f = std::make_shared<ReportOptions>();
  auto* feedback =
      report->add_subcommand("feedback", "A member's feedback form (学生党员联系寝室情况反馈表) for a period");
  feedback->add_option("--member", f->member, "The member (student id or name)")->type_name("WHO");
  feedback->add_flag("--all", f->all, "Every member due a form (of --counselor, if given)");
  feedback->add_option("--counselor", f->counselor, "With --all: only this counselor's members")->type_name("WHO");
  feedback->add_option("--branch", f->branch, "With --all: only this Party branch's members (name or part of it)")
      ->type_name("NAME");
  add_form_options(feedback, *f);
  feedback->footer(k_feedback_footer);
  commands.push_back({feedback, [f](Context& ctx) { return run_form(ctx, *f); }});
}

}  // namespace dormlink::cli
