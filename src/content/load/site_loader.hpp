#pragma once

#include "content/config/site_config.hpp"
#include "content/config/site_detect.hpp"
#include "content/front_matter/post_parser.hpp"
#include "content/load/parse_cache.hpp"
#include "content/post.hpp"
#include "util/error.hpp"
#include "util/file.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ogfeed::content {

// Posts larger than this are refused: posts are untrusted input.
constexpr std::size_t k_max_post_bytes = 8 * 1024 * 1024;

// A site's settings and where they came from.
struct SiteSetup
{
  SiteConfig config;
  DetectedSite detected; // the generator's settings, under ogfeed.yaml's
  bool has_ogfeed_yaml = false;
};

// Detects the site's generator and reads its settings, then applies
// `<site_root>/ogfeed.yaml`, when there is one, on top: its keys always
// win. Errors carry the path of ogfeed.yaml; a site with no URL anywhere
// gets an error that says how to give one.
//
// `base_url` (the command line's --base-url, for previews and forks)
// replaces the site's URL wherever it came from.
util::Expected<SiteSetup>
load_site_config(const std::filesystem::path& site_root,
                 const std::optional<std::string>& base_url = std::nullopt);

// Paths with the stamps they had when they were read.
using StampedPaths = std::vector<std::pair<std::string, util::FileStamp>>;

struct LoadedPosts
{
  std::vector<Post> posts;       // newest first (see load_posts())
  util::Diagnostics diagnostics; // every bad post, plus warnings
  // This load's parses, for the next one, when they went to no
  // CacheEntrySink (else empty).
  ParseCache cache;
  // The stamp of each file this load's parses came from, as it was read,
  // in the order listed: those a cache (or a sink) has an entry for.
  StampedPaths stamps;
  std::size_t files = 0;  // post files found
  std::size_t parsed = 0; // files read and parsed (not from a cache)
  // Every folder read for post files, stamped before it was read: while
  // they keep their stamps, no post file was added, removed or renamed.
  StampedPaths folders;
};

// What a parse cache must be made under: ogfeed's version, the time zone,
// what a broken draft is.
std::uint64_t parse_cache_setup(const SiteConfig& config,
                                BrokenDrafts broken_drafts);

// Finds every Markdown file (*.md, *.markdown) under the content folder,
// recursively, skipping hidden entries, `_index.md` list pages and
// symbolic links; a page bundle's `index.md` takes its folder's name. Parses
// them on `jobs` threads and sets each post's permalink (the post's own
// `permalink`/`url` when it has one). Reports every bad post; a folder that
// cannot be read is an error. A broken draft is left out with warnings
// unless `broken_drafts` says its problems are errors. A file `cache`
// (made under parse_cache_setup()) still holds is not read again: its
// post and warnings come from there. The entries of the next cache go to
// `sink`, when given, as their files are loaded: a few dozen at a time, as
// ParseCache::write_entry() writes them, from any loading thread; and
// LoadedPosts::cache stays empty. The posts are sorted (sort_posts())
// unless `order` says to leave them as their files were listed, for a
// caller that moves them anyway (site/post_selection).
using CacheEntrySink = std::function<void(std::string&& entries)>;
enum class PostOrder : std::uint8_t {
  sorted,
  as_listed,
};
LoadedPosts load_posts(const std::filesystem::path& site_root,
                       const SiteConfig& config,
                       unsigned jobs,
                       BrokenDrafts broken_drafts = BrokenDrafts::are_errors,
                       const ParseCache* cache = nullptr,
                       const CacheEntrySink* sink = nullptr,
                       PostOrder order = PostOrder::sorted);

// Returns a post's Markdown body: the one it holds, else read from
// post.file at post.body_span. Fails when the file can no longer be read or
// changed size since it was loaded, or when the body holds a character XML
// forbids (at its line and column).
util::Expected<std::string> load_post_body(const Post& post);

// The order of posts newest first, ties broken by slug, then source path,
// then their order in `posts`: the index of the post each place takes.
std::vector<std::size_t> post_order(const std::vector<Post>& posts);

// Moves posts so that place k holds the post that was at order[k] (a
// permutation of the places), each post once.
void move_posts(std::vector<Post>& posts, std::vector<std::size_t> order);

// Sorts posts in post_order().
void sort_posts(std::vector<Post>& posts);

} // namespace ogfeed::content
