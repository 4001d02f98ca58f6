#pragma once

#include "feed/feed_context.hpp"

#include <string>
#include <string_view>

namespace ogfeed::feed {

// Where `feeds.stylesheet: true` writes the stylesheet, below the output
// folder.
constexpr const char* k_stylesheet_file = "feed.xsl";

// The stylesheet's URL for a feed in the folder `feed_dir` (below the
// output folder, '/'-terminated, "" for the top) when the site writes one,
// else "". It is relative ("feed.xsl", "../../feed.xsl"), so the page works
// on preview deploys, local servers and file:// as well as on the site.
std::string stylesheet_href(const FeedContext& context,
                            std::string_view feed_dir);

// An XSLT 1.0 stylesheet that shows an Atom or RSS 2.0 feed in a browser
// as a readable Japanese page: what a feed is and how to subscribe, the
// site's title, and every entry's title (linked), date and summary.
const std::string& feed_stylesheet();

} // namespace ogfeed::feed
