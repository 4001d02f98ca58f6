#pragma once

#include "card/font.hpp"

#include <cstdint>
#include <vector>

namespace ogfeed::card {

// A rasterized glyph: 8-bit coverage, or premultiplied BGRA for colour
// emoji already scaled to the text size.
struct GlyphBitmap
{
  int left = 0; // from the pen position to the bitmap's left edge
  int top = 0;  // from the baseline up to the bitmap's top edge
  int width = 0;
  int height = 0;
  bool color = false;
  std::vector<std::uint8_t> pixels;
};

// Rasterizes a glyph with FreeType (no hinting, anti-aliased) at `size`
// pixels, its pen position `subpixel` quarter pixels right of a whole pixel;
// a colour font's strike is scaled to the size. Empty when the font has no
// such glyph.
GlyphBitmap
rasterize_glyph(Font& font, std::uint32_t glyph, float size, int subpixel);

} // namespace ogfeed::card
