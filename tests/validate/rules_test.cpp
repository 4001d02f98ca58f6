#include "validate/validator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace ogfeed;

// Every rule id the validator has, each provoked by the smallest change to a
// valid feed and found at the line of the offending text. A rule that stops
// firing, or moves to another line, fails here by name.

namespace {

// A valid RSS 2.0 feed; {CHANNEL} is line 8, {ITEM} line 14.
const std::string k_rss =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
  "xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" "
  "xmlns:geo=\"http://www.w3.org/2003/01/geo/wgs84_pos#\">\n"
  "<channel>\n"
  "<title>t</title>\n"
  "<link>https://e.example/</link>\n"
  "<description>d</description>\n"
  "<atom:link href=\"https://e.example/rss.xml\" rel=\"self\" "
  "type=\"application/rss+xml\"/>\n"
  "{CHANNEL}\n"
  "<item>\n"
  "<title>i</title>\n"
  "<link>https://e.example/1</link>\n"
  "<guid>https://e.example/1</guid>\n"
  "<pubDate>Mon, 27 May 2019 10:00:00 +0900</pubDate>\n"
  "{ITEM}\n"
  "</item>\n"
  "</channel>\n"
  "</rss>\n";

// A valid Atom 1.0 feed; {FEED} is line 8, {ENTRY} line 14.
const std::string k_atom =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
  "<id>https://e.example/</id>\n"
  "<title>t</title>\n"
  "<updated>2024-05-01T10:00:00Z</updated>\n"
  "<link rel=\"self\" href=\"https://e.example/atom.xml\"/>\n"
  "<author><name>a</name></author>\n"
  "{FEED}\n"
  "<entry>\n"
  "<id>https://e.example/1</id>\n"
  "<title>e</title>\n"
  "<updated>2024-05-01T10:00:00Z</updated>\n"
  "<link rel=\"alternate\" href=\"https://e.example/1\"/>\n"
  "{ENTRY}\n"
  "</entry>\n"
  "</feed>\n";

// A valid RSS 1.0 feed; {CHANNEL} is line 8, {ITEM} line 14, {RDF} line 16.
const std::string k_rss1 =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
  "xmlns=\"http://purl.org/rss/1.0/\" "
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
  "xmlns:trackback=\"http://madskills.com/public/xml/rss/module/trackback/\">\n"
  "<channel rdf:about=\"https://e.example/index.rdf\">\n"
  "<title>t</title>\n"
  "<link>https://e.example/</link>\n"
  "<description>d</description>\n"
  "<items><rdf:Seq><rdf:li rdf:resource=\"https://e.example/1\"/></rdf:Seq>"
  "</items>\n"
  "{CHANNEL}\n"
  "</channel>\n"
  "<item rdf:about=\"https://e.example/1\">\n"
  "<title>i</title>\n"
  "<link>https://e.example/1</link>\n"
  "<dc:date>2024-05-01T10:00:00+09:00</dc:date>\n"
  "{ITEM}\n"
  "</item>\n"
  "{RDF}\n"
  "</rdf:RDF>\n";

struct Case
{
  const char* rule;
  const std::string* base;
  const char* find;    // replaced in the base ...
  const char* replace; // ... by this
  int line;            // where the finding must point
};

std::string
apply(const Case& c)
{
  std::string doc = *c.base;
  const std::size_t at = doc.find(c.find);
  REQUIRE(at != std::string::npos);
  doc.replace(at, std::string(c.find).size(), c.replace);
  for (const char* slot :
       {"{CHANNEL}", "{ITEM}", "{FEED}", "{ENTRY}", "{RDF}"}) {
    if (const std::size_t s = doc.find(slot); s != std::string::npos) {
      doc.replace(s, std::string(slot).size(), "");
    }
  }
  return doc;
}

std::string
describe(const validate::Report& r)
{
  std::string out;
  for (const auto& f : r.findings) {
    out += std::to_string(f.line) + ":" + std::to_string(f.column) + " "
           + f.rule + ": " + f.message + "\n";
  }
  return out;
}

const util::UtcSeconds k_now{std::chrono::seconds{1893456000}}; // 2030

} // namespace

TEST_CASE("rules: the templates themselves are clean", "[validate]")
{
  for (const std::string* base : {&k_rss, &k_atom, &k_rss1}) {
    const Case c{"", base, "<", "<", 0};
    const auto report = validate::validate_bytes("t.xml", apply(c), k_now);
    INFO(describe(report));
    CHECK(report.findings.empty());
  }
}

TEST_CASE("rules: each rule fires on its own mistake, at its line",
          "[validate]")
{
  const std::string big(5'100'000, 'x');
  const std::string too_large = "<content type=\"text\">" + big + "</content>";
  // One row per rule: longer than 80 columns, but a table reads as one.
  // clang-format off
  const std::vector<Case> cases = {
    // RSS 2.0
    {"rss-invalid-date", &k_rss, "{CHANNEL}", "<lastBuildDate>Someday</lastBuildDate>", 8},
    {"rss-two-digit-year", &k_rss, "{CHANNEL}", "<lastBuildDate>Mon, 27 May 19 10:00:00 +0900</lastBuildDate>", 8},
    {"rss-wrong-weekday", &k_rss, "{CHANNEL}", "<lastBuildDate>Tue, 27 May 2019 10:00:00 +0900</lastBuildDate>", 8},
    {"rss-duplicate-day", &k_rss, "{CHANNEL}", "<skipDays><day>Monday</day>\n<day>Monday</day></skipDays>", 9},
    {"rss-invalid-day", &k_rss, "{CHANNEL}", "<skipDays><day>Funday</day></skipDays>", 8},
    {"rss-duplicate-hour", &k_rss, "{CHANNEL}", "<skipHours><hour>1</hour>\n<hour>1</hour></skipHours>", 9},
    {"rss-hour-24", &k_rss, "{CHANNEL}", "<skipHours><hour>24</hour></skipHours>", 8},
    {"rss-invalid-hour", &k_rss, "{CHANNEL}", "<skipHours><hour>25</hour></skipHours>", 8},
    {"rss-cloud-missing-attribute", &k_rss, "{CHANNEL}", "<cloud domain=\"e.example\"/>", 8},
    {"rss-invalid-cloud-port", &k_rss, "{CHANNEL}", "<cloud domain=\"e\" port=\"x\" path=\"/\" registerProcedure=\"p\" protocol=\"soap\"/>", 8},
    {"rss-invalid-cloud-protocol", &k_rss, "{CHANNEL}", "<cloud domain=\"e\" port=\"80\" path=\"/\" registerProcedure=\"p\" protocol=\"ftp\"/>", 8},
    {"rss-invalid-image-height", &k_rss, "{CHANNEL}", "<image><url>https://e.example/a.png</url><title>t</title><link>https://e.example/</link><height>999</height></image>", 8},
    {"rss-invalid-image-width", &k_rss, "{CHANNEL}", "<image><url>https://e.example/a.png</url><title>t</title><link>https://e.example/</link><width>999</width></image>", 8},
    {"rss-missing-element", &k_rss, "{CHANNEL}", "<image><title>t</title></image>", 8},
    {"rss-invalid-language", &k_rss, "{CHANNEL}", "<language>english</language>", 8},
    {"rss-invalid-textinput-name", &k_rss, "{CHANNEL}", "<textInput><title>t</title><description>d</description><name>1 bad</name><link>https://e.example/s</link></textInput>", 8},
    {"rss-atom-link-missing-href", &k_rss, "{CHANNEL}", "<atom:link rel=\"related\"/>", 8},
    {"rss-duplicate-element", &k_rss, "{CHANNEL}", "<ttl>1</ttl><ttl>2</ttl>", 3},
    {"rss-invalid-ttl", &k_rss, "{CHANNEL}", "<ttl>soon</ttl>", 8},
    {"rss-invalid-ispermalink", &k_rss, "{CHANNEL}", "<item><title>j</title><guid isPermaLink=\"yes\">x</guid></item>", 8},
    {"rss-duplicate-guid", &k_rss, "{CHANNEL}", "<item><title>j</title><guid>https://e.example/1</guid></item>", 12},
    {"rss-invalid-coordinate", &k_rss, "{ITEM}", "<geo:lat>91</geo:lat>", 14},
    {"rss-invalid-dc-date", &k_rss, "{ITEM}", "<dc:date>yesterday</dc:date>", 14},
    {"rss-invalid-enclosure-length", &k_rss, "{ITEM}", "<enclosure url=\"https://e.example/a.png\" length=\"big\" type=\"image/png\"/>", 14},
    {"rss-invalid-enclosure-type", &k_rss, "{ITEM}", "<enclosure url=\"https://e.example/a.png\" length=\"1\" type=\"png\"/>", 14},
    {"rss-several-enclosures", &k_rss, "{ITEM}", "<enclosure url=\"https://e.example/a.png\" length=\"1\" type=\"image/png\"/><enclosure url=\"https://e.example/b.png\" length=\"1\" type=\"image/png\"/>", 9},
    {"rss-invalid-integer-list", &k_rss, "{ITEM}", "<slash:hit_parade>1,x</slash:hit_parade>", 14},
    {"rss-invalid-url", &k_rss, "{ITEM}", "<comments>not a url</comments>", 14},
    {"rss-unusual-url", &k_rss, "{ITEM}", "<comments>mailto:a@e.example</comments>", 14},
    {"rss-url-not-ascii", &k_rss, "{ITEM}", "<comments>https://e.example/日本</comments>", 14},
    {"rss-source-missing-url", &k_rss, "{ITEM}", "<source>s</source>", 14},
    {"rss-undefined-element", &k_rss, "{ITEM}", "<foo>x</foo>", 14},
    {"rss-unexpected-attribute", &k_rss, "{ITEM}", "<comments x=\"1\">https://e.example/c</comments>", 14},
    {"rss-unexpected-text", &k_rss, "{ITEM}", "stray text", 9},
    {"rss-unusual-contact", &k_rss, "{ITEM}", "<author>Hanako &lt;hanako@e.example&gt;</author>", 14},
    {"rss-invalid-contact", &k_rss, "{ITEM}", "<author>Hanako</author>", 14},
    {"rss-invalid-permalink", &k_rss, "<guid>https://e.example/1</guid>", "<guid>item-1</guid>", 12},
    {"rss-invalid-version", &k_rss, "version=\"2.0\"", "version=\"3.0\"", 2},
    {"rss-missing-version", &k_rss, "version=\"2.0\"", "", 2},
    {"rss-missing-channel", &k_rss, "<channel>", "<channel/>\n<channel>", 2},
    {"rss-missing-title", &k_rss, "<title>t</title>", "", 3},
    {"rss-missing-description", &k_rss, "<description>d</description>", "", 3},
    {"rss-missing-atom-self", &k_rss, "rel=\"self\"", "rel=\"related\"", 3},
    // Atom 1.0
    {"atom-content-src-not-empty", &k_atom, "{ENTRY}", "<content src=\"https://e.example/c\" type=\"text/html\">x</content><summary>s</summary>", 14},
    {"atom-duplicate-alternate", &k_atom, "{ENTRY}", "<link rel=\"alternate\" href=\"https://e.example/2\"/>", 14},
    {"atom-duplicate-element", &k_atom, "{ENTRY}", "<title>again</title>", 9},
    {"atom-invalid-email", &k_atom, "{ENTRY}", "<author><name>x</name><email>nope</email></author>", 14},
    {"atom-missing-name", &k_atom, "{ENTRY}", "<author><email>a@e.example</email></author>", 14},
    {"atom-invalid-hreflang", &k_atom, "{ENTRY}", "<link rel=\"related\" href=\"https://e.example/r\" hreflang=\"!!\"/>", 14},
    {"atom-invalid-iri", &k_atom, "{ENTRY}", "<link rel=\"related\" href=\"https://e.example/a b\"/>", 14},
    {"atom-invalid-length", &k_atom, "{ENTRY}", "<link rel=\"enclosure\" href=\"https://e.example/a.png\" length=\"x\"/>", 14},
    {"atom-invalid-mime-type", &k_atom, "{ENTRY}", "<link rel=\"related\" href=\"https://e.example/r\" type=\"html\"/>", 14},
    {"atom-invalid-rel", &k_atom, "{ENTRY}", "<link rel=\"foo:bar baz\" href=\"https://e.example/r\"/>", 14},
    {"atom-unregistered-rel", &k_atom, "{ENTRY}", "<link rel=\"foo\" href=\"https://e.example/r\"/>", 14},
    {"atom-missing-href", &k_atom, "{ENTRY}", "<link rel=\"related\"/>", 14},
    {"atom-relative-iri", &k_atom, "<id>https://e.example/1</id>", "<id>/1</id>", 10},
    {"atom-invalid-tag-uri", &k_atom, "<id>https://e.example/1</id>", "<id>tag:e.example:x</id>", 10},
    {"atom-invalid-urn", &k_atom, "<id>https://e.example/1</id>", "<id>urn:x</id>", 10},
    {"atom-unexpected-whitespace", &k_atom, "<id>https://e.example/1</id>", "<id> https://e.example/1</id>", 10},
    {"atom-missing-summary", &k_atom, "{ENTRY}", "<content src=\"https://e.example/c\" type=\"text/html\"/>", 9},
    {"atom-missing-term", &k_atom, "{ENTRY}", "<category/>", 14},
    {"atom-missing-xhtml-div", &k_atom, "{ENTRY}", "<content type=\"xhtml\">text</content>", 14},
    {"atom-xhtml-missing-namespace", &k_atom, "{ENTRY}", "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p xmlns=\"\">x</p></div></content>", 14},
    {"atom-not-base64", &k_atom, "{ENTRY}", "<content type=\"image/png\">@@@</content>", 14},
    {"atom-unexpected-element", &k_atom, "{ENTRY}", "<summary>a <b>x</b></summary>", 14},
    {"atom-undefined-element", &k_atom, "{ENTRY}", "<foo/>", 14},
    {"atom-unexpected-text", &k_atom, "{ENTRY}", "stray", 9},
    {"atom-misplaced-metadata", &k_atom, "</feed>", "<rights>r</rights></feed>", 16},
    {"atom-missing-content-or-alternate", &k_atom, "<link rel=\"alternate\" href=\"https://e.example/1\"/>", "", 9},
    {"atom-missing-title", &k_atom, "<title>e</title>", "", 9},
    {"atom-missing-updated", &k_atom, "<updated>2024-05-01T10:00:00Z</updated>\n<link rel=\"alternate\"", "<link rel=\"alternate\"", 9},
    {"atom-missing-self", &k_atom, "rel=\"self\"", "rel=\"related\"", 2},
    {"atom-missing-author", &k_atom, "<author><name>a</name></author>", "", 9},
    {"atom-missing-namespace", &k_atom, " xmlns=\"http://www.w3.org/2005/Atom\"", "", 2},
    {"atom-invalid-namespace", &k_atom, "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", 2},
    {"atom-duplicate-id", &k_atom, "{FEED}", "<entry><id>https://e.example/1</id><title>x</title><updated>2024-05-01T10:00:00Z</updated><link href=\"https://e.example/x\"/></entry>\n<entry><id>https://e.example/1</id><title>x</title><updated>2024-05-01T10:00:00Z</updated><link href=\"https://e.example/y\"/></entry>", 2},
    {"feed-duplicate-item", &k_atom, "{FEED}", "<entry><id>https://e.example/1</id><title>x</title><updated>2024-05-01T10:00:00Z</updated><link href=\"https://e.example/x\"/></entry>", 9},
    {"feed-fragment-url", &k_atom, "{ENTRY}", "<content type=\"html\">&lt;a href=\"#x\"&gt;x&lt;/a&gt;</content>", 14},
    {"feed-protocol-relative-url", &k_atom, "{ENTRY}", "<content type=\"html\">&lt;img src=\"//cdn.example/a.png\"&gt;</content>", 14},
    {"feed-script-in-content", &k_atom, "{ENTRY}", "<content type=\"html\">&lt;script&gt;x()&lt;/script&gt;</content>", 14},
    {"feed-html-in-text-title", &k_atom, "<title>e</title>", "<title>&lt;b&gt;e&lt;/b&gt;</title>", 11},
    {"feed-too-large", &k_atom, "{ENTRY}", too_large.c_str(), 1},
    {"rss-missing-guid", &k_rss, "{CHANNEL}", "<item><title>j</title></item>", 8},
    {"rss-invalid-url", &k_rss, "{ITEM}", "<cc:license xmlns:cc=\"http://backend.userland.com/creativeCommonsRssModule\">by-sa</cc:license>", 14},
    {"atom-unexpected-attribute", &k_atom, "{ENTRY}", "<content type=\"html\" mode=\"escaped\">x</content>", 14},
    {"atom-relative-self", &k_atom, "href=\"https://e.example/atom.xml\"", "href=\"atom.xml\"", 6},
    {"atom-duplicate-updated", &k_atom, "{FEED}", "<entry><id>https://e.example/1</id><title>x</title><updated>2024-05-01T10:00:00Z</updated><link href=\"https://e.example/x\"/></entry>", 9},
    {"feed-not-html", &k_atom, "{ENTRY}", "<content type=\"html\">&lt;p&gt;a&lt;/p&gt;&lt;a href=\"https://e.example/\"</content>", 14},
    {"feed-not-html", &k_atom, "{ENTRY}", "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><bogus>x</bogus></div></content>", 14},
    // RSS 1.0
    {"rss1-missing-channel", &k_rss1, "xmlns=\"http://purl.org/rss/1.0/\"", "xmlns=\"http://e.example/x\"", 2},
    {"rss1-duplicate-element", &k_rss1, "{CHANNEL}", "<title>u</title>", 3},
    {"rss1-missing-about", &k_rss1, "<item rdf:about=\"https://e.example/1\">", "<item>", 10},
    {"rss1-missing-title", &k_rss1, "<title>i</title>", "", 10},
    {"rss1-missing-link", &k_rss1, "<link>https://e.example/1</link>", "", 10},
    {"rss1-missing-description", &k_rss1, "<description>d</description>", "", 3},
    {"rss1-missing-items", &k_rss1, "<items><rdf:Seq><rdf:li rdf:resource=\"https://e.example/1\"/></rdf:Seq></items>", "", 3},
    {"rss1-missing-url", &k_rss1, "{RDF}", "<image rdf:about=\"https://e.example/a.png\"><title>t</title><link>https://e.example/</link></image>", 16},
    {"rss1-invalid-url", &k_rss1, "<link>https://e.example/1</link>", "<link>not a url</link>", 12},
    {"rss1-undefined-element", &k_rss1, "{ITEM}", "<pubDate>Mon, 27 May 2019 10:00:00 +0900</pubDate>", 14},
    {"rss1-invalid-rdf", &k_rss1, "{ITEM}", "<description><b>x</b></description>", 14},
    {"rss1-invalid-items", &k_rss1, "<items>", "<items><rdf:Bag/>", 7},
    {"rss1-unexpected-attribute", &k_rss1, "rdf:resource=\"https://e.example/1\"", "rdf:resources=\"https://e.example/1\"", 7},
    {"rss1-missing-resource", &k_rss1, "{ITEM}", "<trackback:ping>https://e.example/tb</trackback:ping>", 14},
    {"rss1-invalid-dc-date", &k_rss1, "2024-05-01T10:00:00+09:00", "yesterday", 13},
    {"rss1-invalid-language", &k_rss1, "{CHANNEL}", "<dc:language>en_US!</dc:language>", 8},
    {"rss1-listed-item-missing", &k_rss1, "rdf:resource=\"https://e.example/1\"", "rdf:resource=\"https://e.example/2\"", 7},
    {"rss1-item-not-listed", &k_rss1, "{RDF}", "<item rdf:about=\"https://e.example/3\"><title>x</title><link>https://e.example/3</link></item>", 16},
    {"rss1-image-mismatch", &k_rss1, "</channel>", "<image rdf:resource=\"https://e.example/a.png\"/></channel>\n<image rdf:about=\"https://e.example/b.png\"><title>t</title><url>https://e.example/b.png</url><link>https://e.example/</link></image>", 10},
    // XML, whatever the format
    {"xml-encoding", &k_atom, "encoding=\"utf-8\"", "encoding=\"klingon\"", 1},
    {"xml-invalid-lang", &k_atom, "<feed ", "<feed xml:lang=\"!!\" ", 2},
    {"xml-invalid-namespace", &k_atom, "{FEED}", "<x:y xmlns:x=\"a b\"/>", 8},
    {"xml-invalid-base", &k_atom, "<feed ", "<feed xml:base=\"a^b\" ", 2},
  };
  // clang-format on
  for (const Case& c : cases) {
    INFO(c.rule);
    const auto report = validate::validate_bytes("t.xml", apply(c), k_now);
    INFO(describe(report));
    const auto it =
      std::find_if(report.findings.begin(),
                   report.findings.end(),
                   [&](const auto& f) { return f.rule == c.rule; });
    const bool fired = it != report.findings.end();
    CHECK(fired);
    if (!fired) {
      continue;
    }
    CHECK(it->line == c.line);
    CHECK(it->column >= 1);
  }
}

TEST_CASE("issue 12: text that is not HTML in an HTML description is reported",
          "[validate]")
{
  const std::string feed =
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
    "<link>https://e.example/</link><description>d</description>\n<item>"
    "<title>i</title><description>List&lt;DBObject&gt; &amp; "
    "Option&lt;T&gt; and &lt;b&gt;bold&lt;/b&gt;</description></item>\n"
    "</channel></rss>";
  const auto report = validate::validate_bytes("d.xml", feed);
  std::vector<std::string> not_html;
  for (const auto& f : report.findings) {
    if (f.rule == "feed-not-html") {
      not_html.push_back(std::to_string(f.line) + " " + f.message);
    }
  }
  CHECK(not_html
        == std::vector<std::string>{
          "3 content has <DBObject>, which is no HTML element: a reader drops "
          "it as a tag (text must escape '<' as &lt;)",
          "3 content has <T>, which is no HTML element: a reader drops it as "
          "a tag (text must escape '<' as &lt;)"});
}

TEST_CASE("issue 12: a finding in HTML content points at the offending "
          "markup, not at the element holding it",
          "[validate]")
{
  // content:encoded starts on line 4; the relative image is on line 7,
  // after entity references that shift every column.
  const std::string feed =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\" "
    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n"
    "<title>t</title><link>https://e.example/</link><description>d"
    "</description><item><title>i</title><guid>https://e.example/1</guid>\n"
    "<content:encoded>&lt;p&gt;one&lt;/p&gt;\n"
    "&lt;p&gt;two&lt;/p&gt;\n"
    "&lt;p&gt;three&lt;/p&gt;\n"
    "&lt;p&gt;&amp;amp; &lt;img src=\"a.png\"&gt;&lt;/p&gt;\n"
    "<![CDATA[<p>x</p>\n  <script>y()</script>]]></content:encoded>\n"
    "</item></channel></rss>\n";
  const auto report = validate::validate_bytes("p.xml", feed);
  std::vector<std::string> where;
  for (const auto& f : report.findings) {
    if (f.rule == "feed-relative-url" || f.rule == "feed-script-in-content") {
      where.push_back(f.rule + " " + std::to_string(f.line) + ":"
                      + std::to_string(f.column));
    }
  }
  // "&lt;p&gt;&amp;amp; &lt;img src": src starts at column 28 of line 7;
  // <script> at column 3 of line 9.
  CHECK(where
        == std::vector<std::string>{"feed-relative-url 7:28",
                                    "feed-script-in-content 9:3"});
}

TEST_CASE("issue 20: a script URL as a link is an error in Atom, RSS and JSON "
          "Feed",
          "[validate]")
{
  const auto rules = [](const validate::Report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) {
      if (f.rule == "feed-script-url") {
        out.push_back(std::to_string(f.line) + " " + f.message);
      }
    }
    return out;
  };
  const auto atom = validate::validate_bytes(
    "a.xml",
    "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    "<title>t</title><id>https://e.example/</id>"
    "<updated>2024-01-01T00:00:00Z</updated><author><name>a</name></author>\n"
    "<entry><title>e</title><id>https://e.example/1</id>"
    "<updated>2024-01-01T00:00:00Z</updated>\n"
    "<link href=\"javascript:alert(1)\"/></entry></feed>");
  CHECK(rules(atom)
        == std::vector<std::string>{
          "4 link href \"javascript:alert(1)\" is a javascript: URL: clicking "
          "it runs code on the page showing the feed; a link must be an "
          "http(s) URL"});
  const auto rss = validate::validate_bytes(
    "r.xml",
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
    "<link>https://e.example/</link><description>d</description>\n<item>"
    "<title>i</title><link>vbscript:msgbox</link></item></channel></rss>");
  CHECK(rules(rss).size() == 1);
  const auto json = validate::validate_bytes(
    "f.json",
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", "
    "\"items\": [{\"id\": \"1\", \"url\": \"javascript:alert(1)\", "
    "\"content_text\": \"x\"}]}");
  CHECK(rules(json).size() == 1);
}
