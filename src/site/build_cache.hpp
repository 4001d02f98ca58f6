#pragma once

#include "content/load/parse_cache.hpp"
#include "site/feed_step.hpp"
#include "util/beneath.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace ogfeed::site {

// What one build keeps in the state folder so the next re-reads only what
// changed: the parsed posts (`STATE/parse-cache`) and the warnings of the
// feed work it may skip (`STATE/feed-cache`). The outputs themselves are
// vouched for by the manifest.
struct BuildCache
{
  content::ParseCache posts;
  FeedCache feeds;
};

// Reads both caches; a missing, damaged or foreign one (another parse
// setup, another ogfeed version) reads as empty.
BuildCache read_build_cache(const util::Dir& state, std::uint64_t parse_setup);

// Each replaces its file through a temporary and a rename, streamed. They
// are not synced: a cache lost to a crash only costs the next build time.
// The parse cache is written as soon as the posts are loaded (it depends on
// nothing later), so its records need not stay in memory for the rest of
// the build.
util::Expected<void> write_parse_cache(const util::Dir& state,
                                       const content::ParseCache& cache);
util::Expected<void> write_feed_cache(const util::Dir& state,
                                      const FeedCache& cache);

} // namespace ogfeed::site
