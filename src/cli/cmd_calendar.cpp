// dormlink calendar: the config's semesters (show) and a draft of the next one to paste
// (draft), docs/check.md "The semester's edges". Reads the config only, never the database.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "cli/calendar_messages.hpp"
#include "cli/calendar_support.hpp"
#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::cli {
namespace {

// calendar's messages (docs/messages.md); show's lines are its listing, in the report's language.
namespace say {
inline constexpr Message title{"Calendar ({})\n", "校历（{}）\n"};
inline constexpr Message in_week{"{}: {}, week {}", "{}：{} 第{}周"};
inline constexpr Message closing{"{}: {} has ended; `check` still lists its open items (close_out_days = {})",
                                 "{}：{} 已结束，`check` 仍列出其未结事项（close_out_days = {}）"};
inline constexpr Message bad_start{"--start {}: expected a date YYYY-MM-DD", "--start {}：应为日期 YYYY-MM-DD"};
inline constexpr Message start_not_monday{"--start {}: teaching week 1 starts on a Monday; that week's Monday is {}",
                                          "--start {}：教学第 1 周从周一开始；那一周的周一是 {}"};
inline constexpr Message draft_source{"{} + draft", "{} + 草稿"};
inline constexpr Message draft_would_not_load{"the draft of {} would not load when appended to {}: {}",
                                              "{} 的草稿追加到 {} 后无法加载：{}"};
}  // namespace say

struct CalendarOptions {
  std::string semester;  // draft: the new semester's id
  std::string start;     // draft: its first Monday
  int weeks = 18;
};

std::string week_list(const std::vector<int>& weeks) {
  return weeks.empty() ? "-" : fmt::format("{}", fmt::join(weeks, ", "));
}

// Where --as-of lies: in week N of a semester, closing one out, between, before or after them.
std::string where_line(Context& ctx, Date as_of) {
  const auto& config = ctx.config();
  const Language language = ctx.language();
  if (const auto* s = config.calendar.containing(as_of))
    return say::in_week.in(language, format_date(as_of), s->id, *s->teaching_week(as_of));
  if (const auto* s = config.calendar.closing(as_of, config.check.close_out_days))
    return say::closing.in(language, format_date(as_of), s->id, config.check.close_out_days);
  bool outside_known = false;
  return outside_calendar_in(language, ctx, as_of, outside_known);
}

int run_show(Context& ctx) {
  const auto& calendar = ctx.config().calendar;
  const Date as_of = ctx.today();
  const bool zh = ctx.language() == Language::zh;
  report::Table t;
  t.header =
      zh ? std::vector<std::string>{"学期", "名称", "第1周周一", "最后一天", "教学周", "节假日周", "考试周"}
         : std::vector<std::string>{"semester", "name", "first Monday", "last day", "weeks", "holidays", "exams"};
  t.align = {report::Align::left,  report::Align::left, report::Align::left, report::Align::left,
             report::Align::right, report::Align::left, report::Align::left};
  for (const auto& s : calendar.semesters) {
    t.rows.push_back({s.id, s.name, format_date(s.first_monday), format_date(s.last_day()),
                      fmt::format("{}", s.teaching_weeks), week_list(s.holiday_weeks), week_list(s.exam_weeks)});
  }
  ctx.out() << say::title.in(ctx.language(), ctx.options().config_path);
  if (!calendar.semesters.empty()) ctx.out() << report::render_text(t);
  ctx.out() << where_line(ctx, as_of) << "\n";
  return 0;
}

// The draft block, checked by appending it to the config as the user will: a draft that would
// not load (its id taken, overlapping a semester) is refused with the config's own message.
int run_draft(Context& ctx, const CalendarOptions& o) {
  const auto start = parse_iso_date(o.start);
  if (!start) throw UsageError(say::bad_start(quote_value(o.start)));
  const auto weekday = std::chrono::weekday{to_days(*start)};
  if (weekday != std::chrono::Monday) {
    const Date monday{to_days(*start) - (weekday - std::chrono::Monday)};
    throw UsageError(say::start_not_monday(o.start, format_date(monday)));
  }
  const Semester draft = draft_semester(o.semester, *start, o.weeks);
  const std::string block = render_semester(draft);
  const auto& path = ctx.options().config_path;
  std::string text;
  try {
    text = read_config_text(path);
  } catch (const NotFoundError&) {
    text.clear();  // no config yet: the block alone must load
  }
  try {
    (void)parse_config(text + "\n" + block, say::draft_source(path));
  } catch (const ConfigError& e) {
    std::string why = e.what();
    for (const auto& p : e.problems()) why += "\n  " + (p.location.empty() ? "" : p.location + ": ") + p.message;
    throw UsageError(say::draft_would_not_load(quote_value(o.semester), path, why));
  }
  ctx.out() << "\n" << block;
  return 0;
}

}  // namespace

void add_calendar_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("calendar", "Show the calendar's semesters, draft the next one (校历)");
  app->require_subcommand(0, 1);
  auto o = std::make_shared<CalendarOptions>();
  auto* show = app->add_subcommand("show", "List the semesters and where --as-of lies (the default)");
  auto* draft = app->add_subcommand("draft", "Print a [[calendar.semester]] block to append to the config");
  draft->add_option("semester", o->semester, "The new semester's id, e.g. 2027-spring")->required();
  draft->add_option("--start", o->start, "Monday of teaching week 1 (YYYY-MM-DD)")->required()->type_name("DATE");
  draft->add_option("--weeks", o->weeks, "Teaching weeks (default 18)")->check(CLI::Range(1, 30));
  draft->footer(
      "The block has the week of 1 October (autumn) or 1 May (spring) as a holiday and the last two "
      "weeks for exams; check them against the college's calendar before appending.\n\nExamples:\n"
      "  dormlink calendar show\n"
      "  dormlink calendar draft 2027-autumn --start 2027-09-06 >> dormlink.toml");
  commands.push_back({app, [](Context& ctx) { return run_show(ctx); }});
  commands.push_back({show, [](Context& ctx) { return run_show(ctx); }});
  commands.push_back({draft, [o](Context& ctx) { return run_draft(ctx, *o); }});
}

}  // namespace dormlink::cli
