#include "test_support.hpp"
#include "validate/report_format.hpp"
#include "validate/validator.hpp"

using namespace ogfeed;

namespace {

validate::Report
check(const std::string& name)
{
  return validate::validate_bytes(
    name, test::slurp(test::k_source_dir / "tests/data/validate" / name));
}

// "line:col severity rule" for each finding, to compare whole lists.
std::vector<std::string>
summary(const validate::Report& r)
{
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    out.push_back(
      std::to_string(f.line) + ":" + std::to_string(f.column) + " "
      + (f.severity == util::Severity::error ? "error " : "warning ") + f.rule);
  }
  return out;
}

} // namespace

TEST_CASE("validate: clean Atom and RSS feeds have no findings", "[validate]")
{
  const auto atom = check("atom-valid.xml");
  CHECK(atom.kind == validate::FeedKind::atom);
  CHECK(summary(atom).empty());
  const auto rss = check("rss-valid.xml");
  CHECK(rss.kind == validate::FeedKind::rss);
  CHECK(summary(rss).empty());
}

TEST_CASE("validate: Atom rules, each at its element", "[validate]")
{
  CHECK(summary(check("atom-errors.xml"))
        == std::vector<std::string>{"4:3 error atom-invalid-text-type",
                                    "5:3 error atom-invalid-date",
                                    "7:3 error atom-missing-id",
                                    "7:3 error atom-missing-author",
                                    "10:34 warning feed-relative-url",
                                    "11:5 error atom-undefined-element"});
}

TEST_CASE("validate: RSS rules, each at its element", "[validate]")
{
  const auto r = check("rss-errors.xml");
  CHECK(summary(r)
        == std::vector<std::string>{
          "3:3 error rss-missing-link",
          "7:5 error rss-invalid-ttl",
          "8:5 error rss-item-without-title-or-description",
          "9:7 error rss-wrong-weekday",
          "10:7 error rss-invalid-contact",
          "11:7 error rss-invalid-permalink",
          "12:7 error rss-enclosure-missing-attribute"});
  CHECK(r.findings[3].message
        == "<pubDate> \"Sun, 27 May 2019 10:00:00 +0900\" names the wrong day "
           "of the week");
}

TEST_CASE("validate: XML problems stop the check at their position",
          "[validate]")
{
  CHECK(summary(check("undeclared-prefix.xml"))
        == std::vector<std::string>{"5:5 error xml-undeclared-prefix"});
  CHECK(summary(check("control-char.xml"))
        == std::vector<std::string>{"4:17 error xml-invalid-character"});
  CHECK(summary(check("entity-bomb.xml"))
        == std::vector<std::string>{"3:14 error xml-entity-declaration"});
  CHECK(summary(validate::validate_bytes("empty", ""))
        == std::vector<std::string>{"1:1 error xml-not-well-formed"});
}

TEST_CASE("issue 12: RSS 1.0 (RDF) is validated: an index.rdf as Japanese "
          "blogs publish it is clean, a bare channel fails",
          "[validate]")
{
  const auto good = check("index.rdf");
  CHECK(good.kind == validate::FeedKind::rss1);
  CHECK(summary(good).empty());
  const auto r = check("rdf.xml");
  CHECK(r.kind == validate::FeedKind::rss1);
  CHECK(summary(r)
        == std::vector<std::string>{"3:3 error rss1-missing-link",
                                    "3:3 error rss1-missing-description",
                                    "3:3 error rss1-missing-items"});
}

TEST_CASE("validate: a feed streams in chunks of any size", "[validate]")
{
  const std::string bytes =
    test::slurp(test::k_source_dir / "tests/data/validate/rss-errors.xml");
  validate::Validator v("chunked");
  for (const char c : bytes) {
    v.feed(std::string_view(&c, 1));
  }
  CHECK(summary(v.finish()) == summary(check("rss-errors.xml")));
}

TEST_CASE("validate: output formats for people, scripts, GitHub and JUnit",
          "[validate]")
{
  const std::vector<validate::Report> reports = {check("rss-errors.xml")};
  using validate::OutputFormat;
  const std::string text =
    validate::format_reports(reports, OutputFormat::text, false);
  CHECK(text.starts_with(
    "rss-errors.xml:3:3: error[rss-missing-link]: <channel> has no <link>\n"));
  const std::string json =
    validate::format_reports(reports, OutputFormat::json, false);
  CHECK(json.starts_with(
    "{\"files\": [{\"file\": \"rss-errors.xml\", \"format\": \"RSS 2.0\", "
    "\"valid\": false, "
    "\"findings\": [{\"rule\": \"rss-missing-link\", \"severity\": \"error\", "
    "\"line\": 3, "
    "\"column\": 3, \"message\": \"<channel> has no <link>\", "
    "\"spec\": \"RSS 2.0, required channel elements: link\", "
    "\"spec_url\": "
    "\"https://www.rssboard.org/rss-specification#requiredChannelElements\"}"));
  const std::string github =
    validate::format_reports(reports, OutputFormat::github, false);
  CHECK(github.starts_with("::error "
                           "file=rss-errors.xml,line=3,col=3,title=rss-missing-"
                           "link::<channel> has no <link>\n"));
  const std::string junit =
    validate::format_reports(reports, OutputFormat::junit, false);
  CHECK(junit.find("<testsuite name=\"ogfeed validate\" tests=\"1\" "
                   "failures=\"1\" errors=\"0\">")
        != std::string::npos);
  CHECK(junit.find("<failure message=\"&lt;channel> has no &lt;link>\" "
                   "type=\"rss-missing-link\">")
        != std::string::npos);
}

TEST_CASE("validate: dates after the injected clock are warnings", "[validate]")
{
  const std::string feed =
    test::slurp(test::k_source_dir / "tests/data/validate/rss-valid.xml");
  const util::UtcSeconds before{std::chrono::seconds{1500000000}}; // 2017
  const auto r = validate::validate_bytes("f", feed, before);
  CHECK(summary(r)
        == std::vector<std::string>{"12:7 warning feed-future-date"});
  const util::UtcSeconds after{std::chrono::seconds{1600000000}}; // 2020
  CHECK(summary(validate::validate_bytes("f", feed, after)).empty());
}

TEST_CASE("issue 23: feeds in every encoding iconv knows are read, and "
          "columns count characters",
          "[validate]")
{
  struct Case
  {
    const char* encoding;
    std::string text;    // in that encoding
    std::string decoded; // the same in UTF-8
  };
  const std::vector<Case> cases = {
    {"Shift_JIS", "\x93\xFA\x96\x7B\x8C\xEA", "日本語"},
    {"EUC-JP", "\xC6\xFC\xCB\xDC\xB8\xEC", "日本語"},
    {"GB2312", "\xD6\xD0\xCE\xC4", "中文"},
    {"Big5", "\xA4\xA4\xA4\xE5", "中文"},
    {"EUC-KR", "\xC7\xD1\xB1\xB9\xBE\xEE", "한국어"},
    {"windows-1251", "\xD0\xF3\xF1", "Рус"},
    {"windows-1252", "caf\xE9", "café"},
  };
  // The feed with its date holding the text: the finding quotes it.
  const auto feed = [](const std::string& encoding, const std::string& text) {
    return "<?xml version=\"1.0\" encoding=\"" + encoding
           + "\"?>\n<rss version=\"2.0\"><channel><title>" + text
           + "</title><link>https://e.com/</link><description>d</description>"
             "<item><title>"
           + text + "</title><guid>https://e.com/a</guid><pubDate>" + text
           + "</pubDate></item></channel></rss>\n";
  };
  const auto date_of = [](const validate::Report& r) {
    return std::find_if(
      r.findings.begin(), r.findings.end(), [](const validate::Finding& f) {
        return f.rule == "rss-invalid-date";
      });
  };
  for (const auto& c : cases) {
    INFO(c.encoding);
    const validate::Report r =
      validate::validate_bytes("f.xml", feed(c.encoding, c.text));
    const auto date = date_of(r);
    REQUIRE(date != r.findings.end());
    CHECK(date->message.find("\"" + c.decoded + "\"") != std::string::npos);
    for (const auto& f : r.findings) {
      CHECK(f.rule.rfind("xml-", 0) != 0);
    }
    // Columns count characters: the same as in the feed written in UTF-8.
    const validate::Report utf8 =
      validate::validate_bytes("f.xml", feed("UTF-8", c.decoded));
    REQUIRE(date_of(utf8) != utf8.findings.end());
    CHECK(date->column == date_of(utf8)->column);
    CHECK(date->line == date_of(utf8)->line);
  }
  // Bytes the encoding has no character for are an error, not a crash.
  const validate::Report bad = validate::validate_bytes(
    "bad.xml",
    "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<rss version=\"2.0\">"
    "<channel><title>\x81\x20</title></channel></rss>\n");
  REQUIRE_FALSE(bad.findings.empty());
  CHECK(bad.findings.back().rule == "xml-invalid-character");
  // An encoding no one knows is said so.
  const validate::Report unknown = validate::validate_bytes(
    "u.xml", "<?xml version=\"1.0\" encoding=\"x-nothing\"?>\n<rss/>\n");
  REQUIRE_FALSE(unknown.findings.empty());
  CHECK(unknown.findings.front().rule == "xml-encoding");
}
