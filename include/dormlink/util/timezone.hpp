#pragma once
// The college's local time, independent of the machine's TZ (ICU's own zone data).

#include <chrono>
#include <memory>
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

// Local wall-clock times of one zone as instants, so that elapsed time is right across a
// daylight-saving change. A wall time that occurs twice (clocks go back) is its first
// occurrence; one that does not exist (clocks go forward) is read with the offset in force
// before the change, which places it just after the gap.
class ZoneClock {
 public:
  // Throws ConfigError for an unknown zone.
  explicit ZoneClock(std::string_view zone);
  ~ZoneClock();
  ZoneClock(ZoneClock&&) noexcept;
  ZoneClock& operator=(ZoneClock&&) noexcept;

  // Minutes since 1970-01-01 00:00 UTC of the wall time date hour:minute in the zone.
  long long utc_minutes(Date date, int hour, int minute) const;
  // The zone's calendar date at an instant given as minutes since the epoch (UTC).
  Date local_date(long long utc_minutes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace dormlink::util
