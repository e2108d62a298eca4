// dormlink report summary (docs/reports.md): a counselor's summary of one reporting period for
// the college Party committee; the engine is report_forms.cpp.
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/report_forms.hpp"
#include "cli/report_support.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/store/report_store.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_summary_footer =
    R"(--college: one row per counselor (the totals of that counselor's summary) and the college's
forms, incidents, attention students and overdue counts. --branch: the members of one branch.
Per member and dorm: visits and talks done against due, residents talked with, forms received,
incidents by category and how fast staff acknowledged them (repeats flagged), concerns raised
(the counselor sees each; the committee counts only), attention students as counts, what is
still overdue, assignment changes and the records' chain head. For the committee by default: counts
only, small counts shown as <3. docs/reports.md.

--format html writes the summary as a page with its charts (per member done against required;
dorm by teaching week); --format pdf prints that page with headless Chromium (Debian's
chromium) into -o FILE. docs/html.md.

Examples:
  dormlink report summary --counselor T2024001 --period previous
  dormlink report summary --counselor 陈逸 --period 3 --submit -o summary.md
  dormlink report summary --counselor T2024001 --period 3 --audience counselor --format json
  dormlink report summary --college --period previous -o 全院汇总.md        # the committee's one document
  dormlink report summary --branch 英语系学生第一党支部 --period previous --format xlsx -o 支部.xlsx
  dormlink report summary --counselor T2024001 --period previous --format pdf -o 汇总.pdf)";

}  // namespace

Document summary_document(Context& ctx, store::Database& db, const Loaded& l, const ReportOptions& o, int counselor) {
  report::SummaryInput in;
  in.check = &l.input;
  in.obligations = &l.obligations;
  in.counselor = counselor;
  if (!l.branch.empty()) {
    in.scope = report::SummaryScope::branch;
    in.branch = l.branch;
  } else if (o.college) {
    in.scope = report::SummaryScope::college;
  }
  in.period = l.period;
  in.as_of = l.as_of;
  in.chain = l.chain;
  in.college = ctx.config().college.name;
  in.privacy = privacy_of(ctx.config(), o);
  if (in.privacy.attention_of_named()) {
    std::vector<std::string> ids;
    for (const auto& r : l.input.residences)
      if (r.attention) ids.push_back(l.input.people[static_cast<std::size_t>(r.person)].id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    in.attention = store::load_attention(db, ids, period_end(l));
  }
  for (const auto& row : store::latest_feedback_submissions(db, l.period.semester_id, l.period.number, l.as_of))
    in.hand_ins.emplace_back(row.subject_id, hand_in_of(row).source);
  const auto summary = report::build_counselor_summary(in);
  Document d{"college", summary.college, {}, {}, {}};
  if (in.scope == report::SummaryScope::branch) d = Document{l.branch, l.branch, {}, {}, {}};
  if (in.scope == report::SummaryScope::counselor) {
    const auto& c = l.input.counselors[static_cast<std::size_t>(counselor)];
    d = Document{c.staff_id, c.name, {}, {}, {}};
  }
  if (sheets(o)) {
    d.workbook = report::summary_workbook(summary, ctx.language());
  } else if (pages(o)) {
    d.text = report::render_summary_html(summary, ctx.language());
  } else {
    d.text = o.format == "json" ? report::render_summary_json(summary)
                                : report::render_summary_markdown(summary, ctx.language());
  }
  return d;
}

void add_report_summary(CLI::App* report, std::vector<Command>& commands) {
  auto s = std::make_shared<ReportOptions>();
  s->summary = true;
  auto* summary = report->add_subcommand("summary", "A counselor's summary for the college Party committee");
  summary->add_option("--counselor", s->counselor, "The counselor (staff id or name)")->type_name("WHO");
  summary->add_option("--branch", s->branch, "The members of one Party branch, of every counselor (name or part of it)")
      ->type_name("NAME");
  summary->add_flag("--college", s->college, "The whole college in one document: a row per counselor, the totals");
  add_form_options(summary, *s);
  summary->footer(k_summary_footer);
  commands.push_back({summary, [s](Context& ctx) { return run_form(ctx, *s); }});
}

}  // namespace dormlink::cli
