#include "card/render.hpp"

#include "card/canvas.hpp"
#include "card/card_look.hpp"
#include "card/glyph_raster.hpp"
#include "card/image_module.hpp"
#include "card/png_encode.hpp"
#include "card/shaper.hpp"
#include "util/utf8.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <tuple>

namespace ogfeed::card {

namespace fs = std::filesystem;

util::Expected<TemplateFonts>
load_template_fonts(const CardTemplate& t)
{
  TemplateFonts out;
  for (const FontSpec& spec : t.fonts) {
    std::error_code ec;
    if (spec.optional && !fs::exists(spec.path, ec)) {
      out.specs.push_back(spec);
      out.files.push_back(nullptr);
      continue;
    }
    TRY_ASSIGN(file, load_font_file(spec.path, spec.index));
    out.specs.push_back(spec);
    out.files.push_back(std::move(file));
  }
  return out;
}

struct GlyphKey
{
  const Font* font;
  std::uint32_t glyph;
  int size64;   // size in 1/64 px
  int subpixel; // x offset in quarter pixels

  bool
  operator<(const GlyphKey& o) const
  {
    return std::tie(font, glyph, size64, subpixel)
           < std::tie(o.font, o.glyph, o.size64, o.subpixel);
  }
};

struct CardRenderer::Impl : LineSetter
{
  // The template, its logo box shrunk to the logo as drawn.
  CardTemplate tmpl;
  // Avatars read so far, by file (a site has a few authors).
  std::map<std::string, Picture> avatars;
  // Site names, dates, tags and common kana repeat from card to card.
  std::map<GlyphKey, GlyphBitmap> glyph_cache;
  std::vector<std::uint8_t> scratch; // the canvas of the card being drawn
  std::vector<std::unique_ptr<Font>>
    owned;                              // one per template font; null if absent
  std::vector<std::string> names;       // their names in the template
  std::vector<std::uint8_t> background; // the prepared canvas, RGB
  // The language of the card being set (CardText::language); a bare title
  // is Japanese.
  std::string language = "ja";

  // A block's stack: its font, the title's fallbacks, then fonts ogfeed
  // added itself (the system emoji font).
  FontStack
  stack_for(const std::string& primary) const
  {
    std::vector<Font*> out;
    auto add = [&](const std::string& name) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        Font* f = owned[i].get();
        if (names[i] == name && f != nullptr
            && std::find(out.begin(), out.end(), f) == out.end()) {
          out.push_back(f);
        }
      }
    };
    const std::string& first = primary.empty() ? tmpl.title_font : primary;
    bool bold = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == first && owned[i]) {
        bold = owned[i]->is_bold();
      }
    }
    // A Chinese or Korean site's own face first, for its glyph forms; then
    // the template's fonts; then system fonts for what they lack, in the
    // block's weight first.
    add(bold ? "(language bold)" : "(language regular)");
    add(first);
    for (const auto& name : tmpl.title_fallback) {
      add(name);
    }
    add(bold ? "(symbols bold)" : "(symbols regular)");
    add(bold ? "(symbols regular)" : "(symbols bold)");
    add("(system emoji)");
    add(bold ? "(fallback bold)" : "(fallback regular)");
    add(bold ? "(fallback regular)" : "(fallback bold)");
    return FontStack(std::move(out));
  }

  // Shapes at most `limit` code points of `text` (see max_layout_chars).
  ShapedText
  shape(const std::string& text,
        const FontStack& stack,
        std::size_t limit) const
  {
    ShapeOptions options;
    options.features = tmpl.features;
    options.language = language;
    std::u32string codes = util::decode_utf8(text);
    const bool cut = codes.size() > limit;
    if (cut) {
      codes.resize(limit);
    }
    ShapedText shaped = shape_text(codes, stack, options);
    shaped.cut = cut;
    return shaped;
  }

  // Draws one glyph with its origin at (x, y) on the canvas, from the cache.
  void
  draw_glyph(Canvas& canvas,
             Font& font,
             std::uint32_t glyph,
             float size,
             float x,
             float y,
             const Color& color)
  {
    const float fx = std::floor(x);
    int subpixel = static_cast<int>(std::lround((x - fx) * 4));
    int ox = static_cast<int>(fx);
    if (subpixel == 4) {
      subpixel = 0;
      ++ox;
    }
    const GlyphKey key{&font,
                       glyph,
                       static_cast<int>(std::lround(size * 64)),
                       font.is_color() ? 0 : subpixel};
    auto it = glyph_cache.find(key);
    if (it == glyph_cache.end()) {
      if (glyph_cache.size() > 8192) {
        glyph_cache.clear(); // bounded memory on huge sites
      }
      it = glyph_cache
             .emplace(key, rasterize_glyph(font, glyph, size, key.subpixel))
             .first;
    }
    const GlyphBitmap& g = it->second;
    const int left = ox + g.left;
    const int top = static_cast<int>(std::lround(y)) - g.top;
    for (int row = 0; row < g.height; ++row) {
      for (int col = 0; col < g.width; ++col) {
        const std::size_t i =
          static_cast<std::size_t>(row) * static_cast<std::size_t>(g.width)
          + static_cast<std::size_t>(col);
        if (!g.color) {
          canvas.blend(left + col, top + row, color, g.pixels[i]);
          continue;
        }
        const std::uint8_t* p = &g.pixels[i * 4];
        const unsigned a = p[3];
        if (a == 0) {
          continue;
        }
        // BGRA is premultiplied: divide by alpha to get the colour.
        const Color c{
          static_cast<std::uint8_t>(std::min(255U, p[2] * 255U / a)),
          static_cast<std::uint8_t>(std::min(255U, p[1] * 255U / a)),
          static_cast<std::uint8_t>(std::min(255U, p[0] * 255U / a)),
          255};
        canvas.blend(left + col, top + row, c, a);
      }
    }
  }

  void
  draw_line(Canvas& canvas,
            const FontStack& stack,
            const LayoutLine& line,
            float size,
            float x0,
            float y0,
            const Color& color)
  {
    for (const PlacedGlyph& g : line.glyphs) {
      draw_glyph(canvas,
                 stack.at(g.font),
                 g.glyph,
                 size,
                 x0 + line.x + g.x,
                 y0 + line.baseline + g.y,
                 color);
    }
  }

  // Sets one line of small text at a fixed size, starting at (x, top).
  TitleLayout
  set_single_line(const std::string& text,
                  const FontStack& stack,
                  float size,
                  float width)
  {
    LayoutStyle style;
    style.box_width = width > 0 ? width : static_cast<float>(tmpl.width) * 4;
    style.box_height = size * 2;
    style.max_size = size;
    style.min_size = size;
    style.max_lines = 1;
    style.vertical_align = Align::start;
    return card::layout_title(shape(text, stack, max_layout_chars(style)),
                              style);
  }

  TitleLayout
  set_line(const std::string& text,
           const std::string& font,
           float size,
           float width) override
  {
    return set_single_line(text, stack_for(font), size, width);
  }

  TitleLayout
  set_lines(const std::string& text,
            const std::string& font,
            float size,
            float width,
            int max_lines,
            float line_height) override
  {
    LayoutStyle style;
    style.box_width = width;
    style.box_height = size * line_height * static_cast<float>(max_lines);
    style.max_size = size;
    style.min_size = size;
    style.line_height = line_height;
    style.max_lines = max_lines;
    style.align = tmpl.description.align;
    style.vertical_align = Align::start;
    style.latin_spacing = tmpl.title.latin_spacing;
    return card::layout_title(
      shape(text, stack_for(font), max_layout_chars(style)), style);
  }

  // The card's title, with room under it for the description (if any),
  // which it sets in `description`.
  TitleLayout
  set_card_title(const CardText& text, std::optional<TitleLayout>& description)
  {
    const FontStack stack = stack_for(tmpl.title_font);
    description = set_description(tmpl, text, *this);
    const LayoutStyle style = title_style(tmpl, description);
    TitleLayout title = card::layout_title(
      shape(text.title, stack, max_layout_chars(style)), style);
    if (description) {
      title.box_height = tmpl.title.box_height;
      align_with_description(tmpl, title, *description);
    }
    return title;
  }

  // The avatar in file `path`, at the template's size, read once.
  util::Expected<const Picture*>
  avatar(const std::string& path)
  {
    auto it = avatars.find(path);
    if (it == avatars.end()) {
      if (avatars.size() >= 64) {
        avatars.clear(); // bounded memory on a site of many authors
      }
      const int size = static_cast<int>(std::lround(tmpl.avatar.size));
      TRY_ASSIGN(pic, load_picture(path, size, size, Fit::cover));
      it = avatars.emplace(path, std::move(pic)).first;
    }
    return &it->second;
  }

  // Draws the small elements where place_card() put them.
  void
  draw_placed(Canvas& canvas, const CardPlacement& placement)
  {
    for (const PlacedText& p : placement.texts) {
      const LayoutLine& first = p.layout.lines.front();
      const FontStack stack = stack_for(p.block->font);
      for (const LayoutLine& line : p.layout.lines) {
        // Each line where it sits relative to the first.
        draw_line(canvas,
                  stack,
                  line,
                  p.layout.font_size,
                  p.x - first.x,
                  p.baseline - first.baseline,
                  p.block->color);
      }
    }
    const TextBlock& b = tmpl.tags;
    const FontStack stack = stack_for(b.font);
    for (const PlacedPill& p : placement.pills) {
      fill_pill(canvas, p.x, p.y, p.width, p.height, b.pill);
      LayoutLine line = p.layout.lines.front();
      line.x = 0;
      draw_line(canvas,
                stack,
                line,
                p.layout.font_size,
                p.x + b.padding,
                p.baseline - line.baseline,
                b.color);
    }
  }
};

util::Expected<std::unique_ptr<CardRenderer>>
CardRenderer::create(const CardTemplate& t, const TemplateFonts& fonts)
{
  std::unique_ptr<CardRenderer> r(new CardRenderer());
  r->m_impl = std::make_unique<Impl>();
  Impl& m = *r->m_impl;
  m.tmpl = t;
  for (std::size_t i = 0; i < fonts.files.size(); ++i) {
    m.names.push_back(fonts.specs[i].name);
    if (!fonts.files[i]) {
      m.owned.push_back(nullptr);
      continue;
    }
    TRY_ASSIGN(font, Font::open(fonts.files[i]));
    m.owned.push_back(std::move(font));
  }
  TRY_ASSIGN(bg, paint_background(t.background, t.width, t.height));
  m.background = std::move(bg);
  if (t.panel.enabled) {
    Canvas canvas{t.width, t.height, std::move(m.background)};
    paint_panel(canvas, t.panel);
    m.background = std::move(canvas.rgb);
  }
  if (t.logo.enabled && !t.logo.path.empty()) {
    // A round logo fills its box; any other is drawn whole, as large as
    // fits, from the box's top-left, and the box shrinks to it.
    ImageBlock& logo = m.tmpl.logo;
    TRY_ASSIGN(pic,
               load_picture(logo.path,
                            static_cast<int>(logo.width),
                            static_cast<int>(logo.height),
                            logo.round ? Fit::cover : Fit::contain));
    logo.width = static_cast<float>(pic.width);
    logo.height = static_cast<float>(pic.height);
    Canvas canvas{t.width, t.height, std::move(m.background)};
    draw_picture(canvas,
                 pic,
                 static_cast<int>(logo.x),
                 static_cast<int>(logo.y),
                 logo.round ? Shape::round : Shape::as_is);
    m.background = std::move(canvas.rgb);
  }
  return r;
}

CardRenderer::~CardRenderer() = default;

TitleLayout
CardRenderer::layout_title(const std::string& title,
                           const std::string& language)
{
  m_impl->language = language;
  const FontStack stack = m_impl->stack_for(m_impl->tmpl.title_font);
  const LayoutStyle& style = m_impl->tmpl.title;
  return card::layout_title(
    m_impl->shape(title, stack, max_layout_chars(style)), style);
}

TitleLayout
CardRenderer::layout_title(const CardText& text)
{
  m_impl->language = text.language;
  std::optional<TitleLayout> description;
  return m_impl->set_card_title(text, description);
}

CardPlacement
CardRenderer::place(const CardText& text, const TitleLayout& title)
{
  Impl& m = *m_impl;
  m.language = text.language;
  return place_card(m.tmpl, title, set_description(m.tmpl, text, m), text, m);
}

std::string
missing_glyph_message(char32_t c)
{
  const bool printable = c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0);
  return "no font has "
         + (printable ? "'" + util::encode_utf8(std::u32string(1, c)) + "' "
                      : std::string())
         + "(" + util::code_point_name(c) + "); the card shows it as a box";
}

namespace {

// Every character the fonts lack, from the title and every placed text and
// pill, each once.
void
collect_missing(RenderedCard& out)
{
  for (const PlacedText& p : out.placement.texts) {
    out.missing.insert(
      out.missing.end(), p.layout.missing.begin(), p.layout.missing.end());
  }
  for (const PlacedPill& p : out.placement.pills) {
    out.missing.insert(
      out.missing.end(), p.layout.missing.begin(), p.layout.missing.end());
  }
  // One warning per character, not per occurrence.
  std::vector<char32_t> seen;
  for (const char32_t c : out.missing) {
    if (std::find(seen.begin(), seen.end(), c) == seen.end()) {
      seen.push_back(c);
    }
  }
  out.missing = std::move(seen);
}

} // namespace

util::Expected<RenderedCard>
CardRenderer::render(const CardText& text, const EncodeOptions& options)
{
  Impl& m = *m_impl;
  m.language = text.language;
  const CardTemplate& t = m.tmpl;
  RenderedCard out;
  // Reuse one buffer: a fresh 2 MB allocation per card costs page faults.
  Canvas canvas{t.width, t.height, std::move(m.scratch)};
  canvas.rgb.assign(m.background.begin(), m.background.end());
  if (t.accent.enabled) {
    const PanelBlock& a = t.accent;
    fill_rounded(canvas,
                 a.x,
                 a.y,
                 a.width,
                 a.height,
                 a.radius,
                 parse_color(text.accent).value_or(a.color));
  }
  const FontStack title_stack = m.stack_for(t.title_font);
  std::optional<TitleLayout> description; // set once, placed under it
  out.layout = m.set_card_title(text, description);
  out.missing = out.layout.missing;
  for (const LayoutLine& line : out.layout.lines) {
    m.draw_line(canvas,
                title_stack,
                line,
                out.layout.font_size,
                t.title_x,
                t.title_y,
                t.title_color);
  }
  out.placement = place_card(t, out.layout, std::move(description), text, m);
  collect_missing(out);
  m.draw_placed(canvas, out.placement);
  for (const ElementBox& e : out.placement.elements) {
    if (e.name == "avatar") {
      TRY_ASSIGN(pic, m.avatar(text.avatar));
      draw_picture(canvas,
                   *pic,
                   static_cast<int>(std::lround(e.x)),
                   static_cast<int>(std::lround(e.y)),
                   Shape::round);
    }
  }

  if (options.format == ImageFormat::png) {
    // libdeflate on unfiltered rows: faster and smaller than pngsave.
    out.bytes =
      encode_png(canvas.rgb, t.width, t.height, options.png_compression);
    m.scratch = std::move(canvas.rgb);
    return out;
  }
  TRY_ASSIGN(vips, image_module());
  if (auto failed = vips->encode(canvas.rgb.data(),
                                 t.width,
                                 t.height,
                                 options.format == ImageFormat::webp,
                                 options.quality,
                                 &out.bytes);
      !failed.empty()) {
    return tl::unexpected(util::make_error(failed));
  }
  m.scratch = std::move(canvas.rgb);
  return out;
}

} // namespace ogfeed::card
