#pragma once

#include "content/config/card_settings.hpp"
#include "content/config/site_titles.hpp"
#include "util/time_zone.hpp"

#include <string>

namespace ogfeed::card {

// What a card's text reads of a site's settings, made once a build from
// them (site/card_step.hpp: card_context()): a setting no card reads
// recompiles none of the card code.
struct CardContext
{
  content::SiteTitles titles; // the site's title, by language
  util::TimeZone timezone;
  std::string author; // the site's author's name
  content::CardSettings cards;
};

} // namespace ogfeed::card
