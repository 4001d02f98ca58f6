#pragma once

#include "card/card_template.hpp"
#include "card/font.hpp"
#include "card/layout.hpp"
#include "card/placement.hpp"
#include "util/error.hpp"

#include <memory>
#include <string>
#include <vector>

namespace ogfeed::card {

enum class ImageFormat {
  png,
  jpeg,
  webp,
};

struct EncodeOptions
{
  ImageFormat format = ImageFormat::png;
  int png_compression = 3; // deflate level 0..12
  int quality = 85;        // JPEG and WebP
};

struct RenderedCard
{
  std::string bytes; // the encoded image, without metadata
  TitleLayout layout;
  CardPlacement placement;       // where every element was drawn
  std::vector<char32_t> missing; // characters no font covers, each once
};

// The warning for a character no font covers: "no font has 'X' (U+0058);
// the card shows it as a box".
std::string missing_glyph_message(char32_t c);

// The font files a template names, read once and shared by all threads, in
// the template's order; an optional font that is absent is null. When the
// template names no emoji font and Debian's Noto Color Emoji is installed,
// it is added as a last fallback.
struct TemplateFonts
{
  std::vector<FontSpec> specs;
  std::vector<std::shared_ptr<const FontFile>> files;
};

util::Expected<TemplateFonts> load_template_fonts(const CardTemplate& t);

// Draws cards for one template on one thread: opens its own FreeType and
// HarfBuzz faces and prepares the background (and logo) once.
class CardRenderer
{
public:
  // Fails when a font cannot be opened or a background or logo image cannot
  // be read.
  static util::Expected<std::unique_ptr<CardRenderer>>
  create(const CardTemplate& t, const TemplateFonts& fonts);
  ~CardRenderer();
  CardRenderer(const CardRenderer&) = delete;
  CardRenderer& operator=(const CardRenderer&) = delete;

  // Sets a title in the template's title box without drawing it, broken as
  // `language` is (a BCP 47 tag: ja, zh-CN, zh-TW, ko...).
  TitleLayout layout_title(const std::string& title,
                           const std::string& language = "ja");
  // Sets a card's title, with room under it for its description when the
  // template shows one, without drawing it.
  TitleLayout layout_title(const CardText& text);

  // Places every element of a card without drawing it.
  CardPlacement place(const CardText& text, const TitleLayout& title);

  // Renders and encodes one card.
  util::Expected<RenderedCard> render(const CardText& text,
                                      const EncodeOptions& options);

private:
  CardRenderer() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace ogfeed::card
