// `dormlink report studio` (docs/studio.md §2): built from the assessment draft and the counts
// the CLI loads, rendered as Markdown, HTML, sheets and JSON.
#include "dormlink/report/studio_report.hpp"

#include <fmt/format.h>

#include "dormlink/report/html.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {
namespace {

// Every wording of the report, zh and en side by side.
struct StudioLabels {
  Words title{"{}朋辈辅导员工作室工作台 · {}", "Peer studio · {1}"};
  Words semester_lines{"- 学期：{}（{}）\n- 截至：{}\n", "- Semester: {} ({})\n- As of: {}\n"};
  Words branch_line{"- 党支部：{}\n", "- Branch: {}\n"};
  Words as_of{"截至", "As of"};
  Words note{"说明：朋辈工作室只看到数目，不含学生姓名、关注内容和检查说明。",
             "Note: the studio sees counts only: no student's name, no concern's text, no finding's note."};
  Words members_heading{"工作室成员", "The studio's members"};
  Words overview_heading{"党员概览", "Members"};
  Words no_studio{"尚无工作室成员（花名册“朋辈工作室”列或配置 [studio] members）。",
                  "No one is on the studio yet (the rosters' 朋辈工作室 column or [studio] members)."};
  Words no_members{"本学期没有联系寝室的党员。", "No member held dorms in this semester."};
  std::array<Words, 4> member_columns{{{"工号/学号", "Id"}, {"姓名", "Name"}, {"身份", "Kind"}, {"依据", "Listed by"}}};
  Words student{"学生", "student"};
  Words staff{"教师", "staff"};
  Words roster{"花名册", "roster"};
  Words config{"配置", "config"};
  Words both{"花名册、配置", "roster, config"};
  std::array<Words, 10> overview_columns{{{"党员", "Member"},
                                          {"学号", "Id"},
                                          {"党支部", "Branch"},
                                          {"考核得分（草稿）", "Draft score"},
                                          {"等级", "Band"},
                                          {"未结关注", "Open concerns"},
                                          {"检查不属实", "Contradicted"},
                                          {"检查发现（无记录）", "Findings without a record"},
                                          {"工作室评定", "Studio mark"},
                                          {"支部评定", "Branch mark"}}};
  Words mark{"{}（{}，{}）", "{} ({}, {})"};
  Words members_sheet{"工作室成员", "Studio"};
  Words overview_sheet{"党员概览", "Members"};
};

constexpr StudioLabels l{};

std::string worded(const Words& words, Language language, auto&&... args) {
  return fmt::format(fmt::runtime(words(language)), std::forward<decltype(args)>(args)...);
}

template <std::size_t N>
Table table_of(const std::array<Words, N>& columns, std::vector<Align> align, Language language) {
  Table t;
  for (const auto& c : columns) t.header.emplace_back(c(language));
  t.align = std::move(align);
  return t;
}

int count_in(const std::map<std::string, int>& counts, const std::string& id) {
  const auto it = counts.find(id);
  return it == counts.end() ? 0 : it->second;
}

std::string mark_cell(const std::optional<Mark>& m, Language language) {
  if (!m) return {};
  const std::string who = m->given_by_name.empty() ? m->given_by : m->given_by_name + " " + m->given_by;
  return worded(l.mark, language, mark_label(m->mark, language), who, m->given_at);
}

Table members_table(const StudioReport& r, Language language) {
  Table t = table_of(l.member_columns, {Align::left, Align::left, Align::left, Align::left}, language);
  for (const auto& m : r.studio) {
    const Words& by = m.roster && m.config ? l.both : m.roster ? l.roster : l.config;
    t.rows.push_back({m.id, m.name, std::string((m.staff ? l.staff : l.student)(language)), std::string(by(language))});
  }
  return t;
}

Table overview_table(const StudioReport& r, Language language) {
  using enum Align;
  Table t = table_of(l.overview_columns, {left, left, left, right, left, right, right, right, left, left}, language);
  for (const auto& row : r.rows) {
    t.rows.push_back({row.name, row.id, row.branch, format_tenths(row.score_tenths), band_label(row.band, language),
                      std::to_string(row.open_concerns), std::to_string(row.contradicted),
                      std::to_string(row.findings_without_record), mark_cell(row.studio_mark, language),
                      mark_cell(row.branch_mark, language)});
  }
  return t;
}

Json mark_json(const std::optional<Mark>& m) {
  if (!m) return nullptr;
  return {{"mark", m->mark}, {"given_by", m->given_by}, {"given_by_name", m->given_by_name}, {"given_at", m->given_at}};
}

}  // namespace

StudioReport build_studio_report(const StudioInput& in) {
  const auto& a = *in.assessment;
  StudioReport r{a.college, a.semester_id, a.semester_name, a.as_of, a.branch, in.studio, {}};
  for (const auto& m : a.members) {
    StudioRow row{m.id,
                  m.name,
                  m.branch,
                  m.score_tenths,
                  m.band,
                  count_in(in.open_concerns, m.id),
                  count_in(in.contradicted, m.id),
                  count_in(in.findings_without_record, m.id),
                  std::nullopt,
                  std::nullopt};
    for (const auto& mm : in.marks) {
      if (mm.member_id != m.id) continue;
      row.studio_mark = mm.studio;
      row.branch_mark = mm.branch;
      // The studio are peers: a mark's note stays with the assessment.
      if (row.studio_mark) row.studio_mark->note.clear();
      if (row.branch_mark) row.branch_mark->note.clear();
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

std::string render_studio_markdown(const StudioReport& r, Language language) {
  std::string out = "# " + worded(l.title, language, r.college, r.semester_name) + "\n\n";
  out += worded(l.semester_lines, language, r.semester_name, r.semester_id, format_date(r.as_of));
  if (!r.branch.empty()) out += worded(l.branch_line, language, r.branch);
  out += "- " + std::string(l.note(language)) + "\n";
  out += "\n## " + std::string(l.members_heading(language)) + "\n\n";
  out += r.studio.empty() ? std::string(l.no_studio(language)) + "\n" : render_markdown(members_table(r, language));
  out += "\n## " + std::string(l.overview_heading(language)) + "\n\n";
  out += r.rows.empty() ? std::string(l.no_members(language)) + "\n" : render_markdown(overview_table(r, language));
  return visible_document(out);
}

std::string render_studio_html(const StudioReport& r, Language language) {
  std::string out = html::heading(1, worded(l.title, language, r.college, r.semester_name));
  out += html::facts({{std::string(l.as_of(language)), format_date(r.as_of)}});
  out += html::paragraph(l.note(language), "note");
  out += html::heading(2, l.members_heading(language));
  out += html::table(members_table(r, language), "", false, l.no_studio(language));
  out += html::heading(2, l.overview_heading(language));
  out += html::table(overview_table(r, language), "", false, l.no_members(language));
  return out;
}

Workbook studio_workbook(const StudioReport& r, Language language) {
  return {{"members", l.members_sheet(language), members_table(r, language)},
          {"overview", l.overview_sheet(language), overview_table(r, language)}};
}

std::string render_studio_json(const StudioReport& r) {
  Json studio = Json::array();
  for (const auto& m : r.studio) {
    studio.push_back({{"id", m.id},
                      {"name", m.name},
                      {"kind", m.staff ? "staff" : "student"},
                      {"source", m.roster && m.config ? "roster_and_config"
                                 : m.roster           ? "roster"
                                                      : "config"}});
  }
  Json members = Json::array();
  for (const auto& row : r.rows) {
    members.push_back({{"id", row.id},
                       {"name", row.name},
                       {"branch", row.branch},
                       {"score", static_cast<double>(row.score_tenths) / 10.0},
                       {"band", to_string(row.band)},
                       {"open_concerns", row.open_concerns},
                       {"contradicted", row.contradicted},
                       {"findings_without_record", row.findings_without_record},
                       {"studio_mark", mark_json(row.studio_mark)},
                       {"branch_mark", mark_json(row.branch_mark)}});
  }
  const Json doc{{"semester", {{"id", r.semester_id}, {"name", r.semester_name}}},
                 {"as_of", format_date(r.as_of)},
                 {"branch", r.branch.empty() ? Json(nullptr) : Json(r.branch)},
                 {"studio", std::move(studio)},
                 {"members", std::move(members)}};
  return json_document(doc);
}

}  // namespace dormlink::report
