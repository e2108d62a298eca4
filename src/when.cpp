#include "dormlink/when.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include <fmt/format.h>

#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink {
namespace {

using namespace std::chrono;

// The messages of dates and times (docs/messages.md): the module's catalogue.
namespace msg {
inline constexpr Message not_a_date{"{} is not a date; {}", "{} 不是日期；{}"};
inline constexpr Message forms{"write YYYY-MM-DD HH:MM, 2026/3/1, 3月1日, 11.24, today, yesterday 19:30 or 周二 19:30",
                               "请写成 YYYY-MM-DD HH:MM、2026/3/1、3月1日、11.24、今天、昨天 19:30 或 周二 19:30"};
inline constexpr Message not_a_real_date{"{} is not a real date", "{} 不是真实存在的日期"};
inline constexpr Message noon_or_midnight{"{} could be noon or midnight; write 12:00, or the next day's 00:00",
                                          "{} 可能是中午也可能是午夜；请写 12:00，或次日的 00:00"};
inline constexpr Message not_a_time{"{} is not a time of day (HH:MM, 00:00-23:59)",
                                    "{} 不是一天中的时间（HH:MM，00:00-23:59）"};
inline constexpr Message no_date{"no date given; {}", "没有给出日期；{}"};
}  // namespace msg

// A year-less date more than this many days after today is taken to be last year's.
constexpr int k_max_days_ahead = 31;

// Reads a normalised text left to right; parsers work on a copy and keep it only on success.
struct Scanner {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  std::string_view rest() const { return text.substr(std::min(pos, text.size())); }

  bool accept(std::string_view word) {
    if (rest().substr(0, word.size()) != word) return false;
    pos += word.size();
    return true;
  }

  // Accepts the first of the words that matches and returns it, or an empty view.
  template <std::size_t N>
  std::string_view accept_any(const std::array<std::string_view, N>& words) {
    for (auto word : words) {
      if (accept(word)) return word;
    }
    return {};
  }

  void skip_spaces() {
    while (!done() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  }

  // Reads a run of ASCII digits; nullopt when its length is outside [min_digits, max_digits].
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t end = pos;
    int value = 0;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
      if (end - pos < max_digits) value = value * 10 + (text[end] - '0');
      ++end;
    }
    if (end - pos < min_digits || end - pos > max_digits) return std::nullopt;
    pos = end;
    return value;
  }
};

// Folds full-width ASCII and the ideographic space to ASCII and lower-cases Latin letters,
// as NFKC would for the characters an IME produces in a date; the result is trimmed.
std::string normalise(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = util::next_code_point(text, pos);
    if (c >= U'\uFF01' && c <= U'\uFF5E') c -= 0xFEE0;
    if (c == U'\u3000') c = U' ';
    if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
    util::append_utf8(out, c);
  }
  return std::string(util::trim(out));
}

// The calendar date, or nullopt when it is not a real day (2026-02-30, month 13).
std::optional<Date> make_date(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// The date of a year-less month and day: this year's, unless that falls more than
// k_max_days_ahead days after today, which means the visit was last year (typing "12/30" on
// 5 January). The comparison clamps the day to the month, so "2/29" finds the last leap year.
std::optional<Date> date_without_year(int m, int d, Date today) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  auto y = today.year();
  auto last = year_month_day_last{y, month_day_last{month{static_cast<unsigned>(m)}}}.day();
  auto clamped = std::min(day{static_cast<unsigned>(d)}, last);
  if (to_days(Date{y, month{static_cast<unsigned>(m)}, clamped}) > to_days(today) + days{k_max_days_ahead}) {
    --y;
  }
  return make_date(static_cast<int>(y), m, d);
}

// The half of the day a word such as 下午 puts a time in; afternoon and evening add 12 to
// hours 1..11, and 12 in the evening (midnight or noon?) is refused as ambiguous.
enum class DayHalf { unsaid, morning, afternoon, evening };

// A date recognised at the start of the text: nullopt `date` means it is not a real day.
struct DateMatch {
  std::optional<Date> date;
  DayHalf half = DayHalf::unsaid;  // 今晚, 昨晚: a time that follows is in the evening
};

// A relative day word: its offset from today and whether it means the evening.
struct RelativeDay {
  std::string_view word;
  int offset;
  DayHalf half;
};

constexpr std::array<RelativeDay, 7> k_relative_days{{
    {"yesterday", -1, DayHalf::unsaid},
    {"today", 0, DayHalf::unsaid},
    {"今天", 0, DayHalf::unsaid},
    {"昨天", -1, DayHalf::unsaid},
    {"前天", -2, DayHalf::unsaid},
    {"今晚", 0, DayHalf::evening},
    {"昨晚", -1, DayHalf::evening},
}};

// today, yesterday, 昨天, 昨晚, ...: a word of k_relative_days.
std::optional<DateMatch> relative_day(Scanner& s, Date today) {
  for (const auto& relative : k_relative_days) {
    if (s.accept(relative.word)) {
      return DateMatch{Date{to_days(today) + days{relative.offset}}, relative.half};
    }
  }
  return std::nullopt;
}

// 2026-03-01, 2026/3/1, 2026.3.1: a four-digit year and the same separator twice.
std::optional<DateMatch> numeric_date(Scanner& s, Date) {
  auto y = s.number(4, 4);
  if (!y || s.done()) return std::nullopt;
  auto separator = s.rest().substr(0, 1);
  if (separator != "-" && separator != "/" && separator != ".") return std::nullopt;
  s.accept(separator);
  auto m = s.number(1, 2);
  if (!m || !s.accept(separator)) return std::nullopt;
  auto d = s.number(1, 2);
  if (!d) return std::nullopt;
  return DateMatch{make_date(*y, *m, *d)};
}

// 3/1, 3-1, 3.1: month and day of the year given by date_without_year.
std::optional<DateMatch> month_day(Scanner& s, Date today) {
  auto m = s.number(1, 2);
  if (!m || !(s.accept("/") || s.accept("-") || s.accept("."))) return std::nullopt;
  auto d = s.number(1, 2);
  if (!d) return std::nullopt;
  return DateMatch{date_without_year(*m, *d, today)};
}

// 2026年3月1日, 3月1日, 3月1号.
std::optional<DateMatch> chinese_date(Scanner& s, Date today) {
  constexpr std::array<std::string_view, 3> day_marks{"日", "号", "號"};
  Scanner with_year = s;
  auto y = with_year.number(4, 4);
  if (y && with_year.accept("年"))
    s = with_year;
  else
    y.reset();
  auto m = s.number(1, 2);
  if (!m || !s.accept("月")) return std::nullopt;
  auto d = s.number(1, 2);
  if (!d || s.accept_any(day_marks).empty()) return std::nullopt;
  return DateMatch{y ? make_date(*y, *m, *d) : date_without_year(*m, *d, today)};
}

// The English weekday names; a typed word is the first three or more letters of one.
constexpr std::array<std::string_view, 7> k_weekday_names{"monday", "tuesday",  "wednesday", "thursday",
                                                          "friday", "saturday", "sunday"};

// 一 ... 六, 日 and 天 after 周, 星期 or 礼拜.
constexpr std::array<std::string_view, 8> k_weekday_digits{"一", "二", "三", "四", "五", "六", "日", "天"};

// The weekday typed after 周/星期/礼拜 or in English; 0 when none.
unsigned weekday_number(Scanner& s) {
  constexpr std::array<std::string_view, 5> marks{"星期", "礼拜", "禮拜", "周", "週"};
  if (!s.accept_any(marks).empty()) {
    for (std::size_t i = 0; i < k_weekday_digits.size(); ++i) {
      if (s.accept(k_weekday_digits[i])) return static_cast<unsigned>(std::min<std::size_t>(i + 1, 7));
    }
    return 0;
  }
  auto word = s.rest();
  word = word.substr(0, std::min(word.find_first_not_of("abcdefghijklmnopqrstuvwxyz"), word.size()));
  for (std::size_t i = 0; i < k_weekday_names.size() && word.size() >= 3; ++i) {
    if (k_weekday_names[i].starts_with(word)) {
      s.pos += word.size();
      return static_cast<unsigned>(i + 1);
    }
  }
  return 0;
}

// 周二, 星期二, 礼拜二, tue, tuesday: the last such day on or before today; 上周二, 上星期二,
// last tue: that day of the week (Monday to Sunday) before this one; 本周二, 这周二, this tue:
// that day of this week.
std::optional<DateMatch> weekday_date(Scanner& s, Date today) {
  enum class Which { latest, last_week, this_week };
  constexpr std::array<std::string_view, 4> last{"上个", "上", "last ", "last"};
  constexpr std::array<std::string_view, 6> current{"这个", "这", "本", "這", "this ", "this"};
  auto which = !s.accept_any(last).empty()      ? Which::last_week
               : !s.accept_any(current).empty() ? Which::this_week
                                                : Which::latest;
  const auto wanted = weekday_number(s);
  if (wanted == 0) return std::nullopt;
  const auto today_iso = weekday{to_days(today)}.iso_encoding();
  const auto monday = to_days(today) - days{today_iso - 1};
  sys_days day = monday + days{wanted - 1};
  if (which == Which::last_week) day -= days{7};
  if (which == Which::latest && day > to_days(today)) day -= days{7};
  return DateMatch{Date{day}};
}

using DateParser = std::optional<DateMatch> (*)(Scanner&, Date);

// Tried in order on a copy of the scanner; the first that matches wins.
constexpr std::array<DateParser, 5> k_date_parsers{relative_day, numeric_date, month_day, chinese_date, weekday_date};

// A word for the part of the day before a time.
struct DayPeriod {
  std::string_view word;
  DayHalf half;
};

// 晚上 before 晚 and 早上 before 早: the first word that matches is taken.
constexpr std::array<DayPeriod, 9> k_day_periods{{
    {"上午", DayHalf::morning},
    {"早上", DayHalf::morning},
    {"早", DayHalf::morning},
    {"凌晨", DayHalf::morning},
    {"中午", DayHalf::afternoon},
    {"下午", DayHalf::afternoon},
    {"傍晚", DayHalf::evening},
    {"晚上", DayHalf::evening},
    {"晚", DayHalf::evening},
}};

// A time of day as typed; `hour` may be out of range (25:00), which the caller reports.
struct TimeMatch {
  int hour = 0;
  int minute = 0;
  bool ambiguous = false;  // 晚上12点: noon or midnight
};

// The minutes after 点 or 时: nothing, 半, or 1-2 digits with an optional 分.
std::optional<int> chinese_minutes(Scanner& s) {
  if (s.accept("半")) return 30;
  if (s.done()) return 0;
  auto minute = s.number(1, 2);
  if (minute) s.accept("分");
  return minute;
}

// The whole text as a time: [period] H:MM or [period] H点[M[分]|半]; nullopt when it is not
// shaped like a time at all.
std::optional<TimeMatch> time_of_day(std::string_view text, DayHalf half) {
  Scanner s{text};
  for (const auto& period : k_day_periods) {
    if (s.accept(period.word)) {
      half = period.half;
      break;
    }
  }
  constexpr std::array<std::string_view, 2> hour_marks{"点", "时"};
  auto hour = s.number(1, 2);
  std::optional<int> minute;
  if (!hour) return std::nullopt;
  if (s.accept(":"))
    minute = s.number(2, 2);
  else if (!s.accept_any(hour_marks).empty())
    minute = chinese_minutes(s);
  if (!minute || !s.done()) return std::nullopt;
  bool later = half == DayHalf::afternoon || half == DayHalf::evening;
  if (later && *hour >= 1 && *hour <= 11) *hour += 12;
  return TimeMatch{*hour, *minute, half == DayHalf::evening && *hour == 12};
}

WhenError not_a_date(std::string_view text) {
  return WhenError{msg::not_a_date(quote_value(util::trim(text)), msg::forms())};
}

WhenError not_a_real_date(std::string_view text) { return WhenError{msg::not_a_real_date(quote_value(text))}; }

WhenError ambiguous_midnight(std::string_view text) {
  return WhenError{msg::noon_or_midnight(quote_value(util::trim(text)))};
}

WhenError not_a_time(std::string_view text) { return WhenError{msg::not_a_time(quote_value(text))}; }

// Combines a date (already matched, or today) with the time text that follows it, if any.
std::variant<LocalDateTime, WhenError> with_time(const DateMatch& match, std::string_view date_text,
                                                 std::string_view time_text, std::string_view original) {
  std::optional<TimeMatch> time;
  if (!time_text.empty()) {
    time = time_of_day(time_text, match.half);
    if (!time) return not_a_date(original);
  }
  if (!match.date) return not_a_real_date(date_text);
  if (!time) return LocalDateTime{*match.date};
  if (time->ambiguous) return ambiguous_midnight(original);
  if (time->hour > 23 || time->minute > 59) return not_a_time(time_text);
  return LocalDateTime{*match.date, time->hour, time->minute, true};
}

}  // namespace

std::string format_local(const LocalDateTime& when) {
  if (!when.has_time) return format_date(when.date);
  return fmt::format("{} {:02}:{:02}", format_date(when.date), when.hour, when.minute);
}

// Tries each date form at the start; what follows the date must be a time or nothing.
// Without a date form, the whole text must be a time, which means today (or time_alone_on).
std::variant<LocalDateTime, WhenError> parse_when(std::string_view text, Date today,
                                                  std::optional<Date> time_alone_on) {
  const std::string normal = normalise(text);
  if (normal.empty()) return WhenError{msg::no_date(msg::forms())};
  for (auto parser : k_date_parsers) {
    Scanner s{normal};
    auto match = parser(s, today);
    if (!match) continue;
    auto date_text = std::string_view(normal).substr(0, s.pos);
    bool after_t = s.accept("t");
    if (!after_t) s.skip_spaces();
    if (after_t && s.done()) return not_a_date(text);
    return with_time(*match, date_text, s.rest(), text);
  }
  return with_time(DateMatch{time_alone_on.value_or(today)}, normal, normal, text);
}

}  // namespace dormlink
