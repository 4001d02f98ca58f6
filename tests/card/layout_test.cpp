#include "card/font.hpp"
#include "card/layout.hpp"
#include "card/line_break.hpp"
#include "card/shaper.hpp"
#include "test_support.hpp"
#include "util/budoux.hpp"
#include "util/utf8.hpp"

#include <algorithm>

using namespace ogfeed;
using card::Align;
using card::LayoutStyle;

namespace {

// Text where every Japanese character is exactly 1 em and every ASCII one
// half an em, with JLREQ's nominal punctuation spaces: numbers that can be
// checked by hand.
card::ShapedText
synthetic(std::u32string text)
{
  card::ShapedText t;
  t.text = text;
  t.phrases = util::budoux_boundaries(text);
  for (const char32_t c : text) {
    card::ShapedChar sc;
    sc.c = c;
    sc.advance = c < 0x80 ? 0.5F : 1.0F;
    sc.trim = card::punct_space(c);
    t.chars.push_back(sc);
  }
  t.ellipsis.c = U'…';
  t.ellipsis.advance = 1.0F;
  t.ascender = 0.88F;
  t.descender = 0.12F;
  return t;
}

LayoutStyle
box(float width_em, int max_lines, float size = 10)
{
  LayoutStyle s;
  s.box_width = width_em * size;
  s.box_height = 1000;
  s.max_size = size;
  s.min_size = size;
  s.max_lines = max_lines;
  s.latin_spacing = 0;
  return s;
}

std::vector<std::string>
lines(const card::TitleLayout& l)
{
  std::vector<std::string> out;
  for (const auto& line : l.lines) {
    out.push_back(line.text);
  }
  return out;
}

// The real default font, as every card uses it.
struct RealFont
{
  std::unique_ptr<card::Font> bold;
  card::FontStack stack{{}};

  RealFont()
  {
    auto file = card::load_font_file(
      test::k_source_dir / "fonts/NotoSansJP-Bold-subset.otf", 0);
    REQUIRE(file);
    auto font = card::Font::open(*file);
    REQUIRE(font);
    bold = std::move(*font);
    stack = card::FontStack({bold.get()});
  }

  card::TitleLayout
  layout(const std::string& title,
         float max = 72,
         float min = 40,
         int max_lines = 3,
         float width = 1040)
  {
    LayoutStyle s;
    s.box_width = width;
    s.box_height = 340;
    s.max_size = max;
    s.min_size = min;
    s.max_lines = max_lines;
    s.line_height = 1.35F;
    return card::layout_title(
      card::shape_text(util::decode_utf8(title), stack, {}), s);
  }
};

} // namespace

TEST_CASE("layout: widths are sums of advances, in pixels", "[card]")
{
  const auto l = card::layout_title(synthetic(U"あいうえお"), box(10, 1));
  REQUIRE(l.lines.size() == 1);
  CHECK(l.lines[0].width == Approx(50));
  CHECK(l.font_size == 10);
  CHECK(l.lines[0].glyphs.empty()); // synthetic text has no glyphs
}

TEST_CASE(
  "layout: a comma never starts a line, its half em goes at the line end",
  "[card]")
{
  // Five characters fit; the sixth is 、 which may not start the next line,
  // so the break moves one character back... or keeps 、 on the first line,
  // whose trailing half em is dropped: 5 + 0.5 em fits in 5.5 em.
  const auto l =
    card::layout_title(synthetic(U"あいうえお、かきくけこ"), box(5.5F, 2));
  REQUIRE(l.lines.size() == 2);
  CHECK(lines(l) == std::vector<std::string>{"あいうえお、", "かきくけこ"});
  CHECK(l.lines[0].width == Approx(55));
}

TEST_CASE("layout: an opening bracket at a line start sets flush, 」「 "
          "collapses to a half em",
          "[card]")
{
  const auto one = card::layout_title(synthetic(U"「あ」「い」"), box(20, 1));
  // 6 em of glyphs; the first 「 loses its leading half em, 」「 shares one
  // half em, and the last 」 drops its trailing half em: 6 - 0.5 - 0.5 - 0.5.
  CHECK(one.lines[0].width == Approx(45));
  CHECK(one.lines[0].x == 0);
}

TEST_CASE("issue 10: an eighth of an em between Japanese and Latin, never "
          "beside punctuation, full-width letters, % or #",
          "[card]")
{
  LayoutStyle s = box(40, 1);
  const auto plain = card::layout_title(synthetic(U"日本AB語"), s);
  CHECK(plain.lines[0].width == Approx(40));
  s.latin_spacing = card::k_default_latin_spacing;
  const auto spaced = card::layout_title(synthetic(U"日本AB語"), s);
  CHECK(spaced.lines[0].width == Approx(42.5));
  // None beside % or #, full-width letters or ・.
  for (const char32_t* t : {U"日%語", U"日#語", U"日ＡＢ語", U"日・語"}) {
    const std::u32string text(t);
    const auto l = card::layout_title(synthetic(text), s);
    const auto p = card::layout_title(synthetic(text), box(40, 1));
    CHECK(l.lines[0].width == Approx(p.lines[0].width));
  }
  s.latin_spacing = 0.25F;
  CHECK(card::layout_title(synthetic(U"日本AB語"), s).lines[0].width
        == Approx(45));
}

TEST_CASE("layout: alignment and vertical placement", "[card]")
{
  LayoutStyle s = box(10, 2);
  s.box_height = 100;
  s.align = Align::center;
  s.vertical_align = Align::center;
  s.line_height = 1.5F;
  const auto l = card::layout_title(synthetic(U"あいう"), s);
  CHECK(l.lines[0].x == Approx(35));
  // One line, 1 em tall (ascender + descender) centred in 100 px.
  CHECK(l.lines[0].baseline == Approx(45 + 8.8));
}

TEST_CASE("layout: the largest size that fits, within the range", "[card]")
{
  LayoutStyle s = box(10, 1, 20);
  s.box_width = 100;
  s.min_size = 8;
  // Ten 1-em characters in 100 px: 10 px.
  const auto l = card::layout_title(synthetic(U"あいうえおかきくけこ"), s);
  CHECK(l.font_size == 10);
  CHECK(l.lines.size() == 1);
}

TEST_CASE("layout: too long at the minimum size ends with an ellipsis",
          "[card]")
{
  const auto l =
    card::layout_title(synthetic(U"あいうえおかきくけこさしすせそ"), box(5, 2));
  CHECK(l.truncated);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[1].text.ends_with("…"));
  for (const auto& line : l.lines) {
    CHECK(line.width <= 50.01F);
  }
}

TEST_CASE("layout: real titles break where a typesetter would", "[card]")
{
  RealFont f;
  struct Case
  {
    const char* title;
    std::vector<std::string> lines;
  };
  const std::vector<Case> cases = {
    // One long phrase: set on one line at a smaller size, #3 whole.
    {"Docker Meetup Kansai #3 リポート", {"Docker Meetup Kansai #3 リポート"}},
    // Brackets stay with their words; phrase breaks.
    {"【初心者向け】Rustで始めるWebAssembly入門",
     {"【初心者向け】Rustで", "始めるWebAssembly入門"}},
    // ……stays together, （ never ends a line.
    {"Pythonの非同期処理（asyncio）を完全に理解した……はず",
     {"Pythonの非同期処理", "（asyncio）を完全に", "理解した……はず"}},
    // ¥100 and 50% are never split; one line a little smaller beats two.
    {"価格は¥100から、成功率は50%に", {"価格は¥100から、成功率は50%に"}},
    // Issue 24: a title that fits on one line at three quarters of the
    // largest size or more is set on one line (it was broken after its
    // colon). Issue 10: a subtitle's 〜 starts its line; no line ends in ・.
    {"メモリリークの調査：ヒープダンプを読む",
     {"メモリリークの調査：ヒープダンプを読む"}},
    {"社内勉強会の続け方 〜5年続いた理由を振り返る〜",
     {"社内勉強会の続け方", "〜5年続いた理由を振り返る〜"}},
    {"Go・Rust・Zig・Swift・Kotlinでベンチマークを比べる",
     {"Go・Rust・Zig・Swift・Kotlinで", "ベンチマークを比べる"}},
    // Issue 24: one line at 41 px left most of the card empty; a katakana
    // compound breaks where a loanword ends in ン, at full size.
    {"コンテナオーケストレーションプラットフォームの比較",
     {"コンテナオーケストレーション", "プラットフォームの比較"}},
    // No break inside brackets when one outside will do.
    {"個人開発のインフラ費用（無料枠でどこまでいける？）",
     {"個人開発のインフラ費用", "（無料枠でどこまでいける？）"}},
    // A one-word title.
    {"Kubernetes", {"Kubernetes"}},
    // Issue 24, from real blogs: a space between words beats a break
    // between two ideographs of a phrase (was "Gemini Embedding 2 仕 | 様"),
    // and a word is never split for a better-filled line (was "完了条 |
    // 件", "監 | 査ログ").
    {"Gemini Embedding 2 仕様・ベンチマーク・採用判断",
     {"Gemini Embedding 2", "仕様・ベンチマーク・採用判断"}},
    {"AIで書き直せる時代のモダナイゼーション完了条件 — 検証オラクルと保守責任",
     {"AIで書き直せる時代の",
      "モダナイゼーション完了条件",
      "— 検証オラクルと保守責任"}},
    // Balanced: no one- or two-character last line.
    {"「読みやすいコード」とは何か――命名・関数分割・コメントの話",
     {"「読みやすいコード」とは何か", "――命名・関数分割・コメントの話"}},
  };
  // Issue 24: the rules behind them, break by break.
  {
    using card::Break;
    const std::u32string t = U"分散システムにおける障害対応について";
    const auto b = card::find_breaks(t, util::budoux_boundaries(t));
    for (const std::size_t i : {7, 8, 9, 15, 16, 17}) { // に|お|け|る, つ|い|て
      INFO(i);
      CHECK(b[i] == Break::never);
    }
    // A ―…― subtitle: its opening ― may start a line, never end one.
    const std::u32string d = U"設計入門―基礎から応用まで―";
    const auto db = card::find_breaks(d, util::budoux_boundaries(d));
    CHECK(db[4] == Break::strong); // before the opening ―
    CHECK(db[5] == Break::never);  // after it
    const std::u32string dd = U"設計入門――基礎から応用まで――";
    const auto ddb = card::find_breaks(dd, util::budoux_boundaries(dd));
    CHECK(ddb[4] == Break::strong);
    CHECK(ddb[5] == Break::never);
    CHECK(ddb[6] == Break::never);
    // One dash alone is no subtitle.
    CHECK(card::subtitle_openers(U"A―B") == std::vector<bool>(4, false));
    // A space BudouX does not break at is still a place between words.
    const std::u32string g = U"Gemini Embedding 2 仕様";
    const auto gb = card::find_breaks(g, util::budoux_boundaries(g));
    for (const std::size_t i : {7, 17, 19}) { // after each space
      INFO(i);
      CHECK((gb[i] == Break::space || gb[i] == Break::word_space));
    }
    CHECK(gb[20] == Break::inside_phrase); // 仕|様
  }
  {
    // In the sunset template's box (1020 px, 76 px at most, lines 1.3):
    // "運用安全 | 性失敗" filled a line better; a word stays whole.
    const auto l = f.layout(
      "コーディングエージェントは何を壊すのか──運用安全性失敗547件の実証研究",
      76,
      42,
      3,
      1020);
    for (const auto& line : l.lines) {
      INFO(line.text);
      CHECK_FALSE(line.text.ends_with("安全"));
    }
  }
  for (const auto& c : cases) {
    INFO(c.title);
    const auto l = f.layout(c.title);
    CHECK(lines(l) == c.lines);
    CHECK_FALSE(l.truncated);
    for (const auto& line : l.lines) {
      CHECK(line.width <= 1040.5F);
    }
  }
}

TEST_CASE(
  "layout: a run wider than the box breaks at a legal point, never overflows",
  "[card]")
{
  RealFont f;
  const auto l = f.layout("https://example.com/a/very/long/path/that/never/"
                          "ends/and/keeps/going/on/and/on/forever/index.html");
  REQUIRE(l.lines.size() == 3);
  for (const auto& line : l.lines) {
    CHECK(line.width <= 1040.5F);
    CHECK((line.text.back() == '/' || &line == &l.lines.back()));
  }
}

TEST_CASE(
  "layout: at the minimum size a long title is cut at a legal break with …",
  "[card]")
{
  RealFont f;
  const auto l = f.layout("とても長いタイトルなので最小のサイズでも三行に収まら"
                          "ず最後は省略記号で終わることに"
                          "なるはずのタイトルですがどこまで続くのでしょうか本当"
                          "に長いですね続きはまだまだあります",
                          72,
                          40,
                          3);
  CHECK(l.truncated);
  CHECK(l.font_size == 40);
  REQUIRE(l.lines.size() == 3);
  CHECK(l.lines.back().text.ends_with("…"));
}

TEST_CASE("layout: JSON has the documented keys and values", "[card]")
{
  RealFont f;
  CHECK(card::layout_json(f.layout("Kubernetes"))
        == "{\"font_size\": 72, \"box_width\": 1040, \"box_height\": 340, "
           "\"truncated\": false, \"lines\": [{\"text\": \"Kubernetes\", "
           "\"width\": 407.38, \"x\": 0, \"baseline\": 201.39}], \"breaks\": "
           "[], \"phrase_breaks\": [], \"phrases\": [], \"missing\": []}");
}

TEST_CASE("budoux: boundaries match the npm package", "[card]")
{
  // From budoux 0.9.2: loadDefaultJapaneseParser().parse(...)
  CHECK(util::budoux_boundaries(U"今日は天気です。")
        == std::vector<std::size_t>{3});
  const std::u32string t =
    U"「技術的負債」とどう向き合うか？チームで決めた5つのルール";
  CHECK(util::budoux_boundaries(t)
        == std::vector<std::size_t>{8, 10, 16, 20, 23, 26});
  // Upstream counts UTF-16 units ([6, 9]); these are code points.
  CHECK(util::budoux_boundaries(U"絵文字🎉のあとも区切れる")
        == std::vector<std::size_t>{5, 8});
}

TEST_CASE("issue 24: Chinese titles are broken by BudouX's Chinese models, "
          "Korean at spaces, the model follows the language, else the script",
          "[card]")
{
  using V = std::vector<std::size_t>;
  using util::PhraseModel;
  // From budoux 0.9.2: loadDefaultSimplifiedChineseParser() and
  // loadDefaultTraditionalChineseParser().parse(...)
  CHECK(
    util::budoux_boundaries(U"在运行时加载应用程序的配置", PhraseModel::zh_hans)
    == V{1, 3, 4, 6, 8, 10, 11});
  CHECK(util::budoux_boundaries(U"使用Go语言编写高性能的网络服务",
                                PhraseModel::zh_hans)
        == V{2, 4, 8, 10, 11, 12, 14});
  CHECK(
    util::budoux_boundaries(U"在執行時載入應用程式的設定", PhraseModel::zh_hant)
    == V{1, 3, 4, 6, 8, 10, 11});
  CHECK(util::budoux_boundaries(U"用Rust開發網頁應用程式", PhraseModel::zh_hant)
        == V{1, 5, 9, 10, 11});
  // The Japanese model sees no phrase in it, so the layout broke between
  // any two hanzi ("在运｜行时").
  CHECK(util::budoux_boundaries(U"在运行时加载应用程序的配置").empty());
  CHECK(util::budoux_boundaries(U"웹 서버를  만드는 방법", PhraseModel::spaces)
        == V{2, 7, 11});

  const std::u32string han = U"在运行时加载应用程序的配置";
  CHECK(util::phrase_model_for("zh-CN", han) == PhraseModel::zh_hans);
  CHECK(util::phrase_model_for("zh", han) == PhraseModel::zh_hans);
  CHECK(util::phrase_model_for("zh-Hans-TW", han) == PhraseModel::zh_hans);
  CHECK(util::phrase_model_for("zh-TW", han) == PhraseModel::zh_hant);
  CHECK(util::phrase_model_for("zh_hk", han) == PhraseModel::zh_hant);
  CHECK(util::phrase_model_for("zh-Hant", han) == PhraseModel::zh_hant);
  CHECK(util::phrase_model_for("ja-JP", han) == PhraseModel::ja);
  CHECK(util::phrase_model_for("ko", U"웹 서버") == PhraseModel::spaces);
  CHECK(util::phrase_model_for("en", U"A title") == PhraseModel::spaces);
  CHECK(util::phrase_model_for("en", U"Goのテスト") == PhraseModel::ja);
  // No language: the script tells.
  CHECK(util::phrase_model_for("", U"Goのテスト入門") == PhraseModel::ja);
  CHECK(util::phrase_model_for("", U"웹 서버") == PhraseModel::spaces);
  CHECK(util::phrase_model_for("", han) == PhraseModel::zh_hans);
  CHECK(util::phrase_model_for("", U"在執行時載入應用程式")
        == PhraseModel::zh_hant);
}

TEST_CASE("issue 10: right-to-left runs are drawn in visual order", "[card]")
{
  using V = std::vector<std::size_t>;
  // Japanese alone keeps its order.
  CHECK(card::visual_order(U"日本語", 0, 3) == V{0, 1, 2});
  // "ab אבג cd": the Hebrew run reversed in place.
  CHECK(card::visual_order(U"ab \u05D0\u05D1\u05D2 cd", 0, 9)
        == V{0, 1, 2, 5, 4, 3, 6, 7, 8});
  // Numbers inside Arabic read left to right, the run right to left.
  CHECK(card::visual_order(U"\u0645\u0631 12", 0, 5) == V{3, 4, 2, 1, 0});
  // Only the line's range moves.
  CHECK(card::visual_order(U"x\u05D0\u05D1y", 1, 3) == V{2, 1});
}

TEST_CASE("issue 10: a short title grows to the template's grow size on one "
          "line, a long one stays at most max",
          "[card]")
{
  LayoutStyle s = box(20, 3);
  s.grow_size = 15;
  const auto short_title = card::layout_title(synthetic(U"あいう"), s);
  CHECK(short_title.font_size == Approx(15));
  REQUIRE(short_title.lines.size() == 1);
  // 30 characters cannot be one line at more than 10 (max): no growth.
  const auto long_title = card::layout_title(
    synthetic(U"あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ"),
    s);
  CHECK(long_title.font_size <= 10.01F);
  // Without grow_size nothing grows.
  s.grow_size = 0;
  CHECK(card::layout_title(synthetic(U"あいう"), s).font_size == Approx(10));
}

TEST_CASE("issue 25: kinsoku, class by class (JLREQ cl-01 to cl-11)", "[card]")
{
  using card::Break;
  struct Class
  {
    const char* name;
    std::u32string chars;
    bool no_start; // else: never ends a line
  };
  const std::vector<Class> classes = {
    {"cl-01 opening brackets", U"‘“（〔［｛〈《「『【", false},
    {"cl-02 closing brackets", U"’”）〕］｝〉》」』】", true},
    {"cl-03 hyphens", U"‐゠–", true},
    {"cl-04 dividing punctuation", U"！？‼⁇⁈⁉", true},
    {"cl-05 middle dots", U"・：；", true},
    {"cl-05 middle dot at a line end", U"・", false},
    {"cl-06 full stops", U"。．", true},
    {"cl-07 commas", U"、，", true},
    {"cl-09 iteration marks", U"ゝゞヽヾ々〻", true},
    {"cl-10 prolonged sound mark", U"ー", true},
    {"cl-11 small kana", U"ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ", true},
  };
  for (const Class& k : classes) {
    for (const char32_t c : k.chars) {
      INFO(k.name << " U+" << std::hex << static_cast<unsigned>(c));
      // Every place a phrase boundary: only kinsoku can forbid a break.
      const std::u32string text = std::u32string(U"日本") + c + U"語";
      const auto b = card::find_breaks(text, {1, 2, 3});
      CHECK(b[k.no_start ? 2 : 3] == Break::never);
    }
  }
  // And a plain character between them may break on both sides.
  const auto plain = card::find_breaks(U"日本語文", {1, 2, 3});
  CHECK(plain[2] != Break::never);
  CHECK(plain[3] != Break::never);
}

TEST_CASE("issue 24: one line down to three quarters of the largest size, "
          "never a lone line below it",
          "[card]")
{
  LayoutStyle s = box(10, 3, 20);
  s.box_width = 200; // 10 em at 20 px
  s.min_size = 8;
  // 12 characters: one line at 16.67 px (over 15, three quarters of 20).
  auto l = card::layout_title(synthetic(U"あいうえおかきくけこさし"), s);
  CHECK(l.lines.size() == 1);
  CHECK(l.font_size == Approx(16.67).epsilon(0.01));
  // 16: one line would be 12.5 px; two lines at a larger size instead.
  l = card::layout_title(synthetic(U"あいうえおかきくけこさしすせそた"), s);
  CHECK(l.lines.size() == 2);
  CHECK(l.font_size >= 15);
  // With one line allowed, it is the only choice.
  s.max_lines = 1;
  l = card::layout_title(synthetic(U"あいうえおかきくけこさしすせそた"), s);
  CHECK(l.lines.size() == 1);
  CHECK(l.font_size == Approx(12.5).epsilon(0.01));
}

TEST_CASE("issue 24: a katakana compound breaks only where a loanword ends "
          "in ン",
          "[card]")
{
  RealFont f;
  for (const char* title :
       {"アカウントセンターとポイントカードのキャンペーンページ",
        "インスタンスタイプとトークンエンドポイントの設計"}) {
    INFO(title);
    const auto l = f.layout(title);
    for (const auto& line : l.lines) {
      for (const char* part : {"アカウン",
                               "ポイン",
                               "キャンペー",
                               "インスタン",
                               "トークン",
                               "エンドポイン"}) {
        CHECK_FALSE(line.text.ends_with(part));
      }
    }
  }
}

TEST_CASE("issue 24: templates whose boxes hold as many ems break every real "
          "title alike (sizes step by 1/96 of the largest, not by pixels)",
          "[card]")
{
  RealFont f;
  const std::string all =
    test::slurp(test::k_source_dir / "bench/titles/ja.txt");
  std::size_t compared = 0;
  std::size_t start = 0;
  for (std::size_t end = all.find('\n');
       end != std::string::npos && compared < 160;
       start = end + 1, end = all.find('\n', start)) {
    const std::string title = all.substr(start, end - start);
    // default: 1040 px at 72 (14.44 em), light: 1011 px at 70 (14.44 em).
    const auto a = f.layout(title, 72, 40, 3, 1040);
    const auto b = f.layout(title, 70, 39, 3, 1011);
    INFO(title);
    CHECK(a.breaks == b.breaks);
    ++compared;
  }
  CHECK(compared == 160);
}
