#pragma once

#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "feed/feed_plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::feed {

// Where `feeds.stylesheet: true` writes the page of each main feed, in the
// feed's folder ("feed.html", "en/feed.html").
constexpr const char* k_feed_page_file = "feed.html";

// The absolute URL of the page of the feed `plan` when the site writes one
// (`feeds.stylesheet`, a main feed), else "".
std::string feed_page_url(const FeedPlan& plan, const FeedContext& context);

// A link from the page to one of the feeds it shows.
struct FeedLink
{
  std::string label; // "Atom", "RSS", "JSON Feed"
  std::string file;  // relative to the page: "atom.xml"
  std::string url;   // absolute, as a reader subscribes to it
  std::string mime;  // "application/atom+xml"
};

// The CSS of the feed pages, shared by feed.html and feed.xsl so both look
// the same.
std::string_view feed_page_style();

// Writes the feed `plan` (its posts are `entries`) as a plain HTML page: no
// script, no XSLT, so it reads the same in every browser, on file:// and on
// preview deploys (its links to the feeds and the page's own assets are
// relative; entry links are the posts' absolute URLs). It says what a feed
// is and how to subscribe, in the feed's language (Japanese, Chinese,
// Korean or English); each entry has its title (linked), its date as that
// language writes dates (in the site's time zone) and its summary as text.
// Deterministic: the same input gives the same bytes.
std::string write_feed_page(const FeedPlan& plan,
                            const std::vector<const Entry*>& entries,
                            const std::vector<FeedLink>& feeds,
                            const FeedContext& context);

// `t`'s date as `language` writes one ("2024年5月1日", "May 1, 2024",
// "2024년 5월 1일"); ISO 8601 ("2024-05-01") for other languages.
std::string local_date(const util::CivilTime& t, std::string_view language);

} // namespace ogfeed::feed
