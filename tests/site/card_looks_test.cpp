#include "card/card_look.hpp"
#include "site/card_looks.hpp"
#include "test_support.hpp"

#include <vips/vips8>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

site::CardDirs
dirs_for(const fs::path& root)
{
  return {{root / "templates", test::k_source_dir / "templates"},
          {test::k_source_dir / "fonts"},
          site::site_image_dirs(root)};
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
  // As the site serves it, or as a file below the site.
  CHECK(card::find_site_image("/img/bg.png", dirs)
        == root / "static/img/bg.png");
  CHECK(card::find_site_image("static/img/bg.png?v=2", dirs)
        == root / "static/img/bg.png");
  CHECK_FALSE(card::find_site_image("/img/none.png", dirs));
  CHECK_FALSE(card::find_site_image("https://cdn.example/img/bg.png", dirs));
  CHECK_FALSE(card::find_site_image("//cdn.example/img/bg.png", dirs));

  card::CardTemplate t;
  REQUIRE(card::apply_background(t, "#0f766e", dirs));
  CHECK(t.background.kind == card::BackgroundKind::solid);
  REQUIRE(card::apply_background(t, "#312e81, #be185d", dirs));
  CHECK(t.background.kind == card::BackgroundKind::linear_gradient);
  CHECK(t.background.colors.size() == 2);
  auto bad = card::apply_background(t, "#31e81x", dirs);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("not a colour") != std::string::npos);
  bad = card::apply_background(t, "https://cdn.example/bg.png", dirs);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("fetches nothing") != std::string::npos);
  REQUIRE(card::apply_background(t, "/img/bg.png", dirs));
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
  site::BuildOptions options = test::build_options(root, root / "public");
  options.cards = site::Cards::as_configured;
  options.template_dirs = {root / "templates",
                           test::k_source_dir / "templates"};
  options.font_dirs = {test::k_source_dir / "fonts"};
  const site::BuildReport report = site::build_site(options);
  REQUIRE_FALSE(util::has_error(report.diagnostics));
  CHECK(mentions(report.diagnostics,
                 "posts/typo.md: warning: its "
                 "'card.template' cannot be used"));
  const fs::path cards = root / "public/cards";
  // The default template's navy, the post's teal, light's off-white.
  CHECK(pixel(cards / "plain.png", 4, 4)[2] > 25);
  CHECK(pixel(cards / "plain.png", 4, 4)[0] < 20);
  CHECK(pixel(cards / "teal.png", 4, 4) == std::vector<double>{15, 118, 110});
  CHECK(pixel(cards / "light.png", 4, 4)[0] > 200);
  CHECK(test::slurp(cards / "typo.png") == test::slurp(cards / "plain.png"));

  // Changing only a post's background draws only its card again.
  REQUIRE(util::write_file_atomic(
    root / "posts/teal.md",
    head + "card:\n  background: \"#7c2d12\"\n---\nA\n"));
  const site::BuildReport again = site::build_site(options);
  REQUIRE_FALSE(util::has_error(again.diagnostics));
  CHECK(again.cards_rendered == 1);
  CHECK(pixel(cards / "teal.png", 4, 4) == std::vector<double>{124, 45, 18});
}
