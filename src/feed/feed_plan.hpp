#pragma once

#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "util/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ogfeed::feed {

// RFC 5005 archived feeds (`feeds.archive`): how one document of the main
// feed links to the rest of its history. Folders are URL paths below the
// base URL; each format adds its own file name.
struct FeedHistory
{
  bool archive = false; // an archive document (fh:archive)
  std::string current;  // archive documents: the subscription feed's folder
  std::optional<std::string> prev; // the next older archive document
  std::optional<std::string> next; // the next newer archive document
};

// One feed to write, in every configured format: the site's main feed or a
// per-tag or per-category feed.
struct FeedPlan
{
  std::string title;
  std::string subtitle;
  std::string dir; // output folder below the output root: "" or "tags/日本語/"
  std::string url_dir;   // the same folder as a URL path: "tags/%E6%97%A5.../"
  std::string alternate; // absolute URL of the page this feed mirrors
  std::string language;  // its xml:lang: the site's, or a language's feed
  std::vector<const content::Post*> posts; // newest first, at most the limit
  std::optional<FeedHistory> history;      // the main feed with feeds.archive
  // The main feed or a language's: the feeds a page (feed.html) shows.
  bool home = false;
};

// Returns the folder name used on disk for a tag or category: the name
// itself, with '/' and '\' turned into '-', an all-dots name spelled with
// "%2E", and at most 200 bytes, so no name can leave its folder.
std::string taxonomy_folder(const std::string& name);

// The feed a post is in besides tag and category feeds: the main feed
// (folder "") or, with `feeds.per_language`, its language's ("en/", with
// that language's title and tag when the site is Hugo multilingual).
struct HomeFeed
{
  std::string dir; // "" or "en/"
  std::string title;
  std::string language;
};

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
