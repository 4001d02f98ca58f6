#include "util/encoding_guess.hpp"

#include <iconv.h>

#include <cerrno>
#include <vector>

namespace ogfeed::util {

namespace {

// The kana decoded from `bytes` in `encoding`, or -1 when the bytes are not
// that encoding.
long
kana_count(std::string_view bytes, const char* encoding)
{
  iconv_t cd = ::iconv_open("UTF-32LE", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return -1;
  }
  std::string in(bytes);
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  std::vector<char32_t> out(in.size() + 1);
  char* out_ptr = reinterpret_cast<char*>(out.data());
  std::size_t out_left = out.size() * sizeof(char32_t);
  const std::size_t rc = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  ::iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    return -1;
  }
  const std::size_t n =
    (out.size() * sizeof(char32_t) - out_left) / sizeof(char32_t);
  long kana = 0;
  for (std::size_t i = 0; i < n; ++i) {
    kana += out[i] >= 0x3041 && out[i] <= 0x30FF ? 1 : 0;
  }
  return kana;
}

bool
looks_utf16(std::string_view b)
{
  if (b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF")) {
    return true;
  }
  std::size_t nul_even = 0;
  std::size_t nul_odd = 0;
  for (std::size_t i = 0; i < b.size() && i < 4096; ++i) {
    (i % 2 == 0 ? nul_even : nul_odd) += b[i] == '\0' ? 1 : 0;
  }
  const std::size_t half = std::min<std::size_t>(b.size(), 4096) / 2;
  return half > 0 && (nul_even * 3 > half || nul_odd * 3 > half);
}

} // namespace

std::optional<std::string>
guess_encoding(std::string_view bytes)
{
  if (looks_utf16(bytes)) {
    return "UTF-16";
  }
  const long sjis = kana_count(bytes, "CP932");
  const long euc = kana_count(bytes, "EUC-JP");
  if (sjis < 0 && euc < 0) {
    return std::nullopt;
  }
  return sjis >= euc ? "CP932" : "EUC-JP";
}

} // namespace ogfeed::util
