#include "util/edit_distance.hpp"

#include <catch2/catch.hpp>

using ogfeed::util::closest_match;
using ogfeed::util::edit_distance;

TEST_CASE("edit distance: counts insertions, deletions and substitutions",
          "[util]")
{
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("atom", "atom") == 0);
  CHECK(edit_distance("atm", "atom") == 1);
  CHECK(edit_distance("titel", "title") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("edit distance: suggests only plausible near misses", "[util]")
{
  const std::vector<std::string> keys = {
    "title", "subtitle", "base_url", "timezone"};
  CHECK(closest_match("titel", keys) == std::optional<std::string>("title"));
  CHECK(closest_match("baseurl", keys)
        == std::optional<std::string>("base_url"));
  CHECK(closest_match("time_zone", keys)
        == std::optional<std::string>("timezone"));
  CHECK_FALSE(closest_match("colour", keys).has_value());
}
