#include "util/time_zone.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <cstdlib>
#include <exception>

namespace ogfeed::util {

namespace {

const date::time_zone*
zone_of(const void* p)
{
  return static_cast<const date::time_zone*>(p);
}

date::local_seconds
to_local(const CivilTime& t)
{
  const date::year_month_day ymd{date::year{t.year},
                                 date::month{static_cast<unsigned>(t.month)},
                                 date::day{static_cast<unsigned>(t.day)}};
  return date::local_days{ymd} + std::chrono::hours{t.hour}
         + std::chrono::minutes{t.minute} + std::chrono::seconds{t.second};
}

std::string
format_offset(int offset_seconds, const char* separator)
{
  const char sign = offset_seconds < 0 ? '-' : '+';
  const int abs = std::abs(offset_seconds) / 60;
  return fmt::format("{}{:02}{}{:02}", sign, abs / 60, separator, abs % 60);
}

} // namespace

TimeZone::TimeZone(const void* zone, std::string name)
  : m_zone(zone),
    m_name(std::move(name))
{
}

Expected<TimeZone>
TimeZone::locate(std::string_view name)
{
  try {
    const date::time_zone* zone = date::locate_zone(name);
    return TimeZone(zone, std::string(name));
  } catch (const std::exception&) {
    return tl::unexpected(
      make_error("unknown time zone '" + std::string(name)
                 + "', expected an IANA name such as 'Asia/Tokyo' or 'UTC'"));
  }
}

TimeZone
TimeZone::machine()
{
  const char* tz = std::getenv("TZ");
  if (tz != nullptr) {
    std::string_view name(tz);
    if (name.starts_with(':')) {
      name.remove_prefix(1);
    }
    if (name.empty()) {
      return TimeZone(); // "TZ=" is UTC to the C library
    }
    auto zone = locate(name);
    return zone ? std::move(*zone) : TimeZone();
  }
  try {
    const date::time_zone* zone = date::current_zone();
    return TimeZone(zone, std::string(zone->name()));
  } catch (const std::exception&) {
    return TimeZone();
  }
}

const std::string&
TimeZone::name() const
{
  return m_name;
}

UtcSeconds
TimeZone::to_utc(const CivilTime& t) const
{
  const date::local_seconds local = to_local(t);
  if (m_zone == nullptr) {
    return UtcSeconds{local.time_since_epoch()};
  }
  const date::local_info info = zone_of(m_zone)->get_info(local);
  // For unique and ambiguous times `first` is the earlier mapping; for a
  // skipped time it is the offset before the gap, which moves it forward.
  return UtcSeconds{local.time_since_epoch() - info.first.offset};
}

int
TimeZone::offset_at(UtcSeconds t) const
{
  if (m_zone == nullptr) {
    return 0;
  }
  return static_cast<int>(zone_of(m_zone)->get_info(t).offset.count());
}

UtcSeconds
to_utc_fixed(const CivilTime& t, int offset_seconds)
{
  return UtcSeconds{to_local(t).time_since_epoch()
                    - std::chrono::seconds{offset_seconds}};
}

CivilTime
to_civil(UtcSeconds t, int offset_seconds, int* weekday)
{
  const auto local = t + std::chrono::seconds{offset_seconds};
  const auto days = date::floor<date::days>(local);
  const date::year_month_day ymd{days};
  const date::hh_mm_ss hms{local - days};
  if (weekday != nullptr) {
    *weekday = static_cast<int>(date::weekday{days}.c_encoding());
  }
  return CivilTime{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())),
                   static_cast<int>(hms.hours().count()),
                   static_cast<int>(hms.minutes().count()),
                   static_cast<int>(hms.seconds().count())};
}

bool
is_valid_day(int year, int month, int day)
{
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return false;
  }
  return date::year_month_day{date::year{year},
                              date::month{static_cast<unsigned>(month)},
                              date::day{static_cast<unsigned>(day)}}
    .ok();
}

std::string
format_rfc3339(UtcSeconds t, int offset_seconds)
{
  const CivilTime c = to_civil(t, offset_seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                     c.year,
                     c.month,
                     c.day,
                     c.hour,
                     c.minute,
                     c.second)
         + format_offset(offset_seconds, ":");
}

const char*
month_abbreviation(int month)
{
  static constexpr const char* k_months[] = {"Jan",
                                             "Feb",
                                             "Mar",
                                             "Apr",
                                             "May",
                                             "Jun",
                                             "Jul",
                                             "Aug",
                                             "Sep",
                                             "Oct",
                                             "Nov",
                                             "Dec"};
  return k_months[(month - 1) % 12];
}

const char*
weekday_abbreviation(int weekday)
{
  static constexpr const char* k_days[] = {
    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return k_days[weekday % 7];
}

int
weekday_of(int year, int month, int day)
{
  const date::year_month_day ymd{date::year{year},
                                 date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  return static_cast<int>(date::weekday{date::sys_days{ymd}}.c_encoding());
}

std::string
format_rfc822(UtcSeconds t, int offset_seconds)
{
  int weekday = 0;
  const CivilTime c = to_civil(t, offset_seconds, &weekday);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} ",
                     weekday_abbreviation(weekday),
                     c.day,
                     month_abbreviation(c.month),
                     c.year,
                     c.hour,
                     c.minute,
                     c.second)
         + format_offset(offset_seconds, "");
}

std::string
format_date(const CivilTime& t, std::string_view pattern)
{
  static constexpr const char* k_months[] = {"January",
                                             "February",
                                             "March",
                                             "April",
                                             "May",
                                             "June",
                                             "July",
                                             "August",
                                             "September",
                                             "October",
                                             "November",
                                             "December"};
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 >= pattern.size()) {
      out += pattern[i];
      continue;
    }
    char f = pattern[++i];
    bool pad = true;
    if (f == '-' && i + 1 < pattern.size()) {
      pad = false;
      f = pattern[++i];
    }
    switch (f) {
    case 'Y':
      out += std::to_string(t.year);
      break;
    case 'm':
    case 'd':
      out += pad ? fmt::format("{:02}", f == 'm' ? t.month : t.day)
                 : std::to_string(f == 'm' ? t.month : t.day);
      break;
    case 'b':
      out += month_abbreviation(t.month);
      break;
    case 'B':
      out += k_months[t.month - 1];
      break;
    case 'a':
      out += weekday_abbreviation(weekday_of(t.year, t.month, t.day));
      break;
    case '%':
      out += '%';
      break;
    default:
      out += '%';
      out += f;
    }
  }
  return out;
}

} // namespace ogfeed::util
