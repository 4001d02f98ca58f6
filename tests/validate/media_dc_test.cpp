#include "rss_rules.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

// An RSS item holding `item`, with Dublin Core and Media RSS declared.
std::vector<std::string>
rules(const std::string& item)
{
  return test::rss_rules(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                         "xmlns:media=\"http://search.yahoo.com/mrss/\"",
                         "",
                         item);
}

} // namespace

TEST_CASE("issue 23: Dublin Core and Media RSS names and values are checked",
          "[validate]")
{
  using V = std::vector<std::string>;
  CHECK(rules("<dc:creator>A</dc:creator><dc:subject>s</dc:subject>"
              "<dcterms:modified>2024-05-01</dcterms:modified>"
              "<dcterms:available>name=Foo; start=2005</dcterms:available>"
              "<media:content url=\"https://e.jp/a.mp4\" medium=\"video\" "
              "fileSize=\"100\" duration=\"61\" isDefault=\"true\"/>"
              "<media:thumbnail url=\"https://e.jp/t.jpg\" width=\"120\"/>")
          .empty());
  CHECK(rules("<dc:author>A</dc:author>") == V{"rss-unknown-dc-element"});
  CHECK(rules("<dcterms:updated>x</dcterms:updated>")
        == V{"rss-unknown-dc-element"});
  CHECK(rules("<dcterms:modified>May 1</dcterms:modified>")
        == V{"rss-invalid-dc-date"});
  CHECK(rules("<media:thumbnail width=\"120\"/>") == V{"media-missing-url"});
  CHECK(rules("<media:content url=\"https://e.jp/a\" medium=\"movie\" "
              "fileSize=\"1.5MB\"/>")
        == V{"media-invalid-attribute", "media-invalid-attribute"});
  CHECK(rules("<media:picture url=\"https://e.jp/a.jpg\"/>")
        == V{"media-unknown-element"});
}
