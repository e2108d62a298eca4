#include "dormlink/records/entry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/pinyin.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

// What a concern typed with a record may not be (docs/cases.md "Opening a concern"). Each names
// --concern, which a CSV file's or a form's message shows as the column 需上报情况.
namespace say {
inline constexpr Message concern_needs_talk{
    "--concern goes on a talk, and this record is a {}: use --kind talk, or a visit with --talked",
    "--concern 只能随谈心记录提出，而这条记录是{}：请用 --kind talk，或在走访时给出 --talked"};
inline constexpr Message concern_needs_talk_row{"--concern goes on a talk, and this row is a {}: fill 类型 with 谈心",
                                                "--concern 只能随谈心记录提出，而这一行是{}：请在 类型 中填写 谈心"};
inline constexpr Message concern_no_student{"--concern: the talk names no student; name the student it is about",
                                            "--concern：这次谈心没有写明学生；请写明关注事项所针对的学生"};
inline constexpr Message concern_several{
    "--concern: the talk names {} students ({}); say which one the concern is about with --concern-about",
    "--concern：这次谈心涉及 {} 名学生（{}）；请用 --concern-about 指明关注事项针对哪一名"};
inline constexpr Message concern_several_row{
    "--concern: the row names {} students ({}); a concern is about one student: give that talk a row of its own",
    "--concern：这一行涉及 {} 名学生（{}）；关注事项只针对一名学生：请把与该生的谈心单独写一行"};
inline constexpr Message concern_about_none{"--concern-about {}: not one of the talk's students ({})",
                                            "--concern-about {}：不是这次谈心的学生（{}）之一"};
inline constexpr Message concern_about_several{
    "--concern-about {}: several of the talk's students match ({}); give the student id",
    "--concern-about {}：这次谈心中有多名学生符合（{}）；请给出学号"};
}  // namespace say

// A kind as a message names it: its key in English ("visit"), its label in Chinese ("走访").
std::string kind_word(Kind kind) {
  return std::string(message_language() == Language::zh ? label_zh(kind) : key(kind));
}

// Students whose name's pinyin matches Latin text the user typed ("zhangsan", "zs", "zhangs"),
// best kind of match only: a full reading beats initials, initials beat a prefix.
std::vector<const roster::StudentRow*> by_pinyin(const roster::Snapshot& snap, const std::string& wanted) {
  std::vector<const roster::StudentRow*> best;
  auto best_kind = util::PinyinMatch::none;
  if (!util::is_pinyin_text(wanted)) return best;  // an id or a Chinese name: no pinyin search
  for (const auto& s : snap.students) {
    const auto kind = util::match_pinyin(wanted, util::pinyin(s.facts.name));
    if (kind == util::PinyinMatch::none || kind < best_kind) continue;
    if (best_kind < kind) {
      best.clear();
      best_kind = kind;
    }
    best.push_back(&s);
  }
  return best;
}

bool takes_dorms(PoliticalStatus status) { return is_member(status) || status == PoliticalStatus::candidate; }

// Keeps the members and candidates among several matches, when there are any: "lqz" names the
// one member among three students with those initials.
void prefer_members(std::vector<const roster::StudentRow*>& matches) {
  if (matches.size() < 2) return;
  std::vector<const roster::StudentRow*> members;
  for (const auto* s : matches) {
    if (takes_dorms(s->facts.status)) members.push_back(s);
  }
  if (!members.empty()) matches = std::move(members);
}

// `members_first`: for --member, several matches are narrowed to the members among them.
const roster::StudentRow* find_student(const EntryContext& c, const std::string& text, const char* option,
                                       ProblemCollector& problems, bool members_first = false) {
  const roster::Snapshot& snap = *c.snapshot;
  auto wanted = util::normalize_code(text);
  std::vector<const roster::StudentRow*> matches;
  for (const auto& s : snap.students) {
    if (s.student_id == wanted || s.facts.name == wanted) return &s;
    if (!wanted.empty() && s.facts.name.starts_with(wanted)) matches.push_back(&s);
  }
  if (matches.empty()) matches = by_pinyin(snap, wanted);
  if (members_first) prefer_members(matches);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    const auto why = c.explain_absent ? c.explain_absent(option, wanted) : std::nullopt;
    problems.add("", why ? *why : msg::no_student(option, quote_value(text)));
    return nullptr;
  }
  std::string names;
  for (std::size_t i = 0; i < matches.size() && i < 5; ++i) {
    names += fmt::format("{}{} {}", i ? ", " : "", matches[i]->facts.name, matches[i]->student_id);
  }
  problems.add(
      "", msg::several_students(option, quote_value(text), matches.size(), names, matches.size() > 5 ? ", ..." : ""));
  return nullptr;
}

// No event time is later than the moment of entry (c.now, the real clock): a record says what
// has happened.
void check_time(const EntryRequest& r, const EntryContext& c, ProblemCollector& problems, std::string& semester) {
  if (c.now < r.at) {
    problems.add("", msg::later_than_now(format_local(r.at), format_local(c.now)));
  }
  if (c.calendar == nullptr) return;
  // Incidents and excused absences happen in the holidays too: between semesters they belong
  // to the semester that ended last (its last assignment holds the dorm). Other contacts are
  // made in term only.
  const bool any_date = r.kind == Kind::incident || r.kind == Kind::excused;
  const auto* s = any_date ? c.calendar->attributed(r.at.date) : c.calendar->containing(r.at.date);
  if (s == nullptr) {
    const auto* ended = c.calendar->last_ended_before(r.at.date);
    problems.add("", ended != nullptr
                         ? msg::outside_semesters(format_local(r.at), ended->id, format_date(ended->last_day()))
                         : msg::before_semesters(format_local(r.at)));
    return;
  }
  semester = s->id;
}

// The dorm must be the member's on that date, unless a reason is given (then it is marked).
void check_assignment(const EntryRequest& r, const EntryContext& c, const std::string& member_id,
                      const std::string& member_name, Row& row, ProblemCollector& problems) {
  if (!row.dorm_code) return;
  std::string holder;
  if (c.assignment != nullptr) {
    auto it = c.assignment->find(*row.dorm_code);
    if (it != c.assignment->end()) holder = it->second;
  }
  if (holder == member_id) return;
  row.off_assignment = true;
  // Outside every semester there is no assignment to name: that problem is reported already.
  if (!r.reason.empty() || (c.assignment == nullptr && row.semester_id.empty())) return;
  problems.add("", c.assignment == nullptr
                       ? msg::no_assignment(row.semester_id, format_date(r.at.date))
                       : msg::not_assigned(member_name, member_id, *row.dorm_code, format_date(r.at.date)));
}

void resolve_talked(const EntryRequest& r, const EntryContext& c, Row& row, ProblemCollector& problems) {
  for (const auto& who : r.talked) {
    const auto* s = find_student(c, who, "--talked", problems);
    if (s == nullptr) continue;
    if (!row.member_id.empty() && s->student_id == row.member_id) {
      problems.add("", msg::talked_is_member(who, s->facts.name, s->student_id));
      continue;
    }
    if (row.dorm_code && s->facts.dorm != *row.dorm_code) {
      problems.add("", msg::talked_not_resident(quote_value(who), s->facts.name, s->student_id, *row.dorm_code,
                                                format_date(r.at.date)));
      continue;
    }
    row.students.push_back(s->student_id);
  }
  std::sort(row.students.begin(), row.students.end());
  row.students.erase(std::unique(row.students.begin(), row.students.end()), row.students.end());
}

void resolve_dorm(const EntryRequest& r, const EntryContext& c, Row& row, ProblemCollector& problems) {
  if (!r.dorm) {
    if (is_contact(r.kind)) problems.add("", msg::needs_dorm(kind_word(r.kind)));
    return;
  }
  auto code = parse_dorm_code(*r.dorm);
  bool known = code && std::any_of(c.snapshot->dorms.begin(), c.snapshot->dorms.end(),
                                   [&code](const roster::DormRow& d) { return d.dorm.code() == code->code(); });
  if (!known) {
    const auto why = c.explain_absent ? c.explain_absent("--dorm", *r.dorm) : std::nullopt;
    problems.add("", why ? *why : msg::no_such_dorm(quote_value(*r.dorm)));
    return;
  }
  row.dorm_code = code->code();
}

// REQUIREMENTS §2: an incident is reported after it was found, and a report time is a time
// that has passed when it is entered: a future report time would silence the incident.
void check_report_time(const EntryRequest& r, const EntryContext& c, ProblemCollector& problems) {
  if (!r.incident || !r.incident->reported_at) return;
  const auto parsed = parse_when(*r.incident->reported_at, r.at.date);
  const auto* reported = std::get_if<LocalDateTime>(&parsed);
  if (reported == nullptr) {
    problems.add("", msg::reported_not_time(*r.incident->reported_at));
    return;
  }
  if (*reported < r.at) {
    problems.add("", msg::reported_before_found(*r.incident->reported_at, format_local(r.at)));
  }
  if (c.now < *reported) {
    problems.add("", msg::reported_later_than_now(*r.incident->reported_at, format_local(c.now)));
  }
}

// The talk's students as "name id, name id".
std::string students_shown(const EntryContext& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    std::string name;
    for (const auto& s : c.snapshot->students)
      if (s.student_id == id) name = s.facts.name;
    out += fmt::format("{}{}{}", out.empty() ? "" : ", ", name.empty() ? "" : name + " ", id);
  }
  return out;
}

// The one of the talk's students `about` names: id or name, else a unique name prefix, else pinyin.
std::vector<std::string> among_students(const EntryContext& c, const std::vector<std::string>& ids,
                                        const std::string& about) {
  const auto wanted = util::normalize_code(about);
  std::vector<const roster::StudentRow*> named;
  for (const auto& s : c.snapshot->students)
    if (std::find(ids.begin(), ids.end(), s.student_id) != ids.end()) named.push_back(&s);
  std::vector<std::string> exact, prefix, latin;
  auto best_kind = util::PinyinMatch::none;
  for (const auto* s : named) {
    if (s->student_id == wanted || s->facts.name == wanted) exact.push_back(s->student_id);
    if (!wanted.empty() && s->facts.name.starts_with(wanted)) prefix.push_back(s->student_id);
    if (!util::is_pinyin_text(wanted)) continue;
    const auto kind = util::match_pinyin(wanted, util::pinyin(s->facts.name));
    if (kind == util::PinyinMatch::none || kind < best_kind) continue;
    if (best_kind < kind) latin.clear();
    best_kind = kind;
    latin.push_back(s->student_id);
  }
  if (!exact.empty()) return exact;
  return prefix.empty() ? latin : prefix;
}

// The student a concern is about, or why it cannot be told (ResolvedEntry::concern_problem).
void resolve_concern(const EntryRequest& r, const EntryContext& c, ResolvedEntry& out) {
  if (!r.concern) return;
  const auto& ids = out.row.students;
  const bool row = r.concern->in_table;
  if (r.kind != Kind::talk) {
    out.concern_problem = (row ? say::concern_needs_talk_row : say::concern_needs_talk)(kind_word(r.kind));
  } else if (ids.empty()) {
    out.concern_problem = say::concern_no_student();
  } else if (r.concern->about.empty() && ids.size() == 1) {
    out.concern_student = ids.front();
  } else if (r.concern->about.empty()) {
    out.concern_problem = (row ? say::concern_several_row : say::concern_several)(ids.size(), students_shown(c, ids));
  } else {
    const auto found = among_students(c, ids, r.concern->about);
    if (found.size() == 1) {
      out.concern_student = found.front();
    } else {
      out.concern_problem = (found.empty() ? say::concern_about_none : say::concern_about_several)(
          quote_value(r.concern->about), students_shown(c, found.empty() ? ids : found));
    }
  }
}

}  // namespace

void check_correction(const Row& row, const CorrectionTarget& t, const std::string& reason) {
  if (t.id < 1 || !t.exists) {
    throw DataError(msg::no_record_to_correct(t.id, t.id));
  }
  ProblemCollector problems;
  const auto kind = parse_kind(t.kind);
  if (t.superseded_by) {
    problems.add("", msg::already_superseded(t.id, *t.superseded_by, *t.superseded_by));
  }
  if (!kind || points_at_record(*kind)) {
    problems.add("", msg::cannot_correct_kind(t.id, t.kind));
  } else if (*kind != row.kind) {
    problems.add("", msg::correction_kind(t.id, label_zh(*kind), t.kind, label_zh(row.kind), key(row.kind), t.id));
  }
  if (t.member_id != row.member_id) {
    problems.add("", msg::correction_member(t.id, t.member_id, row.member_id));
  }
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(msg::correction_problems(t.id, count, count == 1 ? "" : "s"), problems.take());
  }
  if (reason.empty()) throw UsageError(msg::correction_needs_reason());
}

const roster::StudentRow& find_member(const std::string& text, const EntryContext& c) {
  ProblemCollector problems;
  const auto* member = find_student(c, text, "--member", problems, true);
  if (member != nullptr && !takes_dorms(member->facts.status)) {
    problems.add("", msg::not_a_member(quote_value(text), member->facts.name, member->student_id,
                                       label_zh(member->facts.status)));
  }
  if (!problems.empty()) throw DataError(problems.problems().front().message);
  return *member;
}

ResolvedEntry resolve_entry(const EntryRequest& r, const EntryContext& c) {
  ProblemCollector problems;
  ResolvedEntry out;
  auto& row = out.row;
  row.kind = r.kind;
  row.channel = r.channel;
  row.reason = r.reason;
  row.happened_at = format_local(r.at);
  check_time(r, c, problems, row.semester_id);
  const auto* member = find_student(c, r.member, "--member", problems, true);
  if (member != nullptr && !takes_dorms(member->facts.status)) {
    problems.add("", msg::not_a_member(quote_value(r.member), member->facts.name, member->student_id,
                                       label_zh(member->facts.status)));
    member = nullptr;
  }
  if (member != nullptr) {
    row.member_id = member->student_id;
    out.member_name = member->facts.name;
  }
  resolve_dorm(r, c, row, problems);
  if (r.kind == Kind::incident && !r.incident) {
    problems.add("", msg::incident_needs_category());
  }
  if (r.kind == Kind::incident) check_report_time(r, c, problems);
  if (r.kind == Kind::incident) row.incident = r.incident;
  if ((r.kind == Kind::plan || r.kind == Kind::summary) && !r.content.progress && !r.content.note) {
    problems.add("", msg::needs_text(kind_word(r.kind)));
  }
  if (r.kind == Kind::excused && r.reason.empty()) {
    problems.add("", msg::excused_needs_reason());
  }
  if (member != nullptr && is_contact(r.kind)) check_assignment(r, c, row.member_id, out.member_name, row, problems);
  resolve_talked(r, c, row, problems);
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(msg::entry_problems(count, count == 1 ? "" : "s"), problems.take());
  }
  resolve_concern(r, c, out);
  return out;
}

std::string in_form_columns(std::string_view message) {
  const auto non_ascii = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  // Longer options first: --reported-at before --at would not matter (a space follows the
  // option), but keeps the table readable.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> k_options{{
      {"--concern", "需上报情况"},
      {"--talked", "联系学生姓名及方式"},
      {"--dorm", "联系寝室名称"},
      {"--at", "时间"},
      {"--member", "党员姓名"},
      {"--reported-at", "报告时间"},
      {"--category", "事件类别"},
      {"--corrects", "更正记录"},
      {"--progress", "工作进展及成效"},
      {"--note", "说明"},
      {"--reason", "原因"},
  }};
  std::string out;
  std::size_t pos = 0;
  while (pos < message.size()) {
    bool replaced = false;
    // An option stands after a space or Chinese punctuation (（--progress), before a space, a
    // colon, a comma or Chinese punctuation (--reason：).
    if (message.compare(pos, 2, "--") == 0 && (pos == 0 || message[pos - 1] == ' ' || non_ascii(message[pos - 1]))) {
      for (const auto& [option, column] : k_options) {
        const auto end = pos + option.size();
        if (message.compare(pos, option.size(), option) != 0) continue;
        if (end < message.size() && message[end] != ' ' && message[end] != ':' && message[end] != ',' &&
            !non_ascii(message[end]))
          continue;
        out += msg::column_named(column);
        pos = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += message[pos++];
  }
  return out;
}

}  // namespace dormlink::records
