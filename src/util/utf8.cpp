#include "util/utf8.hpp"

#include <fmt/format.h>

#include <simdjson.h>

#include <algorithm>
#include <cstdint>

#if defined(__x86_64__)
#  include <immintrin.h>
#elif defined(__SSE2__)
#  include <emmintrin.h>
#endif

namespace ogfeed::util {

namespace {

constexpr char32_t k_invalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at `i`; sets `len` to its byte length (1 for an
// invalid byte) and returns k_invalid for malformed, overlong or surrogate
// sequences.
char32_t
decode(std::string_view s, std::size_t i, std::size_t& len)
{
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b0 < 0x80) {
    return b0;
  }
  std::size_t need;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return k_invalid;
  }
  if (i + need >= s.size()) {
    return k_invalid;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return k_invalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return k_invalid;
  }
  len = need + 1;
  return cp;
}

bool
is_xml_char(char32_t c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

} // namespace

namespace {

// False when `text` holds a C0 control but tab, LF and CR (and CR too
// when `cr_too`), or a byte 0xBF followed by 0xBE or 0xBF: how U+FFFE and
// U+FFFF end in UTF-8 (a few characters XML allows end so too, such as
// U+1FFFF, so a hit is a hint for the byte-wise check, never an answer).
// 32 bytes at a time with AVX2 where the CPU has it, else 16 with SSE2.
bool
no_forbidden_tail(const unsigned char* p,
                  std::size_t n,
                  std::size_t i,
                  bool cr_too)
{
  for (; i < n; ++i) {
    const unsigned char b = p[i];
    if ((b < 0x20 && b != '\t' && b != '\n' && (b != '\r' || cr_too))
        || (b == 0xBF && i + 1 < n && (p[i + 1] | 1) == 0xBF)) {
      return false;
    }
  }
  return true;
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) bool
no_forbidden_hint_avx2(std::string_view text, bool cr_too)
{
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  const __m256i c_1f = _mm256_set1_epi8(0x1F);
  const __m256i c_bf = _mm256_set1_epi8(static_cast<char>(0xBF));
  const __m256i cr = _mm256_set1_epi8(cr_too ? '\t' : '\r'); // tab twice
  for (; i + 33 <= n; i += 32) {
    const __m256i v =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i next =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, c_1f), v);
    const __m256i allowed = _mm256_or_si256(
      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'))),
      _mm256_cmpeq_epi8(v, cr));
    const __m256i ends_fffx = _mm256_and_si256(
      _mm256_cmpeq_epi8(v, c_bf),
      _mm256_cmpeq_epi8(_mm256_or_si256(next, _mm256_set1_epi8(1)), c_bf));
    if (_mm256_movemask_epi8(
          _mm256_or_si256(_mm256_andnot_si256(allowed, low), ends_fffx))
        != 0) {
      return false;
    }
  }
  return no_forbidden_tail(p, n, i, cr_too);
}
#endif

bool
no_forbidden_hint(std::string_view text, bool cr_too)
{
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) {
    return no_forbidden_hint_avx2(text, cr_too);
  }
#endif
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i c_1f = _mm_set1_epi8(0x1F);
  const __m128i c_bf = _mm_set1_epi8(static_cast<char>(0xBF));
  const __m128i cr = _mm_set1_epi8(cr_too ? '\t' : '\r');
  for (; i + 17 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i next =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    // v <= 0x1F, unsigned, and not one of the three allowed.
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, c_1f), v);
    const __m128i allowed =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                   _mm_cmpeq_epi8(v, cr));
    const __m128i ends_fffx =
      _mm_and_si128(_mm_cmpeq_epi8(v, c_bf),
                    _mm_cmpeq_epi8(_mm_or_si128(next, _mm_set1_epi8(1)), c_bf));
    if (_mm_movemask_epi8(
          _mm_or_si128(_mm_andnot_si128(allowed, low), ends_fffx))
        != 0) {
      return false;
    }
  }
#endif
  return no_forbidden_tail(p, n, i, cr_too);
}

// True for a text that is valid UTF-8 and free of what XML forbids; false
// may still be clean. Nearly every text is clean: simdjson's validator (SIMD,
// chosen for the CPU at run time) and one pass for controls clear it at
// memory speed.
bool
surely_clean(std::string_view text)
{
  return simdjson::validate_utf8(text.data(), text.size())
         && no_forbidden_hint(text, false);
}

// The length of the multi-byte sequence at `i`, checked byte-wise
// (Unicode 15, table 3-7), or 0 when it is invalid or U+FFFE/U+FFFF.
std::size_t
sequence_length(const unsigned char* p, std::size_t n, std::size_t i)
{
  const unsigned char lead = p[i];
  auto cont = [&](std::size_t k) {
    return i + k < n && (p[i + k] & 0xC0) == 0x80;
  };
  if (lead >= 0xC2 && lead <= 0xDF) {
    return cont(1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const bool bad = !cont(1) || !cont(2) || (lead == 0xE0 && p[i + 1] < 0xA0)
                     || (lead == 0xED && p[i + 1] >= 0xA0)
                     || (lead == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE);
    return bad ? 0 : 3; // overlong, a surrogate, or U+FFFE/U+FFFF
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const bool bad = !cont(1) || !cont(2) || !cont(3)
                     || (lead == 0xF0 && p[i + 1] < 0x90)
                     || (lead == 0xF4 && p[i + 1] >= 0x90);
    return bad ? 0 : 4;
  }
  return 0;
}

// Returns the offset of the first byte that starts an invalid UTF-8 sequence
// or a character XML 1.0 forbids, or npos. Byte-wise: only texts the fast
// check in find_text_problem() did not clear come here.
std::size_t
first_bad_offset(std::string_view text)
{
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return i;
      }
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(p, n, i);
    if (len == 0) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

} // namespace

bool
is_plain_text(std::string_view text)
{
  return simdjson::validate_utf8(text.data(), text.size())
         && no_forbidden_hint(text, true);
}

std::optional<TextProblem>
find_text_problem(std::string_view text, int first_line)
{
  if (surely_clean(text)) {
    return std::nullopt;
  }
  const std::size_t bad = first_bad_offset(text);
  if (bad == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
  const std::size_t col_from =
    line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
  const int line =
    first_line
    + static_cast<int>(std::count(
      text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
  const int column = column_of(text.substr(col_from), bad - col_from);
  std::size_t len;
  const char32_t c = decode(text, bad, len);
  TextProblem p;
  p.line = line;
  p.column = column;
  if (c == k_invalid) {
    p.kind = TextProblem::Kind::invalid_utf8;
    p.byte = static_cast<unsigned char>(text[bad]);
  } else {
    p.kind = TextProblem::Kind::forbidden_char;
    p.c = c;
  }
  return p;
}

Error
text_problem_error(const TextProblem& p, std::string_view advice)
{
  if (p.kind == TextProblem::Kind::invalid_utf8) {
    return make_error(
      fmt::format("invalid UTF-8 (byte 0x{:02X}); {}", p.byte, advice),
      p.line,
      p.column);
  }
  return make_error("control character " + code_point_name(p.c)
                      + " is not allowed in XML; remove it",
                    p.line,
                    p.column);
}

Expected<void>
check_xml_text(std::string_view text, int first_line)
{
  if (const auto p = find_text_problem(text, first_line)) {
    return tl::unexpected(text_problem_error(*p));
  }
  return {};
}

std::string
drop_forbidden_chars(std::string_view text, std::size_t& dropped)
{
  dropped = 0;
  if (surely_clean(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    const char32_t c = decode(text, i, len);
    if (c != k_invalid && !is_xml_char(c)) {
      ++dropped;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string
replace_non_xml_chars(std::string_view text)
{
  if (surely_clean(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    const char32_t c = decode(text, i, len);
    if (c == k_invalid || !is_xml_char(c)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

int
column_of(std::string_view line, std::size_t offset)
{
  int column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return column;
}

std::string_view
utf8_prefix(std::string_view text, std::size_t max_bytes)
{
  if (text.size() <= max_bytes) {
    return text;
  }
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

std::size_t
utf8_length(std::string_view text)
{
  std::size_t n = 0;
  for (const char ch : text) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::u32string
decode_utf8(std::string_view s)
{
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80         ? 1
                      : (b >> 5) == 6  ? 2
                      : (b >> 4) == 14 ? 3
                      : (b >> 3) == 30 ? 4
                                       : 0;
    if (len == 0 || i + len > s.size()) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    bool ok = true;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cb = static_cast<unsigned char>(s[i + k]);
      ok = ok && (cb & 0xC0) == 0x80;
      c = (c << 6) | (cb & 0x3F);
    }
    out += ok ? c : U'\uFFFD';
    i += ok ? len : 1;
  }
  return out;
}

std::string
encode_utf8(std::u32string_view text)
{
  std::string out;
  for (const char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string
code_point_name(char32_t c)
{
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
}

} // namespace ogfeed::util
