#include "card/line_break.hpp"

#include "card/char_class.hpp"

#include <algorithm>
#include <string_view>

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

bool
is_wave(char32_t c)
{
  return c == U'〜' || c == U'～';
}

bool
is_dash(char32_t c)
{
  return c == U'―' || c == U'—';
}

// Compound particles (複合助詞) read as one word: a break inside one
// ("に｜おける") splits what the reader takes in at once.
constexpr std::u32string_view k_compound_particles[] = {
  U"における",
  U"において",
  U"についての",
  U"について",
  U"に対する",
  U"に対して",
  U"によって",
  U"による",
  U"として",
  U"のための",
  U"に関する",
  U"に関して",
  U"に向けた",
  U"に向けて",
  U"を通じて",
  U"に基づく",
  U"をもとに",
  U"とともに",
};

// Marks the breaks inside compound particles as never.
void
keep_compound_particles(const std::u32string& text, std::vector<Break>& out)
{
  for (const std::u32string_view p : k_compound_particles) {
    for (std::size_t at = text.find(p); at != std::u32string::npos;
         at = text.find(p, at + 1)) {
      for (std::size_t i = at + 1; i < at + p.size(); ++i) {
        out[i] = Break::never;
      }
    }
  }
}

bool
is_digit(char32_t c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool
is_hiragana(char32_t c)
{
  return c >= 0x3041 && c <= 0x309F;
}

// After these a clause ends: the place a designer breaks a title first.
bool
ends_clause(char32_t c)
{
  return c == U'：' || c == U'！' || c == U'？' || c == U'」' || c == U'』'
         || c == U'）' || c == U'】';
}

// Marks the strong breaks: after a clause's end (a closing bracket only
// where BudouX agrees or no particle follows), and before a subtitle's 〜.
void
mark_strong(const std::u32string& text,
            const std::vector<bool>& is_phrase,
            const std::vector<bool>& opens,
            std::vector<Break>& out)
{
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (out[i] == Break::never) {
      continue;
    }
    std::size_t s = i; // the break after spaces counts from before them
    while (s > 1 && is_break_space(text[s - 1])) {
      --s;
    }
    const char32_t a = text[s - 1];
    const bool bracket = is_closing_bracket(a);
    if ((ends_clause(a) && (!bracket || is_phrase[i] || !is_hiragana(text[i])))
        || opens[i]) {
      out[i] = Break::strong;
    }
  }
}

} // namespace

std::vector<bool>
subtitle_openers(const std::u32string& text)
{
  std::vector<bool> opens(text.size() + 1, false);
  std::vector<std::size_t> waves;
  std::vector<std::size_t> dashes; // the first of each run (―― is one)
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_wave(text[i])) {
      waves.push_back(i);
    } else if (is_dash(text[i]) && (i == 0 || !is_dash(text[i - 1]))) {
      dashes.push_back(i);
    }
  }
  for (const auto* marks : {&waves, &dashes}) {
    for (std::size_t k = 0; k < marks->size(); ++k) {
      const std::size_t i = (*marks)[k];
      const bool range = i > 0 && i + 1 < text.size() && is_digit(text[i - 1])
                         && is_digit(text[i + 1]);
      const bool after_space = i > 0 && is_break_space(text[i - 1]);
      // A 〜 opens a subtitle that a later 〜 closes, or after a space; a
      // ― only one a later ― closes ("入門―基礎から―"): alone, it is a
      // dash inside the sentence.
      const bool closed = k + 1 < marks->size();
      if (!range && (closed || (marks == &waves && after_space))) {
        opens[i] = true;
      }
    }
  }
  return opens;
}

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
  const std::vector<bool> opens = subtitle_openers(text);
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
    if (opens[i - 1] || (is_dash(a) && i >= 2 && opens[i - 2])) {
      continue; // a subtitle's 〜 or ―― stays with the subtitle
    }
    if (opens[i] && !is_no_line_end(a)) {
      out[i] = Break::phrase; // made strong below
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
  // next to the spaces; otherwise it is a word space: a space between words
  // still beats any break between two ideographs or kana of a phrase.
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
      out[i] = Break::word_space;
    }
  }
  keep_compound_particles(text, out);
  mark_strong(text, is_phrase, opens, out);
  return out;
}

} // namespace ogfeed::card
