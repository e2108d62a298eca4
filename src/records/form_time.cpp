// 时间 as members type it in a returned form, resolved within the form's period
// (docs/records.md "The form's notation").

#include <array>
#include <cstddef>
#include <regex>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/records/form_parse.hpp"
#include "dormlink/util/text.hpp"
#include "form_text.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

using namespace std::chrono;

// A part of the day typed without a time, and the time it stands for.
struct DefaultTime {
  std::string_view word;
  int hour;
};

// Longer words first where one ends another (傍晚 before 晚).
constexpr std::array<DefaultTime, 8> k_default_times{{
    {"晚上", 19},
    {"傍晚", 18},
    {"下午", 15},
    {"上午", 9},
    {"早上", 8},
    {"中午", 12},
    {"晚", 19},
    {"早", 8},
}};

constexpr std::array<std::string_view, 3> k_week_words{"周", "星期", "礼拜"};
// Monday first; 日 and 天 are both Sunday.
constexpr std::array<std::string_view, 8> k_day_words{"一", "二", "三", "四", "五", "六", "日", "天"};
constexpr std::array<std::string_view, 7> k_day_names{"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

WhenError not_a_time(std::string_view text) {
  return WhenError{msg::not_a_form_time(quote_value(util::trim(text)), msg::time_forms())};
}

// parse_when's "{} is not a date; {}" (when.cpp), in either language.
bool not_a_date(const std::string& message) {
  return message.find(" is not a date; ") != std::string::npos || message.find(" 不是日期；") != std::string::npos;
}

std::string period_text(Date first, Date last) { return fmt::format("{} – {}", format_date(first), format_date(last)); }

// A weekday typed at `pos`: 周二, 星期二, 礼拜天, 周2. Index 0 = Monday; `end` is where it stops.
struct WeekdayMatch {
  unsigned index = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::optional<WeekdayMatch> weekday_at(std::string_view t, std::size_t pos) {
  for (auto week : k_week_words) {
    if (t.substr(pos, week.size()) != week) continue;
    const std::size_t after = pos + week.size();
    for (std::size_t i = 0; i < k_day_words.size(); ++i) {
      if (t.substr(after, k_day_words[i].size()) == k_day_words[i]) {
        return WeekdayMatch{static_cast<unsigned>(std::min<std::size_t>(i, 6)), pos, after + k_day_words[i].size()};
      }
    }
    if (after < t.size() && t[after] >= '1' && t[after] <= '7') {
      return WeekdayMatch{static_cast<unsigned>(t[after] - '1'), pos, after + 1};
    }
  }
  return std::nullopt;
}

// The first weekday anywhere in the text.
std::optional<WeekdayMatch> find_weekday(std::string_view t) {
  for (std::size_t pos = 0; pos < t.size(); ++pos) {
    if (auto m = weekday_at(t, pos)) return m;
  }
  return std::nullopt;
}

unsigned weekday_index(Date d) { return (weekday{sys_days{d}}.c_encoding() + 6) % 7; }

// Monday of teaching week 1: the Monday on or before the semester's start.
sys_days week_one(Date semester_start) { return sys_days{semester_start} - days{weekday_index(semester_start)}; }

// Teaching week of a date, or 0 before week 1.
long teaching_week(Date d, Date semester_start) {
  const auto offset = (sys_days{d} - week_one(semester_start)).count();
  return offset < 0 ? 0 : offset / 7 + 1;
}

// Excel renders a date and time cell with seconds: "2026-11-24 19:30:00" loses ":00".
std::string without_seconds(std::string t) {
  static const std::regex seconds(R"((\d{1,2}:\d{2}):\d{2}$)");
  return std::regex_replace(t, seconds, "$1");
}

// "11.24" and "11.24 19:30": month.day, read as 11/24.
std::string month_dot_day(std::string t) {
  static const std::regex dotted(R"(^(\d{1,2})\.(\d{1,2})(?=$|[^\d.]))");
  return std::regex_replace(t, dotted, "$1/$2");
}

// parse_when on the rewritten text, with a part of the day alone standing for its time
// (11月24日晚上 = 19:00). Errors quote `original`.
std::variant<LocalDateTime, WhenError> when_in_form(std::string t, Date last, std::string_view original) {
  std::optional<int> default_hour;
  for (const auto& d : k_default_times) {
    if (t.size() > d.word.size() && t.ends_with(d.word)) {
      default_hour = d.hour;
      t.resize(t.size() - d.word.size());
      break;
    }
  }
  auto when = parse_when(util::trim(t), last);
  if (auto* error = std::get_if<WhenError>(&when)) {
    // parse_when's "is not a date" lists its own forms; the form's are these.
    if (not_a_date(error->message) || default_hour) return not_a_time(original);
    return when;
  }
  auto& at = std::get<LocalDateTime>(when);
  if (default_hour) {
    if (at.has_time) return not_a_time(original);
    at.hour = *default_hour;
    at.has_time = true;
  }
  return when;
}

// The time typed after a weekday, on the date it resolved to.
std::variant<LocalDateTime, WhenError> time_on(Date date, std::string_view rest, Date last, std::string_view original) {
  rest = util::trim(rest);
  if (rest.empty()) return LocalDateTime{date};
  if (rest.starts_with("(") || rest.starts_with(")")) return not_a_time(original);
  auto when = when_in_form(format_date(date) + " " + std::string(rest), last, original);
  if (auto* at = std::get_if<LocalDateTime>(&when); at && at->date != date) return not_a_time(original);
  return when;
}

struct Period {
  Date first;
  Date last;
  Date semester_start;
};

// 周二 alone: the one 周二 of the period.
std::variant<Date, WhenError> bare_weekday(unsigned index, const Period& p, std::string_view original) {
  std::vector<Date> matches;
  for (auto d = sys_days{p.first}; d <= sys_days{p.last}; d += days{1}) {
    if (weekday_index(Date{d}) == index) matches.emplace_back(d);
  }
  const std::string_view day = k_day_names[index];
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    return WhenError{msg::period_has_no_day(quote_value(original), period_text(p.first, p.last), day)};
  }
  const auto language = message_language();
  std::string dates;
  std::string weeks;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const char* sep = i == 0 ? "" : (i + 1 == matches.size() ? msg::list_and(language) : msg::list_comma(language));
    dates += fmt::format("{}{}", sep, format_date(matches[i]));
    if (long w = teaching_week(matches[i], p.semester_start); w > 0) {
      weeks += fmt::format("{}第{}周{}", weeks.empty() ? "" : msg::list_comma(language), w, day);
    }
  }
  const auto quoted = quote_value(original);
  const auto period = period_text(p.first, p.last);
  return WhenError{weeks.empty() ? msg::day_several_times(quoted, dates, period)
                                 : msg::day_in_several_weeks(quoted, dates, period, weeks)};
}

// 周二…, 第10周周二…: the date, then the time after it.
std::optional<std::variant<LocalDateTime, WhenError>> leading_weekday(std::string_view t, const Period& p,
                                                                      std::string_view original) {
  static const std::regex week_prefix(R"(^第\s*(\d{1,2})\s*周\s*)");
  std::match_results<std::string_view::const_iterator> m;
  std::optional<long> week;
  std::size_t pos = 0;
  if (std::regex_search(t.begin(), t.end(), m, week_prefix)) {
    week = std::stol(m[1].str());
    pos = static_cast<std::size_t>(m.length(0));
  }
  auto day = weekday_at(t, pos);
  if (!day) {
    if (week) {
      return WhenError{msg::week_without_day(quote_value(original), *week)};
    }
    return std::nullopt;
  }
  Date date;
  if (week) {
    if (*week < 1) return WhenError{msg::weeks_start_at_one(quote_value(original))};
    date = Date{week_one(p.semester_start) + days{(*week - 1) * 7 + day->index}};
  } else {
    auto resolved = bare_weekday(day->index, p, original);
    if (auto* error = std::get_if<WhenError>(&resolved)) return *error;
    date = std::get<Date>(resolved);
  }
  return time_on(date, t.substr(day->end), p.last, original);
}

// 11月24日周二晚上, 11.24（星期二）: the weekday is dropped and must agree with the date.
std::variant<LocalDateTime, WhenError> dated(std::string t, Date last, std::string_view original) {
  std::optional<unsigned> said;
  if (auto day = find_weekday(t)) {
    std::size_t begin = day->begin;
    std::size_t end = day->end;
    if (begin > 0 && t[begin - 1] == '(' && end < t.size() && t[end] == ')') {
      --begin;
      ++end;
    }
    said = day->index;
    t = t.substr(0, begin) + " " + t.substr(end);
  }
  auto when = when_in_form(month_dot_day(std::string(util::trim(t))), last, original);
  const auto* at = std::get_if<LocalDateTime>(&when);
  if (at && said && weekday_index(at->date) != *said) {
    return WhenError{msg::weekday_mismatch(quote_value(original), format_date(at->date),
                                           k_day_names[weekday_index(at->date)], k_day_names[*said])};
  }
  return when;
}

}  // namespace

std::variant<LocalDateTime, WhenError> parse_form_time(std::string_view text, Date first, Date last,
                                                       Date semester_start) {
  const std::string t = without_seconds(std::string(util::trim(detail::fold_width(text))));
  if (t.empty()) return WhenError{msg::no_time_given(msg::time_forms())};
  const Period period{first, last, semester_start};
  auto leading = leading_weekday(t, period, util::trim(text));
  auto when = leading ? std::move(*leading) : dated(t, last, util::trim(text));
  const auto* at = std::get_if<LocalDateTime>(&when);
  if (at && !within(at->date, first, last)) {
    return WhenError{
        msg::outside_form_period(quote_value(util::trim(text)), format_date(at->date), period_text(first, last))};
  }
  return when;
}

}  // namespace dormlink::records
