#pragma once

#include "card/shaped_text.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ogfeed::util {
class JsonWriter;
} // namespace ogfeed::util

namespace ogfeed::card {

enum class Align {
  start,
  center,
  end,
};

// The space between Japanese and Latin letters or digits (JLREQ 和欧間):
// CSS Text 4's text-autospace sets an eighth of an em; a quarter reads as
// a word space at card sizes ("1 年", "Git の").
constexpr float k_default_latin_spacing = 0.125F;

// The title box and how to fill it (pixels).
struct LayoutStyle
{
  float box_width = 1040;
  float box_height = 300;
  float max_size = 64;
  float min_size = 32;
  // A title that fits on one line grows up to this size (0 or no more than
  // max_size: it does not grow), so a short title fills its card.
  float grow_size = 0;
  float line_height = 1.3F; // times the font size
  int max_lines = 3;
  Align align = Align::start;
  Align vertical_align = Align::center;
  // Em between a kana or kanji and a Latin letter or digit, either way;
  // never beside punctuation, full-width letters, % or #.
  float latin_spacing = k_default_latin_spacing;
};

// A glyph placed in the box: pixels from the box's top-left to the glyph's
// origin on the baseline.
struct PlacedGlyph
{
  std::uint32_t glyph = 0;
  std::uint16_t font = 0;
  float x = 0;
  float y = 0;
};

struct LayoutLine
{
  std::string text; // the characters set on the line, UTF-8
  float width = 0;  // pixels, after punctuation trimming
  float x = 0;      // left edge in the box
  float baseline = 0;
  std::size_t begin = 0; // code point range of `text` in the title
  std::size_t end = 0;
  std::vector<PlacedGlyph> glyphs;
};

// The chosen typesetting of a title: plain data, apart from any drawing.
struct TitleLayout
{
  float font_size = 0;
  float box_width = 0;
  float box_height = 0;
  float line_advance = 0; // baseline to baseline
  bool truncated = false;
  std::vector<LayoutLine> lines;
  std::vector<std::size_t>
    breaks; // code point index where each line after the first starts
  std::vector<std::size_t>
    phrase_breaks;                  // those of `breaks` at BudouX boundaries
  std::vector<std::size_t> phrases; // BudouX boundaries in the title
  std::vector<char32_t> missing;    // characters no font covers
};

// Sets `text` in the box. Breaks only where JLREQ kinsoku and UAX #14 allow
// (inside a word only when a word is wider than the box), preferring BudouX
// phrase boundaries. Tries every whole-pixel size from the largest that fits
// in max_lines down to 80% of it, and every line count that fits, and keeps
// the best by one score: balanced lines, phrase breaks, no one- or
// two-character last line, fewer lines, less shrinking. Yakumono spacing:
// the doubled half-em in 」「, 、「, 。」 collapses, an opening bracket at a
// line start sets flush, the half-em after 」、。 at a line end is dropped,
// spaces at breaks disappear. A title that does not fit at min_size is cut
// at a legal break and ends in "…".
TitleLayout layout_title(const ShapedText& text, const LayoutStyle& style);

// The most code points of a text that layout ever needs in `style`'s box:
// six characters per em of every line at the smallest size, more than any
// text of real glyphs can fit. Longer text is cut before shaping (and ends
// in "…"), so one hostile title cannot stall a build.
std::size_t max_layout_chars(const LayoutStyle& style);

// Returns the layout as one JSON object: font_size, box_width, box_height,
// truncated, lines [{text, width, x, baseline}], breaks, phrase_breaks,
// phrases (code point indices) and missing (characters, as strings).
std::string layout_json(const TitleLayout& layout);

// The members of layout_json(), written into an object `json` has open.
void write_layout_members(util::JsonWriter& json, const TitleLayout& layout);

// The characters [b, e) of `text` in the order a line draws them, left to
// right: the Unicode bidirectional algorithm (fribidi) puts Arabic and
// Hebrew runs right to left, numbers inside them left to right. Text with
// no right-to-left character keeps its order.
std::vector<std::size_t>
visual_order(const std::u32string& text, std::size_t b, std::size_t e);

} // namespace ogfeed::card
