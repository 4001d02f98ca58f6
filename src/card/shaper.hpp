#pragma once

#include "card/font.hpp"
#include "card/shaped_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::card {

struct ShapeOptions
{
  // OpenType features for the whole text ("kern", "palt", "-liga"). With
  // palt, punctuation is already proportional and no space is trimmed.
  std::vector<std::string> features{"kern"};
  // The text's language (its phrase model, its glyph forms); empty: told
  // by the text's script.
  std::string language = "ja";
};

// Shapes `text` with HarfBuzz: each run of characters that one font of the
// stack covers (first match wins) and one script is shaped with its
// context; a character no font covers is marked missing and drawn with the
// primary font's .notdef. Also finds BudouX phrases and, for punctuation
// whose glyph carries JLREQ's half-em space, how much the font's `halt`
// feature removes.
ShapedText shape_text(const std::u32string& text,
                      const FontStack& fonts,
                      const ShapeOptions& options);

} // namespace ogfeed::card
