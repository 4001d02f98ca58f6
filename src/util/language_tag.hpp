#pragma once

#include <string_view>

namespace ogfeed::util {

// True for a BCP 47 language tag in outline (ja, en-US, zh-Hant-TW, i-klingon):
// a 2-3 letter primary subtag (or the i/x singletons), then subtags of 1-8
// letters or digits, separated by '-'. The one rule for ogfeed.yaml's
// `language` and for xml:lang and <language> in feeds.
bool is_language_tag(std::string_view s);

// True when two tags name one language: their primary subtags are equal in
// any case ("ja" and "ja-JP", "EN" and "en-us").
bool same_language(std::string_view a, std::string_view b);

} // namespace ogfeed::util
