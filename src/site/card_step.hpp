#pragma once

#include "content/post.hpp"
#include "content/site_config.hpp"
#include "site/outputs.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <vector>

namespace ogfeed::site {

struct CardStepOptions
{
  std::vector<std::filesystem::path> template_dirs; // a site's own first
  std::vector<std::filesystem::path> font_dirs;
  unsigned jobs = 1;
};

struct CardStepResult
{
  util::Diagnostics diagnostics;
  std::vector<OutputFile> outputs; // cards.json and the cache index
  std::size_t rendered = 0;
  std::size_t reused = 0;
};

// Gives every post its card: a post with its own `image` keeps that (made
// absolute); every other post gets `<cards.dir>/<slug>.<ext>` under
// `output_dir`, rendered on `jobs` threads unless the cache index beside the
// outputs says the same inputs (text, template, fonts, images, settings,
// ogfeed version) made the file that is there. Each card is written through
// a temporary file and a rename as soon as it is drawn; cards.json (permalink
// -> card URL, size, alt text) and the cache index come back as outputs to
// replace with the feeds. Warns, naming the post, about characters no font
// covers.
CardStepResult build_cards(std::vector<content::Post>& posts,
                           const content::SiteConfig& config,
                           const std::filesystem::path& output_dir,
                           const CardStepOptions& options);

} // namespace ogfeed::site
