#include "site/build_cache.hpp"

#include "site/output_transaction.hpp"
#include "util/file.hpp"
#include "util/state_file.hpp"

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// A cache larger than this is not read (about 200,000 posts).
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

constexpr const char* k_cache_file = "cache";
// The parse cache, then the feed cache. A change to either's format is a
// new version (Post's members are in the parse cache's setup key).
constexpr util::StateFormat k_format{"cache", 1};

} // namespace

BuildCache
read_build_cache(const util::Dir& state, std::uint64_t parse_setup)
{
  BuildCache cache{content::ParseCache(parse_setup), {}};
  auto bytes = state.read(k_cache_file, k_max_cache_bytes);
  if (!bytes) {
    return cache;
  }
  const auto body = util::open_state(*bytes, k_format);
  if (!body) {
    return cache;
  }
  util::ByteReader r(*body);
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
      util::StateStream file(k_format, sink);
      util::ByteWriter w(&file.sink());
      cache.posts.write(w);
      cache.feeds.write(w);
      return w.finish() && file.finish();
    },
    util::Sync::no);
}

} // namespace ogfeed::site
