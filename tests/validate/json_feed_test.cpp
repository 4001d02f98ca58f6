#include "validate/validator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ogfeed;

namespace {

std::vector<std::string>
rules(std::string_view json)
{
  const validate::Report r = validate::validate_bytes("f.json", json);
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    out.push_back(f.rule);
  }
  return out;
}

} // namespace

TEST_CASE("issue 12: JSON Feed 1.0 and 1.1 are validated", "[validate]")
{
  const std::string good =
    R"({"version": "https://jsonfeed.org/version/1.1", "title": "T",
        "home_page_url": "https://e.jp/", "feed_url": "https://e.jp/feed.json",
        "authors": [{"name": "A", "url": "https://e.jp/a"}],
        "items": [{"id": "1", "url": "https://e.jp/1", "content_html": "<p>x</p>",
                   "date_published": "2024-05-01T10:00:00+09:00", "tags": ["a"]}]})";
  const validate::Report r = validate::validate_bytes("f.json", good);
  CHECK(r.kind == validate::FeedKind::json);
  CHECK(r.findings.empty());
  CHECK(
    rules(
      R"({"version": "https://jsonfeed.org/version/1", "title": "T", "items": []})")
      .empty());

  CHECK(rules("{\"title\": ") == std::vector<std::string>{"jsonfeed-not-json"});
  CHECK(rules(R"({"version": "2", "items": [], "title": "T"})")
        == std::vector<std::string>{"jsonfeed-unknown-version"});
  CHECK(rules(R"({"version": "https://jsonfeed.org/version/1.1", "items": []})")
        == std::vector<std::string>{"jsonfeed-missing-member"});
  CHECK(
    rules(R"({"version": "https://jsonfeed.org/version/1.1", "title": "T"})")
    == std::vector<std::string>{"jsonfeed-missing-items"});
  CHECK(rules(R"({"title": "T", "items": []})")
        == std::vector<std::string>{"jsonfeed-missing-version"});
  CHECK(rules(R"({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                  "home_page_url": "/", "items": [
                    {"id": "1", "content_text": "x", "date_modified": "May 1"},
                    {"id": "1", "content_text": "y", "tags": "a"},
                    {"content_text": "z"}, {"id": "3"}]})")
        == std::vector<std::string>{"jsonfeed-relative-url",
                                    "jsonfeed-bad-date",
                                    "jsonfeed-duplicate-id",
                                    "jsonfeed-wrong-type",
                                    "jsonfeed-item-missing-id",
                                    "jsonfeed-item-no-content"});
  CHECK(rules(R"({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                  "items": {"id": 1}})")
        == std::vector<std::string>{"jsonfeed-wrong-type"});
}
