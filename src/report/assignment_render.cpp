#include <fmt/format.h>

#include "dormlink/report/assignment_report.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

// Every word of the assignment report, zh and en, in one place.
struct Labels {
  std::vector<std::string> header;
  const char* title;
  const char* totals;     // members, dorms, total cost
  const char* breakdown;  // major, junior same grade, building, continuity, pinned
  const char* changes;    // against, kept, changed, added
  const char* uncovered;
  const char* major_differs;
  const char* same_grade;
  const char* other_building;
  const char* continuity;
  const char* pinned;
  const char* sep;
};

const Labels& labels(Language language) {
  static const Labels zh{
      {"党员", "学号", "年级", "专业", "党支部", "寝室", "寝室年级", "寝室专业", "人数", "代价", "说明"},
      "党员联系寝室分配表",
      "党员 {} 人，寝室 {} 间，总代价 {}",
      "跨专业 {} 对，低年级寝室由同年级党员联系 {} 对，跨楼栋 {} 对，延续上次 {} 对，人工指定 {} 对",
      "与{}相比：保持 {} 间，更换 {} 间，新增 {} 间",
      "未分配的寝室（需人工处理）",
      "跨专业",
      "同年级",
      "跨楼",
      "延续",
      "指定",
      "、"};
  static const Labels en{
      {"member", "id", "grade", "major", "branch", "dorm", "dorm grade", "dorm major", "residents", "cost", "notes"},
      "member-dorm assignment",
      "{} members, {} dorms, total cost {}",
      "other major {}, junior dorm with a same-grade member {}, other building {}, kept from before {}, pinned {}",
      "against {}: kept {}, changed {}, new {}",
      "dorms left for a human",
      "other major",
      "same grade",
      "other building",
      "kept",
      "pinned",
      ", "};
  return language == Language::zh ? zh : en;
}

std::string notes(const AssignmentLine& l, const Labels& w) {
  std::string out;
  auto add = [&out, &w](bool on, const char* text) {
    if (!on) return;
    if (!out.empty()) out += w.sep;
    out += text;
  };
  add(l.cost.major_differs, w.major_differs);
  add(l.cost.junior_same_grade, w.same_grade);
  add(l.cost.other_building, w.other_building);
  add(l.cost.continuity, w.continuity);
  add(l.pinned, w.pinned);
  return out;
}

Table pair_table(const AssignmentReport& r, const Labels& w) {
  Table t{w.header,
          {Align::left, Align::left, Align::right, Align::left, Align::left, Align::left, Align::right, Align::left,
           Align::right, Align::right, Align::left},
          {}};
  for (const auto& l : r.lines) {
    t.rows.push_back({l.member_name, l.member_id, std::to_string(l.member_grade), l.member_major, l.member_branch,
                      l.dorm_code, std::to_string(l.dorm_grade), l.dorm_major, std::to_string(l.residents),
                      std::to_string(l.cost.total), notes(l, w)});
  }
  return t;
}

std::vector<std::string> summary_lines(const AssignmentReport& r, const Labels& w) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format(fmt::runtime(w.totals), r.members, r.dorms, r.total_cost));
  lines.push_back(fmt::format(fmt::runtime(w.breakdown), r.major_differs, r.junior_same_grade, r.other_building,
                              r.continuity, r.pinned));
  if (!r.before_label.empty()) {
    lines.push_back(fmt::format(fmt::runtime(w.changes), r.before_label, r.kept, r.changed, r.added));
  }
  if (!r.uncovered.empty()) {
    std::string list;
    for (const auto& code : r.uncovered) list += (list.empty() ? "" : w.sep) + code;
    lines.push_back(fmt::format("{} ({}): {}", w.uncovered, r.uncovered.size(), list));
  }
  return lines;
}

std::string heading(const AssignmentReport& r, const Labels& w) {
  return fmt::format("{} ({}) {} — {}", r.semester_name, r.semester_id, w.title, r.status);
}

}  // namespace

std::string render_assignment_text(const AssignmentReport& r, Language language) {
  const auto& w = labels(language);
  std::string out = heading(r, w) + "\n\n" + render_text(pair_table(r, w)) + "\n";
  for (const auto& line : summary_lines(r, w)) out += line + "\n";
  return visible_document(out);
}

std::string render_assignment_markdown(const AssignmentReport& r, Language language) {
  const auto& w = labels(language);
  std::string out = "# " + escape_markdown_cell(heading(r, w)) + "\n\n";
  for (const auto& line : summary_lines(r, w)) out += "- " + escape_markdown_cell(line) + "\n";
  return visible_document(out + "\n" + render_markdown(pair_table(r, w)));
}

ExportTable assignment_table(const AssignmentReport& r, Language language) {
  return to_export_table(pair_table(r, labels(language)));
}

std::string render_assignment_csv(const AssignmentReport& r, Language language, CsvFlavor flavor) {
  return render_table_csv(assignment_table(r, language), flavor);
}

}  // namespace dormlink::report

namespace dormlink::report {

ExportTable assignment_roster_table(const AssignmentReport& r, Language language) {
  bool zh = language == Language::zh;
  const std::vector<std::string> headers =
      zh ? std::vector<std::string>{"党员", "学号", "年级", "专业", "党支部", "联系寝室", "寝室数", "学生人数"}
         : std::vector<std::string>{"member", "id", "grade", "major", "branch", "dorms", "dorm count", "residents"};
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
      dorms += (dorms.empty() ? "" : (zh ? "、" : "; ")) + r.lines[i].dorm_code;
      ++count;
      residents += r.lines[i].residents;
    }
    t.rows.push_back({first.member_name, first.member_id, std::to_string(first.member_grade), first.member_major,
                      first.member_branch, dorms, std::to_string(count), std::to_string(residents)});
  }
  return t;
}

}  // namespace dormlink::report
