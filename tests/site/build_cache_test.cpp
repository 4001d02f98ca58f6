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
    std::thread a([&] {
      for (int i = 0; i < 500; i += 2) {
        stream.add("posts/" + std::to_string(i) + ".md",
                   entry_of(std::string(100, 'a')));
      }
    });
    std::thread b([&] {
      for (int i = 1; i < 500; i += 2) {
        stream.add("posts/" + std::to_string(i) + ".md",
                   entry_of(std::string(3000, 'b')));
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
    dropped.add("posts/x.md", entry_of("x"));
  }
  CHECK(site::read_build_cache(*state, 42).posts.size() == 500);
}
