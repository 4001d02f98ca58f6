#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ogfeed::util {

namespace detail {

// The 8 bytes of `s` from `at` as one number, big-endian and padded with
// zero bytes: numbers compare as the bytes do.
inline std::uint64_t
text_head(std::string_view s, std::size_t at)
{
  std::uint64_t head = 0;
  for (std::size_t k = 0; k < 8; ++k) {
    const std::size_t i = at + k;
    const auto byte = i < s.size() ? static_cast<unsigned char>(s[i]) : 0U;
    head = (head << 8) | byte;
  }
  return head;
}

} // namespace detail

// The indices 0..n-1 in the byte order of text(i), equal texts by index:
// the order a sort of (text, index) pairs gives. The 8 bytes after the
// texts' common start sit beside each index, so most comparisons read no
// text (permalinks share a site's URL; a site's posts are far apart in
// memory).
template<typename Text>
std::vector<std::size_t>
order_by_text(std::size_t n, Text&& text)
{
  std::size_t common = n == 0 ? 0 : std::string_view(text(0)).size();
  for (std::size_t i = 1; i < n && common > 0; ++i) {
    const std::string_view first = text(0);
    const std::string_view t = text(i);
    const std::size_t limit = std::min(common, t.size());
    std::size_t k = 0;
    while (k < limit && first[k] == t[k]) {
      ++k;
    }
    common = k;
  }
  struct Keyed
  {
    std::uint64_t head;
    std::size_t index;
  };
  std::vector<Keyed> keyed(n);
  for (std::size_t i = 0; i < n; ++i) {
    keyed[i] = {detail::text_head(text(i), common), i};
  }
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    if (a.head != b.head) {
      return a.head < b.head;
    }
    const std::string_view x = text(a.index);
    const std::string_view y = text(b.index);
    const int c = x.substr(common).compare(y.substr(common));
    return c != 0 ? c < 0 : a.index < b.index;
  });
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) {
    order[k] = keyed[k].index;
  }
  return order;
}

} // namespace ogfeed::util
