// The assessment's sections after its members (docs/studio.md): 入党积极分子培养, 评定 and
// 评优推荐, as Markdown, HTML, sheets and top-level JSON keys. Built by assessment_marks.cpp.
#include <fmt/format.h>

#include "dormlink/report/assessment_marks.hpp"
#include "dormlink/report/html.hpp"

namespace dormlink::report {
namespace {

// Every wording of the sections, zh and en side by side.
struct ExtrasLabels {
  Words cultivation{"入党积极分子培养", "Cultivating activists"};
  Words cultivation_rule{"每名入党积极分子每月培养联系 {} 次（本学期有值班周的月份，截至{}）；不计入得分。",
                         "{} cultivation contact(s) per activist per month (months with a duty week of the semester, "
                         "up to {}); not part of the score."};
  std::array<Words, 6> cultivation_columns{{{"党员", "Member"},
                                            {"学号", "Id"},
                                            {"入党积极分子", "Activists"},
                                            {"已培养", "Cultivation done"},
                                            {"应培养", "Required"},
                                            {"知党爱党教育", "Education contacts"}}};
  Words marks{"评定", "Marks"};
  Words marks_rule{"工作室和支部给出的评定（每一来源以最新一次为准），列在计算得分旁。",
                   "The studio's and the branch's marks (the latest of each counts), beside the computed score."};
  std::array<Words, 12> mark_columns{{{"党员", "Member"},
                                      {"学号", "Id"},
                                      {"得分", "Score"},
                                      {"等级", "Band"},
                                      {"工作室评定", "Studio mark"},
                                      {"评定人", "Given by"},
                                      {"评定时间", "Given at"},
                                      {"说明", "Note"},
                                      {"支部评定", "Branch mark"},
                                      {"评定人", "Given by"},
                                      {"评定时间", "Given at"},
                                      {"说明", "Note"}}};
  Words commend{"评优推荐（前 {} 名）", "Commendation list (top {})"};
  Words commend_rule{
      "顺序：支部评定、工作室评定、计算得分（均从高到低；无评定排在有评定之后；等级按其等级下限计分），"
      "再按学号；与第 {} 名在前三项上相同者一并列入（并列）。",
      "Order: branch mark, studio mark, computed score (each highest first; no mark below any mark; a "
      "grade counts as its band's lowest score), then student id; members equal to number {} on the "
      "first three are listed too (tied)."};
  std::array<Words, 7> commend_columns{{{"名次", "Rank"},
                                        {"党员", "Member"},
                                        {"学号", "Id"},
                                        {"支部评定", "Branch mark"},
                                        {"工作室评定", "Studio mark"},
                                        {"得分", "Score"},
                                        {"并列", "Tied"}}};
  Words tied{"并列", "tied"};
  Words giver{"{}（{}）", "{} ({})"};
  Words cultivation_sheet{"入党积极分子培养", "Cultivation"};
  Words marks_sheet{"评定", "Marks"};
  Words commend_sheet{"评优推荐", "Commendation"};
};

constexpr ExtrasLabels l{};

template <std::size_t N>
Table table_of(const std::array<Words, N>& columns, std::vector<Align> align, Language language) {
  Table t;
  for (const auto& c : columns) t.header.emplace_back(c(language));
  t.align = std::move(align);
  return t;
}

std::string worded(const Words& words, Language language, auto&&... args) {
  return fmt::format(fmt::runtime(words(language)), std::forward<decltype(args)>(args)...);
}

const MemberAssessment* member_of(const Assessment& a, const std::string& id) {
  for (const auto& m : a.members)
    if (m.id == id) return &m;
  return nullptr;
}

Table cultivation_table(const Assessment& a, const Cultivation& c, Language language) {
  using enum Align;
  Table t = table_of(l.cultivation_columns, {left, left, right, right, right, right}, language);
  for (const auto& m : a.members) {
    const auto* mc = c.find(m.id);
    if (mc == nullptr) continue;
    t.rows.push_back({m.name, m.id, std::to_string(mc->activists), std::to_string(mc->done),
                      std::to_string(mc->required), std::to_string(mc->education)});
  }
  return t;
}

void add_mark_cells(std::vector<std::string>& row, const std::optional<Mark>& mark, Language language) {
  if (!mark) {
    row.insert(row.end(), {"", "", "", ""});
    return;
  }
  const std::string who =
      mark->given_by_name.empty() ? mark->given_by : worded(l.giver, language, mark->given_by_name, mark->given_by);
  row.insert(row.end(), {mark_label(mark->mark, language), who, mark->given_at, mark->note});
}

Table marks_table(const Assessment& a, const AssessmentExtras& x, Language language) {
  using enum Align;
  Table t =
      table_of(l.mark_columns, {left, left, right, left, left, left, left, left, left, left, left, left}, language);
  for (const auto& mm : x.marks) {
    const auto* m = member_of(a, mm.member_id);
    if (m == nullptr) continue;
    std::vector<std::string> row{m->name, m->id, format_tenths(m->score_tenths), band_label(m->band, language)};
    add_mark_cells(row, mm.studio, language);
    add_mark_cells(row, mm.branch, language);
    t.rows.push_back(std::move(row));
  }
  return t;
}

const MemberMarks* marks_of(const AssessmentExtras& x, const std::string& id) {
  for (const auto& mm : x.marks)
    if (mm.member_id == id) return &mm;
  return nullptr;
}

Table commend_table(const Assessment& a, const AssessmentExtras& x, Language language) {
  using enum Align;
  Table t = table_of(l.commend_columns, {right, left, left, left, left, right, left}, language);
  for (const auto& c : x.commended) {
    const auto& m = a.members[c.member];
    const auto* mm = marks_of(x, m.id);
    const auto label = [&](const std::optional<Mark>& mark) { return mark ? mark_label(mark->mark, language) : ""; };
    t.rows.push_back({std::to_string(c.rank), m.name, m.id, mm ? label(mm->branch) : "", mm ? label(mm->studio) : "",
                      format_tenths(m.score_tenths), c.tied ? std::string(l.tied(language)) : ""});
  }
  return t;
}

// The sections in order, each a heading, a rule line and a table; skipped when empty.
struct Section {
  std::string heading;
  std::string rule;
  Table table;
};

std::vector<Section> sections(const Assessment& a, const AssessmentExtras& x, Language language) {
  std::vector<Section> out;
  if (x.cultivation && !a.members.empty()) {
    out.push_back({std::string(l.cultivation(language)),
                   worded(l.cultivation_rule, language, x.cultivation->per_month, format_date(x.cultivation->on)),
                   cultivation_table(a, *x.cultivation, language)});
  }
  if (!x.marks.empty())
    out.push_back({std::string(l.marks(language)), std::string(l.marks_rule(language)), marks_table(a, x, language)});
  if (x.commend) {
    out.push_back({worded(l.commend, language, *x.commend), worded(l.commend_rule, language, *x.commend),
                   commend_table(a, x, language)});
  }
  return out;
}

}  // namespace

std::string render_extras_markdown(const Assessment& a, const AssessmentExtras& x, Language language) {
  std::string out;
  for (const auto& s : sections(a, x, language))
    out += "\n## " + s.heading + "\n\n" + s.rule + "\n\n" + render_markdown(s.table);
  return visible_document(out);
}

std::string render_extras_html(const Assessment& a, const AssessmentExtras& x, Language language) {
  std::string out;
  for (const auto& s : sections(a, x, language))
    out += html::heading(2, s.heading) + html::paragraph(s.rule, "note") + html::table(s.table, "");
  return out;
}

Workbook extras_workbook(const Assessment& a, const AssessmentExtras& x, Language language) {
  Workbook book;
  if (x.cultivation)
    book.push_back({"cultivation", l.cultivation_sheet(language), cultivation_table(a, *x.cultivation, language)});
  book.push_back({"marks", l.marks_sheet(language), marks_table(a, x, language)});
  if (x.commend) book.push_back({"commend", l.commend_sheet(language), commend_table(a, x, language)});
  return book;
}

}  // namespace dormlink::report
