#pragma once

#include "util/fields.hpp"

#include <string>
#include <vector>

namespace ogfeed::content {

// The `feeds` settings of a site: what the feed writers read of it besides
// the site's own identity (feed/feed_context.hpp), apart from SiteConfig so
// they need not see the rest.

enum class EntryId {
  permalink, // the post's permalink
  tag_uri,   // tag:host,YYYY-MM-DD:/path (RFC 4151)
};

// What a feed entry carries: the whole post, or its summary only.
enum class FeedContent {
  full,
  summary,
};

struct FeedSettings
{
  std::vector<std::string> formats{"atom", "rss"};
  std::string atom_file = "atom.xml";
  std::string rss_file = "rss.xml";
  std::string json_file = "feed.json"; // JSON Feed 1.1, with `json` in formats
  int limit = 20;
  bool per_tag = true;
  bool per_category = true;
  EntryId entry_id = EntryId::permalink;
  FeedContent content = FeedContent::full;
  // feed.xsl beside the feeds, linked from each Atom and RSS feed, so a
  // feed opened in a browser reads as a page; and feed.html, the main
  // feeds as a plain page for browsers without XSLT.
  bool stylesheet = false;
  // RFC 5005: the main feed's whole history in archive documents (Atom and
  // RSS; JSON Feed has no archives).
  bool archive = false;
  // Posts in another language than the site's go to that language's feed
  // ("en/atom.xml"), not the main one; false keeps every post in the main
  // feed, each entry marked with its language.
  bool per_language = true;
  // The automatic summary of a post with no description and no
  // <!--more-->, in characters.
  int summary_length = 140;
};

// Every member of FeedSettings, in order (util/fields.hpp): the config
// fingerprint (the rebuild key) and the build report write them all, and a
// test checks none is missing.
template<typename Self, typename F>
requires util::is_a<Self, FeedSettings>
void
for_each_field(Self& s, F&& f)
{
  f("formats", s.formats);
  f("atom_file", s.atom_file);
  f("rss_file", s.rss_file);
  f("json_file", s.json_file);
  f("limit", s.limit);
  f("tags", s.per_tag);
  f("categories", s.per_category);
  f("entry_id", s.entry_id);
  f("content", s.content);
  f("stylesheet", s.stylesheet);
  f("archive", s.archive);
  f("per_language", s.per_language);
  f("summary_length", s.summary_length);
}

} // namespace ogfeed::content
