#pragma once

#include "card/card_context.hpp"
#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "feed/entry.hpp"
#include "site/output_transaction.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

namespace ogfeed::site {

// How far a build is: its stage ("loading", "cards", "feeds",
// "publishing") and, for cards, how many of how many are done.
struct Progress
{
  const char* stage = "";
  std::size_t done = 0;
  std::size_t total = 0;
};

// Called from any thread, often: an implementation throttles itself.
using ProgressFn = std::function<void(const Progress&)>;

// Written into a --shard build's output folder: each card it has, with the
// key it was drawn with, for --merge-shards.
constexpr const char* k_shard_manifest = "ogfeed-shard.manifest";

struct CardStepOptions
{
  std::filesystem::path output_dir; // where the previous build's cards are
  std::vector<std::filesystem::path> template_dirs; // a site's own first
  std::vector<std::filesystem::path> font_dirs;
  // The site's folder: its images (cards.logo, avatars, backgrounds) and
  // templates named by a relative path are below it.
  std::filesystem::path site_root;
  unsigned jobs = 1;
  ProgressFn progress = {};
  // --shard K/N: draw only every N-th card needing a drawing (in card path
  // order), starting at the K-th (1-based): shard k of n.
  unsigned shard_index = 0; // K, 0 when not sharding
  unsigned shard_count = 0; // N
  // --merge-shards: draw nothing; take each card from the output folder of
  // a shard whose manifest drew it with this very key.
  std::vector<std::filesystem::path> merge_from;
};

struct CardStepResult
{
  util::Diagnostics diagnostics;
  std::vector<std::optional<feed::CardRef>> cards; // one per post
  std::size_t rendered = 0;
  std::size_t reused = 0;
  // Each card drawn or kept: the post's source, the card's path below the
  // output folder, and whether it was drawn (false: the cache had it).
  struct Record
  {
    std::string post;
    std::string path;
    bool rendered = false;
  };
  std::vector<Record> records;
  // Every file the cards were made from, or whose appearance would change
  // them (a template of the same name earlier in the search): template,
  // fonts (fallbacks too), images.
  std::vector<std::string> inputs;
};

// What a card's text reads of `config`: made once a build (or a card).
card::CardContext card_context(const content::SiteConfig& config);

// Gives every post its card: a post with its own `image` keeps that (made
// absolute); every other post gets `<cards.dir>/<slug>.<ext>`, drawn on
// `jobs` threads and staged in `tx`, unless the previous build's manifest
// says the same inputs (text, template, fonts, images, settings, ogfeed
// version) drew the file that is still there, byte for byte. Stages
// cards.json (permalink -> card URL, size, alt text). Warns, naming the
// post, once about each character no font covers; stops at the first card
// that cannot be staged.
CardStepResult build_cards(const std::vector<content::Post>& posts,
                           const content::SiteConfig& config,
                           OutputTransaction& tx,
                           const CardStepOptions& options);

} // namespace ogfeed::site
