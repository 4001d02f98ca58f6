#include "card/card_look.hpp"
#include "card/card_text.hpp"
#include "content/load/site_loader.hpp"
#include "site/card_looks.hpp"
#include "site/card_step.hpp"
#include "test_support.hpp"
#include "vips_start.hpp"

#include <vips/vips8>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

site::CardDirs
dirs_for(const fs::path& root)
{
  return {{root / "templates", test::k_source_dir / "templates"},
          {test::k_source_dir / "fonts"},
          site::site_image_dirs(root),
          root,
          site::site_file_scope(root,
                                {root / "templates",
                                 test::k_source_dir / "templates",
                                 test::k_source_dir / "fonts"})};
}

content::Post
post_with(const fs::path& file,
          const std::map<std::string, std::string>& params)
{
  content::Post p;
  p.shown_path = "posts/" + file.filename().string();
  p.file = file;
  p.params = params;
  return p;
}

bool
mentions(const util::Diagnostics& d, const std::string& text)
{
  return std::any_of(d.begin(), d.end(), [&](const util::Diagnostic& x) {
    return util::format_diagnostic(x).find(text) != std::string::npos;
  });
}

// The colour of the card's pixel (x, y), as RGB.
std::vector<double>
pixel(const fs::path& png, int x, int y)
{
  const std::string bytes = test::slurp(png);
  const vips::VImage image =
    vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
  return image.getpoint(x, y);
}

} // namespace

TEST_CASE("issue 10: colours and site images for a post's card background",
          "[card]")
{
  CHECK(card::parse_color("#0f766e")->g == 0x76);
  CHECK(card::parse_color("#fff")->b == 255);
  CHECK(card::parse_color("#11223380")->a == 0x80);
  CHECK_FALSE(card::parse_color("0f766e"));
  CHECK_FALSE(card::parse_color("#12345"));
  CHECK_FALSE(card::parse_color("#gggggg"));

  const fs::path root = test::fresh_dir("site-images");
  REQUIRE(util::write_file_atomic(root / "static/img/bg.png", "x"));
  const auto dirs = site::site_image_dirs(root);
  const auto scope = site::site_file_scope(root, {});
  // As the site serves it, or as a file below the site.
  CHECK(card::find_site_image("/img/bg.png", dirs, scope)
        == root / "static/img/bg.png");
  CHECK(card::find_site_image("static/img/bg.png?v=2", dirs, scope)
        == root / "static/img/bg.png");
  CHECK_FALSE(card::find_site_image("/img/none.png", dirs, scope));
  CHECK_FALSE(
    card::find_site_image("https://cdn.example/img/bg.png", dirs, scope));
  CHECK_FALSE(card::find_site_image("//cdn.example/img/bg.png", dirs, scope));

  card::CardTemplate t;
  REQUIRE(card::apply_background(t, "#0f766e", dirs, scope));
  CHECK(t.background.kind == card::BackgroundKind::solid);
  REQUIRE(card::apply_background(t, "#312e81, #be185d", dirs, scope));
  CHECK(t.background.kind == card::BackgroundKind::linear_gradient);
  CHECK(t.background.colors.size() == 2);
  auto bad = card::apply_background(t, "#31e81x", dirs, scope);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("not a colour") != std::string::npos);
  bad = card::apply_background(t, "https://cdn.example/bg.png", dirs, scope);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("fetches nothing") != std::string::npos);
  REQUIRE(card::apply_background(t, "/img/bg.png", dirs, scope));
  CHECK(t.background.kind == card::BackgroundKind::image);
  CHECK(t.background.darken >= 0.45F);
}

TEST_CASE("issue 10: a post's card names its own template and background",
          "[site]")
{
  const fs::path root = test::fresh_dir("card-looks");
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml", "title: looks\nbase_url: https://l.example/\n"));
  content::SiteConfig config = content::default_site_config();
  util::Diagnostics notes;
  auto looks = site::CardLooks::load(config, dirs_for(root), notes);
  REQUIRE(looks);
  CHECK(notes.empty());

  const fs::path a = root / "posts/a.md";
  CHECK(looks->look_for(post_with(a, {}), notes) == 0);
  const std::size_t light =
    looks->look_for(post_with(a, {{"card.template", "light"}}), notes);
  CHECK(light == 1);
  CHECK((*looks)[light].tmpl.name == "light");
  const std::size_t teal =
    looks->look_for(post_with(a, {{"card.background", "#0b2e2b"}}), notes);
  CHECK(teal == 2);
  CHECK((*looks)[teal].tmpl.background.color.g == 0x2e);
  // The same request is the same look.
  CHECK(looks->look_for(post_with(a, {{"card.template", "light"}}), notes)
        == light);
  CHECK(notes.empty());

  // What cannot be used is a warning naming the post; the site's is used.
  CHECK(looks->look_for(post_with(a, {{"card.template", "nosuch"}}), notes)
        == 0);
  CHECK(mentions(notes,
                 "posts/a.md: warning: its 'card.template' cannot be "
                 "used (no card template named 'nosuch')"));
  CHECK(looks->look_for(post_with(a, {{"card.background", "#12"}}), notes)
        == 0);
  CHECK(mentions(notes, "is not a colour"));

  // A light background under the default's light text: the contrast check
  // says so, for this post.
  notes.clear();
  looks->look_for(post_with(a, {{"card.background", "#ffffff"}}), notes);
  CHECK(mentions(notes,
                 "posts/a.md: warning: with its card background \"#ffffff\", "
                 "template 'default': the title's contrast is 1.0:1"));
}

TEST_CASE("issue 10: a site build draws each post's card in its own look",
          "[site]")
{
  const fs::path root = test::fresh_dir("card-looks-build");
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml", "title: looks\nbase_url: https://l.example/\n"));
  const std::string head = "---\ntitle: 見た目\ndate: 2024-05-01\n";
  REQUIRE(util::write_file_atomic(root / "posts/plain.md", head + "---\nA\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/teal.md",
    head + "card:\n  background: \"#0f766e\"\n---\nA\n"));
  REQUIRE(util::write_file_atomic(root / "posts/light.md",
                                  head + "card:\n  template: light\n---\nA\n"));
  REQUIRE(util::write_file_atomic(root / "posts/typo.md",
                                  head + "card:\n  template: lihgt\n---\nA\n"));
  const site::BuildOptions options =
    test::build_options_with_cards(root, root / "public");
  const site::BuildReport report = site::build_site(options);
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  CHECK(mentions(report.diagnostics,
                 "posts/typo.md: warning: its "
                 "'card.template' cannot be used"));
  const fs::path cards = root / "public/cards";
  // The default template's navy, the post's teal, light's off-white.
  CHECK(pixel(cards / "plain.png", 4, 40)[2] > 25);
  CHECK(pixel(cards / "plain.png", 4, 40)[0] < 20);
  CHECK(pixel(cards / "teal.png", 4, 40) == std::vector<double>{15, 118, 110});
  CHECK(pixel(cards / "light.png", 4, 40)[0] > 200);
  CHECK(test::slurp(cards / "typo.png") == test::slurp(cards / "plain.png"));

  // Changing only a post's background draws only its card again.
  REQUIRE(util::write_file_atomic(
    root / "posts/teal.md",
    head + "card:\n  background: \"#7c2d12\"\n---\nA\n"));
  const site::BuildReport again = site::build_site(options);
  REQUIRE_FALSE(util::has_error(again.diagnostics));
  CHECK(again.cards_rendered == 1);
  CHECK(pixel(cards / "teal.png", 4, 40) == std::vector<double>{124, 45, 18});
}

namespace {

// A site whose ogfeed.yaml names the example's logo and avatar (copied into
// its static/images/), plus `extra` lines.
fs::path
site_with_pictures(const std::string& name, const std::string& extra = "")
{
  const fs::path root = test::fresh_dir(name);
  const fs::path images = test::k_source_dir / "examples/blog/static/images";
  for (const char* file : {"logo.png", "avatar.png"}) {
    REQUIRE(util::write_file_atomic(root / "static/images" / file,
                                    test::slurp(images / file)));
  }
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml",
    "title: 株式会社サンプルテクノロジーズ エンジニアブログ\n"
    "base_url: https://p.example/\n"
    "author:\n  name: 田中 健太郎 (@kentaro_tanaka)\n"
    "  avatar: /images/avatar.png\n"
    "cards:\n  logo: /images/logo.png\n"
      + extra));
  return root;
}

bool
overlap(const card::ElementBox& a, const card::ElementBox& b)
{
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height
         && b.y < a.y + a.height;
}

const card::ElementBox&
element(const card::CardPlacement& placement, const std::string& name)
{
  for (const auto& e : placement.elements) {
    if (e.name == name) {
      return e;
    }
  }
  FAIL("no element " << name);
  return placement.elements.front();
}

} // namespace

TEST_CASE("issue 10: the site's logo and the author's round avatar take "
          "their place beside the site name and the author",
          "[card]")
{
  const fs::path root = site_with_pictures("card-pictures");
  auto loaded = content::load_site_config(root);
  REQUIRE(loaded);
  const content::SiteConfig& config = loaded->config;
  util::Diagnostics notes;
  auto looks = site::CardLooks::load(config, dirs_for(root), notes);
  REQUIRE(looks);
  CHECK(notes.empty());
  content::Post post = post_with(root / "posts/a.md", {});
  post.title = "メモリリークの調査：ヒープダンプを読む";
  post.tags = {"Go", "Kubernetes", "パフォーマンス", "メモリ", "デバッグ"};
  const std::string avatar = looks->avatar_for(post, notes);
  CHECK(avatar == (root / "static/images/avatar.png").string());
  CHECK(looks->file_hash(avatar) != 0);

  for (const std::string name : {"default", "sunset", "panel", "photo"}) {
    post.params["card.template"] = name;
    const std::size_t look = looks->look_for(post, notes);
    card::CardText text = card::card_text_for(
      post, site::card_context(config), (*looks)[look].tmpl);
    text.avatar = avatar;
    looks->finish(std::vector<std::u32string>(looks->size()));
    auto renderer =
      card::CardRenderer::create((*looks)[look].tmpl, looks->fonts_of(look));
    REQUIRE(renderer);
    const card::TitleLayout title = (*renderer)->layout_title(text.title);
    const card::CardPlacement placed = (*renderer)->place(text, title);
    INFO(name);
    // The logo is drawn whole at its box's height (320x96 at 44 or 48 px
    // high), and the site name starts after it.
    const card::ElementBox& logo = element(placed, "logo");
    CHECK(std::abs(logo.width / logo.height - 320.0F / 96.0F) < 0.05F);
    CHECK(element(placed, "site").x >= logo.x + logo.width);
    // The avatar sits just before the author, centred on its line.
    const card::ElementBox& face = element(placed, "avatar");
    const card::ElementBox& author = element(placed, "author");
    CHECK(face.x + face.width < author.x);
    CHECK(author.x - (face.x + face.width) <= 14.0F);
    CHECK(std::abs((face.y + face.height / 2) - (author.y + author.height / 2))
          < author.height / 4);
    for (std::size_t i = 0; i < placed.elements.size(); ++i) {
      for (std::size_t j = i + 1; j < placed.elements.size(); ++j) {
        const auto& a = placed.elements[i];
        const auto& b = placed.elements[j];
        if (a.name != "background" && a.name != "panel") {
          CHECK_FALSE(overlap(a, b));
        }
      }
    }
  }
  CHECK(notes.empty());
}

TEST_CASE("issue 10: avatars of the site and of a post, what cannot be "
          "drawn is a warning",
          "[site]")
{
  const fs::path root = site_with_pictures("card-avatars");
  const std::string head = "---\ntitle: 顔\ndate: 2024-05-01\n";
  REQUIRE(util::write_file_atomic(root / "posts/site.md", head + "---\nA\n"));
  // A guest author's own picture, beside the post.
  REQUIRE(util::write_file_atomic(
    root / "posts/guest/index.md",
    head + "author:\n  name: ゲスト\n  avatar: me.png\n---\nA\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/guest/me.png",
    test::slurp(test::k_source_dir / "examples/blog/static/images/logo.png")));
  REQUIRE(util::write_file_atomic(
    root / "posts/remote.md",
    head
      + "author:\n  name: 遠く\n  avatar: https://cdn.example/a.png\n---\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/missing.md",
    head + "author:\n  name: 無し\n  avatar: /images/none.png\n---\n"));
  // Another author without a picture: not the site's face.
  REQUIRE(util::write_file_atomic(root / "posts/other.md",
                                  head + "author: 別の人\n---\n"));
  const site::BuildOptions options =
    test::build_options_with_cards(root, root / "public");
  const site::BuildReport report = site::build_site(options);
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  CHECK(mentions(report.diagnostics,
                 "posts/remote.md: warning: 'author.avatar' "
                 "\"https://cdn.example/a.png\" is a URL; ogfeed fetches "
                 "nothing"));
  CHECK(mentions(report.diagnostics,
                 "posts/missing.md: warning: 'author.avatar' "
                 "\"/images/none.png\": no such image file"));
  CHECK(report.cards_rendered == 5);

  // The avatar is in each card's key: a new picture draws again exactly
  // the cards that show it (the site's author's).
  REQUIRE(util::write_file_atomic(
    root / "static/images/avatar.png",
    test::slurp(test::k_source_dir / "examples/blog/static/images/logo.png")));
  const site::BuildReport again = site::build_site(options);
  REQUIRE_FALSE(util::has_error(again.diagnostics));
  CHECK(again.cards_rendered == 1);
}

TEST_CASE("a template named by a relative path is below the site, wherever "
          "ogfeed runs",
          "[site]")
{
  const fs::path root = test::fresh_dir("card-template-path");
  std::string light = test::slurp(test::k_source_dir / "templates/light.yaml");
  light.replace(light.find("name: light"), 11, "name: mine");
  REQUIRE(util::write_file_atomic(root / "tpl/mine.yaml", light));
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: t\nbase_url: https://t.example/\n"
                                  "cards:\n  template: tpl/mine.yaml\n"));
  REQUIRE(util::write_file_atomic(root / "posts/a.md",
                                  "---\ntitle: 題\ndate: 2024-05-01\n---\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/b.md",
    "---\ntitle: 題\ndate: 2024-05-02\ncard:\n  template: tpl/mine\n---\n"));
  // The tests run in the source folder, not the site's.
  REQUIRE_FALSE(fs::exists("tpl/mine.yaml"));
  const site::BuildOptions options =
    test::build_options_with_cards(root, root / "public");
  const site::BuildReport report = site::build_site(options);
  CHECK_FALSE(mentions(report.diagnostics, "warning"));
  REQUIRE(report.diagnostics.empty());
  // light's beige frame.
  for (const char* card : {"a.png", "b.png"}) {
    CHECK(pixel(root / "public/cards" / card, 4, 40)
          == std::vector<double>{0xe7, 0xdc, 0xcb});
  }
}
