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
    "\"column\": 3, \"message\": \"<channel> has no <link>\"}"));
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
