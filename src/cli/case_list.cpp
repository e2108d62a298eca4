// dormlink concern list / incident list: a semester's cases for staff, with names; the texts only
// with --include-sensitive --reason, audited (docs/cases.md "Lists").
#include "cli/case_list.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "dormlink/check/obligations.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/store/report_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of the lists (docs/messages.md).
namespace say {
inline constexpr Message sensitive_needs_reason{"--include-sensitive needs --reason TEXT: say why the texts are needed",
                                                "--include-sensitive 需要 --reason TEXT：请说明为什么需要这些文字"};
inline constexpr Message reason_needs_sensitive{"--reason goes with --include-sensitive",
                                                "--reason 须与 --include-sensitive 同用"};
inline constexpr Message unknown_semester{"--semester {}: no such semester in the config",
                                          "--semester {}：配置文件中没有这个学期"};
inline constexpr Message no_semester{"{} is in no semester of the config; give --semester",
                                     "{} 不在配置文件的任何学期内；请给出 --semester"};
inline constexpr Message no_counselor{
    "--counselor {}: no counselor on the staff roster of {} has that staff id or name",
    "--counselor {}：{} 的教职工名册上没有这个工号或姓名的辅导员"};
inline constexpr Message several_counselors{"--counselor {}: {} counselors have that name ({}); give the staff id",
                                            "--counselor {}：有 {} 名辅导员同名（{}）；请给出工号"};
inline constexpr Message none{"{}: no {}{}\n", "{}：没有{}{}\n"};
inline constexpr Message open_only{"open ", "尚未结案的"};
}  // namespace say

struct ListOptions {
  std::string counselor;
  bool open = false;
  std::string format = "text";
  bool raw = false;
  std::string semester;
  bool include_sensitive = false;
  std::string reason;
};

// The rosters of the as-of day: names for ids, and the counselors.
struct Rosters {
  std::map<std::string, const roster::StudentRow*> students;
  std::map<std::string, std::string> staff_names;
  std::vector<check::Counselor> counselors;
};

Rosters rosters_of(const roster::Snapshot& snapshot) {
  Rosters r;
  for (const auto& s : snapshot.students) r.students[s.student_id] = &s;
  for (const auto& s : snapshot.staff) {
    r.staff_names.emplace(s.staff_id, s.facts.name);
    if (s.role == StaffRole::counselor)
      r.counselors.push_back({s.staff_id, s.facts.name, s.facts.cohorts, s.facts.classes});
  }
  return r;
}

int counselor_index(const Rosters& r, const std::string& text, Date day) {
  std::vector<int> found;
  for (std::size_t i = 0; i < r.counselors.size(); ++i) {
    if (r.counselors[i].staff_id == text) return static_cast<int>(i);
    if (r.counselors[i].name == text) found.push_back(static_cast<int>(i));
  }
  if (found.empty()) throw UsageError(say::no_counselor(quote_value(text), format_date(day)));
  if (found.size() > 1) {
    std::string ids;
    for (int i : found) ids += (ids.empty() ? "" : ", ") + r.counselors[static_cast<std::size_t>(i)].staff_id;
    throw UsageError(say::several_counselors(quote_value(text), found.size(), ids));
  }
  return found.front();
}

const Semester& semester_of(Context& ctx, const ListOptions& o) {
  const auto& calendar = ctx.config().calendar;
  if (!o.semester.empty()) {
    if (const auto* s = calendar.find(o.semester)) return *s;
    throw UsageError(say::unknown_semester(quote_value(o.semester)));
  }
  if (const auto* s = calendar.attributed(ctx.today())) return *s;
  throw UsageError(say::no_semester(format_date(ctx.today())));
}

bool zh() { return message_language() == Language::zh; }

std::string student_name(const Rosters& r, const std::string& id) {
  const auto it = r.students.find(id);
  return it == r.students.end() ? id : it->second->facts.name;
}

std::string staff_name(const Rosters& r, const std::optional<std::string>& id) {
  if (!id) return "";
  const auto it = r.staff_names.find(*id);
  return it == r.staff_names.end() ? *id : it->second;
}

// One column: key (JSON), headers, and whether the text table shows it.
struct Column {
  const char* key;
  const char* zh;
  const char* en;
  bool in_text;
  report::JsonType json = report::JsonType::text;
};

// The columns of a kind's list; a column added here (e.g. a repeat flag) appears in every format.
std::vector<Column> columns_of(records::CaseKind kind, bool sensitive) {
  const bool concern = kind == records::CaseKind::concern;
  std::vector<Column> c{
      {"number", "编号", "No.", true, report::JsonType::integer},
      {"member", "党员", "Member", true},
      {"member_id", "党员学号", "Member id", false},
      {"dorm", "寝室", "Dorm", true},
      {"student", "学生", "Student", true},
      {"student_id", "学生学号", "Student id", false},
  };
  if (concern) {
    c.push_back({"escalate_to", "上报对象", "Reported to", true});
    c.push_back({"opened_at", "谈心时间", "Talk at", true});
  } else {
    c.push_back({"category", "类别", "Category", true});
    c.push_back({"found_at", "发现时间", "Found", true});
    c.push_back({"claimed_reported_at", "党员称已报告", "Member says reported", true});
  }
  c.push_back({"acknowledged_at", "确认收到", "Acknowledged", true});
  c.push_back({"acknowledged_by", "确认人", "By", true});
  c.push_back({"status", "状态", "Status", true});
  c.push_back({"last_step", "最近一步", "Last step", true});
  c.push_back({"actions", "处理次数", "Actions", false, report::JsonType::integer});
  c.push_back({"closed_at", "结案时间", "Closed", false});
  if (sensitive) c.push_back({"text", concern ? "关注内容及处理说明" : "处理说明", "Text", true});
  return c;
}

std::string step_label(records::CaseStep step) {
  return std::string(zh() ? records::label_zh(step) : records::key(step));
}

// The concern's words and the staff's notes, in order ("确认收到：…").
std::string texts_of(const store::CaseInfo& c, const records::CaseState& s,
                     const std::map<std::int64_t, std::string>& texts) {
  std::string out;
  for (const auto& e : c.events) {
    if (std::find(s.event_ids.begin(), s.event_ids.end(), e.id) == s.event_ids.end()) continue;
    const auto it = texts.find(e.id);
    if (it == texts.end()) continue;
    out += (out.empty() ? "" : " / ") + step_label(e.step) + (zh() ? "：" : ": ") + it->second;
  }
  return out;
}

std::vector<std::string> row_of(const store::CaseInfo& c, const records::CaseState& s, const Rosters& r,
                                const std::map<std::int64_t, std::string>* texts) {
  const bool concern = c.kind == records::CaseKind::concern;
  std::vector<std::string> students = concern && s.student_id ? std::vector<std::string>{*s.student_id} : c.students;
  std::string names;
  std::string ids;
  for (const auto& id : students) {
    names += (names.empty() ? "" : "、") + student_name(r, id);
    ids += (ids.empty() ? "" : ";") + id;
  }
  std::vector<std::string> row{std::to_string(c.record_id),
                               student_name(r, c.member_id),
                               c.member_id,
                               c.dorm.empty() ? "-" : c.dorm,
                               names,
                               ids};
  if (concern) {
    const auto to = s.escalate_to.value_or(records::Escalation::counselor);
    row.emplace_back(zh() ? records::label_zh(to) : records::key(to));
    row.push_back(s.opened_at);
  } else {
    const auto category = records::parse_incident_category(c.incident_category);
    row.push_back(category && zh() ? std::string(records::label_zh(*category)) : c.incident_category);
    row.push_back(s.opened_at);
    row.push_back(c.reported_at);
  }
  row.push_back(s.acknowledged_at.value_or(""));
  row.push_back(staff_name(r, s.acknowledged_by));
  row.emplace_back(zh() ? records::label_zh(s.status()) : records::key(s.status()));
  row.push_back(s.last_step ? step_label(*s.last_step) + " " + s.last_at : "");
  row.push_back(std::to_string(s.actions));
  row.push_back(s.closed_at.value_or(""));
  if (texts != nullptr) row.push_back(texts_of(c, s, *texts));
  return row;
}

void audit(Context& ctx, store::Database& db, records::CaseKind kind, const Semester& semester, const ListOptions& o) {
  store::SensitiveAccess a;
  a.accessed_at = ctx.timestamp();
  a.accessed_by = ctx.user();
  a.command = fmt::format("{} list --semester {}{}", records::key(kind), semester.id,
                          o.counselor.empty() ? "" : " --counselor " + o.counselor);
  a.audience = "counselor";
  a.reason = std::string(util::trim(o.reason));
  store::record_sensitive_access(db, a);
}

std::string render(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                   const ListOptions& o) {
  if (o.format == "text") {
    report::Table table;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i].in_text) continue;
      table.header.emplace_back(zh() ? columns[i].zh : columns[i].en);
      table.align.push_back(i == 0 ? report::Align::right : report::Align::left);
    }
    for (const auto& row : rows) {
      auto& out = table.rows.emplace_back();
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].in_text) out.push_back(row[i].empty() ? "-" : row[i]);
    }
    return report::render_text(table);
  }
  report::ExportTable table;
  for (const auto& c : columns) {
    table.columns.push_back({c.key, zh() ? c.zh : c.en, c.json == report::JsonType::integer, c.json});
  }
  table.rows = rows;
  if (o.format == "json") return report::render_table_json(table);
  return report::render_table_csv(table, o.raw ? report::CsvFlavor::raw : report::CsvFlavor::excel);
}

int run_list(Context& ctx, records::CaseKind kind, const ListOptions& o) {
  if (o.include_sensitive && util::trim(o.reason).empty()) throw UsageError(say::sensitive_needs_reason());
  if (!o.include_sensitive && !o.reason.empty()) throw UsageError(say::reason_needs_sensitive());
  const auto& semester = semester_of(ctx, o);
  const auto day = ctx.today();
  const auto as_of = format_date(day) + " 23:59";
  auto db = ctx.open_database(o.include_sensitive ? store::OpenMode::read_write : store::OpenMode::read_only);
  const auto columns = columns_of(kind, o.include_sensitive);
  std::vector<std::vector<std::string>> rows;
  db.transaction([&] {
    const auto snapshot = store::load_roster(db, day);
    const auto r = rosters_of(snapshot);
    const int counselor = o.counselor.empty() ? -1 : counselor_index(r, o.counselor, day);
    for (const auto& c : store::load_cases(db, semester.id)) {
      if (c.kind != kind) continue;
      const auto s = records::fold_case(kind, kind == records::CaseKind::incident ? c.opened_at : "", c.events, as_of);
      if (s.opened_at.empty() || as_of < s.opened_at || (o.open && s.closed_at)) continue;
      if (counselor >= 0) {
        const auto it = r.students.find(c.member_id);
        if (it == r.students.end() ||
            check::counselor_for(r.counselors, it->second->facts.class_name, it->second->facts.cohort) != counselor)
          continue;
      }
      std::map<std::int64_t, std::string> texts;
      if (o.include_sensitive) texts = store::load_case_texts(db, s.event_ids);
      rows.push_back(row_of(c, s, r, o.include_sensitive ? &texts : nullptr));
    }
    if (o.include_sensitive) audit(ctx, db, kind, semester, o);
  });
  if (rows.empty() && o.format == "text") {
    const auto word = std::string(zh() ? records::label_zh(kind) : records::key(kind)) + (zh() ? "" : "s");
    if (!ctx.options().quiet) ctx.out() << say::none(semester.id, o.open ? say::open_only() : "", word);
    return 0;
  }
  ctx.out() << render(columns, rows, o);
  return 0;
}

}  // namespace

void add_case_list(CLI::App* parent, std::vector<Command>& commands, records::CaseKind kind) {
  auto o = std::make_shared<ListOptions>();
  auto* app = parent->add_subcommand("list", "The semester's cases: reported, acknowledged, action, closed");
  app->add_option("--counselor", o->counselor, "Only this counselor's members (staff id or name)")->type_name("STAFF");
  app->add_flag("--open", o->open, "Only cases not closed");
  app->add_option("--semester", o->semester, "Semester id (default: the --as-of semester)")->type_name("ID");
  app->add_option("--format", o->format, "text (default), json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  app->add_flag("--raw", o->raw, "With --format csv: for scripts (no BOM, LF, no ' before formula-like cells)");
  app->add_flag("--include-sensitive", o->include_sensitive, "The concern's text and the staff's notes (audited)");
  app->add_option("--reason", o->reason, "Why the texts are needed (with --include-sensitive)")->type_name("TEXT");
  commands.push_back({app, [o, kind](Context& ctx) { return run_list(ctx, kind, *o); }});
}

}  // namespace dormlink::cli
