#pragma once

#include "content/config/site_config.hpp"
#include "site/card_step.hpp"
#include "site/output_transaction.hpp"
#include "util/error.hpp"
#include "util/file_lock.hpp"
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
  // --base-url: the site's URL for this build (a preview, a fork's Pages),
  // an absolute http(s) URL ending in '/'.
  std::optional<std::string> base_url;
  // --site-output: the generator's built site to check every published URL
  // against (default: the generator's output folder, once it holds
  // index.html); --strict makes a URL it lacks an error.
  std::optional<std::filesystem::path> site_output;
  bool strict = false;
  // --state-dir: where ogfeed keeps its state (default SITE/.ogfeed).
  std::optional<std::filesystem::path> state_dir;
  Overwrite overwrite = Overwrite::ours_only; // --force: Overwrite::any
  Drafts drafts = Drafts::skip;
  FuturePosts future = FuturePosts::skip;
  util::UtcSeconds now{}; // what "future" is measured against
  unsigned jobs = 1;
  Cards cards = Cards::as_configured;
  std::vector<std::filesystem::path> template_dirs; // a site's own first
  std::vector<std::filesystem::path> font_dirs;
  util::LockWait wait = util::LockWait::no; // when another build holds OUT
  ProgressFn progress = {};                 // told of each stage and each card
  unsigned shard_index = 0; // --shard K/N: K (1-based), 0 when not sharding
  unsigned shard_count = 0; // N
  std::vector<std::filesystem::path> merge_shards; // --merge-shards DIR
  FaultInjection* faults = nullptr;                // tests only
  // The process ends right after this build (one `ogfeed build`): what the
  // build is done with is left for the exit to reclaim, not freed piece by
  // piece (util::kept_until_exit).
  bool process_ends_after = false;
};

// How far a build got in changing its output folder.
enum class Published {
  nothing, // every earlier output is as it was
  partly,  // publishing stopped; the next build finishes it
  all,
};

struct BuildReport
{
  util::Diagnostics diagnostics; // errors and warnings, in file order
  std::filesystem::path output_dir;
  std::filesystem::path state_dir;
  Published published = Published::nothing;
  std::vector<std::string> written; // relative to output_dir, sorted
  std::vector<std::string> removed; // earlier outputs that no longer belong
  std::string detected;             // what the generator's files told, or empty
  std::filesystem::path checked;    // the built site URLs were checked in

  // For --report: the settings used, every post with why it was left out
  // (empty: published), every output, every card, and per-stage seconds.
  struct PostRecord
  {
    std::string source;
    std::string permalink;
    util::UtcSeconds date{};
    std::string skipped; // "draft", "future", "expired", "unlisted", "duplicate
                         // permalink"
  };
  struct OutputRecord
  {
    std::string path; // relative to output_dir
    std::uint64_t bytes = 0;
    bool changed = false; // new, or other bytes than the previous build's
  };
  std::optional<content::SiteConfig> config;
  std::vector<PostRecord> post_records;
  std::vector<OutputRecord> outputs;
  std::vector<CardStepResult::Record> card_records;
  std::vector<std::pair<std::string, double>> timings;
  std::size_t posts = 0;           // posts published
  std::size_t feeds = 0;           // feed files written
  std::size_t feeds_unchanged = 0; // of them, left as the last build wrote
  std::size_t cards_rendered = 0;
  std::size_t cards_reused = 0; // unchanged since the last build
  std::size_t posts_read = 0;   // post files parsed, not taken from the cache
  bool up_to_date = false;      // nothing changed since the last build: no work
  std::size_t entries_rendered = 0; // post bodies rendered for feeds
};

// Builds a site's feeds and cards as one transaction on the output folder
// (see OutputTransaction): loads ogfeed.yaml and every post and reports every
// bad post; only when there is no error draws the cards, renders and checks
// every feed, and then publishes all of it together, removing earlier
// outputs that no longer belong. A build that fails before publishing
// leaves every earlier output byte for byte as it was. What it parsed and
// checked is cached in the output folder (build_cache.hpp), so the next
// build re-reads only the posts that changed and rewrites only the feeds
// they are in.
BuildReport build_site(const BuildOptions& options);

} // namespace ogfeed::site
