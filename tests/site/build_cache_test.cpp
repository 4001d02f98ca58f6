#include "site/build_cache.hpp"
#include "test_support.hpp"

#include <thread>

using namespace ogfeed;

namespace {

content::CachedParse
entry_of(const std::string& record)
{
  content::CachedParse e;
  e.stamp.size = record.size();
  e.file_hash = record.size() * 7;
  e.name = "name-" + record;
  e.record = record;
  return e;
}

// Entries as a loading thread hands them over: `paths` at once.
std::string
entries_of(const std::vector<std::string>& paths, const std::string& record)
{
  util::ByteWriter w;
  for (const std::string& path : paths) {
    content::ParseCache::write_entry(w, path, entry_of(record));
  }
  return w.take();
}

std::string
post_path(int i)
{
  return "posts/" + std::to_string(i) + ".md";
}

} // namespace

TEST_CASE("issue 25: the parse cache is written as the posts load, in any "
          "order, from any thread, a stream dropped unfinished leaves the "
          "previous file",
          "[site]")
{
  const auto state =
    util::Dir::open(test::fresh_dir("parse-cache-stream"), util::Create::yes);
  REQUIRE(state);
  {
    site::ParseCacheStream stream(*state, 42, 1234);
    // One entry at a time, and five at a time.
    std::thread a([&] {
      for (int i = 0; i < 500; i += 2) {
        stream.add(entries_of({post_path(i)}, std::string(100, 'a')));
      }
    });
    std::thread b([&] {
      for (int i = 1; i < 500; i += 10) {
        stream.add(entries_of({post_path(i),
                               post_path(i + 2),
                               post_path(i + 4),
                               post_path(i + 6),
                               post_path(i + 8)},
                              std::string(3000, 'b')));
      }
    });
    a.join();
    b.join();
    REQUIRE(stream.finish());
  }
  const site::BuildCache read = site::read_build_cache(*state, 42);
  CHECK(read.posts.size() == 500);
  CHECK(read.posts.read_time() == 1234);
  const auto stamps = read.posts.stamps();
  CHECK(stamps.front().first == "posts/0.md");
  CHECK(stamps.front().second.size == 100);
  CHECK(stamps.back().second.size == 3000); // posts/99.md, odd
  // Another setup reads as empty; a dropped stream keeps the file.
  CHECK(site::read_build_cache(*state, 43).posts.size() == 0);
  {
    site::ParseCacheStream dropped(*state, 42, 99);
    dropped.add(entries_of({"posts/x.md"}, "x"));
  }
  CHECK(site::read_build_cache(*state, 42).posts.size() == 500);
}
