#include "content/config/site_detect.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

#include <cstdlib>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

using test::site_of;

} // namespace

TEST_CASE("issue 21: JavaScript configs are read without their comments, "
          "and a value given through a const",
          "[content]")
{
  const auto docusaurus = content::detect_site(
    site_of("detect-docusaurus",
            {{"docusaurus.config.js",
              "// url: 'https://old.example.com',\n"
              "/* title: 'Old',\n   url: 'https://older.example.com' */\n"
              "const config = {\n"
              "  title: 'ブログ', // url: 'https://comment.example.com'\n"
              "  tagline: 'a // not a comment',\n"
              "  url: 'https://docs.example.jp',\n"
              "  baseUrl: '/',\n"
              "};\nexport default config;\n"},
             {"blog/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(docusaurus.generator == "Docusaurus");
  CHECK(docusaurus.config.base_url == "https://docs.example.jp/");
  CHECK(docusaurus.config.title == "ブログ");
  CHECK(docusaurus.config.subtitle == "a // not a comment");

  const auto astro = content::detect_site(
    site_of("detect-astro",
            {{"astro.config.mjs",
              "import { defineConfig } from 'astro/config';\n"
              "const SITE_URL = 'https://astro.example.jp';\n"
              "export default defineConfig({\n  site: SITE_URL,\n});\n"},
             {"src/content/blog/a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(astro.generator == "Astro");
  CHECK(astro.config.base_url == "https://astro.example.jp/");
}

TEST_CASE("issue 21: Eleventy's site data in _data/site.json, below "
          "dir.input",
          "[content]")
{
  const auto eleventy = content::detect_site(
    site_of("detect-eleventy",
            {{".eleventy.js",
              "module.exports = function () {\n"
              "  return { dir: { input: \"src\", output: \"dist\" } };\n};\n"},
             {"src/_data/site.json",
              "{\n  \"title\": \"11ty のブログ\",\n  \"url\": "
              "\"https://11ty.example.jp\"\n}\n"},
             {"src/posts/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(eleventy.generator == "Eleventy");
  CHECK(eleventy.config.base_url == "https://11ty.example.jp/");
  CHECK(eleventy.config.title == "11ty のブログ");
  CHECK(eleventy.site_output == "dist");
  CHECK(eleventy.config.content_dirs == std::vector<std::string>{"src/posts"});

  // A site.json that names its URL `baseUrl` (andreabergia/eleventy-blog).
  const auto base_url = content::detect_site(
    site_of("detect-eleventy-baseurl",
            {{".eleventy.js",
              "module.exports = function () {\n"
              "  return { dir: { input: \"src\" } };\n};\n"},
             {"src/_data/site.json",
              "{\"title\": \"T\", \"baseUrl\": \"https://e.example/\"}\n"},
             {"src/posts/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(base_url.config.base_url == "https://e.example/");
  CHECK(base_url.config.title == "T");
}

TEST_CASE("issue 22: generator configs and ogfeed.yaml read the same with a "
          "BOM and CRLF line ends (but as Jekyll reads a BOM)",
          "[content]")
{
  const std::string bom = "\xEF\xBB\xBF";
  const auto jekyll = content::detect_site(site_of(
    "detect-crlf-jekyll",
    {{"_config.yml",
      bom + "title: CRLF\r\nurl: https://crlf.example.jp\r\ntimezone: UTC\r\n"},
     {"_posts/2024-01-01-a.md", "---\r\ntitle: a\r\n---\r\nx\r\n"}}));
  CHECK(jekyll.generator == "Jekyll");
  CHECK(jekyll.config.title == "CRLF");
  // Jekyll itself (Ruby's YAML) reads a _config.yml that starts with a BOM
  // only up to its second line (tried: jekyll 4.3.1); so does ogfeed, and
  // says so. A comment first, and it reads the rest.
  CHECK(jekyll.config.base_url.empty());
  REQUIRE_FALSE(jekyll.diagnostics.empty());
  CHECK(jekyll.diagnostics[0].message.starts_with(
    "_config.yml starts with a byte order mark (U+FEFF)"));
  const auto commented = content::detect_site(
    site_of("detect-crlf-jekyll-comment",
            {{"_config.yml",
              bom
                + "# c\r\ntitle: CRLF\r\nurl: https://crlf.example.jp\r\n"
                  "timezone: UTC\r\n"},
             {"_posts/2024-01-01-a.md", "---\r\ntitle: a\r\n---\r\nx\r\n"}}));
  CHECK(commented.config.title == "CRLF");
  CHECK(commented.config.base_url == "https://crlf.example.jp/");
  CHECK(commented.config.timezone.name() == "UTC");
  CHECK(commented.diagnostics.empty());

  const auto hugo = content::detect_site(
    site_of("detect-crlf-hugo",
            {{"hugo.toml",
              bom
                + "baseURL = \"https://h.example.jp/\"\r\ntitle = \"H\"\r\n"
                  "timeZone = \"UTC\"\r\n"},
             {"content/posts/a.md", "---\r\ntitle: a\r\n---\r\nx\r\n"}}));
  CHECK(hugo.generator == "Hugo");
  CHECK(hugo.config.title == "H");
  CHECK(hugo.config.timezone.name() == "UTC");
  CHECK(hugo.diagnostics.empty());

  const fs::path site = site_of(
    "ogfeed-yaml-crlf",
    {{"ogfeed.yaml",
      bom + "title: Y\r\nbase_url: https://y.example.jp/\r\ntimezone: UTC\r\n"},
     {"posts/a.md", "---\r\ntitle: a\r\ndate: 2024-01-01\r\n---\r\nx\r\n"}});
  const auto setup = content::load_site_config(site);
  REQUIRE(setup);
  CHECK(setup->config.title == "Y");
  CHECK(setup->config.timezone.name() == "UTC");
}

TEST_CASE("a repository's config never makes detection read a file outside "
          "the site or through a link",
          "[content]")
{
  // A secret beside the site, in the shape a config file would have.
  const fs::path outside = test::fresh_dir("detect-outside");
  REQUIRE(util::write_file_atomic(
    outside / "metadata.json",
    R"({"url": "https://leak.example/", "title": "LEAK"})"));
  REQUIRE(util::write_file_atomic(
    outside / "hugo.toml",
    "baseURL = \"https://leak.example/\"\ntitle = \"LEAK\"\n"));

  // Eleventy's data folder named outside the site.
  const fs::path eleventy =
    site_of("detect-eleventy-out",
            {{".eleventy.js",
              "module.exports = () => ({ dir: { input: \"src\", data: \"../../"
                + outside.filename().string() + "\" } });\n"},
             {"src/posts/a.md", "---\ntitle: a\n---\n"}});
  const auto e = content::detect_site(eleventy);
  CHECK(e.generator == "Eleventy");
  CHECK(e.config.title != "LEAK");
  CHECK(e.config.base_url.find("leak") == std::string::npos);

  // A generator's config that is a link to a file elsewhere.
  const fs::path hugo =
    site_of("detect-hugo-link", {{"content/posts/a.md", "x"}});
  fs::create_symlink(outside / "hugo.toml", hugo / "hugo.toml");
  const auto h = content::detect_site(hugo);
  CHECK(h.config.title != "LEAK");
  CHECK(h.config.base_url.find("leak") == std::string::npos);
}

TEST_CASE("issue 23: a generator's JSON config is read as JSON: escapes "
          "decoded, and what only YAML takes refused with its position",
          "[content]")
{
  // Hugo's config.json, with an emoji written as a surrogate pair (as
  // Python's and PHP's JSON writers do) and a BOM.
  const auto hugo = content::detect_site(site_of(
    "detect-json-hugo",
    {{"config.json",
      "\xEF\xBB\xBF{\"baseURL\": \"https://j.example.jp/\", \"title\": "
      "\"J \\ud83d\\ude80 \\u30d6\\u30ed\\u30b0\", \"timeZone\": \"UTC\"}\n"},
     {"content/posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(hugo.generator == "Hugo");
  CHECK(hugo.config.title == "J \xF0\x9F\x9A\x80 ブログ");
  CHECK(hugo.config.base_url == "https://j.example.jp/");

  // A trailing comma is YAML's, not JSON's: a warning at its place, and
  // nothing read from the file.
  const auto comma = content::detect_site(site_of(
    "detect-json-comma",
    {{"config.json",
      "{\n  \"baseURL\": \"https://c.example.jp/\",\n  \"title\": \"C\",\n}\n"},
     {"content/posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE(!comma.diagnostics.empty());
  CHECK(comma.diagnostics[0].message.starts_with(
    "cannot read the generator's config"));
  CHECK(comma.diagnostics[0].line == 4);
  CHECK(comma.config.title.empty());

  // Eleventy's global data file, escapes decoded.
  const auto eleventy = content::detect_site(
    site_of("detect-json-eleventy",
            {{"eleventy.config.js", "export default function () {}\n"},
             {"_data/metadata.json",
              "{\"title\": \"\\u0031\\u0031ty \\ud83d\\udcdd\", \"url\": "
              "\"https://e.example.jp/\"}"},
             {"posts/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}}));
  CHECK(eleventy.generator == "Eleventy");
  CHECK(eleventy.config.title == "11ty \xF0\x9F\x93\x9D");
  CHECK(eleventy.config.base_url == "https://e.example.jp/");
}

TEST_CASE("issue 21: Hexo dates a post's URL in the building machine's zone, "
          "its time in the site's, ogfeed.yaml's permalink_timezone wins",
          "[content]")
{
  const fs::path root = site_of(
    "detect-hexo-zone",
    {{"_config.yml",
      "title: T\nurl: https://hexo.example.tw\ntimezone: Asia/Taipei\n"},
     {"source/_posts/a.md",
      "---\ntitle: a\ndate: 2024-04-21 07:10:16\n---\nx\n"},
     {"source/_posts/b.md", "---\ntitle: b\ndate: 2023-05-23\n---\nx\n"}});
  const char* was = std::getenv("TZ");
  const std::optional<std::string> saved =
    was ? std::optional<std::string>(was) : std::nullopt;
  const auto links = [&] {
    auto setup = content::load_site_config(root);
    REQUIRE(setup);
    auto loaded = content::load_posts(root, setup->config, 1);
    content::sort_posts(loaded.posts);
    std::vector<std::string> out;
    for (const auto& p : loaded.posts) {
      out.push_back(p.permalink);
    }
    return out;
  };
  ::setenv("TZ", "UTC", 1); // a CI runner: 07:10 in Taipei is 23:10 before
  CHECK(links()
        == std::vector<std::string>{"https://hexo.example.tw/2024/04/20/a/",
                                    "https://hexo.example.tw/2023/05/22/b/"});
  ::setenv("TZ", "Asia/Taipei", 1); // the author's machine
  CHECK(links()
        == std::vector<std::string>{"https://hexo.example.tw/2024/04/21/a/",
                                    "https://hexo.example.tw/2023/05/23/b/"});
  // `timezone: ''` is none: Hexo reads and dates in one zone, the
  // machine's, so the URL has the date as written.
  const fs::path unset = site_of(
    "detect-hexo-no-zone",
    {{"_config.yml", "title: T\nurl: https://hexo.example.tw\ntimezone: ''\n"},
     {"source/_posts/a.md",
      "---\ntitle: a\ndate: 2024-04-21 07:10:16\n---\nx\n"}});
  auto no_zone = content::load_site_config(unset);
  REQUIRE(no_zone);
  CHECK_FALSE(no_zone->config.permalink_timezone);
  CHECK(no_zone->detected.diagnostics.empty());
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "permalink_timezone: Asia/Tokyo\n"));
  ::setenv("TZ", "UTC", 1);
  CHECK(links()
        == std::vector<std::string>{"https://hexo.example.tw/2024/04/21/a/",
                                    "https://hexo.example.tw/2023/05/23/b/"});
  if (saved) {
    ::setenv("TZ", saved->c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
}

TEST_CASE("issue 21: ogfeed init leaves a zone that is this machine's "
          "commented out, never pinned",
          "[content]")
{
  const char* was = std::getenv("TZ");
  const std::optional<std::string> saved =
    was ? std::optional<std::string>(was) : std::nullopt;
  ::setenv("TZ", "Asia/Taipei", 1);
  const auto jekyll = content::detect_site(
    site_of("init-jekyll-zone",
            {{"_config.yml", "title: T\nurl: https://j.example.jp\n"},
             {"_posts/2024-06-01-a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(jekyll.config.timezone.name() == "Asia/Taipei");
  const std::string yaml = content::init_config_yaml(jekyll);
  CHECK(yaml.find("\n# timezone: Asia/Taipei ") != std::string::npos);
  CHECK(yaml.find("\ntimezone:") == std::string::npos);
  const auto hexo = content::detect_site(
    site_of("init-hexo-zone",
            {{"_config.yml",
              "title: T\nurl: https://h.example.jp\ntimezone: Asia/Tokyo\n"},
             {"source/_posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  const std::string hexo_yaml = content::init_config_yaml(hexo);
  CHECK(hexo_yaml.find("\ntimezone: Asia/Tokyo ") != std::string::npos);
  CHECK(hexo_yaml.find("\n# permalink_timezone: Asia/Taipei ")
        != std::string::npos);
  if (saved) {
    ::setenv("TZ", saved->c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
}

TEST_CASE("issue 21: Hexo's _config.yml read as Hexo reads it: tabs that "
          "indent are two spaces, one it cannot read says why",
          "[content]")
{
  const auto tabs = content::load_site_config(site_of(
    "detect-hexo-tabs",
    {{"_config.yml",
      "title: Yuhan\nurl: https://h.example.cn\npermalink: "
      "posts/:abbrlink.html\nlive2d:\n\tenable: false\n\tmodel:\n\t\tuse: "
      "miku\n"},
     {"source/_posts/a.md", "---\ntitle: a\nabbrlink: 30134\n---\nx\n"}}));
  REQUIRE(tabs);
  CHECK(tabs->config.title == "Yuhan");
  CHECK(tabs->config.permalink == "/posts/:param_abbrlink.html");
  CHECK(tabs->detected.diagnostics.empty());

  const auto broken = content::load_site_config(
    site_of("detect-hexo-broken",
            {{"_config.yml", "title: [unclosed\nurl: https://h.example.cn\n"},
             {"source/_posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE_FALSE(broken);
  const std::string message = util::format_diagnostic(broken.error());
  INFO(message);
  CHECK(message.find("missing 'title'") != std::string::npos);
  CHECK(message.find("cannot read the generator's config")
        != std::string::npos);
}

TEST_CASE("issue 21: a site whose files name no URL: Jekyll-Bootstrap's "
          "production_url, else the GitHub Pages CNAME, with a warning "
          "unless ogfeed.yaml gives one",
          "[content]")
{
  const auto bootstrap = content::load_site_config(
    site_of("detect-production-url",
            {{"_config.yml",
              "title : Java Swing Tips\n"
              "production_url : https://swing.example.jp\n"},
             {"_posts/2003-09-08-a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE(bootstrap);
  CHECK(bootstrap->config.base_url == "https://swing.example.jp/");
  CHECK(bootstrap->detected.diagnostics.empty());

  const std::map<std::string, std::string> pages = {
    {"_config.yml", "title: Pages\n"},
    {"CNAME", "blog.example.jp\n"},
    {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}};
  const auto cname = content::load_site_config(site_of("detect-cname", pages));
  REQUIRE(cname);
  CHECK(cname->config.base_url == "https://blog.example.jp/");
  REQUIRE(cname->detected.diagnostics.size() == 1);
  CHECK(cname->detected.diagnostics[0].message
        == "Jekyll's files name no URL; feeds use https://blog.example.jp/ "
           "(GitHub Pages, from CNAME); set it in _config.yml or base_url in "
           "ogfeed.yaml");

  auto with_yaml = pages;
  with_yaml["ogfeed.yaml"] = "base_url: https://other.example.com/\n";
  const auto pinned =
    content::load_site_config(site_of("detect-cname-pinned", with_yaml));
  REQUIRE(pinned);
  CHECK(pinned->config.base_url == "https://other.example.com/");
  CHECK(pinned->detected.diagnostics.empty());

  // A Hugo site's static/CNAME is published at its root; a CNAME that
  // names no host is not read.
  const auto hugo = content::detect_site(
    site_of("detect-cname-hugo",
            {{"hugo.toml", "title = 'x'\n"},
             {"static/CNAME", "hugo.example.jp"},
             {"content/posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(hugo.config.base_url == "https://hugo.example.jp/");
  const auto junk = content::detect_site(
    site_of("detect-cname-junk",
            {{"hugo.toml", "title = 'x'\n"},
             {"CNAME", "https://evil.example/../x"},
             {"content/posts/a.md", "---\ntitle: a\n---\nx\n"}}));
  CHECK(junk.config.base_url.empty());

  // On a GitHub Actions runner: the repository's Pages site, a project's
  // below its name, OWNER.github.io's at the root.
  const std::map<std::string, std::string> bare = {
    {"_config.yml", "title: Pages\n"},
    {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}};
  ::setenv("GITHUB_REPOSITORY", "Some-One/tech_blog", 1);
  CHECK(content::detect_site(site_of("detect-actions", bare)).config.base_url
        == "https://some-one.github.io/tech_blog/");
  ::setenv("GITHUB_REPOSITORY", "some-one/Some-One.github.io", 1);
  CHECK(content::detect_site(site_of("detect-actions", bare)).config.base_url
        == "https://some-one.github.io/");
  // Zenn publishes the posts on zenn.dev under a name no file holds: no
  // guess, the error asks for both URLs.
  CHECK(content::detect_site(
          site_of("detect-actions-zenn",
                  {{"package.json", R"({"devDependencies":{"zenn-cli":"1"}})"},
                   {"articles/a.md", "---\ntitle: a\n---\nx\n"}}))
          .config.base_url.empty());
  ::setenv("GITHUB_REPOSITORY", "../../evil", 1);
  CHECK(content::detect_site(site_of("detect-actions", bare))
          .config.base_url.empty());
  ::unsetenv("GITHUB_REPOSITORY");
  // A site folder named OWNER.github.io, as a clone of one is.
  CHECK(content::detect_site(site_of("me.github.io", bare)).config.base_url
        == "https://me.github.io/");
}

TEST_CASE("issue 21: a _config.yml that starts with a byte order mark is read "
          "as Jekyll reads it: up to the first line back at column 0, with a "
          "warning",
          "[content]")
{
  // Ruby's YAML keeps the mark as a character: the first key stands one
  // column in (jekyll 4.3.1 builds such a site with its defaults; tried).
  const auto cut = content::load_site_config(
    site_of("detect-jekyll-bom",
            {{"_config.yml",
              "\xEF\xBB\xBF"
              "encoding: UTF-8\n"
              " title: Kept\n"
              "# a comment\n"
              "url: https://j.example.cn\n"
              "permalink: /:categories/:title/\n"},
             {"CNAME", "blog.example.cn\n"},
             {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE(cut);
  CHECK(cut->config.title == "Kept");
  CHECK(cut->config.base_url == "https://blog.example.cn/");
  CHECK(cut->config.permalink
        == "/:categories/:year/:month/:day/:slug:output_ext"); // "date"
  REQUIRE_FALSE(cut->detected.diagnostics.empty());
  CHECK(cut->detected.diagnostics[0].message
        == "_config.yml starts with a byte order mark (U+FEFF): Jekyll's YAML "
           "reader then ends the settings before line 4 and reads only "
           "'encoding'; url, permalink, title and the rest are ignored, by "
           "Jekyll and so by ogfeed. Save the file without the mark to use "
           "them");

  // A site that pins a Jekyll before 4.3 (SafeYAML drops the mark): read
  // whole, with a warning about later ones.
  const auto pinned = content::load_site_config(
    site_of("detect-jekyll-bom-pinned",
            {{"_config.yml",
              "\xEF\xBB\xBF"
              "encoding: UTF-8\ntitle: Pinned\nurl: https://j.example.cn\n"},
             {"Gemfile.lock", "GEM\n  specs:\n    jekyll (4.2.1)\n"},
             {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE(pinned);
  CHECK(pinned->config.title == "Pinned");
  CHECK(pinned->config.base_url == "https://j.example.cn/");
  REQUIRE(pinned->detected.diagnostics.size() == 1);
  CHECK(pinned->detected.diagnostics[0].message.find(
          "Jekyll 4.3 and later read only its first setting")
        != std::string::npos);

  // A comment first: the mark changes nothing, and nothing is said.
  const auto whole = content::load_site_config(
    site_of("detect-jekyll-bom-comment",
            {{"_config.yml",
              "\xEF\xBB\xBF# Site\ntitle: Whole\nurl: https://j.example.cn\n"},
             {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}}));
  REQUIRE(whole);
  CHECK(whole->config.title == "Whole");
  CHECK(whole->config.base_url == "https://j.example.cn/");
  CHECK(whole->detected.diagnostics.empty());
}

TEST_CASE("issue 21: a Jekyll site that names its URL and title only in its "
          "own feed template is published there, with warnings",
          "[content]")
{
  const std::map<std::string, std::string> files = {
    {"_config.yml", "permalink: /:title/\n"},
    {"atom.xml",
     "---\nlayout: null\n---\n<?xml version=\"1.0\"?>\n"
     "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n <title>Mark H</title>\n"
     " <link href=\"http://www.example.nz/atom.xml\" rel=\"self\"/>\n"
     " <link href=\"http://www.example.nz/\"/>\n"
     " <updated>{{ site.time | date_to_xmlschema }}</updated>\n</feed>\n"},
    {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}};
  const auto own = content::load_site_config(site_of("detect-own-feed", files));
  REQUIRE(own);
  CHECK(own->config.base_url == "http://www.example.nz/");
  CHECK(own->config.title == "Mark H");
  REQUIRE(own->detected.diagnostics.size() == 2);
  CHECK(own->detected.diagnostics[0].message
        == "Jekyll's files name no URL; feeds use http://www.example.nz/ (the "
           "site's own feed template atom.xml); set it in _config.yml or "
           "base_url in ogfeed.yaml");
  CHECK(own->detected.diagnostics[1].message
        == "Jekyll's files name no title; feeds call the site 'Mark H' (the "
           "title of its own feed template atom.xml; set 'title' in "
           "_config.yml or in ogfeed.yaml)");

  // A feed file the generator does not render (no template tags) is an
  // old copy, never read; then nothing names the URL.
  auto copied = files;
  copied["atom.xml"] = "<feed><link href=\"http://old.example.nz/\"/></feed>";
  const auto none =
    content::load_site_config(site_of("detect-own-feed-copy", copied));
  CHECK_FALSE(none);
}
