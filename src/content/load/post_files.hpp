#pragma once

// Finding a site's post files: its content folders walked without
// following a link, page bundles, Hugo translations, excluded globs, each
// folder's stamp for the rebuild check. Internal to src/content.

#include "content/config/site_config.hpp"
#include "content/front_matter/post_parser.hpp"
#include "content/load/site_loader.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::content::detail {

struct PostFile
{
  PostSource source;
  // Its path below the site's folder, '/'-separated: what is read.
  std::string site_path;
  std::string language; // a Hugo translation's key ("en" of post.en.md)
  // Categories its folder gives it (Jekyll's blog/_posts), before its own.
  std::vector<std::string> folder_categories;
  // Its content folder's own permalink pattern (Eleventy's directory data
  // file), else "": the site's.
  std::string permalink;
};

// The post files of every content folder of the site, in a stable order;
// fails when a folder is outside the site or cannot be read.
util::Expected<std::vector<PostFile>>
find_post_files(const std::filesystem::path& site_root,
                const SiteConfig& config,
                StampedPaths& folders);

} // namespace ogfeed::content::detail
