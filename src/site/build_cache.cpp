#include "site/build_cache.hpp"

#include "site/output_transaction.hpp"
#include "util/file.hpp"
#include "util/state_file.hpp"

#include <condition_variable>
#include <mutex>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// A cache larger than this is not read (about 200,000 posts).
constexpr std::size_t k_max_cache_bytes = std::size_t{1} << 30;

// A change to either's format is a new version (Post's members are in the
// parse cache's setup key as well).
constexpr const char* k_parse_file = "parse-cache";
constexpr util::StateFormat k_parse_format{"parse-cache", 7};
constexpr const char* k_feed_file = "feed-cache";
constexpr util::StateFormat k_feed_format{"feed-cache", 3};

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

struct ParseCacheStream::Shared
{
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<std::string> pending; // entries not yet taken by the writer
  std::size_t pending_bytes = 0;    // in them
  bool closed = false;              // no more entries
  bool keep = false;                // with closed: rename the file in
  util::Expected<void> result = {}; // the writer's
};

namespace {

// The writer wakes for this much (or for the end): one wake-up a few
// hundred posts, not one a post.
constexpr std::size_t k_stream_batch = 256 * 1024;

} // namespace

ParseCacheStream::ParseCacheStream(const util::Dir& state,
                                   std::uint64_t setup,
                                   std::int64_t read_time)
  : m_shared(std::make_unique<Shared>())
{
  m_writer = std::thread([this, &state, setup, read_time] {
    Shared& sh = *m_shared;
    (void)state.remove("cache"); // both caches, as earlier builds wrote them
    auto written = state.write_replacing_from(
      k_parse_file,
      [&](const util::ByteWriter::Sink& sink) {
        util::StateStream file(k_parse_format, sink);
        util::ByteWriter w(&file.sink());
        content::ParseCache::write_head(w, setup, read_time);
        std::unique_lock lock(sh.mutex);
        for (;;) {
          sh.ready.wait(lock, [&] {
            return sh.closed || sh.pending_bytes >= k_stream_batch;
          });
          const std::vector<std::string> pieces = std::move(sh.pending);
          sh.pending.clear();
          sh.pending_bytes = 0;
          const bool last = sh.closed;
          lock.unlock();
          for (const std::string& piece : pieces) {
            w.raw(piece);
          }
          lock.lock();
          if (last && sh.pending.empty()) {
            break;
          }
        }
        if (!sh.keep) {
          return false; // dropped: the previous file stays
        }
        content::ParseCache::write_end(w);
        return w.finish() && file.finish();
      },
      util::Sync::no);
    const std::lock_guard lock(sh.mutex);
    sh.result = std::move(written);
  });
}

ParseCacheStream::~ParseCacheStream()
{
  if (m_writer.joinable()) {
    close(false);
  }
}

void
ParseCacheStream::add(std::string&& entries)
{
  Shared& sh = *m_shared;
  bool wake = false;
  {
    const std::lock_guard lock(sh.mutex);
    const bool below = sh.pending_bytes < k_stream_batch;
    sh.pending_bytes += entries.size();
    sh.pending.push_back(std::move(entries)); // moved, not copied
    wake = below && sh.pending_bytes >= k_stream_batch;
  }
  if (wake) {
    sh.ready.notify_one();
  }
}

void
ParseCacheStream::close(bool keep)
{
  {
    const std::lock_guard lock(m_shared->mutex);
    m_shared->closed = true;
    m_shared->keep = keep;
  }
  m_shared->ready.notify_one();
  m_writer.join();
}

util::Expected<void>
ParseCacheStream::finish()
{
  close(true);
  return m_shared->result;
}

util::Expected<void>
write_feed_cache(const util::Dir& state, const FeedCache& cache)
{
  return write_cache(state, k_feed_file, k_feed_format, cache);
}

} // namespace ogfeed::site
