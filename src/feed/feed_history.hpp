#pragma once

#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"

#include <pugixml.hpp>

#include <string>

namespace ogfeed::feed {

// RFC 5005's namespace, for fh:archive.
constexpr const char* k_history_ns = "http://purl.org/syndication/history/1.0";

// Adds RFC 5005's links to a feed (Atom `link`) or channel (RSS
// `atom:link`): `current` and `fh:archive` in an archive document,
// `prev-archive` and `next-archive` where there is one. `file` is the
// format's file name, `type` its media type.
void add_history(pugi::xml_node parent,
                 const FeedHistory& history,
                 const FeedContext& context,
                 const std::string& file,
                 const char* link_element,
                 const char* type);

} // namespace ogfeed::feed
