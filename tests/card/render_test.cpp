#include "card/canvas.hpp"
#include "card/card_template.hpp"
#include "card/card_text.hpp"
#include "card/contrast.hpp"
#include "card/font_fallback.hpp"
#include "card/render.hpp"
#include "test_support.hpp"
#include "util/utf8.hpp"
#include "vips_start.hpp"

#include <vips/vips8>

#include <algorithm>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

card::CardTemplate
template_named(const std::string& name)
{
  auto t = card::load_card_template(name,
                                    {test::k_source_dir / "templates"},
                                    {test::k_source_dir / "fonts"},
                                    card::FileScope::anywhere());
  REQUIRE(t);
  return *t;
}

// Every template ogfeed ships (templates/*.yaml), by name, sorted.
std::vector<std::string>
shipped_templates()
{
  std::vector<std::string> names;
  for (const auto& e :
       fs::directory_iterator(test::k_source_dir / "templates")) {
    if (e.path().extension() == ".yaml") {
      names.push_back(e.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A renderer for `t` (which must outlive it), with the template's fonts.
std::unique_ptr<card::CardRenderer>
renderer_for(const card::CardTemplate& t, const card::CardText* shown = nullptr)
{
  auto fonts = card::load_template_fonts(t);
  REQUIRE(fonts);
  if (shown != nullptr) {
    // As a build does: system fonts (emoji) for what the template lacks.
    card::add_fallback_fonts(
      *fonts, util::decode_utf8(card::all_text(*shown)), "ja");
  }
  auto r = card::CardRenderer::create(t, *fonts);
  REQUIRE(r);
  return std::move(*r);
}

card::CardText
sample_text()
{
  card::CardText text;
  text.title = "「技術的負債」とどう向き合うか？チームで決めた5つのルール";
  text.site = "ogfeed サンプルブログ";
  text.author = "山田 花子";
  text.date = "2024.05.01";
  text.tags = {"設計", "チーム開発"};
  text.emoji = "📝";
  return text;
}

// Compares decoded pixels with tests/golden/card/<name>, allowing a small
// per-channel difference (FreeType and zlib builds may differ by a step);
// OGFEED_UPDATE_GOLDEN=1 rewrites the golden file.
void
check_golden_pixels(const std::string& name, const std::string& png)
{
  const fs::path golden = test::k_source_dir / "tests/golden/card" / name;
  if (const char* update = std::getenv("OGFEED_UPDATE_GOLDEN");
      update && *update == '1') {
    REQUIRE(util::write_file_atomic(golden, png));
    return;
  }
  const std::string expected = test::slurp(golden);
  const vips::VImage a =
    vips::VImage::new_from_buffer(png.data(), png.size(), "");
  const vips::VImage b =
    vips::VImage::new_from_buffer(expected.data(), expected.size(), "");
  REQUIRE(a.width() == b.width());
  REQUIRE(a.height() == b.height());
  const double max_diff =
    (a.cast(VIPS_FORMAT_INT) - b.cast(VIPS_FORMAT_INT)).abs().max();
  CHECK(max_diff <= 8);
  const double mean_diff =
    (a.cast(VIPS_FORMAT_INT) - b.cast(VIPS_FORMAT_INT)).abs().avg();
  CHECK(mean_diff <= 0.05);
}

} // namespace

TEST_CASE("render: every shipped template renders a 1200x630 card", "[card]")
{
  CHECK(shipped_templates().size() >= 5);
  for (const std::string& name : shipped_templates()) {
    INFO(name);
    const card::CardTemplate t = template_named(name);
    const card::CardText text = sample_text();
    auto card = renderer_for(t, &text)->render(text, {});
    REQUIRE(card);
    const vips::VImage image =
      vips::VImage::new_from_buffer(card->bytes.data(), card->bytes.size(), "");
    CHECK(std::string(image.get_string("vips-loader")) == "pngload_buffer");
    CHECK(image.width() == 1200);
    CHECK(image.height() == 630);
    CHECK(card->missing.empty());
    check_golden_pixels(name + ".png", card->bytes);
  }
}

TEST_CASE("render: the same input gives the same bytes", "[card]")
{
  const card::CardTemplate t = template_named("default");
  auto fonts = card::load_template_fonts(t);
  REQUIRE(fonts);
  auto r1 = card::CardRenderer::create(t, *fonts);
  auto r2 = card::CardRenderer::create(t, *fonts);
  REQUIRE(r1);
  REQUIRE(r2);
  const auto a = (*r1)->render(sample_text(), {});
  card::CardText other;
  other.title = "別のタイトル";
  (void)(*r2)->render(other, {});
  const auto b = (*r2)->render(sample_text(), {});
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->bytes == b->bytes);
}

TEST_CASE("render: JPEG and WebP by request, the same card in each", "[card]")
{
  const card::CardTemplate t = template_named("light");
  auto fonts = card::load_template_fonts(t);
  auto renderer = card::CardRenderer::create(t, *fonts);
  REQUIRE(renderer);
  const auto png = (*renderer)->render(sample_text(), {});
  REQUIRE(png);
  const vips::VImage reference =
    vips::VImage::new_from_buffer(png->bytes.data(), png->bytes.size(), "");
  for (const auto& [format, loader] :
       {std::pair{card::ImageFormat::jpeg, "jpegload_buffer"},
        std::pair{card::ImageFormat::webp, "webpload_buffer"}}) {
    INFO(loader);
    card::EncodeOptions options;
    options.format = format;
    const auto card = (*renderer)->render(sample_text(), options);
    REQUIRE(card);
    const vips::VImage image =
      vips::VImage::new_from_buffer(card->bytes.data(), card->bytes.size(), "");
    CHECK(std::string(image.get_string("vips-loader")) == loader);
    REQUIRE(image.width() == 1200);
    REQUIRE(image.height() == 630);
    // Lossy, but the same picture: the mean difference stays small.
    const double mean_diff =
      (image.cast(VIPS_FORMAT_INT) - reference.cast(VIPS_FORMAT_INT))
        .abs()
        .avg();
    CHECK(mean_diff < 3);
  }
}

TEST_CASE("render: a character no font has is reported, not silently boxed",
          "[card]")
{
  const card::CardTemplate t = template_named("default");
  auto fonts = card::load_template_fonts(t);
  auto renderer = card::CardRenderer::create(t, *fonts);
  REQUIRE(renderer);
  card::CardText text = sample_text();
  text.title = "한국어";
  const auto card = (*renderer)->render(text, {});
  REQUIRE(card);
  CHECK(card->missing == std::vector<char32_t>{U'한', U'국', U'어'});
}

TEST_CASE("template: a bad template is an error with its line", "[card]")
{
  auto bad = card::parse_card_template(
    "fonts: {bold: x.otf}\ntitle:\n  colour: red\n", ".", {});
  REQUIRE_FALSE(bad);
  CHECK(
    util::format_diagnostic(util::with_path(bad.error(), "t.yaml"))
    == "t.yaml:3:3: error: unknown key 'title.colour', did you mean 'color'?");
  auto color = card::parse_card_template(
    "fonts: {bold: x.otf}\ntitle: {color: blue}\n", ".", {});
  REQUIRE_FALSE(color);
  CHECK(color.error().message
        == "'title.color' must be a colour like #1e293b or #ffffff80, got "
           "\"blue\"");
  CHECK(color.error().line == 2);
  auto font = card::parse_card_template(
    "fonts: {bold: x.otf}\nsite: {font: thin}\n", ".", {});
  REQUIRE_FALSE(font);
  CHECK(font.error().message
        == "font 'thin' is not one of the template's 'fonts'");
  auto missing = card::load_card_template("nope",
                                          {test::k_source_dir / "templates"},
                                          {},
                                          card::FileScope::anywhere());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "no card template named 'nope'");
}

TEST_CASE("template: a missing font file is an error naming it", "[card]")
{
  auto t =
    card::parse_card_template("fonts: {bold: /nonexistent/x.otf}\n", ".", {});
  REQUIRE(t);
  auto fonts = card::load_template_fonts(*t);
  REQUIRE_FALSE(fonts);
  CHECK(fonts.error().message
        == "cannot open font '/nonexistent/x.otf': No such file or directory");
}

TEST_CASE(
  "render: an image background scaled to cover and darkened, and a round logo",
  "[card]")
{
  const fs::path dir = test::fresh_dir("image-template");
  // A 300x100 red image (wider than the card's 2:1... it is cropped) and a
  // 50x50 green logo.
  vips::VImage::black(300, 100, vips::VImage::option()->set("bands", 3))
    .linear({1, 1, 1}, {200, 0, 0})
    .cast(VIPS_FORMAT_UCHAR)
    .pngsave((dir / "bg.png").c_str());
  vips::VImage::black(50, 50, vips::VImage::option()->set("bands", 3))
    .linear({1, 1, 1}, {0, 255, 0})
    .cast(VIPS_FORMAT_UCHAR)
    .pngsave((dir / "logo.png").c_str());
  auto t = card::parse_card_template(
    "width: 200\nheight: 100\n"
    "fonts: {bold: NotoSansJP-Bold-subset.otf}\n"
    "background: {type: image, image: bg.png, darken: 0.5}\n"
    "title: {x: 10, y: 10, width: 180, height: 40, size: {max: 20, min: 10}}\n"
    "logo: {file: logo.png, x: 140, y: 40, width: 50, height: 50, round: "
    "true}\n",
    dir,
    {test::k_source_dir / "fonts"});
  REQUIRE(t);
  auto fonts = card::load_template_fonts(*t);
  REQUIRE(fonts);
  auto renderer = card::CardRenderer::create(*t, *fonts);
  REQUIRE(renderer);
  auto card = (*renderer)->render(card::CardText{}, {});
  REQUIRE(card);
  const vips::VImage image =
    vips::VImage::new_from_buffer(card->bytes.data(), card->bytes.size(), "");
  CHECK(image.width() == 200);
  CHECK(image.height() == 100);
  const std::vector<double> corner = image.getpoint(2, 2);
  CHECK(corner[0] == Approx(100).margin(2)); // red 200, darkened by half
  CHECK(corner[1] == Approx(0).margin(2));
  const std::vector<double> logo = image.getpoint(165, 65); // the logo's centre
  CHECK(logo[1] == Approx(255).margin(2));
  const std::vector<double> outside =
    image.getpoint(141, 41); // cut by the circle
  CHECK(outside[1] < 128);
}

TEST_CASE("issue 8: a 100,000-character title in any script is cut to what "
          "can fit and ends in …",
          "[card]")
{
  const card::CardTemplate t = template_named("default");
  auto fonts = card::load_template_fonts(t);
  REQUIRE(fonts);
  auto renderer = card::CardRenderer::create(t, *fonts);
  REQUIRE(renderer);
  const std::size_t cap = card::max_layout_chars(t.title);
  CHECK(cap < 2000);
  for (const char* unit : {"漢", "a", "ab ", "ب", "😀", "a\u0301", "\u200b"}) {
    INFO(unit);
    std::string title;
    while (title.size() < 100000 * std::string(unit).size()) {
      title += unit;
    }
    const card::TitleLayout l = (*renderer)->layout_title(title);
    CHECK(l.truncated);
    REQUIRE(!l.lines.empty());
    CHECK(static_cast<int>(l.lines.size()) <= t.title.max_lines);
    CHECK(l.lines.back().text.ends_with("…"));
    CHECK(l.lines.back().end <= cap);
  }
}

TEST_CASE("issue 10: template contrast is measured against the background "
          "under each text",
          "[card]")
{
  CHECK(card::contrast_ratio({255, 255, 255, 255}, {0, 0, 0, 255})
        == Approx(21));
  CHECK(card::contrast_ratio({255, 126, 95, 255}, {255, 255, 255, 255})
        == Approx(2.6).epsilon(0.05));
  // Every shipped template passes.
  for (const std::string& name : shipped_templates()) {
    INFO(name);
    CHECK(card::check_contrast(template_named(name)).empty());
  }
  // White text over the old sunset's orange end fails, with the ratio.
  card::CardTemplate t = template_named("sunset");
  t.background.colors = {{255, 126, 95, 255}, {217, 70, 239, 255}};
  const auto warnings = card::check_contrast(t);
  REQUIRE_FALSE(warnings.empty());
  CHECK(warnings[0].message.starts_with(
    "template 'sunset': the title's contrast is 2."));
  CHECK(warnings[0].severity == util::Severity::warning);
  // The description is small text: 4.5:1 wherever in the title box it sits.
  card::CardTemplate photo = template_named("photo");
  photo.description.color = {226, 232, 240, 255};
  const auto dim = card::check_contrast(photo);
  REQUIRE(dim.size() == 1);
  CHECK(dim[0].message.starts_with(
    "template 'photo': the description's contrast is 3.8:1"));
}

TEST_CASE("issue 10: no two elements overlap, whatever the site name, author "
          "and tags, cut ones end in … or +N",
          "[card]")
{
  card::CardText text = sample_text();
  text.site = "株式会社サンプルテクノロジーズ エンジニアブログ";
  text.author = "田中 健太郎 (@kentaro_tanaka)";
  text.tags = {"Go", "Kubernetes", "パフォーマンス", "メモリ", "デバッグ"};
  text.description =
    "負債を見える化し、返済の優先順位をチームで決めるまでの"
    "一年を振り返ります。計測の仕組み、週次の棚卸し、そして"
    "「やらないこと」の決め方まで、実際の数字とともに紹介します。";
  for (const std::string& name : shipped_templates()) {
    INFO(name);
    const card::CardTemplate t = template_named(name);
    const auto r = renderer_for(t);
    const card::TitleLayout title = r->layout_title(text);
    const card::CardPlacement p = r->place(text, title);
    const auto& e = p.elements;
    REQUIRE(e.size() >= 3);
    CHECK(e.front().name == "background");
    // The background and a panel are layers under the rest.
    for (std::size_t i = 1; i < e.size(); ++i) {
      if (e[i].name == "panel") {
        continue;
      }
      CHECK(e[i].x >= 0);
      CHECK(e[i].x + e[i].width <= static_cast<float>(t.width));
      CHECK(e[i].y + e[i].height <= static_cast<float>(t.height));
      for (std::size_t j = i + 1; j < e.size(); ++j) {
        if (e[j].name == "panel") {
          continue;
        }
        INFO(e[i].name << " and " << e[j].name);
        const bool apart =
          e[i].x + e[i].width <= e[j].x || e[j].x + e[j].width <= e[i].x
          || e[i].y + e[i].height <= e[j].y || e[j].y + e[j].height <= e[i].y;
        CHECK(apart);
      }
    }
    // Every text set was either whole or cut with "…"; tags left out are
    // counted in a "+N" pill.
    std::size_t pills = 0;
    bool more = false;
    for (const auto& pill : p.pills) {
      more = more || pill.more;
      pills += pill.more ? 0 : 1;
    }
    if (t.tags.enabled) {
      CHECK(more == (pills < text.tags.size()));
    }
    for (const auto& placed : p.texts) {
      if (placed.name == "description") {
        // At most the box's lines, the last cut with "…".
        CHECK(placed.layout.lines.size()
              <= static_cast<std::size_t>(t.description.max_lines));
        CHECK(placed.layout.lines.back().text.ends_with("…"));
        continue;
      }
      const std::string& line = placed.layout.lines.front().text;
      const std::string& whole = placed.name == "site"     ? text.site
                                 : placed.name == "author" ? text.author
                                 : placed.name == "emoji"  ? text.emoji
                                                           : text.date;
      INFO(placed.name << ": [" << line << "] of [" << whole << "]");
      CHECK((line == whole || line.ends_with("…")));
    }
  }
}

TEST_CASE("issue 10: the date, author and site of one row share a baseline, "
          "the tag pills' text too",
          "[card]")
{
  card::CardText text = sample_text();
  const card::CardTemplate t = template_named("default");
  const auto r = renderer_for(t);
  const card::CardPlacement p = r->place(text, r->layout_title(text.title));
  float date_baseline = -1;
  for (const auto& placed : p.texts) {
    if (placed.name == "date") {
      date_baseline = placed.baseline;
    }
  }
  REQUIRE(date_baseline > 0);
  REQUIRE_FALSE(p.pills.empty());
  for (const auto& pill : p.pills) {
    CHECK(pill.baseline == Approx(date_baseline));
  }
}

TEST_CASE("issue 10: a description under the title takes room from the "
          "title box, the two centred together",
          "[card]")
{
  card::CardText text = sample_text();
  const card::CardTemplate t = template_named("default");
  const auto r = renderer_for(t);
  const card::TitleLayout alone = r->layout_title(text);
  text.description = "負債を見える化し、返済の優先順位を決めるまでの一年。";
  const card::TitleLayout title = r->layout_title(text);
  const card::CardPlacement p = r->place(text, title);
  const card::ElementBox* t_box = nullptr;
  const card::ElementBox* d_box = nullptr;
  for (const auto& e : p.elements) {
    if (e.name == "title") {
      t_box = &e;
    } else if (e.name == "description") {
      d_box = &e;
    }
  }
  REQUIRE(t_box != nullptr);
  REQUIRE(d_box != nullptr);
  // Under the title, by the template's gap, inside the title box.
  CHECK(d_box->y - (t_box->y + t_box->height) == Approx(t.description.gap));
  CHECK(t_box->y >= t.title_y);
  CHECK(d_box->y + d_box->height <= t.title_y + t.title.box_height + 1);
  // Centred together: the space above the title and below the description
  // are equal, and the title moved up from where it sat alone.
  const float above = t_box->y - t.title_y;
  const float below =
    t.title_y + t.title.box_height - (d_box->y + d_box->height);
  CHECK(std::abs(above - below) <= 1.0F);
  CHECK(title.lines.front().baseline < alone.lines.front().baseline);
  // One short description: one line, whole.
  for (const auto& placed : p.texts) {
    if (placed.name == "description") {
      CHECK(placed.layout.lines.size() == 1);
      CHECK(placed.layout.lines.front().text == text.description);
    }
  }

  // A description that must be cut ends its lines at phrase boundaries
  // while it can ("振り返りま|す" was a split inside a phrase).
  text.description =
    "負債を見える化し、返済の優先順位をチームで決めるまでの"
    "一年を振り返ります。計測の仕組み、週次の棚卸し、そして"
    "「やらないこと」の決め方まで、実際の数字とともに紹介します。";
  const card::CardTemplate sunset = template_named("sunset");
  const auto rs = renderer_for(sunset);
  const card::CardPlacement ps = rs->place(text, rs->layout_title(text));
  for (const auto& placed : ps.texts) {
    if (placed.name == "description") {
      REQUIRE(placed.layout.lines.size() == 2);
      CHECK(placed.layout.lines.front().text.ends_with("一年を"));
      CHECK(placed.layout.lines.back().text.ends_with("…"));
    }
  }
}

TEST_CASE("issue 10: the accent bar is drawn in the card's accent colour",
          "[card]")
{
  card::CardText text = sample_text();
  const card::CardTemplate t = template_named("default");
  REQUIRE(t.accent.enabled);
  const auto r = renderer_for(t);
  auto colour_at = [&](const card::CardText& x) {
    auto card = r->render(x, {});
    REQUIRE(card);
    const vips::VImage image =
      vips::VImage::new_from_buffer(card->bytes.data(), card->bytes.size(), "");
    return image.getpoint(600, static_cast<int>(t.accent.y + 2));
  };
  CHECK(colour_at(text) == std::vector<double>{0x38, 0xbd, 0xf8});
  text.accent = "#22c55e";
  CHECK(colour_at(text) == std::vector<double>{0x22, 0xc5, 0x5e});
}

TEST_CASE("issue 10: one title breaks the same way in templates with alike "
          "title boxes (default and light)",
          "[card]")
{
  const card::CardTemplate a = template_named("default");
  const card::CardTemplate b = template_named("light");
  // Alike: as many ems a line at the largest size, the same size range,
  // line count and features (bench/card-quality.py counts the same).
  CHECK(a.title.box_width / a.title.max_size
        == Approx(b.title.box_width / b.title.max_size).epsilon(0.02));
  CHECK(a.features == b.features);
  const auto ra = renderer_for(a);
  const auto rb = renderer_for(b);
  for (const std::string title :
       {"「技術的負債」とどう向き合うか？チームで決めた5つのルール",
        "【初心者向け】Rustで始めるWebAssembly入門",
        "PostgreSQL 16の新機能まとめ（論理レプリケーション編）",
        "AWS Lambdaのコールドスタートを500msから80msに縮めるまで",
        "社内ハッカソン「Hack Day 2024」開催レポート",
        "監視ダッシュボードを作り直した：Grafana＋Prometheusの構成"}) {
    INFO(title);
    CHECK(ra->layout_title(title).breaks == rb->layout_title(title).breaks);
  }
}

TEST_CASE("issue 20: a picture over the pixel limit is refused from its header",
          "[card]")
{
  // A 10000x6000 grey PNG is 58 KB of zlib: decoded it would be 60 MB.
  const fs::path png = test::fresh_dir("huge-picture") / "huge.png";
  {
    vips::VImage huge = vips::VImage::black(10000, 6000);
    huge.write_to_file(png.c_str());
  }
  REQUIRE(fs::file_size(png) < 2'000'000);
  auto pic = card::load_picture(png, 100, 100, card::Fit::cover);
  REQUIRE(!pic);
  CHECK(pic.error().message
        == "image '" + png.string()
             + "' is 10000x6000 pixels, more than the 50 megapixels a card "
               "picture may have; make it smaller");
}

TEST_CASE("a card picture is read only by the web's image loaders: SVG yes, "
          "ImageMagick's and vips' own formats never",
          "[card]")
{
  const fs::path dir = test::fresh_dir("picture-loaders");
  REQUIRE(util::write_file_atomic(
    dir / "logo.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" "
    "height=\"100\"><circle cx=\"50\" cy=\"50\" r=\"40\" "
    "fill=\"red\"/></svg>"));
  auto svg = card::load_picture(dir / "logo.svg", 50, 50, card::Fit::contain);
  REQUIRE(svg);
  CHECK(svg->width == 50);
  // The middle pixel is the red circle.
  const std::size_t mid = (25 * 50 + 25) * 4;
  CHECK(int(svg->rgba[mid]) == 255);
  CHECK(int(svg->rgba[mid + 1]) == 0);

  // A PPM (libvips' own loader) and a BMP (ImageMagick's) are refused.
  vips::VImage::black(4, 4).write_to_file((dir / "x.ppm").c_str());
  std::string bmp = "BM";
  const unsigned char header[] = {
    70,   0,    0, 0, 0,    0,    0, 0, 54, 0, 0, 0, 40, 0, 0,  0, 2, 0,
    0,    0,    2, 0, 0,    0,    1, 0, 24, 0, 0, 0, 0,  0, 16, 0, 0, 0,
    0x13, 0x0b, 0, 0, 0x13, 0x0b, 0, 0, 0,  0, 0, 0, 0,  0, 0,  0};
  bmp.append(reinterpret_cast<const char*>(header), sizeof header);
  bmp.append(16, '\0');
  REQUIRE(util::write_file_atomic(dir / "x.bmp", bmp));
  for (const char* name : {"x.ppm", "x.bmp"}) {
    INFO(name);
    auto pic = card::load_picture(dir / name, 50, 50, card::Fit::contain);
    REQUIRE(!pic);
    CHECK(pic.error().message.find("ogfeed reads JPEG, PNG, WebP, GIF, SVG")
          != std::string::npos);
  }
}
