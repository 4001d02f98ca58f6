#include "util/edit_distance.hpp"

#include <algorithm>
#include <numeric>

namespace ogfeed::util {

std::size_t
edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min(
        {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string>
closest_match(std::string_view word, const std::vector<std::string>& candidates)
{
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, (word.size() + 2) / 3);
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d <= best_distance) {
      best = c;
      best_distance = d;
      if (d == 0) {
        break;
      }
    }
  }
  return best;
}

} // namespace ogfeed::util
