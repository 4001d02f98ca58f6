#include "site/built_assets.hpp"
#include "test_support.hpp"

using namespace ogfeed;

TEST_CASE("issue 21: images the generator renamed are found on the post's "
          "built page and named so in the feed",
          "[site]")
{
  const auto root = test::fresh_dir("built-assets");
  std::filesystem::create_directories(root / "blog/a");
  REQUIRE(util::write_file_atomic(
    root / "blog/a/index.html",
    "<html><body><img src=\"/_astro/photo.AbC_1-x.webp\" alt=\"p\">"
    "<img alt='x' src='/_astro/x.MP.HaSh9.webp'>"
    "<img src=\"/favicon.svg\"><img src=\"/_astro/bad.h.webp\" "
    "srcset=\"/_astro/s.h.webp 2x\"></body></html>"));
  auto built = util::Dir::open(root, util::Create::no);
  REQUIRE(built);
  content::SiteConfig config;
  config.base_url = "https://e.com/";
  std::vector<content::Post> posts(2);
  posts[0].permalink = "https://e.com/blog/a/";
  posts[1].permalink = "https://e.com/blog/none/"; // no built page

  CHECK(site::read_built_assets(*built, posts, config)[0].empty());
  config.url_rules.processed_images = true;
  const auto assets = site::read_built_assets(*built, posts, config);
  REQUIRE(assets.size() == 2);
  CHECK(assets[0].at("photo") == "https://e.com/_astro/photo.AbC_1-x.webp");
  CHECK(assets[0].at("x.MP") == "https://e.com/_astro/x.MP.HaSh9.webp");
  CHECK(assets[0].count("favicon") == 0); // NAME.EXT: not renamed
  CHECK(assets[1].empty());

  const std::string html =
    "<p><img src=\"https://e.com/blog/a/photo.jpg\" alt=\"p\">"
    "<img alt=\"x\" src=\"https://e.com/assets/x.MP.jpg\">"
    "<img src=\"https://other.example/photo.jpg\">"
    "<a href=\"https://e.com/blog/a/photo.jpg\">link</a></p>";
  CHECK(site::with_built_assets(html, config.base_url, assets[0])
        == "<p><img src=\"https://e.com/_astro/photo.AbC_1-x.webp\" "
           "alt=\"p\"><img alt=\"x\" "
           "src=\"https://e.com/_astro/x.MP.HaSh9.webp\">"
           "<img src=\"https://other.example/photo.jpg\">"
           "<a href=\"https://e.com/blog/a/photo.jpg\">link</a></p>");
  CHECK(site::with_built_assets(html, config.base_url, assets[1]) == html);
}
