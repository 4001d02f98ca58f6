#include "content/site_loader.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

const std::filesystem::path k_sites =
  std::filesystem::path(OGFEED_SOURCE_DIR) / "tests/data/sites";

std::vector<std::string>
messages(const util::Diagnostics& ds)
{
  std::vector<std::string> out;
  for (const auto& d : ds) {
    out.push_back(util::format_diagnostic(d));
  }
  return out;
}

} // namespace

TEST_CASE("site loader: every bad post is reported in one pass, in file order",
          "[content]")
{
  auto config = content::load_site_config(k_sites / "errors");
  REQUIRE(config);
  const auto loaded = content::load_posts(k_sites / "errors", *config, 2);
  REQUIRE(loaded.posts.size() == 1);
  const std::string dir = (k_sites / "errors/posts/").string();
  CHECK(
    messages(loaded.diagnostics)
    == std::vector<std::string>{
      dir
        + "b-date.md:3:7: error: 'date' must be a date like 2019-05-27, "
          "2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"2020-13-01\"",
      dir
        + "c-control.md:6:6: error: control character U+0007 is not allowed in "
          "XML; remove it",
      dir + "d-notitle.md:1:1: error: missing 'title' in the front matter",
      dir
        + "e-unclosed.md:1:1: error: expected '---' or '...' to close the "
          "front "
          "matter, got end of file"});
}

TEST_CASE("site loader: page bundles, nested folders, hidden and list files",
          "[content]")
{
  auto config = content::load_site_config(k_sites / "bundles");
  REQUIRE(config);
  const auto loaded = content::load_posts(k_sites / "bundles", *config, 1);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.posts.size() == 2);
  CHECK(loaded.posts[0].slug == "nested");
  CHECK(loaded.posts[0].permalink == "https://bundles.example/2021/nested/");
  CHECK(loaded.posts[1].slug == "my-bundle");
  CHECK(loaded.posts[1].permalink
        == "https://bundles.example/2021/notes/my-bundle/");
}

TEST_CASE("site loader: a missing config or content folder is an error",
          "[content]")
{
  auto missing = content::load_site_config(k_sites / "nowhere");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("No such file or directory")
        != std::string::npos);
  content::SiteConfig config;
  config.content_dir = "nope";
  const auto loaded = content::load_posts(k_sites / "errors", config, 1);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].message
        == "content folder '" + (k_sites / "errors/nope").string()
             + "' does not exist");
}

TEST_CASE("site loader: posts sort newest first, ties by slug", "[content]")
{
  std::vector<content::Post> posts(3);
  posts[0].slug = "b";
  posts[1].slug = "a";
  posts[2].slug = "c";
  posts[2].date = util::UtcSeconds{std::chrono::seconds{10}};
  content::sort_posts(posts);
  CHECK(posts[0].slug == "c");
  CHECK(posts[1].slug == "a");
  CHECK(posts[2].slug == "b");
}
