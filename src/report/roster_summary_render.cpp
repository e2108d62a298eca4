#include <fmt/format.h>

#include "dormlink/model.hpp"
#include "dormlink/report/roster_summary.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

// Every word of the summary, zh and en side by side; one table, so the renderings cannot drift.
constexpr struct RosterSummaryLabels {
  Words title{"名单概况", "roster summary"};
  Words week{"第 {} 教学周", "teaching week {}"};
  Words no_semester{"不在任何学期内", "outside any semester"};
  Words population{// students, women, men, dorms, women's, men's, empty
                   "学生 {} 人（女 {}，男 {}）；有人住的寝室 {} 间（女寝 {}，男寝 {}；空置 {} 间）",
                   "students {} (women {}, men {}); occupied dorms {} (women's {}, men's {}; empty {})"};
  Words colon{"：", ": "};
  Words comma{"，", ", "};
  Words semicolon{"；", "; "};
  Words majors{"专业", "majors"};
  Words grade_header[8]{{"年级", "year"},    {"入学年份", "cohort"},     {"女", "women"},           {"男", "men"},
                        {"党员", "members"}, {"发展对象", "candidates"}, {"积极分子", "activists"}, {"寝室", "dorms"}};
  Words total{"合计", "total"};
  Words contacting{"联系寝室的党员（含发展对象）", "members contacting dorms"};
  Words ratio{"{} 人，平均每人 {:.2f} 间（规定 {}–{} 间）", "{}, {:.2f} dorms each on average (rule: {}-{})"};
  Words too_few{"人数不足：{} 人最多联系 {} 间，需联系 {} 间",
                "too few: {} members can take at most {} dorms, {} need one"};
  Words too_many{"人数偏多：{} 人至少联系 {} 间，只有 {} 间",
                 "too many: {} members need at least {} dorms, there are {}"};
  Words mixed{"跨年级寝室", "mixed-grade dorms"};
  Words no_head{"无寝室长的寝室", "dorms without a dorm head"};
  Words attention{"重点关注学生（只显示人数）", "attention students (count only)"};
  Words staff{"工作人员", "staff"};
  Words imports{"最近导入", "latest imports"};
  Words rows{"{} 行，生效 {}", "{} rows, effective {}"};
} k_labels;

std::string role_label(const std::string& role_key, Language language) {
  auto role = staff_role_from_key(role_key);
  if (!role) return role_key;
  return std::string(language == Language::zh ? label_zh(*role) : label_en(*role));
}

Table grade_table(const RosterSummary& s, Language language) {
  Table t{
      pick(k_labels.grade_header, language),
      {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right},
      {}};
  GradeLine sum;
  for (const auto& g : s.grades) {
    t.rows.push_back({g.year > 0 ? std::to_string(g.year) : "-", std::to_string(g.cohort), std::to_string(g.women),
                      std::to_string(g.men), std::to_string(g.members), std::to_string(g.candidates),
                      std::to_string(g.activists), std::to_string(g.dorms)});
    sum.women += g.women;
    sum.men += g.men;
    sum.members += g.members;
    sum.candidates += g.candidates;
    sum.activists += g.activists;
    sum.dorms += g.dorms;
  }
  t.rows.push_back({k_labels.total(language), "", std::to_string(sum.women), std::to_string(sum.men),
                    std::to_string(sum.members), std::to_string(sum.candidates), std::to_string(sum.activists),
                    std::to_string(sum.dorms)});
  return t;
}

std::string capacity_line(const RosterSummary& s, Language language) {
  const auto& l = k_labels;
  double ratio = s.contacting_members > 0 ? static_cast<double>(s.dorms_occupied) / s.contacting_members : 0.0;
  auto line =
      fmt::format("{}{}{}", l.contacting(language), l.colon(language),
                  fmt::format(fmt::runtime(l.ratio(language)), s.contacting_members, ratio, s.min_dorms, s.max_dorms));
  if (s.contacting_members * s.max_dorms < s.dorms_occupied) {
    line += l.semicolon(language) + fmt::format(fmt::runtime(l.too_few(language)), s.contacting_members,
                                                s.contacting_members * s.max_dorms, s.dorms_occupied);
  } else if (s.contacting_members * s.min_dorms > s.dorms_occupied) {
    line += l.semicolon(language) + fmt::format(fmt::runtime(l.too_many(language)), s.contacting_members,
                                                s.contacting_members * s.min_dorms, s.dorms_occupied);
  }
  return line;
}

// The lines below the table, shared by both renderers.
std::vector<std::string> detail_lines(const RosterSummary& s, Language language) {
  const auto& l = k_labels;
  const char* colon = l.colon(language);
  const char* comma = l.comma(language);
  std::vector<std::string> lines;
  lines.push_back(capacity_line(s, language));
  lines.push_back(fmt::format("{}{}{}{}{}{}{}", l.mixed(language), colon, s.dorms_mixed_grade, l.semicolon(language),
                              l.no_head(language), colon, s.dorms_without_head));
  lines.push_back(fmt::format("{}{}{}", l.attention(language), colon, s.attention_students));
  std::string majors;
  for (const auto& [name, count] : s.majors) majors += fmt::format("{}{} {}", majors.empty() ? "" : comma, name, count);
  lines.push_back(fmt::format("{}{}{}", l.majors(language), colon, majors));
  std::string staff;
  for (const auto& [role, count] : s.staff) {
    staff += fmt::format("{}{} {}", staff.empty() ? "" : comma, role_label(role, language), count);
  }
  lines.push_back(fmt::format("{}{}{}", l.staff(language), colon, staff.empty() ? "-" : staff));
  for (const auto& r : s.last_imports) {
    lines.push_back(fmt::format("{}{}{} #{} {} [{}]{}{}", l.imports(language), colon, r.kind, r.id, r.source_name,
                                r.encoding, comma,
                                fmt::format(fmt::runtime(l.rows(language)), r.rows, r.effective_date)));
  }
  return lines;
}

std::string heading(const RosterSummary& s, Language language) {
  const auto& l = k_labels;
  auto when = s.semester_id.empty() ? std::string(l.no_semester(language))
              : s.teaching_week
                  ? fmt::format("{} {}", s.semester_name, fmt::format(fmt::runtime(l.week(language)), *s.teaching_week))
                  : s.semester_name;
  return fmt::format("{} {} — {}{}{}", s.college_name, l.title(language), s.as_of, l.comma(language), when);
}

std::string population_line(const RosterSummary& s, Language language) {
  return fmt::format(fmt::runtime(k_labels.population(language)), s.students, s.women, s.men, s.dorms_occupied,
                     s.dorms_women, s.dorms_men, s.dorms_known - s.dorms_occupied);
}

}  // namespace

std::string render_roster_summary_text(const RosterSummary& s, Language language) {
  std::string out = heading(s, language) + "\n\n" + population_line(s, language) + "\n\n";
  out += render_text(grade_table(s, language));
  out += "\n";
  for (const auto& line : detail_lines(s, language)) out += line + "\n";
  return visible_document(out);
}

std::string render_roster_summary_markdown(const RosterSummary& s, Language language) {
  std::string out = "# " + escape_markdown_cell(heading(s, language)) + "\n\n" +
                    escape_markdown_cell(population_line(s, language)) + "\n\n";
  out += render_markdown(grade_table(s, language));
  out += "\n";
  for (const auto& line : detail_lines(s, language)) out += "- " + escape_markdown_cell(line) + "\n";
  return visible_document(out);
}

}  // namespace dormlink::report
