#pragma once

#include "util/error.hpp"

#include <array>
#include <chrono>
#include <string>
#include <string_view>

namespace ogfeed::util {

// Seconds since 1970-01-01T00:00:00Z.
using UtcSeconds = std::chrono::sys_seconds;

// A civil (wall-clock) date and time with no zone attached.
// English month names, lower case, January first (dates like "April 30,
// 2017" and Hugo's :monthname).
inline constexpr std::array<std::string_view, 12> k_month_names = {"january",
                                                                   "february",
                                                                   "march",
                                                                   "april",
                                                                   "may",
                                                                   "june",
                                                                   "july",
                                                                   "august",
                                                                   "september",
                                                                   "october",
                                                                   "november",
                                                                   "december"};

struct CivilTime
{
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// An IANA time zone from the system's tz database (/usr/share/zoneinfo), so
// results never depend on the build machine's TZ (but for machine()).
class TimeZone
{
public:
  // UTC.
  TimeZone() = default;

  // Finds `name` ("Asia/Tokyo", "UTC"). Fails with a message naming it when
  // the tz database does not know it.
  static Expected<TimeZone> locate(std::string_view name);

  // The zone this machine keeps local time in, read as Node and the C
  // library read it: $TZ (an IANA name, a leading ':' allowed) when set,
  // else /etc/localtime's; UTC when neither names a zone the database
  // knows. Only for a generator whose output depends on it (Hexo).
  static TimeZone machine();

  const std::string& name() const;

  // Returns the instant of wall-clock `t` in this zone. An ambiguous time (a
  // DST fold) takes the earlier instant; a skipped one (a DST gap) is moved
  // forward by the gap, as most calendars do.
  UtcSeconds to_utc(const CivilTime& t) const;

  // Returns this zone's UTC offset in seconds at instant `t`.
  int offset_at(UtcSeconds t) const;

private:
  explicit TimeZone(const void* zone, std::string name);

  const void* m_zone = nullptr; // const date::time_zone*; null means UTC
  std::string m_name = "UTC";
};

// Returns the instant of wall-clock `t` at a fixed UTC offset in seconds.
UtcSeconds to_utc_fixed(const CivilTime& t, int offset_seconds);

// Returns the wall-clock time of `t` at `offset_seconds`, with the weekday
// (0 = Sunday) in `weekday` when it is not null.
CivilTime to_civil(UtcSeconds t, int offset_seconds, int* weekday = nullptr);

// True when year/month/day names a real day of the proleptic Gregorian
// calendar.
bool is_valid_day(int year, int month, int day);

// English abbreviations as RFC 822 writes them: "Jan".."Dec" for months
// 1..12, "Sun".."Sat" for weekdays 0..6.
const char* month_abbreviation(int month);
const char* weekday_abbreviation(int weekday);

// The weekday (0 = Sunday) of a valid proleptic Gregorian date.
int weekday_of(int year, int month, int day);

// "2019-05-27T10:00:00+09:00" (RFC 3339, "Z" never used: the offset is
// written out so the site's zone is visible).
std::string format_rfc3339(UtcSeconds t, int offset_seconds);

// "Mon, 27 May 2019 10:00:00 +0900" (RFC 822 as RSS 2.0 uses it, 4-digit
// year, numeric offset).
std::string format_rfc822(UtcSeconds t, int offset_seconds);

// Formats a civil date with strftime-like fields: %Y %m %d, %-m and %-d
// without padding, %b and %B (English month names), %a (weekday), %%.
std::string format_date(const CivilTime& t, std::string_view pattern);

} // namespace ogfeed::util
