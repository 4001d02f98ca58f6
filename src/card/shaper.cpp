#include "card/shaper.hpp"

#include "util/budoux.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>

namespace ogfeed::card {

namespace {

struct BufferDeleter
{
  void
  operator()(hb_buffer_t* b) const
  {
    hb_buffer_destroy(b);
  }
};

using Buffer = std::unique_ptr<hb_buffer_t, BufferDeleter>;

std::vector<hb_feature_t>
parse_features(const std::vector<std::string>& names)
{
  std::vector<hb_feature_t> out;
  for (const auto& name : names) {
    hb_feature_t f;
    if (hb_feature_from_string(name.c_str(), static_cast<int>(name.size()), &f)
        != 0) {
      out.push_back(f);
    }
  }
  return out;
}

bool
has_feature(const std::vector<std::string>& names, std::string_view want)
{
  return std::find(names.begin(), names.end(), want) != names.end();
}

hb_script_t
script_of(char32_t c)
{
  return hb_unicode_script(hb_unicode_funcs_get_default(), c);
}

bool
is_neutral(hb_script_t s)
{
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED
         || s == HB_SCRIPT_UNKNOWN;
}

// Japanese shapes as one script: kana and kanji share a font's features.
hb_script_t
run_script(hb_script_t s)
{
  if (s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA
      || s == HB_SCRIPT_HAN) {
    return HB_SCRIPT_HAN;
  }
  return s;
}

// The space a punctuation glyph carries and the `halt` feature removes, as
// {left, right} in em; zero when the font has no halt for it.
PunctSpace
halt_trim(Font& font, char32_t c, float advance)
{
  const PunctSpace nominal = punct_space(c);
  if (nominal.left == 0 && nominal.right == 0) {
    return {};
  }
  Buffer buf(hb_buffer_create());
  const std::uint32_t cp = c;
  hb_buffer_add_utf32(buf.get(), &cp, 1, 0, 1);
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), HB_SCRIPT_HAN);
  hb_buffer_set_language(buf.get(), hb_language_from_string("ja", 2));
  hb_feature_t halt;
  hb_feature_from_string("halt", 4, &halt);
  auto* hb = static_cast<hb_font_t*>(font.hb_font());
  hb_shape(hb, buf.get(), &halt, 1);
  unsigned n = 0;
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  if (n != 1) {
    return {};
  }
  const float upem = static_cast<float>(font.units_per_em());
  const float halt_advance = static_cast<float>(pos[0].x_advance) / upem;
  const float removed = advance - halt_advance;
  if (removed < 0.2F) {
    return {}; // no halt in this font, or already proportional
  }
  const float left =
    std::max(0.0F, -static_cast<float>(pos[0].x_offset) / upem);
  return {left, std::max(0.0F, removed - left)};
}

// Picks a font per character (marks and joiners follow their base; a
// character no font has is marked missing) and a script, neutral characters
// taking the script around them.
void
assign_fonts_and_scripts(const std::u32string& text,
                         const FontStack& fonts,
                         ShapedText& out,
                         std::vector<int>& font_of,
                         std::vector<hb_script_t>& script)
{
  // Pick a font per character; marks and joiners follow their base.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    out.chars[i].c = c;
    int f = fonts.font_for(c);
    if (i > 0 && (is_attached(c) || text[i - 1] == 0x200D)) {
      f = font_of[i - 1];
    } else if (f < 0) {
      out.chars[i].missing = !is_break_space(c) && c != 0x200B;
      f = 0;
    }
    font_of[i] = f;
    script[i] = run_script(script_of(c));
  }
  // Neutral characters take the script around them.
  hb_script_t last = HB_SCRIPT_HAN;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_neutral(script[i])) {
      script[i] = last;
    } else {
      last = script[i];
    }
  }
}

// How every run of a title is shaped.
struct RunSettings
{
  hb_language_t language;
  const std::vector<hb_feature_t>& features;
  bool palt; // proportional widths asked for: no half-width trim
};

// Shapes text[start, end), one font (`font_index` in the stack) and one
// script, into `out`'s characters.
void
shape_run(const std::u32string& text,
          std::size_t start,
          std::size_t end,
          Font& font,
          int font_index,
          hb_script_t script,
          const RunSettings& run,
          ShapedText& out)
{
  const auto* codes = reinterpret_cast<const std::uint32_t*>(text.data());
  const float upem = static_cast<float>(font.units_per_em());
  Buffer buf(hb_buffer_create());
  hb_buffer_add_utf32(buf.get(),
                      codes,
                      static_cast<int>(text.size()),
                      static_cast<unsigned>(start),
                      static_cast<int>(end - start));
  // Arabic and Hebrew runs shape right to left; set_line() puts them in
  // visual order.
  hb_buffer_set_direction(buf.get(),
                          hb_script_get_horizontal_direction(script)
                              == HB_DIRECTION_RTL
                            ? HB_DIRECTION_RTL
                            : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), script);
  hb_buffer_set_language(buf.get(), run.language);
  hb_buffer_set_cluster_level(buf.get(),
                              HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(static_cast<hb_font_t*>(font.hb_font()),
           buf.get(),
           run.features.data(),
           static_cast<unsigned>(run.features.size()));
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  for (unsigned g = 0; g < n; ++g) {
    ShapedChar& sc = out.chars[info[g].cluster];
    GlyphRef ref;
    ref.glyph = info[g].codepoint;
    ref.font = static_cast<std::uint16_t>(font_index);
    // Offsets are relative to the cluster's pen position.
    ref.x_offset = sc.advance + static_cast<float>(pos[g].x_offset) / upem;
    ref.y_offset = static_cast<float>(pos[g].y_offset) / upem;
    ref.advance = static_cast<float>(pos[g].x_advance) / upem;
    sc.advance += ref.advance;
    sc.glyphs.push_back(ref);
  }
  for (std::size_t i = start; i < end; ++i) {
    ShapedChar& sc = out.chars[i];
    if (!run.palt && sc.glyphs.size() == 1) {
      sc.trim = halt_trim(font, sc.c, sc.advance);
    }
  }
}

} // namespace

ShapedText
shape_text(const std::u32string& text,
           const FontStack& fonts,
           const ShapeOptions& options)
{
  ShapedText out;
  out.text = text;
  out.chars.resize(text.size());
  out.phrases = util::budoux_boundaries(
    text, util::phrase_model_for(options.language, text));
  if (fonts.size() == 0) {
    return out;
  }
  {
    auto* face = static_cast<hb_font_t*>(fonts.at(0).hb_font());
    hb_font_extents_t ext;
    if (hb_font_get_h_extents(face, &ext) != 0) {
      const float upem = static_cast<float>(fonts.at(0).units_per_em());
      out.ascender = static_cast<float>(ext.ascender) / upem;
      out.descender = static_cast<float>(-ext.descender) / upem;
    }
  }

  std::vector<int> font_of(text.size(), 0);
  std::vector<hb_script_t> script(text.size(), HB_SCRIPT_COMMON);
  assign_fonts_and_scripts(text, fonts, out, font_of, script);

  const std::vector<hb_feature_t> features = parse_features(options.features);
  const bool palt = has_feature(options.features, "palt");
  hb_language_t language = hb_language_from_string(
    options.language.empty() ? "ja" : options.language.c_str(), -1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start + 1;
    while (end < text.size() && font_of[end] == font_of[start]
           && script[end] == script[start]) {
      ++end;
    }
    shape_run(text,
              start,
              end,
              fonts.at(static_cast<std::size_t>(font_of[start])),
              font_of[start],
              script[start],
              {language, features, palt},
              out);
    start = end;
  }
  if (text != U"…") {
    ShapedText dots = shape_text(U"…", fonts, options);
    out.ellipsis = dots.chars.front();
  }
  return out;
}

} // namespace ogfeed::card
