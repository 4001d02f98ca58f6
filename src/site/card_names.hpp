#pragma once

#include "content/post.hpp"

#include <string>
#include <vector>

namespace ogfeed::site {

// A file name for every post's card: its slug, made safe as one path
// segment; posts that share a slug (dated permalinks) use their permalink's
// path instead, so no two posts share a card.
std::vector<std::string> card_names(const std::vector<content::Post>& posts,
                                    const std::string& base_url);

} // namespace ogfeed::site
