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
  for (const std::string& doc : {k_head + "<channel a=\"" + big + "\"/></rss>",
                                 k_head + "<!--" + big + "--></rss>"}) {
    validate::Validator v("token");
    CHECK(stream(v, doc) < doc.size() / 65536);
    const auto report = v.finish();
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].rule == "xml-token-too-large");
  }
}

TEST_CASE("issue 8: findings stop at the limit with an N-more line",
          "[validate]")
{
  std::string doc = k_head
                    + "<channel><title>t</title><link>https://e.example/</link>"
                      "<description>d</description>\n";
  for (int i = 0; i < 700; ++i) {
    doc +=
      "<item><title>t</title><pubDate>bad</pubDate><guid>g</guid></item>\n";
  }
  doc += "</channel></rss>";
  const auto report = validate::validate_bytes("many", doc);
  REQUIRE(report.findings.size() == validate::k_max_findings + 1);
  const auto& last = report.findings.back();
  CHECK(last.rule == "feed-too-many-findings");
  CHECK(last.severity == util::Severity::warning);
  // 700 bad dates, 700 guids that are no URL, 699 repeated guids and no
  // self link: 2,100 findings, 1,000 kept.
  CHECK(last.message
        == "1100 more findings not shown (the first 1000 are above)");
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
  CHECK(report.findings.back().rule == "xml-too-large");
}
