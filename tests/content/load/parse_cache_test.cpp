#include "content/load/parse_cache.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"
#include "util/byte_codec.hpp"
#include "util/hash.hpp"

#include <chrono>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

content::Post
full_post()
{
  content::Post p;
  p.shown_path = "posts/a.md";
  p.file = "/site/posts/a.md";
  p.title = "タイトル";
  p.title_line = 2;
  p.title_column = 8;
  p.slug = "a";
  p.slug_given = true;
  p.file_name = "a";
  p.folder = "2024";
  p.date = util::UtcSeconds{std::chrono::seconds{1700000000}};
  p.updated = util::UtcSeconds{std::chrono::seconds{1700000100}};
  p.description = "説明";
  p.categories = {"tech"};
  p.tags = {"c++", "日本語"};
  p.draft = true;
  p.author = {"名前", "a@example.com", "https://a.example/", "me.png"};
  p.image = "/i.png";
  p.params = {{"emoji", "🐙"}, {"type", "tech"}};
  p.body = "body\n";
  p.body_span = {120, 7, 400, 0xabcdef};
  p.publish_date = util::UtcSeconds{std::chrono::seconds{1700000200}};
  p.expiry_date = util::UtcSeconds{std::chrono::seconds{1800000000}};
  p.permalink_override = "/about/";
  p.permalink = "https://example.com/about/";
  return p;
}

std::string
encoded(const content::Post& p)
{
  util::ByteWriter w;
  content::write_post(w, p);
  return w.take();
}

std::int64_t
ns(std::chrono::system_clock::time_point t)
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
           t.time_since_epoch())
    .count();
}

} // namespace

TEST_CASE("parse cache: a post reads back with every field", "[content]")
{
  const content::Post p = full_post();
  const std::string bytes = encoded(p);
  util::ByteReader r(bytes);
  const content::Post back = content::read_post(r);
  CHECK(r.at_end());
  CHECK_FALSE(r.failed());
  CHECK(encoded(back) == bytes);
  CHECK(back.title == p.title);
  CHECK(back.params == p.params);
  CHECK(back.body == p.body);
  CHECK(back.body_span.file_hash == 0xabcdef);
  CHECK(back.expiry_date == p.expiry_date);
  CHECK(back.author.avatar == "me.png");

  // Each field changes the bytes (the feeds' keys hash them).
  content::Post other = p;
  other.tags.push_back("x");
  CHECK(encoded(other) != bytes);
  other = p;
  other.publish_date.reset();
  CHECK(encoded(other) != bytes);
}

TEST_CASE("parse cache: damaged bytes read as nothing, never past the end",
          "[content]")
{
  util::ByteWriter w;
  w.u64(1'000'000'000); // a count no input could hold
  util::ByteReader r(w.bytes());
  CHECK(r.count(8) == 0);
  CHECK(r.failed());
  CHECK(r.str().empty());

  content::ParsedPost parsed;
  parsed.post = full_post();
  parsed.diagnostics.push_back(util::make_warning("w", 3, 4));
  const std::string bytes = content::write_parsed(parsed);
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, bytes.size() - 1}) {
    CHECK_FALSE(content::read_parsed(std::string_view(bytes).substr(0, cut)));
  }
  const auto back = content::read_parsed(bytes);
  REQUIRE(back);
  REQUIRE(back->diagnostics.size() == 1);
  CHECK(back->diagnostics[0].line == 3);
}

TEST_CASE("parse cache: trusted by stamp, by bytes when the stamp is racy, "
          "and only under the setup it was made with",
          "[content]")
{
  const fs::path dir = test::fresh_dir("parse-cache");
  const fs::path file = dir / "a.md";
  REQUIRE(util::write_file(file, "---\ntitle: a\n---\nbody\n"));
  const auto stamp = util::file_stamp(file);
  REQUIRE(stamp);

  content::ParseCache cache(42);
  content::ParsedPost parsed;
  parsed.post = full_post();
  cache.store(
    "posts/a.md",
    {*stamp, util::hash64(test::slurp(file)), "a", "", write_parsed(parsed)});

  const auto now = std::chrono::system_clock::now();
  bool rechecked = false;
  SECTION("settled stamp: no read")
  {
    cache.set_read_time(ns(now + std::chrono::hours(1)));
    CHECK(cache.find("posts/a.md", file.string(), "a", "", rechecked)
          != nullptr);
    CHECK_FALSE(rechecked);
    CHECK(cache.holds("posts/a.md", file));
    CHECK(cache.find("posts/a.md", file.string(), "b", "", rechecked)
          == nullptr);
    CHECK(cache.find("posts/b.md", file.string(), "a", "", rechecked)
          == nullptr);
  }
  SECTION("racy stamp: the bytes decide")
  {
    cache.set_read_time(ns(now));
    CHECK(cache.find("posts/a.md", file.string(), "a", "", rechecked)
          != nullptr);
    CHECK(rechecked);
    CHECK_FALSE(cache.holds("posts/a.md", file)); // holds() never reads
  }
  SECTION("a rewritten file is read again")
  {
    cache.set_read_time(ns(now + std::chrono::hours(1)));
    REQUIRE(util::write_file(file, "---\ntitle: b\n---\nbody\n"));
    CHECK(cache.find("posts/a.md", file.string(), "a", "", rechecked)
          == nullptr);
  }
  SECTION("written and read back, under the same setup only")
  {
    util::ByteWriter w;
    cache.write(w);
    util::ByteReader same(w.bytes());
    CHECK(content::ParseCache::read(same, 42).size() == 1);
    util::ByteReader other(w.bytes());
    CHECK(content::ParseCache::read(other, 43).size() == 0);
    const std::string cut = w.bytes().substr(0, w.bytes().size() - 3);
    util::ByteReader damaged(cut);
    CHECK(content::ParseCache::read(damaged, 42).size() == 0);
  }
}

TEST_CASE("parse cache: the loader reads only files the cache does not hold",
          "[content]")
{
  const fs::path dir = test::fresh_dir("parse-cache-loader");
  REQUIRE(util::write_file_atomic(dir / "ogfeed.yaml",
                                  "title: t\nbase_url: https://t.example/\n"));
  REQUIRE(util::write_file_atomic(dir / "posts/a.md",
                                  "---\ntitle: a\ndate: 2024-01-01\n---\nA\n"));
  REQUIRE(util::write_file_atomic(
    dir / "posts/b.md",
    "---\ntitle: b\ndate: 2024-01-02\ndescription: x #y\n---\nB\n"));
  auto setup = content::load_site_config(dir);
  REQUIRE(setup);
  auto first = content::load_posts(dir, setup->config, 2);
  CHECK(first.parsed == 2);
  REQUIRE(first.diagnostics.size() == 1); // the ' #' warning
  first.cache.set_read_time(
    ns(std::chrono::system_clock::now() + std::chrono::hours(1)));

  auto second = content::load_posts(
    dir, setup->config, 2, content::BrokenDrafts::are_errors, &first.cache);
  CHECK(second.parsed == 0);
  CHECK(second.diagnostics.size() == 1); // replayed
  REQUIRE(second.posts.size() == 2);
  CHECK(second.posts[0].permalink == "https://t.example/posts/b/");

  REQUIRE(util::write_file_atomic(
    dir / "posts/a.md", "---\ntitle: a2\ndate: 2024-01-03\n---\nA\n"));
  auto third = content::load_posts(
    dir, setup->config, 2, content::BrokenDrafts::are_errors, &first.cache);
  CHECK(third.parsed == 1);
  REQUIRE(third.posts.size() == 2);
  CHECK(third.posts[0].title == "a2");
}
