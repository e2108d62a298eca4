#include <fmt/format.h>

#include "dormlink/model.hpp"
#include "dormlink/report/roster_summary.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

// Every word of the summary in both languages; one table, so the renderings cannot drift.
struct Labels {
  const char* title;
  const char* week;
  const char* no_semester;
  const char* population;  // students, women, men, dorms, women's, men's, empty
  const char* colon;
  const char* comma;
  const char* semicolon;
  const char* majors;
  std::vector<std::string> grade_header;
  const char* total;
  const char* contacting;
  const char* ratio;
  const char* too_few;
  const char* too_many;
  const char* mixed;
  const char* no_head;
  const char* attention;
  const char* staff;
  const char* imports;
  const char* rows;
};

const Labels& labels(Language language) {
  static const Labels zh{"名单概况",
                         "第 {} 教学周",
                         "不在任何学期内",
                         "学生 {} 人（女 {}，男 {}）；有人住的寝室 {} 间（女寝 {}，男寝 {}；空置 {} 间）",
                         "：",
                         "，",
                         "；",
                         "专业",
                         {"年级", "入学年份", "女", "男", "党员", "发展对象", "积极分子", "寝室"},
                         "合计",
                         "联系寝室的党员（含发展对象）",
                         "{} 人，平均每人 {:.2f} 间（规定 {}–{} 间）",
                         "人数不足：{} 人最多联系 {} 间，需联系 {} 间",
                         "人数偏多：{} 人至少联系 {} 间，只有 {} 间",
                         "跨年级寝室",
                         "无寝室长的寝室",
                         "重点关注学生（只显示人数）",
                         "工作人员",
                         "最近导入",
                         "{} 行，生效 {}"};
  static const Labels en{"roster summary",
                         "teaching week {}",
                         "outside any semester",
                         "students {} (women {}, men {}); occupied dorms {} (women's {}, men's {}; empty {})",
                         ": ",
                         ", ",
                         "; ",
                         "majors",
                         {"year", "cohort", "women", "men", "members", "candidates", "activists", "dorms"},
                         "total",
                         "members contacting dorms",
                         "{}, {:.2f} dorms each on average (rule: {}-{})",
                         "too few: {} members can take at most {} dorms, {} need one",
                         "too many: {} members need at least {} dorms, there are {}",
                         "mixed-grade dorms",
                         "dorms without a dorm head",
                         "attention students (count only)",
                         "staff",
                         "latest imports",
                         "{} rows, effective {}"};
  return language == Language::zh ? zh : en;
}

std::string role_label(const std::string& role_key, Language language) {
  auto role = staff_role_from_key(role_key);
  if (!role) return role_key;
  return std::string(language == Language::zh ? label_zh(*role) : label_en(*role));
}

Table grade_table(const RosterSummary& s, const Labels& l) {
  Table t{
      l.grade_header,
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
  t.rows.push_back({l.total, "", std::to_string(sum.women), std::to_string(sum.men), std::to_string(sum.members),
                    std::to_string(sum.candidates), std::to_string(sum.activists), std::to_string(sum.dorms)});
  return t;
}

std::string capacity_line(const RosterSummary& s, const Labels& l) {
  double ratio = s.contacting_members > 0 ? static_cast<double>(s.dorms_occupied) / s.contacting_members : 0.0;
  auto line = fmt::format("{}{}{}", l.contacting, l.colon,
                          fmt::format(fmt::runtime(l.ratio), s.contacting_members, ratio, s.min_dorms, s.max_dorms));
  if (s.contacting_members * s.max_dorms < s.dorms_occupied) {
    line += l.semicolon + fmt::format(fmt::runtime(l.too_few), s.contacting_members, s.contacting_members * s.max_dorms,
                                      s.dorms_occupied);
  } else if (s.contacting_members * s.min_dorms > s.dorms_occupied) {
    line += l.semicolon + fmt::format(fmt::runtime(l.too_many), s.contacting_members,
                                      s.contacting_members * s.min_dorms, s.dorms_occupied);
  }
  return line;
}

// The lines below the table, shared by both renderers.
std::vector<std::string> detail_lines(const RosterSummary& s, const Labels& l, Language language) {
  std::vector<std::string> lines;
  lines.push_back(capacity_line(s, l));
  lines.push_back(fmt::format("{}{}{}{}{}{}{}", l.mixed, l.colon, s.dorms_mixed_grade, l.semicolon, l.no_head, l.colon,
                              s.dorms_without_head));
  lines.push_back(fmt::format("{}{}{}", l.attention, l.colon, s.attention_students));
  std::string majors;
  for (const auto& [name, count] : s.majors)
    majors += fmt::format("{}{} {}", majors.empty() ? "" : l.comma, name, count);
  lines.push_back(fmt::format("{}{}{}", l.majors, l.colon, majors));
  std::string staff;
  for (const auto& [role, count] : s.staff) {
    staff += fmt::format("{}{} {}", staff.empty() ? "" : l.comma, role_label(role, language), count);
  }
  lines.push_back(fmt::format("{}{}{}", l.staff, l.colon, staff.empty() ? "-" : staff));
  for (const auto& r : s.last_imports) {
    lines.push_back(fmt::format("{}{}{} #{} {} [{}]{}{}", l.imports, l.colon, r.kind, r.id, r.source_name, r.encoding,
                                l.comma, fmt::format(fmt::runtime(l.rows), r.rows, r.effective_date)));
  }
  return lines;
}

std::string heading(const RosterSummary& s, const Labels& l) {
  auto when = s.semester_id.empty() ? std::string(l.no_semester)
              : s.teaching_week
                  ? fmt::format("{} {}", s.semester_name, fmt::format(fmt::runtime(l.week), *s.teaching_week))
                  : s.semester_name;
  return fmt::format("{} {} — {}{}{}", s.college_name, l.title, s.as_of, l.comma, when);
}

std::string population_line(const RosterSummary& s, const Labels& l) {
  return fmt::format(fmt::runtime(l.population), s.students, s.women, s.men, s.dorms_occupied, s.dorms_women,
                     s.dorms_men, s.dorms_known - s.dorms_occupied);
}

}  // namespace

std::string render_roster_summary_text(const RosterSummary& s, Language language) {
  const auto& l = labels(language);
  std::string out = heading(s, l) + "\n\n" + population_line(s, l) + "\n\n";
  out += render_text(grade_table(s, l));
  out += "\n";
  for (const auto& line : detail_lines(s, l, language)) out += line + "\n";
  return visible_document(out);
}

std::string render_roster_summary_markdown(const RosterSummary& s, Language language) {
  const auto& l = labels(language);
  std::string out =
      "# " + escape_markdown_cell(heading(s, l)) + "\n\n" + escape_markdown_cell(population_line(s, l)) + "\n\n";
  out += render_markdown(grade_table(s, l));
  out += "\n";
  for (const auto& line : detail_lines(s, l, language)) out += "- " + escape_markdown_cell(line) + "\n";
  return visible_document(out);
}

}  // namespace dormlink::report
