#pragma once

#include "card/card_context.hpp"
#include "card/card_template.hpp"
#include "card/render.hpp"
#include "content/post.hpp"
#include "util/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ogfeed::card {

// What a post's card says: its title, the site's title, the post's (or the
// site's) author unless it is the site's title again (each with white
// space folded to single spaces), the date
// in the site's time zone in the template's format, its tags, its emoji
// (`card: {emoji: ...}`, else Zenn's `emoji`), and its description when the
// site (`cards.description`) or the post (`card: {description: true}`) asks.
CardText card_text_for(const content::Post& post,
                       const CardContext& context,
                       const CardTemplate& tmpl);

// Every character a card shows, for choosing fallback fonts.
std::string all_text(const CardText& text);

// What `ogfeed card` may set or change on a card.
struct CardOverrides
{
  std::optional<std::string> title;
  std::optional<std::string> date; // as written: "2024-05-01"
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> site;
  std::optional<std::string> author;
  std::optional<std::string> emoji;
  std::optional<std::string> description; // shown whatever the site says
  std::optional<std::string> accent;      // "#rrggbb"
};

// Returns what a card says: that of `post` (or of an empty post when there
// is none) with `overrides` applied. Without a post and without a date
// override the card shows no date. Fails, naming the option, on a date that
// does not parse ("'--date' must be a date like ...").
util::Expected<CardText> card_text_with(const content::Post* post,
                                        const CardContext& context,
                                        const CardTemplate& tmpl,
                                        const CardOverrides& overrides);

} // namespace ogfeed::card
