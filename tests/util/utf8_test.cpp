#include "test_support.hpp"
#include "util/utf8.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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

namespace {

// The first bad byte's offset by the rules written out plainly (Unicode 15,
// table 3-7; XML 1.0's Char), one code point at a time: what the fast
// paths must agree with.
std::optional<std::size_t>
reference_first_bad(std::string_view s)
{
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](std::size_t k) -> unsigned {
      return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100;
    };
    const auto cont =
      [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return b(k) >= lo && b(k) <= hi;
      };
    const unsigned c = b(0);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if (c >= 0xC2 && c <= 0xDF && cont(1)) {
      len = 2;
      cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    } else if (c >= 0xE0 && c <= 0xEF
               && cont(1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF)
               && cont(2)) {
      len = 3;
      cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    } else if (c >= 0xF0 && c <= 0xF4
               && cont(1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF)
               && cont(2) && cont(3)) {
      len = 4;
      cp = 0x10000; // every one of them is an XML Char
    } else {
      return i;
    }
    const bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD
                          || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
    if (!xml_char) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("utf8: the fast scan agrees with the rules on long mixed texts",
          "[util][issue25]")
{
  // Pieces that meet at every offset of the 32-, 16- and 8-byte paths.
  const std::vector<std::string> pieces = {"a",
                                           "Lambda ",
                                           "\n",
                                           "\t",
                                           "\r",
                                           "あ",
                                           "漢字",
                                           "ー",
                                           "カタカナ",
                                           "\xEE\x80\x80",
                                           "\xEF\xBC\x88",
                                           "\xEF\xBF\xBD",
                                           "\xC2\xA9",
                                           "\xF0\x9F\x98\x80",
                                           "\xED\x9F\xBF",
                                           "\xE0\xA0\x80",
                                           // Each of these is a problem:
                                           "\x01",
                                           "\x1F",
                                           "\xEF\xBF\xBE",
                                           "\xEF\xBF\xBF",
                                           "\xED\xA0\x80",
                                           "\xE0\x80\x80",
                                           "\xC0\xAF",
                                           "\x80",
                                           "\xE3\x81",
                                           "\xF4\x90\x80\x80",
                                           "\xFF"};
  const std::size_t first_bad_piece = 16;
  ogfeed::test::Numbers numbers(12345);
  auto next = [&] { return numbers.next(); };
  int with_problem = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t count = 1 + next() % 80;
    for (std::size_t k = 0; k < count; ++k) {
      // Mostly clean pieces, and long runs of kana, so the fast paths run.
      const std::size_t pick = next() % 100;
      if (pick < 40) {
        text += "ひらがなカタカナ漢字";
      } else if (pick < 55) {
        text += "plain ASCII text, ";
      } else if (pick < 97 || round % 3 == 0) {
        text += pieces[next() % first_bad_piece];
      } else {
        text +=
          pieces[first_bad_piece + next() % (pieces.size() - first_bad_piece)];
      }
    }
    const auto expected = reference_first_bad(text);
    const auto got = find_text_problem(text);
    INFO("round " << round);
    REQUIRE(got.has_value() == expected.has_value());
    // The one-scan check (32 and 16 bytes at a time) clears exactly the
    // clean texts without CR: no piece here ends in 0xBF before 0xBE/0xBF,
    // the one pattern it leaves to the byte-wise check.
    CHECK(is_plain_text(text)
          == (!expected && text.find('\r') == std::string::npos));
    if (expected) {
      ++with_problem;
      const std::string_view before(text.data(), *expected);
      CHECK(got->line
            == 1
                 + static_cast<int>(
                   std::count(before.begin(), before.end(), '\n')));
    }
  }
  CHECK(with_problem > 500);
  CHECK(with_problem < 3500);
}
