#pragma once

#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"

#include <string>
#include <vector>

namespace ogfeed::feed {

// Writes `plan`, whose posts are `entries`, as an RSS 2.0 document with the
// atom, content and dc namespaces declared on the root; `self_url` is the
// feed's own absolute URL. Deterministic: the same plan gives the same bytes.
std::string write_rss(const FeedPlan& plan,
                      const std::vector<const Entry*>& entries,
                      const FeedContext& context,
                      const std::string& self_url);

} // namespace ogfeed::feed
