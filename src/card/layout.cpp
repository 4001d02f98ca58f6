#include "card/layout.hpp"

#include "card/char_class.hpp"
#include "card/line_break.hpp"
#include "card/line_search.hpp"
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

using namespace detail;

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
