#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "dormlink/calendar.hpp"
#include "dormlink/error.hpp"
#include "dormlink/util/timezone.hpp"

using namespace dormlink::util;
using namespace std::chrono;
using dormlink::ConfigError;
using dormlink::format_date;

namespace {

// 2026-11-27T16:30:00Z: already Saturday 00:30 in Beijing.
const system_clock::time_point k_instant = sys_days{2026y / November / 27} + 16h + 30min;

// Sets TZ for the lifetime of the object and restores the previous value afterwards.
class ScopedTz {
 public:
  explicit ScopedTz(const char* value) {
    if (const char* old = std::getenv("TZ")) m_old = old;
    setenv("TZ", value, 1);
    tzset();
  }
  ~ScopedTz() {
    if (m_old) {
      setenv("TZ", m_old->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  std::optional<std::string> m_old;
};

}  // namespace

TEST_SUITE("util.timezone") {
  TEST_CASE("local_date is the calendar date in the named zone") {
    CHECK(format_date(local_date("Asia/Shanghai", k_instant)) == "2026-11-28");
    CHECK(format_date(local_date("UTC", k_instant)) == "2026-11-27");
    CHECK(format_date(local_date("America/New_York", k_instant)) == "2026-11-27");
  }

  TEST_CASE("local_date does not depend on the process TZ") {
    const ScopedTz tz("America/New_York");
    CHECK(format_date(local_date("Asia/Shanghai", k_instant)) == "2026-11-28");
    CHECK(format_date(local_date("UTC", k_instant)) == "2026-11-27");
    CHECK(local_timestamp("Asia/Shanghai", k_instant) == "2026-11-28 00:30:00");
  }

  TEST_CASE("local_timestamp formats the local wall-clock time") {
    SUBCASE("Beijing, no daylight saving") {
      CHECK(local_timestamp("Asia/Shanghai", k_instant) == "2026-11-28 00:30:00");
    }
    SUBCASE("UTC") { CHECK(local_timestamp("UTC", k_instant) == "2026-11-27 16:30:00"); }
    SUBCASE("New York in winter") { CHECK(local_timestamp("America/New_York", k_instant) == "2026-11-27 11:30:00"); }
    SUBCASE("New York in summer uses daylight time") {
      const system_clock::time_point summer = sys_days{2026y / July / 1} + 12h;
      CHECK(local_timestamp("America/New_York", summer) == "2026-07-01 08:00:00");
    }
    SUBCASE("seconds are truncated, not rounded") {
      const system_clock::time_point instant = k_instant + 59s + 999ms;
      CHECK(local_timestamp("UTC", instant) == "2026-11-27 16:30:59");
    }
  }

  TEST_CASE("is_known_time_zone accepts IANA names only") {
    CHECK(is_known_time_zone("Asia/Shanghai"));
    CHECK(is_known_time_zone("UTC"));
    CHECK(is_known_time_zone("Europe/Berlin"));
    CHECK_FALSE(is_known_time_zone("Asia/Beijing"));
    CHECK_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
    CHECK_FALSE(is_known_time_zone("Etc/Unknown"));
    CHECK_FALSE(is_known_time_zone(""));
  }

  TEST_CASE("an unknown zone is a config error") {
    CHECK_THROWS_WITH_AS(local_date("Asia/Beijing", k_instant),
                         "unknown time zone \"Asia/Beijing\"; use an IANA name such as "
                         "\"Asia/Shanghai\"",
                         ConfigError);
    CHECK_THROWS_AS(local_timestamp("Mars/Olympus_Mons", k_instant), ConfigError);
  }

  TEST_CASE("ZoneClock: wall times to instants across daylight-saving changes") {
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    const ZoneClock shanghai("Asia/Shanghai");
    const dormlink::Date d{year{2026}, month{10}, day{12}};
    CHECK(shanghai.utc_minutes(d, 8, 0) - ZoneClock("UTC").utc_minutes(d, 0, 0) == 0);
    CHECK(shanghai.local_date(shanghai.utc_minutes(d, 23, 59)) == d);
    const ZoneClock new_york("America/New_York");
    const dormlink::Date back{year{2026}, month{11}, day{1}};  // 02:00 EDT -> 01:00 EST
    CHECK(new_york.utc_minutes(back, 12, 0) -
              new_york.utc_minutes(dormlink::Date{year{2026}, month{10}, day{31}}, 12, 0) ==
          25 * 60);
    CHECK(new_york.utc_minutes(back, 1, 30) == new_york.utc_minutes(back, 0, 30) + 60);  // the first 01:30
    const dormlink::Date forward{year{2026}, month{3}, day{8}};                          // 02:00 EST -> 03:00 EDT
    CHECK(new_york.utc_minutes(forward, 12, 0) -
              new_york.utc_minutes(dormlink::Date{year{2026}, month{3}, day{7}}, 12, 0) ==
          23 * 60);
    CHECK(new_york.utc_minutes(forward, 2, 30) == new_york.utc_minutes(forward, 3, 30));  // after the gap
    CHECK_THROWS_AS(ZoneClock("Asia/Beijing"), ConfigError);
  }
}
