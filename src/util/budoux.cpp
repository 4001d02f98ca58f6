#include "util/budoux.hpp"

#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>

namespace ogfeed::util {

namespace {

enum Group {
  UW1,
  UW2,
  UW3,
  UW4,
  UW5,
  UW6,
  BW1,
  BW2,
  BW3,
  TW1,
  TW2,
  TW3,
  TW4,
  k_groups,
};

struct Entry
{
  int group;
  const char* feature; // UTF-8
  int score;
};

constexpr Entry k_ja[] = {
#include "util/budoux/ja_model.inc"
};
constexpr Entry k_zh_hans[] = {
#include "util/budoux/zh_hans_model.inc"
};
constexpr Entry k_zh_hant[] = {
#include "util/budoux/zh_hant_model.inc"
};

std::u16string
to_utf16(std::u32string_view s)
{
  std::u16string out;
  for (const char32_t c : s) {
    if (c >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}

struct Model
{
  std::array<std::unordered_map<std::u16string, int>, k_groups> groups;
  long doubled_base_score = 0;

  template<std::size_t N> explicit Model(const Entry (&entries)[N])
  {
    long total = 0;
    for (const Entry& e : entries) {
      groups[static_cast<std::size_t>(e.group)]
            [to_utf16(util::decode_utf8(e.feature))] = e.score;
      total += e.score;
    }
    // parser.ts: baseScore = -0.5 * sum of every score; kept doubled so it
    // stays an integer.
    doubled_base_score = -total;
  }

  int
  score(Group g,
        const std::u16string& s,
        std::size_t from,
        std::size_t len) const
  {
    if (len == 0) {
      return 0;
    }
    const auto& map = groups[g];
    const auto it = map.find(s.substr(from, len));
    return it == map.end() ? 0 : it->second;
  }
};

// Each model is built the first time a text needs it.
const Model&
model(PhraseModel which)
{
  switch (which) {
  case PhraseModel::zh_hans: {
    static const Model m(k_zh_hans);
    return m;
  }
  case PhraseModel::zh_hant: {
    static const Model m(k_zh_hant);
    return m;
  }
  default: {
    static const Model m(k_ja);
    return m;
  }
  }
}

bool
is_kana(char32_t c)
{
  return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)
         || (c >= 0xFF66 && c <= 0xFF9D);
}

bool
is_hangul(char32_t c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF)
         || (c >= 0x3130 && c <= 0x318F);
}

// Characters common in Traditional Chinese that Simplified Chinese (and
// Japanese) write otherwise: enough of them to tell a title's script.
bool
is_traditional_only(char32_t c)
{
  static constexpr std::u32string_view k_traditional =
    U"們這個來時為說國會對開發關與實現過還從後麼種點樣當應讓經網頁資訊電腦軟體"
    U"語華業東車門問間聽見長壓寫學習裡線設計導務運動場機構變體驗歷區號碼";
  return k_traditional.find(c) != std::u32string_view::npos;
}

std::vector<std::size_t>
word_starts(const std::u32string& text)
{
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if ((text[i - 1] == U' ' || text[i - 1] == U'\u3000') && text[i] != U' '
        && text[i] != U'\u3000') {
      out.push_back(i);
    }
  }
  return out;
}

} // namespace

PhraseModel
phrase_model_for(std::string_view language, const std::u32string& text)
{
  std::string tag;
  for (const char c : language) {
    tag += c == '_'
             ? '-'
             : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const std::string_view primary =
    std::string_view(tag).substr(0, tag.find('-'));
  if (primary == "zh" || primary == "cmn" || primary == "yue") {
    const auto has = [&](std::string_view subtag) {
      return (tag + "-").find("-" + std::string(subtag) + "-")
             != std::string::npos;
    };
    if (has("hant")) {
      return PhraseModel::zh_hant;
    }
    if (has("hans")) {
      return PhraseModel::zh_hans;
    }
    return has("tw") || has("hk") || has("mo") || primary == "yue"
             ? PhraseModel::zh_hant
             : PhraseModel::zh_hans;
  }
  if (primary == "ja") {
    return PhraseModel::ja;
  }
  if (!primary.empty()) {
    bool han = false;
    for (const char32_t c : text) {
      han = han || (c >= 0x4E00 && c <= 0x9FFF) || is_kana(c);
    }
    // Korean, and every language written with spaces between words; a
    // title of another language that holds Japanese still takes its model.
    return han ? PhraseModel::ja : PhraseModel::spaces;
  }
  bool han = false;
  bool traditional = false;
  for (const char32_t c : text) {
    if (is_kana(c)) {
      return PhraseModel::ja;
    }
    if (is_hangul(c)) {
      return PhraseModel::spaces;
    }
    han = han || (c >= 0x4E00 && c <= 0x9FFF);
    traditional = traditional || is_traditional_only(c);
  }
  if (!han) {
    return PhraseModel::ja; // Latin and the like: no phrases inside words
  }
  return traditional ? PhraseModel::zh_hant : PhraseModel::zh_hans;
}

std::vector<std::size_t>
budoux_boundaries(const std::u32string& text, PhraseModel which)
{
  if (which == PhraseModel::spaces) {
    return word_starts(text);
  }
  const Model& m = model(which);
  const std::u16string s = to_utf16(text);
  // UTF-16 index -> code point index, for positions that start a code point.
  std::vector<long> to_cp(s.size() + 1, -1);
  std::size_t u = 0;
  for (std::size_t cp = 0; cp < text.size(); ++cp) {
    to_cp[u] = static_cast<long>(cp);
    u += text[cp] >= 0x10000 ? 2 : 1;
  }
  to_cp[s.size()] = static_cast<long>(text.size());

  // Substrings as upstream's String.prototype.substring(from, to) sees
  // them: clamped to the string, so a feature that runs off an end is
  // shorter or empty (and an empty one is never in the model).
  auto slice = [&](long from, long to) -> std::pair<std::size_t, std::size_t> {
    const long n = static_cast<long>(s.size());
    from = std::max(0L, std::min(from, n));
    to = std::max(0L, std::min(to, n));
    return {static_cast<std::size_t>(from),
            static_cast<std::size_t>(std::max(0L, to - from))};
  };
  std::vector<std::size_t> out;
  for (long i = 1; i < static_cast<long>(s.size()); ++i) {
    long score = m.doubled_base_score;
    auto add = [&](Group g, long from, long to) {
      const auto [pos, len] = slice(from, to);
      score += 2L * m.score(g, s, pos, len);
    };
    add(UW1, i - 3, i - 2);
    add(UW2, i - 2, i - 1);
    add(UW3, i - 1, i);
    add(UW4, i, i + 1);
    add(UW5, i + 1, i + 2);
    add(UW6, i + 2, i + 3);
    add(BW1, i - 2, i);
    add(BW2, i - 1, i + 1);
    add(BW3, i, i + 2);
    add(TW1, i - 3, i);
    add(TW2, i - 2, i + 1);
    add(TW3, i - 1, i + 2);
    add(TW4, i, i + 3);
    if (score > 0 && to_cp[static_cast<std::size_t>(i)] >= 0) {
      out.push_back(
        static_cast<std::size_t>(to_cp[static_cast<std::size_t>(i)]));
    }
  }
  return out;
}

} // namespace ogfeed::util
