#include "site/build_cache.hpp"

#include "site/output_transaction.hpp"
#include "util/file.hpp"
#include "util/state_file.hpp"

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// A cache larger than this is not read (about 200,000 posts).
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

// A change to either's format is a new version (Post's members are in the
// parse cache's setup key as well).
constexpr const char* k_parse_file = "parse-cache";
constexpr util::StateFormat k_parse_format{"parse-cache", 5};
constexpr const char* k_feed_file = "feed-cache";
constexpr util::StateFormat k_feed_format{"feed-cache", 2};

// Reads `T` from the state file `name` of `format`; nullopt when it is
// missing, not whole, or does not read to its end.
template<typename T, typename Read>
std::optional<T>
read_cache(const util::Dir& state,
           const char* name,
           const util::StateFormat& format,
           Read read)
{
  auto bytes = state.read(name, k_max_cache_bytes);
  if (!bytes) {
    return std::nullopt;
  }
  const auto body = util::open_state(*bytes, format);
  if (!body) {
    return std::nullopt;
  }
  util::ByteReader r(*body);
  T value = read(r);
  if (r.failed() || !r.at_end()) {
    return std::nullopt;
  }
  return value;
}

template<typename T>
util::Expected<void>
write_cache(const util::Dir& state,
            const char* name,
            const util::StateFormat& format,
            const T& cache)
{
  return state.write_replacing_from(
    name,
    [&](const util::ByteWriter::Sink& sink) {
      util::StateStream file(format, sink);
      util::ByteWriter w(&file.sink());
      cache.write(w);
      return w.finish() && file.finish();
    },
    util::Sync::no);
}

} // namespace

BuildCache
read_build_cache(const util::Dir& state, std::uint64_t parse_setup)
{
  BuildCache cache{
    read_cache<content::ParseCache>(state,
                                    k_parse_file,
                                    k_parse_format,
                                    [&](util::ByteReader& r) {
                                      return content::ParseCache::read(
                                        r, parse_setup);
                                    })
      .value_or(content::ParseCache(parse_setup)),
    read_cache<FeedCache>(state, k_feed_file, k_feed_format, &FeedCache::read)
      .value_or(FeedCache{})};
  return cache;
}

util::Expected<void>
write_parse_cache(const util::Dir& state, const content::ParseCache& cache)
{
  (void)state.remove("cache"); // both caches, as earlier builds wrote them
  return write_cache(state, k_parse_file, k_parse_format, cache);
}

util::Expected<void>
write_feed_cache(const util::Dir& state, const FeedCache& cache)
{
  return write_cache(state, k_feed_file, k_feed_format, cache);
}

} // namespace ogfeed::site
