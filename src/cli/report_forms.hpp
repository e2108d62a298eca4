#pragma once
// The engine of `report feedback` (cmd_report_feedback.cpp) and `report summary`
// (cmd_report_summary.cpp), in report_forms.cpp: the options they share, what a run loads once,
// and the one document each subcommand builds from it.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/sheets.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/report/cultivation.hpp"
#include "dormlink/report/hand_in.hpp"
#include "dormlink/report/period.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/report_store.hpp"

namespace dormlink::cli {

struct ReportOptions {
  bool summary = false;
  std::string member;
  std::string counselor;
  std::string branch;    // feedback --all, summary: the members of this Party branch
  bool college = false;  // summary: the whole college, a row per counselor
  bool all = false;
  std::string period;
  std::string semester;
  std::string format = "md";
  std::string sheet;
  bool raw = false;
  std::string audience;
  bool include_sensitive = false;
  std::string reason;
  std::string output;
  std::string out_dir;
  bool force = false;
  bool submit = false;
  bool on_behalf = false;  // --on-behalf: the counselor submits a member's form for the member
  bool submitted = false;
};

// One rendered document and what it is about.
struct Document {
  std::string subject_id;
  std::string subject_name;
  std::string text;           // md and json; html and pdf: the document's HTML section (not yet a page)
  report::Workbook workbook;  // csv and xlsx
  std::string file;           // --out-dir: its path
};

// What the run loads once and every document reads.
struct Loaded {
  check::CheckInput input;
  std::vector<check::Obligation> obligations;
  records::ChainHead chain;
  report::ReportPeriod period;
  Date as_of{};
  int counselor = -1;               // --counselor's index in input.counselors; -1 without one
  std::string branch;               // --branch resolved to the branch's name; empty without one
  report::Cultivation cultivation;  // feedback: 入党积极分子培养 up to period_end (docs/studio.md)
};

// The last day the period's records are read to: min(as_of, the period's last day).
inline Date period_end(const Loaded& l) {
  return to_days(l.as_of) < to_days(l.period.last_day) ? l.as_of : l.period.last_day;
}

// Who handed the member's form of the period in, by as_of (docs/forms.md).
report::HandIn hand_in_of(store::Database& db, const std::string& member_id, const Loaded& l);
report::HandIn hand_in_of(const store::SubmissionRow& row);

// Whether the output is a sheet (csv, xlsx) rather than text (md, json).
inline bool sheets(const ReportOptions& o) { return is_sheet_format(o.format); }
// Whether the output is a page (html, or pdf printed from it; docs/html.md).
inline bool pages(const ReportOptions& o) { return o.format == "html" || o.format == "pdf"; }

// The audience's privacy (--audience, default counselor for the form, committee for the
// summary; --include-sensitive).
report::Privacy privacy_of(const Config& config, const ReportOptions& o);

// The feedback form of `member` (an index into l.input.people), rendered in --format.
Document feedback_document(Context& ctx, store::Database& db, const Loaded& l, const ReportOptions& o, int member);
// The summary of `counselor` (an index into l.input.counselors), rendered in --format.
Document summary_document(Context& ctx, store::Database& db, const Loaded& l, const ReportOptions& o, int counselor);

// The options both subcommands take (--period, --semester, --format, --audience, -o, --submit ...).
void add_form_options(CLI::App* app, ReportOptions& o);
// Runs a feedback or summary command: --submitted prints the stored document, else the
// documents are built, written and (--submit) recorded.
int run_form(Context& ctx, const ReportOptions& o);

}  // namespace dormlink::cli
