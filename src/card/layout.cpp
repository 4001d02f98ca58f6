#include "card/layout.hpp"

#include "card/char_class.hpp"
#include "card/line_break.hpp"
#include "util/json.hpp"
#include "util/utf8.hpp"

#include <fribidi.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace ogfeed::card {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();
// Costs of the line-breaking search (in "badness" points).
constexpr double k_balance = 100;       // times the squared slack of each line
constexpr double k_inside_phrase = 400; // a break inside a BudouX phrase
// A space BudouX does not break at: below the cheapest inside-phrase break
// (k_inside_phrase * 0.75), so "Embedding 2 | 仕様" wins over "2 仕 | 様".
constexpr double k_word_space = 150;
constexpr double k_emergency = 100000; // a break inside a word
constexpr double k_short_last =
  1200; // a last line of three characters or fewer
// A designer's first choice: after ：！？ or a clause's closing bracket,
// before a subtitle's 〜 (a bonus, so worth a little imbalance).
constexpr double k_strong = -120; // less than a line costs
// Breaks a reader notices even at a phrase boundary: inside a bracket pair
// the title closes, and inside a katakana compound (but where a loanword
// likely ends: Measure::likely_word_end).
constexpr double k_in_brackets = 900;
constexpr double k_in_katakana = 2500;
constexpr double k_epsilon = 1e-6;     // em; widths are sums of floats
constexpr double k_overflow_slack = 2; // em; more than trims and spacing add
constexpr double k_per_line = 150;     // each line: fewer lines read better
// Shrinking the title below the largest size that fits costs this much per
// whole shrink (10% smaller = 200 points), and is tried down to the
// template's smallest size: smaller beats a split phrase or word, a stranded
// last line or, a little smaller, one more line.
constexpr double k_shrink = 2000;

enum class Tier {
  clean,     // phrase and space breaks only (word spaces included)
  legal,     // + breaks inside phrases
  emergency, // + breaks inside words
};

// The two sides the Japanese-Latin space goes between: kana and kanji
// (not ・ or ー's neighbours' punctuation), and half-width Latin letters and
// digits (not full-width ones, %, # or other punctuation).
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

// For each gap before text[i], how many bracket pairs hold it: an opening
// bracket counts once the title closes it with its partner.
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

struct Plan
{
  std::vector<std::size_t> starts; // line starts; the first is 0
  double cost = k_infinity;
};

// Finds the best way to set the whole text in exactly `lines` lines of
// `width` em, or, with lines == 0, in as few lines as possible up to
// max_lines. Candidates are break positions allowed at `tier`.
class Search
{
public:
  Search(const Measure& m, double width, Tier tier, int max_lines)
    : m_m(m),
      m_width(width),
      m_max_lines(max_lines)
  {
    const std::size_t n = m.size();
    m_candidates.push_back(0);
    for (std::size_t i = 1; i < n; ++i) {
      if (allowed(m.breaks()[i], tier)) {
        m_candidates.push_back(i);
      }
    }
    m_candidates.push_back(n);
    run();
  }

  // The fewest lines that fit, or 0 when none does.
  int
  min_lines() const
  {
    for (int k = 1; k <= m_max_lines; ++k) {
      if (m_cost[idx(k, m_candidates.size() - 1)] < k_infinity) {
        return k;
      }
    }
    return 0;
  }

  Plan
  plan(int lines) const
  {
    Plan p;
    std::size_t j = m_candidates.size() - 1;
    p.cost = m_cost[idx(lines, j)];
    if (p.cost == k_infinity) {
      return p;
    }
    for (int k = lines; k >= 1; --k) {
      const std::size_t i = m_from[idx(k, j)];
      p.starts.push_back(m_candidates[i]);
      j = i;
    }
    std::reverse(p.starts.begin(), p.starts.end());
    return p;
  }

  // For truncation: the best `lines` lines that end at candidate index j.
  double
  cost_to(int lines, std::size_t j) const
  {
    return lines == 0 ? (j == 0 ? 0 : k_infinity) : m_cost[idx(lines, j)];
  }

  std::vector<std::size_t>
  starts_to(int lines, std::size_t j) const
  {
    std::vector<std::size_t> out;
    for (int k = lines; k >= 1; --k) {
      const std::size_t i = m_from[idx(k, j)];
      out.push_back(m_candidates[i]);
      j = i;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  const std::vector<std::size_t>&
  candidates() const
  {
    return m_candidates;
  }

private:
  std::size_t
  idx(int k, std::size_t j) const
  {
    return static_cast<std::size_t>(k) * m_candidates.size() + j;
  }

  double
  line_cost(std::size_t b, std::size_t e, bool last) const
  {
    const double w = m_m.width(b, e);
    if (w > m_width + k_epsilon) {
      return k_infinity;
    }
    const double slack = (m_width - w) / m_width;
    double cost = k_balance * slack * slack;
    if (last) {
      const auto [vb, ve] = m_m.visible(b, e);
      if (m_m.count(vb, ve) <= 3 && b > 0) {
        cost += k_short_last;
      }
    }
    return cost;
  }

  void
  run()
  {
    const std::size_t m = m_candidates.size();
    const std::size_t n = m_m.size();
    m_cost.assign(static_cast<std::size_t>(m_max_lines + 1) * m, k_infinity);
    m_from.assign(m_cost.size(), 0);
    m_cost[idx(0, 0)] = 0;
    for (int k = 1; k <= m_max_lines; ++k) {
      for (std::size_t j = 1; j < m; ++j) {
        const std::size_t e = m_candidates[j];
        const double brk = e == n ? 0 : m_m.break_cost_at(e);
        // Longest line last: once a line overflows by more than any trim
        // can take back, every earlier start overflows too. This keeps the
        // search linear in the text.
        for (std::size_t i = j; i-- > 0;) {
          if (m_m.width(m_candidates[i], e) > m_width + k_overflow_slack) {
            break;
          }
          const double before = m_cost[idx(k - 1, i)];
          if (before == k_infinity) {
            continue;
          }
          const double line = line_cost(m_candidates[i], e, e == n);
          if (line == k_infinity) {
            continue;
          }
          const double total = before + line + brk;
          // <=: on a tie the earliest start wins, as it always has.
          if (total <= m_cost[idx(k, j)]) {
            m_cost[idx(k, j)] = total;
            m_from[idx(k, j)] = i;
          }
        }
      }
    }
  }

  const Measure& m_m;
  double m_width;
  int m_max_lines;
  std::vector<std::size_t> m_candidates;
  std::vector<double> m_cost; // [k][j]: best k lines ending at candidate j
  std::vector<std::size_t> m_from;
};

struct Choice
{
  float size = 0;
  Plan plan;
  double score = k_infinity;
};

bool
fits_height(int lines,
            float size,
            const LayoutStyle& style,
            const ShapedText& t)
{
  const float height = (static_cast<float>(lines - 1) * style.line_height
                        + t.ascender + t.descender)
                       * size;
  return height <= style.box_height + 0.01F;
}

// Sizes are tried in steps of 1/96 of the template's largest size, never in
// whole pixels: two templates whose boxes hold as many ems at their largest
// size (default and light) then weigh the same sizes in ems and break a
// title alike.
constexpr double k_size_steps = 96;

float
stepped_size(const LayoutStyle& style, int k)
{
  return static_cast<float>(style.max_size * (1.0 - k / k_size_steps));
}

// The largest stepped size at which the text fits at `tier`.
std::optional<float>
largest_fit(const Measure& m,
            const ShapedText& t,
            const LayoutStyle& style,
            Tier tier)
{
  for (int k = 0;; ++k) {
    const float size = stepped_size(style, k);
    if (size < style.min_size - 0.01F) {
      break;
    }
    const Search search(m, style.box_width / size, tier, style.max_lines);
    const int lines = search.min_lines();
    if (lines > 0 && fits_height(lines, size, style, t)) {
      return size;
    }
  }
  return std::nullopt;
}

// A title that fits on one line at three quarters of the template's largest
// size or more (up to its grow size) is set on one line, as large as it
// fits: "Goの | ジェネリクス入門" never. Below that a single line would leave
// most of the card empty, and the title is weighed like any other.
constexpr double k_one_line_floor = 0.75;

float
one_line_floor(const LayoutStyle& style)
{
  return std::max(style.min_size,
                  static_cast<float>(style.max_size * k_one_line_floor));
}
std::optional<Choice>
one_line(const Measure& m, const ShapedText& t, const LayoutStyle& style)
{
  const int first = -static_cast<int>(std::floor(
    (std::max(style.grow_size, style.max_size) / style.max_size - 1.0)
    * k_size_steps));
  const float floor = one_line_floor(style);
  for (int k = first;; ++k) {
    const float size = stepped_size(style, k);
    if (size < floor - 0.01F) {
      break;
    }
    const Search search(m, style.box_width / size, Tier::clean, 1);
    if (search.min_lines() == 1 && fits_height(1, size, style, t)) {
      return Choice{size, search.plan(1), 0};
    }
  }
  return std::nullopt;
}

// Weighs every stepped size from the largest that fits down to the
// template's smallest, and every line
// count that fits at each: the layout cost (balance, phrase breaks, short
// last line), a cost per line and a cost for shrinking.
std::optional<Choice>
best_choice(const Measure& m, const ShapedText& t, const LayoutStyle& style)
{
  if (auto single = one_line(m, t, style)) {
    return single;
  }
  Tier tier = Tier::legal;
  std::optional<float> largest = largest_fit(m, t, style, tier);
  if (!largest) {
    tier = Tier::emergency;
    largest = largest_fit(m, t, style, tier);
  }
  if (!largest) {
    return std::nullopt;
  }
  const float floor = style.min_size;
  const int top = static_cast<int>(
    std::lround((1.0 - *largest / style.max_size) * k_size_steps));
  std::optional<Choice> best;
  for (int k = top;; ++k) {
    const float size = stepped_size(style, k);
    if (size < floor - 0.01F) {
      break;
    }
    const Search search(m, style.box_width / size, tier, style.max_lines);
    const double shrink = k_shrink * (1.0 - size / *largest);
    // No plan at this size or smaller can beat the best so far: every plan
    // pays for a line and gains at most a strong bonus per later line.
    const double bound =
      shrink + k_per_line + k_strong * static_cast<double>(style.max_lines - 1);
    if (best && bound >= best->score) {
      break;
    }
    // One line below the one-line floor leaves most of the card empty: a
    // title that does not fit above it takes two lines or more.
    const int fewest =
      style.max_lines > 1 && size < one_line_floor(style) - 0.01F ? 2 : 1;
    for (int lines = fewest; lines <= style.max_lines; ++lines) {
      if (!fits_height(lines, size, style, t)) {
        break;
      }
      Plan plan = search.plan(lines);
      if (plan.cost == k_infinity) {
        continue;
      }
      const double score = plan.cost + k_per_line * lines + shrink;
      if (!best || score < best->score - 1e-9) {
        best = Choice{size, std::move(plan), score};
      }
    }
  }
  return best;
}

} // namespace

std::vector<std::size_t>
visual_order(const std::u32string& text, std::size_t b, std::size_t e)
{
  std::vector<std::size_t> order(e - b);
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = b + i;
  }
  const auto n = static_cast<FriBidiStrIndex>(e - b);
  std::vector<FriBidiCharType> types(e - b);
  const auto* chars = reinterpret_cast<const FriBidiChar*>(text.data() + b);
  fribidi_get_bidi_types(chars, n, types.data());
  if (std::none_of(types.begin(), types.end(), [](FriBidiCharType t) {
        return FRIBIDI_IS_RTL(t);
      })) {
    return order;
  }
  std::vector<FriBidiBracketType> brackets(e - b);
  fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
  std::vector<FriBidiLevel> levels(e - b);
  FriBidiParType direction = FRIBIDI_PAR_ON; // from the first strong letter
  if (fribidi_get_par_embedding_levels_ex(
        types.data(), brackets.data(), n, &direction, levels.data())
      == 0) {
    return order;
  }
  std::vector<FriBidiStrIndex> map(e - b);
  for (FriBidiStrIndex i = 0; i < n; ++i) {
    map[static_cast<std::size_t>(i)] = i;
  }
  if (fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT,
                           types.data(),
                           n,
                           0,
                           direction,
                           levels.data(),
                           nullptr,
                           map.data())
      == 0) {
    return order;
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = b + static_cast<std::size_t>(map[i]);
  }
  return order;
}

namespace {

LayoutLine
set_line(const Measure& m,
         const ShapedText& t,
         std::size_t b,
         std::size_t e,
         float size,
         bool ellipsis)
{
  LayoutLine line;
  const auto [vb, ve] = m.visible(b, e);
  line.begin = vb;
  line.end = ve;
  double pen = vb < ve ? -m.start_cut(vb) : 0;
  auto place = [&](const ShapedChar& c) {
    for (const GlyphRef& g : c.glyphs) {
      line.glyphs.push_back(
        PlacedGlyph{g.glyph,
                    g.font,
                    static_cast<float>((pen + g.x_offset) * size),
                    static_cast<float>(-g.y_offset * size)});
    }
    pen += c.advance;
  };
  const std::vector<std::size_t> order = visual_order(t.text, vb, ve);
  for (std::size_t v = 0; v < order.size(); ++v) {
    const std::size_t k = order[v];
    if (v > 0 && k == order[v - 1] + 1) {
      pen += m.adjust(k); // spacing between neighbours in reading order
    }
    place(t.chars[k]);
  }
  std::u32string text = t.text.substr(vb, ve - vb);
  if (ellipsis) {
    place(t.ellipsis);
    text += U'…';
  } else if (vb < ve) {
    pen -= m.end_cut(ve - 1);
  }
  line.width = static_cast<float>(pen * size);
  line.text = util::encode_utf8(text);
  return line;
}

float
aligned(Align a, float space, float used)
{
  switch (a) {
  case Align::start:
    return 0;
  case Align::center:
    return (space - used) / 2;
  case Align::end:
    return space - used;
  }
  return 0;
}

// Where to cut a text that does not fit in `lines` lines: the candidate
// index the last line starts at and the code point it is cut before (0:
// nowhere), keeping as much text as fits with "…", then the cheapest
// earlier breaks.
std::pair<std::size_t, std::size_t>
best_cut(const Measure& m,
         const ShapedText& t,
         const Search& search,
         int lines,
         double width)
{
  const std::size_t n = m.size();
  const std::vector<std::size_t>& cand = search.candidates();
  std::size_t best_j = 0;
  std::size_t best_end = 0;
  double best_cost = k_infinity;
  for (std::size_t j = 0; j + 1 < cand.size(); ++j) {
    const double before = search.cost_to(lines - 1, j);
    if (before == k_infinity) {
      continue;
    }
    for (std::size_t e = j + 1; e < cand.size(); ++e) {
      const std::size_t end = cand[e];
      if (end == n) {
        break;
      }
      const auto [vb, ve] = m.visible(cand[j], end);
      const double w =
        vb < ve ? m.width(cand[j], end) + m.end_cut(ve - 1) + t.ellipsis.advance
                : t.ellipsis.advance;
      if (w > width + k_epsilon) {
        break;
      }
      const double cost = before + m.break_cost_at(end);
      if (end > best_end || (end == best_end && cost < best_cost)) {
        best_end = end;
        best_j = j;
        best_cost = cost;
      }
    }
  }
  return {best_j, best_end};
}

} // namespace

std::size_t
max_layout_chars(const LayoutStyle& style)
{
  const double ems_per_line =
    style.box_width / std::max(1.0F, std::min(style.min_size, style.max_size));
  return static_cast<std::size_t>(
           std::ceil(6 * ems_per_line * std::max(1, style.max_lines)))
         + 1;
}

TitleLayout
layout_title(const ShapedText& t, const LayoutStyle& style)
{
  TitleLayout out;
  out.box_width = style.box_width;
  out.box_height = style.box_height;
  for (const ShapedChar& c : t.chars) {
    if (c.missing) {
      out.missing.push_back(c.c);
    }
  }
  out.phrases = t.phrases;
  const Measure m(t, style.latin_spacing);
  const std::size_t n = m.size();

  const std::optional<Choice> choice =
    t.cut ? std::nullopt : best_choice(m, t, style);
  std::vector<std::size_t> starts;
  bool ellipsis = false;
  float size = style.min_size;
  if (choice) {
    size = choice->size;
    starts = choice->plan.starts;
  } else {
    // Even the smallest size needs more lines: keep as much as fits and end
    // with "…" at a legal break.
    size = std::floor(style.min_size);
    int lines = style.max_lines;
    while (lines > 1 && !fits_height(lines, size, style, t)) {
      --lines;
    }
    const double width = style.box_width / size;
    // Phrase and space breaks first (the cut too), so a description ends
    // its lines as a designer would; any legal break when they cannot.
    std::optional<Search> search;
    std::size_t best_j = 0;
    std::size_t best_end = 0;
    for (const Tier tier : {Tier::clean, Tier::emergency}) {
      search.emplace(m, width, tier, lines - 1);
      std::tie(best_j, best_end) = best_cut(m, t, *search, lines, width);
      if (best_end > 0) {
        break;
      }
    }
    starts = search->starts_to(lines - 1, best_j);
    starts.push_back(search->candidates()[best_j]);
    starts.push_back(best_end); // sentinel: where the text is cut
    ellipsis = true;
    out.truncated = true;
  }

  out.font_size = size;
  out.line_advance = style.line_height * size;
  const std::size_t count = ellipsis ? starts.size() - 1 : starts.size();
  const std::size_t stop = ellipsis ? starts.back() : n;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t b = starts[i];
    const std::size_t e = i + 1 < count ? starts[i + 1] : stop;
    out.lines.push_back(set_line(m, t, b, e, size, ellipsis && i + 1 == count));
    if (i > 0) {
      out.breaks.push_back(b);
      const Break kind = m.breaks()[b];
      if (kind == Break::phrase || kind == Break::space
          || (kind == Break::strong
              && std::binary_search(t.phrases.begin(), t.phrases.end(), b))) {
        out.phrase_breaks.push_back(b);
      }
    }
  }
  const float block =
    (static_cast<float>(out.lines.size()) - 1) * out.line_advance
    + (t.ascender + t.descender) * size;
  const float top = aligned(style.vertical_align, style.box_height, block);
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    LayoutLine& line = out.lines[i];
    line.x = aligned(style.align, style.box_width, line.width);
    line.baseline =
      top + t.ascender * size + static_cast<float>(i) * out.line_advance;
  }
  return out;
}

void
write_layout_members(util::JsonWriter& json, const TitleLayout& layout)
{
  auto list = [&](const char* name, const std::vector<std::size_t>& v) {
    json.key(name).begin_array();
    for (const std::size_t x : v) {
      json.integer(static_cast<long long>(x));
    }
    json.end_array();
  };
  json.key("font_size").number(static_cast<double>(layout.font_size));
  json.key("box_width").number(static_cast<double>(layout.box_width));
  json.key("box_height").number(static_cast<double>(layout.box_height));
  json.key("truncated").boolean(layout.truncated);
  json.key("lines").begin_array();
  for (const LayoutLine& l : layout.lines) {
    json.begin_object();
    json.key("text").string(l.text);
    json.key("width").number(static_cast<double>(l.width));
    json.key("x").number(static_cast<double>(l.x));
    json.key("baseline").number(static_cast<double>(l.baseline));
    json.end_object();
  }
  json.end_array();
  list("breaks", layout.breaks);
  list("phrase_breaks", layout.phrase_breaks);
  list("phrases", layout.phrases);
  json.key("missing").begin_array();
  for (const char32_t c : layout.missing) {
    json.string(util::encode_utf8(std::u32string(1, c)));
  }
  json.end_array();
}

std::string
layout_json(const TitleLayout& layout)
{
  util::JsonWriter json;
  json.begin_object();
  write_layout_members(json, layout);
  json.end_object();
  return json.str();
}

} // namespace ogfeed::card
