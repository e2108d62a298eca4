// dormlink inspect record, findings about records (docs/inspect.md "inspect record"): for each
// listed record (and, optionally, one of its students), whether the residents confirmed or
// contradicted it. The inspector is a staff member with role inspector (inspect_support.cpp).
#include <algorithm>
#include <charconv>
#include <tuple>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/inspect_support.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/inspection_report.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of inspect record about records (docs/messages.md).
namespace say {
inline constexpr Message bad_listed{"{} {}: use record numbers, each optionally with a student: 12,15:张三",
                                    "{} {}：请写记录编号，每个编号后可加学生：12,15:张三"};
inline constexpr Message nothing_listed{
    "list what the inspectors checked: --confirmed R[:STUDENT],... or --contradicted ...; or record what they found "
    "without a record: --finding no_contact|dorm_condition|other --note TEXT",
    "请列出检查组核实过的记录：--confirmed R[:STUDENT],... 或 --contradicted ...；或记录无记录的检查发现：--finding "
    "no_contact|dorm_condition|other --note 内容"};
inline constexpr Message member_required{
    "--member is required with --confirmed or --contradicted: whose records were checked",
    "使用 --confirmed 或 --contradicted 时需要 --member：核查的是哪位党员的记录"};
inline constexpr Message with_finding_only{"{} goes with --finding (a finding without a record)",
                                           "{} 只能与 --finding（无记录的检查发现）一起使用"};
inline constexpr Message listed_twice{"record {} is listed twice", "记录 {} 列了两次"};
inline constexpr Message names_no_students{"record #{} names no students, so {} cannot confirm or deny it",
                                           "记录 #{} 没有记载任何学生，所以 {} 无法证实或否认它"};
inline constexpr Message not_among_students{"record #{}: {} is not among its students ({})",
                                            "记录 #{}：{} 不在其记载的学生（{}）之中"};
inline constexpr Message superseded{"record #{} was corrected or withdrawn by #{}; inspect #{} instead",
                                    "记录 #{} 已被 #{} 更正或撤回；请改为核查 #{}"};
// The kind as stored ("plan") in English, its Chinese label ("工作计划") in Chinese.
inline constexpr Message not_contact{"record #{0} is a {1} record, not a contact with a dorm{2:.0}",
                                     "记录 #{0} 是“{2}”记录{1:.0}，不是联系寝室的记录"};
inline constexpr Message logged_by_other{"record #{} was logged by {}, not by {} {}",
                                         "记录 #{} 由 {} 录入，而不是 {} {}"};
inline constexpr Message other_dorm{"record #{} is for dorm {}, not {}", "记录 #{} 是寝室 {} 的记录，而不是 {} 的"};
inline constexpr Message after_inspection{"record #{} happened on {}, after the inspection on {}",
                                          "记录 #{} 发生于 {}，晚于 {} 的检查"};
inline constexpr Message no_such_record{"record #{}: there is no such record", "记录 #{}：没有这条记录"};
inline constexpr Message nothing_recorded{"{}; nothing was recorded", "{}；未记录任何内容"};
inline constexpr Message problems_nothing_recorded{"{} problems with the listed records; nothing was recorded",
                                                   "所列记录有 {} 个问题；未记录任何内容"};
}  // namespace say

// One listed record (and, optionally, one of its students) with the verdict.
struct Listed {
  std::int64_t record = 0;
  std::string student;  // as typed; empty: the record as a whole
  bool contradicted = false;
  std::string text;  // as typed, for messages
};

Listed parse_listed(const std::string& piece, bool contradicted, const char* option) {
  Listed l;
  l.contradicted = contradicted;
  l.text = piece;
  auto colon = piece.find(':');
  std::string number(util::trim(piece.substr(0, colon)));
  if (!number.empty() && number.front() == '#') number.erase(0, 1);
  if (colon != std::string::npos) l.student = std::string(util::trim(piece.substr(colon + 1)));
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), l.record);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || l.record <= 0 ||
      (colon != std::string::npos && l.student.empty())) {
    throw UsageError(say::bad_listed(option, quote_value(piece)));
  }
  return l;
}

// Every --confirmed and --contradicted entry; a record (and student) listed twice is refused.
std::vector<Listed> parse_all_listed(const RecordOptions& o) {
  std::vector<Listed> all;
  for (const auto& [values, contradicted, option] :
       {std::tuple(&o.confirmed, false, "--confirmed"), std::tuple(&o.contradicted, true, "--contradicted")}) {
    for (const auto& value : *values) {
      const auto text = util::nfkc(value);  // full-width ，and ： become , and :
      std::size_t start = 0;
      for (auto comma = text.find(',', start);; comma = text.find(',', start)) {
        all.push_back(parse_listed(text.substr(start, comma - start), contradicted, option));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }
  if (all.empty()) throw UsageError(say::nothing_listed());
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (all[i].record == all[j].record && all[i].student == all[j].student) {
        throw UsageError(say::listed_twice(quote_value(all[i].text)));
      }
    }
  }
  return all;
}

// The student of the record a listed entry names; empty when it names none.
std::optional<store::NamedStudent> listed_student(const store::InspectedRecord& r, const Listed& l,
                                                  std::vector<std::string>& problems) {
  if (l.student.empty()) return std::nullopt;
  const auto wanted = util::normalize_code(l.student);
  for (const auto& s : r.students) {
    if (s.id == wanted || s.name == wanted) return s;
  }
  std::vector<std::string> names;
  for (const auto& s : r.students) names.push_back(s.name);
  problems.push_back(r.students.empty()
                         ? say::names_no_students(r.id, quote_value(l.student))
                         : say::not_among_students(r.id, quote_value(l.student), fmt::join(names, "、")));
  return std::nullopt;
}

// What a finding about record `r` needs: an effective contact by the member for the dorm,
// on or before the inspection. Adds a message per problem.
void check_record(const store::InspectedRecord& r, const roster::StudentRow& member, const std::string& dorm, Date on,
                  std::vector<std::string>& problems) {
  auto kind = records::parse_kind(r.kind);
  if (r.superseded_by) {
    problems.push_back(say::superseded(r.id, *r.superseded_by, *r.superseded_by));
  } else if (!kind || !records::is_contact(*kind)) {
    problems.push_back(say::not_contact(r.id, r.kind, kind ? std::string(records::label_zh(*kind)) : r.kind));
  } else if (r.member_id != member.student_id) {
    problems.push_back(say::logged_by_other(r.id, r.member_id, member.facts.name, member.student_id));
  } else if (r.dorm_code != dorm) {
    problems.push_back(say::other_dorm(r.id, r.dorm_code.value_or("-"), dorm));
  } else if (r.happened_at.substr(0, 10) > format_date(on)) {
    problems.push_back(say::after_inspection(r.id, r.happened_at.substr(0, 10), format_date(on)));
  }
}

// The findings to save and the receipt lines, checked; throws DataError naming every bad record.
struct Prepared {
  std::vector<store::FindingRow> rows;
  std::vector<report::FindingLine> lines;
};

Prepared prepare_findings(store::Database& db, const std::vector<Listed>& listed, const roster::StudentRow& member,
                          const std::string& dorm, Date on) {
  Prepared p;
  std::vector<std::string> problems;
  for (const auto& l : listed) {
    auto r = store::inspected_record(db, l.record);
    if (!r) {
      problems.push_back(say::no_such_record(l.record));
      continue;
    }
    const auto before = problems.size();
    check_record(*r, member, dorm, on, problems);
    auto student = listed_student(*r, l, problems);
    if (problems.size() != before) continue;
    store::FindingRow f;
    f.semester_id = r->semester_id;
    f.member_id = member.student_id;
    f.dorm_code = dorm;
    f.inspected_on = format_date(on);
    f.record_id = r->id;
    if (student) f.student_id = student->id;
    f.verdict = l.contradicted ? store::Verdict::contradicted : store::Verdict::confirmed;
    p.rows.push_back(std::move(f));
    p.lines.push_back({0, r->id, r->kind, r->happened_at, student ? student->name : std::string(), l.contradicted});
  }
  if (problems.size() == 1) throw DataError(say::nothing_recorded(problems.front()));
  if (!problems.empty()) {
    const auto summary = say::problems_nothing_recorded(problems.size());
    std::vector<Problem> located;
    for (auto& m : problems) located.push_back({"", std::move(m)});
    throw DataError(summary, std::move(located));
  }
  return p;
}

// Findings about records: parsed and checked before the database opens (exit 64), then the
// member, the inspector (exit 65 naming the inspectors), the sample and the records.
int run_findings(Context& ctx, const RecordOptions& o) {
  for (const auto& [value, option] : {std::pair{&o.student, "--student"}, std::pair{&o.category, "--category"}})
    if (!value->empty()) throw UsageError(say::with_finding_only(option));
  const auto listed = parse_all_listed(o);
  if (util::trim(o.member).empty()) throw UsageError(say::member_required());
  const Date on = inspected_on(ctx, o.on);
  const auto dorm = inspected_dorm(o.dorm);
  const auto inspector_typed = inspector_text(o.inspector);
  auto db = ctx.open_database(store::OpenMode::read_write);
  report::FindingsReceipt receipt;
  db.transaction([&] {
    const auto snapshot = store::load_roster(db, on);
    const auto& member = find_student(db, snapshot, o.member, on, "--member");
    const auto& inspector = find_inspector(snapshot, inspector_typed, on);
    if (o.sample > 0) check_sample(db, o.sample, member.student_id, dorm);
    auto prepared = prepare_findings(db, listed, member, dorm, on);
    const auto entered_at = ctx.timestamp();
    for (auto& f : prepared.rows) {
      if (o.sample > 0) f.sample_id = o.sample;
      f.inspector = inspector.staff_id;
      f.note = o.note;
      f.entered_at = entered_at;
      f.entered_by = ctx.user();
    }
    const auto ids = store::save_findings(db, prepared.rows);
    for (std::size_t i = 0; i < ids.size(); ++i) prepared.lines[i].finding_id = ids[i];
    receipt = {member.facts.name,
               member.student_id,
               dorm,
               format_date(on),
               staff_label(inspector),
               o.sample > 0 ? std::optional<std::int64_t>(o.sample) : std::nullopt,
               std::move(prepared.lines),
               {}};
  });
  for (const auto& line : receipt.lines) {
    if (line.contradicted) receipt.flagged.push_back(line.record_id);
  }
  std::sort(receipt.flagged.begin(), receipt.flagged.end());
  receipt.flagged.erase(std::unique(receipt.flagged.begin(), receipt.flagged.end()), receipt.flagged.end());
  if (!ctx.options().quiet) {
    cli::receipt(ctx, report::render_findings_receipt(receipt, ctx.language()));
  }
  return 0;
}

}  // namespace

int run_record(Context& ctx, const RecordOptions& o) {
  if (!util::trim(o.finding).empty()) return run_observation(ctx, o);
  return run_findings(ctx, o);
}

}  // namespace dormlink::cli
