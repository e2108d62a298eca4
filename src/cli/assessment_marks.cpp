// `report assessment --mark … --by WHO [--note TEXT]` (assessment_marks.hpp, docs/studio.md
// §3): every mark parsed and checked before the first is written, then all appended in the
// command's one transaction.
#include "cli/assessment_marks.hpp"

#include <fmt/format.h>

#include "cli/messages.hpp"
#include "cli/studio_support.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/studio_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The marks' messages (docs/messages.md).
namespace say {
inline constexpr Message mark_syntax{
    "--mark {} is not MEMBER:SOURCE:MARK; write e.g. --mark 2023110104:studio:优秀 or --mark 2023110104:branch:88",
    "--mark {} 不是 成员:来源:评定 的形式；例如 --mark 2023110104:工作室:优秀 或 --mark 2023110104:支部:88"};
inline constexpr Message mark_source{"--mark {}: {} is not a source; use studio (工作室) or branch (支部)",
                                     "--mark {}：{} 不是评定来源；请写 工作室（studio）或 支部（branch）"};
inline constexpr Message mark_value{
    "--mark {}: {} is not a mark; use 优秀, 合格, 基本合格, 不合格 (excellent, pass, basic, fail) or a whole score "
    "0-100",
    "--mark {}：{} 不是评定；请写 优秀、合格、基本合格、不合格（excellent、pass、basic、fail）或 0—100 的整数分"};
inline constexpr Message mark_needs_by{
    "--mark needs --by WHO: the id of the studio member or branch secretary giving it",
    "--mark 需要 --by：给出评定的工作室成员或支部书记的工号/学号"};
inline constexpr Message by_needs_mark{"--by and --note go with --mark MEMBER:SOURCE:MARK",
                                       "--by 和 --note 须与 --mark 成员:来源:评定 一起使用"};
inline constexpr Message not_assessed{
    "--mark {}: {} is not a member this assessment of {} lists; use the student id the assessment shows",
    "--mark {}：{} 不在 {} 学期考核所列党员之中；请用考核中显示的学号"};
inline constexpr Message ambiguous_member{"--mark {}: several members are named {}; use the student id",
                                          "--mark {}：有多名党员叫 {}；请用学号"};
inline constexpr Message not_studio{
    "--by {} is not on the peer studio on {}, so may not give studio marks; who may: {}",
    "--by {} 在 {} 不是朋辈辅导员工作室成员，不能给出工作室评定；可以评定的人：{}"};
inline constexpr Message not_secretary{
    "--by {} is not the branch secretary of {} on {}, so may not give {}'s branch mark; who may: {}",
    "--by {} 在 {} 不是 {} 的支部书记，不能给出 {} 的支部评定；可以评定的人：{}"};
}  // namespace say

// Splits on ':' (a full-width '：' counts as one).
std::vector<std::string> parts_of(const std::string& typed) {
  std::string text = typed;
  for (auto at = text.find("："); at != std::string::npos; at = text.find("：", at)) text.replace(at, 3, ":");
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (auto at = text.find(':'); at != std::string::npos; at = text.find(':', from)) {
    parts.emplace_back(util::trim(std::string_view(text).substr(from, at - from)));
    from = at + 1;
  }
  parts.emplace_back(util::trim(std::string_view(text).substr(from)));
  return parts;
}

const report::MemberAssessment& assessed(const report::Assessment& a, const ParsedMark& m) {
  for (const auto& x : a.members)
    if (x.id == m.member) return x;
  const report::MemberAssessment* found = nullptr;
  int count = 0;
  for (const auto& x : a.members) {
    if (x.name != m.member) continue;
    found = &x;
    ++count;
  }
  if (count > 1) throw DataError(say::ambiguous_member(quote_value(m.typed), quote_value(m.member)));
  if (found == nullptr) throw DataError(say::not_assessed(quote_value(m.typed), quote_value(m.member), a.semester_id));
  return *found;
}

// "T2012001 李洁, 2023110104 王芳", or "none".
template <typename Range, typename Id, typename Name>
std::string who_may(const Range& people, Id id, Name name) {
  std::string out;
  for (const auto& p : people) out += (out.empty() ? "" : ", ") + id(p) + " " + name(p);
  return out.empty() ? std::string(msg::none_known(message_language())) : out;
}

// The studio member --by names (id, or a name only one of them has); DataError otherwise.
std::string studio_giver(Context& ctx, store::Database& db, const std::string& by, Date on) {
  const auto studio = load_studio_checked(ctx, db, on);
  std::vector<const store::StudioPerson*> named;
  for (const auto& p : studio) {
    if (p.id == by) return p.id;
    if (p.name == by) named.push_back(&p);
  }
  if (named.size() == 1) return named.front()->id;
  throw DataError(
      say::not_studio(quote_value(by), format_date(on),
                      who_may(
                          studio, [](const auto& p) { return p.id; }, [](const auto& p) { return p.name; })));
}

// The secretary of the member's branch --by names; DataError otherwise.
std::string branch_giver(store::Database& db, const std::string& by, const report::MemberAssessment& member, Date on) {
  std::vector<store::BranchSecretary> of_branch;
  for (auto& s : store::load_branch_secretaries(db, on))
    if (!member.branch.empty() && s.branch == member.branch) of_branch.push_back(std::move(s));
  std::vector<const store::BranchSecretary*> named;
  for (const auto& s : of_branch) {
    if (s.staff_id == by) return s.staff_id;
    if (s.name == by) named.push_back(&s);
  }
  if (named.size() == 1) return named.front()->staff_id;
  throw DataError(say::not_secretary(
      quote_value(by), quote_value(member.branch), format_date(on), member.name,
      who_may(
          of_branch, [](const auto& s) { return s.staff_id; }, [](const auto& s) { return s.name; })));
}

}  // namespace

std::vector<ParsedMark> parse_marks(const MarkOptions& o) {
  if (o.marks.empty()) {
    if (!o.by.empty() || !o.note.empty()) throw UsageError(say::by_needs_mark());
    return {};
  }
  if (util::trim(o.by).empty()) throw UsageError(say::mark_needs_by());
  std::vector<ParsedMark> out;
  for (const auto& typed : o.marks) {
    const auto parts = parts_of(typed);
    if (parts.size() != 3 || parts[0].empty()) throw UsageError(say::mark_syntax(quote_value(typed)));
    const auto source = report::parse_mark_source(parts[1]);
    if (!source) throw UsageError(say::mark_source(quote_value(typed), quote_value(parts[1])));
    const auto mark = report::parse_mark(parts[2]);
    if (!mark) throw UsageError(say::mark_value(quote_value(typed), quote_value(parts[2])));
    out.push_back({typed, parts[0], *source, *mark});
  }
  return out;
}

void record_marks(Context& ctx, store::Database& db, const report::Assessment& a, const std::vector<ParsedMark>& marks,
                  const MarkOptions& o) {
  const std::string by(util::trim(o.by));
  std::vector<store::MarkRow> rows;
  for (const auto& m : marks) {
    const auto& member = assessed(a, m);
    store::MarkRow row;
    row.semester_id = a.semester_id;
    row.member_id = member.id;
    row.source = std::string(report::to_string(m.source));
    row.mark = m.mark;
    row.given_by = m.source == report::MarkSource::studio ? studio_giver(ctx, db, by, a.as_of)
                                                          : branch_giver(db, by, member, a.as_of);
    row.note = std::string(util::trim(o.note));
    row.entered_at = ctx.timestamp();
    row.entered_by = ctx.user();
    rows.push_back(std::move(row));
  }
  store::save_marks(db, rows);
}

}  // namespace dormlink::cli
