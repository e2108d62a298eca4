#include "dormlink/report/inspection_report.hpp"

#include <fmt/format.h>

#include "dormlink/records/record.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

// The labels of the checklist and the receipt, zh and en, in one table.
struct Labels {
  const char* sample;
  const char* seed;
  const char* seed_from_date;
  const char* seed_given;
  const char* drawn;  // {size} {frame} {percent-rule}
  const char* raised;
  const char* capped;
  const char* strata;
  const char* no_branch;
  const char* records_heading;
  const char* recorded;
  const char* dry_run;
  const char* none;
  const char* yes;
  const char* no;
  const char* list_separator;
  std::vector<std::string> item_header;
  std::vector<std::string> record_header;
  const char* findings;
  const char* inspector;
  const char* in_sample;
  const char* confirmed;
  const char* contradicted;
  const char* flagged;
  std::vector<std::string> finding_header;
};

const Labels& labels(Language language) {
  static const Labels zh{"检查组抽查",
                         "种子",
                         "由日期得出",
                         "--seed",
                         "按支部分层抽取 {} 名党员（共 {} 名）；完成率低于 80% 的党员、{} 天内无走访的寝室权重 ×{}。",
                         "抽查人数少于支部数，已提高到 {} 名（每个支部至少一名）。",
                         "抽查人数多于可抽党员，已限制为 {} 名。",
                         "分层",
                         "（未填支部）",
                         "待核记录（{} 至 {} 的走访、谈心）",
                         "已记录抽查 #{}",
                         "预览（--dry-run），未记录。",
                         "—",
                         "有",
                         "无",
                         "、",
                         {"序号", "支部", "党员", "寝室", "完成率", "近期走访", "询问学生", "待核记录"},
                         {"序号", "记录", "时间", "类型", "学生"},
                         "已记录检查结果",
                         "检查人",
                         "抽查",
                         "属实",
                         "不属实",
                         "标记存疑的记录：",
                         {"记录", "类型", "时间", "学生", "结论"}};
  static const Labels en{
      "inspection sample",
      "seed",
      "from the date",
      "--seed",
      "{} members drawn by branch (of {}); members below 80% compliance and dorms with no visit in {} days weigh x{}.",
      "fewer than the number of branches requested; raised to {} (at least one per branch).",
      "more than the members who can be drawn requested; limited to {}.",
      "strata",
      "(no branch)",
      "records to verify (visits and talks {} to {})",
      "recorded inspection sample #{}",
      "dry run (--dry-run): nothing recorded.",
      "-",
      "yes",
      "no",
      ", ",
      {"#", "branch", "member", "dorm", "compliance", "visited recently", "residents to ask", "records to verify"},
      {"#", "record", "time", "kind", "students"},
      "recorded findings",
      "inspector",
      "sample",
      "confirmed",
      "contradicted",
      "flagged records: ",
      {"record", "kind", "time", "student", "verdict"}};
  return language == Language::zh ? zh : en;
}

std::string join(const std::vector<std::string>& items, const char* separator, const char* empty) {
  if (items.empty()) return empty;
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string record_numbers(const std::vector<std::int64_t>& ids, const char* separator, const char* empty) {
  std::vector<std::string> parts;
  for (auto id : ids) parts.push_back(fmt::format("#{}", id));
  return join(parts, separator, empty);
}

std::string kind_label(const std::string& key, Language language) {
  auto kind = records::parse_kind(key);
  if (!kind) return key;
  return std::string(language == Language::zh ? records::label_zh(*kind) : records::key(*kind));
}

std::string branch_label(const std::string& branch, const Labels& l) { return branch.empty() ? l.no_branch : branch; }

std::string compliance_label(const ChecklistItem& item, const Labels& l) {
  if (item.closed == 0) return l.none;
  return fmt::format("{}%", item.met * 100 / item.closed);
}

std::string heading(const InspectionChecklist& c, const Labels& l) {
  std::string out = c.sample_id > 0 ? fmt::format("{} #{}", l.sample, c.sample_id) : std::string(l.sample);
  out += fmt::format(" · {} · {} · {} {} ({})\n", c.semester, format_date(c.as_of), l.seed, c.seed,
                     c.seed_given ? l.seed_given : l.seed_from_date);
  out += fmt::format(fmt::runtime(l.drawn), c.size, c.frame, c.recent_days, c.weight_up) + "\n";
  if (c.raised) out += fmt::format(fmt::runtime(l.raised), c.size) + "\n";
  if (c.capped) out += fmt::format(fmt::runtime(l.capped), c.size) + "\n";
  std::vector<std::string> strata;
  for (const auto& s : c.strata)
    strata.push_back(fmt::format("{} {}/{}", branch_label(s.branch, l), s.drawn, s.members));
  out += fmt::format("{}: {}\n", l.strata, join(strata, " · ", l.none));
  return out;
}

Table item_table(const InspectionChecklist& c, const Labels& l) {
  Table t;
  t.header = l.item_header;
  t.align = {Align::right, Align::left, Align::left, Align::left, Align::right, Align::left, Align::left, Align::right};
  for (const auto& item : c.items) {
    t.rows.push_back({std::to_string(item.position), branch_label(item.branch, l),
                      fmt::format("{} {}", item.member_name, item.member_id), item.dorm, compliance_label(item, l),
                      item.recently_visited ? l.yes : l.no, join(item.residents, l.list_separator, l.none),
                      std::to_string(item.records.size())});
  }
  return t;
}

Table record_table(const InspectionChecklist& c, const Labels& l, Language language) {
  Table t;
  t.header = l.record_header;
  t.align = {Align::right, Align::right, Align::left, Align::left, Align::left};
  for (const auto& item : c.items) {
    for (const auto& r : item.records) {
      t.rows.push_back({std::to_string(item.position), fmt::format("#{}", r.id), r.happened_at,
                        kind_label(r.kind, language), join(r.students, l.list_separator, "")});
    }
  }
  return t;
}

}  // namespace

std::string render_checklist_text(const InspectionChecklist& c, Language language) {
  const auto& l = labels(language);
  std::string out = heading(c, l);
  out += "\n" + render_text(item_table(c, l));
  auto records = record_table(c, l, language);
  if (!records.rows.empty()) {
    out +=
        "\n" + fmt::format(fmt::runtime(l.records_heading), format_date(c.records_from), format_date(c.as_of)) + "\n";
    out += render_text(records);
  }
  out += "\n";
  out += c.sample_id > 0 ? fmt::format(fmt::runtime(l.recorded), c.sample_id) : std::string(l.dry_run);
  out += "\n";
  return visible_document(out);
}

std::string render_findings_receipt(const FindingsReceipt& r, Language language) {
  const auto& l = labels(language);
  std::string ids;
  if (!r.lines.empty()) {
    ids = r.lines.size() == 1 ? fmt::format(" #{}", r.lines.front().finding_id)
                              : fmt::format(" #{}–#{}", r.lines.front().finding_id, r.lines.back().finding_id);
  }
  std::string out = fmt::format("{}{} · {} {} · {} · {} · {} {}", l.findings, ids, r.member_name, r.member_id, r.dorm,
                                r.inspected_on, l.inspector, r.inspector);
  if (r.sample_id) out += fmt::format(" · {} #{}", l.in_sample, *r.sample_id);
  out += "\n";
  Table t;
  t.header = l.finding_header;
  t.align = {Align::right, Align::left, Align::left, Align::left, Align::left};
  for (const auto& line : r.lines) {
    t.rows.push_back({fmt::format("#{}", line.record_id), kind_label(line.kind, language), line.happened_at,
                      line.student_name.empty() ? l.none : line.student_name,
                      line.contradicted ? l.contradicted : l.confirmed});
  }
  out += render_text(t);
  if (!r.flagged.empty()) out += l.flagged + record_numbers(r.flagged, ", ", l.none) + "\n";
  return visible_document(out);
}

}  // namespace dormlink::report
