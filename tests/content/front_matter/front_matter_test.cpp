#include "content/front_matter/front_matter.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed::content;

TEST_CASE("front matter: a --- block is split from the body", "[content]")
{
  auto fm = split_front_matter("---\ntitle: a\n---\nbody\n");
  REQUIRE(fm);
  CHECK(fm->data == "title: a\n");
  CHECK(fm->data_line == 2);
  CHECK(fm->body == "body\n");
  CHECK(fm->body_line == 4);
}

TEST_CASE(
  "front matter: '...' closes the block, and a --- after it is consumed",
  "[content]")
{
  auto fm = split_front_matter("---\ntitle: a\n...\n---\n\nbody\n");
  REQUIRE(fm);
  CHECK(fm->data == "title: a\n");
  CHECK(fm->body == "\nbody\n");
  CHECK(fm->body_line == 5);
  auto plain = split_front_matter("---\ntitle: a\n...\nbody\n");
  REQUIRE(plain);
  CHECK(plain->body == "body\n");
}

TEST_CASE("front matter: a BOM and CRLF line ends are normalized", "[content]")
{
  const std::string text =
    normalize_text("\xEF\xBB\xBF---\r\ntitle: a\r\n---\r\nx\r\n");
  CHECK(text == "---\ntitle: a\n---\nx\n");
}

TEST_CASE("front matter: missing markers are errors", "[content]")
{
  auto none = split_front_matter("# just markdown\n");
  REQUIRE_FALSE(none);
  CHECK(none.error().message
        == "expected '---' (YAML), '+++' (TOML) or '{' (JSON) to open the "
           "front matter");
  auto open = split_front_matter("---\ntitle: a\nbody\n");
  REQUIRE_FALSE(open);
  CHECK(
    open.error().message
    == "expected '---' or '...' to close the front matter, got end of file");
  CHECK(open.error().line == 1);
}

TEST_CASE("issue 21: blank lines before the front matter are skipped, as "
          "Hugo and Hexo skip them",
          "[content]")
{
  auto fm = split_front_matter("\n  \n---\ntitle: a\n---\nbody\n");
  REQUIRE(fm);
  CHECK(fm->data == "title: a\n");
  CHECK(fm->data_line == 4);
  CHECK(fm->body == "body\n");
  CHECK(fm->body_line == 6);
  auto toml = split_front_matter("\n+++\ntitle = 'a'\n+++\nbody\n");
  REQUIRE(toml);
  CHECK(toml->data_line == 3);
  // An error is at the line that is not front matter.
  auto none = split_front_matter("\n\n# just markdown\n");
  REQUIRE_FALSE(none);
  CHECK(none.error().line == 3);
  auto open = split_front_matter("\n---\ntitle: a\n");
  REQUIRE_FALSE(open);
  CHECK(open.error().line == 2);
  CHECK_FALSE(split_front_matter("\n\n"));
}
