#include "test_support.hpp"
#include "util/text_order.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace ogfeed;

namespace {

// The order a sort of (text, index) pairs gives.
std::vector<std::size_t>
pair_order(const std::vector<std::string>& texts)
{
  std::vector<std::pair<std::string_view, std::size_t>> pairs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    pairs.emplace_back(texts[i], i);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::size_t> order;
  for (const auto& p : pairs) {
    order.push_back(p.second);
  }
  return order;
}

std::vector<std::size_t>
text_order(const std::vector<std::string>& texts)
{
  return util::order_by_text(
    texts.size(), [&](std::size_t i) { return std::string_view(texts[i]); });
}

} // namespace

TEST_CASE("issue 25: texts ordered by their first bytes beside the indices "
          "come in the order of a sort of (text, index) pairs",
          "[util]")
{
  CHECK(text_order({}).empty());
  CHECK(text_order({"only"}) == std::vector<std::size_t>{0});
  // Shorter first, equal texts by index, bytes above 0x7F after ASCII, a
  // NUL byte inside a text, texts that are all common start.
  const std::vector<std::string> fixed{"https://a/b/",
                                       "https://a/",
                                       "https://a/b/",
                                       "https://a/\xE6\x97\xA5/",
                                       "https://a/z",
                                       std::string("https://a/\0x", 12),
                                       "https://a/",
                                       "https://a/bbbbbbbbbbbbbbbb2",
                                       "https://a/bbbbbbbbbbbbbbbb1"};
  CHECK(text_order(fixed) == pair_order(fixed));

  test::Numbers numbers(25);
  for (int round = 0; round < 200; ++round) {
    // Long shared starts, few letters: many ties in the first 8 bytes.
    const std::string start =
      round % 3 == 0 ? "" : "https://example.com/posts/";
    std::vector<std::string> texts(numbers.next() % 60);
    for (auto& t : texts) {
      t = start;
      const std::size_t length = numbers.next() % 20;
      for (std::size_t k = 0; k < length; ++k) {
        t += static_cast<char>("ab\x00\xff-"[numbers.next() % 5]);
      }
    }
    INFO("round " << round);
    CHECK(text_order(texts) == pair_order(texts));
  }
}
