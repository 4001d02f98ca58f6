#pragma once

// Size-independent measures of a title (widths, trims, spacing, break
// costs, in em) that every size and line count the layout tries reads.
// Internal to src/card.

#include "card/line_costs.hpp"
#include "card/shaped_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogfeed::card::detail {

// The two sides the Japanese-Latin space goes between: kana and kanji
// (not ・ or ー's neighbours' punctuation), and half-width Latin letters and
// digits (not full-width ones, %, # or other punctuation).
bool spaced_japanese(char32_t c);
bool spaced_latin(char32_t c);

// A katakana letter or ー.
bool is_katakana(char32_t c);

// For each gap before text[i], how many bracket pairs hold it: an opening
// bracket counts once the title closes it with its partner.
std::vector<int> bracket_depths(const std::u32string& text);

// Size-independent measures of a title, in em.
class Measure
{
public:
  Measure(const ShapedText& t, float latin)
    : m_text(t),
      m_breaks(find_breaks(t.text, t.phrases))
  {
    const std::size_t n = t.chars.size();
    m_advance_sum.assign(n + 1, 0);
    m_adjust_sum.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      m_advance_sum[i + 1] = m_advance_sum[i] + t.chars[i].advance;
    }
    for (std::size_t k = 1; k < n; ++k) {
      m_adjust_sum[k] = m_adjust_sum[k - 1] + adjust_between(k, latin);
    }
    if (n > 0) {
      m_adjust_sum[n] = m_adjust_sum[n - 1];
    }
    m_bracket_depth = bracket_depths(t.text);
  }

  std::size_t
  size() const
  {
    return m_text.chars.size();
  }

  const std::vector<Break>&
  breaks() const
  {
    return m_breaks;
  }

  // The cost of breaking before character i.
  double
  break_cost_at(std::size_t i) const
  {
    const char32_t a = m_text.chars[i - 1].c;
    const char32_t b = m_text.chars[i].c;
    double cost = break_cost(m_breaks[i], a, b);
    if (m_bracket_depth[i] > 0) {
      cost += k_in_brackets;
    }
    if (is_katakana(a) && is_katakana(b)) {
      cost += likely_word_end(i) ? 0 : k_in_katakana;
    }
    return cost;
  }

  // Inside a katakana run, whether a loanword likely ends before i: after
  // ン (オーケストレーション|プラットフォーム, パターン|マッチング), not
  // before the ト ド ス ズ グ ク チ ジ that end words in -nt, -nd, -ns, -ng,
  // -nk, -nch, -nge (ポイント, マインド), with four katakana or more on
  // each side.
  bool
  likely_word_end(std::size_t i) const
  {
    const auto& c = m_text.chars;
    if (c[i - 1].c != U'ン'
        || std::u32string_view(U"トドスズグクチジァィゥェォャュョッー")
               .find(c[i].c)
             != std::u32string_view::npos) {
      return false;
    }
    std::size_t left = 0;
    for (std::size_t k = i; k > 0 && is_katakana(c[k - 1].c); --k) {
      ++left;
    }
    std::size_t right = 0;
    for (std::size_t k = i; k < c.size() && is_katakana(c[k].c); ++k) {
      ++right;
    }
    return left >= 4 && right >= 4;
  }

  bool
  is_space(std::size_t i) const
  {
    return is_break_space(m_text.chars[i].c);
  }

  // The characters of line [b, e) that are set: spaces at either end go.
  std::pair<std::size_t, std::size_t>
  visible(std::size_t b, std::size_t e) const
  {
    while (b < e && is_space(b)) {
      ++b;
    }
    while (e > b && is_space(e - 1)) {
      --e;
    }
    return {b, e};
  }

  // Set solid against the line's start edge: an opening bracket's half em.
  double
  start_cut(std::size_t i) const
  {
    const ShapedChar& c = m_text.chars[i];
    return is_opening_bracket(c.c) ? c.trim.left : 0;
  }

  // Dropped at the line's end: the half em after 」、。.
  double
  end_cut(std::size_t i) const
  {
    const ShapedChar& c = m_text.chars[i];
    return c.trim.right >= 0.4F ? c.trim.right : 0;
  }

  // Pen movement added before character k (k >= 1) on the same line.
  double
  adjust(std::size_t k) const
  {
    return m_adjust_sum[k] - m_adjust_sum[k - 1];
  }

  double
  width(std::size_t b, std::size_t e) const
  {
    const auto [vb, ve] = visible(b, e);
    if (vb >= ve) {
      return 0;
    }
    return m_advance_sum[ve] - m_advance_sum[vb]
           + (m_adjust_sum[ve - 1] - m_adjust_sum[vb]) - start_cut(vb)
           - end_cut(ve - 1);
  }

  // Characters a reader counts on the line (not spaces or marks).
  std::size_t
  count(std::size_t b, std::size_t e) const
  {
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i) {
      const char32_t c = m_text.chars[i].c;
      n += is_break_space(c) || is_attached(c) ? 0 : 1;
    }
    return n;
  }

private:
  // JLREQ pair rules for consecutive yakumono, and the quarter em between
  // Japanese and Latin.
  double
  adjust_between(std::size_t k, float latin) const
  {
    const ShapedChar& a = m_text.chars[k - 1];
    const ShapedChar& b = m_text.chars[k];
    double cut = 0;
    const bool b_tight_left = b.trim.left > 0 || is_closing_bracket(b.c)
                              || b.c == U'、' || b.c == U'。' || b.c == U'，'
                              || b.c == U'．';
    if (a.trim.right > 0 && b_tight_left) {
      cut = a.trim.right; // 」「 、「 → a half em; 」」 。」 」、 」・ → solid
    } else if ((is_opening_bracket(a.c) || a.trim.right > 0)
               && b.trim.left > 0) {
      cut = b.trim.left; // 「「 → solid; ・「 keeps the middle dot's quarter
    }
    double add = 0;
    if ((spaced_japanese(a.c) && spaced_latin(b.c))
        || (spaced_latin(a.c) && spaced_japanese(b.c))) {
      add = latin;
    }
    return add - cut;
  }

  const ShapedText& m_text;
  std::vector<Break> m_breaks;
  std::vector<double> m_advance_sum; // [i] = advances of chars [0, i)
  std::vector<double> m_adjust_sum;  // [k] = adjustments before chars 1..k
  // [i]: how many bracket pairs the title closes hold the gap before i.
  std::vector<int> m_bracket_depth;
};

} // namespace ogfeed::card::detail
