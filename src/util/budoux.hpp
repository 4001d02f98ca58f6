#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// The phrase model of a language's line breaking.
enum class PhraseModel {
  ja,      // BudouX's Japanese model
  zh_hans, // BudouX's Simplified Chinese model
  zh_hant, // BudouX's Traditional Chinese model
  spaces,  // words between spaces (Korean, and every space-separated script)
};

// The model for `language` (a BCP 47 tag: "ja", "zh-CN", "zh-Hant-TW",
// "ko"): Chinese by script subtag, else by region (TW, HK, MO are
// Traditional). Without a language, by the script of `text`: kana make it
// Japanese, Hangul Korean, Han alone Chinese (Traditional when it has
// characters only Traditional Chinese writes, else Simplified).
PhraseModel phrase_model_for(std::string_view language,
                             const std::u32string& text);

// Returns where `model` (BudouX's, npm budoux 0.9.2) puts phrase boundaries
// in `text`: sorted code point indices i, 0 < i < size, each a break before
// text[i]. Like upstream, features are read over UTF-16 code units, so
// results match the JavaScript library exactly; a boundary that upstream
// would put inside a surrogate pair is dropped. With PhraseModel::spaces,
// the start of every word after a space. Thread-safe.
std::vector<std::size_t> budoux_boundaries(const std::u32string& text,
                                           PhraseModel model = PhraseModel::ja);

} // namespace ogfeed::util
