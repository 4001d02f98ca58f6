#include "util/budoux.hpp"

#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace ogfeed::util {

namespace {

enum Group {
  UW1,
  UW2,
  UW3,
  UW4,
  UW5,
  UW6,
  BW1,
  BW2,
  BW3,
  TW1,
  TW2,
  TW3,
  TW4,
  k_groups,
};

struct Entry
{
  int group;
  const char* feature; // UTF-8
  int score;
};

constexpr Entry k_model[] = {
#include "util/budoux/ja_model.inc"
};

std::u16string
to_utf16(std::u32string_view s)
{
  std::u16string out;
  for (const char32_t c : s) {
    if (c >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}

struct Model
{
  std::array<std::unordered_map<std::u16string, int>, k_groups> groups;
  long doubled_base_score = 0;

  Model()
  {
    long total = 0;
    for (const Entry& e : k_model) {
      groups[static_cast<std::size_t>(e.group)]
            [to_utf16(util::decode_utf8(e.feature))] = e.score;
      total += e.score;
    }
    // parser.ts: baseScore = -0.5 * sum of every score; kept doubled so it
    // stays an integer.
    doubled_base_score = -total;
  }

  int
  score(Group g,
        const std::u16string& s,
        std::size_t from,
        std::size_t len) const
  {
    if (len == 0) {
      return 0;
    }
    const auto& map = groups[g];
    const auto it = map.find(s.substr(from, len));
    return it == map.end() ? 0 : it->second;
  }
};

const Model&
model()
{
  static const Model m;
  return m;
}

} // namespace

std::vector<std::size_t>
budoux_boundaries(const std::u32string& text)
{
  const Model& m = model();
  const std::u16string s = to_utf16(text);
  // UTF-16 index -> code point index, for positions that start a code point.
  std::vector<long> to_cp(s.size() + 1, -1);
  std::size_t u = 0;
  for (std::size_t cp = 0; cp < text.size(); ++cp) {
    to_cp[u] = static_cast<long>(cp);
    u += text[cp] >= 0x10000 ? 2 : 1;
  }
  to_cp[s.size()] = static_cast<long>(text.size());

  // Substrings as upstream's String.prototype.substring(from, to) sees
  // them: clamped to the string, so a feature that runs off an end is
  // shorter or empty (and an empty one is never in the model).
  auto slice = [&](long from, long to) -> std::pair<std::size_t, std::size_t> {
    const long n = static_cast<long>(s.size());
    from = std::max(0L, std::min(from, n));
    to = std::max(0L, std::min(to, n));
    return {static_cast<std::size_t>(from),
            static_cast<std::size_t>(std::max(0L, to - from))};
  };
  std::vector<std::size_t> out;
  for (long i = 1; i < static_cast<long>(s.size()); ++i) {
    long score = m.doubled_base_score;
    auto add = [&](Group g, long from, long to) {
      const auto [pos, len] = slice(from, to);
      score += 2L * m.score(g, s, pos, len);
    };
    add(UW1, i - 3, i - 2);
    add(UW2, i - 2, i - 1);
    add(UW3, i - 1, i);
    add(UW4, i, i + 1);
    add(UW5, i + 1, i + 2);
    add(UW6, i + 2, i + 3);
    add(BW1, i - 2, i);
    add(BW2, i - 1, i + 1);
    add(BW3, i, i + 2);
    add(TW1, i - 3, i);
    add(TW2, i - 2, i + 1);
    add(TW3, i - 1, i + 2);
    add(TW4, i, i + 3);
    if (score > 0 && to_cp[static_cast<std::size_t>(i)] >= 0) {
      out.push_back(
        static_cast<std::size_t>(to_cp[static_cast<std::size_t>(i)]));
    }
  }
  return out;
}

} // namespace ogfeed::util
