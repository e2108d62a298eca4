#include "dormlink/records/csv_entry.hpp"

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/form_parse.hpp"
#include "dormlink/roster/columns.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

using roster::detail::ColumnSpec;

enum Column : std::size_t {
  c_member,
  c_dorm,
  c_time,
  c_students,
  c_channel,
  c_kind,
  c_progress,
  c_note,
  c_reason,
  c_category,
  c_severity,
  c_reported_to,
  c_reported_at,
  c_concern,
  c_escalate_to,
  c_count
};

// REQUIREMENTS §3: the feedback form's columns, then the extra ones dormlink needs.
constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"member", {"党员姓名", "党员", "学生党员", "姓名", "", "", ""}},
    {"dorm", {"联系寝室名称", "联系寝室", "寝室", "", "", "", ""}},
    {"at", {"时间", "联系时间", "日期", "time", "", "", ""}},
    {"students", {"联系学生姓名及方式", "联系学生姓名", "联系学生", "talked", "", "", ""}},
    {"channel", {"方式", "联系方式", "渠道", "", "", "", ""}},
    {"kind", {"类型", "形式", "联系形式", "", "", "", ""}},
    {"progress", {"工作进展及成效", "进展及成效", "工作进展", "", "", "", ""}},
    {"note", {"说明", "备注", "", "", "", "", ""}},
    {"reason", {"原因", "", "", "", "", "", ""}},
    {"category", {"事件类别", "类别", "", "", "", "", ""}},
    {"severity", {"严重程度", "", "", "", "", "", ""}},
    {"reported_to", {"报告对象", "报告给", "", "", "", "", ""}},
    {"reported_at", {"报告时间", "", "", "", "", "", ""}},
    {"concern", {"需上报情况", "上报情况", "需上报事项", "关注事项", "", "", ""}},
    {"escalate_to", {"上报对象", "上报给", "", "", "", "", ""}},
}};

// The messages of the concern columns (docs/cases.md "Opening a concern").
namespace say {
inline constexpr Message bad_escalate_to{"{}: use 辅导员, 班主任 or 学院领导", "{}：请填写 辅导员、班主任 或 学院领导"};
inline constexpr Message escalate_without_concern{"上报对象 goes with 需上报情况 (what is reported)",
                                                  "上报对象 须与 需上报情况（上报的内容）同填"};
}  // namespace say

// 需上报情况 and 上报对象: a concern about the row's one student; nullopt when the row has none.
std::optional<ConcernRequest> read_concern(roster::detail::RowReader& r) {
  if (r.cell(c_concern).empty()) {
    if (!r.cell(c_escalate_to).empty()) r.problem(c_escalate_to, say::escalate_without_concern());
    return std::nullopt;
  }
  ConcernRequest c;
  c.text = std::string(r.cell(c_concern));
  c.in_table = true;
  if (!r.cell(c_escalate_to).empty()) {
    if (auto to = parse_escalation(r.cell(c_escalate_to))) {
      c.escalate_to = *to;
    } else {
      r.problem(c_escalate_to, say::bad_escalate_to(quote_value(r.cell(c_escalate_to))));
    }
  }
  return c;
}

// 联系学生姓名及方式 (records::parse_contact_cell, student ids taken as names as --talked takes
// them): the names, and the cell for the kind and channel rules.
std::optional<ContactCell> read_students(roster::detail::RowReader& r) {
  if (name_problem(r.cell(c_students))) return std::nullopt;  // check_plain_cells said why
  auto parsed = parse_contact_cell(r.cell(c_students), DigitNames::student_ids);
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    r.problem(c_students, *error);
    return std::nullopt;
  }
  auto& cell = std::get<ContactCell>(parsed);
  if (cell.everyone) {
    r.problem(c_students, msg::everyone_not_taken());
    return std::nullopt;
  }
  return std::move(cell);
}

// The channel: the 方式 column, or the manner's channel word; in person when neither says.
std::optional<Channel> read_channel(roster::detail::RowReader& r, const ContactCell& cell) {
  if (r.cell(c_channel).empty()) return cell.channel.value_or(Channel::in_person);
  auto channel = parse_channel(r.cell(c_channel));
  if (!channel) {
    r.problem(c_channel, msg::bad_channel_cell(quote_value(r.cell(c_channel))));
  } else if (cell.channel && *cell.channel != *channel) {
    r.problem(c_channel, msg::channel_conflict(label_zh(*channel), label_zh(*cell.channel)));
  }
  return channel;
}

// The kind: the 类型 column, else docs/forms.md "The kind of a row" (records::decide_kind).
std::optional<Kind> read_kind(roster::detail::RowReader& r, const ContactCell& cell) {
  std::optional<Kind> column;
  if (!r.cell(c_kind).empty()) {
    column = parse_kind(r.cell(c_kind));
    if (!column || points_at_record(*column)) {
      r.problem(c_kind, msg::not_a_kind_csv(quote_value(r.cell(c_kind))));
      return std::nullopt;
    }
  }
  const RowKind decided = decide_kind(column, cell, r.cell(c_progress), r.cell(c_note));
  // A word such as 违规电器 in the text makes a guessed incident, which needs its category.
  if (decided.rule == KindRule::text && decided.kind == Kind::incident && r.cell(c_category).empty()) {
    r.problem(kind_in_text(r.cell(c_progress)) ? c_progress : c_note, msg::incident_without_kind());
    return std::nullopt;
  }
  return decided.kind;
}

// The incident columns of a row; nullopt when it names no category.
std::optional<Incident> read_incident(roster::detail::RowReader& r, Date today) {
  if (r.cell(c_category).empty()) return std::nullopt;
  Incident i;
  if (auto category = parse_incident_category(r.cell(c_category))) {
    i.category = *category;
  } else {
    r.problem(c_category, msg::bad_category_cell(quote_value(r.cell(c_category))));
  }
  if (!r.cell(c_severity).empty() && !(i.severity = parse_severity(r.cell(c_severity)))) {
    r.problem(c_severity, msg::bad_severity_cell(quote_value(r.cell(c_severity))));
  }
  if (!r.cell(c_reported_to).empty() && !(i.reported_to = parse_staff_role(r.cell(c_reported_to)))) {
    r.problem(c_reported_to, msg::bad_reported_to_cell(quote_value(r.cell(c_reported_to))));
  }
  if (!r.cell(c_reported_at).empty()) {
    auto when = parse_when(r.cell(c_reported_at), today);
    if (const auto* error = std::get_if<WhenError>(&when)) {
      r.problem(c_reported_at, error->message);
    } else {
      i.reported_at = format_local(std::get<LocalDateTime>(when));
    }
  }
  return i;
}

std::optional<CsvEntry> read_row(roster::detail::RowReader& r, Date today) {
  CsvEntry e;
  e.line = r.record->line;
  auto& q = e.request;
  q.member = std::string(r.cell(c_member));
  if (q.member.empty()) r.problem(c_member, msg::member_empty());
  if (!r.cell(c_dorm).empty()) q.dorm = std::string(r.cell(c_dorm));
  auto when = parse_when(r.cell(c_time), today);
  if (const auto* error = std::get_if<WhenError>(&when)) {
    r.problem(c_time, error->message);
  } else {
    q.at = std::get<LocalDateTime>(when);
  }
  const auto cell = read_students(r).value_or(ContactCell{});
  for (const auto& name : cell.names) q.talked.push_back(name.name);
  q.channel = read_channel(r, cell);
  if (auto kind = read_kind(r, cell)) q.kind = *kind;
  if (!r.cell(c_progress).empty()) q.content.progress = std::string(r.cell(c_progress));
  if (!r.cell(c_note).empty()) q.content.note = std::string(r.cell(c_note));
  q.reason = std::string(r.cell(c_reason));
  q.incident = read_incident(r, today);
  if (q.incident && q.kind != Kind::incident) r.problem(c_category, msg::category_only_incident());
  q.concern = read_concern(r);
  return e;
}

}  // namespace

std::vector<CsvEntry> parse_record_csv(const util::CsvTable& table, const std::string& source, Date today) {
  ProblemCollector problems;
  roster::detail::ColumnMap map(table, k_columns, source, problems, nullptr);
  static constexpr std::array<std::size_t, 2> required{c_member, c_time};
  roster::detail::require_columns(map, k_columns, required, source, table.header.line, problems);
  roster::detail::require_rows(table, source, problems);
  roster::detail::throw_if_problems(problems, source);
  roster::ParseContext context{source, nullptr};
  roster::detail::RowReader reader{map, context, problems, nullptr};
  std::vector<CsvEntry> out;
  util::CsvReader in = table.reader();
  util::CsvRecord record;
  std::size_t checked = 0;
  while (in.next(record)) {
    if (roster::detail::stop_when_full(problems, table, checked++, record.line)) break;
    if (!roster::detail::check_row_width(map, record, source, problems)) continue;
    reader.record = &record;
    // Names, dorms and choices are plain text as in a roster; progress, note and reason are
    // free text, stored as typed and escaped on output.
    static constexpr std::array<std::size_t, 4> free_text{c_progress, c_note, c_reason, c_concern};
    roster::detail::check_plain_cells(reader, free_text);
    if (auto e = read_row(reader, today)) out.push_back(std::move(*e));
  }
  roster::detail::throw_if_problems(problems, source);
  return out;
}

}  // namespace dormlink::records
