#include "content/front_matter/post_parser.hpp"
#include "test_support.hpp"

using namespace ogfeed;
using test::messages;

TEST_CASE("issue 21: a generator's post without a title, or without front "
          "matter, is published titled from its file name, with a warning",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::PostSource source{"_posts/2024-01-02-my-first_post.md",
                             "2024-01-02-my-first_post"};
  source.quirks = content::PostQuirks::read_as_generator;
  const auto bare =
    content::parse_post("Just text.\n\n---\n\nMore.\n", source, tokyo);
  REQUIRE(bare.post);
  CHECK(bare.post->title == "My First_post");
  CHECK(bare.post->body == "Just text.\n\n---\n\nMore.\n");
  CHECK(messages(bare)
        == std::vector<std::string>{
          "_posts/2024-01-02-my-first_post.md:1:1: warning: no front matter: "
          "the generator publishes it all the same; its feed entry is titled "
          "'My First_post' from its file name"});
  const auto untitled =
    content::parse_post("---\ntags: [a]\n---\nx\n", source, tokyo);
  REQUIRE(untitled.post);
  CHECK(untitled.post->title == "My First_post");
  CHECK(messages(untitled)[0].starts_with(
    "_posts/2024-01-02-my-first_post.md:1:1: warning: no 'title': "));
  // `title:` with nothing, or only a comment, is no title: Jekyll titles
  // the post from its file name as Ruby capitalizes (tried, jekyll 4.3.1).
  content::PostSource shouty{"_posts/2014-10-14-RWD-things-about-pixel.md",
                             "2014-10-14-RWD-things-about-pixel"};
  shouty.quirks = content::PostQuirks::read_as_generator;
  const auto commented = content::parse_post(
    "---\ntitle: #短篇#require.js\n---\nx\n", shouty, tokyo);
  REQUIRE(commented.post);
  CHECK(commented.post->title == "Rwd Things About Pixel");
  CHECK(messages(commented)[0].starts_with(
    "_posts/2014-10-14-RWD-things-about-pixel.md:1:1: warning: no 'title': "));
  shouty.quirks = content::PostQuirks::are_errors;
  const auto strict =
    content::parse_post("---\ntitle:\n---\nx\n", shouty, tokyo);
  CHECK_FALSE(strict.post);
  CHECK(messages(strict)
        == std::vector<std::string>{
          "_posts/2014-10-14-RWD-things-about-pixel.md:1:1: error: missing "
          "'title' in the front matter"});
  // A flag that is neither true nor false: published, as Hugo's cast and
  // Jekyll's `published == false` read it.
  const auto flase =
    content::parse_post("---\ntitle: a\ndraft: flase\n---\nx\n", source, tokyo);
  REQUIRE(flase.post);
  CHECK_FALSE(flase.post->draft);
  CHECK(messages(flase)
        == std::vector<std::string>{
          "_posts/2024-01-02-my-first_post.md:3:8: warning: 'draft' must be "
          "true or false, got \"flase\"; read as the generator reads it: "
          "published"});
  // An unclosed block is still an error.
  CHECK_FALSE(content::parse_post("---\ntitle: a\n", source, tokyo).post);
  // ogfeed's own sites: both errors.
  source.quirks = content::PostQuirks::are_errors;
  CHECK_FALSE(content::parse_post("Just text.\n", source, tokyo).post);
  CHECK_FALSE(
    content::parse_post("---\ntags: [a]\n---\nx\n", source, tokyo).post);
  CHECK_FALSE(
    content::parse_post("---\ntitle: a\ndraft: flase\n---\nx\n", source, tokyo)
      .post);
}

TEST_CASE("issue 21: AstroPaper's front matter: pubDatetime, modDatetime, "
          "postSlug and ogImage",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  const content::PostSource source{"src/content/blog/20231010.md", "20231010"};
  const auto p = content::parse_post(
    "---\ntitle: 日記\npubDatetime: 2023-10-10T12:00:00.000Z\n"
    "modDatetime: 2023-10-11T00:00:00Z\npostSlug: diary-1010\n"
    "ogImage: /og.png\ndescription: d\n---\nx\n",
    source,
    tokyo);
  REQUIRE(p.post);
  CHECK(p.post->slug == "diary-1010");
  CHECK(p.post->image == "/og.png");
  CHECK(test::rfc3339_tokyo(p.post->date) == "2023-10-10T21:00:00+09:00");
  CHECK(test::rfc3339_tokyo(p.post->updated) == "2023-10-11T09:00:00+09:00");
}

TEST_CASE("issue 21: a generator's post whose update date is no date is "
          "published without one, with a warning",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::PostSource source{"src/posts/a.md", "a"};
  source.quirks = content::PostQuirks::read_as_generator;
  const std::string text =
    "---\ntitle: a\ndate: 2024-05-25\nupdated:\n  - ''\n---\nx\n";
  const auto lenient = content::parse_post(text, source, tokyo);
  REQUIRE(lenient.post);
  CHECK(lenient.post->updated == lenient.post->date);
  CHECK(messages(lenient)
        == std::vector<std::string>{
          "src/posts/a.md:5:3: warning: 'updated' must be a string, got a "
          "list; read as the generator reads it: no update time"});
  source.quirks = content::PostQuirks::are_errors; // ogfeed's own site
  CHECK_FALSE(content::parse_post(text, source, tokyo).post);
}

TEST_CASE("issue 21: a generator's post whose date is no date is dated as "
          "one without, and a list of authors is their names, with a "
          "warning for the date",
          "[content]")
{
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  content::PostSource source{"content/post/a.md", "a"};
  source.quirks = content::PostQuirks::read_as_generator;
  const std::string text = "---\ntitle: a\ndate: 2016-12-012T20:56:48-05:00\n"
                           "updated: 2024-05-25\nauthor: [Ann, Bob]\n---\nx\n";
  const auto lenient = content::parse_post(text, source, tokyo);
  REQUIRE(lenient.post);
  CHECK(test::rfc3339_tokyo(lenient.post->date) == "2024-05-25T00:00:00+09:00");
  CHECK(lenient.post->author.name == "Ann, Bob");
  REQUIRE(messages(lenient).size() == 1);
  CHECK(messages(lenient)[0].starts_with(
    "content/post/a.md:3:7: warning: 'date' must be a date"));
  CHECK(messages(lenient)[0].ends_with(
    "read as the generator reads it: no date, dated as a post without one"));
  source.quirks = content::PostQuirks::are_errors; // ogfeed's own site
  CHECK_FALSE(content::parse_post(text, source, tokyo).post);
}
