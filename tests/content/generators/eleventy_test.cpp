#include "content/config/site_detect.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

using test::site_of;

const std::string k_post = "---\ntitle: a\ndate: 2024-01-01\n---\nx\n";

std::string
config_with(const std::string& options)
{
  return "export default function (c) {\n" + options + "};\n";
}

} // namespace

TEST_CASE("issue 21: an Eleventy page's URL is root-relative below "
          "pathPrefix: a path in the site data's URL is not the site's "
          "folder (logicalcobwebs: url .../blog, posts in blog/)",
          "[content]")
{
  const std::string data = "export default {\n"
                           "  title: \"Cobwebs\",\n"
                           "  url: \"https://cobwebs.example/blog\",\n};\n";
  const auto root = site_of(
    "eleventy-url-path",
    {{"eleventy.config.js",
      config_with(
        "  // pathPrefix: \"/old/\",\n"
        "  return { dir: { input: \"content\", data: \"../_data\" } };\n")},
     {"_data/metadata.js", data},
     {"content/blog/blog.11tydata.js",
      "export default { tags: [\"posts\"] };\n"},
     {"content/blog/2017/stop.md", k_post}});
  const auto setup = content::load_site_config(root, std::nullopt);
  REQUIRE(setup);
  CHECK(setup->config.base_url == "https://cobwebs.example/");
  const auto loaded = content::load_posts(root, setup->config, 1);
  REQUIRE(loaded.posts.size() == 1);
  CHECK(loaded.posts[0].permalink == "https://cobwebs.example/blog/2017/stop/");

  // With a pathPrefix, the site is below it.
  const auto prefixed = content::detect_site(site_of(
    "eleventy-path-prefix",
    {{"eleventy.config.js",
      config_with("  return { pathPrefix: \"/notes/\",\n"
                  "    dir: { input: \"content\", data: \"../_data\" } };\n")},
     {"_data/metadata.js", data},
     {"content/blog/2017/stop.md", k_post}}));
  CHECK(prefixed.config.base_url == "https://cobwebs.example/notes/");
}

TEST_CASE("issue 21: an Eleventy folder's JavaScript data file gives its "
          "posts' permalink when it is a plain string, and a warning when "
          "JavaScript computes it",
          "[content]")
{
  const std::string config = "module.exports = (c) => {\n"
                             "  c.addCollection('posts', (api) =>\n"
                             "    api.getFilteredByGlob('./src/blog/*.md'));\n"
                             "  return { dir: { input: 'src' } };\n};\n";
  const std::string data = "{\"title\": \"T\", \"url\": \"https://e.example\"}";
  const auto plain = content::detect_site(site_of(
    "detect-eleventy-js-data",
    {{".eleventy.js", config},
     {"src/_data/site.json", data},
     {"src/blog/blog.11tydata.js",
      "module.exports = { permalink: '/notes/{{ page.fileSlug }}/' };\n"},
     {"src/blog/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(plain.config.dir_permalinks.at("src/blog") == "/notes/:filename/");
  CHECK(plain.diagnostics.empty());

  const auto computed = content::detect_site(
    site_of("detect-eleventy-js-computed",
            {{".eleventy.js", config},
             {"src/_data/site.json", data},
             {"src/blog/blog.11tydata.js",
              "module.exports = { eleventyComputed: {\n"
              "  permalink: (data) => `/blog/${slug(data)}/`,\n} };\n"},
             {"src/blog/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(computed.config.dir_permalinks.at("src/blog") == "/blog/:path/");
  REQUIRE(computed.diagnostics.size() == 1);
  CHECK(computed.diagnostics[0].message.starts_with(
    "the permalink of 'src/blog' (its directory data file) is more than "
    "ogfeed reads (a template with filters, or JavaScript"));
}
