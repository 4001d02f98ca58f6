#include "util/parallel.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using ogfeed::util::parallel_in_order;

TEST_CASE("parallel in order: every item is handed over once, in order, "
          "whatever the threads and the window",
          "[util]")
{
  for (const unsigned jobs : {1U, 2U, 4U}) {
    for (const std::size_t window : {1UL, 3UL, 1000UL}) {
      std::vector<std::string> got;
      const bool ok = parallel_in_order<std::string>(
        257,
        jobs,
        window,
        [](std::size_t i) { return std::to_string(i * i); },
        [&](std::size_t i, std::string&& item) {
          CHECK(i == got.size());
          got.push_back(std::move(item));
          return true;
        });
      CHECK(ok);
      REQUIRE(got.size() == 257);
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i] == std::to_string(i * i));
      }
    }
  }
}

TEST_CASE("parallel in order: a taker that says stop ends it there, and "
          "nothing is made for none",
          "[util]")
{
  std::size_t taken = 0;
  const bool ok = parallel_in_order<int>(
    10000,
    2,
    4,
    [](std::size_t i) { return static_cast<int>(i); },
    [&](std::size_t i, int&& item) {
      CHECK(static_cast<std::size_t>(item) == i);
      ++taken;
      return i < 9;
    });
  CHECK_FALSE(ok);
  CHECK(taken == 10);
  bool made = false;
  CHECK(parallel_in_order<int>(
    0,
    2,
    4,
    [&](std::size_t) {
      made = true;
      return 0;
    },
    [](std::size_t, int&&) { return false; }));
  CHECK_FALSE(made);
}
