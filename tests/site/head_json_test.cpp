#include "site/head_json.hpp"
#include "util/json_tree.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

// head.json whole: its pieces joined.
std::string
head_json(const std::vector<content::Post>& posts,
          const std::vector<std::optional<feed::CardRef>>& cards,
          const std::vector<std::string>& summaries,
          const content::SiteConfig& config)
{
  std::string out;
  CHECK(site::write_head_json(
    posts, cards, summaries, config, 1, [&](std::string_view piece) {
      out += piece;
      return true;
    }));
  return out;
}

} // namespace

TEST_CASE("head.json: written in pieces, the same bytes as whole",
          "[site][issue25]")
{
  content::SiteConfig config;
  config.title = "Blog";
  config.base_url = "https://example.com/";
  std::vector<content::Post> posts(3000);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    posts[i].title = "記事 " + std::to_string(i) + " <\"&>";
    posts[i].description = "説明\n" + std::to_string(i);
    posts[i].permalink =
      "https://example.com/posts/" + std::to_string(i % 1000) + "/";
  }
  const std::vector<std::optional<feed::CardRef>> cards(posts.size());
  const std::vector<std::string> summaries(posts.size());
  const std::string whole = head_json(posts, cards, summaries, config);
  std::vector<std::string> pieces;
  // On two threads, the same bytes as on one.
  CHECK(site::write_head_json(
    posts, cards, summaries, config, 2, [&](std::string_view piece) {
      pieces.emplace_back(piece);
      return true;
    }));
  CHECK(pieces.size() > 2);
  std::string joined;
  for (const auto& p : pieces) {
    CHECK(p.size() <= 80 * 1024);
    joined += p;
  }
  CHECK(joined == whole);
  // Of three posts at one permalink, the last; 1,000 permalinks in all.
  CHECK(whole.find("記事 2999 ") != std::string::npos);
  CHECK(whole.find("記事 1999 ") == std::string::npos);
  CHECK(std::count(whole.begin(), whole.end(), '\n') == 1002);
  std::size_t calls = 0;
  CHECK(!site::write_head_json(
    posts, cards, summaries, config, 2, [&](std::string_view) {
      ++calls;
      return false;
    }));
  CHECK(calls == 1); // stops at the first refusal
}

TEST_CASE("head.json: no post, one post, and a group's edge parse as JSON "
          "with every member once",
          "[site][issue25]")
{
  content::SiteConfig config;
  config.title = "Blog";
  config.base_url = "https://example.com/";
  // 64 posts make one piece: 63, 64, 65 and 129 straddle the edges.
  for (const std::size_t n : {0, 1, 63, 64, 65, 129}) {
    std::vector<content::Post> posts(n);
    for (std::size_t i = 0; i < n; ++i) {
      posts[i].title = "T\"" + std::to_string(i);
      posts[i].permalink = "https://example.com/" + std::to_string(i) + "/";
    }
    const std::string json =
      head_json(posts,
                std::vector<std::optional<feed::CardRef>>(n),
                std::vector<std::string>(n),
                config);
    INFO(n);
    if (n == 0) {
      CHECK(json == "{}\n");
    } else {
      CHECK(json.starts_with("{\n  \"https://example.com/"));
      CHECK(json.ends_with("\"}\n}\n"));
      CHECK(static_cast<std::size_t>(std::count(json.begin(), json.end(), '\n'))
            == n + 2);
    }
    const auto parsed = util::parse_json(json);
    REQUIRE(parsed);
    CHECK(parsed->members.size() == n);
    for (const auto& [url, value] : parsed->members) {
      const util::JsonValue* html = value.find("html");
      REQUIRE(html != nullptr);
      CHECK(html->text.find("og:url\" content=\"" + url + "\"")
            != std::string::npos);
    }
  }
}
