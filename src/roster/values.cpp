#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "dormlink/mail/message.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::roster {
namespace {

constexpr int k_max_year_of_study = 6;

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 9) return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// "三", "大三" and "三年级" style words for a year of study.
std::optional<int> parse_year_word(std::string_view text) {
  static constexpr std::array<std::string_view, 6> numerals{"一", "二", "三", "四", "五", "六"};
  if (text.starts_with("大")) text.remove_prefix(std::string_view("大").size());
  for (std::size_t i = 0; i < numerals.size(); ++i) {
    if (text == numerals[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

std::string strip_suffix(std::string text, std::string_view suffix) {
  if (text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
    text.resize(text.size() - suffix.size());
  }
  return text;
}

// A cohort must put the student in year 1..6 of the semester when there is one.
std::optional<int> check_cohort(int cohort, const Semester* semester, std::string& error) {
  if (cohort < 1950 || cohort > 2100) {
    error = msg::implausible_cohort();
    return std::nullopt;
  }
  if (semester != nullptr) {
    auto year = year_of_study(cohort, *semester);
    if (year < 1 || year > k_max_year_of_study) {
      error = msg::cohort_out_of_range(cohort, year, semester->id, k_max_year_of_study);
      return std::nullopt;
    }
  }
  return cohort;
}

}  // namespace

std::optional<int> parse_grade(std::string_view text, const Semester* semester, std::string& error) {
  auto normal = strip_suffix(strip_suffix(util::normalize_code(text), "年级"), "级");
  std::optional<int> year = parse_year_word(normal);
  auto number = parse_int(normal);
  if (!year && number && *number >= 1000) return check_cohort(*number, semester, error);
  if (!year && number) year = number;
  if (!year) {
    error = msg::not_a_grade();
    return std::nullopt;
  }
  if (*year < 1 || *year > k_max_year_of_study) {
    error = msg::year_out_of_range(*year, k_max_year_of_study);
    return std::nullopt;
  }
  if (semester == nullptr) {
    error = msg::year_needs_semester();
    return std::nullopt;
  }
  return cohort_of_year(*year, *semester);
}

bool is_plain_id(std::string_view id) {
  constexpr std::size_t k_max_id = 32;
  return !id.empty() && id.size() <= k_max_id && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
  });
}

std::optional<std::string> normalize_email(std::string_view text, std::string& problem) {
  auto normal = util::normalize_code(text);
  if (auto bad = mail::address_problem(normal)) {
    problem = msg::not_email(*bad);
    return std::nullopt;
  }
  return normal;
}

std::optional<std::string> normalize_phone(std::string_view text) {
  auto normal = util::normalize_code(text);
  std::string digits;
  digits.reserve(normal.size());
  for (char c : normal) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  if (digits.size() == 11 && digits[0] == '1') return digits;
  if (digits.size() >= 7 && digits.size() <= 12 && digits[0] != '1') return digits;
  return std::nullopt;
}

}  // namespace dormlink::roster
