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

TEST_CASE("issue 23: JSON Feed is read by a real JSON parser, and checked "
          "member by member as JSON Feed 1.1 types them",
          "[validate]")
{
  using V = std::vector<std::string>;
  const std::string head =
    R"({"version": "https://jsonfeed.org/version/1.1", "title": )";
  // Surrogate-pair escapes (an emoji as Python and PHP write it) are JSON.
  CHECK(rules(head + R"("\ud83c\udf89", "items": []})").empty());
  // What YAML took and JSON does not: trailing commas, comments, a second
  // document, single quotes.
  CHECK(rules(head + R"("T", "items": [],})") == V{"jsonfeed-not-json"});
  CHECK(rules("// a comment\n" + head + R"("T", "items": []})")
        == V{"jsonfeed-not-json"});
  CHECK(rules(head + R"("T", "items": []}{"a": 1})") == V{"jsonfeed-not-json"});
  CHECK(rules(head + R"('T', "items": []})") == V{"jsonfeed-not-json"});
  CHECK(rules(std::string(300, '[') + std::string(300, ']'))
        == V{"jsonfeed-not-json"});
  // Ids are strings; attachments, hubs, expired and the rest typed.
  CHECK(rules(head + R"("T", "expired": "no", "next_url": "/2",
      "hubs": [{"type": "WebSub"}],
      "items": [{"id": 1, "content_text": "x",
        "attachments": [{"url": "https://e.jp/a.mp3", "mime_type": "audio/mpeg",
                         "size_in_bytes": 1.5}, {"url": "a.mp3"}]}]})")
        == V{"jsonfeed-wrong-type",
             "jsonfeed-relative-url",
             "jsonfeed-missing-member",
             "jsonfeed-wrong-type",
             "jsonfeed-wrong-type",
             "jsonfeed-missing-member",
             "jsonfeed-relative-url"});
  // A member no version defines is a warning unless it is an extension.
  CHECK(rules(head + R"("T", "_ext": {"a": 1}, "foo": 1, "items": []})")
        == V{"jsonfeed-unknown-member"});
  // 1.0's author still reads, with a warning in a 1.1 feed.
  CHECK(rules(head + R"("T", "author": {"name": "A"}, "items": []})")
        == V{"jsonfeed-deprecated-author"});
  // Positions count characters from 1.
  const validate::Report r = validate::validate_bytes(
    "f.json", "{\"title\": \"日本\",\n  \"items\": [], \"version\": 3}");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].line == 2);
  CHECK(r.findings[0].column == 27);
}
