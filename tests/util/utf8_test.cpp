#include "util/utf8.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed::util;

TEST_CASE("utf8: clean text passes the XML check", "[util]")
{
  CHECK(check_xml_text("日本語\tand tabs\r\nand 🙏\n"));
}

TEST_CASE("utf8: a control character is an error at its line and column",
          "[util]")
{
  auto r = check_xml_text("title\nあいう\x01x\n", 3);
  REQUIRE_FALSE(r);
  CHECK(r.error().line == 4);
  CHECK(r.error().column == 4);
  CHECK(r.error().message
        == "control character U+0001 is not allowed in XML; remove it");
}

TEST_CASE("utf8: invalid UTF-8 is an error at its position", "[util]")
{
  auto r = check_xml_text("ok\nab\xE3\x81z");
  REQUIRE_FALSE(r);
  CHECK(r.error().line == 2);
  CHECK(r.error().column == 3);
  CHECK(r.error().message
        == "invalid UTF-8 (byte 0xE3); save the file as UTF-8");
  CHECK_FALSE(check_xml_text("\xC0\xAF"));         // overlong '/'
  CHECK_FALSE(check_xml_text("\xED\xA0\x80"));     // a surrogate
  CHECK_FALSE(check_xml_text("\xEF\xBF\xBE"));     // U+FFFE
  CHECK_FALSE(check_xml_text("\xF4\x90\x80\x80")); // above U+10FFFF
}

TEST_CASE("utf8: forbidden characters can be replaced with U+FFFD", "[util]")
{
  CHECK(replace_non_xml_chars("a\x01"
                              "b\xFF"
                              "c")
        == "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD"
           "c");
  CHECK(replace_non_xml_chars("日本") == "日本");
}

TEST_CASE("utf8: columns and prefixes count code points", "[util]")
{
  CHECK(column_of("あいう", 6) == 3);
  CHECK(utf8_prefix("あいう", 7) == "あい");
  CHECK(utf8_length("あaい") == 3);
}
