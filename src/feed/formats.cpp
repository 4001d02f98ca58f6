#include "feed/formats.hpp"

#include "feed/atom.hpp"
#include "feed/json_feed.hpp"
#include "feed/rss.hpp"

namespace ogfeed::feed {

const std::vector<FeedFormat>&
feed_formats()
{
  static const std::vector<FeedFormat> formats = {
    {"atom",
     "Atom 1.0 (RFC 4287)",
     "Atom",
     &write_atom,
     &content::FeedSettings::atom_file,
     "application/atom+xml",
     true},
    {"rss",
     "RSS 2.0",
     "RSS",
     &write_rss,
     &content::FeedSettings::rss_file,
     "application/rss+xml",
     true},
    {"json",
     "JSON Feed 1.1",
     "JSON Feed",
     &write_json_feed,
     &content::FeedSettings::json_file,
     "application/feed+json",
     false},
  };
  return formats;
}

} // namespace ogfeed::feed
