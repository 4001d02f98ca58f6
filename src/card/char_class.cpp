#include "card/char_class.hpp"

#include <string_view>

namespace ogfeed::card {

namespace {

bool
in(std::u32string_view set, char32_t c)
{
  return set.find(c) != std::u32string_view::npos;
}

constexpr std::u32string_view k_opening =
  U"‘“（〔［｛〈《「『【｟〘〖«〝｢([{＜<";
constexpr std::u32string_view k_closing =
  U"’”）〕］｝〉》」』】｠〙〗»〟｣)]}＞>";
// cl-03 hyphens, cl-04 dividing punctuation, cl-05 middle dots, cl-06 full
// stops, cl-07 commas, cl-09 iteration marks, cl-10 ー, cl-11 small kana
// (with half-width forms), and ASCII punctuation that ends a clause.
constexpr std::u32string_view k_no_start_other =
  U"‐〜゠–～"
  U"！？‼⁇⁈⁉"
  U"・：；･"
  U"。．｡"
  U"、，､"
  U"ヽヾゝゞ々〻"
  U"ーｰ"
  U"ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶ"
  U"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ"
  U".,!?:;%％";

} // namespace

bool
is_opening_bracket(char32_t c)
{
  return in(k_opening, c);
}

bool
is_closing_bracket(char32_t c)
{
  return in(k_closing, c);
}

bool
is_no_line_start(char32_t c)
{
  return is_closing_bracket(c) || in(k_no_start_other, c);
}

bool
is_no_line_end(char32_t c)
{
  // A line ending in ・ reads as a list cut at its separator.
  return is_opening_bracket(c) || c == U'・' || c == U'･';
}

bool
is_japanese(char32_t c)
{
  return (c >= 0x3040 && c <= 0x30FF)    // kana
         || (c >= 0x31F0 && c <= 0x31FF) // small kana extension
         || (c >= 0x3400 && c <= 0x4DBF) // CJK extension A
         || (c >= 0x4E00 && c <= 0x9FFF) // CJK unified ideographs
         || (c >= 0xF900 && c <= 0xFAFF) // compatibility ideographs
         || (c >= 0x20000 && c <= 0x3FFFF) || c == U'々' || c == U'〆';
}

bool
is_han(char32_t c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)
         || c == U'々' || c == U'〆';
}

bool
is_latin_alnum(char32_t c)
{
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
         || (c >= 'a' && c <= 'z')
         || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
         || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A)
         || (c >= 0xFF41 && c <= 0xFF5A);
}

bool
is_word_char(char32_t c)
{
  if (c > 0x20 && c < 0x7F) {
    return true; // letters, digits and ASCII punctuation
  }
  return is_latin_alnum(c) || c == U'¥' || c == U'￥' || c == U'＄'
         || c == U'＃' || c == U'€' || c == U'£' || c == U'°' || c == U'℃'
         || c == U'％' || c == U'‰' || c == U'′' || c == U'″' || c == 0xB2
         || c == 0xB3;
}

bool
is_break_space(char32_t c)
{
  return c == ' ' || c == 0x3000 || c == '\t' || c == 0x200B;
}

bool
is_attached(char32_t c)
{
  return (c >= 0x300 && c <= 0x36F) || (c >= 0xFE00 && c <= 0xFE0F)
         || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3
         || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF)
         || (c >= 0x3099 && c <= 0x309A);
}

PunctSpace
punct_space(char32_t c)
{
  switch (c) {
  case U'、':
  case U'。':
  case U'，':
  case U'．':
    return {0, 0.5F};
  case U'・':
  case U'：':
  case U'；':
    return {0.25F, 0.25F};
  default:
    break;
  }
  if (c >= 0x3000 && c <= 0xFFEF && c != U'«' && c != U'»') {
    if (is_opening_bracket(c)) {
      return {0.5F, 0};
    }
    if (is_closing_bracket(c)) {
      return {0, 0.5F};
    }
  }
  return {};
}

} // namespace ogfeed::card
