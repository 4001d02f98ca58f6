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

TEST_CASE("js_string reads a member of a constant object, as AstroPaper's "
          "`site: SITE.website` names the site",
          "[content]")
{
  const std::string config = "import { SITE } from \"./src/config\";\n"
                             "export default defineConfig({\n"
                             "  site: SITE.website,\n"
                             "  base: siteConfig.paths.base,\n"
                             "});\n";
  const std::string module = "export const SITE: Site = {\n"
                             "  website: \"https://matac.example/\",\n"
                             "  title: \"matac\",\n"
                             "};\n"
                             "export const siteConfig = {\n"
                             "  paths: { base: '/blog' },\n"
                             "};\n";
  const std::string both = config + module;
  CHECK(js_string(config, "site", &both) == "https://matac.example/");
  CHECK(js_string(config, "base", &both) == "/blog");
  CHECK(js_string(config, "site") == std::nullopt); // SITE is not here
  CHECK(js_string("x: a.b.c,\n", "x") == std::nullopt);
}

TEST_CASE("js_string stays bounded on a config whose keys name each other "
          "many times over",
          "[content]")
{
  // 200 keys `a`, each the member `O.a` of an object whose `a` keys name
  // `O.a` again: without a bound, 200^8 evaluations.
  std::string js = "const O = {";
  for (int i = 0; i < 200; ++i) {
    js += " a: O.a,";
  }
  js += " };\nconst x = {";
  for (int i = 0; i < 200; ++i) {
    js += " a: O.a,";
  }
  js += " };\n";
  CHECK(js_string(js, "a") == std::nullopt);
  CHECK(js_string("site: 'https://ok.example'\n", "site")
        == "https://ok.example"); // the bound is per value
}

TEST_CASE("js_exported_object leaves only the exported object's own keys",
          "[content]")
{
  // drmikecrowe/11ty-blog's src/_data/meta.js: its own URL is unknown (an
  // environment variable), and a link's `url` is not the site's.
  const std::string meta =
    "module.exports = {\n"
    "  siteURL: process.env.URL || 'http://x:8080',\n"
    "  siteName: \"Mike's {Shiny} Objects\",\n"
    "  metaPages: [\n"
    "    { url: 'https://github.com/me', title: 'Gh' },\n"
    "  ],\n"
    "  fn() { return { url: 'https://no.example' }; },\n"
    "  description: `a ${'b'}`,\n"
    "};\n";
  const auto own = js_exported_object(meta);
  REQUIRE(own);
  CHECK(js_string(*own, "url") == std::nullopt);
  CHECK(js_string(*own, "siteName") == "Mike's {Shiny} Objects");
  CHECK(js_string(*own, "title") == std::nullopt);
  CHECK(js_string(meta, "url") == "https://github.com/me"); // unscoped
  const auto esm =
    js_exported_object("const U = 'https://e.example';\n"
                       "export default { links: { url: 'x' }, url: U };\n");
  REQUIRE(esm);
  CHECK(js_string(*esm, "url", &*esm) == std::nullopt); // U is outside
  const std::string consts = "const U = 'https://e.example';\n";
  CHECK(js_string(*esm, "url", &consts) == "https://e.example");
  CHECK_FALSE(js_exported_object("module.exports = async function () {}"));
}
