#include <fmt/format.h>

#include "dormlink/report/assignment_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

// Every word of the assignment report and the 分配表, zh and en side by side.
constexpr struct AssignmentLabels {
  Words header[11]{{"党员", "member"},    {"学号", "id"},   {"年级", "grade"},          {"专业", "major"},
                   {"党支部", "branch"},  {"寝室", "dorm"}, {"寝室年级", "dorm grade"}, {"寝室专业", "dorm major"},
                   {"人数", "residents"}, {"代价", "cost"}, {"说明", "notes"}};
  Words title{"党员联系寝室分配表", "member-dorm assignment"};
  Words dry_run{"预览（--dry-run），未提交", "dry run"};
  Words committed{"已提交为 #{}，自 {} 起生效", "committed as #{}, valid from {}"};
  Words totals{"党员 {} 人，寝室 {} 间，总代价 {}", "{} members, {} dorms, total cost {}"};
  // major, junior same grade, building, continuity, pinned
  Words breakdown{"跨专业 {} 对，低年级寝室由同年级党员联系 {} 对，跨楼栋 {} 对，延续上次 {} 对，人工指定 {} 对",
                  "other major {}, junior dorm with a same-grade member {}, other building {}, kept from before {}, "
                  "pinned {}"};
  Words changes{"与{}相比：保持 {} 间，更换 {} 间，新增 {} 间", "against {}: kept {}, changed {}, new {}"};
  Words uncovered{"未分配的寝室（需人工处理）", "dorms left for a human"};
  Words major_differs{"跨专业", "other major"};
  Words same_grade{"同年级", "same grade"};
  Words other_building{"跨楼", "other building"};
  Words continuity{"延续", "kept"};
  Words pinned{"指定", "pinned"};
  Words sep{"、", ", "};
  // The 分配表 of export: one row per member.
  Words roster_header[8]{{"党员", "member"},       {"学号", "id"},           {"年级", "grade"},
                         {"专业", "major"},        {"党支部", "branch"},     {"联系寝室", "dorms"},
                         {"寝室数", "dorm count"}, {"学生人数", "residents"}};
  Words dorm_sep{"、", "; "};
} k_labels;

std::string notes(const AssignmentLine& l, Language language) {
  const auto& w = k_labels;
  std::string out;
  auto add = [&out, language](bool on, Words text) {
    if (!on) return;
    if (!out.empty()) out += k_labels.sep(language);
    out += text(language);
  };
  add(l.cost.major_differs, w.major_differs);
  add(l.cost.junior_same_grade, w.same_grade);
  add(l.cost.other_building, w.other_building);
  add(l.cost.continuity, w.continuity);
  add(l.pinned, w.pinned);
  return out;
}

Table pair_table(const AssignmentReport& r, Language language) {
  Table t{pick(k_labels.header, language),
          {Align::left, Align::left, Align::right, Align::left, Align::left, Align::left, Align::right, Align::left,
           Align::right, Align::right, Align::left},
          {}};
  for (const auto& l : r.lines) {
    t.rows.push_back({l.member_name, l.member_id, std::to_string(l.member_grade), l.member_major, l.member_branch,
                      l.dorm_code, std::to_string(l.dorm_grade), l.dorm_major, std::to_string(l.residents),
                      std::to_string(l.cost.total), notes(l, language)});
  }
  return t;
}

std::vector<std::string> summary_lines(const AssignmentReport& r, Language language) {
  const auto& w = k_labels;
  std::vector<std::string> lines;
  lines.push_back(fmt::format(fmt::runtime(w.totals(language)), r.members, r.dorms, r.total_cost));
  lines.push_back(fmt::format(fmt::runtime(w.breakdown(language)), r.major_differs, r.junior_same_grade,
                              r.other_building, r.continuity, r.pinned));
  if (!r.before_label.empty()) {
    lines.push_back(fmt::format(fmt::runtime(w.changes(language)), r.before_label, r.kept, r.changed, r.added));
  }
  if (!r.uncovered.empty()) {
    std::string list;
    for (const auto& code : r.uncovered) list += (list.empty() ? "" : w.sep(language)) + code;
    lines.push_back(fmt::format("{} ({}): {}", w.uncovered(language), r.uncovered.size(), list));
  }
  return lines;
}

std::string heading(const AssignmentReport& r, Language language) {
  return fmt::format("{} ({}) {} — {}", r.semester_name, r.semester_id, k_labels.title(language),
                     assignment_status(r, language));
}

}  // namespace

std::string assignment_status(const AssignmentReport& r, Language language) {
  if (r.committed_as != 0) return fmt::format(fmt::runtime(k_labels.committed(language)), r.committed_as, r.valid_from);
  return r.dry_run ? k_labels.dry_run(language) : "";
}

std::string render_assignment_text(const AssignmentReport& r, Language language) {
  std::string out = heading(r, language) + "\n\n" + render_text(pair_table(r, language)) + "\n";
  for (const auto& line : summary_lines(r, language)) out += line + "\n";
  return visible_document(out);
}

std::string render_assignment_markdown(const AssignmentReport& r, Language language) {
  std::string out = "# " + escape_markdown_cell(heading(r, language)) + "\n\n";
  for (const auto& line : summary_lines(r, language)) out += "- " + escape_markdown_cell(line) + "\n";
  return visible_document(out + "\n" + render_markdown(pair_table(r, language)));
}

ExportTable assignment_table(const AssignmentReport& r, Language language) {
  return to_export_table(pair_table(r, language));
}

std::string render_assignment_csv(const AssignmentReport& r, Language language, CsvFlavor flavor) {
  return render_table_csv(assignment_table(r, language), flavor);
}

}  // namespace dormlink::report

namespace dormlink::report {

ExportTable assignment_roster_table(const AssignmentReport& r, Language language) {
  const auto headers = pick(k_labels.roster_header, language);
  // JSON keys are English and the same in every language.
  const std::vector<std::string> keys{"member_name", "member_id", "grade",      "major",
                                      "branch",      "dorms",     "dorm_count", "residents"};
  ExportTable t;
  for (std::size_t i = 0; i < headers.size(); ++i) t.columns.push_back({keys[i], headers[i], i == 2 || i >= 6});
  for (std::size_t i = 0; i < r.lines.size();) {
    const auto& first = r.lines[i];
    std::string dorms;
    int count = 0;
    int residents = 0;
    for (; i < r.lines.size() && r.lines[i].member_id == first.member_id; ++i) {
      dorms += (dorms.empty() ? "" : k_labels.dorm_sep(language)) + r.lines[i].dorm_code;
      ++count;
      residents += r.lines[i].residents;
    }
    t.rows.push_back({first.member_name, first.member_id, std::to_string(first.member_grade), first.member_major,
                      first.member_branch, dorms, std::to_string(count), std::to_string(residents)});
  }
  return t;
}

}  // namespace dormlink::report
