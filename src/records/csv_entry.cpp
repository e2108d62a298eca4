#include "dormlink/records/csv_entry.hpp"

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/roster/columns.hpp"
#include "dormlink/util/text.hpp"

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
}};

// "张三、李四（当面）": the names, and the channel in trailing brackets if any.
std::vector<std::string> split_students(std::string_view cell, std::string& channel) {
  std::string text(util::trim(cell));
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    auto start = text.rfind(open);
    if (start != std::string::npos && text.size() >= close.size() &&
        text.compare(text.size() - close.size(), close.size(), close) == 0) {
      channel = std::string(util::trim(
          std::string_view(text).substr(start + open.size(), text.size() - close.size() - start - open.size())));
      text.resize(start);
      break;
    }
  }
  return roster::detail::split_list(text);
}

// The incident columns of a row; nullopt when it names no category.
std::optional<Incident> read_incident(roster::detail::RowReader& r, Date today) {
  if (r.cell(c_category).empty()) return std::nullopt;
  Incident i;
  if (auto category = parse_incident_category(r.cell(c_category))) {
    i.category = *category;
  } else {
    r.problem(c_category, fmt::format("{}: use 赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪 "
                                      "or 突发事件",
                                      quote_value(r.cell(c_category))));
  }
  if (!r.cell(c_severity).empty() && !(i.severity = parse_severity(r.cell(c_severity)))) {
    r.problem(c_severity, fmt::format("{}: use 轻, 一般 or 严重", quote_value(r.cell(c_severity))));
  }
  if (!r.cell(c_reported_to).empty() && !(i.reported_to = parse_staff_role(r.cell(c_reported_to)))) {
    r.problem(c_reported_to, fmt::format("{}: use 辅导员, 班主任 or 支部书记", quote_value(r.cell(c_reported_to))));
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
  if (q.member.empty()) r.problem(c_member, "is empty; name the member (student id or name)");
  if (!r.cell(c_dorm).empty()) q.dorm = std::string(r.cell(c_dorm));
  auto when = parse_when(r.cell(c_time), today);
  if (const auto* error = std::get_if<WhenError>(&when)) {
    r.problem(c_time, error->message);
  } else {
    q.at = std::get<LocalDateTime>(when);
  }
  std::string channel(r.cell(c_channel));
  q.talked = split_students(r.cell(c_students), channel);
  q.channel = channel.empty() ? Channel::in_person : parse_channel(channel).value_or(Channel::other);
  auto kind = r.cell(c_kind).empty() ? std::optional<Kind>(Kind::visit) : parse_kind(r.cell(c_kind));
  if (!kind || points_at_record(*kind)) {
    r.problem(c_kind, fmt::format("{} is not a kind of contact; use 走访, 谈心, 座谈会, 寝室活动, ...",
                                  quote_value(r.cell(c_kind))));
  } else {
    q.kind = *kind;
  }
  if (!r.cell(c_progress).empty()) q.content.progress = std::string(r.cell(c_progress));
  if (!r.cell(c_note).empty()) q.content.note = std::string(r.cell(c_note));
  q.reason = std::string(r.cell(c_reason));
  q.incident = read_incident(r, today);
  if (q.incident && q.kind != Kind::incident) r.problem(c_category, "is only for 类型 = 特殊情况 (incident)");
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
    static constexpr std::array<std::size_t, 3> free_text{c_progress, c_note, c_reason};
    roster::detail::check_plain_cells(reader, free_text);
    if (auto e = read_row(reader, today)) out.push_back(std::move(*e));
  }
  roster::detail::throw_if_problems(problems, source);
  return out;
}

}  // namespace dormlink::records
