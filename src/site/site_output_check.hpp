#pragma once

#include "util/beneath.hpp"
#include "util/error.hpp"

#include <string>
#include <vector>

namespace ogfeed::site {

// A URL ogfeed publishes, and the post whose it is (for the message).
struct PublishedUrl
{
  std::string url;
  std::string post; // the post's path as shown
  std::string what; // "its link", "an image", "its og:image"
};

// Checks every URL below `base_url` against the generator's built site in
// `built` (its output folder): each must name a file there (a URL ending in
// '/' names its index.html; one without it names the folder's index.html
// too, as hosts redirect it). One that does not is a warning (an error with
// `strict`) at its post that names the nearest file the site has: the same
// path in another case, without its trailing slash, or as .html.
// Nothing is followed through a link.
util::Diagnostics
check_against_built_site(const std::vector<PublishedUrl>& urls,
                         const std::string& base_url,
                         const util::Dir& built,
                         bool strict);

} // namespace ogfeed::site
