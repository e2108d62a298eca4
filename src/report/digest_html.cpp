// The evening digest as HTML for a phone (digest.hpp, docs/html.md): one <section
// class="document"> with what render_digest_markdown says — the title, the recipient, the
// totals, then each section as a heading over a list — in headings and lists, never a wide table.
// The wording and the sections mirror digest_render.cpp line for line.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using Kind = DigestRecipient::Kind;

// The digest's wording, as in digest_render.cpp.
constexpr struct DigestHtmlLabels {
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
  Words new_mark{"（新）", " (new)"};
} k_words;

// A member as the digest names them: the name, with the id when another person of the
// semester has the same name.
std::string member_name(const Digest& d, int index, Language language) {
  const auto* p = person_at(*d.input, index);
  if (p == nullptr) return d.recipient.kind == Kind::counselor ? k_words.self(language) : k_words.college(language);
  const bool shared = std::binary_search(d.shared_names.begin(), d.shared_names.end(), p->name);
  return shared ? fmt::format("{}({})", p->name, p->id) : p->name;
}

std::string title(const Digest& d, Language language) {
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{d.as_of}}.c_encoding();
  std::string week;
  if (d.week) week = fmt::format(pattern(k_words.week, language), *d.week);
  return fmt::format(pattern(k_words.title, language), format_date(d.as_of), k_words.weekdays[weekday](language), week);
}

std::string recipient_line(const Digest& d, Language language) {
  switch (d.recipient.kind) {
    case Kind::counselor: {
      const auto& c = d.input->counselors.at(static_cast<std::size_t>(d.recipient.index));
      return fmt::format(pattern(k_words.counselor, language), c.name, c.staff_id);
    }
    case Kind::branch:
      return fmt::format(pattern(k_words.branch, language), d.recipient.branch);
    case Kind::member: {
      const auto& p = d.input->people.at(static_cast<std::size_t>(d.recipient.index));
      return fmt::format(pattern(k_words.member, language), p.name, p.id);
    }
    case Kind::committee:
      return k_words.committee(language);
  }
  return {};
}

std::string totals_line(const Digest& d, Language language) {
  if (!d.since) return fmt::format(pattern(k_words.totals_first, language), d.overdue, d.due_soon);
  return fmt::format(pattern(k_words.totals, language), d.overdue, month_day(*d.since), d.fresh, d.due_soon);
}

std::string incident_text(const Digest& d, const DigestLine& l, Language language) {
  return fmt::format(pattern(k_words.incident_line, language), l.record_id, month_day(l.found),
                     dorm_at(*d.input, l.dorm), member_name(d, l.member, language),
                     status_label(l.rule, l.first.status, language));
}

std::string work_text(const Digest& d, const DigestLine& l, Language language) {
  std::string out = fmt::format("{} {} {}", member_name(d, l.member, language), rule_label(l.rule, language),
                                period_label(l.first, language));
  if (l.dorm >= 0 && l.count == 1) out += " " + dorm_at(*d.input, l.dorm);
  if (l.count > 1) out += " " + fmt::format(pattern(k_words.times, language), l.count);
  return out + " " + fmt::format(pattern(k_words.due, language), month_day(l.due));
}

std::string totals_text(const Digest& d, const MemberTotals& t, Language language) {
  std::string out = member_name(d, t.member, language);
  const int counts[4]{t.visits, t.talks, t.forms, t.other};
  for (std::size_t i = 0; i < 4; ++i) {
    if (counts[i] > 0) out += " " + fmt::format(pattern(k_words.member_parts[i], language), counts[i]);
  }
  return out + fmt::format(pattern(k_words.oldest, language), month_day(t.oldest));
}

std::string counselor_text(const Digest& d, const CounselorTotals& r, Language language) {
  const std::string who =
      r.counselor < 0 ? k_words.college(language) : d.input->counselors.at(static_cast<std::size_t>(r.counselor)).name;
  return fmt::format(pattern(k_words.counselor_row, language), who, r.overdue, r.fresh, r.members, r.due_soon,
                     r.incidents.text());
}

// The committee's overdue items per rule: "走访 126 · 谈心 218 · 反馈表 478".
std::string rule_counts_line(const Digest& d, Language language) {
  std::vector<std::string> parts;
  for (const auto& [rule, n] : d.rule_counts)
    parts.push_back(fmt::format("{} {}", rule_label(rule, language), n.text()));
  return fmt::format("{}", fmt::join(parts, " · "));
}

// One section: a heading, then at most `limit` lines (all with --all-items), then "… and N more".
struct Section {
  std::string heading;
  std::vector<std::string> lines;
  int limit = 0;
  Words more = k_words.more;
  std::vector<std::string> after;  // lines after the list (the count of older items)
};

Section section(std::string heading, int limit, Words more = k_words.more) {
  Section s;
  s.heading = std::move(heading);
  s.limit = limit;
  s.more = more;
  return s;
}

// The committee's one section: a line per counselor.
Section counselors_section(const Digest& d, Language language) {
  auto rows = section(k_words.per_counselor(language), 0);
  for (const auto& r : d.counselors) rows.lines.push_back(counselor_text(d, r, language));
  return rows;
}

Section new_items_section(const Digest& d, Language language) {
  const bool all = d.options.all_items;
  const bool only_new = d.since && !all;
  const auto& heading = only_new ? k_words.fresh : k_words.all_overdue;
  auto s =
      section(fmt::format(pattern(heading, language), only_new ? d.fresh : d.overdue), all ? 0 : d.options.new_limit);
  for (const auto& l : d.new_items)
    s.lines.push_back(work_text(d, l, language) + (all && d.since && l.fresh ? k_words.new_mark(language) : ""));
  if (only_new && d.overdue > d.fresh)
    s.after.push_back(fmt::format(pattern(k_words.still_open, language), d.overdue - d.fresh));
  return s;
}

std::vector<Section> sections(const Digest& d, Language language) {
  if (d.recipient.kind == Kind::committee) return {counselors_section(d, language)};
  std::vector<Section> out;
  const bool all = d.options.all_items;
  if (!d.incidents.empty()) {
    auto s = section(fmt::format(pattern(k_words.incidents, language), d.incidents.size()), 0);
    for (const auto& l : d.incidents) s.lines.push_back(incident_text(d, l, language));
    out.push_back(s);
  }
  if (!d.new_items.empty()) out.push_back(new_items_section(d, language));
  if (!d.members.empty() && d.recipient.kind != Kind::member) {
    auto s = section(fmt::format(pattern(k_words.members, language), d.members.size()),
                     all ? 0 : d.options.member_limit, k_words.more_members);
    for (const auto& t : d.members) s.lines.push_back(totals_text(d, t, language));
    out.push_back(s);
  }
  if (!d.soon.empty()) {
    auto s = section(fmt::format(pattern(k_words.soon, language), d.due_soon), all ? 0 : d.options.soon_limit);
    for (const auto& l : d.soon) s.lines.push_back(work_text(d, l, language));
    out.push_back(s);
  }
  return out;
}

// A section as an <h2> over a <ul>, the "… and N more" and the lines after it as notes.
std::string section_html(const Section& s, Language language) {
  std::string out = html::heading(2, s.heading);
  const std::size_t shown = s.limit > 0 ? std::min(s.lines.size(), static_cast<std::size_t>(s.limit)) : s.lines.size();
  out += "<ul>\n";
  for (std::size_t i = 0; i < shown; ++i) out += fmt::format("<li>{}</li>\n", html::escape(s.lines[i]));
  out += "</ul>\n";
  if (shown < s.lines.size())
    out += html::paragraph(fmt::format(pattern(s.more, language), s.lines.size() - shown), "note");
  for (const auto& a : s.after) out += html::paragraph(a);
  return out;
}

// The lines under the title: recipient, the closed semester, totals, the committee's counts.
std::string header_html(const Digest& d, Language language) {
  std::string out = html::heading(1, title(d, language));
  out += html::paragraph(recipient_line(d, language));
  if (semester_ended(d.input->semester, d.as_of)) {
    out += html::paragraph(fmt::format(pattern(k_words.closing, language), d.input->semester.id,
                                       format_date(d.input->semester.last_day())));
  }
  out += html::paragraph(totals_line(d, language));
  if (d.recipient.kind == Kind::committee) {
    out += html::paragraph(fmt::format(pattern(k_words.committee_incidents, language), d.committee_incidents.text()));
    if (!d.rule_counts.empty()) out += html::paragraph(rule_counts_line(d, language));
  }
  if (d.overdue == 0 && d.due_soon == 0 && d.incidents.empty()) out += html::paragraph(k_words.nothing(language));
  return out;
}

}  // namespace

std::string render_digest_html(const Digest& d, Language language) {
  std::string body = header_html(d, language);
  for (const auto& s : sections(d, language)) body += section_html(s, language);
  if (!d.closing_hint.empty()) {
    // The wording is a constant; only the command is data, escaped inside its <code>.
    const std::string command = "<code>" + html::escape(d.closing_hint) + "</code>";
    body += fmt::format("<p>{}</p>\n", fmt::format(pattern(k_words.whole_list, language), command));
  }
  return html::document_section(body);
}

}  // namespace dormlink::report
