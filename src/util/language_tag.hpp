#pragma once

#include <string_view>

namespace ogfeed::util {

// True for a BCP 47 language tag in outline (ja, en-US, zh-Hant-TW, i-klingon):
// a 2-3 letter primary subtag (or the i/x singletons), then subtags of 1-8
// letters or digits, separated by '-'. The one rule for ogfeed.yaml's
// `language` and for xml:lang and <language> in feeds.
bool is_language_tag(std::string_view s);

} // namespace ogfeed::util
