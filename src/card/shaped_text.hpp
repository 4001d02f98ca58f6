#pragma once

#include "card/char_class.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ogfeed::card {

// One glyph of a shaped character: offsets in em from the character's pen
// position.
struct GlyphRef
{
  std::uint32_t glyph = 0;
  std::uint16_t font = 0; // index into the font stack
  float x_offset = 0;
  float y_offset = 0;
  float advance = 0;
};

// A character after shaping, measured in em, so layout can try any size
// without shaping again.
struct ShapedChar
{
  char32_t c = 0;
  float advance = 0;    // em; all of a cluster's advance sits on its first char
  PunctSpace trim;      // blank space the font's glyph carries, removable (em)
  bool missing = false; // no font has a glyph for it
  std::vector<GlyphRef> glyphs;
};

// Text ready for line layout: characters, their shapes and where BudouX
// sees phrase boundaries. Plain data; tests build it by hand.
struct ShapedText
{
  std::u32string text;
  std::vector<ShapedChar> chars;    // one per code point of `text`
  std::vector<std::size_t> phrases; // BudouX boundaries, code point indices
  float ascender = 0.88F;           // em, of the primary font
  float descender = 0.12F;          // em, positive below the baseline
  ShapedChar ellipsis;              // "…", for truncated titles
  bool cut = false; // the text was cut before shaping: it ends in "…"
};

} // namespace ogfeed::card
