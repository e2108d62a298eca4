// dormlink export TABLE (docs/reports.md "export"): students, dorms, members, assignments
// (党员联系寝室分配表), contacts and incidents as CSV for Excel, raw CSV or JSON, with the
// reports' privacy rules; --include-sensitive --reason is audited in the same transaction.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/assessment_support.hpp"
#include "cli/assign_support.hpp"
#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "cli/sheets.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/case.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/store/export_store.hpp"
#include "dormlink/store/report_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"
#include "dormlink/when.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink export assignments > 分配表.csv
  dormlink export assignments --semester 2026-autumn --output assignments.csv
  dormlink export students -o 学生名单.csv
  dormlink export contacts --semester 2026-autumn --format json
  dormlink export students --raw --include-sensitive --reason "学期初名册备份" -o roster.csv
  dormlink export assessment --semester 2026-autumn --format xlsx -o 考核.xlsx)";

// export's messages (docs/messages.md).
namespace say {
inline constexpr Message sensitive_needs_reason{
    "--include-sensitive needs --reason TEXT: say why the sensitive fields are needed",
    "--include-sensitive 需要 --reason TEXT：请说明为什么需要敏感字段"};
inline constexpr Message reason_needs_sensitive{"--reason goes with --include-sensitive",
                                                "--reason 须与 --include-sensitive 同用"};
inline constexpr Message committee_no_names{
    "export assignments: the committee sees no names of students; use report summary",
    "export assignments：学院党委（committee）看不到学生姓名；请用 report summary"};
inline constexpr Message no_assignment{"{} has no committed assignment; run `dormlink assign` first",
                                       "{} 还没有已提交的分配；请先运行 `dormlink assign`"};
}  // namespace say

struct ExportOptions {
  std::string table;
  std::string semester;
  std::string output;
  std::string format = "csv";
  bool raw = false;
  std::string audience;
  bool include_sensitive = false;
  std::string reason;
  bool force = false;
};

void check_options(const ExportOptions& o) {
  if (o.include_sensitive && util::trim(o.reason).empty()) {
    throw UsageError(say::sensitive_needs_reason());
  }
  if (!o.include_sensitive && !o.reason.empty()) throw UsageError(say::reason_needs_sensitive());
  check_sheet_options({o.format, {}, o.raw}, !o.output.empty());
  if (o.table == "assignments" && o.audience == "committee") {
    throw UsageError(say::committee_no_names());
  }
}

report::Privacy privacy_of(Context& ctx, const ExportOptions& o) {
  const auto audience = o.audience.empty() ? report::Audience::counselor : *report::parse_audience(o.audience);
  return report::privacy_for(ctx.config().privacy, audience, o.include_sensitive);
}

// The 党员联系寝室分配表 of the semester's committed assignment.
report::ExportTable assignments_table(Context& ctx, store::Database& db, const ExportOptions& o) {
  const auto& config = ctx.config();
  const auto& semester = choose_assign_semester(ctx, o.semester);
  auto inputs = load_assign_inputs(db, config, semester, ctx.today());
  if (!inputs.current) {
    throw NotFoundError(say::no_assignment(semester.id));
  }
  AssignOptions options;
  auto instance = make_instance(inputs, config, semester, options);
  auto solution = solution_of(instance, *inputs.current);
  auto report = report::build_assignment_report(instance, solution, {}, {});
  return report::assignment_roster_table(report, ctx.language());
}

// The sheet's name in Excel, zh and en side by side.
constexpr struct ExportLabels {
  Words students{"学生", "Students"};
  Words dorms{"寝室", "Dorms"};
  Words members{"党员", "Members"};
  Words assignments{"联系寝室分配表", "Assignments"};
  Words contacts{"联系记录", "Contacts"};
  Words incidents{"特殊情况", "Incidents"};
  Words assessment{"学期考核", "Assessment"};
} k_labels;

std::string sheet_name(const std::string& table, Language language) {
  const auto& l = k_labels;
  if (table == "students") return l.students(language);
  if (table == "dorms") return l.dorms(language);
  if (table == "members") return l.members(language);
  if (table == "assignments") return l.assignments(language);
  if (table == "contacts") return l.contacts(language);
  if (table == "incidents") return l.incidents(language);
  return l.assessment(language);
}

std::string render(Context& ctx, const ExportOptions& o, const report::ExportTable& table) {
  if (o.format == "json") return report::render_table_json(table);
  if (o.format == "xlsx") {
    const report::Workbook book{report::to_sheet(table, o.table, sheet_name(o.table, ctx.language()))};
    return render_sheets(ctx, book, {o.format, {}, false}, "dormlink export " + o.table);
  }
  return report::render_table_csv(table, o.raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
}

// An exported incident as check reads one, to tell repeats (docs/check.md "Repeats"); dorms by a
// number of their own.
check::Incident as_incident(Context& ctx, const records::EffectiveRecord& r, std::int64_t case_id,
                            std::map<std::string, int>& dorms) {
  check::Incident i;
  i.id = r.id;
  i.case_id = case_id;
  i.dorm = r.dorm.empty() ? -1 : dorms.try_emplace(r.dorm, static_cast<int>(dorms.size())).first->second;
  const auto found = parse_when(r.happened_at, ctx.today());
  if (const auto* when = std::get_if<LocalDateTime>(&found)) i.found = *when;
  i.category = r.incident_category;
  for (const auto& s : r.students) i.students.push_back(s.id);
  std::sort(i.students.begin(), i.students.end());
  return i;
}

// Each incident's case: acknowledged time and status (store::load_cases, every step), and the
// case it repeats among the incidents exported.
std::vector<report::IncidentCaseCells> incident_cases(Context& ctx, store::Database& db,
                                                      const std::vector<records::EffectiveRecord>& rows) {
  std::set<std::string> semesters;
  for (const auto& r : rows)
    if (r.kind == "incident") semesters.insert(r.semester_id);
  std::map<std::int64_t, store::CaseInfo> by_record;  // the record in force -> its case
  for (const auto& semester : semesters)
    for (auto& c : store::load_cases(db, semester))
      if (c.kind == records::CaseKind::incident) by_record.emplace(c.in_force, std::move(c));
  std::vector<check::Incident> incidents;
  std::map<std::string, int> dorms;
  for (const auto& r : rows) {
    if (r.kind != "incident") continue;
    const auto c = by_record.find(r.id);
    incidents.push_back(as_incident(ctx, r, c == by_record.end() ? r.id : c->second.record_id, dorms));
  }
  std::vector<report::IncidentCaseCells> cells;
  for (const auto& incident : incidents) {
    report::IncidentCaseCells cell{incident.id, {}, "reported", 0};
    if (const auto c = by_record.find(incident.id); c != by_record.end()) {
      cell.acknowledged_at = c->second.state.acknowledged_at.value_or("");
      cell.status = std::string(records::key(c->second.state.status()));
    }
    cell.repeat_of = check::repeat_of(incident, incidents, ctx.config().duties.repeat_window_days);
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string build(Context& ctx, store::Database& db, const ExportOptions& o, const report::Privacy& privacy) {
  if (o.table == "assignments") return render(ctx, o, assignments_table(ctx, db, o));
  if (o.table == "contacts" || o.table == "incidents") {
    if (!o.semester.empty() && ctx.config().calendar.find(o.semester) == nullptr) {
      throw UsageError(msg::no_such_semester(quote_value(o.semester), ctx.options().config_path));
    }
    auto rows = store::load_export_records(db, o.semester, ctx.today());
    if (o.table == "contacts") return render(ctx, o, report::contacts_table(std::move(rows), privacy));
    if (privacy.audience == report::Audience::committee) return render(ctx, o, report::incidents_table({}, privacy));
    auto cases = incident_cases(ctx, db, rows);
    return render(ctx, o, report::incidents_table(std::move(rows), privacy, cases));
  }
  if (o.table == "assessment") {
    const auto loaded = load_assessment(ctx, db, semester_by_id(ctx, o.semester), {}, privacy);
    return render(ctx, o, report::assessment_table(loaded->assessment, ctx.language()));
  }
  auto roster = store::load_roster(db, ctx.today());
  if (o.table == "dorms") return render(ctx, o, report::dorms_table(std::move(roster.dorms)));
  return render(ctx, o, report::students_table(std::move(roster.students), privacy, o.table == "members"));
}

void audit(Context& ctx, store::Database& db, const ExportOptions& o, const report::Privacy& privacy) {
  store::SensitiveAccess a;
  a.accessed_at = ctx.timestamp();
  a.accessed_by = ctx.user();
  a.command = fmt::format("export {}{}{}", o.table, o.semester.empty() ? "" : " --semester " + o.semester,
                          o.output.empty() || o.output == "-" ? "" : " -o " + o.output);
  a.audience = std::string(report::to_string(privacy.audience));
  a.reason = std::string(util::trim(o.reason));
  store::record_sensitive_access(db, a);
}

int run_export(Context& ctx, const ExportOptions& o) {
  check_options(o);
  const bool to_file = !o.output.empty() && o.output != "-";
  check_output_path(ctx, o.output, o.force);
  const auto privacy = privacy_of(ctx, o);
  auto db = ctx.open_database(o.include_sensitive ? store::OpenMode::read_write : store::OpenMode::read_only);
  std::string content;
  db.transaction([&] {
    content = build(ctx, db, o, privacy);
    if (o.include_sensitive) audit(ctx, db, o, privacy);
    if (to_file) write_output_file(ctx, o.output, content, o.force);
  });
  if (!to_file) emit(ctx, content);
  return 0;
}

}  // namespace

void add_export_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<ExportOptions>();
  auto* app = root.add_subcommand("export", "Export a table as CSV (for Excel or scripts), Excel or JSON");
  app->add_option("table", o->table, "students, dorms, members, assignments, contacts, incidents or assessment")
      ->required()
      ->check(CLI::IsMember({"students", "dorms", "members", "assignments", "contacts", "incidents", "assessment"}));
  app->add_option("--format", o->format, "csv (default), xlsx (Excel; needs -o) or json")
      ->check(CLI::IsMember({"csv", "xlsx", "json"}));
  app->add_flag("--raw", o->raw, "CSV for scripts: no BOM, LF, no ' before formula-like cells");
  app->add_option("--semester", o->semester,
                  "Semester id (assignments, assessment; contacts and incidents: only this one)")
      ->type_name("ID");
  app->add_option("--audience", o->audience, "counselor (default), branch or committee")
      ->check(CLI::IsMember({"counselor", "branch", "committee"}));
  app->add_flag("--include-sensitive", o->include_sensitive, "Full phone numbers and attention categories (audited)");
  app->add_option("--reason", o->reason, "Why the sensitive fields are needed (with --include-sensitive)")
      ->type_name("TEXT");
  app->add_option("-o,--output", o->output, "Write to this file (mode 0600) instead of stdout")->type_name("FILE");
  app->add_flag("--force", o->force, "Overwrite the -o file if it exists");
  app->footer(k_examples);
  commands.push_back({app, [o](Context& ctx) { return run_export(ctx, *o); }});
}

}  // namespace dormlink::cli
