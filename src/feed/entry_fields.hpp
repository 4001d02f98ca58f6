#pragma once

#include "content/post.hpp"
#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"
#include "util/time_zone.hpp"

#include <string>

namespace ogfeed::feed {

// The name and version written in every feed's generator element.
constexpr const char* k_generator = "ogfeed";

// Returns the entry's permanent id: its permalink, or with `entry_id: tag`
// an RFC 4151 tag URI, "tag:example.com,2019-05-27:/posts/slug/", dated
// by the post's publication day in the site's time zone.
std::string entry_id(const content::Post& post, const FeedContext& context);

// Returns the feed's last change: the newest `updated` of its entries (never
// the clock, so the same input gives the same bytes), or the Unix epoch for a
// feed without entries.
util::UtcSeconds feed_updated(const std::vector<const Entry*>& entries);

// The Media RSS namespace, for media:thumbnail.
constexpr const char* k_media_ns = "http://search.yahoo.com/mrss/";

// True when some entry has a card (so media: is declared).
bool any_card(const std::vector<const Entry*>& entries);

// The post's language when it is not the feed's (an entry's xml:lang,
// dc:language), else null.
const std::string* entry_language(const content::Post& post,
                                  const FeedPlan& plan);

// Returns the tags and then the categories of a post, without repeats.
std::vector<std::string> entry_categories(const content::Post& post);

} // namespace ogfeed::feed
