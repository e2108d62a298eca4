// Fuzzes what staff type for dates and times (parse_when) and strict ISO dates
// (parse_iso_date). Properties: no crash; a parsed ISO date formats back to the same text
// and parse_when agrees with it; a parsed date and time is in range, and its formatted form
// parses back to the same value.

#include <array>
#include <chrono>

#include "dormlink/calendar.hpp"
#include "dormlink/when.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::Date;
using dormlink::LocalDateTime;
using dormlink::fuzz::require;
using namespace std::chrono;

// Todays that exercise the year rules: mid-year, early January (a typed "12/30" is last
// year), and a leap day.
constexpr std::array<Date, 3> k_todays{Date{year{2026}, month{3}, day{10}}, Date{year{2026}, month{1}, day{5}},
                                       Date{year{2024}, month{2}, day{29}}};

void check_iso(std::string_view text) {
  const auto date = dormlink::parse_iso_date(text);
  if (!date) return;
  require(date->ok(), "parse_iso_date: a real day");
  require(dormlink::format_date(*date) == text, "parse_iso_date: formats back to the same text");
  const auto when = dormlink::parse_when(text, k_todays[0]);
  const auto* parsed = std::get_if<LocalDateTime>(&when);
  require(parsed != nullptr, "parse_when accepts what parse_iso_date accepts");
  require(parsed->date == *date && !parsed->has_time, "parse_when agrees with parse_iso_date");
}

void check_when(std::string_view text, Date today) {
  const auto when = dormlink::parse_when(text, today);
  if (const auto* error = std::get_if<dormlink::WhenError>(&when)) {
    require(!error->message.empty(), "parse_when: an error says why");
    return;
  }
  const LocalDateTime& parsed = std::get<LocalDateTime>(when);
  require(parsed.date.ok(), "parse_when: a real day");
  require(parsed.hour >= 0 && parsed.hour <= 23, "parse_when: hour 0..23");
  require(parsed.minute >= 0 && parsed.minute <= 59, "parse_when: minute 0..59");
  require(parsed.has_time || (parsed.hour == 0 && parsed.minute == 0), "parse_when: no time means 00:00");
  const std::string formatted = dormlink::format_local(parsed);
  const auto again = dormlink::parse_when(formatted, today);
  const auto* reparsed = std::get_if<LocalDateTime>(&again);
  require(reparsed != nullptr && *reparsed == parsed, "parse_when: format_local parses back");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dormlink::fuzz::as_text(data, size);
  check_iso(text);
  for (const Date& today : k_todays) check_when(text, today);
  return 0;
}
