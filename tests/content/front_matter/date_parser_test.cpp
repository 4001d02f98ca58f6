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
