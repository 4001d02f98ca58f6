// Issue 9: a repository of each generator, as its own documentation lays
// it out (tests/data/generators), builds with no edit and publishes what
// the generator itself publishes, at the URLs it gives them.
#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

using namespace ogfeed;

namespace {

struct Case
{
  std::string dir;
  std::string generator;      // as the build says it detected it
  std::set<std::string> urls; // the generator's own published posts
};

// Every entry's alternate link in every feed of the build.
std::set<std::string>
entry_urls(const std::filesystem::path& out)
{
  std::set<std::string> urls;
  const std::regex link(
    R"re(<entry>\s*<id>[^<]*</id>\s*<title>[^<]*</title>\s*<link rel="alternate" type="text/html" href="([^"]*)")re");
  for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
    if (e.path().filename() != "atom.xml") {
      continue;
    }
    const std::string text = test::slurp(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), link), end;
         it != end;
         ++it) {
      urls.insert((*it)[1].str());
    }
  }
  return urls;
}

// Feed content with code blocks (<pre>...</pre>, escaped in the feed) and
// the plain-text excerpts of code taken out: what is left must hold no
// template syntax.
std::string
outside_code(const std::string& text)
{
  const std::regex pre("&lt;pre&gt;[\\s\\S]*?&lt;/pre&gt;");
  const std::regex summary("<summary>[^<]*</summary>");
  return std::regex_replace(std::regex_replace(text, pre, ""), summary, "");
}

} // namespace

namespace {

// Builds a copy of tests/data/generators/<fixture> with Hugo's
// defaultContentLanguageInSubdir on; returns the output folder.
std::filesystem::path
build_in_subdir(const std::string& fixture, const std::string& name)
{
  const auto site = test::fresh_dir(name);
  std::filesystem::copy(test::k_source_dir / "tests/data/generators" / fixture,
                        site,
                        std::filesystem::copy_options::recursive);
  std::string config = test::slurp(site / "hugo.toml");
  config.insert(config.find("defaultContentLanguage"),
                "defaultContentLanguageInSubdir = true\n");
  REQUIRE(util::write_file_atomic(site / "hugo.toml", config));
  const auto out = test::fresh_dir(name + "-out");
  const site::BuildReport report =
    site::build_site(test::build_options(site, out));
  REQUIRE(report.diagnostics.empty());
  return out;
}

// head.json's line for one permalink.
std::string
head_entry(const std::string& head, const std::string& permalink)
{
  const std::size_t at = head.find("\"" + permalink + "\"");
  REQUIRE(at != std::string::npos);
  return head.substr(at, head.find('\n', at) - at);
}

} // namespace

TEST_CASE("issue 9: each generator's repository builds as it is, with the "
          "generator's own posts and URLs",
          "[site]")
{
  const std::vector<Case> cases = {
    {"hugo-toml",
     "Hugo site (hugo.toml)",
     {"https://hugo.example.jp/2024/05/bundled/",
      "https://hugo.example.jp/2024/05/%E6%9C%80%E5%88%9D%E3%81%AE%E6%8A%95"
      "%E7%A8%BF/",
      "https://hugo.example.jp/notes/memo/"}},
    {"hugo-yaml",
     "Hugo site (config.yaml)",
     {"https://hugo-yaml.example.jp/entry/one/",
      "https://hugo-yaml.example.jp/about/",
      "https://hugo-yaml.example.jp/en/one/"}}, // in en/atom.xml
    {"jekyll",
     "Jekyll site (_config.yml)",
     {"https://jekyll.example.jp/diary/life/2024/02/01/hello/",
      "https://jekyll.example.jp/diary/blog/2024/02/10/next/"}},
    {"hexo",
     "Hexo site (_config.yml)",
     {"https://hexo.example.jp/blog/2024/06/01/hello-hexo/",
      "https://hexo.example.jp/blog/2024/06/02/early-morning/",
      "https://hexo.example.jp/blog/2024/06/02/sub/nested/",
      "https://hexo.example.jp/blog/2024/06/03/date-only/",
      // Its front matter after a blank line, which Hexo skips.
      "https://hexo.example.jp/blog/2024/07/01/blank-first/"}},
    {"zenn",
     "Zenn site (package.json)",
     {"https://zenn.dev/example/articles/zenn-first",
      "https://zenn.dev/example/articles/zenn-dated"}},
    {"qiita",
     "Qiita CLI site (package.json)",
     {"https://qiita.com/example/items/0123456789abcdef0123",
      "https://qiita.com/example/items/new-article"}},
    {"astro",
     "Astro site (astro.config.mjs)",
     {"https://astro.example.jp/blog/first-post/",
      "https://astro.example.jp/blog/using-mdx/",
      "https://astro.example.jp/blog/nested/deep/"}},
    {"eleventy",
     "Eleventy site (eleventy.config.js)",
     {"https://eleventy.example.jp/blog/first/",
      "https://eleventy.example.jp/blog/fourth/"}},
    {"gatsby",
     "Gatsby site (gatsby-config.js)",
     {"https://gatsby.example.jp/hello-world/",
      "https://gatsby.example.jp/Second-Post/",
      "https://gatsby.example.jp/2024/in-a-year/",
      "https://gatsby.example.jp/%E6%97%A5%E6%9C%AC%E8%AA%9E/"}},
    {"docusaurus",
     "Docusaurus site (docusaurus.config.js)",
     {"https://docusaurus.example.jp/site/blog/first-blog-post",
      "https://docusaurus.example.jp/site/blog/2024/11/02/welcome"}},
  };
  ::setenv("TZ", "UTC", 1); // Hexo dates URLs in the machine's zone
  for (const auto& c : cases) {
    SECTION(c.dir)
    {
      const auto out = test::fresh_dir("generators-" + c.dir);
      std::filesystem::path site =
        test::k_source_dir / "tests/data/generators" / c.dir;
      if (c.dir == "zenn" || c.dir == "qiita") {
        // Posts without a date are dated by git.
        site = test::git_fixture(
          site, "generators-git-" + c.dir, "2026-12-02T10:56:11+00:00");
      }
      const site::BuildReport report =
        site::build_site(test::build_options(site, out));
      for (const auto& d : report.diagnostics) {
        INFO(util::format_diagnostic(d));
        CHECK(d.severity == util::Severity::warning);
      }
      CHECK(report.detected.starts_with(c.generator));
      CHECK(report.posts == c.urls.size());
      CHECK(entry_urls(out) == c.urls);
      const std::string feed = outside_code(test::slurp(out / "atom.xml"));
      // `{{ }}` may be text: Hugo leaves it so, Liquid's {% raw %} too.
      for (const char* syntax : {"{%", "%}", "{{<", "{{%", ":::", "@["}) {
        INFO(c.dir << ": " << syntax);
        CHECK(feed.find(syntax) == std::string::npos);
      }
      if (c.dir == "hugo-toml") {
        CHECK(feed.find("{{ .Title }} は Hugo ではただの文字列")
              != std::string::npos);
      }
      if (c.dir == "jekyll") {
        CHECK(feed.find("{{ これはそのまま }}") != std::string::npos);
        CHECK(feed.find("not liquid") == std::string::npos); // in code
      }
    }
  }
}

TEST_CASE("issue 12: a multilingual Hugo site gets one feed per language, "
          "each with its xml:lang, its title and its posts' URLs, and each "
          "page's head.json names its language's feed",
          "[site]")
{
  const auto out = test::fresh_dir("generators-hugo-multilingual");
  const site::BuildReport report = site::build_site(test::build_options(
    test::k_source_dir / "tests/data/generators/hugo-multilingual", out));
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE(report.diagnostics.empty());
  const std::string ja = test::slurp(out / "atom.xml");
  CHECK(ja.find("xml:lang=\"ja-JP\"") != std::string::npos);
  CHECK(ja.find("<title>ふたつの言葉のブログ</title>") != std::string::npos);
  CHECK(ja.find("https://ml.example.jp/posts/translation/")
        != std::string::npos);
  CHECK(ja.find("https://ml.example.jp/posts/only-ja/") != std::string::npos);
  CHECK(ja.find("On translation") == std::string::npos);
  CHECK(ja.find("english-note") == std::string::npos);
  // Hugo's English feed is en/index.xml; ogfeed's sits beside it.
  const std::string en = test::slurp(out / "en/atom.xml");
  CHECK(en.find("xml:lang=\"en-US\"") != std::string::npos);
  CHECK(en.find("<title>A blog in two languages</title>") != std::string::npos);
  CHECK(en.find("https://ml.example.jp/en/posts/translation/")
        != std::string::npos);
  CHECK(en.find("<id>https://ml.example.jp/en/</id>") != std::string::npos);
  // The post that says `lang: en` in the Japanese folder keeps its own URL;
  // "en" and "en-US" are one language, so it joins the English feed.
  CHECK(en.find("https://ml.example.jp/posts/english-note/")
        != std::string::npos);
  CHECK(en.find("<entry xml:lang") == std::string::npos);
  // A tag feed holds every language, each entry marked with its own.
  const std::string tag = test::slurp(out / "tags/翻訳/atom.xml");
  CHECK(tag.find("<entry xml:lang=\"en-US\">") != std::string::npos);
  CHECK(tag.find("翻訳について") != std::string::npos);
  // head.json: each page names the feed its post is in.
  const std::string head = test::slurp(out / "head.json");
  const std::string en_page =
    head_entry(head, "https://ml.example.jp/en/posts/translation/");
  CHECK(en_page.find("title=\\\"A blog in two languages\\\" "
                     "href=\\\"https://ml.example.jp/en/atom.xml\\\"")
        != std::string::npos);
  const std::string ja_page =
    head_entry(head, "https://ml.example.jp/posts/only-ja/");
  CHECK(ja_page.find("href=\\\"https://ml.example.jp/atom.xml\\\"")
        != std::string::npos);
  CHECK(ja_page.find("/en/atom.xml") == std::string::npos);
}

TEST_CASE("issue 12: Hugo's defaultContentLanguageInSubdir puts the default "
          "language's posts under its folder too",
          "[site]")
{
  const auto out = build_in_subdir("hugo-multilingual", "hugo-ml-subdir");
  CHECK(test::slurp(out / "atom.xml")
          .find("https://ml.example.jp/ja/posts/translation/")
        != std::string::npos);
  CHECK(test::slurp(out / "en/atom.xml")
          .find("https://ml.example.jp/en/posts/translation/")
        != std::string::npos);
}

TEST_CASE("a Hugo site's translations named by file suffix (post.en.md, "
          "index.en.md) are in their language's feed, under its folder",
          "[site]")
{
  const auto out = test::fresh_dir("generators-hugo-suffix");
  const site::BuildReport report = site::build_site(test::build_options(
    test::k_source_dir / "tests/data/generators/hugo-suffix", out));
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE(report.diagnostics.empty());
  const std::string ja = test::slurp(out / "atom.xml");
  CHECK(ja.find("<title>訳のあるブログ</title>") != std::string::npos);
  CHECK(ja.find("https://sx.example.jp/posts/hello/") != std::string::npos);
  CHECK(ja.find("https://sx.example.jp/posts/trip/") != std::string::npos);
  CHECK(ja.find("Hello") == std::string::npos);
  CHECK(ja.find("A trip") == std::string::npos);
  // A bundle's other Markdown files are its resources, not posts.
  CHECK(ja.find("下書き") == std::string::npos);
  const std::string en = test::slurp(out / "en/atom.xml");
  CHECK(en.find("xml:lang=\"en-US\"") != std::string::npos);
  CHECK(en.find("<title>A translated blog</title>") != std::string::npos);
  CHECK(en.find("https://sx.example.jp/en/posts/hello/") != std::string::npos);
  CHECK(en.find("https://sx.example.jp/en/posts/trip/") != std::string::npos);
  CHECK(en.find("はじめまして") == std::string::npos);
  // No post is named by its suffix.
  CHECK(ja.find("hello.en") == std::string::npos);
  CHECK(en.find("hello.en") == std::string::npos);
  CHECK(en.find("index.en") == std::string::npos);
  // Its pages name its language's site title and feed.
  const std::string page = head_entry(test::slurp(out / "head.json"),
                                      "https://sx.example.jp/en/posts/hello/");
  CHECK(page.find("og:site_name\\\" content=\\\"A translated blog")
        != std::string::npos);
  CHECK(page.find("https://sx.example.jp/en/atom.xml") != std::string::npos);
}

TEST_CASE("with defaultContentLanguageInSubdir, suffix translations keep "
          "their language and the default one moves under its folder",
          "[site]")
{
  const auto out = build_in_subdir("hugo-suffix", "hugo-suffix-subdir");
  const std::string ja = test::slurp(out / "atom.xml");
  CHECK(ja.find("https://sx.example.jp/ja/posts/hello/") != std::string::npos);
  CHECK(ja.find("Hello") == std::string::npos);
  const std::string en = test::slurp(out / "en/atom.xml");
  CHECK(en.find("https://sx.example.jp/en/posts/hello/") != std::string::npos);
  CHECK(en.find("はじめまして") == std::string::npos);
}

TEST_CASE("issue 22: Astro's heroImage is an asset it renames, so the post "
          "gets a card, an endpoint that builds ogfeed's feed URL is a "
          "warning at its file",
          "[site]")
{
  const auto root = test::fresh_dir("astro-routes");
  std::filesystem::copy(test::k_source_dir / "tests/data/generators/astro",
                        root / "site",
                        std::filesystem::copy_options::recursive);
  const auto site = root / "site";
  std::filesystem::create_directories(site / "src/pages/blog");
  REQUIRE(util::write_file_atomic(site / "src/pages/rss.xml.js",
                                  "export async function GET() {}\n"));
  // A dynamic route names no fixed URL; another endpoint no feed of ours.
  REQUIRE(util::write_file_atomic(site / "src/pages/blog/[slug].json.ts",
                                  "export function GET() {}\n"));
  REQUIRE(util::write_file_atomic(site / "src/pages/search.json.ts",
                                  "export function GET() {}\n"));
  const auto out = root / "out";
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(site, out));
  std::vector<std::string> said;
  for (const auto& d : report.diagnostics) {
    said.push_back(util::format_diagnostic(d));
  }
  CAPTURE(said);
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  const auto rss_warning =
    std::count_if(said.begin(), said.end(), [&](const std::string& s) {
      return s.starts_with((site / "src/pages/rss.xml.js").string()
                           + ": warning: this file builds /rss.xml, and so "
                             "does ogfeed (rss.xml)")
             && s.ends_with("(feeds.rss_file)");
    });
  CHECK(rss_warning == 1);
  for (const auto& s : said) {
    CHECK(s.find("json.ts") == std::string::npos);
  }
  const std::string head = test::slurp(out / "head.json");
  CHECK(head.find("og:image\\\" content=\\\"https://astro.example.jp/cards/")
        != std::string::npos);
  CHECK(head.find("assets/blog-placeholder") == std::string::npos);
}
