#include "dormlink/util/timezone.hpp"

#include <memory>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"

namespace dormlink::util {

using namespace std::chrono;

namespace {

// ICU's zone for the IANA name, or nullptr when ICU does not know it (ICU answers an
// unknown name with its "Etc/Unknown" zone rather than an error).
std::unique_ptr<icu::TimeZone> find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  if (!zone) return nullptr;
  icu::UnicodeString found_id;
  icu::UnicodeString unknown_id;
  zone->getID(found_id);
  icu::TimeZone::getUnknown().getID(unknown_id);
  if (found_id == unknown_id) return nullptr;
  return zone;
}

// The instant shifted by the zone's UTC offset (standard plus daylight time) at that instant,
// in milliseconds; computed from ICU's data, never from the process's TZ.
sys_time<milliseconds> local_time(std::string_view zone_name, system_clock::time_point instant) {
  const std::unique_ptr<icu::TimeZone> zone = find_zone(zone_name);
  if (!zone) {
    throw ConfigError(fmt::format("unknown time zone \"{}\"; use an IANA name such as "
                                  "\"Asia/Shanghai\"",
                                  zone_name));
  }
  const auto utc = time_point_cast<milliseconds>(instant);
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(utc.time_since_epoch().count()), false, raw_offset,
                  dst_offset, status);
  if (U_FAILURE(status)) {
    throw ConfigError(fmt::format("time zone \"{}\": cannot compute the UTC offset ({})",
                                  zone_name, u_errorName(status)));
  }
  return utc + milliseconds{raw_offset} + milliseconds{dst_offset};
}

}  // namespace

bool is_known_time_zone(std::string_view name) { return find_zone(name) != nullptr; }

Date local_date(std::string_view zone, system_clock::time_point instant) {
  return Date{floor<days>(local_time(zone, instant))};
}

std::string local_timestamp(std::string_view zone, system_clock::time_point instant) {
  const sys_time<milliseconds> local = local_time(zone, instant);
  const sys_days day = floor<days>(local);
  const hh_mm_ss<seconds> time{floor<seconds>(local - day)};
  const Date date{day};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

}  // namespace dormlink::util
