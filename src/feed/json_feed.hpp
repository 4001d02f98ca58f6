#pragma once

#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"

#include <string>
#include <vector>

namespace ogfeed::feed {

// Writes a JSON Feed 1.1 (https://jsonfeed.org/version/1.1): version,
// title, home_page_url, feed_url, description, language, authors; items
// with id, url, title, content_html, summary, image (the card),
// date_published and date_modified (RFC 3339 in the site's zone), authors
// and tags. Same input, same bytes.
std::string write_json_feed(const FeedPlan& plan,
                            const std::vector<const Entry*>& entries,
                            const FeedContext& context,
                            const std::string& self_url);

} // namespace ogfeed::feed
