#include "content/front_matter/date_parser.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

std::string
parsed(std::string_view text)
{
  auto zone = util::TimeZone::locate("Asia/Tokyo");
  auto t = content::parse_date(text, *zone);
  if (!t) {
    return "error: " + t.error().message + " @"
           + std::to_string(t.error().column);
  }
  return util::format_rfc3339(*t, zone->offset_at(*t));
}

} // namespace

TEST_CASE("date parser: every documented form", "[content]")
{
  CHECK(parsed("2019-05-27") == "2019-05-27T00:00:00+09:00");
  CHECK(parsed("2019-05-27 10:00") == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-27T10:00:00+09:00") == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-27 10:00:00 +0900") == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-27T10:00:00.123456+09:00")
        == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-27T01:00:00Z") == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-26T17:00:00-08:00") == "2019-05-27T10:00:00+09:00");
  CHECK(parsed("2019-05-27T05:30:00+05:30") == "2019-05-27T09:00:00+09:00");
  CHECK(parsed("April 30, 2017") == "2017-04-30T00:00:00+09:00");
  CHECK(parsed("Dec 3, 2019") == "2019-12-03T00:00:00+09:00");
  CHECK(parsed("2019/05/27") == "2019-05-27T00:00:00+09:00");
  // RFC 2822, as JavaScript's Date (an Astro schema's z.coerce.date())
  // reads it: gamoutatsumi/astro-blog writes its dates so.
  CHECK(parsed("Sun, 29 Jan 2023 02:52:41 GMT") == "2023-01-29T11:52:41+09:00");
  CHECK(parsed("29 Jan 2023 02:52 +0000") == "2023-01-29T11:52:00+09:00");
  CHECK(parsed("Monday, 30 January 2023") == "2023-01-30T00:00:00+09:00");
  CHECK(parsed("Sun, 29 Jan 2023 02:52:41 UT") == "2023-01-29T11:52:41+09:00");
  CHECK(parsed("Sun, 2023-01-29").starts_with("error:"));
  CHECK(parsed("29 2023").starts_with("error:"));
}

TEST_CASE(
  "date parser: bad dates say what was expected and where parsing stopped",
  "[content]")
{
  const std::string expected =
    "must be a date like 2019-05-27, 2019-05-27 10:00 or "
    "2019-05-27T10:00:00+09:00, got ";
  CHECK(parsed("May 1") == "error: " + expected + "\"May 1\" @6");
  CHECK(parsed("2019-02-30") == "error: " + expected + "\"2019-02-30\" @11");
  CHECK(parsed("2019-05-27 25:00")
        == "error: " + expected + "\"2019-05-27 25:00\" @17");
  CHECK(parsed("2019-05-27 10:00 JST")
        == "error: " + expected + "\"2019-05-27 10:00 JST\" @21");
  CHECK(parsed("yesterday") == "error: " + expected + "\"yesterday\" @10");
}

TEST_CASE("date parser: Jekyll file names carry the date", "[content]")
{
  auto zone = util::TimeZone::locate("Asia/Tokyo");
  std::string_view rest;
  auto t =
    content::parse_file_name_date("2019-1-7-vim_2019_calendar", *zone, rest);
  REQUIRE(t);
  CHECK(util::format_rfc3339(*t, 9 * 3600) == "2019-01-07T00:00:00+09:00");
  CHECK(rest == "vim_2019_calendar");
  CHECK_FALSE(content::parse_file_name_date("hello-world", *zone, rest));
  CHECK_FALSE(content::parse_file_name_date("2019-02-30-x", *zone, rest));
}
