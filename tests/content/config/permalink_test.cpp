#include "content/config/permalink.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

content::Post
post_at(long long unix_seconds)
{
  content::Post p;
  p.slug = "hello";
  p.date = util::UtcSeconds{std::chrono::seconds{unix_seconds}};
  return p;
}

} // namespace

TEST_CASE("permalink: tokens, dates in the site's zone", "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  // 2024-12-31T16:30:00Z is already 2025-01-01 in Tokyo.
  content::Post p = post_at(1735662600);
  p.categories = {"技術 メモ"};
  CHECK(content::permalink_url(
          "/:year/:month/:day/:slug/", "https://e.example/", p, tokyo)
        == "https://e.example/2025/01/01/hello/");
  CHECK(content::permalink_url(
          "/:category/:slug.html", "https://e.example/blog/", p, tokyo)
        == "https://e.example/blog/%E6%8A%80%E8%A1%93%20%E3%83%A1%E3%83%A2/"
           "hello.html");
  const util::TimeZone utc = *util::TimeZone::locate("UTC");
  CHECK(content::permalink_url("/:year/:slug/", "https://e.example/", p, utc)
        == "https://e.example/2024/hello/");
}

TEST_CASE("permalink: an empty category drops its segment, a slug is encoded",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::Post p = post_at(1716000000);
  p.slug = "a b?c";
  CHECK(
    content::permalink_url("/:category/:slug/", "https://e.example/", p, tokyo)
    == "https://e.example/a%20b%3Fc/");
}

TEST_CASE("permalink: a bad pattern suggests the near token", "[content]")
{
  CHECK(content::check_permalink_pattern("/:year/:slug/"));
  auto bad = content::check_permalink_pattern("/:yaer/:slug/");
  REQUIRE(!bad);
  CHECK(bad.error().message
        == "unknown permalink token ':yaer', did you mean ':year'?");
  CHECK(!content::check_permalink_pattern("posts/:slug/"));
}

TEST_CASE("issue 9: generators' permalink tokens", "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::Post p = post_at(1735662600); // 2025-01-01 01:30 in Tokyo
  p.title = "Hello, World: 日本語 Title!";
  p.file_name = "2025-01-01-hello";
  p.folder = "posts/2025";
  p.categories = {"Tech", "Go Lang"};
  p.params["id"] = "abc123";
  auto url = [&](const char* pattern) {
    return content::permalink_url(pattern, "https://e.example/", p, tokyo);
  };
  CHECK(url("/:sections/:slug/") == "https://e.example/posts/2025/hello/");
  CHECK(url("/:section/:filename/")
        == "https://e.example/posts/2025-01-01-hello/");
  CHECK(url("/:path/") == "https://e.example/posts/2025/2025-01-01-hello/");
  CHECK(url("/:categories/:i_month/:i_day/:short_year/:slug:output_ext")
        == "https://e.example/tech/go%20lang/1/1/25/hello.html");
  CHECK(url("/:title/")
        == "https://e.example/hello-world-%E6%97%A5%E6%9C%AC%E8%AA%9E-title/");
  // No slug in front matter: Hugo's urlized title, its case left to the
  // site's URL rules (Hugo lower-cases unless disablePathToLower).
  CHECK(url("/:slugortitle/")
        == "https://e.example/Hello-World-%E6%97%A5%E6%9C%AC%E8%AA%9E-Title/");
  content::UrlRules hugo;
  hugo.lower_case = true;
  CHECK(content::permalink_url(
          "/:slugortitle/", "https://e.example/", p, tokyo, hugo)
        == url("/:title/"));
  p.slug_given = true;
  CHECK(url("/:slugortitle/") == "https://e.example/hello/");
  CHECK(url("/items/:id") == "https://e.example/items/abc123");
  CHECK(url("/:monthname/:hour:minute/") == "https://e.example/january/0130/");
  CHECK(content::urlize("  Go 1.22: What's  New?  ") == "go-1.22-whats-new");
}

TEST_CASE("issue 21: Hugo's URL rules as the generator applies them",
          "[content]")
{
  content::UrlRules hugo;
  hugo.sanitized = true;
  hugo.urlized_section_tokens = true;
  hugo.lower_case = true;
  hugo.trailing_slash = true;
  // Lower case (Unicode), spaces as '-', escapes kept.
  CHECK(content::apply_url_rules("Notes/Upper%20Case%E6%97%A5", hugo, false)
        == "notes/upper-case%E6%97%A5/");
  // A URL written out keeps its case; only the slash is added, and not
  // after a segment with a '.'.
  CHECK(content::apply_url_rules("Special/Own-URL", hugo, true)
        == "Special/Own-URL/");
  CHECK(content::apply_url_rules("feed.xml", hugo, true) == "feed.xml");
  // A pattern's path always ends in '/' (hugo 0.111.3: /:filename.html is
  // /name.html/), or in ".html" with uglyURLs.
  CHECK(content::apply_url_rules("a/x.y", hugo, false) == "a/x.y/");
  content::UrlRules ugly = hugo;
  ugly.ugly = true;
  CHECK(content::apply_url_rules("posts/Upper-Case/", ugly, false)
        == "posts/upper-case.html");
  CHECK(content::apply_url_rules("about-3li3.com", ugly, false)
        == "about-3li3.com.html");
  CHECK(content::apply_url_rules("own/page", ugly, true) == "own/page/");

  // Each row as hugo 0.111.3 published it (a file named so, its URL by
  // default and under `permalinks: {posts: /:filename}`).
  const util::TimeZone utc = *util::TimeZone::locate("UTC");
  struct Row
  {
    const char* file;
    const char* by_default;
    const char* by_section;
  };
  const Row rows[] = {
    {"a+b", "posts/a+b/", "a-b/"},
    {"  sp  ", "posts/-sp-/", "sp/"},
    {"a - b", "posts/a-b/", "a-b/"},
    {"A&B", "posts/ab/", "ab/"},
    {"\u00dcn\u00ef", "posts/%C3%BCn%C3%AF/", "%C3%BCn%C3%AF/"},
    {"C++入門", "posts/c++%E5%85%A5%E9%96%80/", "c-%E5%85%A5%E9%96%80/"},
    {"Go: 入門 (1)",
     "posts/go-%E5%85%A5%E9%96%80-1/",
     "go-%E5%85%A5%E9%96%80-1/"},
    {"a%20b", "posts/a%20b/", "a-b/"},
    {"a%2Bb", "posts/a%2bb/", "a+b/"},
    {"a%zz", "posts/azz/", "azz/"},
    {"a@b~c_d", "posts/a@b~c_d/", "a@b~c_d/"},
    {"a--b", "posts/a--b/", "a--b/"},
    {"タイトル\u3000全角",
     "posts/%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB-%E5%85%A8%E8%A7%92/",
     "%E3%82%BF%E3%82%A4%E3%83%88%E3%83%AB-%E5%85%A8%E8%A7%92/"},
    {"a😀b①", "posts/ab/", "ab/"},
  };
  for (const Row& row : rows) {
    content::Post p = post_at(1735662600);
    p.folder = "posts";
    p.file_name = p.slug = row.file;
    CAPTURE(row.file);
    CHECK(content::permalink_url(
            "/:sections/:slug/", "https://e.example/", p, utc, hugo, false)
          == std::string("https://e.example/") + row.by_default);
    CHECK(content::permalink_url(
            "/:filename", "https://e.example/", p, utc, hugo, true)
          == std::string("https://e.example/") + row.by_section);
  }
}

TEST_CASE("issue 22: a permalink on another host (Zenn, Qiita) while the "
          "feeds are published on the user's own site",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::Post p = post_at(1735662600);
  p.file_name = "2025-01-01-hello";
  CHECK(
    content::check_permalink_pattern("https://zenn.dev/me/articles/:filename"));
  CHECK(content::permalink_url("https://zenn.dev/me/articles/:filename",
                               "https://me.github.io/zenn-feed/",
                               p,
                               tokyo)
        == "https://zenn.dev/me/articles/2025-01-01-hello");
  CHECK_FALSE(content::check_permalink_pattern("zenn.dev/:slug"));
}

TEST_CASE("issue 21: :param_NAME is a front-matter value (Hexo's :abbrlink)",
          "[content]")
{
  const util::TimeZone utc = *util::TimeZone::locate("UTC");
  content::Post p = post_at(1716000000);
  p.params["abbrlink"] = "4a1b 2c";
  CHECK(content::check_permalink_pattern("/posts/:param_abbrlink.html"));
  CHECK_FALSE(content::check_permalink_pattern("/posts/:param_.html"));
  CHECK(content::permalink_url(
          "/posts/:param_abbrlink.html", "https://e.example/", p, utc)
        == "https://e.example/posts/4a1b%202c.html");
  CHECK(content::permalink_url(
          "/:year/:param_missing/:slug/", "https://e.example/", p, utc)
        == "https://e.example/2024/hello/");
}
