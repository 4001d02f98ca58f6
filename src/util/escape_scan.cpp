#include "util/escape_scan.hpp"

#include <cstdint>
#include <cstring>

namespace ogfeed::util {

namespace {

constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

// Nonzero when one of the eight bytes of `v` is below `n` (n <= 128; a
// byte of 128 or more never counts): exact as to whether, not as to where.
constexpr std::uint64_t
has_below(std::uint64_t v, std::uint64_t n)
{
  return (v - k_ones * n) & ~v & k_highs;
}

// Nonzero when one of the eight bytes of `v` is `b`.
constexpr std::uint64_t
has_byte(std::uint64_t v, std::uint64_t b)
{
  return has_below(v ^ (k_ones * b), 1);
}

bool
is_escaped(unsigned char c, Escapes escapes)
{
  if (c < 0x20 || c == '"' || c == '\\') {
    return true;
  }
  return escapes == Escapes::json_and_html
         && (c == '&' || c == '<' || c == '>');
}

} // namespace

std::size_t
first_escaped(std::string_view text, Escapes escapes, std::size_t from)
{
  const bool html = escapes == Escapes::json_and_html;
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t v = 0;
    std::memcpy(&v, text.data() + i, 8);
    std::uint64_t hit =
      has_below(v, 0x20) | has_byte(v, '"') | has_byte(v, '\\');
    if (html) {
      hit |= has_byte(v, '&') | has_byte(v, '<') | has_byte(v, '>');
    }
    if (hit != 0) {
      break; // which of the eight: found byte by byte below
    }
  }
  for (; i < text.size(); ++i) {
    if (is_escaped(static_cast<unsigned char>(text[i]), escapes)) {
      return i;
    }
  }
  return std::string_view::npos;
}

} // namespace ogfeed::util
