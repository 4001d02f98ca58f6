#include "validate/validator.hpp"
#include "validate/values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace ogfeed;
using validate::Rfc822;

TEST_CASE("values: RFC 822 dates as RSS writes them", "[validate]")
{
  util::UtcSeconds t{};
  CHECK(validate::check_rfc822("Mon, 27 May 2019 10:00:00 +0900", &t)
        == Rfc822::valid);
  CHECK(t.time_since_epoch().count() == 1558918800);
  CHECK(validate::check_rfc822("27 May 2019 01:00 GMT", &t) == Rfc822::valid);
  CHECK(t.time_since_epoch().count() == 1558918800);
  CHECK(validate::check_rfc822("Mon,27 May 2019 01:00:00 Z") == Rfc822::valid);
  CHECK(validate::check_rfc822("Sun, 26 May 2019 18:00:00 PDT", &t)
        == Rfc822::valid);
  CHECK(t.time_since_epoch().count() == 1558918800);
  CHECK(validate::check_rfc822("Tue, 27 May 2019 10:00:00 +0900")
        == Rfc822::wrong_weekday);
  CHECK(validate::check_rfc822("Mon, 27 May 19 10:00:00 +0900")
        == Rfc822::short_year);
  for (const char* bad : {"2019-05-27T10:00:00+09:00",
                          "Mon, 27 May 2019",
                          "Mon, 31 Feb 2019 10:00:00 +0900",
                          "Mon, 27 May 2019 24:00:00 +0900",
                          "Mon, 27 May 2019 10:00:00 +2400",
                          "Xyz, 27 May 2019 10:00:00 +0900",
                          ""}) {
    INFO(bad);
    CHECK(validate::check_rfc822(bad) == Rfc822::invalid);
  }
}

TEST_CASE("issue 23: zones RFC 822 does not name are errors that say what "
          "to write",
          "[validate]")
{
  util::UtcSeconds t{};
  CHECK(validate::check_rfc822("Fri, 08 Jul 2016 13:40:00 UTC", &t)
        == Rfc822::zone);
  CHECK(t == util::UtcSeconds{std::chrono::seconds{1467985200}});
  CHECK(validate::rfc822_zone_fix("Fri, 08 Jul 2016 13:40:00 UTC")
        == std::pair<std::string, std::string>{"UTC", "+0000"});
  CHECK(validate::check_rfc822("Mon, 27 May 2019 10:00:00 JST")
        == Rfc822::zone);
  CHECK(validate::rfc822_zone_fix("Mon, 27 May 2019 10:00:00 jst").second
        == "+0900");
  CHECK(validate::check_rfc822("Mon, 27 May 2019 10:00:00 XYZ")
        == Rfc822::zone);
  CHECK(
    validate::rfc822_zone_fix("Mon, 27 May 2019 10:00:00 XYZ").second.empty());
  CHECK(validate::check_rfc822("Mon, 27 May 2019 10:00:00 UT")
        == Rfc822::valid);
  const auto report = validate::validate_bytes(
    "utc.xml",
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
    "<link>https://e.example/</link><description>d</description>\n"
    "<pubDate>Fri, 08 Jul 2016 13:40:00 UTC</pubDate></channel></rss>");
  std::vector<std::string> dates;
  for (const auto& f : report.findings) {
    if (f.rule == "rss-invalid-date") {
      dates.push_back(f.message);
    }
  }
  CHECK(dates
        == std::vector<std::string>{
          "<pubDate> \"Fri, 08 Jul 2016 13:40:00 UTC\" ends in \"UTC\", a zone "
          "RFC 822 does not name; write +0000 (or GMT) instead"});
}

TEST_CASE("values: RFC 3339 date-times as Atom writes them", "[validate]")
{
  util::UtcSeconds t{};
  CHECK(validate::is_rfc3339("2019-05-27T10:00:00+09:00", &t));
  CHECK(t.time_since_epoch().count() == 1558918800);
  CHECK(validate::is_rfc3339("2019-05-27T01:00:00.123Z", &t));
  CHECK(t.time_since_epoch().count() == 1558918800);
  for (const char* bad : {"2019-05-27",
                          "2019-05-27 10:00:00+09:00",
                          "2019-05-27T10:00:00",
                          "2019-02-29T10:00:00Z",
                          "2019-05-27T10:60:00Z",
                          "Mon, 27 May 2019 10:00:00 +0900"}) {
    INFO(bad);
    CHECK(!validate::is_rfc3339(bad));
  }
}

TEST_CASE("values: W3C-DTF for dc:date", "[validate]")
{
  for (const char* good : {"2024",
                           "2024-05",
                           "2024-05-01",
                           "2024-05-01T10:00Z",
                           "2024-05-01T10:00:00+09:00",
                           "2024-05-01T10:00:00.5Z"}) {
    INFO(good);
    CHECK(validate::is_w3cdtf(good));
  }
  for (const char* bad : {"2024-5-1",
                          "2024-05-01T10Z",
                          "2024-05-01T10:00",
                          "yesterday",
                          "2024-13",
                          "2024-02-30",
                          "2024-05-01T25:00Z",
                          "2024-05-01T10:00+9:00"}) {
    INFO(bad);
    CHECK(!validate::is_w3cdtf(bad));
  }
}
