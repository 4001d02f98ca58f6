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

TEST_CASE("issue 21: Gatsby's processed images (/static/HASH/SIZE/NAME.EXT) "
          "are found on the post's built page",
          "[site]")
{
  const auto root = test::fresh_dir("built-assets-gatsby");
  std::filesystem::create_directories(root / "post");
  // As gatsby-remark-images 6 writes ./img1.png (chanfuku/gatsby-blog).
  REQUIRE(util::write_file_atomic(
    root / "post/index.html",
    "<a class=\"gatsby-resp-image-link\" "
    "href=\"/static/4c64b0a561c0e2ef327e74f92b18d3f6/b0096/img1.png\">"
    "<img class=\"gatsby-resp-image-image\" alt=\"img1\" "
    "src=\"/static/4c64b0a561c0e2ef327e74f92b18d3f6/f058b/img1.png\" "
    "srcset=\"/static/4c64b0a561c0e2ef327e74f92b18d3f6/c26ae/img1.png "
    "158w\"></a>"
    "<img src=\"/static/not-a-hash/x.png\">"
    "<img src=\"/static/4C64B0A561C0E2EF327E74F92B18D3F6/y.png\">"
    "<img src=\"/static/d41d8cd98f00b204e9800998ecf8427e/copied.gif\">"));
  auto built = util::Dir::open(root, util::Create::no);
  REQUIRE(built);
  content::SiteConfig config;
  config.base_url = "https://e.com/";
  config.url_rules.processed_images = true;
  std::vector<content::Post> posts(1);
  posts[0].permalink = "https://e.com/post/";
  const auto assets = site::read_built_assets(*built, posts, config);
  REQUIRE(assets.size() == 1);
  CHECK(
    assets[0]
    == site::BuiltAssets{
      {"img1",
       "https://e.com/static/4c64b0a561c0e2ef327e74f92b18d3f6/f058b/"
       "img1.png"},
      {"copied",
       "https://e.com/static/d41d8cd98f00b204e9800998ecf8427e/copied.gif"}});
  CHECK(site::with_built_assets(
          "<img src=\"https://e.com/post/img1.png\" alt=\"img1\">",
          config.base_url,
          assets[0])
        == "<img src=\"https://e.com/static/4c64b0a561c0e2ef327e74f92b18d3f6/"
           "f058b/img1.png\" alt=\"img1\">");
}
