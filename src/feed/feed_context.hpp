#pragma once

#include "content/config/feed_settings.hpp"
#include "content/post.hpp"
#include "util/time_zone.hpp"

#include <string>

namespace ogfeed::feed {

// What the feed writers read of a site's settings, made once a build from
// them (site/feed_step.hpp: feed_context()): a setting no writer reads
// changes nothing here, and recompiles none of them.
struct FeedContext
{
  std::string base_url; // absolute, ends with '/'
  util::TimeZone timezone;
  content::Person author;
  std::string websub_hub; // rel="hub" links, when set
  std::string icon;       // as written, relative to the site
  std::string logo;
  content::FeedSettings feeds;
};

} // namespace ogfeed::feed
