#include "card/line_break.hpp"

#include "card/char_class.hpp"

#include <algorithm>

namespace ogfeed::card {

namespace {

bool
is_regional_indicator(char32_t c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

bool
is_inseparable_pair(char32_t a, char32_t b)
{
  // cl-08: ―― ‥‥ …… stay together (JLREQ unbreakable sequences).
  return a == b && (a == U'—' || a == U'―' || a == U'…' || a == U'‥');
}

} // namespace

std::vector<Break>
find_breaks(const std::u32string& text, const std::vector<std::size_t>& phrases)
{
  const std::size_t n = text.size();
  std::vector<Break> out(n + 1, Break::never);
  std::vector<bool> is_phrase(n + 1, false);
  for (const std::size_t p : phrases) {
    if (p <= n) {
      is_phrase[p] = true;
    }
  }
  int regional_run = 0;
  for (std::size_t i = 1; i < n; ++i) {
    const char32_t a = text[i - 1];
    const char32_t b = text[i];
    regional_run = is_regional_indicator(a) ? regional_run + 1 : 0;
    if (is_break_space(b)) {
      continue; // break after the spaces, never before them
    }
    if (is_break_space(a)) {
      out[i] = Break::space;
      continue;
    }
    if (is_attached(b) || a == 0x200D
        || (is_regional_indicator(b) && regional_run % 2 == 1)) {
      continue;
    }
    if (is_no_line_end(a) || is_no_line_start(b) || is_inseparable_pair(a, b)) {
      continue;
    }
    if (is_word_char(a) && is_word_char(b)) {
      out[i] = Break::emergency;
      continue;
    }
    out[i] = is_phrase[i] ? Break::phrase : Break::inside_phrase;
  }
  // A break after spaces counts as a phrase break only where BudouX has one
  // next to the spaces; otherwise it is inside a phrase like any other.
  for (std::size_t i = 1; i < n; ++i) {
    if (out[i] != Break::space) {
      continue;
    }
    std::size_t s = i;
    while (s > 0 && is_break_space(text[s - 1])) {
      --s;
    }
    const bool budoux =
      std::any_of(is_phrase.begin() + static_cast<std::ptrdiff_t>(s),
                  is_phrase.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  [](bool v) { return v; });
    if (!budoux) {
      out[i] = Break::inside_phrase;
    }
  }
  return out;
}

} // namespace ogfeed::card
