#include "feed/feed_planner.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

TEST_CASE("feed plan: taxonomy folders can never leave the output folder",
          "[feed]")
{
  CHECK(feed::taxonomy_folder("日本語") == "日本語");
  CHECK(feed::taxonomy_folder("with space") == "with space");
  CHECK(feed::taxonomy_folder("a/b") == "a-b");
  CHECK(feed::taxonomy_folder("..\\..\\etc") == "..-..-etc");
  CHECK(feed::taxonomy_folder("..") == "%2E%2E");
  CHECK(feed::taxonomy_folder(".") == "%2E");
  CHECK(feed::taxonomy_folder(std::string(300, 'x')).size() == 200);
}

TEST_CASE("feed plan: main feed, tag and category feeds, each within the limit",
          "[feed]")
{
  content::SiteConfig config;
  config.title = "T";
  config.base_url = "https://example.com/";
  config.feeds.limit = 2;
  std::vector<content::Post> posts(3);
  posts[0].tags = {"日本語", "Go"};
  posts[1].tags = {"日本語"};
  posts[1].categories = {"雑記"};
  posts[2].tags = {"日本語"};
  const auto plans = feed::plan_feeds(posts, config);
  REQUIRE(plans.size() == 4);
  CHECK(plans[0].dir.empty());
  CHECK(plans[0].posts.size() == 2);
  CHECK(plans[1].dir == "tags/Go/");
  CHECK(plans[2].dir == "tags/日本語/");
  CHECK(plans[2].url_dir == "tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/");
  CHECK(plans[2].alternate
        == "https://example.com/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/");
  CHECK(plans[2].title == "T - 日本語");
  CHECK(plans[2].posts
        == std::vector<const content::Post*>{&posts[0], &posts[1]});
  CHECK(plans[3].dir == "categories/雑記/");

  config.feeds.per_tag = false;
  config.feeds.per_category = false;
  CHECK(feed::plan_feeds(posts, config).size() == 1);
}

TEST_CASE("issue 12: posts in another language get that language's feed",
          "[feed]")
{
  content::SiteConfig config;
  config.title = "T";
  config.base_url = "https://example.com/";
  config.language = "ja";
  config.feeds.per_tag = false;
  config.feeds.per_category = false;
  std::vector<content::Post> posts(4);
  posts[0].language = "fr";
  posts[1].language = "ja-JP"; // the site's language
  posts[3].language = "FR";
  auto plans = feed::plan_feeds(posts, config);
  REQUIRE(plans.size() == 2);
  CHECK(plans[0].language == "ja");
  CHECK(plans[0].posts
        == std::vector<const content::Post*>{&posts[1], &posts[2]});
  CHECK(plans[1].dir == "fr/");
  CHECK(plans[1].alternate == "https://example.com/fr/");
  CHECK(plans[1].language == "fr");
  CHECK(plans[1].posts
        == std::vector<const content::Post*>{&posts[0], &posts[3]});

  config.feeds.per_language = false; // one feed, each entry marked
  plans = feed::plan_feeds(posts, config);
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].posts.size() == 4);
}

TEST_CASE("issue 20: tags that differ only by case share one feed, with a "
          "warning",
          "[feed]")
{
  content::SiteConfig config;
  config.title = "t";
  config.base_url = "https://e.example/";
  std::vector<content::Post> posts(2);
  posts[0].tags = {"Go", "\u30AC"};               // ガ, composed
  posts[1].tags = {"go", "Rust", "\u30AB\u3099"}; // カ + dakuten
  util::Diagnostics notes;
  const auto plans = feed::plan_feeds(posts, config, &notes);
  std::vector<std::string> dirs;
  for (const auto& p : plans) {
    dirs.push_back(p.dir);
  }
  CHECK(
    dirs
    == std::vector<std::string>{"", "tags/Go/", "tags/Rust/", "tags/\u30AC/"});
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].message
        == "tags 'Go', 'go' differ only by case or Unicode form; they share "
           "one feed, tags/Go/");
}
