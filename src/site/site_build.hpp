#pragma once

#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace ogfeed::site {

enum class Drafts {
  skip,
  include,
};

enum class FuturePosts {
  skip,
  include,
};

enum class Cards {
  as_configured, // `cards` in ogfeed.yaml (on by default)
  off,           // --no-cards
};

struct BuildOptions
{
  std::filesystem::path site_root = ".";
  std::optional<std::filesystem::path> output_dir; // overrides ogfeed.yaml
  Drafts drafts = Drafts::skip;
  FuturePosts future = FuturePosts::skip;
  util::UtcSeconds now{}; // what "future" is measured against
  unsigned jobs = 1;
  Cards cards = Cards::as_configured;
  std::vector<std::filesystem::path> template_dirs; // a site's own first
  std::vector<std::filesystem::path> font_dirs;
};

struct BuildReport
{
  util::Diagnostics diagnostics; // errors and warnings, in file order
  std::filesystem::path output_dir;
  std::vector<std::filesystem::path> written; // files replaced, in order
  std::size_t posts = 0;                      // posts published
  std::size_t feeds = 0;                      // feed files written
  std::size_t cards_rendered = 0;
  std::size_t cards_reused = 0; // unchanged since the last build
};

// Builds a site's feeds and cards: loads ogfeed.yaml and every post and
// reports every bad post; only when there is no error renders the cards
// (each written through a temporary file and a rename) and then writes each
// feed, cards.json and the card cache index through temporary files renamed
// into place after all of them were written, so a failed build leaves the
// previous feeds as they were.
BuildReport build_site(const BuildOptions& options);

} // namespace ogfeed::site
