#include "dormlink/report/inspection_report.hpp"

#include <fmt/format.h>

#include "dormlink/records/record.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

// Every word of the checklist and the receipt, zh and en side by side.
constexpr struct InspectionLabels {
  Words sample{"检查组抽查", "inspection sample"};
  Words seed{"种子", "seed"};
  Words seed_from_date{"由日期得出", "from the date"};
  Words seed_given{"--seed", "--seed"};
  Words drawn{
      // size, frame, days, weight
      "按支部分层抽取 {} 名党员（共 {} 名）；完成率低于 80% 的党员、{} 天内无走访的寝室权重 ×{}。",
      "{} members drawn by branch (of {}); members below 80% compliance and dorms with no visit in {} days weigh x{}."};
  Words raised{"抽查人数少于支部数，已提高到 {} 名（每个支部至少一名）。",
               "fewer than the number of branches requested; raised to {} (at least one per branch)."};
  Words capped{"抽查人数多于可抽党员，已限制为 {} 名。",
               "more than the members who can be drawn requested; limited to {}."};
  Words strata{"分层", "strata"};
  Words no_branch{"（未填支部）", "(no branch)"};
  Words records_heading{"待核记录（{} 至 {} 的走访、谈心）", "records to verify (visits and talks {} to {})"};
  Words recorded{"已记录抽查 #{}", "recorded inspection sample #{}"};
  Words dry_run{"预览（--dry-run），未记录。", "dry run (--dry-run): nothing recorded."};
  Words none{"—", "-"};
  Words yes{"有", "yes"};
  Words no{"无", "no"};
  Words list_separator{"、", ", "};
  Words item_header[8]{{"序号", "#"},
                       {"支部", "branch"},
                       {"党员", "member"},
                       {"寝室", "dorm"},
                       {"完成率", "compliance"},
                       {"近期走访", "visited recently"},
                       {"询问学生", "residents to ask"},
                       {"待核记录", "records to verify"}};
  Words record_header[5]{{"序号", "#"}, {"记录", "record"}, {"时间", "time"}, {"类型", "kind"}, {"学生", "students"}};
  Words findings{"已记录检查结果", "recorded findings"};
  Words inspector{"检查人", "inspector"};
  Words in_sample{"抽查", "sample"};
  Words confirmed{"属实", "confirmed"};
  Words contradicted{"不属实", "contradicted"};
  Words flagged{"标记存疑的记录：", "flagged records: "};
  Words finding_header[5]{
      {"记录", "record"}, {"类型", "kind"}, {"时间", "time"}, {"学生", "student"}, {"结论", "verdict"}};
} k_labels;

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

std::string branch_label(const std::string& branch, Language language) {
  return branch.empty() ? k_labels.no_branch(language) : branch;
}

std::string compliance_label(const ChecklistItem& item, Language language) {
  if (item.closed == 0) return k_labels.none(language);
  return fmt::format("{}%", item.met * 100 / item.closed);
}

std::string heading(const InspectionChecklist& c, Language language) {
  const auto& l = k_labels;
  std::string out =
      c.sample_id > 0 ? fmt::format("{} #{}", l.sample(language), c.sample_id) : std::string(l.sample(language));
  out += fmt::format(" · {} · {} · {} {} ({})\n", c.semester, format_date(c.as_of), l.seed(language), c.seed,
                     c.seed_given ? l.seed_given(language) : l.seed_from_date(language));
  out += fmt::format(fmt::runtime(l.drawn(language)), c.size, c.frame, c.recent_days, c.weight_up) + "\n";
  if (c.raised) out += fmt::format(fmt::runtime(l.raised(language)), c.size) + "\n";
  if (c.capped) out += fmt::format(fmt::runtime(l.capped(language)), c.size) + "\n";
  std::vector<std::string> strata;
  for (const auto& s : c.strata)
    strata.push_back(fmt::format("{} {}/{}", branch_label(s.branch, language), s.drawn, s.members));
  out += fmt::format("{}: {}\n", l.strata(language), join(strata, " · ", l.none(language)));
  return out;
}

Table item_table(const InspectionChecklist& c, Language language) {
  const auto& l = k_labels;
  Table t;
  t.header = pick(l.item_header, language);
  t.align = {Align::right, Align::left, Align::left, Align::left, Align::right, Align::left, Align::left, Align::right};
  for (const auto& item : c.items) {
    t.rows.push_back({std::to_string(item.position), branch_label(item.branch, language),
                      fmt::format("{} {}", item.member_name, item.member_id), item.dorm,
                      compliance_label(item, language), item.recently_visited ? l.yes(language) : l.no(language),
                      join(item.residents, l.list_separator(language), l.none(language)),
                      std::to_string(item.records.size())});
  }
  return t;
}

Table record_table(const InspectionChecklist& c, Language language) {
  Table t;
  t.header = pick(k_labels.record_header, language);
  t.align = {Align::right, Align::right, Align::left, Align::left, Align::left};
  for (const auto& item : c.items) {
    for (const auto& r : item.records) {
      t.rows.push_back({std::to_string(item.position), fmt::format("#{}", r.id), r.happened_at,
                        kind_label(r.kind, language), join(r.students, k_labels.list_separator(language), "")});
    }
  }
  return t;
}

}  // namespace

std::string render_checklist_text(const InspectionChecklist& c, Language language) {
  const auto& l = k_labels;
  std::string out = heading(c, language);
  out += "\n" + render_text(item_table(c, language));
  auto records = record_table(c, language);
  if (!records.rows.empty()) {
    out += "\n" +
           fmt::format(fmt::runtime(l.records_heading(language)), format_date(c.records_from), format_date(c.as_of)) +
           "\n";
    out += render_text(records);
  }
  out += "\n";
  out +=
      c.sample_id > 0 ? fmt::format(fmt::runtime(l.recorded(language)), c.sample_id) : std::string(l.dry_run(language));
  out += "\n";
  return visible_document(out);
}

std::string render_findings_receipt(const FindingsReceipt& r, Language language) {
  const auto& l = k_labels;
  std::string ids;
  if (!r.lines.empty()) {
    ids = r.lines.size() == 1 ? fmt::format(" #{}", r.lines.front().finding_id)
                              : fmt::format(" #{}–#{}", r.lines.front().finding_id, r.lines.back().finding_id);
  }
  std::string out = fmt::format("{}{} · {} {} · {} · {} · {} {}", l.findings(language), ids, r.member_name, r.member_id,
                                r.dorm, r.inspected_on, l.inspector(language), r.inspector);
  if (r.sample_id) out += fmt::format(" · {} #{}", l.in_sample(language), *r.sample_id);
  out += "\n";
  Table t;
  t.header = pick(l.finding_header, language);
  t.align = {Align::right, Align::left, Align::left, Align::left, Align::left};
  for (const auto& line : r.lines) {
    t.rows.push_back({fmt::format("#{}", line.record_id), kind_label(line.kind, language), line.happened_at,
                      line.student_name.empty() ? l.none(language) : line.student_name,
                      line.contradicted ? l.contradicted(language) : l.confirmed(language)});
  }
  out += render_text(t);
  if (!r.flagged.empty()) out += l.flagged(language) + record_numbers(r.flagged, ", ", l.none(language)) + "\n";
  return visible_document(out);
}

}  // namespace dormlink::report
