#include "content/config/site_detect.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

using test::site_of;

const std::string k_config =
  "module.exports = {\n"
  "  siteMetadata: { title: `T`, siteUrl: `https://gatsby.example` },\n"
  "  plugins: [{ resolve: `gatsby-source-filesystem`,\n"
  "    options: { path: `${__dirname}/content/blog`, name: `blog` } }],\n};\n";

const std::string k_post = "---\ntitle: a\ndate: 2024-01-01\n---\nx\n";

content::DetectedSite
detect(const std::string& name, const std::string& node)
{
  return content::detect_site(site_of(name,
                                      {{"gatsby-config.js", k_config},
                                       {"gatsby-node.js", node},
                                       {"content/blog/a.md", k_post}}));
}

std::string
on_create_node(const std::string& value, const std::string& options = "")
{
  return "exports.onCreateNode = ({ node, actions, getNode }) => {\n"
         "  const { createNodeField } = actions\n"
         "  // value: `/commented${value}`\n"
         "  const value = createFilePath({ node, getNode"
         + options + " })\n  createNodeField({ name: `slug`, node, " + value
         + " })\n}\n";
}

} // namespace

TEST_CASE("issue 21: a Gatsby site's URLs are the slug field gatsby-node "
          "makes: createFilePath's path, under a prefix, or without its "
          "slash, and a warning when JavaScript computes more",
          "[content]")
{
  const auto starter = detect("gatsby-slug-starter", on_create_node("value"));
  CHECK(starter.config.permalink == "/:path/");
  CHECK(starter.diagnostics.empty());

  const auto prefixed =
    detect("gatsby-slug-prefix", on_create_node("value: `/blog${value}`"));
  CHECK(prefixed.config.permalink == "/blog/:path/");
  CHECK(prefixed.diagnostics.empty());

  const auto unslashed =
    detect("gatsby-slug-no-slash",
           on_create_node("value: `/notes${value}`", ", trailingSlash: false"));
  CHECK(unslashed.config.permalink == "/notes/:path");

  // rajjeet/gatsby-blog: the month folder cut off in a module of its own.
  const auto computed = content::detect_site(site_of(
    "gatsby-slug-computed",
    {{"gatsby-config.js", k_config},
     {"gatsby-node.js",
      "exports.onCreateNode = require('./build/on-create-node');\n"},
     {"build/on-create-node.js",
      "module.exports = ({ node, getNode, actions }) => {\n"
      "  let slug;\n  const rawSlug = createFilePath({ node, getNode });\n"
      "  slug = rawSlug.substring(rawSlug.indexOf('/', 1));\n"
      "  actions.createNodeField({ node, name: 'slug', value: slug });\n};\n"},
     {"content/blog/a.md", k_post}}));
  CHECK(computed.config.permalink == "/:path/");
  REQUIRE(computed.diagnostics.size() == 1);
  CHECK(computed.diagnostics[0].message.starts_with(
    "gatsby-node gives the posts' slug field a value JavaScript computes"));
}

TEST_CASE("issue 21: Gatsby's posts are in the folders "
          "gatsby-source-filesystem names that hold Markdown",
          "[content]")
{
  const auto gatsby = content::detect_site(site_of(
    "detect-gatsby",
    {{"gatsby-config.js",
      "module.exports = {\n  siteMetadata: { siteUrl: `https://g.example.jp` "
      "},\n  plugins: [\n"
      "    // { resolve: `gatsby-source-filesystem`, options: { path: "
      "`${__dirname}/old` } },\n"
      "    { resolve: `gatsby-source-filesystem`, options: { name: `assets`, "
      "path: `${__dirname}/static/img` } },\n"
      "    { resolve: 'gatsby-source-filesystem', options: { path: "
      "'./articles', name: 'blog' } },\n"
      "    { resolve: `gatsby-source-filesystem`, options: { path: "
      "`${__dirname}/../outside` } },\n"
      "  ],\n}\n"},
     {"old/a.md", "---\ntitle: old\n---\nx\n"},
     {"static/img/logo.png", "png"},
     {"articles/2024/first.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(gatsby.generator == "Gatsby");
  CHECK(gatsby.config.base_url == "https://g.example.jp/");
  CHECK(gatsby.config.content_dirs == std::vector<std::string>{"articles"});
}

TEST_CASE("issue 21: a gatsby-source-filesystem folder that is a link is "
          "never looked into",
          "[content]")
{
  const auto outside =
    site_of("detect-gatsby-outside",
            {{"notes/secret.md", "---\ntitle: secret\n---\nx\n"}});
  const auto root = site_of(
    "detect-gatsby-link",
    {{"gatsby-config.js",
      "module.exports = { siteMetadata: { siteUrl: `https://g.example.jp` }, "
      "plugins: [{ resolve: `gatsby-source-filesystem`, options: { path: "
      "`${__dirname}/writing` } }] }\n"}});
  std::filesystem::create_directory_symlink(outside / "notes",
                                            root / "writing");
  const auto gatsby = content::detect_site(root);
  CHECK(gatsby.generator == "Gatsby");
  CHECK(gatsby.config.content_dirs != std::vector<std::string>{"writing"});
}
