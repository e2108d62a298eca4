#include "dormlink/util/timezone.hpp"

#include <memory>

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "messages.hpp"

namespace dormlink::util {

using namespace std::chrono;

namespace {

// ICU's zone for the IANA name, or nullptr when ICU does not know it (ICU answers an
// unknown name with its "Etc/Unknown" zone rather than an error).
std::unique_ptr<icu::TimeZone> find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  const icu::UnicodeString id =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  if (!zone) return nullptr;
  icu::UnicodeString found_id;
  icu::UnicodeString unknown_id;
  zone->getID(found_id);
  icu::TimeZone::getUnknown().getID(unknown_id);
  if (found_id == unknown_id) return nullptr;
  return zone;
}

[[noreturn]] void unknown_zone(std::string_view zone_name) { throw ConfigError(msg::unknown_time_zone(zone_name)); }

// The instant shifted by the zone's UTC offset (standard plus daylight time) at that instant,
// in milliseconds; computed from ICU's data, never from the process's TZ.
sys_time<milliseconds> local_time(std::string_view zone_name, system_clock::time_point instant) {
  const std::unique_ptr<icu::TimeZone> zone = find_zone(zone_name);
  if (!zone) unknown_zone(zone_name);
  const auto utc = time_point_cast<milliseconds>(instant);
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(utc.time_since_epoch().count()), false, raw_offset, dst_offset, status);
  if (U_FAILURE(status)) {
    throw ConfigError(msg::zone_offset(zone_name, u_errorName(status)));
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
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

struct ZoneClock::Impl {
  std::unique_ptr<icu::TimeZone> zone;
  const icu::BasicTimeZone* basic = nullptr;  // offsets from local times; every Olson zone is one
  std::string name;
};

ZoneClock::ZoneClock(std::string_view zone) : m_impl(std::make_unique<Impl>()) {
  m_impl->zone = find_zone(zone);
  if (!m_impl->zone) unknown_zone(zone);
  m_impl->basic = dynamic_cast<const icu::BasicTimeZone*>(m_impl->zone.get());
  m_impl->name = std::string(zone);
}

ZoneClock::~ZoneClock() = default;
ZoneClock::ZoneClock(ZoneClock&&) noexcept = default;
ZoneClock& ZoneClock::operator=(ZoneClock&&) noexcept = default;

long long ZoneClock::utc_minutes(Date date, int hour, int minute) const {
  const long long wall = static_cast<long long>(sys_days(date).time_since_epoch().count()) * 1440 + hour * 60 + minute;
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  const auto local_ms = static_cast<UDate>(wall) * 60000.0;
  if (m_impl->basic != nullptr) {
    m_impl->basic->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw_offset, dst_offset,
                                      status);
  } else {
    m_impl->zone->getOffset(local_ms, true, raw_offset, dst_offset, status);
  }
  if (U_FAILURE(status)) {
    throw ConfigError(msg::zone_offset(m_impl->name, u_errorName(status)));
  }
  return wall - (static_cast<long long>(raw_offset) + dst_offset) / 60000;
}

Date ZoneClock::local_date(long long utc_minutes) const {
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  m_impl->zone->getOffset(static_cast<UDate>(utc_minutes) * 60000.0, false, raw_offset, dst_offset, status);
  if (U_FAILURE(status)) {
    throw ConfigError(msg::zone_offset(m_impl->name, u_errorName(status)));
  }
  const long long local = utc_minutes + (static_cast<long long>(raw_offset) + dst_offset) / 60000;
  return Date{sys_days(days(local >= 0 ? local / 1440 : (local - 1439) / 1440))};
}

}  // namespace dormlink::util
