#include "util/kept_until_exit.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using ogfeed::util::kept_until_exit;

TEST_CASE("kept_until_exit moves a value onto the heap and keeps it there",
          "[util]")
{
  std::vector<std::string> posts = {
    "a post with a title long enough to be on the heap", "another"};
  std::vector<std::string>& kept = kept_until_exit(std::move(posts));
  // Moved, not copied: the caller's vector is left empty.
  CHECK(posts.empty()); // NOLINT(bugprone-use-after-move): what is checked
  REQUIRE(kept.size() == 2);
  CHECK(kept[1] == "another");
  // Values kept meanwhile, from other threads too, leave it as it is (and
  // AddressSanitizer sees any of them freed).
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 100; ++i) {
        const std::string text = std::to_string(t * 1000 + i);
        if (kept_until_exit(std::string(text)) != text) {
          ++wrong;
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(wrong == 0);
  CHECK(kept[0] == "a post with a title long enough to be on the heap");
}
