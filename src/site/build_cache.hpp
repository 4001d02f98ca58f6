#pragma once

#include "content/load/parse_cache.hpp"
#include "site/feed_step.hpp"
#include "util/beneath.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>

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

// Replaces its file through a temporary and a rename, streamed; not
// synced: a cache lost to a crash only costs the next build time.
util::Expected<void> write_feed_cache(const util::Dir& state,
                                      const FeedCache& cache);

// The parse cache written while the posts load: each entry is handed over
// as its post is parsed (by any loading thread) and goes to the file's
// temporary from a thread of its own, so no post's record waits in memory
// for the others. finish() renames the file into place; a stream dropped
// unfinished leaves the previous file.
class ParseCacheStream
{
public:
  ParseCacheStream(const util::Dir& state,
                   std::uint64_t setup,
                   std::int64_t read_time);
  ~ParseCacheStream();
  ParseCacheStream(const ParseCacheStream&) = delete;
  ParseCacheStream& operator=(const ParseCacheStream&) = delete;

  // Entries as ParseCache::write_entry() writes them. Thread-safe.
  void add(std::string&& entries);
  util::Expected<void> finish();

private:
  void close(bool keep);

  struct Shared;
  std::unique_ptr<Shared> m_shared;
  std::thread m_writer;
};

} // namespace ogfeed::site
