// `dormlink export TABLE`: building the tables with the audience's privacy, and rendering them.
#include "dormlink/report/export_tables.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "case_words.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/pinyin.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::report {
namespace {

// What an export refuses (docs/messages.md), in the message language.
namespace say {
inline constexpr Message committee_no_names{
    "export {}: the committee sees no names of students; export dorms, or use report summary for aggregates",
    "export {}：学院党委（committee）看不到学生姓名；请导出 dorms，或用 report summary 查看汇总数字"};
}  // namespace say

// The few words of the tables besides their headers. Exports are in Chinese whatever --lang
// says: the students table re-imports as a roster, whose headers and values are Chinese.
constexpr struct ExportWords {
  const char* yes = "是";           // a flag that is set (寝室长, 非分配寝室)
  const char* purged = "(已删除)";  // text removed by a purge
  const char* cohort = "{}级";      // 2023级
  const char* then = "；";          // between an incident's account and its follow-up
} k_words;

void refuse_committee(const Privacy& privacy, std::string_view table) {
  if (privacy.audience != Audience::committee) return;
  throw UsageError(say::committee_no_names(table));
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? std::string(separator) : "") + items[i];
  return out;
}

std::string students_cell(const records::EffectiveRecord& r) {
  std::vector<std::string> items;
  for (const auto& s : r.students) items.push_back(s.name.empty() ? s.id : fmt::format("{} {}", s.id, s.name));
  return joined(items, ";");
}

std::string corrected_cell(const records::EffectiveRecord& r) { return r.corrects ? std::to_string(*r.corrects) : ""; }

// An incident's account: what was found and done (progress), then any follow-up details.
std::string incident_text(const records::EffectiveRecord& r) {
  if (r.details.empty()) return r.progress;
  return r.progress.empty() ? r.details : r.progress + k_words.then + r.details;
}

void sort_by_id(std::vector<records::EffectiveRecord>& rows) {
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

// The Chinese words of the database's keys (case_words.hpp).
std::string kind_zh(std::string_view key) { return case_words::word_of(case_words::k_kinds, key, Language::zh); }
std::string channel_zh(std::string_view key) { return case_words::word_of(case_words::k_channels, key, Language::zh); }
std::string category_zh(std::string_view key) { return case_words::category(key, Language::zh); }
std::string severity_zh(std::string_view key) { return case_words::severity(key, Language::zh); }
std::string role_zh(std::string_view key) { return case_words::role(key, Language::zh); }
std::string stage_zh(std::string_view key) { return case_words::word_of(case_words::k_stages, key, Language::zh); }

}  // namespace

ExportTable students_table(std::vector<roster::StudentRow> students, const Privacy& privacy, bool members_only) {
  refuse_committee(privacy, members_only ? "members" : "students");
  if (members_only) {
    std::erase_if(students, [](const auto& s) { return !is_member(s.facts.status); });
  }
  std::sort(students.begin(), students.end(), [](const auto& a, const auto& b) {
    const int c = util::compare_pinyin(a.facts.name, b.facts.name);
    return c != 0 ? c < 0 : a.student_id < b.student_id;
  });
  const bool attention = privacy.attention_of_named();
  ExportTable t;
  t.columns = {{"student_id", "学号"}, {"name", "姓名"},      {"gender", "性别"},
               {"major", "专业"},      {"grade", "年级"},     {"class", "班级"},
               {"dorm", "寝室"},       {"phone", "联系方式"}, {"political_status", "政治面貌"},
               {"branch", "党支部"}};
  if (attention) t.columns.push_back({"attention", "重点关注"});
  t.columns.push_back({"dorm_head", "寝室长", false, JsonType::flag});
  // An address routes digests; it leaves only with --include-sensitive --reason (audited).
  if (privacy.include_sensitive) t.columns.push_back({"email", "邮箱"});
  for (const auto& s : students) {
    const auto& f = s.facts;
    std::string phone = f.phone.empty() || privacy.phones_in_full() ? f.phone : mask_phone(f.phone);
    std::vector<std::string> row{s.student_id,
                                 f.name,
                                 std::string(label_zh(f.gender)),
                                 f.major,
                                 fmt::format(fmt::runtime(k_words.cohort), f.cohort),
                                 f.class_name,
                                 f.dorm,
                                 privacy.phones_shown() ? phone : "",
                                 std::string(label_zh(f.status)),
                                 f.branch};
    if (attention) {
      std::vector<std::string> labels;
      for (auto a : f.attention) labels.emplace_back(label_zh(a));
      row.push_back(joined(labels, ";"));
    }
    row.push_back(f.dorm_head ? k_words.yes : "");
    if (privacy.include_sensitive) row.push_back(f.email);
    t.rows.push_back(std::move(row));
  }
  return t;
}

ExportTable dorms_table(std::vector<roster::DormRow> dorms) {
  std::sort(dorms.begin(), dorms.end(), [](const auto& a, const auto& b) { return a.dorm.code() < b.dorm.code(); });
  ExportTable t;
  t.columns = {{"dorm", "寝室"},
               {"gender", "性别"},
               {"capacity", "容量", false, JsonType::integer},
               {"grade", "年级"},
               {"major", "专业"}};
  for (const auto& d : dorms) {
    const auto& f = d.facts;
    t.rows.push_back({d.dorm.code(), f.gender ? std::string(label_zh(*f.gender)) : "",
                      f.capacity ? std::to_string(*f.capacity) : "",
                      f.cohort ? fmt::format(fmt::runtime(k_words.cohort), *f.cohort) : "", f.major.value_or("")});
  }
  return t;
}

ExportTable contacts_table(std::vector<records::EffectiveRecord> rows, const Privacy& privacy) {
  refuse_committee(privacy, "contacts");
  std::erase_if(rows, [](const auto& r) {
    const auto kind = records::parse_kind(r.kind);
    return !kind || !records::is_contact(*kind) || *kind == records::Kind::incident;
  });
  sort_by_id(rows);
  ExportTable t;
  t.columns = {{"id", "编号", false, JsonType::integer},
               {"semester", "学期"},
               {"kind", "类型", false, JsonType::text, kind_zh},
               {"member_id", "党员学号"},
               {"member_name", "党员姓名"},
               {"dorm", "寝室"},
               {"happened_at", "时间"},
               {"channel", "方式", false, JsonType::text, channel_zh},
               {"students", "学生"},
               {"off_assignment", "非分配寝室", false, JsonType::flag},
               {"progress", "工作进展及成效"},
               {"note", "说明"},
               {"corrected", "更正记录", false, JsonType::integer},
               {"reason", "更正原因"}};
  for (const auto& r : rows) {
    t.rows.push_back({std::to_string(r.id), r.semester_id, r.kind, r.member_id, r.member_name, r.dorm, r.happened_at,
                      r.channel, students_cell(r), r.off_assignment ? k_words.yes : "",
                      r.purged ? k_words.purged : r.progress, r.purged ? "" : r.note, corrected_cell(r),
                      r.corrects ? r.reason : ""});
  }
  return t;
}

ExportTable incidents_table(std::vector<records::EffectiveRecord> rows, const Privacy& privacy,
                            const std::vector<IncidentCaseCells>& cases) {
  refuse_committee(privacy, "incidents");
  std::erase_if(rows, [](const auto& r) { return r.kind != "incident"; });
  sort_by_id(rows);
  ExportTable t;
  t.columns = {{"id", "编号", false, JsonType::integer},
               {"semester", "学期"},
               {"member_id", "党员学号"},
               {"member_name", "党员姓名"},
               {"dorm", "寝室"},
               {"found_at", "发现时间"},
               {"category", "类别", false, JsonType::text, category_zh},
               {"severity", "程度", false, JsonType::text, severity_zh},
               {"reported_to", "报告对象", false, JsonType::text, role_zh},
               {"reported_at", "党员自报报告时间"},
               {"acknowledged_at", "确认收到时间"},
               {"status", "状态", false, JsonType::text, stage_zh},
               {"repeat_of", "重复（前案编号）", false, JsonType::integer},
               {"students", "学生"},
               {"details", "情况"},
               {"corrected", "更正记录", false, JsonType::integer},
               {"reason", "更正原因"}};
  std::map<std::int64_t, const IncidentCaseCells*> case_of;
  for (const auto& c : cases) case_of[c.record] = &c;
  for (const auto& r : rows) {
    const auto found = case_of.find(r.id);
    const IncidentCaseCells none;
    const auto& c = found == case_of.end() ? none : *found->second;
    t.rows.push_back({std::to_string(r.id), r.semester_id, r.member_id, r.member_name, r.dorm, r.happened_at,
                      r.incident_category, r.severity, r.reported_to, r.reported_at, c.acknowledged_at, c.status,
                      c.repeat_of > 0 ? std::to_string(c.repeat_of) : "", students_cell(r),
                      r.purged ? k_words.purged : incident_text(r), corrected_cell(r), r.corrects ? r.reason : ""});
  }
  return t;
}

ExportTable to_export_table(const Table& table) {
  ExportTable t;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const bool number = i < table.align.size() && table.align[i] == Align::right;
    t.columns.push_back({table.header[i], table.header[i], number});
  }
  t.rows = table.rows;
  for (auto& row : t.rows) row.resize(t.columns.size());
  return t;
}

std::vector<std::vector<std::string>> shown_rows(const ExportTable& table) {
  auto rows = table.rows;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto label = table.columns[c].label;
    if (label == nullptr) continue;
    for (auto& row : rows)
      if (c < row.size() && !row[c].empty()) row[c] = label(row[c]);
  }
  return rows;
}

Sheet to_sheet(const ExportTable& table, std::string key, std::string name) {
  Sheet s{std::move(key), std::move(name), {}};
  for (const auto& c : table.columns) {
    s.table.header.push_back(c.header);
    s.table.align.push_back(c.number ? Align::right : Align::left);
  }
  s.table.rows = shown_rows(table);
  return s;
}

std::string formula_safe(std::string_view cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string render_rows_csv(const std::vector<std::vector<std::string>>& rows, CsvFlavor flavor) {
  const bool excel = flavor == CsvFlavor::excel;
  const std::string eol = excel ? "\r\n" : "\n";
  std::string out = excel ? "\xEF\xBB\xBF" : "";
  for (const auto& cells : rows) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      const std::string visible = util::escape_hidden(cells[i], util::LineBreaks::keep);
      out += util::csv_escape(excel ? formula_safe(visible) : visible);
    }
    out += eol;
  }
  return out;
}

std::string render_table_csv(const ExportTable& table, CsvFlavor flavor) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size() + 1);
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.header);
  rows.push_back(std::move(header));
  auto shown = shown_rows(table);
  rows.insert(rows.end(), std::make_move_iterator(shown.begin()), std::make_move_iterator(shown.end()));
  return render_rows_csv(rows, flavor);
}

namespace {

Json number_cell(const std::string& cell) {
  if (cell.empty()) return nullptr;
  long long whole = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), whole);
  if (ec == std::errc() && end == cell.data() + cell.size()) return whole;
  double real = 0;
  const auto [end2, ec2] = std::from_chars(cell.data(), cell.data() + cell.size(), real);
  if (ec2 == std::errc() && end2 == cell.data() + cell.size()) return real;
  return cell;
}

Json json_cell(const ExportColumn& column, const std::string& cell) {
  if (column.json == JsonType::flag) return !cell.empty();
  if (column.json == JsonType::integer || column.number) return number_cell(cell);
  return cell;
}

}  // namespace

std::string render_table_json(const ExportTable& table) {
  std::string out = "[";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    Json row = Json::object();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& cell = c < table.rows[r].size() ? table.rows[r][c] : std::string();
      row[table.columns[c].key] = json_cell(table.columns[c], cell);
    }
    out += (r > 0 ? ",\n  " : "\n  ") + json_text(row);
  }
  return out + (table.rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace dormlink::report
