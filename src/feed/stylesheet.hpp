#pragma once

#include "content/site_config.hpp"

#include <string>

namespace ogfeed::feed {

// Where `feeds.stylesheet: true` writes the stylesheet, below the output
// folder.
constexpr const char* k_stylesheet_file = "feed.xsl";

// The stylesheet's absolute URL when the site writes one, else "".
std::string stylesheet_url(const content::SiteConfig& config);

// An XSLT 1.0 stylesheet that shows an Atom or RSS 2.0 feed in a browser
// as a readable Japanese page: what a feed is and how to subscribe, the
// site's title, and every entry's title (linked), date and summary.
const std::string& feed_stylesheet();

} // namespace ogfeed::feed
