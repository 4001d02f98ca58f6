#pragma once

#include "content/config/own_feed.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace ogfeed::content {

// The URL a site is published at, for a generator's site whose config
// names none (Jekyll on GitHub Pages takes its site.url the same way).
struct PagesUrl
{
  std::string url;    // "https://owner.github.io/repo/"
  std::string source; // where it came from, for the warning:
                      // "GitHub Pages, from CNAME"
};

// In order: a CNAME file where the site is published from (the site's root,
// static/, source/, public/) naming its domain; the site's own feed
// template (atom.xml, feed.xml or rss.xml at its root, with the
// generator's template tags in it: old Jekyll blogs write their URL there
// and nowhere else), its first absolute http(s) link; the repository a GitHub
// Actions run names (GITHUB_REPOSITORY, from the runner, not the
// repository); the GitHub repository the clone's remote "origin" names
// (.git/config in the site's folder or the one above: the same repository
// when Actions builds that clone); a site folder named OWNER.github.io. A
// repository OWNER.github.io is served at https://OWNER.github.io/, any other
// REPO at https://OWNER.github.io/REPO/. nullopt when none tells. `own` is the
// site's own feed template, read once by the caller (it may give the title
// too), or null.
std::optional<PagesUrl> published_url(const std::filesystem::path& root,
                                      const OwnFeedTemplate* own);

} // namespace ogfeed::content
