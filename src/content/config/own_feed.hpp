#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ogfeed::content {

// What a site's own feed template says of the site: old Jekyll blogs write
// their URL and name in atom.xml and nowhere else (`<title>Mark
// Hansen</title>`, `<link href="http://www.example.nz/"/>`).
struct OwnFeedTemplate
{
  std::string file;  // "atom.xml"
  std::string url;   // its first absolute http(s) link to a page, or ""
  std::string title; // its first <title> without template tags, or ""
};

// atom.xml, feed.xml or rss.xml at `root` that the generator renders (it
// holds "{{" or "{%"), the first one that names a URL or a title; nullopt
// when none does.
std::optional<OwnFeedTemplate> read_own_feed(const std::filesystem::path& root);

} // namespace ogfeed::content
