#include "content/config/site_config.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

std::string
error_of(std::string_view yaml)
{
  auto c = content::parse_site_config(yaml);
  return c ? std::string("ok")
           : util::format_diagnostic(util::with_path(c.error(), "ogfeed.yaml"));
}

} // namespace

TEST_CASE("site config: defaults", "[content]")
{
  auto c =
    content::parse_site_config("title: T\nbase_url: https://example.com\n");
  REQUIRE(c);
  CHECK(c->base_url == "https://example.com/");
  CHECK(c->language == "ja");
  CHECK(c->timezone.name() == "Asia/Tokyo");
  CHECK(c->permalink == "/posts/:slug/");
  CHECK(c->content_dirs == std::vector<std::string>{"posts"});
  CHECK(c->output_dir == "public");
  CHECK(c->author.name == "T");
  CHECK(c->feeds.formats == std::vector<std::string>{"atom", "rss"});
  CHECK(c->feeds.atom_file == "atom.xml");
  CHECK(c->feeds.rss_file == "rss.xml");
  CHECK(c->feeds.limit == 20);
  CHECK(c->feeds.per_tag);
  CHECK(c->feeds.per_category);
}

TEST_CASE("site config: every key", "[content]")
{
  auto c = content::parse_site_config(
    "title: T\n"
    "subtitle: S\n"
    "base_url: https://example.com/blog/\n"
    "language: en-US\n"
    "timezone: America/New_York\n"
    "author: {name: A, email: a@example.com, uri: https://a.example/}\n"
    "permalink: /:year/:month/:day/:slug/\n"
    "content_dir: content\n"
    "output_dir: out\n"
    "feeds:\n"
    "  formats: [rss]\n"
    "  atom_file: feed.atom\n"
    "  rss_file: feed.rss\n"
    "  limit: 5\n"
    "  tags: false\n"
    "  categories: no\n"
    "  entry_id: tag\n");
  REQUIRE(c);
  CHECK(c->timezone.name() == "America/New_York");
  CHECK(c->author.uri == "https://a.example/");
  CHECK(c->feeds.formats == std::vector<std::string>{"rss"});
  CHECK(c->feeds.limit == 5);
  CHECK_FALSE(c->feeds.per_tag);
  CHECK_FALSE(c->feeds.per_category);
  CHECK(c->feeds.entry_id == content::EntryId::tag_uri);
}

TEST_CASE("site config: an unknown key suggests the near miss", "[content]")
{
  CHECK(error_of("title: T\nbase_url: https://e.com/\ntime_zone: UTC\n")
        == "ogfeed.yaml:3:1: error: unknown key 'time_zone', did you mean "
           "'timezone'?");
  CHECK(error_of("title: T\nbase_url: https://e.com/\nfeeds:\n  limt: 3\n")
        == "ogfeed.yaml:4:3: error: unknown key 'feeds.limt', did you mean "
           "'limit'?");
  CHECK(
    error_of("title: T\nbase_url: https://e.com/\nfeeds: {formats: [atm]}\n")
    == "ogfeed.yaml:3:18: error: unknown feed format 'atm', did you mean "
       "'atom'?");
  CHECK(error_of("title: T\nbase_url: https://e.com/\nwhatever: 1\n")
        == "ogfeed.yaml:3:1: error: unknown key 'whatever'");
}

TEST_CASE("site config: bad values name the key and quote the value",
          "[content]")
{
  CHECK(error_of("title: T\nbase_url: example.com\n")
        == "ogfeed.yaml:2:11: error: 'base_url' must be an absolute http(s) "
           "URL such as "
           "https://example.com/, got \"example.com\"");
  CHECK(error_of("title: T\nbase_url: https://e.com/\ntimezone: Tokyo\n")
        == "ogfeed.yaml:3:11: error: unknown time zone 'Tokyo', expected an "
           "IANA name "
           "such as 'Asia/Tokyo' or 'UTC'");
  CHECK(error_of("title: T\nbase_url: https://e.com/\npermalink: /:slg/\n")
        == "ogfeed.yaml:3:12: error: unknown permalink token ':slg', did you "
           "mean ':slug'?");
  CHECK(error_of("title: T\nbase_url: https://e.com/\nfeeds: {limit: 0}\n")
        == "ogfeed.yaml:3:16: error: 'feeds.limit' must be a whole number from "
           "1 to "
           "100000, got \"0\"");
  CHECK(error_of(
          "title: T\nbase_url: https://e.com/\nfeeds: {atom_file: ../x.xml}\n")
        == "ogfeed.yaml:3:20: error: 'feeds.atom_file' must be a relative file "
           "name inside the output folder (no '..', no name starting with "
           "'.'), got "
           "\"../x.xml\"");
  // Issue 22: a key the file lacks is said of the file, not of its line 1;
  // a bad output_dir at its value.
  CHECK(error_of("base_url: https://e.com/\n")
        == "ogfeed.yaml: error: missing 'title' (the site's name, as feeds "
           "show it)");
  CHECK(error_of("title: T\nbase_url: https://e.com/\noutput_dir: ../out\n")
          .starts_with("ogfeed.yaml:3:13: error: 'output_dir' must be a folder "
                       "inside the site"));
}

TEST_CASE("issue 7: a language tag the feeds would reject fails in the config",
          "[content]")
{
  CHECK(error_of("title: T\nbase_url: https://e.com/\nlanguage: english\n")
        == "ogfeed.yaml:3:11: error: 'language' must be a language tag such "
           "as 'ja' or 'en-US', got \"english\"");
  CHECK(error_of("title: T\nbase_url: https://e.com/\nlanguage: zh-Hant-TW\n")
        == "ok");
}

TEST_CASE("issue 21: permalink_timezone names the zone of the URL dates",
          "[content]")
{
  auto c = content::parse_site_config(
    "title: T\nbase_url: https://example.com\npermalink_timezone: UTC\n");
  REQUIRE(c);
  REQUIRE(c->permalink_timezone);
  CHECK(c->permalink_timezone->name() == "UTC");
  CHECK(error_of("title: T\nbase_url: https://example.com\n"
                 "permalink_timezone: Asia/Tokio\n")
        == "ogfeed.yaml:3:21: error: unknown time zone 'Asia/Tokio', expected "
           "an IANA name such as 'Asia/Tokyo' or 'UTC'");
}
