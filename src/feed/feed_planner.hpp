#pragma once

#include "content/config/site_config.hpp"
#include "feed/feed_plan.hpp"
#include "util/error.hpp"

#include <string>
#include <vector>

namespace ogfeed::feed {

// Returns the folder name used on disk for a tag or category: the name
// itself, with '/' and '\' turned into '-', an all-dots name spelled with
// "%2E", and at most 200 bytes, so no name can leave its folder.
std::string taxonomy_folder(const std::string& name);

// The feed a post is in besides tag and category feeds (HomeFeed).
HomeFeed home_feed(const content::Post& post,
                   const content::SiteConfig& config);

// Plans the main feed and, as configured, one feed per tag and per category
// (names that share a folder share a feed). `posts` must be sorted newest
// first; feeds never hold more than `config.feeds.limit` entries.
// With `feeds.per_language` (the default), a post written in another
// language than the site's (its `lang`) is in that language's feed, "en/",
// not in the main one (as Hugo's feeds are); tag and category feeds hold
// every language.
// With `feeds.archive`, the main feed's older posts go to archive documents
// in "archive/1/", "archive/2/", ...: the oldest `limit` posts in the first,
// the next `limit` in the second, only full ones, so a document's posts
// change only when one of them (or an older one) changes. The subscription
// feed links to the newest; together they hold every post.
// Tags (or categories) that differ only by case share one feed, with a
// warning in `notes` when it is given.
std::vector<FeedPlan> plan_feeds(const std::vector<content::Post>& posts,
                                 const content::SiteConfig& config,
                                 util::Diagnostics* notes = nullptr);

} // namespace ogfeed::feed
