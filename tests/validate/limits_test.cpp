#include "validate/validator.hpp"
#include "validate/xml_reader.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace ogfeed;

// Issue 8: hostile feeds end early, with a clear error, in bounded memory.

namespace {

const std::string k_head = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">";

std::string
rules_of(const validate::Report& r)
{
  std::string out;
  for (const auto& f : r.findings) {
    out += std::to_string(f.line) + ":" + std::to_string(f.column) + " "
           + f.rule + "\n";
  }
  return out;
}

// Feeds `doc` in 64 KiB chunks, as `ogfeed validate` reads a file; returns
// how many chunks were read before the validator asked to stop.
std::size_t
stream(validate::Validator& v, const std::string& doc)
{
  std::size_t chunks = 0;
  for (std::size_t at = 0; at < doc.size(); at += 65536) {
    ++chunks;
    if (!v.feed(std::string_view(doc).substr(at, 65536))) {
      break;
    }
  }
  return chunks;
}

} // namespace

TEST_CASE("issue 8: reading stops at the first fatal XML error", "[validate]")
{
  validate::Validator v("zero");
  const std::string zeros(4 * 1024 * 1024, '\0');
  CHECK(stream(v, zeros) == 1);
  CHECK(rules_of(v.finish()) == "1:1 xml-invalid-character\n");
}

TEST_CASE("issue 8: nesting deeper than the limit is an error", "[validate]")
{
  std::string doc = k_head;
  for (std::size_t i = 0; i < validate::k_max_depth + 10; ++i) {
    doc += "\n<x>";
  }
  const auto report = validate::validate_bytes("deep", doc);
  CHECK(rules_of(report).ends_with(std::to_string(validate::k_max_depth + 2)
                                   + ":1 xml-too-deep\n"));
}

TEST_CASE("issue 8: an attribute or comment over the token limit is an error",
          "[validate]")
{
  const std::string big(validate::k_max_token + 200000, 'x');
  for (const std::string& doc :
       {k_head + "\n<channel a=\"" + big + "\"/></rss>",
        k_head + "\n<!--" + big + "--></rss>",
        k_head + "\n<?pi " + big + "?></rss>",
        k_head + "\n<channel a='>" + big + "'/></rss>"}) {
    validate::Validator v("token");
    CHECK(stream(v, doc) < doc.size() / 65536);
    // The finding is at the token's start, whenever expat reports events.
    CHECK(rules_of(v.finish()) == "3:1 xml-token-too-large\n");
  }
}

TEST_CASE("issue 19: text and CDATA are no token, however long", "[validate]")
{
  const std::string big(validate::k_max_token + 200000, 'x');
  for (const std::string& doc :
       {k_head + "<channel><title>" + big + "</title></channel></rss>",
        k_head + "<channel><title><![CDATA[" + big
          + "]]></title></channel></rss>"}) {
    validate::Validator v("text");
    CHECK(stream(v, doc) == (doc.size() + 65535) / 65536);
    for (const auto& f : v.finish().findings) {
      CHECK(f.rule.find("xml-") != 0);
    }
  }
}

TEST_CASE("issue 19: a UTF-16 feed is scanned by code unit", "[validate]")
{
  // U+3C22 has the bytes of '<' and '"': read byte by byte, it would open
  // a tag and a quote that never close.
  std::string text;
  for (int i = 0; i < 600000; ++i) {
    text += "\x22\x3C"; // U+3C22, little-endian
  }
  const auto utf16 = [](std::string_view ascii) {
    std::string out;
    for (char c : ascii) {
      out += c;
      out += '\0';
    }
    return out;
  };
  const std::string doc =
    "\xFF\xFE"
    + utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss "
            "version=\"2.0\"><channel><title>")
    + text + utf16("</title></channel></rss>");
  validate::Validator v("utf16");
  stream(v, doc);
  for (const auto& f : v.finish().findings) {
    CHECK(f.rule.find("xml-") != 0);
  }
}

// Issue 19: expat defers a large token at some Debian patch levels and not
// at others, so the reader must give one input one answer however it is cut
// into chunks.
TEST_CASE("issue 19: every limit gives the same findings for any chunking",
          "[validate]")
{
  const std::string attr(validate::k_max_token - 4096, 'x');
  std::string held = k_head;
  for (int i = 0; i < 20; ++i) {
    held += "\n<x a=\"" + attr + "\">";
  }
  std::string deep = k_head;
  for (std::size_t i = 0; i < validate::k_max_depth + 10; ++i) {
    deep += "\n<x a=\"" + std::string(3000, 'y') + "\">";
  }
  const std::string big(validate::k_max_token + 10, 'x');
  std::string text_then_token = k_head + "<channel>";
  for (int i = 0; i < 40; ++i) {
    text_then_token += "<title>" + std::string(300000, 't') + "</title>\n";
  }
  text_then_token += "<x a=\"" + big + "\"/>";
  const std::string bad_char_in_token =
    k_head + "\n<x a=\"" + std::string(5000, 'x') + "\x01" + big + "\"/>";
  for (const std::string* doc : std::initializer_list<const std::string*>{
         &held, &deep, &text_then_token, &bad_char_in_token}) {
    std::string first;
    for (std::size_t size : {std::size_t{1} << 12,
                             std::size_t{1} << 16,
                             std::size_t{1} << 20,
                             doc->size()}) {
      validate::Validator v("chunks");
      for (std::size_t at = 0; at < doc->size(); at += size) {
        if (!v.feed(std::string_view(*doc).substr(at, size))) {
          break;
        }
      }
      const std::string got = rules_of(v.finish());
      if (first.empty()) {
        first = got;
        CHECK(!got.empty());
      } else {
        CHECK(got == first);
      }
    }
  }
}

TEST_CASE("issue 8: findings stop at the limit with an N-more line",
          "[validate]")
{
  std::string doc = k_head
                    + "<channel><title>t</title><link>https://e.example/</link>"
                      "<description>d</description>\n";
  for (int i = 0; i < 700; ++i) {
    const std::string n = std::to_string(i);
    doc += "<item><title>t</title><pubDate>bad" + n + "</pubDate><guid>g" + n
           + "</guid></item>\n";
  }
  doc += "</channel></rss>";
  const auto report = validate::validate_bytes("many", doc);
  REQUIRE(report.findings.size() == validate::k_max_findings + 1);
  const auto& last = report.findings.back();
  CHECK(last.rule == "feed-too-many-findings");
  CHECK(last.severity == util::Severity::warning);
  // 700 bad dates, 700 guids that are no URL (each its own value) and no
  // self link: 1,401 findings, 1,000 kept.
  CHECK(last.message
        == "401 more findings not shown (the first 1000 are above)");
}

TEST_CASE("issue 23: one finding per root cause: a repeated mistake is said "
          "once, with how many and where the next are",
          "[validate]")
{
  std::string doc = k_head
                    + "<channel><title>t</title><link>https://e.example/</link>"
                      "<description>d</description>\n";
  for (int i = 0; i < 25; ++i) {
    doc += "<item><title>t</title><guid>https://e.example/" + std::to_string(i)
           + "</guid><foo/></item>\n";
  }
  doc += "</channel></rss>";
  const auto report = validate::validate_bytes("repeats", doc);
  std::vector<std::string> foo;
  for (const auto& f : report.findings) {
    if (f.rule == "rss-undefined-element") {
      foo.push_back(std::to_string(f.line) + ":" + std::to_string(f.column)
                    + " " + f.message);
    }
  }
  REQUIRE(foo.size() == 1);
  INFO(foo[0]);
  CHECK(foo[0].starts_with("3:"));
  CHECK(foo[0].ends_with("(25 occurrences; also at 4:55, 5:55, 6:55, ...)"));
}

TEST_CASE("issue 8: an entity only an external DTD could define is reported",
          "[validate]")
{
  const auto report = validate::validate_bytes(
    "ext",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM "
    "\"http://e.example/rss.dtd\">\n"
    "<rss version=\"2.0\"><channel><title>a &undefined; b</title>"
    "<link>https://e.example/</link><description>d</description></channel>"
    "</rss>");
  REQUIRE(!report.findings.empty());
  CHECK(report.findings[0].rule == "xml-undefined-entity");
  CHECK(report.findings[0].message
        == "'&undefined;' is not defined here; ogfeed never reads an external "
           "DTD, and neither do most feed readers");
}

TEST_CASE("issue 8: a gzip-compressed feed says so", "[validate]")
{
  validate::Validator v("feed.xml.gz");
  CHECK(!v.feed(std::string("\x1f\x8b\x08\x00garbage", 11)));
  const auto report = v.finish();
  CHECK(rules_of(report) == "1:1 feed-compressed\n");
  CHECK(report.findings[0].message
        == "the file is gzip-compressed; decompress it first (gunzip)");
}

TEST_CASE("issue 8: open elements holding too much is an error", "[validate]")
{
  // Each start tag stays under the token limit; together they pass the
  // held limit.
  const std::string attr(validate::k_max_token - 4096, 'x');
  std::string doc = k_head;
  for (int i = 0; i < 20; ++i) {
    doc += "\n<x a=\"" + attr + "\">";
  }
  validate::Validator v("held");
  stream(v, doc);
  const auto report = v.finish();
  REQUIRE(!report.findings.empty());
  // The 17th start tag passes 16 MiB, whenever expat reports it.
  const auto& last = report.findings.back();
  CHECK(last.rule == "xml-too-large");
  CHECK(last.line == 19);
  CHECK(last.column == 1);
}

TEST_CASE("issue 19: JSON or XML is told by the first byte that is not white "
          "space, however the input is cut",
          "[validate]")
{
  const std::string json =
    "\n  \n{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": "
    "\"t\", \"items\": []}";
  for (std::size_t size : {1, 2, 3, 64}) {
    validate::Validator v("feed.json");
    for (std::size_t at = 0; at < json.size(); at += size) {
      v.feed(std::string_view(json).substr(at, size));
    }
    const auto report = v.finish();
    INFO(size);
    CHECK(report.kind == validate::FeedKind::json);
  }
}
