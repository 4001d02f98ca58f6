#include "site/report_json.hpp"
#include "site/site_build.hpp"
#include "test_support.hpp"
#include "util/ascii.hpp"
#include "util/json_tree.hpp"

#include <stdlib.h>

#include <map>
#include <set>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

const fs::path k_sites = test::k_source_dir / "tests/data/sites";

std::map<std::string, std::string>
read_tree(const fs::path& dir)
{
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    // The lock file stays; the manifest is checked where it matters.
    if (e.is_regular_file() && e.path().parent_path().filename() != ".ogfeed") {
      files[fs::relative(e.path(), dir).string()] = test::slurp(e.path());
    }
  }
  return files;
}

// A fresh site named `name`: an ogfeed.yaml with `title` and `base_url`,
// and `posts` (path below posts/ -> text).
fs::path
site_with(const std::string& name,
          const std::string& base_url,
          const std::map<std::string, std::string>& posts)
{
  const fs::path root = test::fresh_dir(name);
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml", "title: " + name + "\nbase_url: " + base_url + "\n"));
  for (const auto& [path, text] : posts) {
    REQUIRE(util::write_file_atomic(root / "posts" / path, text));
  }
  return root;
}

site::BuildOptions
options_for(const fs::path& site, const fs::path& out)
{
  return test::build_options(site, out);
}

} // namespace

TEST_CASE("site build: the same input gives the same bytes, whatever TZ says",
          "[site]")
{
  const fs::path a = test::fresh_dir("same-a");
  const fs::path b = test::fresh_dir("same-b");
  ::setenv("TZ", "America/Los_Angeles", 1);
  ::tzset();
  site::build_site(options_for(test::k_source_dir / "examples/blog", a));
  ::setenv("TZ", "Pacific/Kiritimati", 1);
  ::tzset();
  site::build_site(options_for(test::k_source_dir / "examples/blog", b));
  ::unsetenv("TZ");
  ::tzset();
  const auto first = read_tree(a);
  // 16 feeds in three formats, archive/1 as Atom and RSS, feed.xsl,
  // feed.html and head.json.
  CHECK(first.size() == 53);
  CHECK(first == read_tree(b));
  CHECK(first.at("atom.xml")
          .find("<published>2024-03-09T00:00:00+09:00</published>")
        != std::string::npos);
}

TEST_CASE("site build: a failed build leaves the previous outputs untouched",
          "[site]")
{
  const fs::path out = test::fresh_dir("failed");
  REQUIRE(util::write_file_atomic(out / "atom.xml", "previous"));
  const site::BuildReport report =
    site::build_site(options_for(k_sites / "errors", out));
  CHECK(report.diagnostics.size() == 4);
  CHECK(report.written.empty());
  CHECK(test::slurp(out / "atom.xml") == "previous");
  CHECK(read_tree(out).size() == 1); // no temporary files left behind
  CHECK(!fs::exists(test::state_of(out) / "staging"));
}

TEST_CASE("issue 7: a bad config value leaves every earlier output as it was",
          "[site]")
{
  const fs::path root = test::fresh_dir("bad-config-site");
  test::copy_example_blog(root);
  const fs::path out = root / "public";
  REQUIRE(
    !util::has_error(site::build_site(options_for(root, out)).diagnostics));
  const auto before = read_tree(out);
  std::string config = test::slurp(root / "ogfeed.yaml");
  const std::size_t at = config.find("language: ja\n");
  REQUIRE(at != std::string::npos);
  config.replace(at, 12, "language: english");
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml", config));
  const site::BuildReport report = site::build_site(options_for(root, out));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(util::format_diagnostic(report.diagnostics[0])
        == (root / "ogfeed.yaml").string()
             + ":5:11: error: 'language' must be a language tag such as 'ja' "
               "or 'en-US', got \"english\"");
  CHECK(report.published == site::Published::nothing);
  CHECK(read_tree(out) == before);
}

TEST_CASE("site build: tag feeds for any tag, drafts and future posts left out",
          "[site]")
{
  const fs::path out = test::fresh_dir("tags");
  const site::BuildReport report =
    site::build_site(options_for(k_sites / "tags", out));
  REQUIRE(report.diagnostics.empty());
  CHECK(report.posts == 2);
  const auto files = read_tree(out);
  for (const char* dir : {"tags/日本語/",
                          "tags/with space/",
                          "tags/a-b/",
                          "tags/%2E%2E/",
                          "tags/C++/",
                          "categories/雑記/"}) {
    INFO(dir);
    CHECK(files.count(std::string(dir) + "atom.xml") == 1);
    CHECK(files.count(std::string(dir) + "rss.xml") == 1);
  }
  CHECK(files.size() == 15); // 14 feeds and head.json
  CHECK(files.count("head.json") == 1);
  const std::string& tag = files.at("tags/日本語/rss.xml");
  CHECK(
    tag.find(
      "<atom:link href=\"https://tags.example/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/"
      "rss.xml\" rel=\"self\"")
    != std::string::npos);
  CHECK(tag.find("future") == std::string::npos);
  // "a/b" and "a-b" share a folder, so they share one feed with both posts.
  const std::string& ab = files.at("tags/a-b/atom.xml");
  CHECK(ab.find("<title>one</title>") != std::string::npos);
  CHECK(ab.find("<title>two</title>") != std::string::npos);
}

TEST_CASE("site build: the future is measured against the injected clock",
          "[site]")
{
  const fs::path out = test::fresh_dir("future");
  site::BuildOptions options = options_for(k_sites / "tags", out);
  options.future = site::FuturePosts::include;
  CHECK(site::build_site(options).posts == 3);
  options.future = site::FuturePosts::skip;
  options.now =
    util::UtcSeconds{std::chrono::seconds{4102444800 + 86400 * 365}};
  CHECK(site::build_site(options).posts == 3);
}

TEST_CASE("issue 21: two posts with one permalink: a warning, as the "
          "generators build such a site, the older is left out",
          "[site]")
{
  const fs::path root = site_with(
    "dup-site",
    "https://d.example/",
    {{"a.md", "---\ntitle: a\ndate: 2020-01-01\nslug: same\n---\n"},
     {"b.md", "---\ntitle: b\ndate: 2020-01-02\nslug: same\n---\n"},
     // Newest, and left out: the kept posts move up past it.
     {"c.md", "---\ntitle: c\ndate: 2020-01-03\ndraft: true\n---\n"}});
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.published == site::Published::all);
  CHECK(report.posts == 1);
  CHECK(
    util::format_diagnostic(report.diagnostics[0])
    == (root / "posts/a.md").string()
         + ":1:1: warning: permalink 'https://d.example/posts/same/' is also "
           "used by "
         + (root / "posts/b.md").string()
         + ", so the generator publishes only one page there; this post is "
           "left out of the feeds (give one of them another 'slug', or add "
           ":year/:month/:day to the site's 'permalink')");
}

TEST_CASE("issue 9: Hugo's publishDate and expiryDate, a post's own url",
          "[site]")
{
  const fs::path root = site_with(
    "hugo-dates",
    "https://h.example/",
    {{"live.md",
      "---\ntitle: live\ndate: 2024-01-01\nurl: /custom/live/\n---\n"},
     {"later.md",
      "---\ntitle: later\ndate: 2024-01-01\npublishDate: 2031-01-01\n---\n"},
     {"gone.md",
      "---\ntitle: gone\ndate: 2024-01-01\nexpiryDate: 2025-01-01\n---\n"}});
  const fs::path out = root / "public";
  site::BuildReport report = site::build_site(options_for(root, out));
  REQUIRE(!util::has_error(report.diagnostics));
  CHECK(report.posts == 1);
  CHECK(test::slurp(out / "atom.xml").find("https://h.example/custom/live/")
        != std::string::npos);
  site::BuildOptions future = options_for(root, out);
  future.future = site::FuturePosts::include;
  CHECK(site::build_site(future).posts == 2);
}

TEST_CASE("issue 9: a broken draft never fails a build, unless --drafts",
          "[site]")
{
  const fs::path root = site_with(
    "broken-draft",
    "https://d.example/",
    {{"ok.md", "---\ntitle: ok\ndate: 2024-01-01\n---\n"},
     {"wip.md", "---\ntitle: \"\"\ndate: someday\npublished: false\n---\n"}});
  const fs::path out = root / "public";
  const site::BuildReport report = site::build_site(options_for(root, out));
  CHECK(!util::has_error(report.diagnostics));
  CHECK(report.posts == 1);
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(util::format_diagnostic(report.diagnostics[0])
        == (root / "posts/wip.md").string()
             + ":2:8: warning: 'title' must not be empty (a draft: left out; "
               "with --drafts this is an error)");
  site::BuildOptions drafts = options_for(root, out);
  drafts.drafts = site::Drafts::include;
  const site::BuildReport strict = site::build_site(drafts);
  CHECK(util::has_error(strict.diagnostics));
  CHECK(strict.published == site::Published::nothing);
}

TEST_CASE("issue 12: a warning about a post's content is said once, not once "
          "per feed",
          "[site]")
{
  const fs::path root =
    site_with("not-html-once",
              "https://n.example/",
              {{"g.md",
                "---\ntitle: g\ndate: 2024-01-01\ntags: [java, generics]\n---\n"
                "Use List<String> here\n"}});
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].severity == util::Severity::warning);
  CHECK(report.diagnostics[0].message.starts_with(
    "generated feed: feed-not-html: content has <String>"));
  CHECK(report.diagnostics[0].message.ends_with("(and in 5 more feeds)"));
}

TEST_CASE("issue 12: feeds.content summary, <!--more-->, summary_length",
          "[site]")
{
  const fs::path root = site_with(
    "content-summary",
    "https://s.example/",
    {{"more.md",
      "---\ntitle: more\ndate: 2024-01-02\n---\nIntro text.\n\n<!--more-->\n\n"
      "The rest.\n"},
     {"long.md",
      "---\ntitle: long\ndate: 2024-01-01\n---\n"
      "今日は晴れです。明日は雨が降るでしょう。明後日は分かりません。\n"}});
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: s\nbase_url: https://s.example/\n"
                                  "feeds:\n  content: summary\n"
                                  "  summary_length: 12\n"
                                  "  formats: [atom, rss, json]\n"));
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  const std::string atom = test::slurp(root / "public/atom.xml");
  CHECK(atom.find("<content") == std::string::npos);
  CHECK(atom.find("<summary>Intro text.</summary>") != std::string::npos);
  CHECK(atom.find("<summary>今日は晴れです。</summary>") != std::string::npos);
  CHECK(test::slurp(root / "public/rss.xml").find("content:encoded")
        == std::string::npos);
  const std::string json = test::slurp(root / "public/feed.json");
  CHECK(json.find("\"content_text\": \"Intro text.\"") != std::string::npos);
  CHECK(json.find("content_html") == std::string::npos);
}

TEST_CASE("issue 12: feeds.stylesheet writes feed.xsl and links it, icon, "
          "logo and the author's avatar reach every format",
          "[site]")
{
  const fs::path root =
    site_with("stylesheet",
              "https://x.example/blog/",
              {{"a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nA\n"}});
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml",
    "title: x\nbase_url: https://x.example/blog/\nicon: /favicon.png\n"
    "logo: img/logo.png\nauthor:\n  name: A\n  avatar: /img/a.png\n"
    "feeds:\n  stylesheet: true\n"
    "  formats: [atom, rss, json]\n  tags: false\n  categories: false\n"));
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  // Relative (issue 22): the page works on previews and local servers too.
  const std::string pi = "<?xml-stylesheet type=\"text/xsl\" "
                         "href=\"feed.xsl\"?>";
  const std::string atom = test::slurp(root / "public/atom.xml");
  const std::string rss = test::slurp(root / "public/rss.xml");
  CHECK(atom.find(pi) != std::string::npos);
  CHECK(rss.find(pi) != std::string::npos);
  CHECK(test::slurp(root / "public/feed.xsl").find("<xsl:stylesheet")
        != std::string::npos);
  CHECK(atom.find("<icon>https://x.example/blog/favicon.png</icon>")
        != std::string::npos);
  CHECK(atom.find("<logo>https://x.example/blog/img/logo.png</logo>")
        != std::string::npos);
  CHECK(rss.find(
          "<image>\n      <url>https://x.example/blog/img/logo.png</url>\n"
          "      <title>x</title>\n      <link>https://x.example/blog/</link>")
        != std::string::npos);
  const std::string json = test::slurp(root / "public/feed.json");
  CHECK(json.find("\"icon\": \"https://x.example/blog/img/logo.png\"")
        != std::string::npos);
  CHECK(json.find("\"favicon\": \"https://x.example/blog/favicon.png\"")
        != std::string::npos);
  // JSON Feed 1.1's author avatar, as absolute as the icons.
  CHECK(json.find("\"avatar\": \"https://x.example/blog/img/a.png\"")
        != std::string::npos);
}

TEST_CASE("issue 12: head.json holds each published post's OGP and feed "
          "discovery tags",
          "[site]")
{
  const fs::path root = site_with(
    "head-json",
    "https://h.example/",
    {{"a.md",
      "---\ntitle: A & <b>\ndate: 2024-01-01\ndescription: about a\n"
      "image: /img/a.png\n---\nA\n"},
     {"b.md", "---\ntitle: b\ndate: 2024-01-02\ndraft: true\n---\nB\n"}});
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  const std::string head = test::slurp(root / "public/head.json");
  CHECK(head.find("posts/b/") == std::string::npos); // a draft
  CHECK(
    head
    == "{\n  \"https://h.example/posts/a/\": {\"html\": \""
       "<meta property=\\\"og:title\\\" content=\\\"A &amp; &lt;b&gt;\\\">\\n"
       "<meta property=\\\"og:description\\\" content=\\\"about a\\\">\\n"
       "<meta property=\\\"og:url\\\" content=\\\"https://h.example/posts/a/"
       "\\\">\\n"
       "<meta property=\\\"og:type\\\" content=\\\"article\\\">\\n"
       "<meta property=\\\"og:site_name\\\" content=\\\"head-json\\\">\\n"
       "<meta property=\\\"og:image\\\" content=\\\"https://h.example/img/"
       "a.png\\\">\\n"
       "<meta property=\\\"og:image:alt\\\" content=\\\"A &amp; &lt;b&gt;"
       "\\\">\\n"
       "<meta property=\\\"twitter:card\\\" content=\\\"summary_large_image"
       "\\\">\\n"
       "<link rel=\\\"alternate\\\" type=\\\"application/atom+xml\\\" "
       "title=\\\"head-json\\\" href=\\\"https://h.example/atom.xml\\\">\\n"
       "<link rel=\\\"alternate\\\" type=\\\"application/rss+xml\\\" "
       "title=\\\"head-json\\\" href=\\\"https://h.example/rss.xml\\\">\\n"
       "\"}\n}\n");
}

TEST_CASE("a page bundle whose image is not beside it gets a card and a "
          "warning, not a broken og:image",
          "[site]")
{
  const fs::path root = test::fresh_dir("bundle-image");
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: t\nbase_url: https://b.example/\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/gone/index.md",
    "---\ntitle: gone\ndate: 2024-01-01\nimage: cover.png\n---\nx\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/here/index.md",
    "---\ntitle: here\ndate: 2024-01-02\nimage: cover.png\n---\nx\n"));
  REQUIRE(util::write_file_atomic(root / "posts/here/cover.png", "png"));
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(root, root / "public"));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(util::format_diagnostic(report.diagnostics[0])
        == (root / "posts/gone/index.md").string()
             + ":1:1: warning: its image \"cover.png\" is not beside it in "
               "its bundle; a card is drawn instead");
  CHECK(fs::exists(root / "public/cards/gone.png"));
  CHECK_FALSE(fs::exists(root / "public/cards/here.png"));
  const std::string feed = test::slurp(root / "public/atom.xml");
  CHECK(feed.find("https://b.example/posts/here/cover.png")
        != std::string::npos);
}

TEST_CASE("issue 20: posts whose card names come out alike get cards of their "
          "own",
          "[site]")
{
  const fs::path root = test::fresh_dir("card-collide");
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: t\nbase_url: https://c.example/\n"
                                  "permalink: /:section/:slug/\n"));
  for (const char* file : {"posts/a/x.md",
                           "posts/b/x.md",
                           "posts/c/a-x.md",
                           "posts/d/Foo.md",
                           "posts/e/foo.md"}) {
    REQUIRE(util::write_file_atomic(root / file,
                                    std::string("---\ntitle: ") + file
                                      + "\ndate: 2024-01-01\n---\nx\n"));
  }
  const fs::path out = test::fresh_dir("card-collide-out");
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(root, out));
  REQUIRE(!util::has_error(report.diagnostics));
  std::set<std::string> cards;
  for (const auto& c : report.card_records) {
    cards.insert(util::ascii_lower(c.path));
  }
  CHECK(report.card_records.size() == 5);
  CHECK(cards.size() == 5);
}

TEST_CASE("issue 21: a theme's shortcode ogfeed does not know is said once "
          "per build, with how many more posts use it",
          "[site]")
{
  const std::string body = "{{< link-card \"https://example.com\" >}}\n";
  const fs::path root =
    site_with("unknown-shortcodes",
              "https://u.example/",
              {{"a.md", "---\ntitle: a\ndate: 2020-01-01\n---\n" + body},
               {"b.md", "---\ntitle: b\ndate: 2020-01-02\n---\n" + body},
               {"c.md", "---\ntitle: c\ndate: 2020-01-03\n---\n" + body}});
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(util::format_diagnostic(report.diagnostics[0])
        == (root / "posts/c.md").string()
             + ":5:1: warning: Hugo shortcode 'link-card' dropped (and in 2 "
               "more posts)");
}

TEST_CASE("issue 22: og:description is the post's description, else its "
          "excerpt (as Hugo and jekyll-seo-tag), never the site's subtitle",
          "[site]")
{
  const fs::path root = site_with(
    "og-description",
    "https://d.example/",
    {{"a.md",
      "---\ntitle: a\ndate: 2020-01-01\ndescription: 説明です\n---\n本文 A\n"},
     {"b.md",
      "---\ntitle: b\ndate: 2020-01-02\n---\n最初の段落です。\n\n<!--more-->\n"
      "続き\n"}});
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml",
    "title: t\nbase_url: https://d.example/\nsubtitle: サイトの説明\n"));
  const site::BuildReport report =
    site::build_site(options_for(root, root / "public"));
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  const std::string head = test::slurp(root / "public/head.json");
  CHECK(head.find("og:description\\\" content=\\\"説明です\\\"")
        != std::string::npos);
  CHECK(head.find("og:description\\\" content=\\\"最初の段落です。\\\"")
        != std::string::npos);
  CHECK(head.find("サイトの説明") == std::string::npos);
}

TEST_CASE("issue 22: a post's image that names no file of the site warns, "
          "a relative one is below the site (static/), as Hugo reads it",
          "[site]")
{
  const fs::path root = site_with(
    "post-images",
    "https://i.example/blog/",
    {{"a.md",
      "---\ntitle: a\ndate: 2020-01-01\nimage: /images/none.png\n---\nx\n"},
     {"b.md",
      "---\ntitle: b\ndate: 2020-01-02\nimage: images/here.png\n---\nx\n"},
     {"c.md",
      "---\ntitle: c\ndate: 2020-01-03\nimage: "
      "https://cdn.example/c.png\n---\nx\n"}});
  REQUIRE(util::write_file_atomic(root / "static/images/here.png", "png"));
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(root, root / "public"));
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(util::format_diagnostic(report.diagnostics[0])
        == (root / "posts/a.md").string()
             + ": warning: its 'image' \"/images/none.png\" names no file of "
               "the site (looked beside it and below the site, static/, "
               "public/, source/, assets/): its og:image points nowhere");
  const std::string head = test::slurp(root / "public/head.json");
  CHECK(head.find("content=\\\"https://i.example/blog/images/here.png\\\"")
        != std::string::npos);
  const std::string feed = test::slurp(root / "public/atom.xml");
  CHECK(feed.find("https://i.example/blog/images/here.png")
        != std::string::npos);
}

TEST_CASE("issue 25: every JSON ogfeed writes parses with a strict JSON "
          "parser, control characters and quotes escaped",
          "[site]")
{
  // A title with a tab, a control character, quotes, a backslash, a
  // surrogate-pair emoji and U+2028 (valid JSON, a JavaScript trap).
  const std::string title = "a\\tb \\u0001 \\\"q\\\" \\\\ 🎉 \\u2028 end";
  const fs::path root = site_with(
    "json-site",
    "https://j.example/",
    {{"a.md", "---\ntitle: \"" + title + "\"\ndate: 2020-01-01\n---\nbody\n"}});
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml",
    "title: \"J \\\"site\\\"\"\nbase_url: https://j.example/\n"
    "feeds:\n  formats: [atom, rss, json]\n"));
  site::BuildOptions options = options_for(root, root / "public");
  const site::BuildReport report = site::build_site(options);
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  for (const char* file : {"head.json", "feed.json"}) {
    INFO(file);
    const auto parsed = util::parse_json(test::slurp(root / "public" / file));
    if (!parsed) {
      FAIL(parsed.error().message);
    }
    REQUIRE(parsed->kind == util::JsonValue::Kind::object);
  }
  const auto feed = util::parse_json(test::slurp(root / "public/feed.json"));
  REQUIRE(feed);
  const util::JsonValue* items = feed->find("items");
  REQUIRE(items != nullptr);
  REQUIRE(items->items.size() == 1);
  const util::JsonValue* t = items->items[0].find("title");
  REQUIRE(t != nullptr);
  // What the reader sees: the text as written (the control character is no
  // character a feed may hold, so ogfeed drops it from every output).
  CHECK(t->text.starts_with("a\tb "));
  CHECK(t->text.find("\"q\" \\ 🎉 \u2028 end") != std::string::npos);
  CHECK(t->text.find('\x01') == std::string::npos);
  // The build report too.
  const auto json = util::parse_json(site::build_report_json(report));
  CHECK(json.has_value());
}
