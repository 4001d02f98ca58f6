#pragma once

#include "content/post.hpp"

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

// The feed a post is in besides tag and category feeds: the main feed
// (folder "") or, with `feeds.per_language`, its language's ("en/", with
// that language's title and tag when the site is Hugo multilingual).
// home_feed() (feed_planner.hpp) finds it.
struct HomeFeed
{
  std::string dir; // "" or "en/"
  std::string title;
  std::string language;
};

} // namespace ogfeed::feed
