#include "card/line_costs.hpp"

#include "card/char_class.hpp"

#include <string_view>

namespace ogfeed::card::detail {

// Where BudouX sees no phrase boundary, some breaks still read well: next
// to brackets and punctuation, or where the script changes; a break between
// two kana of one word ("まと|め") reads worst.
double
inside_phrase_cost(char32_t a, char32_t b)
{
  if (is_opening_bracket(b) || is_closing_bracket(a) || a == U'、' || a == U'。'
      || a == U'：' || a == U'！' || a == U'？' || a == U'，' || a == U'・') {
    return k_inside_phrase * 0.75;
  }
  // Between two ideographs inside a phrase is inside a word (開｜発,
  // 安全｜性, 仕｜様): worth four ems of raggedness (k_balance), not two.
  if (is_han(a) && is_han(b)) {
    return k_inside_phrase * 4;
  }
  const bool a_kana = (a >= 0x3040 && a <= 0x30FF);
  const bool b_kana = (b >= 0x3040 && b <= 0x30FF);
  const bool a_hira = (a >= 0x3040 && a <= 0x309F);
  const bool b_hira = (b >= 0x3040 && b <= 0x309F);
  if (a_hira && b_hira) {
    return k_inside_phrase * 1.5;
  }
  if (a_kana && b_kana) {
    return k_inside_phrase * 1.25;
  }
  return k_inside_phrase;
}

double
break_cost(Break b, char32_t before, char32_t after)
{
  switch (b) {
  case Break::strong:
    return k_strong;
  case Break::phrase:
  case Break::space:
    return 0;
  case Break::word_space:
    return k_word_space;
  case Break::inside_phrase:
    return inside_phrase_cost(before, after);
  case Break::emergency:
    // In a URL, path or identifier, break after a separator or before a
    // capital (camelCase) if it must break at all.
    return std::u32string_view(U"/-._:?&=#").find(before)
                 != std::u32string_view::npos
               || (before >= 'a' && before <= 'z' && after >= 'A'
                   && after <= 'Z')
             ? k_emergency * 0.5
             : k_emergency;
  case Break::never:
    break;
  }
  return k_infinity;
}

bool
allowed(Break b, Tier tier)
{
  switch (b) {
  case Break::strong:
  case Break::phrase:
  case Break::space:
  case Break::word_space:
    return true;
  case Break::inside_phrase:
    return tier != Tier::clean;
  case Break::emergency:
    return tier == Tier::emergency;
  case Break::never:
    break;
  }
  return false;
}

} // namespace ogfeed::card::detail
