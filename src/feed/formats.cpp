#include "feed/formats.hpp"

#include "feed/atom.hpp"
#include "feed/rss.hpp"

namespace ogfeed::feed {

const std::vector<FeedFormat>&
feed_formats()
{
  static const std::vector<FeedFormat> formats = {
    {"atom",
     "Atom 1.0 (RFC 4287)",
     &write_atom,
     &content::FeedSettings::atom_file},
    {"rss", "RSS 2.0", &write_rss, &content::FeedSettings::rss_file},
  };
  return formats;
}

} // namespace ogfeed::feed
