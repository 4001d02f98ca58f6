#include "content/generators/js_values.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed::content::generators;

TEST_CASE("js_string reads a value as a production build would, without "
          "running anything",
          "[content]")
{
  const std::string js =
    "const repo = \"docusaurus-blog\"\n"
    "const isPreview = process.env.VERCEL_ENV === "
    "\"preview\";\n"
    "const isProd = process.env.NODE_ENV === 'production'\n"
    "export default {\n"
    "  url: 'https://me.github.io', // the host\n"
    "  baseUrl: isPreview ? \"/\" : `/${repo}/`,\n"
    "  base: isProd\n"
    "    ? '/prod/'\n"
    "    : '/dev/',\n"
    "  site: !process.env.CI ? 'https://a.example' : "
    "'https://b.example',\n"
    "  title: repo,\n"
    "  tagline: getTagline(),\n"
    "  favicon: process.env.ICON ?? 'x.ico',\n"
    "  output: `${unknown}/x`,\n"
    "};\n";
  CHECK(js_string(js, "url") == "https://me.github.io");
  CHECK(js_string(js, "baseUrl") == "/docusaurus-blog/");
  CHECK(js_string(js, "base") == "/prod/");
  CHECK(js_string(js, "site") == "https://a.example");
  CHECK(js_string(js, "title") == "docusaurus-blog");
  CHECK(js_string(js, "tagline") == std::nullopt); // a call: never run
  CHECK(js_string(js, "favicon") == std::nullopt);
  CHECK(js_string(js, "output") == std::nullopt);
  CHECK(js_string(js, "missing") == std::nullopt);
  // `x === y` is no assignment to x.
  CHECK(js_string("if (url === 'a') {}\nconst url = 'b';\n", "url") == "b");
}

TEST_CASE("js_object finds the object a key names, not an earlier scalar",
          "[content]")
{
  const std::string js = "const routes = 'r';\n"
                         "presets: [['classic', {\n"
                         "  docs: { path: 'docs', routeBasePath: '/' },\n"
                         "  blog: {\n    path: 'articles',\n"
                         "    routeBasePath: `${routes}/posts`,\n  },\n"
                         "}]]\n";
  const auto blog = js_object(js, "blog");
  REQUIRE(blog);
  CHECK(blog->starts_with("{"));
  CHECK(blog->ends_with("}"));
  CHECK(js_string(*blog, "path") == "articles");
  CHECK(js_string(*blog, "routeBasePath", &js) == "r/posts");
  CHECK(js_string(js, "routeBasePath") == "/"); // the docs': why js_object
  CHECK(js_object("blog: false,\n", "blog") == std::nullopt);
}
