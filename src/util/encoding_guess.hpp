#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::util {

// What text that is not UTF-8 most likely is, as iconv names it:
// "UTF-16" (a byte-order mark, or NUL bytes in every other place),
// "CP932" (Shift_JIS) or "EUC-JP" (the one of the two that decodes all of it
// with glibc's iconv, the one with more kana when both do). nullopt when none
// fits.
std::optional<std::string> guess_encoding(std::string_view bytes);

} // namespace ogfeed::util
