#include "card/glyph_raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ogfeed::card {

namespace {

// A colour emoji's fixed-size BGRA strike `bm`, box-filtered down by
// `scale` to the text size.
GlyphBitmap
scaled_color_glyph(const FT_Bitmap& bm,
                   const FT_GlyphSlotRec& slot,
                   float scale)
{
  GlyphBitmap out;
  const int sw = static_cast<int>(bm.width);
  const int sh = static_cast<int>(bm.rows);
  out.color = true;
  out.width =
    std::max(1, static_cast<int>(std::lround(static_cast<float>(sw) * scale)));
  out.height =
    std::max(1, static_cast<int>(std::lround(static_cast<float>(sh) * scale)));
  out.left =
    static_cast<int>(std::lround(static_cast<float>(slot.bitmap_left) * scale));
  out.top =
    static_cast<int>(std::lround(static_cast<float>(slot.bitmap_top) * scale));
  out.pixels.resize(static_cast<std::size_t>(out.width)
                    * static_cast<std::size_t>(out.height) * 4);
  for (int ty = 0; ty < out.height; ++ty) {
    for (int tx = 0; tx < out.width; ++tx) {
      const int sx0 =
        std::min(sw - 1, static_cast<int>(static_cast<float>(tx) / scale));
      const int sy0 =
        std::min(sh - 1, static_cast<int>(static_cast<float>(ty) / scale));
      const int sx1 = std::max(
        sx0 + 1,
        std::min(sw, static_cast<int>(static_cast<float>(tx + 1) / scale)));
      const int sy1 = std::max(
        sy0 + 1,
        std::min(sh, static_cast<int>(static_cast<float>(ty + 1) / scale)));
      unsigned sum[4] = {0, 0, 0, 0};
      unsigned count = 0;
      for (int sy = sy0; sy < sy1; ++sy) {
        for (int sx = sx0; sx < sx1; ++sx) {
          const unsigned char* p =
            bm.buffer + static_cast<std::ptrdiff_t>(sy) * bm.pitch + sx * 4;
          for (int k = 0; k < 4; ++k) {
            sum[k] += p[k];
          }
          ++count;
        }
      }
      std::uint8_t* d = &out.pixels[(static_cast<std::size_t>(ty)
                                       * static_cast<std::size_t>(out.width)
                                     + static_cast<std::size_t>(tx))
                                    * 4];
      for (int k = 0; k < 4; ++k) {
        d[k] = static_cast<std::uint8_t>(sum[k] / count);
      }
    }
  }
  return out;
}

} // namespace

GlyphBitmap
rasterize_glyph(Font& font, std::uint32_t glyph, float size, int subpixel)
{
  GlyphBitmap out;
  auto face = static_cast<FT_Face>(font.ft_face());
  const bool color_font = font.is_color();
  if (color_font) {
    if (face->num_fixed_sizes > 0 && FT_Select_Size(face, 0) != 0) {
      return out;
    }
  } else {
    FT_Set_Char_Size(
      face, 0, static_cast<FT_F26Dot6>(std::lround(size * 64)), 72, 72);
  }
  FT_Vector delta{static_cast<FT_Pos>(subpixel * 16), 0};
  FT_Set_Transform(face, nullptr, color_font ? nullptr : &delta);
  const FT_Int32 flags = color_font ? (FT_LOAD_COLOR | FT_LOAD_RENDER)
                                    : (FT_LOAD_NO_HINTING | FT_LOAD_RENDER);
  if (FT_Load_Glyph(face, glyph, flags) != 0) {
    return out;
  }
  const FT_GlyphSlot slot = face->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  if (bm.pixel_mode == FT_PIXEL_MODE_GRAY) {
    out.left = slot->bitmap_left;
    out.top = slot->bitmap_top;
    out.width = static_cast<int>(bm.width);
    out.height = static_cast<int>(bm.rows);
    out.pixels.resize(static_cast<std::size_t>(out.width)
                      * static_cast<std::size_t>(out.height));
    for (int row = 0; row < out.height; ++row) {
      std::memcpy(&out.pixels[static_cast<std::size_t>(row)
                              * static_cast<std::size_t>(out.width)],
                  bm.buffer + static_cast<std::ptrdiff_t>(row) * bm.pitch,
                  static_cast<std::size_t>(out.width));
    }
  } else if (bm.pixel_mode == FT_PIXEL_MODE_BGRA
             && face->size->metrics.y_ppem > 0) {
    out = scaled_color_glyph(
      bm, *slot, size / static_cast<float>(face->size->metrics.y_ppem));
  }
  return out;
}

} // namespace ogfeed::card
