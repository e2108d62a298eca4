#pragma once
// The dates and times staff type for `dormlink log-visit --at ...`. Pure: "today" is always a
// parameter, and the module never reads the clock.

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "dormlink/calendar.hpp"

namespace dormlink {

// A local calendar date with an optional wall-clock time (no time zone, no seconds).
// When has_time is false, hour and minute are 0, so a date alone sorts before any time on
// the same day.
struct LocalDateTime {
  Date date{};
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  bool has_time = false;

  bool operator==(const LocalDateTime&) const = default;
  auto operator<=>(const LocalDateTime&) const = default;
};

// Formats as "YYYY-MM-DD HH:MM", or "YYYY-MM-DD" when there is no time.
std::string format_local(const LocalDateTime& when);

// Why a text is not a date and time; the message quotes the text and names the accepted forms.
struct WhenError {
  std::string message;

  bool operator==(const WhenError&) const = default;
};

// Parses what staff type for a date and an optional time, relative to `today`.
// Full-width ASCII (U+FF01..U+FF5E, e.g. "２０２６／３／１　１９：３０") and U+3000 are folded to
// ASCII first, and Latin letters are case-insensitive. Accepted: a date, then optionally
// spaces or one "T", then an optional time:
//   dates  2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日; 3/1, 3-1, 3月1日, 3月1号 (year of
//          `today`, or the year before when that would be more than 31 days after `today`);
//          11.24 (month.day, as 3/1); today, yesterday, 今天, 昨天, 前天, 今晚, 昨晚 (the last two
//          imply 晚上 for the time); a weekday: 周二, 星期二, 礼拜二, tue, tuesday (the latest
//          such day on or before today), 上周四, last thu (that day of the week before, weeks
//          starting on Monday), 本周二, 这周二, this tue (that day of this week);
//   times  19:30, 7:05, 19点, 19点30, 19点30分, 19时30分, 7点半, optionally after 上午, 早上, 早,
//          凌晨, 中午, 下午, 傍晚, 晚上 or 晚 (the afternoon and evening ones add 12 to hours 1..11;
//          12 o'clock in the evening could be noon or midnight and is an error);
//   a time alone means today, or `time_alone_on` when given (a session's day so far).
// Future dates are not rejected here; the caller decides what is too far ahead.
// Errors quote the text: the whole input when it is no accepted form, otherwise the date or
// time part after full-width folding ("2026-02-30" is not a real date).
std::variant<LocalDateTime, WhenError> parse_when(std::string_view text, Date today,
                                                  std::optional<Date> time_alone_on = std::nullopt);

}  // namespace dormlink
