#pragma once
// The evening digest's wording and sections (digest.hpp), shared by its text and Markdown
// (digest_render.cpp) and its HTML (digest_html.cpp): one labels table, one way of choosing
// and wording the lines; the renderers only mark them up.

#include <string>
#include <vector>

#include "dormlink/report/digest.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report::digest_words {

inline constexpr struct DigestLabels {
  Words title{"联系寝室晚报 {} {}{}", "Dorm contact digest {} {}{}"};  // date, weekday, week
  Words week{" 第{}周", ", week {}"};
  Words closing{"上学期未结事项：{}（{} 结束）", "Still open from {} (ended {})"};  // after the semester
  Words weekdays[7]{{"周日", "Sun"}, {"周一", "Mon"}, {"周二", "Tue"}, {"周三", "Wed"},
                    {"周四", "Thu"}, {"周五", "Fri"}, {"周六", "Sat"}};
  Words counselor{"辅导员 {}（{}）", "Counselor {} ({})"};
  Words branch{"党支部 {}", "Party branch {}"};
  Words member{"党员 {}（{}）", "Member {} ({})"};
  Words committee{"学院党委", "College Party committee"};
  Words totals{"逾期 {} 项，其中 {} 以来新增 {} 项；即将到期 {} 项", "{0} overdue, {2} new since {1}; {3} due soon"};
  Words totals_first{"逾期 {} 项；即将到期 {} 项", "{} overdue; {} due soon"};
  Words nothing{"没有逾期或即将到期的事项。", "Nothing is overdue or due soon."};
  Words incidents{"突发事件未按时报告（{}）", "Incidents not reported in time ({})"};
  Words incident_line{"#{} {}发现 {} {}：{}", "#{} found {}, {}, {}: {}"};
  Words concerns{"关注事项未按时确认或结案（{}）", "Concerns not acknowledged or closed in time ({})"};
  Words concern_line{"#{} {}上报 {} {}：{}", "#{} raised {}, {}, {}: {}"};
  Words about{"（{}）", " ({})"};
  Words note{"，{}", "; {}"};
  Words fresh{"新增逾期（{}）", "Newly overdue ({})"};
  Words all_overdue{"逾期事项（{}）", "Overdue ({})"};
  Words still_open{"此前逾期仍未完成 {} 项", "{} older items still open"};
  Words members{"各党员逾期（{} 人）", "Overdue per member ({})"};
  Words member_parts[4]{
      {"走访{}", "visits {}"}, {"谈心{}", "talks {}"}, {"反馈表{}", "forms {}"}, {"其他{}", "other {}"}};
  Words oldest{" 最早{}", ", oldest {}"};
  Words soon{"近期到期（{}）", "Due soon ({})"};
  Words due{"截止{}", "due {}"};
  Words times{"×{}", "×{}"};
  Words more{"……另有 {} 条", "… and {} more"};
  Words more_members{"……另有 {} 人", "… and {} more members"};
  Words whole_list{"完整清单：{}", "Everything: {}"};
  Words per_counselor{"各辅导员", "Per counselor"};
  Words counselor_row{"{}：逾期 {}（新增 {}），涉及党员 {} 人，即将到期 {}，突发事件未报告 {}",
                      "{}: {} overdue ({} new), {} members, {} due soon, incidents not reported {}"};
  Words college{"全院", "College"};
  Words committee_incidents{"突发事件未按时报告：{}", "Incidents not reported in time: {}"};
  Words self{"辅导员本人", "the counselor"};
  Words subject{"dormlink {}：逾期 {} 项（新增 {}）", "dormlink {}: {} overdue ({} new)"};
  Words text_heading{"\n【{}】\n", "\n{}:\n"};
  Words bullet{"· ", "- "};
  Words new_mark{"（新）", " (new)"};
  Words subject_day{"{}月{}日", "{}-{:02}"};
} k_words;

// A member as a line names them: the name, with the id when another person of the semester has
// the same name.
std::string member_name(const Digest& d, int index, Language language);
std::string title(const Digest& d, Language language);
std::string recipient_line(const Digest& d, Language language);
std::string totals_line(const Digest& d, Language language);
// The committee's overdue items per rule: "走访 126 · 谈心 218 · 反馈表 478".
std::string rule_counts_line(const Digest& d, Language language);

// One section as lines: a heading, then at most `limit` lines (all with --all-items), then
// "… and N more".
struct Section {
  std::string heading;
  std::vector<std::string> lines;
  int limit = 0;
  Words more = k_words.more;
  std::vector<std::string> after;  // lines after the list (the count of older items)
};

// How many of a section's lines are shown.
std::size_t shown(const Section& s);

// The digest's sections, in order, each left out when empty.
std::vector<Section> sections(const Digest& d, Language language);

}  // namespace dormlink::report::digest_words
