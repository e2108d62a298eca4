// What the two forms of `dormlink inspect record` share (inspect_support.hpp): the date, the
// dorm, students by id or name, the inspector from the staff roster, the sample.
#include "cli/inspect_support.hpp"

#include <fmt/format.h>

#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/model.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of inspect record's shared checks (docs/messages.md).
namespace say {
inline constexpr Message on_not_date{"--on {} is not a date; use YYYY-MM-DD", "--on {} 不是日期；请写成 YYYY-MM-DD"};
inline constexpr Message on_after_today{"--on {} is after today ({})", "--on {} 晚于今天（{}）"};
inline constexpr Message inspection_in_future{
    "the inspection date {} is after today ({}); record an inspection once it has happened (--on DATE, or an --as-of "
    "that is not in the future)",
    "检查日期 {} 晚于今天（{}）；检查之后才能记录（用 --on 日期，或不晚于今天的 --as-of）"};
inline constexpr Message no_student{"{} {}: no current student has that id or name",
                                    "{} {}：当日名册上没有这个学号或姓名的学生"};
inline constexpr Message several_students{"{} {}: several students have that name ({}); use the student id",
                                          "{} {}：有多名学生同名（{}）；请用学号"};
inline constexpr Message not_dorm_code{"--dorm {} is not a dorm code such as 10-106",
                                       "--dorm {} 不是寝室编号（如 10-106）"};
inline constexpr Message inspector_required{"--inspector is required: who inspected", "需要 --inspector：由谁检查"};
inline constexpr Message not_inspector{
    "--inspector {}: not an inspector on {}; the inspectors (检查组) of the staff roster are {}",
    "--inspector {}：{} 的教职工名册中没有这位检查组成员；检查组成员为 {}"};
inline constexpr Message no_inspectors{
    "--inspector {}: the staff roster of {} has no inspector; import the staff roster with the role 检查组 "
    "(dormlink import staff)",
    "--inspector {}：{} 的教职工名册中没有检查组成员；请导入角色为“检查组”的教职工名册（dormlink import staff）"};
inline constexpr Message several_inspectors{"--inspector {}: several inspectors have that name ({}); use the staff id",
                                            "--inspector {}：有多名检查组成员同名（{}）；请用工号"};
inline constexpr Message no_sample{"--sample {}: there is no inspection sample #{}", "--sample {}：没有抽查样本 #{}"};
inline constexpr Message not_in_sample{"--sample {}: member {} and dorm {} are not in sample #{}",
                                       "--sample {}：党员 {} 和寝室 {} 不在抽查样本 #{} 中"};
inline constexpr Message dorm_not_in_sample{"--sample {}: dorm {} is not in sample #{}",
                                            "--sample {}：寝室 {} 不在抽查样本 #{} 中"};
// Between the inspectors listed: a list in the message's language.
inline constexpr Message list_separator{", ", "、"};
}  // namespace say

Date inspection_date(Context& ctx, const std::string& text) {
  const Date today = ctx.today();
  if (text.empty()) return today;
  auto on = parse_iso_date(util::normalize_code(text));
  if (!on) throw UsageError(say::on_not_date(quote_value(text)));
  if (*on > today) throw UsageError(say::on_after_today(format_date(*on), format_date(today)));
  return *on;
}

}  // namespace

Date inspected_on(Context& ctx, const std::string& text) {
  const Date on = inspection_date(ctx, text);
  const Date real = ctx.real_today();
  if (to_days(on) > to_days(real)) {
    throw UsageError(say::inspection_in_future(format_date(on), format_date(real)));
  }
  return on;
}

std::string inspected_dorm(const std::string& text) {
  const auto dorm_code = parse_dorm_code(util::normalize_code(text));
  if (!dorm_code) throw UsageError(say::not_dorm_code(quote_value(text)));
  return dorm_code->code();
}

std::string inspector_text(const std::string& text) {
  auto inspector = std::string(util::trim(text));
  if (inspector.empty()) throw UsageError(say::inspector_required());
  // "--inspector" and name_problem's own message (already in the message language): no words of its own.
  if (auto problem = name_problem(inspector)) throw UsageError(fmt::format("--inspector {}", *problem));
  return inspector;
}

const roster::StudentRow& find_student(store::Database& db, const roster::Snapshot& snapshot, const std::string& text,
                                       Date on, const char* option) {
  const auto wanted = util::normalize_code(text);
  std::vector<const roster::StudentRow*> found;
  for (const auto& s : snapshot.students) {
    if (s.student_id == wanted) return s;
    if (s.facts.name == wanted) found.push_back(&s);
  }
  if (found.size() == 1) return *found.front();
  if (found.empty()) {
    if (const auto later = store::later_on_roster(db, on, wanted)) {
      throw UsageError(msg::no_student_until(option, quote_value(text), later->name, later->student_id,
                                             later->valid_from, later->batch, format_date(on), later->batch));
    }
    throw UsageError(say::no_student(option, quote_value(text)));
  }
  std::string ids;
  for (const auto* s : found) ids += (ids.empty() ? "" : ", ") + s->student_id;
  throw UsageError(say::several_students(option, quote_value(text), ids));
}

std::string staff_label(const roster::StaffRow& staff) { return staff.facts.name + " " + staff.staff_id; }

const roster::StaffRow& find_inspector(const roster::Snapshot& snapshot, const std::string& text, Date on) {
  const auto wanted = util::normalize_code(text);
  std::vector<const roster::StaffRow*> inspectors;
  std::vector<const roster::StaffRow*> named;
  for (const auto& s : snapshot.staff) {
    if (s.role != StaffRole::inspector) continue;
    if (s.staff_id == wanted) return s;
    inspectors.push_back(&s);
    if (s.facts.name == wanted) named.push_back(&s);
  }
  if (named.size() == 1) return *named.front();
  std::string list;
  for (const auto* s : named.empty() ? inspectors : named) {
    list += (list.empty() ? "" : say::list_separator()) + (named.empty() ? staff_label(*s) : s->staff_id);
  }
  if (!named.empty()) throw DataError(say::several_inspectors(quote_value(text), list));
  if (inspectors.empty()) throw DataError(say::no_inspectors(quote_value(text), format_date(on)));
  throw DataError(say::not_inspector(quote_value(text), format_date(on), list));
}

void check_sample(store::Database& db, std::int64_t id, const std::string& member, const std::string& dorm) {
  auto sample = store::load_sample(db, id);
  if (!sample) throw DataError(say::no_sample(id, id));
  for (const auto& item : sample->items) {
    if (item.dorm_code == dorm && (member.empty() || item.member_id == member)) return;
  }
  if (member.empty()) throw DataError(say::dorm_not_in_sample(id, dorm, id));
  throw DataError(say::not_in_sample(id, member, dorm, id));
}

}  // namespace dormlink::cli
