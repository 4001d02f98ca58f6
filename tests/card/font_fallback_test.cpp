#include "card/card_template.hpp"
#include "card/font.hpp"
#include "card/font_fallback.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace ogfeed;

namespace {

card::TemplateFonts
default_fonts()
{
  auto t = card::load_card_template("default",
                                    {test::k_source_dir / "templates"},
                                    {test::k_source_dir / "fonts"},
                                    card::FileScope::anywhere());
  REQUIRE(t);
  auto fonts = card::load_template_fonts(*t);
  REQUIRE(fonts);
  return std::move(*fonts);
}

bool
has_spec(const card::TemplateFonts& fonts, const std::string& name)
{
  return std::any_of(fonts.specs.begin(),
                     fonts.specs.end(),
                     [&](const auto& s) { return s.name == name; });
}

bool
system_has(const std::string& query)
{
  return std::system(("fc-list '" + query + "' | grep -q .").c_str()) == 0;
}

} // namespace

TEST_CASE("issue 10: what the bundled fonts lack comes from the system's "
          "fonts, by language",
          "[card]")
{
  SECTION("Japanese text the bundled fonts cover adds nothing")
  {
    card::TemplateFonts fonts = default_fonts();
    const std::size_t before = fonts.specs.size();
    CHECK(card::add_fallback_fonts(fonts, U"髙橋と山﨑の𠮷野家、剝がす", "ja")
            .empty());
    CHECK(fonts.specs.size() == before);
  }
  SECTION("Korean comes from a system font, in both weights")
  {
    if (!system_has(":lang=ko")) {
      WARN("no Korean font installed (install-deps installs fonts-noto-cjk)");
      return;
    }
    card::TemplateFonts fonts = default_fonts();
    CHECK(card::add_fallback_fonts(fonts, U"한국어", "ja").empty());
    CHECK(has_spec(fonts, "(fallback regular)"));
    CHECK(has_spec(fonts, "(fallback bold)"));
  }
  SECTION("a Chinese site's own face comes first, for its glyph forms")
  {
    if (!system_has(":lang=zh-cn")) {
      WARN("no Simplified Chinese font installed");
      return;
    }
    card::TemplateFonts fonts = default_fonts();
    card::add_fallback_fonts(fonts, U"简体中文", "zh-CN");
    CHECK(has_spec(fonts, "(language regular)"));
    CHECK(has_spec(fonts, "(language bold)"));
  }
  SECTION("a character no font has is returned")
  {
    card::TemplateFonts fonts = default_fonts();
    CHECK(card::add_fallback_fonts(fonts, U"𗀀", "ja")
          == std::vector<char32_t>{U'𗀀'});
  }
}

TEST_CASE("issue 24: the bundled fonts alone cover the symbols technical "
          "titles use, and JIS X 0213, in both weights",
          "[card]")
{
  const std::u32string wanted = U"₀₁₂₃₄₅₆₇₈₉≒≠≦≧℃№①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
                                U"𠮷剝𠮟塡頰鷗髙﨑";
  for (const auto& files :
       {std::vector<std::string>{"NotoSansJP-Regular-subset.otf",
                                 "DejaVuSans-symbols-subset.ttf"},
        std::vector<std::string>{"NotoSansJP-Bold-subset.otf",
                                 "DejaVuSans-Bold-symbols-subset.ttf"}}) {
    std::vector<std::unique_ptr<card::Font>> fonts;
    for (const auto& file : files) {
      auto bytes = card::load_font_file(test::k_source_dir / "fonts" / file, 0);
      REQUIRE(bytes);
      auto font = card::Font::open(*bytes);
      REQUIRE(font);
      fonts.push_back(std::move(*font));
    }
    for (const char32_t c : wanted) {
      INFO(files.front() << " U+" << std::hex << static_cast<unsigned>(c));
      CHECK(std::any_of(fonts.begin(), fonts.end(), [&](const auto& f) {
        return f->has_glyph(c);
      }));
    }
  }
  // And a card's stack takes them before any system font.
  const card::TemplateFonts fonts = default_fonts();
  CHECK(has_spec(fonts, "(symbols regular)"));
  CHECK(has_spec(fonts, "(symbols bold)"));
}
