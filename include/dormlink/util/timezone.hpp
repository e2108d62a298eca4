#pragma once
// The college's local time, independent of the machine's TZ (ICU's own zone data).

#include <chrono>
#include <string>
#include <string_view>

#include "dormlink/calendar.hpp"

namespace dormlink::util {

// True when ICU knows the IANA zone name (e.g. "Asia/Shanghai").
bool is_known_time_zone(std::string_view name);

// The calendar date at `instant` in the zone. Throws ConfigError for an unknown zone.
Date local_date(std::string_view zone, std::chrono::system_clock::time_point instant);

// "YYYY-MM-DD HH:MM:SS" at `instant` in the zone.
std::string local_timestamp(std::string_view zone, std::chrono::system_clock::time_point instant);

}  // namespace dormlink::util
