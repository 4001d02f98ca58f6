#pragma once

#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "feed/entry.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::site {

// Where head.json goes, below the output folder.
constexpr const char* k_head_json_file = "head.json";

// head.json: for every published post, by permalink, {"html": ...} holding
// the tags a page's <head> needs, for any generator to include: <meta
// property="..." content="..."> for og:title, og:description (the post's
// description, else its excerpt, else the site's subtitle), og:url, og:type,
// og:site_name, og:image with width, height and alt (the card, or the post's
// own image), twitter:card, and <link rel="alternate"> to each of the site's
// main feeds. Sorted by permalink; one post per line. A post's own `image` as a
// URL. A relative one is a file beside the post (a page bundle's resource) when
// there is one; else it is below the site, as Hugo's `absURL` and
// jekyll-seo-tag read it (`image: images/x.png` is static/images/x.png). Empty
// when it has none.
std::string post_image_url(const content::Post& p,
                           const content::SiteConfig& config);

// head.json's bytes, handed to `write` a piece at a time (64 posts' members
// each; pieces are made on `jobs` threads, at most 1,024 posts ahead of the
// writing), so 100,000 posts' 80 MB are never held at once. A post's
// og:description is its description, else its excerpt in `summaries` (as
// Hugo and jekyll-seo-tag give it: only posts without a description need
// one there), else the site's subtitle. Returns false when `write` did (it
// stops there). `by_permalink`, when given, is the posts' order by
// permalink, no two alike (select_posts() makes it); else it is found.
bool write_head_json(const std::vector<content::Post>& posts,
                     const std::vector<std::optional<feed::CardRef>>& cards,
                     const std::vector<std::string>& summaries,
                     const content::SiteConfig& config,
                     unsigned jobs,
                     const std::function<bool(std::string_view)>& write,
                     const std::vector<std::size_t>* by_permalink = nullptr);

} // namespace ogfeed::site
