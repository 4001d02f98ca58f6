#include "site/build_cache.hpp"

#include "site/output_transaction.hpp"
#include "util/file.hpp"

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// A cache larger than this is not read (about 200,000 posts).
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

constexpr const char* k_cache_file = "cache";

} // namespace

BuildCache
read_build_cache(const util::Dir& state, std::uint64_t parse_setup)
{
  BuildCache cache{content::ParseCache(parse_setup), {}};
  auto bytes = state.read(k_cache_file, k_max_cache_bytes);
  if (!bytes) {
    return cache;
  }
  util::ByteReader r(*bytes);
  cache.posts = content::ParseCache::read(r, parse_setup);
  cache.feeds = FeedCache::read(r);
  if (r.failed() || !r.at_end()) {
    return BuildCache{content::ParseCache(parse_setup), {}};
  }
  return cache;
}

util::Expected<void>
write_build_cache(const util::Dir& state, const BuildCache& cache)
{
  // Streamed: the cache of 100,000 posts is some 80 MB.
  return state.write_replacing_from(
    k_cache_file,
    [&](const util::ByteWriter::Sink& sink) {
      util::ByteWriter w(&sink);
      cache.posts.write(w);
      cache.feeds.write(w);
      return w.finish();
    },
    util::Sync::no);
}

} // namespace ogfeed::site
