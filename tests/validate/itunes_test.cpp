#include "rss_rules.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

// A podcast feed whose channel holds `channel` and whose one item (with its
// enclosure) holds `item`.
std::vector<std::string>
rules(const std::string& channel, const std::string& item = {})
{
  return test::rss_rules(
    " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"",
    channel,
    "<enclosure url=\"https://e.jp/1.mp3\" length=\"9\" "
    "type=\"audio/mpeg\"/>"
      + item);
}

} // namespace

TEST_CASE("issue 23: Apple Podcasts' itunes: tags are checked value by value",
          "[validate]")
{
  using V = std::vector<std::string>;
  // A podcast as Apple asks for it has no finding.
  CHECK(
    rules("<itunes:explicit>false</itunes:explicit>"
          "<itunes:image href=\"https://e.jp/cover.jpg\"/>"
          "<itunes:category text=\"Technology\"/>"
          "<itunes:category text=\"News\"><itunes:category "
          "text=\"Tech News\"/></itunes:category>"
          "<itunes:category text=\"Society &amp; Culture\"/>"
          "<itunes:type>serial</itunes:type><itunes:author>A</itunes:author>"
          "<itunes:owner><itunes:name>A</itunes:name><itunes:email>a@e.jp"
          "</itunes:email></itunes:owner>",
          "<itunes:duration>1:02:03</itunes:duration>"
          "<itunes:episode>3</itunes:episode><itunes:season>1</itunes:season>"
          "<itunes:episodeType>bonus</itunes:episodeType>")
      .empty());
  // Apple's requirements: true or false only (an error, as the W3C
  // validator's InvalidTrueFalse).
  CHECK(rules("<itunes:explicit>yes</itunes:explicit>")
        == V{"itunes-explicit"});
  CHECK(rules("<itunes:explicit>No</itunes:explicit>") == V{"itunes-explicit"});
  CHECK(rules("<itunes:explicit>maybe</itunes:explicit>")
        == V{"itunes-explicit"});
  CHECK(rules("<itunes:image href=\"cover.jpg\"/>") == V{"rss-invalid-url"});
  CHECK(rules("<itunes:image href=\"https://e.jp/c.gif\"/>")
        == V{"itunes-image"});
  CHECK(rules("<itunes:category text=\"Tech\"/>") == V{"itunes-category"});
  CHECK(rules("<itunes:category text=\"Science\"><itunes:category "
              "text=\"Tech News\"/></itunes:category>")
        == V{"itunes-category"});
  CHECK(rules("<itunes:type>weekly</itunes:type>") == V{"itunes-type"});
  CHECK(rules("<itunes:explict>false</itunes:explict>")
        == V{"itunes-unknown-element"});
  CHECK(rules("", "<itunes:duration>62:3</itunes:duration>")
        == V{"itunes-duration"});
  CHECK(rules("", "<itunes:duration>3723</itunes:duration>").empty());
  CHECK(rules("", "<itunes:episode>0</itunes:episode>") == V{"itunes-number"});
  CHECK(rules("", "<itunes:episodeType>extra</itunes:episodeType>")
        == V{"itunes-episode-type"});
}

TEST_CASE("issue 23: a namespace that misses iTunes' or Dublin Core's only by "
          "letter case or a final slash is warned about once, and its "
          "elements are checked as that namespace's",
          "[validate]")
{
  using V = std::vector<std::string>;
  // rss-parser's Taverncast capture: DTDs/Podcast in capitals, dc without
  // its final slash. The W3C validator reads both the same way.
  const auto near = test::rss_rules(
    " xmlns:itunes=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1\"",
    "<itunes:explicit>no</itunes:explicit><itunes:link>x</itunes:link>",
    "<dc:creator>a</dc:creator><dc:creater>b</dc:creater>");
  CHECK(near
        == V{"xml-namespace-near-miss",
             "itunes-explicit",
             "itunes-unknown-element",
             "xml-namespace-near-miss",
             "rss-unknown-dc-element"});
  // Another namespace altogether stays foreign: not checked, not warned.
  CHECK(test::rss_rules(" xmlns:itunes=\"http://example.com/itunes\"",
                        "<itunes:explicit>no</itunes:explicit>",
                        "")
          .empty());
}
