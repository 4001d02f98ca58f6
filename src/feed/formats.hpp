#pragma once

#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::feed {

// A feed format: its name in `feeds.formats`, its writer, the setting that
// names its file, and its media type.
struct FeedFormat
{
  std::string_view name;
  std::string_view description;
  std::string_view label; // as a page names it: "Atom", "RSS", "JSON Feed"
  std::string (*write)(const FeedPlan& plan,
                       const std::vector<const Entry*>& entries,
                       const FeedContext& context,
                       const std::string& self_url);
  std::string content::FeedSettings::*file_name;
  std::string_view mime; // for <link rel="alternate" type="...">
  bool archives;         // writes RFC 5005 archive documents
};

// Every format ogfeed writes, in output order.
const std::vector<FeedFormat>& feed_formats();

} // namespace ogfeed::feed
