#include "util/prefault.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

using namespace ogfeed;

TEST_CASE("prefault: memory keeps what it holds, whatever its range", "[util]")
{
  std::vector<int> numbers(3'000'000);
  std::iota(numbers.begin(), numbers.end(), 7);
  for (const unsigned jobs : {0U, 1U, 2U, 8U}) {
    CAPTURE(jobs);
    util::prefault(numbers.data(), numbers.size() * sizeof(int), jobs);
    util::prefault(numbers.data() + 1, 10, jobs); // less than a page
    util::prefault(numbers.data() + 3, 5000 * sizeof(int), jobs);
    util::prefault(numbers.data(), 0, jobs);
    CHECK(numbers.front() == 7);
    CHECK(numbers[5000] == 5007);
    CHECK(numbers.back() == 3'000'006);
    CHECK(std::accumulate(numbers.begin(), numbers.end(), 0LL)
          == 3'000'000LL * 7 + 3'000'000LL * 2'999'999 / 2);
  }
  // Reserved and not yet written: the vector then fills it as usual.
  std::vector<long> later;
  later.reserve(1'000'000);
  util::prefault(later.data(), 1'000'000 * sizeof(long), 2);
  later.resize(1'000'000, 3);
  CHECK(std::accumulate(later.begin(), later.end(), 0L) == 3'000'000);
}
