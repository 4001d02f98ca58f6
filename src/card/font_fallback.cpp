#include "card/font_fallback.hpp"

#include "util/ascii.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>

namespace ogfeed::card {

namespace {

constexpr const char* k_system_emoji =
  "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

struct FcConfigDeleter
{
  void
  operator()(FcConfig* c) const
  {
    FcConfigDestroy(c);
  }
};
struct FcPatternDeleter
{
  void
  operator()(FcPattern* p) const
  {
    FcPatternDestroy(p);
  }
};
struct FcFontSetDeleter
{
  void
  operator()(FcFontSet* s) const
  {
    FcFontSetDestroy(s);
  }
};
struct FcCharSetDeleter
{
  void
  operator()(FcCharSet* s) const
  {
    FcCharSetDestroy(s);
  }
};

using PatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

// fontconfig's language for a site's language tag ("zh-TW" -> "zh-tw").
std::string
fc_language(std::string_view language)
{
  return util::ascii_lower(language.empty() ? std::string_view("ja")
                                            : language);
}

// A system font chosen for a fallback: its file, face and what it covers.
struct Chosen
{
  std::string file;
  int index = 0;
  std::unique_ptr<FcCharSet, FcCharSetDeleter> charset;
};

// The best font for `language` at `weight` that has `c` (any when c is 0),
// or nothing.
std::optional<Chosen>
match(FcConfig* config, char32_t c, const std::string& language, int weight)
{
  PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(
    pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  FcPatternAddString(
    pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>(language.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
  if (c != 0) {
    std::unique_ptr<FcCharSet, FcCharSetDeleter> want(FcCharSetCreate());
    FcCharSetAddChar(want.get(), c);
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, want.get());
  }
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  std::unique_ptr<FcFontSet, FcFontSetDeleter> set(
    FcFontSort(config, pattern.get(), FcFalse, nullptr, &result));
  if (!set) {
    return std::nullopt;
  }
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* font = set->fonts[i];
    FcCharSet* charset = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch
        || FcPatternGetCharSet(font, FC_CHARSET, 0, &charset)
             != FcResultMatch) {
      continue;
    }
    if (c != 0 && !FcCharSetHasChar(charset, c)) {
      continue;
    }
    if (c == 0) {
      // A language face: it must support the language itself.
      FcLangSet* langs = nullptr;
      if (FcPatternGetLangSet(font, FC_LANG, 0, &langs) != FcResultMatch
          || FcLangSetHasLang(
               langs, reinterpret_cast<const FcChar8*>(language.c_str()))
               == FcLangDifferentLang) {
        return std::nullopt;
      }
    }
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    Chosen chosen;
    chosen.file = reinterpret_cast<const char*>(file);
    chosen.index = index;
    chosen.charset.reset(FcCharSetCopy(charset));
    return chosen;
  }
  return std::nullopt;
}

// fontconfig's global state is not thread-safe to initialise.
std::mutex g_fontconfig;

bool
add_font(TemplateFonts& fonts, const std::string& name, const Chosen& chosen)
{
  for (std::size_t i = 0; i < fonts.specs.size(); ++i) {
    if (fonts.specs[i].name == name && fonts.specs[i].path == chosen.file
        && fonts.specs[i].index == chosen.index) {
      return true; // already there
    }
  }
  auto file = load_font_file(chosen.file, chosen.index);
  if (!file) {
    return false;
  }
  fonts.specs.push_back(FontSpec{name, chosen.file, chosen.index, true});
  fonts.files.push_back(std::move(*file));
  return true;
}

// The characters of `wanted` that no font of `fonts` has (spaces and
// controls need none).
std::vector<char32_t>
missing_from(const TemplateFonts& fonts, const std::set<char32_t>& wanted)
{
  std::vector<std::unique_ptr<Font>> open;
  for (const auto& f : fonts.files) {
    if (f) {
      if (auto font = Font::open(f)) {
        open.push_back(std::move(*font));
      }
    }
  }
  std::vector<char32_t> missing;
  for (const char32_t c : wanted) {
    const bool space = c == ' ' || c == 0x3000 || c < 0x20;
    if (!space && std::none_of(open.begin(), open.end(), [&](const auto& f) {
          return f->has_glyph(c);
        })) {
      missing.push_back(c);
    }
  }
  return missing;
}

// Debian's Noto Color Emoji, added when a title needs a glyph the
// template's fonts lack and the template names no emoji font of its own.
bool
add_system_emoji(TemplateFonts& fonts)
{
  for (const auto& spec : fonts.specs) {
    if (spec.path.filename().string().find("Emoji") != std::string::npos) {
      return false;
    }
  }
  std::error_code ec;
  if (!std::filesystem::exists(k_system_emoji, ec)) {
    return false;
  }
  auto file = load_font_file(k_system_emoji, 0);
  if (!file) {
    return false;
  }
  fonts.specs.push_back(FontSpec{"(system emoji)", k_system_emoji, 0, true});
  fonts.files.push_back(std::move(*file));
  return true;
}

} // namespace

std::vector<char32_t>
add_fallback_fonts(TemplateFonts& fonts,
                   const std::u32string& chars,
                   std::string_view language)
{
  std::set<char32_t> wanted(chars.begin(), chars.end());
  std::vector<char32_t> missing = missing_from(fonts, wanted);
  if (!missing.empty() && add_system_emoji(fonts)) {
    missing =
      missing_from(fonts, std::set<char32_t>(missing.begin(), missing.end()));
  }
  const std::string lang = fc_language(language);
  const bool cjk_language = lang.starts_with("zh") || lang.starts_with("ko");
  if (missing.empty() && !cjk_language) {
    return missing;
  }
  std::lock_guard<std::mutex> lock(g_fontconfig);
  std::unique_ptr<FcConfig, FcConfigDeleter> config(FcInitLoadConfigAndFonts());
  if (!config) {
    return missing;
  }
  if (cjk_language) {
    for (const auto& [weight, name] :
         {std::pair{FC_WEIGHT_REGULAR, "(language regular)"},
          std::pair{FC_WEIGHT_BOLD, "(language bold)"}}) {
      if (auto face = match(config.get(), 0, lang, weight)) {
        add_font(fonts, name, *face);
      }
    }
  }
  std::vector<Chosen> chosen; // regular faces, to skip covered characters
  std::vector<char32_t> uncovered;
  for (const char32_t c : missing) {
    if (std::any_of(chosen.begin(), chosen.end(), [&](const Chosen& ch) {
          return FcCharSetHasChar(ch.charset.get(), c);
        })) {
      continue;
    }
    auto regular = match(config.get(), c, lang, FC_WEIGHT_REGULAR);
    if (!regular) {
      uncovered.push_back(c);
      continue;
    }
    add_font(fonts, "(fallback regular)", *regular);
    if (auto bold = match(config.get(), c, lang, FC_WEIGHT_BOLD)) {
      add_font(fonts, "(fallback bold)", *bold);
    }
    chosen.push_back(std::move(*regular));
  }
  return uncovered;
}

} // namespace ogfeed::card
