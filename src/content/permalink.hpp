#pragma once

#include "content/post.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content {

// Checks a permalink pattern: it starts with '/' and uses only known tokens.
// An unknown token is an error that suggests the closest one.
//
// Tokens: :year :short_year :month :i_month :monthname :day :i_day :hour
// :minute :second (the date in the site's zone); :slug (front-matter slug,
// else the file name without a Jekyll date); :slugortitle (Hugo's :slug:
// the slug, else the urlized title); :title (urlized title); :filename;
// :category (the first); :categories (Jekyll: all, lower case, '/'-joined);
// :section (first folder below the content folder); :sections (all of
// them); :path (folders and file name, Eleventy, Gatsby, Hexo); :id (Qiita's
// item id, else the slug); :output_ext (".html", Jekyll).
util::Expected<void> check_permalink_pattern(std::string_view pattern);

// Hugo's urlize: ASCII lower-cased, spaces and runs of '-' as one '-', ASCII
// punctuation other than '_' and '.' dropped, other characters kept.
std::string urlize(std::string_view title);

// Returns the absolute URL of `post` under `base_url` (which ends in '/'):
// the pattern's tokens replaced (dates in `zone`, slug and category
// percent-encoded; an empty category drops its segment).
std::string permalink_url(std::string_view pattern,
                          std::string_view base_url,
                          const Post& post,
                          const util::TimeZone& zone);

} // namespace ogfeed::content
