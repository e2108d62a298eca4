// The semester a dated command works in and the outside-the-calendar message (calendar_support.hpp).
#include "cli/calendar_support.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace dormlink::cli {

const Semester* checked_semester(const Config& config, Date as_of) {
  if (const auto* s = config.calendar.containing(as_of)) return s;
  return config.calendar.closing(as_of, config.check.close_out_days);
}

namespace {

// "2026-autumn 2026-09-07..2027-01-10, 2027-spring 2027-03-01..2027-07-04"
std::string semester_list(const Calendar& calendar, Language language) {
  std::string out;
  for (const auto& s : calendar.semesters) {
    if (!out.empty()) out += language == Language::zh ? "，" : ", ";
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

std::string outside_calendar(Context& ctx, Date date, bool& outside_known) {
  const auto& calendar = ctx.config().calendar;
  const bool zh = ctx.language() == Language::zh;
  const auto& path = ctx.options().config_path;
  const auto* before = calendar.last_ended_before(date);
  const auto* after = first_starting_after(calendar, date);
  outside_known = before == nullptr || after == nullptr;
  if (!outside_known) {
    return fmt::format(fmt::runtime(zh ? "{} 在两个学期之间：{} 已于 {} 结束，{} 于 {} 开始；没有到期事项。"
                                       : "{} is between semesters: {} ended on {}, {} starts on {}; nothing is due."),
                       format_date(date), before->id, format_date(before->last_day()), after->id,
                       format_date(after->first_monday));
  }
  if (calendar.semesters.empty()) {
    return fmt::format(
        fmt::runtime(zh ? "{} 没有任何学期；用 `dormlink calendar draft ID --start 周一日期 >> {}` 加入一个"
                        : "{} has no semester; add one with `dormlink calendar draft ID --start MONDAY "
                          ">> {}`"),
        path, path);
  }
  std::string add;
  if (after == nullptr) {
    const auto next = next_semester(calendar);
    add = fmt::format("dormlink calendar draft {} --start {} >> {}", next->id, format_date(next->first_monday), path);
  } else {
    add = fmt::format("dormlink calendar draft ID --start MONDAY >> {}", path);
  }
  return fmt::format(
      fmt::runtime(zh ? "{} 不在 {} 的任何学期内（日历中有：{}）；加入下一学期：{}"
                      : "{} is outside every semester of {} (the calendar has: {}); add the next one: {}"),
      format_date(date), path, semester_list(calendar, ctx.language()), add);
}

void note_period_semester(Context& ctx, const std::string& spec, const check::ReportPeriod& period, Date as_of) {
  if (spec != "previous" || ctx.options().quiet) return;
  const auto* now = ctx.config().calendar.containing(as_of);
  if (now != nullptr && now->id == period.semester_id) return;
  fmt::print(ctx.err(),
             fmt::runtime(ctx.language() == Language::zh
                              ? "dormlink: --period previous 是 {} 的第{}期（第{}–{}周），{}\n"
                              : "dormlink: --period previous is period {1} of {0} (weeks {2}-{3}), {4}\n"),
             period.semester_id, period.number, period.first_week, period.last_week,
             now != nullptr ? (ctx.language() == Language::zh ? "上学期的最后一期" : "the last of the semester before")
                            : (ctx.language() == Language::zh ? "最近结束的一期" : "the last to end"));
}

}  // namespace dormlink::cli
