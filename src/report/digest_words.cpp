#include "digest_words.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"

namespace dormlink::report::digest_words {
using check::Rule;
using Kind = DigestRecipient::Kind;

// A member as a phone line names them: the name, with the id when another person of the
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

namespace {

// The case's note (repeat, to whom, the member's claimed time) after a line, when it has one.
std::string with_note(const Digest& d, const DigestLine& l, std::string line, Language language) {
  const auto note = case_note(*d.input, l.first, language);
  return note.empty() ? line : line + fmt::format(pattern(k_words.note, language), note);
}

std::string incident_text(const Digest& d, const DigestLine& l, Language language) {
  return with_note(
      d, l,
      fmt::format(pattern(k_words.incident_line, language), l.record_id, month_day(l.found), dorm_at(*d.input, l.dorm),
                  member_name(d, l.member, language), status_label(l.rule, l.first.status, language)),
      language);
}

// A concern: the student by name only for the counselor's audience (the counselor, a member's own).
std::string concern_text(const Digest& d, const DigestLine& l, Language language) {
  std::string who = member_name(d, l.member, language);
  const auto* student = person_at(*d.input, l.first.student);
  if (student != nullptr && d.privacy.audience == Audience::counselor)
    who += fmt::format(pattern(k_words.about, language), student->name);
  return with_note(d, l,
                   fmt::format(pattern(k_words.concern_line, language), l.record_id, month_day(l.found), who,
                               rule_label(l.rule, language), status_label(l.rule, l.first.status, language)),
                   language);
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

}  // namespace

// The committee's overdue items per rule: "走访 126 · 谈心 218 · 反馈表 478".
std::string rule_counts_line(const Digest& d, Language language) {
  if (d.rule_counts.empty()) return {};
  std::vector<std::string> parts;
  for (const auto& [rule, n] : d.rule_counts)
    parts.push_back(fmt::format("{} {}", rule_label(rule, language), n.text()));
  return fmt::format("{}\n", fmt::join(parts, " · "));
}

namespace {

Section section(std::string heading, int limit, Words more = k_words.more) {
  Section s;
  s.heading = std::move(heading);
  s.limit = limit;
  s.more = more;
  return s;
}

}  // namespace

std::vector<Section> sections(const Digest& d, Language language) {
  std::vector<Section> out;
  const bool all = d.options.all_items;
  if (d.recipient.kind == Kind::committee) {
    auto rows = section(k_words.per_counselor(language), 0);
    for (const auto& r : d.counselors) rows.lines.push_back(counselor_text(d, r, language));
    out.push_back(rows);
    return out;
  }
  if (!d.incidents.empty()) {
    auto s = section(fmt::format(pattern(k_words.incidents, language), d.incidents.size()), 0);
    for (const auto& l : d.incidents) s.lines.push_back(incident_text(d, l, language));
    out.push_back(s);
  }
  if (!d.concerns.empty()) {
    auto s = section(fmt::format(pattern(k_words.concerns, language), d.concerns.size()), 0);
    for (const auto& l : d.concerns) s.lines.push_back(concern_text(d, l, language));
    out.push_back(s);
  }
  if (!d.new_items.empty()) {
    const bool only_new = d.since && !all;
    const auto& heading = only_new ? k_words.fresh : k_words.all_overdue;
    auto s =
        section(fmt::format(pattern(heading, language), only_new ? d.fresh : d.overdue), all ? 0 : d.options.new_limit);
    for (const auto& l : d.new_items)
      s.lines.push_back(work_text(d, l, language) + (all && d.since && l.fresh ? k_words.new_mark(language) : ""));
    if (only_new && d.overdue > d.fresh)
      s.after.push_back(fmt::format(pattern(k_words.still_open, language), d.overdue - d.fresh));
    out.push_back(s);
  }
  if (!d.members.empty() && d.recipient.kind != Kind::member) {
    // The list per member gives way to the incidents and concerns, down to 6 lines, so the
    // digest stays one phone screen's scroll (docs/digest.md).
    const auto urgent =
        (d.incidents.empty() ? 0 : d.incidents.size() + 2) + (d.concerns.empty() ? 0 : d.concerns.size() + 2);
    const int member_limit = std::max(6, d.options.member_limit - static_cast<int>(urgent));
    auto s = section(fmt::format(pattern(k_words.members, language), d.members.size()), all ? 0 : member_limit,
                     k_words.more_members);
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

std::size_t shown(const Section& s) {
  return s.limit > 0 ? std::min(s.lines.size(), static_cast<std::size_t>(s.limit)) : s.lines.size();
}

}  // namespace dormlink::report::digest_words
