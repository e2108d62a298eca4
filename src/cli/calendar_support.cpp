// The semester a dated command works in and the outside-the-calendar message (calendar_support.hpp).
#include "cli/calendar_support.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/calendar_messages.hpp"
#include "dormlink/language.hpp"

namespace dormlink::cli {

const Semester* checked_semester(const Config& config, Date as_of) {
  if (const auto* s = config.calendar.containing(as_of)) return s;
  return config.calendar.closing(as_of, config.check.close_out_days);
}

namespace {

// What is said of a date outside the calendar (docs/messages.md): a message, or on standard
// output a line of check's or calendar show's listing, in the report's language.
namespace say {
inline constexpr Message between{"{} is between semesters: {} ended on {}, {} starts on {}; nothing is due.",
                                 "{} 在两个学期之间：{} 已于 {} 结束，{} 于 {} 开始；没有到期事项。"};
inline constexpr Message no_semester{
    "{} has no semester; add one with `dormlink calendar draft ID --start MONDAY >> {}`",
    "{} 中没有任何学期；请用 `dormlink calendar draft ID --start 周一日期 >> {}` 加入一个"};
inline constexpr Message outside{"{} is outside every semester of {} (the calendar has: {}); add the next one: {}",
                                 "{} 不在 {} 的任何学期内（校历中有：{}）；请加入下一学期：{}"};
inline constexpr Message draft_any{"dormlink calendar draft ID --start MONDAY >> {}",
                                   "dormlink calendar draft ID --start 周一日期 >> {}"};
inline constexpr Words list_separator{"，", ", "};
inline constexpr Message previous_before{
    "dormlink: --period previous is period {1} of {0} (weeks {2}-{3}), the last of the semester before\n",
    "dormlink: --period previous 是 {0} 的第{1}期（第{2}–{3}周），上学期的最后一期\n"};
inline constexpr Message previous_last{
    "dormlink: --period previous is period {1} of {0} (weeks {2}-{3}), the last to end\n",
    "dormlink: --period previous 是 {0} 的第{1}期（第{2}–{3}周），最近结束的一期\n"};
}  // namespace say

// "2026-autumn 2026-09-07..2027-01-10, 2027-spring 2027-03-01..2027-07-04"
std::string semester_list(const Calendar& calendar, Language language) {
  std::string out;
  for (const auto& s : calendar.semesters) {
    if (!out.empty()) out += say::list_separator(language);
    out += fmt::format("{} {}..{}", s.id, format_date(s.first_monday), format_date(s.last_day()));
  }
  return out;
}

const Semester* first_starting_after(const Calendar& calendar, Date date) {
  for (const auto& s : calendar.semesters) {
    if (to_days(date) < to_days(s.first_monday)) return &s;
  }
  return nullptr;
}

}  // namespace

std::string outside_calendar_in(Language language, Context& ctx, Date date, bool& outside_known) {
  const auto& calendar = ctx.config().calendar;
  const auto& path = ctx.options().config_path;
  const auto* before = calendar.last_ended_before(date);
  const auto* after = first_starting_after(calendar, date);
  outside_known = before == nullptr || after == nullptr;
  if (!outside_known) {
    return say::between.in(language, format_date(date), before->id, format_date(before->last_day()), after->id,
                           format_date(after->first_monday));
  }
  if (calendar.semesters.empty()) return say::no_semester.in(language, path, path);
  std::string add;
  if (after == nullptr) {
    const auto next = next_semester(calendar);
    add = fmt::format("dormlink calendar draft {} --start {} >> {}", next->id, format_date(next->first_monday), path);
  } else {
    add = say::draft_any.in(language, path);
  }
  return say::outside.in(language, format_date(date), path, semester_list(calendar, language), add);
}

std::string outside_calendar(Context& ctx, Date date, bool& outside_known) {
  return outside_calendar_in(message_language(), ctx, date, outside_known);
}

void note_period_semester(Context& ctx, const std::string& spec, const check::ReportPeriod& period, Date as_of) {
  if (spec != "previous" || ctx.options().quiet) return;
  const auto* now = ctx.config().calendar.containing(as_of);
  if (now != nullptr && now->id == period.semester_id) return;
  ctx.err() << (now != nullptr ? say::previous_before : say::previous_last)(period.semester_id, period.number,
                                                                            period.first_week, period.last_week);
}

}  // namespace dormlink::cli
