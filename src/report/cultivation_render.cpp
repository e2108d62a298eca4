// The feedback form's section 入党积极分子培养 (docs/studio.md §1): the activists of the
// member's dorms with done/required, and each dorm's cultivation and education contacts, as
// Markdown, HTML, JSON and a sheet. Built by cultivation.cpp.
#include <fmt/format.h>

#include "dormlink/report/cultivation.hpp"
#include "dormlink/report/feedback_report.hpp"  // report_date
#include "dormlink/report/html.hpp"

namespace dormlink::report {
namespace {

// Every wording of the section, zh and en side by side.
struct CultivationLabels {
  Words heading{"\n## 入党积极分子培养\n\n", "\n## Cultivating activists\n\n"};
  Words html_heading{"入党积极分子培养", "Cultivating activists"};
  Words rule{"要求：每名入党积极分子每月培养联系 {} 次（本学期有值班周的月份，截至{}）。",
             "Required: {} cultivation contact(s) per activist per month (months with a duty week of the "
             "semester, up to {})."};
  Words no_activists{"所联系寝室暂无入党积极分子。", "No activist lives in the member's dorms."};
  Words names_left_out{"（学院党委版不列姓名。）", "(The committee's copy names no one.)"};
  std::array<Words, 5> activist_columns{{{"寝室", "Dorm"},
                                         {"入党积极分子", "Activist"},
                                         {"学号", "Student id"},
                                         {"已培养", "Done"},
                                         {"应培养", "Required"}}};
  std::array<Words, 5> dorm_columns{{{"寝室", "Dorm"},
                                     {"入党积极分子人数", "Activists"},
                                     {"培养完成/应完成", "Cultivation done/required"},
                                     {"培养联系", "Cultivation contacts"},
                                     {"知党爱党教育", "Education contacts"}}};
  std::array<Words, 2> member_columns{{{"党员学号", "Member id"}, {"党员", "Member"}}};
  Words sheet{"入党积极分子培养", "Cultivation"};
};

constexpr CultivationLabels l{};

template <std::size_t N>
std::vector<std::string> header_of(const std::array<Words, N>& columns, Language language) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.emplace_back(c(language));
  return out;
}

bool names_shown(const MemberCultivation& m) {
  for (const auto& d : m.dorms)
    for (const auto& a : d.activists)
      if (!a.id.empty()) return true;
  return false;
}

Table activist_table(const MemberCultivation& m, Language language) {
  Table t{
      header_of(l.activist_columns, language), {Align::left, Align::left, Align::left, Align::right, Align::right}, {}};
  for (const auto& d : m.dorms)
    for (const auto& a : d.activists)
      t.rows.push_back({d.dorm, a.name, a.id, std::to_string(a.done), std::to_string(a.required)});
  return t;
}

Table dorm_table(const MemberCultivation& m, Language language) {
  Table t{
      header_of(l.dorm_columns, language), {Align::left, Align::right, Align::left, Align::right, Align::right}, {}};
  for (const auto& d : m.dorms) {
    int done = 0;
    int required = 0;
    for (const auto& a : d.activists) {
      done += std::min(a.done, a.required);
      required += a.required;
    }
    t.rows.push_back({d.dorm, std::to_string(d.activists.size()), fmt::format("{}/{}", done, required),
                      std::to_string(d.cultivation), std::to_string(d.education)});
  }
  return t;
}

std::string rule_line(const MemberCultivation& m, Language language) {
  return fmt::format(fmt::runtime(l.rule(language)), m.per_month, report_date(m.on, language));
}

}  // namespace

std::string cultivation_form_markdown(const std::optional<MemberCultivation>& member, Language language) {
  if (!member) return {};
  const auto& m = *member;
  std::string out = l.heading(language) + rule_line(m, language) + "\n\n";
  if (m.activists == 0) {
    out += std::string(l.no_activists(language)) + "\n\n";
  } else if (names_shown(m)) {
    out += render_markdown(activist_table(m, language)) + "\n";
  } else {
    out += std::string(l.names_left_out(language)) + "\n\n";
  }
  return out + render_markdown(dorm_table(m, language));
}

std::string cultivation_form_html(const std::optional<MemberCultivation>& member, Language language) {
  if (!member) return {};
  const auto& m = *member;
  std::string out = html::heading(2, l.html_heading(language)) + html::paragraph(rule_line(m, language), "note");
  if (m.activists == 0) {
    out += html::paragraph(l.no_activists(language));
  } else if (names_shown(m)) {
    out += html::table(activist_table(m, language), "");
  } else {
    out += html::paragraph(l.names_left_out(language), "note");
  }
  return out + html::table(dorm_table(m, language), "");
}

Json cultivation_form_json(const std::optional<MemberCultivation>& member) {
  if (!member) return nullptr;
  const auto& m = *member;
  Json dorms = Json::array();
  for (const auto& d : m.dorms) {
    Json activists = Json::array();
    for (const auto& a : d.activists) {
      activists.push_back({{"id", a.id.empty() ? Json(nullptr) : Json(a.id)},
                           {"name", a.name.empty() ? Json(nullptr) : Json(a.name)},
                           {"months", a.months},
                           {"required", a.required},
                           {"done", a.done}});
    }
    dorms.push_back({{"dorm", d.dorm},
                     {"activists", std::move(activists)},
                     {"cultivation", d.cultivation},
                     {"education", d.education}});
  }
  return {
      {"per_month", m.per_month}, {"as_of", format_date(m.on)}, {"activists", m.activists}, {"required", m.required},
      {"done", m.done},           {"education", m.education},   {"dorms", std::move(dorms)}};
}

Sheet cultivation_form_sheet(const std::optional<MemberCultivation>& member, const std::string& member_name,
                             Language language) {
  Table t = member ? activist_table(*member, language) : Table{header_of(l.activist_columns, language), {}, {}};
  if (!member) t.align = {Align::left, Align::left, Align::left, Align::right, Align::right};
  const auto lead = header_of(l.member_columns, language);
  t.header.insert(t.header.begin(), lead.begin(), lead.end());
  t.align.insert(t.align.begin(), {Align::left, Align::left});
  if (member) {
    for (auto& row : t.rows) row.insert(row.begin(), {member->id, member_name});
  }
  return {"cultivation", std::string(l.sheet(language)), std::move(t)};
}

}  // namespace dormlink::report
