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

const Semester* Calendar::last_ended_before(Date date) const {
  const Semester* last = nullptr;
  for (const auto& s : semesters) {
    if (to_days(s.last_day()) < to_days(date) && (last == nullptr || to_days(last->last_day()) < to_days(s.last_day())))
      last = &s;
  }
  return last;
}

const Semester* Calendar::closing(Date date, int close_out_days) const {
  if (containing(date) != nullptr) return nullptr;
  const auto* s = last_ended_before(date);
  if (s == nullptr || to_days(date) - to_days(s->last_day()) > days{close_out_days}) return nullptr;
  return s;
}

const Semester* Calendar::attributed(Date date) const {
  if (const auto* s = containing(date)) return s;
  return last_ended_before(date);
}

namespace {

Date first_monday_on_or_after(Date date) {
  auto days_since = (weekday{to_days(date)} - Monday).count();
  auto offset = (7 - days_since) % 7;
  return Date{to_days(date) + days{offset}};
}

}  // namespace

Semester draft_semester(std::string id, Date first_monday, int teaching_weeks) {
  Semester s;
  s.id = std::move(id);
  s.first_monday = first_monday;
  s.teaching_weeks = teaching_weeks;
  const int academic = s.academic_year();
  const bool autumn = static_cast<unsigned>(first_monday.month()) >= 8;
  s.name = fmt::format("{}—{}学年{}", academic, academic + 1, autumn ? "第一学期" : "第二学期");
  // The national holiday of the semester: 1 October (国庆) or 1 May (劳动节).
  const int holiday_year = autumn ? academic : academic + 1;
  const Date holiday{std::chrono::year{holiday_year}, month{autumn ? 10U : 5U}, day{1}};
  if (auto week = s.teaching_week(holiday)) s.holiday_weeks.push_back(*week);
  for (int week = std::max(teaching_weeks - 1, 1); week <= teaching_weeks && teaching_weeks >= 2; ++week)
    s.exam_weeks.push_back(week);
  return s;
}

Calendar draft_calendar(Date today) {
  auto y = static_cast<int>(today.year());
  int academic = static_cast<unsigned>(today.month()) >= 8 ? y : y - 1;
  Calendar calendar;
  calendar.semesters.push_back(
      draft_semester(fmt::format("{}-autumn", academic),
                     first_monday_on_or_after(Date{std::chrono::year{academic}, month{9}, day{1}}), 18));
  calendar.semesters.push_back(
      draft_semester(fmt::format("{}-spring", academic + 1),
                     first_monday_on_or_after(Date{std::chrono::year{academic + 1}, month{3}, day{1}}), 18));
  return calendar;
}

std::optional<NextSemester> next_semester(const Calendar& calendar) {
  if (calendar.semesters.empty()) return std::nullopt;
  const Semester* last = &calendar.semesters.front();
  for (const auto& s : calendar.semesters) {
    if (to_days(last->last_day()) < to_days(s.last_day())) last = &s;
  }
  const int academic = last->academic_year();
  const bool after_autumn = static_cast<unsigned>(last->first_monday.month()) >= 8;
  const int year = academic + 1;  // spring of the same academic year, or the next autumn
  const Date start = first_monday_on_or_after(Date{std::chrono::year{year}, month{after_autumn ? 3U : 9U}, day{1}});
  return NextSemester{fmt::format("{}-{}", year, after_autumn ? "spring" : "autumn"), start};
}

int year_of_study(int cohort, const Semester& semester) { return semester.academic_year() - cohort + 1; }

int cohort_of_year(int year_of_study_value, const Semester& semester) {
  return semester.academic_year() - year_of_study_value + 1;
}

}  // namespace dormlink
