// What `report feedback` and `report summary` share (report_forms.hpp): options, the period,
// who is due, the documents' files, --all, --submit (with the audit) and --submitted, which
// prints the stored document again byte for byte. Due and overdue come from check::evaluate only.
#include <algorithm>
#include <memory>
#include <span>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/calendar_support.hpp"
#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "cli/lookup.hpp"
#include "cli/messages.hpp"
#include "cli/pdf.hpp"
#include "cli/report_forms.hpp"
#include "cli/report_forms_messages.hpp"
#include "cli/report_support.hpp"
#include "cli/sheets.hpp"
#include "cli/studio_support.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/report_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

namespace say = report_msg;

// ---- options ----

void check_options(const ReportOptions& o) {
  if (!o.summary && o.member.empty() == !o.all) throw UsageError(say::feedback_member_or_all());
  if (!o.summary && !o.all && (!o.counselor.empty() || !o.branch.empty()))
    throw UsageError(say::counselor_branch_need_all());
  if (o.summary && (!o.counselor.empty() + !o.branch.empty() + o.college) != 1)
    throw UsageError(say::summary_one_scope());
  if (o.summary && o.submit && o.counselor.empty()) throw UsageError(say::submit_counselor_only());
  if (o.period.empty()) throw UsageError(say::period_required());
  if (o.include_sensitive && util::trim(o.reason).empty()) throw UsageError(say::sensitive_needs_reason());
  if (!o.include_sensitive && !o.on_behalf && !o.reason.empty()) throw UsageError(say::reason_needs_flag());
  if (o.on_behalf && (o.summary || !o.submit)) throw UsageError(say::on_behalf_needs_submit());
  if (o.on_behalf && util::trim(o.reason).empty()) throw UsageError(say::on_behalf_needs_reason());
  if (!o.summary && o.submit && !o.on_behalf) throw UsageError(say::submit_not_for_member());
  if (!o.output.empty() && !o.out_dir.empty()) throw UsageError(say::output_or_out_dir());
  if (o.submit && o.submitted) throw UsageError(say::submit_or_submitted());
  if (o.submitted && o.all) throw UsageError(say::submitted_not_all());
  if (o.submitted && !o.audience.empty()) throw UsageError(say::submitted_no_audience());
  if (o.submitted && !o.out_dir.empty()) throw UsageError(say::submitted_no_out_dir());
  if ((o.submit || o.submitted) && (o.format == "csv" || o.format == "xlsx"))
    throw UsageError(say::submit_md_or_json());
  if ((o.submit || o.submitted) && pages(o)) throw UsageError(say::submit_md_or_json_not_page());
  if (o.format == "pdf" && o.output.empty() && o.out_dir.empty()) throw UsageError(say::pdf_needs_file());
  check_sheet_options(sheet_options(o), !o.output.empty() || !o.out_dir.empty());
}

report::Audience audience_of(const ReportOptions& o) {
  if (o.audience.empty()) return o.summary ? report::Audience::committee : report::Audience::counselor;
  return *report::parse_audience(o.audience);
}

// ---- the period ----

report::ReportPeriod choose_period(Context& ctx, const ReportOptions& o, Date as_of) {
  const Semester* semester = o.semester.empty() ? nullptr : &semester_by_id(ctx, o.semester);
  auto period = check::choose_period(ctx.config(), {o.period, semester}, as_of);
  note_period_semester(ctx, o.period, period, as_of);
  return period;
}

// ---- documents ----

// Ids name files; names never do. An id with anything but letters, digits, '-' or '_' is refused.
std::string file_for(const ReportOptions& o, const report::ReportPeriod& p, const std::string& id) {
  const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
  });
  if (!plain) throw DataError(say::not_a_file_name(id));
  return fmt::format("{}/{}-{}-p{}.{}", o.out_dir, o.summary ? "summary" : "feedback", id, p.number, o.format);
}

std::string sheets_title(Context& ctx, const ReportOptions& o, const report::ReportPeriod& p) {
  return (o.summary ? say::summary_title : say::forms_title).in(ctx.language(), p.semester_id, p.number);
}

// The documents as one HTML page (docs/html.md), each its own section (printing starts each on
// a new page), or that page printed to PDF.
std::string page_of(Context& ctx, const ReportOptions& o, const report::ReportPeriod& p,
                    std::span<const Document> docs) {
  std::string body;
  for (const auto& d : docs) body += d.text;
  const Message& title = o.summary ? say::summary_page_title : say::form_title;
  const std::string name = docs.size() == 1 ? docs.front().subject_name : std::string();
  report::html::Page page{
      docs.size() == 1 ? title.in(ctx.language(), name, p.semester_id, p.number) : sheets_title(ctx, o, p),
      ctx.language(), report::html::Layout::a4, std::move(body)};
  const std::string html = report::html::render_page(page);
  return o.format == "pdf" ? print_pdf(ctx, html) : html;
}

// The documents of --all printed together: one section per member (Markdown, HTML, PDF), a JSON
// array, or one workbook whose sheets hold every member's rows.
std::string combined(Context& ctx, const ReportOptions& o, const report::ReportPeriod& period,
                     const std::vector<Document>& docs) {
  std::string out;
  if (sheets(o)) {
    report::Workbook all;
    for (const auto& d : docs) report::append_workbook(all, d.workbook);
    return render_sheets(ctx, all, sheet_options(o), sheets_title(ctx, o, period));
  }
  if (pages(o)) return page_of(ctx, o, period, docs);
  if (!o.all) return docs.empty() ? out : docs.front().text;
  if (o.format == "json") {
    out = "[\n";
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::string text = docs[i].text;
      while (!text.empty() && text.back() == '\n') text.pop_back();
      out += text + (i + 1 < docs.size() ? ",\n" : "\n");
    }
    return out + "]\n";
  }
  for (std::size_t i = 0; i < docs.size(); ++i) out += (i > 0 ? "\n" : "") + docs[i].text;
  return out;
}

// ---- submitting and auditing ----

// "Now" for a submission: with --as-of, that date at the real time of day (act as if today
// were that date); recorded_at keeps the real clock either way.
std::string submitted_at(Context& ctx) {
  const std::string now = ctx.timestamp();
  if (ctx.options().as_of.empty()) return now;
  return format_date(ctx.today()) + now.substr(10);
}

store::SubmissionRow submission_row(Context& ctx, const ReportOptions& o, const Loaded& l, const Document& d) {
  store::SubmissionRow row;
  row.summary = o.summary;
  row.subject_id = d.subject_id;
  row.semester_id = l.period.semester_id;
  row.period = l.period.number;
  row.submitted_at = submitted_at(ctx);
  row.recorded_at = ctx.timestamp();
  row.submitted_by = ctx.user();
  const Date due = o.summary ? l.period.summary_due : l.period.form_due;
  row.due_date = format_date(due);
  row.late = check::late(ctx.today(), due);  // ctx.today() is submitted_at's date
  row.language = zh(ctx) ? "zh" : "en";
  row.format = o.format == "json" ? "json" : "md";
  row.audience = std::string(report::to_string(audience_of(o)));
  row.sensitive = o.include_sensitive;
  row.document = d.text;
  row.chain_head = l.chain.head;
  row.record_count = l.chain.records;
  row.source = o.summary ? store::SubmissionSource::counselor : store::SubmissionSource::on_behalf;
  if (o.on_behalf) row.reason = std::string(util::trim(o.reason));
  return row;
}

void audit(Context& ctx, store::Database& db, const ReportOptions& o, const Loaded& l, std::size_t documents) {
  std::string scope;
  if (!o.counselor.empty()) scope += " --counselor " + o.counselor;
  if (!o.branch.empty()) scope += " --branch " + o.branch;
  if (o.college) scope += " --college";
  const std::string who = o.all ? fmt::format("--all{} ({} members)", scope, documents)
                                : (o.summary ? scope.substr(1) : "--member " + o.member);
  store::SensitiveAccess a;
  a.accessed_at = ctx.timestamp();
  a.accessed_by = ctx.user();
  a.command = fmt::format("report {} {} --semester {} --period {}{}{}", o.summary ? "summary" : "feedback", who,
                          l.period.semester_id, l.period.number, o.submit ? " --submit" : "",
                          o.submitted ? " --submitted" : "");
  a.audience = std::string(report::to_string(audience_of(o)));
  a.reason = std::string(util::trim(o.reason));
  store::record_sensitive_access(db, a);
}

void print_receipt(Context& ctx, const store::SubmissionRow& row, std::int64_t id, const std::string& name) {
  if (ctx.options().quiet) return;
  const Message& receipt = row.summary ? (row.late ? say::submitted_summary_late : say::submitted_summary)
                                       : (row.late ? say::submitted_form_late : say::submitted_form);
  ctx.err() << receipt(id, name, row.subject_id, row.period, row.submitted_at, row.due_date);
}

// ---- running ----

Loaded load(Context& ctx, store::Database& db, const ReportOptions& o) {
  Loaded l;
  l.as_of = ctx.today();
  l.period = choose_period(ctx, o, l.as_of);
  const auto* semester = ctx.config().calendar.find(l.period.semester_id);
  // A summary, and the forms of one counselor's members, read only what that counselor's
  // obligations need (store::CheckScope).
  const bool one_counselor = !o.counselor.empty() && (o.summary || o.all);
  store::CheckScope scope;
  if (one_counselor)
    scope.counselor = [&](const check::CheckInput& input) { return l.counselor = find_counselor(input, o.counselor); };
  l.input = store::load_check_input(db, ctx.config(), *semester, l.as_of, scope);
  if (!o.counselor.empty() && l.counselor < 0) l.counselor = find_counselor(l.input, o.counselor);
  if (!o.branch.empty()) l.branch = find_branch(l.input, o.branch);
  check::EvaluateOptions options;
  options.keep_met = true;
  if (one_counselor) options.counselor = l.counselor;
  if (o.summary) {
    // A summary tallies the period's obligations (due from its first day to its form, summary,
    // incident reports and concerns' acknowledgements, at most incident_report_hours or
    // concern_ack_hours later) and counts every overdue one.
    options.keep_met_from = l.period.first_day;
    const auto& duties = ctx.config().duties;
    const int hours_days = (std::max(duties.incident_report_hours, duties.concern_ack_hours) + 23) / 24;
    const auto last =
        std::max(to_days(l.period.summary_due), to_days(l.period.last_day) + std::chrono::days{hours_days});
    options.keep_met_to = Date{last + std::chrono::days{1}};
  }
  l.obligations = check::evaluate(l.input, ctx.config(), l.as_of, options);
  l.chain = store::load_chain_head(db);
  if (!o.summary) l.cultivation = load_cultivation(ctx, db, l.input, period_end(l));
  return l;
}

// A feedback form is a member's: one who holds no dorm in any assignment of the semester (a
// resident, or a member not assigned) gets no form, with the reason, rather than an empty one.
void refuse_unless_holder(const check::CheckInput& input, int person, const std::string& typed) {
  for (const auto& version : input.assignments)
    for (const auto& pair : version.pairs)
      if (pair.second == person) return;
  const auto& p = input.people[static_cast<std::size_t>(person)];
  throw UsageError(msg::holds_no_dorm(quote_value(typed), p.name, p.id, input.semester.id));
}

std::vector<Document> build_documents(Context& ctx, store::Database& db, const Loaded& l, const ReportOptions& o) {
  std::vector<Document> docs;
  if (o.summary) {
    docs.push_back(summary_document(ctx, db, l, o, l.counselor));
  } else if (!o.all) {
    const int member = find_member(l.input, o.member);
    refuse_unless_holder(l.input, member, o.member);
    docs.push_back(feedback_document(ctx, db, l, o, member));
  } else {
    for (int member : check::members_due_form(l.input, l.obligations, l.period.number, l.counselor)) {
      if (!l.branch.empty() && l.input.people[static_cast<std::size_t>(member)].branch != l.branch) continue;
      docs.push_back(feedback_document(ctx, db, l, o, member));
    }
  }
  if (!o.out_dir.empty()) {
    for (auto& d : docs) {
      d.file = file_for(o, l.period, d.subject_id);
      check_output_path(ctx, d.file, o.force);
    }
  }
  return docs;
}

void write_outputs(Context& ctx, const ReportOptions& o, const report::ReportPeriod& period,
                   const std::vector<Document>& docs) {
  if (!o.out_dir.empty()) {
    for (const auto& d : docs) {
      std::string bytes = d.text;
      if (sheets(o)) bytes = render_sheets(ctx, d.workbook, sheet_options(o), sheets_title(ctx, o, period));
      if (pages(o)) bytes = page_of(ctx, o, period, std::span<const Document>(&d, 1));
      write_output_file(ctx, d.file, bytes, o.force);
    }
  } else if (!o.output.empty() && o.output != "-") {
    write_output_file(ctx, o.output, combined(ctx, o, period, docs), o.force);
  }
}

bool to_stdout(const ReportOptions& o) { return o.out_dir.empty() && (o.output.empty() || o.output == "-"); }

int run_report(Context& ctx, const ReportOptions& o) {
  check_options(o);
  check_output_path(ctx, o.output, o.force);
  check_out_dir(o.out_dir);
  if (o.format == "pdf") require_chromium(ctx);  // before anything is read or written
  if (o.submit && to_days(ctx.today()) > to_days(ctx.real_today())) {
    throw UsageError(say::submit_after_today(format_date(ctx.today()), format_date(ctx.real_today())));
  }
  const bool writes = o.submit || o.include_sensitive;
  const auto mode = writes ? store::OpenMode::read_write : store::OpenMode::read_only;
  // What is submitted is final: never a document built from a damaged file.
  auto db = o.submit ? open_undamaged(ctx, mode, say::nothing_submitted()) : ctx.open_database(mode);
  std::vector<Document> docs;
  std::vector<std::pair<store::SubmissionRow, std::int64_t>> receipts;
  std::string printed;
  db.transaction([&] {
    const Loaded l = load(ctx, db, o);
    docs = build_documents(ctx, db, l, o);
    if (o.all && docs.empty() && !ctx.options().quiet) ctx.err() << say::nobody_due(l.period.number);
    for (const auto& d : docs) {
      if (!o.submit) continue;
      auto row = submission_row(ctx, o, l, d);
      const auto id = store::save_submission(db, row);
      receipts.emplace_back(std::move(row), id);
    }
    if (o.include_sensitive) audit(ctx, db, o, l, docs.size());
    write_outputs(ctx, o, l.period, docs);
    // What --submit records is what was printed: the output goes out before the commit.
    if (to_stdout(o) && o.submit) emit(ctx, combined(ctx, o, l.period, docs));
    if (to_stdout(o) && !o.submit) printed = combined(ctx, o, l.period, docs);
  });
  if (to_stdout(o) && !o.submit) emit(ctx, printed);
  for (std::size_t i = 0; i < receipts.size(); ++i)
    print_receipt(ctx, receipts[i].first, receipts[i].second, docs[i].subject_name);
  return 0;
}

// Which submission --submitted printed, and when it was made (standard error).
void print_stored(Context& ctx, const store::StoredSubmission& stored) {
  const auto& r = stored.row;
  const std::string head = r.chain_head.substr(0, 12);
  if (r.redacted_by) {
    ctx.err() << (r.late ? say::stored_late_redacted : say::stored_redacted)(
        r.id, stored.number, stored.count, r.submitted_by, r.submitted_at, r.format, r.due_date, head, r.record_count,
        *r.redacted_by);
  } else {
    ctx.err() << (r.late ? say::stored_late : say::stored)(r.id, stored.number, stored.count, r.submitted_by,
                                                           r.submitted_at, r.format, r.due_date, head, r.record_count);
  }
}

// --submitted: the latest stored document, byte for byte; which one and when on stderr.
int run_submitted(Context& ctx, const ReportOptions& o) {
  check_options(o);
  check_output_path(ctx, o.output, o.force);
  auto db = ctx.open_database(o.include_sensitive ? store::OpenMode::read_write : store::OpenMode::read_only);
  std::optional<store::StoredSubmission> stored;
  std::string subject_name;
  db.transaction([&] {
    const Loaded l = load(ctx, db, o);
    const bool summary = o.summary;
    std::string id;
    if (summary) {
      const auto& c = l.input.counselors[static_cast<std::size_t>(l.counselor)];
      id = c.staff_id;
      subject_name = c.name;
    } else {
      const auto& p = l.input.people[static_cast<std::size_t>(find_member(l.input, o.member))];
      id = p.id;
      subject_name = p.name;
    }
    stored = store::latest_submission(db, summary, id, l.period.semester_id, l.period.number);
    if (!stored) {
      throw NotFoundError((summary ? say::no_submitted_summary : say::no_submitted_form)(
          subject_name, id, l.period.number, l.period.semester_id));
    }
    if (stored->row.sensitive && !o.include_sensitive) {
      throw UsageError(say::submission_sensitive(stored->row.id));
    }
    if (o.include_sensitive) audit(ctx, db, o, l, 1);
    if (!o.output.empty() && o.output != "-") write_output_file(ctx, o.output, stored->row.document, o.force);
  });
  if (o.output.empty() || o.output == "-") emit(ctx, stored->row.document);
  print_stored(ctx, *stored);
  return 0;
}

}  // namespace

void add_form_options(CLI::App* app, ReportOptions& o) {
  app->add_option("--period", o.period, "Reporting period: N, current or previous (from --as-of)")->type_name("N");
  app->add_option("--semester", o.semester, "Semester id (default: from --as-of)")->type_name("ID");
  add_format_options(app, o, Formats::printable);
  app->add_option("--audience", o.audience, "Who reads it: counselor, branch or committee")
      ->check(CLI::IsMember({"counselor", "branch", "committee"}));
  app->add_flag("--include-sensitive", o.include_sensitive,
                "Phones in full, attention categories (needs --reason; audited)");
  app->add_option("--reason", o.reason, "Why the sensitive fields are needed (recorded)")->type_name("TEXT");
  app->add_option("-o,--output", o.output, "Write to FILE (mode 0600; - is stdout)")->type_name("FILE");
  app->add_option("--out-dir", o.out_dir, "Write one file per document into DIR, named by id and period")
      ->type_name("DIR");
  app->add_flag("--force", o.force, "Overwrite an existing output file");
  app->add_flag("--submit", o.submit, "Record this document as submitted (table submission)");
  if (!o.summary) {
    app->add_flag("--on-behalf", o.on_behalf,
                  "With --submit: hand in the form for the member (needs --reason; shown as 代为整理)");
  }
  app->add_flag("--submitted", o.submitted, "Print the latest submitted document byte for byte");
}

int run_form(Context& ctx, const ReportOptions& o) { return o.submitted ? run_submitted(ctx, o) : run_report(ctx, o); }

report::Privacy privacy_of(const Config& config, const ReportOptions& o) {
  return report::privacy_for(config.privacy, audience_of(o), o.include_sensitive);
}

report::HandIn hand_in_of(const store::SubmissionRow& r) {
  report::HandIn h;
  h.source =
      r.source == store::SubmissionSource::member ? report::HandIn::Source::member : report::HandIn::Source::on_behalf;
  h.at = r.submitted_at.substr(0, 16);
  h.file = r.file_name;
  h.reason = r.reason;
  h.late = r.late;
  return h;
}

report::HandIn hand_in_of(store::Database& db, const std::string& member_id, const Loaded& l) {
  for (const auto& row : store::latest_feedback_submissions(db, l.period.semester_id, l.period.number, l.as_of))
    if (row.subject_id == member_id) return hand_in_of(row);
  return {};
}

}  // namespace dormlink::cli
