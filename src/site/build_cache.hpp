#pragma once

#include "content/load/parse_cache.hpp"
#include "site/feed_step.hpp"
#include "util/beneath.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace ogfeed::site {

// What one build keeps in `STATE/cache` (the state folder) so the next re-reads
// only what changed: the parsed posts and the warnings of the feed work it
// may skip. The outputs themselves are vouched for by the manifest.
struct BuildCache
{
  content::ParseCache posts;
  FeedCache feeds;
};

// Reads the cache of `output_dir`; a missing, damaged or foreign one
// (another parse setup, another ogfeed version) reads as empty.
BuildCache read_build_cache(const util::Dir& state, std::uint64_t parse_setup);

// Replaces the cache of `output_dir` through a temporary and a rename. It
// is not synced: a cache lost to a crash only costs the next build time.
util::Expected<void> write_build_cache(const util::Dir& state,
                                       const BuildCache& cache);

} // namespace ogfeed::site
