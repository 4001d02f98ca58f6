#include "content/config/url_path.hpp"

#include "util/url.hpp"
#include "util/utf8.hpp"

#include <glib.h>

#include <algorithm>

namespace ogfeed::content {

namespace {

bool
is_hex(char32_t c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
         || (c >= 'A' && c <= 'F');
}

// Go's unicode.IsLetter, IsDigit (Nd) and IsMark, which Hugo keeps.
bool
is_letter_digit_or_mark(char32_t c)
{
  switch (g_unichar_type(static_cast<gunichar>(c))) {
  case G_UNICODE_LOWERCASE_LETTER:
  case G_UNICODE_MODIFIER_LETTER:
  case G_UNICODE_OTHER_LETTER:
  case G_UNICODE_TITLECASE_LETTER:
  case G_UNICODE_UPPERCASE_LETTER:
  case G_UNICODE_DECIMAL_NUMBER:
  case G_UNICODE_SPACING_MARK:
  case G_UNICODE_ENCLOSING_MARK:
  case G_UNICODE_NON_SPACING_MARK:
    return true;
  default:
    return false;
  }
}

bool
is_kept_punctuation(char32_t c)
{
  return c == '.' || c == '/' || c == '\\' || c == '_' || c == '#' || c == '+'
         || c == '~' || c == '-' || c == '@';
}

} // namespace

std::string
sanitize_url_path(std::string_view text)
{
  const std::u32string source = util::decode_utf8(text);
  std::u32string target;
  bool hyphen_due = false;
  bool was_hyphen = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char32_t c = source[i];
    const bool escape = c == '%' && i + 2 < source.size()
                        && is_hex(source[i + 1]) && is_hex(source[i + 2]);
    if (escape || is_kept_punctuation(c) || is_letter_digit_or_mark(c)) {
      was_hyphen = c == '-';
      if (hyphen_due && !was_hyphen) {
        target += U'-';
      }
      hyphen_due = false;
      target += c;
    } else if (!target.empty() && !was_hyphen
               && g_unichar_isspace(static_cast<gunichar>(c))) {
      hyphen_due = true;
    }
  }
  return util::encode_utf8(target);
}

std::string
urlize_token(std::string_view text)
{
  // Cleaned, then read as a query ('+' a space, each escape its byte: every
  // escape left is well formed), then cleaned again: "50% off+more" is
  // "50-off+more", then "50-off-more".
  std::string clean = sanitize_url_path(text);
  std::replace(clean.begin(), clean.end(), '+', ' ');
  return sanitize_url_path(util::percent_decode(clean));
}

std::string
slugize_term(std::string_view text)
{
  static constexpr std::u32string_view k_special =
    U"~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/";
  std::u32string out;
  bool separator = false;
  for (const char32_t c : util::decode_utf8(text)) {
    if (c < 0x20) {
      continue;
    }
    if (k_special.find(c) != std::u32string_view::npos
        || g_unichar_isspace(static_cast<gunichar>(c)) || c == 0xFEFF) {
      separator = !out.empty();
      continue;
    }
    if (separator) {
      out += U'-';
      separator = false;
    }
    out += c;
  }
  return util::encode_utf8(out);
}

std::string
slugify_pretty(std::string_view text)
{
  static constexpr std::u32string_view k_kept = U"._~!$&'()+,;=@";
  std::u32string out;
  bool run = false; // characters to replace since the last kept one
  for (const char32_t c : util::decode_utf8(text)) {
    if (is_letter_digit_or_mark(c) || k_kept.find(c) != std::u32string::npos) {
      if (run) {
        out += U'-';
      }
      run = false;
      out += c;
    } else {
      run = true;
    }
  }
  if (run) {
    out += U'-';
  }
  // Ruby's gsub(/^-|-$/, ""): one '-' off each end.
  if (!out.empty() && out.front() == U'-') {
    out.erase(out.begin());
  }
  if (!out.empty() && out.back() == U'-') {
    out.pop_back();
  }
  return util::encode_utf8(out);
}

std::string
github_slug(std::string_view text)
{
  // JavaScript's toLowerCase: full case mapping, as g_utf8_strdown's (of
  // valid UTF-8: decoding replaces what is not).
  const std::string valid = util::encode_utf8(util::decode_utf8(text));
  gchar* lower = g_utf8_strdown(valid.c_str(), -1);
  const std::u32string chars = util::decode_utf8(lower);
  g_free(lower);
  std::u32string out;
  for (const char32_t c : chars) {
    if (c == U' ') {
      out += U'-';
      continue;
    }
    const GUnicodeType type = g_unichar_type(static_cast<gunichar>(c));
    if (c == U'-' || is_letter_digit_or_mark(c)
        || type == G_UNICODE_LETTER_NUMBER
        || type == G_UNICODE_CONNECT_PUNCTUATION) {
      out += c;
    }
  }
  return util::encode_utf8(out);
}

std::string
lower_url_path(std::string_view text)
{
  std::u32string chars = util::decode_utf8(text);
  for (char32_t& c : chars) {
    c = static_cast<char32_t>(g_unichar_tolower(static_cast<gunichar>(c)));
  }
  return util::encode_utf8(chars);
}

std::string
url_path_encode(std::string_view text)
{
  return util::percent_encode(text, "/+@", true);
}

} // namespace ogfeed::content
