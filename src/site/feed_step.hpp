#pragma once

#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "feed/entry.hpp"
#include "feed/feed_context.hpp"
#include "site/built_assets.hpp"
#include "site/output_transaction.hpp"
#include "site/site_output_check.hpp"
#include "util/byte_codec.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ogfeed::site {

// Warnings a step found, with the key of the inputs it found them in.
struct KeyedNotes
{
  std::string key;
  util::Diagnostics notes;
};

// What the feeds of one build leave for the next, beside the manifest's
// keys: the warnings of the work a rebuild may skip.
struct FeedCache
{
  // By post (shown path): what rendering its feed entry said.
  std::map<std::string, KeyedNotes> entries;
  // By feed (output path): what checking it said.
  std::map<std::string, KeyedNotes> feeds;

  void write(util::ByteWriter& w) const;
  static FeedCache read(util::ByteReader& r); // empty when damaged
};

struct FeedFile
{
  std::string rel; // relative to the output folder
  std::string bytes;
  std::string key; // the hash of what made it
};

struct FeedStepOptions
{
  std::filesystem::path output_dir;
  util::UtcSeconds now{}; // for the checks of dates
  unsigned jobs = 1;
  // By post: the images its generator renamed, as its built page shows
  // them (none without a built site).
  const std::vector<BuiltAssets>* built_assets = nullptr;
};

struct FeedStepResult
{
  std::vector<std::string> written;   // feeds staged, each as it was made
  std::vector<std::string> kept;      // earlier feeds that are still right
  std::optional<FeedFile> stylesheet; // feed.xsl, with feeds.stylesheet
  std::vector<FeedFile> pages;        // feed.html of each main feed, alike
  util::Diagnostics diagnostics;      // errors stop the build
  FeedCache cache;                    // for the next build
  std::size_t entries_rendered = 0;
  // Every link and image in the content rendered this build, for the check
  // against the generator's built site.
  std::vector<PublishedUrl> linked;
};

// What the feed writers read of `config`: made once a build.
feed::FeedContext feed_context(const content::SiteConfig& config);

// Writes every planned feed (main, per tag, per category) in every
// configured format and checks each as any reader would. A feed whose key
// (ogfeed's version, every setting, and each of its posts: every field,
// its file's bytes, its card) is the one the previous build's manifest
// gives a file that still holds its bytes is kept, not written; its
// warnings come from `previous`. Only the posts of feeds being written have
// their bodies read and rendered. A warning about a post's content repeats
// in every feed that holds the post: it is said once, with how many more
// feeds have it. Each feed written is staged in `tx` as soon as it is made
// and checked (on options.jobs threads), never all held at once.
FeedStepResult
build_feeds(const std::vector<content::Post>& posts,
            const std::vector<std::optional<feed::CardRef>>& cards,
            const content::SiteConfig& config,
            OutputTransaction& tx,
            const FeedCache& previous,
            const FeedStepOptions& options);

// A post's summary as its feed entry has it: its `description`, else an
// excerpt of its body (up to <!--more-->, else its first characters). Empty
// when the body cannot be read (its entry says why).
std::string post_summary(const content::Post& post,
                         const content::SiteConfig& config);

} // namespace ogfeed::site
