#pragma once

#include "content/post.hpp"
#include "site/site_build.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <vector>

namespace ogfeed::site {

// The posts this build publishes, in order: drafts, future and expired
// posts left out as `options` say, and of two posts with one permalink the
// first (a warning: the generator publishes only one page there). Each
// post's fate goes into `report.post_records`; `by_permalink`, when given,
// gets the indices of the posts returned in the order of their permalinks
// (head.json's order).
std::vector<content::Post>
select_posts(std::vector<content::Post> posts,
             const BuildOptions& options,
             BuildReport& report,
             std::vector<std::size_t>* by_permalink = nullptr);

// Warns about each post whose own `image` names a file the site does not
// have: its og:image (and the card it stands for) would point nowhere.
void warn_missing_images(const std::vector<content::Post>& posts,
                         const std::filesystem::path& site_root,
                         util::Diagnostics& out);

} // namespace ogfeed::site
