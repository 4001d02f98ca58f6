#pragma once

#include <string>
#include <string_view>

namespace ogfeed::util {

// The form by which two names (tags, file names made from post data) are the
// same: Unicode NFC, then case folded, so "Go" and "go", or "ｶﾞ" written
// composed and decomposed, give one key. Bytes that are not UTF-8 are only
// ASCII-lowered.
std::string fold_name(std::string_view name);

} // namespace ogfeed::util
