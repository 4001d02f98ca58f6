#include "rss_rules.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

using V = std::vector<std::string>;

// An RSS feed with the podcast:, georss: and wfw: namespaces, whose channel
// holds `channel` and whose one item holds `item`.
std::vector<std::string>
rules(const std::string& channel, const std::string& item = {})
{
  return test::rss_rules(
    " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\""
    " xmlns:georss=\"http://www.georss.org/georss\""
    " xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"",
    channel,
    item);
}

} // namespace

TEST_CASE("issue 23: Podcasting 2.0's podcast: tags, by name and by value",
          "[validate]")
{
  CHECK(
    rules(
      "<podcast:locked owner=\"a@e.jp\">yes</podcast:locked>"
      "<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>"
      "<podcast:medium>musicL</podcast:medium>"
      "<podcast:funding url=\"https://e.jp/donate\">Support</podcast:funding>",
      "<podcast:transcript url=\"https://e.jp/1.vtt\" type=\"text/vtt\"/>"
      "<podcast:season>2</podcast:season><podcast:episode>3.5</podcast:episode>"
      "<podcast:soundbite startTime=\"73.0\" duration=\"60.0\"/>"
      "<podcast:source uri=\"ipfs://QmX33FYehk6ckGQ6g1D9D3F\"/>")
      .empty());
  CHECK(rules("<podcast:locked>maybe</podcast:locked>")
        == V{"podcast-invalid-value"});
  CHECK(rules("<podcast:guid>y0ur-gu1d-g035-h3r3</podcast:guid>")
        == V{"podcast-invalid-value"});
  CHECK(rules("<podcast:medium>radio</podcast:medium>")
        == V{"podcast-invalid-value"});
  CHECK(rules("", "<podcast:transcript url=\"https://e.jp/1.vtt\"/>")
        == V{"podcast-missing-attribute"});
  CHECK(rules("", "<podcast:soundbite startTime=\"1:00\" duration=\"60\"/>")
        == V{"podcast-invalid-value"});
  CHECK(rules("<podcast:lockd>yes</podcast:lockd>")
        == V{"podcast-unknown-element"});
  CHECK(rules("<podcast:funding url=\"donate\">x</podcast:funding>")
        == V{"rss-invalid-url"});
}

TEST_CASE("issue 23: GeoRSS Simple shapes and wfw: comment URLs", "[validate]")
{
  CHECK(
    rules("",
          "<georss:point>45.256 -71.92</georss:point>"
          "<georss:box>42.943 -71.032 43.039 -69.856</georss:box>"
          "<georss:featurename>Boston</georss:featurename>"
          "<georss:polygon>45.256 -110.45 46.46 -109.48 43.84 -109.86 45.256 "
          "-110.45</georss:polygon>"
          "<wfw:commentRss>https://e.jp/1/comments.xml</wfw:commentRss>")
      .empty());
  CHECK(rules("", "<georss:point>45.256</georss:point>")
        == V{"georss-invalid-value"});
  CHECK(rules("", "<georss:point>95 10</georss:point>")
        == V{"georss-invalid-value"});
  CHECK(rules("", "<georss:polygon>1 2 3 4 5 6 7 8</georss:polygon>")
        == V{"georss-invalid-value"});
  CHECK(rules("", "<georss:pint>1 2</georss:pint>")
        == V{"georss-unknown-element"});
  CHECK(rules("", "<wfw:commentRss>comments.xml</wfw:commentRss>")
        == V{"rss-invalid-url"});
}

TEST_CASE("issue 23: GeoRSS Simple inside Atom entries is checked as in RSS",
          "[validate]")
{
  const auto atom_rules = [](const std::string& geo) {
    const std::string feed =
      "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
      " xmlns:georss=\"http://www.georss.org/georss\"><title>t</title>"
      "<id>urn:x:1</id><updated>2024-01-01T00:00:00Z</updated>"
      "<author><name>a</name></author>"
      "<link rel=\"self\" href=\"https://e.jp/atom.xml\"/>"
      "<entry><title>e</title><id>urn:x:2</id>"
      "<updated>2024-01-01T00:00:00Z</updated>"
      "<link href=\"https://e.jp/1\"/><summary>s</summary>"
      + geo + "</entry></feed>\n";
    V out;
    for (const auto& f : validate::validate_bytes("a.xml", feed).findings) {
      out.push_back(f.rule);
    }
    return out;
  };
  // FeedBurner's capture in rss-parser's tests: both are GeoRSS Simple
  // elements (OGC 17-002r1), which the W3C validator does not know.
  CHECK(atom_rules("<georss:featurename>Boston</georss:featurename>"
                   "<georss:box>42.943 -71.032 43.039 -69.856</georss:box>")
          .empty());
  CHECK(atom_rules("<georss:point>45.256 -200</georss:point>")
        == V{"georss-invalid-value"});
  CHECK(atom_rules("<georss:pont>1 2</georss:pont>")
        == V{"georss-unknown-element"});
}

TEST_CASE("issue 23: white space before the XML declaration is an error, "
          "and the rest of the feed is still checked at its own lines",
          "[validate]")
{
  const auto findings =
    validate::validate_bytes(
      "f.xml",
      "\n\n<?xml version=\"1.0\"?>\n<rss "
      "version=\"2.0\"><channel><title>T</title>"
      "<link>https://e.jp/</link><description>D</description>\n"
      "<item><title>A</title><link>nope</link></item></channel></rss>")
      .findings;
  REQUIRE(findings.size() >= 2);
  CHECK(findings[0].rule == "xml-declaration-not-at-start");
  CHECK(findings[0].line == 1);
  bool url = false;
  for (const auto& f : findings) {
    if (f.rule == "rss-invalid-url") {
      url = true;
      CHECK(f.line == 5);
    }
  }
  CHECK(url);
}
