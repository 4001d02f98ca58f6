#include "util/escape_scan.hpp"

#include <catch2/catch.hpp>

#include <string>

using ogfeed::util::Escapes;
using ogfeed::util::first_escaped;

namespace {

constexpr auto k_none = std::string_view::npos;

} // namespace

TEST_CASE("first_escaped finds each byte escaping changes, at any place",
          "[util]")
{
  // Every byte JSON escapes, and the three HTML adds, at every place of a
  // text long enough for two eight-byte blocks and a tail, among UTF-8.
  const std::string plain = "日本語のtitle, ok/é";
  REQUIRE(plain.size() > 16);
  for (const char c : std::string("\x01\x1f\n\t\"\\&<>", 9)) {
    const bool html_only = c == '&' || c == '<' || c == '>';
    for (std::size_t at = 0; at <= plain.size(); ++at) {
      std::string text = plain;
      text.insert(at, 1, c);
      CAPTURE(static_cast<int>(c), at);
      CHECK(first_escaped(text, Escapes::json_and_html) == at);
      CHECK(first_escaped(text, Escapes::json) == (html_only ? k_none : at));
      // From past it, nothing more.
      CHECK(first_escaped(text, Escapes::json_and_html, at + 1) == k_none);
    }
  }
}

TEST_CASE("first_escaped passes every other byte", "[util]")
{
  std::string all;
  for (int b = 0x20; b < 0x100; ++b) {
    if (b != '"' && b != '\\' && b != '&' && b != '<' && b != '>') {
      all += static_cast<char>(b);
    }
  }
  CHECK(first_escaped(all, Escapes::json_and_html) == k_none);
  CHECK(first_escaped("", Escapes::json) == k_none);
  CHECK(first_escaped("a&b", Escapes::json) == k_none);
  // The first of several, and the next from a given place.
  CHECK(first_escaped("abcdefghij<k\"l", Escapes::json_and_html) == 10);
  CHECK(first_escaped("abcdefghij<k\"l", Escapes::json) == 12);
  CHECK(first_escaped("abcdefghij<k\"l", Escapes::json_and_html, 11) == 12);
  CHECK(first_escaped("\x7f", Escapes::json) == k_none); // DEL: not escaped
}
