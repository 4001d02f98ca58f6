#pragma once

#include "content/post.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content {

// Checks a permalink pattern: it starts with '/' and uses only the tokens
// :slug :year :month :day :category. An unknown token is an error that
// suggests the closest one.
util::Expected<void> check_permalink_pattern(std::string_view pattern);

// Returns the absolute URL of `post` under `base_url` (which ends in '/'):
// the pattern's tokens replaced (dates in `zone`, slug and category
// percent-encoded; an empty category drops its segment).
std::string permalink_url(std::string_view pattern,
                          std::string_view base_url,
                          const Post& post,
                          const util::TimeZone& zone);

} // namespace ogfeed::content
