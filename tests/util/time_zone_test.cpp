#include "util/time_zone.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

using namespace ogfeed::util;

TEST_CASE("time zone: midnight in Tokyo is 15:00 UTC the day before", "[util]")
{
  auto tokyo = TimeZone::locate("Asia/Tokyo");
  REQUIRE(tokyo);
  const UtcSeconds t = tokyo->to_utc(CivilTime{2019, 5, 27, 0, 0, 0});
  CHECK(format_rfc3339(t, 0) == "2019-05-26T15:00:00+00:00");
  CHECK(tokyo->offset_at(t) == 9 * 3600);
  CHECK(format_rfc3339(t, tokyo->offset_at(t)) == "2019-05-27T00:00:00+09:00");
}

TEST_CASE(
  "time zone: RFC 822 dates carry the right weekday and a numeric offset",
  "[util]")
{
  const UtcSeconds t = to_utc_fixed(CivilTime{2019, 5, 27, 0, 0, 0}, 9 * 3600);
  CHECK(format_rfc822(t, 9 * 3600) == "Mon, 27 May 2019 00:00:00 +0900");
  CHECK(format_rfc822(t, -8 * 3600) == "Sun, 26 May 2019 07:00:00 -0800");
  CHECK(format_rfc822(t, 5 * 3600 + 1800) == "Sun, 26 May 2019 20:30:00 +0530");
}

TEST_CASE(
  "time zone: daylight saving gaps move forward, folds take the earlier time",
  "[util]")
{
  auto ny = TimeZone::locate("America/New_York");
  REQUIRE(ny);
  // 2024-03-10 02:30 does not exist in New York; it becomes 03:30 EDT.
  const UtcSeconds gap = ny->to_utc(CivilTime{2024, 3, 10, 2, 30, 0});
  CHECK(format_rfc3339(gap, ny->offset_at(gap)) == "2024-03-10T03:30:00-04:00");
  // 2024-11-03 01:30 happens twice; the first is EDT.
  const UtcSeconds fold = ny->to_utc(CivilTime{2024, 11, 3, 1, 30, 0});
  CHECK(format_rfc3339(fold, ny->offset_at(fold))
        == "2024-11-03T01:30:00-04:00");
}

TEST_CASE("time zone: an unknown name is an error naming it", "[util]")
{
  auto bad = TimeZone::locate("Asia/Tokio");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message
        == "unknown time zone 'Asia/Tokio', expected an IANA name such as "
           "'Asia/Tokyo' or 'UTC'");
}

TEST_CASE("time zone: calendar days are checked", "[util]")
{
  CHECK(is_valid_day(2024, 2, 29));
  CHECK_FALSE(is_valid_day(2023, 2, 29));
  CHECK_FALSE(is_valid_day(2023, 13, 1));
  CHECK_FALSE(is_valid_day(2023, 4, 31));
}

TEST_CASE("time zone: the machine's is TZ's, else /etc/localtime's", "[util]")
{
  const char* was = std::getenv("TZ");
  const std::optional<std::string> saved =
    was ? std::optional<std::string>(was) : std::nullopt;
  ::setenv("TZ", "Asia/Taipei", 1);
  CHECK(TimeZone::machine().name() == "Asia/Taipei");
  ::setenv("TZ", ":Asia/Tokyo", 1); // glibc's "a file below zoneinfo"
  CHECK(TimeZone::machine().name() == "Asia/Tokyo");
  ::setenv("TZ", "Nowhere/Atlantis", 1);      // what the C library and Node
  CHECK(TimeZone::machine().name() == "UTC"); // fall back to
  ::setenv("TZ", "", 1);
  CHECK(TimeZone::machine().name() == "UTC");
  ::unsetenv("TZ");
  CHECK_FALSE(TimeZone::machine().name().empty()); // /etc/localtime's
  if (saved) {
    ::setenv("TZ", saved->c_str(), 1);
  }
}
