#include "dormlink/records/entry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/pinyin.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::records {
namespace {

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

const roster::StudentRow* find_student(const roster::Snapshot& snap, const std::string& text, const char* option,
                                       ProblemCollector& problems) {
  auto wanted = util::normalize_code(text);
  std::vector<const roster::StudentRow*> matches;
  for (const auto& s : snap.students) {
    if (s.student_id == wanted || s.facts.name == wanted) return &s;
    if (!wanted.empty() && s.facts.name.starts_with(wanted)) matches.push_back(&s);
  }
  if (matches.empty()) matches = by_pinyin(snap, wanted);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    problems.add("", fmt::format("{} {}: no current student has that id or name", option, quote_value(text)));
    return nullptr;
  }
  std::string names;
  for (std::size_t i = 0; i < matches.size() && i < 5; ++i) {
    names += fmt::format("{}{} {}", i ? ", " : "", matches[i]->facts.name, matches[i]->student_id);
  }
  problems.add("", fmt::format("{} {}: {} students match ({}{}); give the student id", option, quote_value(text),
                               matches.size(), names, matches.size() > 5 ? ", ..." : ""));
  return nullptr;
}

bool takes_dorms(PoliticalStatus status) { return is_member(status) || status == PoliticalStatus::candidate; }

// No event time is later than the moment of entry (c.now, the real clock): a record says what
// has happened.
void check_time(const EntryRequest& r, const EntryContext& c, ProblemCollector& problems, std::string& semester) {
  if (c.now < r.at) {
    problems.add("", fmt::format("--at \"{}\" is later than now ({}); a record is entered after it happened",
                                 format_local(r.at), format_local(c.now)));
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
                         ? fmt::format("--at \"{}\" is outside every semester of the config ({} ended on {}); "
                                       "between semesters only incidents and excused absences are recorded",
                                       format_local(r.at), ended->id, format_date(ended->last_day()))
                         : fmt::format("--at \"{}\" is before every semester of the config", format_local(r.at)));
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
  if (!r.reason.empty()) return;
  problems.add(
      "", c.assignment == nullptr
              ? fmt::format("no assignment is committed for {} on {}; run `dormlink assign`, or pass --reason to "
                            "record it anyway",
                            row.semester_id, format_date(r.at.date))
              : fmt::format("{} {} is not assigned to dorm {} on {}; pass --reason to record it anyway", member_name,
                            member_id, *row.dorm_code, format_date(r.at.date)));
}

void resolve_talked(const EntryRequest& r, const EntryContext& c, Row& row, ProblemCollector& problems) {
  for (const auto& who : r.talked) {
    const auto* s = find_student(*c.snapshot, who, "--talked", problems);
    if (s == nullptr) continue;
    if (!row.member_id.empty() && s->student_id == row.member_id) {
      problems.add("", fmt::format("--talked \"{}\": {} {} is the member who made the contact; list the residents "
                                   "talked with",
                                   who, s->facts.name, s->student_id));
      continue;
    }
    if (row.dorm_code && s->facts.dorm != *row.dorm_code) {
      problems.add("", fmt::format("--talked {}: {} {} does not live in dorm {} on {}", quote_value(who), s->facts.name,
                                   s->student_id, *row.dorm_code, format_date(r.at.date)));
      continue;
    }
    row.students.push_back(s->student_id);
  }
  std::sort(row.students.begin(), row.students.end());
  row.students.erase(std::unique(row.students.begin(), row.students.end()), row.students.end());
}

void resolve_dorm(const EntryRequest& r, const EntryContext& c, Row& row, ProblemCollector& problems) {
  if (!r.dorm) {
    if (is_contact(r.kind)) problems.add("", fmt::format("a {} needs --dorm", key(r.kind)));
    return;
  }
  auto code = parse_dorm_code(*r.dorm);
  bool known = code && std::any_of(c.snapshot->dorms.begin(), c.snapshot->dorms.end(),
                                   [&code](const roster::DormRow& d) { return d.dorm.code() == code->code(); });
  if (!known) {
    problems.add("", fmt::format("--dorm {}: no such dorm; write building-room like 8-305", quote_value(*r.dorm)));
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
    problems.add("", fmt::format("--reported-at \"{}\" is not a date and time", *r.incident->reported_at));
    return;
  }
  if (*reported < r.at) {
    problems.add("", fmt::format("--reported-at \"{}\" is before the incident was found ({})", *r.incident->reported_at,
                                 format_local(r.at)));
  }
  if (c.now < *reported) {
    problems.add("", fmt::format("--reported-at \"{}\" is later than now ({}); record the report once it was made",
                                 *r.incident->reported_at, format_local(c.now)));
  }
}

}  // namespace

void check_correction(const Row& row, const CorrectionTarget& t, const std::string& reason) {
  if (t.id < 1 || !t.exists) {
    throw DataError(
        fmt::format("--corrects {}: there is no record #{}; give the number on the receipt of the "
                    "record to correct",
                    t.id, t.id));
  }
  ProblemCollector problems;
  const auto kind = parse_kind(t.kind);
  if (t.superseded_by) {
    problems.add("", fmt::format("record #{} was already corrected or withdrawn by #{}; correct #{} instead", t.id,
                                 *t.superseded_by, *t.superseded_by));
  }
  if (!kind || points_at_record(*kind)) {
    problems.add("", fmt::format("record #{} is a {}, which cannot be corrected", t.id, t.kind));
  } else if (*kind != row.kind) {
    problems.add("", fmt::format("record #{} is a {} ({}), not a {} ({}); a correction keeps the kind — withdraw "
                                 "#{} and record the right kind instead",
                                 t.id, label_zh(*kind), t.kind, label_zh(row.kind), key(row.kind), t.id));
  }
  if (t.member_id != row.member_id) {
    problems.add("", fmt::format("record #{} belongs to member {}, not {}; only the member's own records can be "
                                 "corrected",
                                 t.id, t.member_id, row.member_id));
  }
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(fmt::format("--corrects {}: {} problem{}; nothing was saved", t.id, count, count == 1 ? "" : "s"),
                    problems.take());
  }
  if (reason.empty()) throw UsageError("--corrects needs --reason: say what was wrong");
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
  const auto* member = find_student(*c.snapshot, r.member, "--member", problems);
  if (member != nullptr && !takes_dorms(member->facts.status)) {
    problems.add("", fmt::format("--member {}: {} {} is {}, not a Party member or candidate", quote_value(r.member),
                                 member->facts.name, member->student_id, label_zh(member->facts.status)));
    member = nullptr;
  }
  if (member != nullptr) {
    row.member_id = member->student_id;
    out.member_name = member->facts.name;
  }
  resolve_dorm(r, c, row, problems);
  if (r.kind == Kind::incident && !r.incident) {
    problems.add("",
                 "an incident needs --category (赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪, "
                 "突发事件)");
  }
  if (r.kind == Kind::incident) check_report_time(r, c, problems);
  if (r.kind == Kind::incident) row.incident = r.incident;
  if ((r.kind == Kind::plan || r.kind == Kind::summary) && !r.content.progress && !r.content.note) {
    problems.add("", fmt::format("a {} needs its text (--progress or --note)", key(r.kind)));
  }
  if (r.kind == Kind::excused && r.reason.empty()) {
    problems.add("", "an excused record needs --reason (resident away, dorm empty, holiday, ill, placement...)");
  }
  if (member != nullptr && is_contact(r.kind)) check_assignment(r, c, row.member_id, out.member_name, row, problems);
  resolve_talked(r, c, row, problems);
  if (!problems.empty()) {
    auto count = problems.size();
    throw DataError(fmt::format("{} problem{}; nothing was saved", count, count == 1 ? "" : "s"), problems.take());
  }
  return out;
}

std::string in_form_columns(std::string_view message) {
  // Longer options first: --reported-at before --at would not matter (a space follows the
  // option), but keeps the table readable.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> k_options{{
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
    if (message.compare(pos, 2, "--") == 0 && (pos == 0 || message[pos - 1] == ' ')) {
      for (const auto& [option, column] : k_options) {
        const auto end = pos + option.size();
        if (message.compare(pos, option.size(), option) != 0) continue;
        if (end < message.size() && message[end] != ' ' && message[end] != ':' && message[end] != ',') continue;
        out += fmt::format("column \"{}\"", column);
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
