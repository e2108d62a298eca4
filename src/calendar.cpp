#include "dormlink/calendar.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace dormlink {
namespace {

using namespace std::chrono;

std::optional<int> parse_digits(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_digits(text.substr(0, 4));
  auto m = parse_digits(text.substr(5, 2));
  auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

Date Semester::last_day() const { return Date{to_days(first_monday) + days{7 * teaching_weeks - 1}}; }

bool Semester::contains(Date date) const { return teaching_week(date).has_value(); }

std::optional<int> Semester::teaching_week(Date date) const {
  auto offset = (to_days(date) - to_days(first_monday)).count();
  if (offset < 0) return std::nullopt;
  auto week = static_cast<int>(offset / 7) + 1;
  if (week > teaching_weeks) return std::nullopt;
  return week;
}

bool Semester::has_duties(int week) const {
  if (week < 1 || week > teaching_weeks) return false;
  auto listed = [week](const std::vector<int>& weeks) {
    return std::find(weeks.begin(), weeks.end(), week) != weeks.end();
  };
  return !listed(holiday_weeks) && !listed(exam_weeks);
}

int Semester::academic_year() const {
  auto y = static_cast<int>(first_monday.year());
  return static_cast<unsigned>(first_monday.month()) >= 8 ? y : y - 1;
}

const Semester* Calendar::find(std::string_view id) const {
  for (const auto& s : semesters) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Semester* Calendar::containing(Date date) const {
  for (const auto& s : semesters) {
    if (s.contains(date)) return &s;
  }
  return nullptr;
}

const Semester* Calendar::current_or_nearest(Date date) const {
  if (semesters.empty()) return nullptr;
  if (const auto* s = containing(date)) return s;
  for (const auto& s : semesters) {
    if (to_days(s.first_monday) > to_days(date)) return &s;
  }
  return &semesters.back();
}

namespace {

Date first_monday_on_or_after(Date date) {
  auto days_since = (weekday{to_days(date)} - Monday).count();
  auto offset = (7 - days_since) % 7;
  return Date{to_days(date) + days{offset}};
}

Semester draft_semester(int year, unsigned start_month, unsigned holiday_month, std::string id, std::string name) {
  Semester s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.first_monday = first_monday_on_or_after(Date{std::chrono::year{year}, month{start_month}, day{1}});
  s.teaching_weeks = 18;
  if (auto week = s.teaching_week(Date{std::chrono::year{year}, month{holiday_month}, day{1}})) {
    s.holiday_weeks.push_back(*week);
  }
  s.exam_weeks = {17, 18};
  return s;
}

}  // namespace

Calendar draft_calendar(Date today) {
  auto y = static_cast<int>(today.year());
  int academic = static_cast<unsigned>(today.month()) >= 8 ? y : y - 1;
  Calendar calendar;
  calendar.semesters.push_back(draft_semester(academic, 9, 10, fmt::format("{}-autumn", academic),
                                              fmt::format("{}—{}学年第一学期", academic, academic + 1)));
  calendar.semesters.push_back(draft_semester(academic + 1, 3, 5, fmt::format("{}-spring", academic + 1),
                                              fmt::format("{}—{}学年第二学期", academic, academic + 1)));
  return calendar;
}

int year_of_study(int cohort, const Semester& semester) { return semester.academic_year() - cohort + 1; }

int cohort_of_year(int year_of_study_value, const Semester& semester) {
  return semester.academic_year() - year_of_study_value + 1;
}

}  // namespace dormlink
