#pragma once

#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "util/beneath.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::site {

// The images of one post that its generator renamed as it built the site:
// by the name of the file the post wrote ("photo.jpg"), the absolute URL
// of the file its built page shows instead.
using BuiltAssets = std::map<std::string, std::string, std::less<>>;

// For generators that rename the images of posts as they build
// (`url_rules.processed_images`: Astro writes ./photo.jpg as
// /_astro/photo.HASH.webp, Gatsby as /static/HASH/SIZE/photo.jpg), reads
// each post's built page in `built` and finds, for each image it shows, the
// name it was built from: a file "NAME.HASH.EXT", or "NAME.EXT" below
// /static/ and a folder of 32 hex digits, is NAME's. Empty for a post whose
// page the built site lacks, and for other generators.
std::vector<BuiltAssets>
read_built_assets(const util::Dir& built,
                  const std::vector<content::Post>& posts,
                  const content::SiteConfig& config);

// Returns `html` (a post's content, every URL absolute) with each image of
// the site's own (below `base_url`) that `assets` knows by its file name
// pointing at the built file.
std::string with_built_assets(std::string_view html,
                              std::string_view base_url,
                              const BuiltAssets& assets);

} // namespace ogfeed::site
