#include "content/config/site_detect.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;
using test::site_of;

// A Docusaurus site whose config holds `config` inside its object.
fs::path
docusaurus_site(const std::string& name, const std::string& config)
{
  const fs::path root = test::fresh_dir(name);
  REQUIRE(util::write_file_atomic(
    root / "docusaurus.config.js",
    "module.exports = {\n  title: 'T',\n  url: 'https://d.example',\n"
    "  baseUrl: '/',\n"
      + config + "};\n"));
  REQUIRE(util::write_file_atomic(root / "blog/2024-01-01-a.md",
                                  "---\ntitle: a\n---\n<Tabs>x</Tabs>\n"));
  return root;
}

} // namespace

TEST_CASE("issue 21: Docusaurus reads every Markdown file as MDX unless "
          "markdown.format says otherwise",
          "[content]")
{
  const auto read_as_mdx = [](const std::string& name,
                              const std::string& config) {
    return content::detect_site(docusaurus_site(name, config))
      .config.markup.mdx;
  };
  CHECK(read_as_mdx("docusaurus-mdx-default", ""));
  CHECK(
    read_as_mdx("docusaurus-mdx-mermaid", "  markdown: { mermaid: true },\n"));
  CHECK_FALSE(read_as_mdx("docusaurus-mdx-detect",
                          "  markdown: { format: 'detect' },\n"));
  CHECK_FALSE(read_as_mdx("docusaurus-mdx-md",
                          "  markdown: {\n    format: \"md\",\n  },\n"));
}

TEST_CASE("issue 21: a Docusaurus post's URL keeps the characters a URL "
          "parser keeps in its name (Vite+Vue3), as its own feed gives it",
          "[content]")
{
  const fs::path root = docusaurus_site("docusaurus-plus", "");
  REQUIRE(util::write_file_atomic(root / "blog/2022-01-01-Vite+Vue3使用.md",
                                  "---\ntitle: v\n---\nx\n"));
  std::vector<std::string> urls;
  for (const auto& p : test::loaded_posts(root)) {
    urls.push_back(p.permalink);
  }
  std::sort(urls.begin(), urls.end());
  CHECK(urls
        == std::vector<std::string>{
          "https://d.example/blog/2022/01/01/Vite+Vue3%E4%BD%BF%E7%94%A8",
          "https://d.example/blog/2024/01/01/a"});
}

TEST_CASE("issue 21: Docusaurus's blog URLs come from the blog's own options, "
          "never the docs', and a baseUrl made of constants is read",
          "[content]")
{
  const auto site = content::detect_site(
    site_of("detect-docusaurus-blog-options",
            {{"docusaurus.config.ts",
              "const repo = \"my-blog\";\n"
              "const isPreview = process.env.VERCEL_ENV === \"preview\";\n"
              "const config = {\n"
              "  title: \"T\",\n"
              "  url: \"https://me.github.io\",\n"
              "  baseUrl: isPreview ? \"/\" : `/${repo}/`,\n"
              "  presets: [[\"classic\", {\n"
              "    docs: { path: \"docs\", routeBasePath: \"/\" },\n"
              "    blog: { path: \"articles\", routeBasePath: \"posts\" },\n"
              "  }]],\n"
              "};\n"
              "export default config;\n"},
             {"articles/2024-01-02-hello.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(site.generator == "Docusaurus");
  CHECK(site.config.base_url == "https://me.github.io/my-blog/");
  CHECK(site.config.permalink == "/posts/:filedate/:slug");
  CHECK(site.config.content_dirs == std::vector<std::string>{"articles"});
}
