#pragma once

#include "card/card_template.hpp"
#include "card/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ogfeed::card {

// What a card says.
struct CardText
{
  std::string title;
  std::string site;
  std::string author;
  std::string date; // already formatted
  std::vector<std::string> tags;
  std::string emoji;       // the post's `emoji` (Zenn) or `card.emoji`
  std::string avatar;      // the author's picture, a file; empty: none
  std::string description; // a line or two under the title; empty: none
  std::string accent; // "#rrggbb" for the accent bar; empty: the template's
  // The post's language, else the site's ("zh-TW"): its line breaking and
  // glyph forms; empty: told by the title's script.
  std::string language;
};

// Where one drawn element sits on the card, in pixels from its top-left.
struct ElementBox
{
  std::string name; // background, panel, accent, logo, title, emoji, date,
                    // avatar, author, site, tag, tag-more
  float x = 0;
  float y = 0;
  float width = 0;
  float height = 0;
};

// Sets one line of small text, for placement to measure and draw.
class LineSetter
{
public:
  virtual ~LineSetter() = default;
  // `text` in the template font `font` at `size`, at most `width` wide
  // (cut with "…" when longer).
  virtual TitleLayout set_line(const std::string& text,
                               const std::string& font,
                               float size,
                               float width) = 0;
  // `text` in at most `max_lines` lines `width` wide, `line_height` apart
  // (times `size`), cut with "…" when longer.
  virtual TitleLayout set_lines(const std::string& text,
                                const std::string& font,
                                float size,
                                float width,
                                int max_lines,
                                float line_height) = 0;
};

// Small text where it is drawn: its first line's baseline is at `baseline`
// (absolute), that line's left edge at `x`; other lines keep their places
// relative to the first.
struct PlacedText
{
  std::string name;
  const TextBlock* block = nullptr;
  TitleLayout layout;
  float x = 0;
  float baseline = 0;
};

// One tag pill, or the "+N" pill for tags that did not fit.
struct PlacedPill
{
  TitleLayout layout;
  float x = 0;
  float y = 0;
  float width = 0;
  float height = 0;
  float baseline = 0; // of its text, absolute
  bool more = false;  // the "+N" pill
};

struct CardPlacement
{
  std::vector<PlacedText> texts;
  std::vector<PlacedPill> pills;
  std::vector<ElementBox> elements; // every drawn element, title first
};

// The description under the title, when the template has a description box
// and the card a description: at most the box's `max_lines` at its size,
// cut with "…". Nothing otherwise.
std::optional<TitleLayout> set_description(const CardTemplate& t,
                                           const CardText& text,
                                           LineSetter& setter);

// The title box's style, less the room `description` (if any) takes under
// the title, the title set from the top of what is left.
LayoutStyle title_style(const CardTemplate& t,
                        const std::optional<TitleLayout>& description);

// Moves the lines of a title set in title_style() so that the title and the
// description under it sit in the whole title box as the title alone would
// (the box's vertical alignment).
void align_with_description(const CardTemplate& t,
                            TitleLayout& title,
                            const TitleLayout& description);

// Places the small elements of a card around its title so none overlaps
// another: the emoji first, then the date, then author, then site, each kept
// inside the space the ones placed before leave in its row (cut with "…", or
// left out when less than two of its characters would fit); elements whose line
// boxes share a row share one baseline; the tag pills follow the text before
// them in their row and end in a "+N" pill when some tags do not fit.
// `description` (set_description()) goes under the title.
CardPlacement place_card(const CardTemplate& t,
                         const TitleLayout& title,
                         std::optional<TitleLayout> description,
                         const CardText& text,
                         LineSetter& setter);

// The layout JSON of `ogfeed card --layout-json`: the title's layout
// (layout_json) plus the card's width and height and every element's box.
std::string card_layout_json(const CardTemplate& t,
                             const TitleLayout& title,
                             const CardPlacement& placement);

} // namespace ogfeed::card
