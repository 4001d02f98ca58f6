#include "card/line_measure.hpp"

#include "card/char_class.hpp"

#include <string_view>

namespace ogfeed::card::detail {

bool
spaced_japanese(char32_t c)
{
  return is_japanese(c) && c != U'・' && c != U'゠';
}

bool
spaced_latin(char32_t c)
{
  return is_latin_alnum(c) && c < 0xFF00;
}

bool
is_katakana(char32_t c)
{
  return (c >= 0x30A1 && c <= 0x30FA) || c == U'ー';
}

std::vector<int>
bracket_depths(const std::u32string& text)
{
  static constexpr std::u32string_view open = U"「『（【〔［《〈([“";
  static constexpr std::u32string_view close = U"」』）】〕］》〉)]”";
  std::vector<int> depth(text.size() + 1, 0);
  std::vector<std::size_t> stack; // indices of unclosed openers
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (open.find(text[i]) != std::u32string_view::npos) {
      stack.push_back(i);
      continue;
    }
    const std::size_t c = close.find(text[i]);
    if (c == std::u32string_view::npos || stack.empty()
        || open.find(text[stack.back()]) != c) {
      continue;
    }
    for (std::size_t k = stack.back() + 1; k <= i; ++k) {
      ++depth[k];
    }
    stack.pop_back();
  }
  return depth;
}

} // namespace ogfeed::card::detail
