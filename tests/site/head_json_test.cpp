#include "site/head_json.hpp"

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
