#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ogfeed::content {

// A site's title in each of its languages: its own, and those Hugo's
// `languages` give (site_titles() in site_config.hpp makes it).
struct SiteTitles
{
  std::string title;    // the site's
  std::string language; // the site's
  // (language tag, title) of its other languages, in the order they are
  // looked up; titles are not empty.
  std::vector<std::pair<std::string, std::string>> others;

  // The title for a post in `language`: that language's own when the site
  // has one for it, else the site's.
  const std::string& in(const std::string& language) const;
};

} // namespace ogfeed::content
