#pragma once

#include "card/file_scope.hpp"
#include "card/layout.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::card {

struct Color
{
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
};

// A font file named in a template, resolved to a path.
struct FontSpec
{
  std::string name; // the template's name for it ("bold")
  std::filesystem::path path;
  int index = 0;         // face within a .ttc
  bool optional = false; // skipped when missing (an installed emoji font)
};

enum class BackgroundKind {
  solid,
  linear_gradient,
  image,
};

struct Background
{
  BackgroundKind kind = BackgroundKind::solid;
  Color color{15, 23, 42, 255};
  std::vector<Color> colors; // gradient stops, evenly spaced
  float angle = 135; // degrees, CSS convention (0 = to top, 90 = to right)
  std::filesystem::path image;
  float darken = 0; // 0..1, for images under text
};

// One line of small text (site name, author, date) or the tag pills.
struct TextBlock
{
  bool enabled = false;
  float x = 0;
  float y = 0;     // top of the line box
  float width = 0; // 0: as wide as the text (for align start)
  float size = 28;
  std::string font; // a name from `fonts`
  Color color{148, 163, 184, 255};
  Align align = Align::start;
  std::string format = "%Y-%m-%d"; // dates: %Y %m %d %-m %-d %b %B
  // Tags only.
  Color pill{255, 255, 255, 40};
  float padding = 14;
  float gap = 12;
  int max = 4;
  std::string prefix = "#";
  // The description only (its `gap` is from the title's last line).
  int max_lines = 2;
  float line_height = 1.45F;
};

struct ImageBlock
{
  bool enabled = false;
  std::filesystem::path path;
  float x = 0;
  float y = 0;
  float width = 96;
  float height = 96;
  bool round = false;
};

// The author's picture, drawn round just before the author's name (the
// post's `author.avatar`, else the site's).
struct AvatarBlock
{
  bool enabled = false;
  float size = 48; // its diameter
  float gap = 12;  // to the name
};

// A framed panel drawn on the background (Zenn-style cards): a rounded
// rectangle, with an optional border.
struct PanelBlock
{
  bool enabled = false;
  float x = 0;
  float y = 0;
  float width = 0;
  float height = 0;
  float radius = 24;
  Color color{255, 255, 255, 255};
  Color border{0, 0, 0, 0};
  float border_width = 0;
};

// A card layout: canvas, background, the title box and the small blocks.
struct CardTemplate
{
  std::string name;
  std::filesystem::path path;
  std::string source; // the YAML text, for the card cache key
  int width = 1200;
  int height = 630;
  std::vector<FontSpec> fonts;
  Background background;
  float title_x = 80;
  float title_y = 160;
  LayoutStyle title;
  std::string title_font;
  std::vector<std::string> title_fallback;
  Color title_color{248, 250, 252, 255};
  std::vector<std::string> features{"kern"};
  TextBlock site;
  TextBlock author;
  TextBlock date;
  TextBlock tags;
  TextBlock emoji; // the post's `emoji` (Zenn), large
  // The post's description under the title (`cards.description`); x and
  // width default to the title box's.
  TextBlock description;
  ImageBlock logo;
  PanelBlock panel;
  AvatarBlock avatar;
  // A bar in the post's accent colour (its category's; see accent_for()),
  // `color` when the post has none; a rounded rectangle like the panel.
  PanelBlock accent;
};

// Parses a template's YAML. Relative font and image paths resolve against
// `dir` first, then `fallback_dirs` (the site's and ogfeed's fonts/).
// Errors carry the line and column; the caller adds the path.
util::Expected<CardTemplate>
parse_card_template(std::string_view yaml,
                    const std::filesystem::path& dir,
                    const std::vector<std::filesystem::path>& fallback_dirs);

// True when a template is named by its file (`x.yaml`, `tpl/x`), not by
// a name looked up in the template folders.
bool is_template_path(const std::string& name_or_path);

// Finds template `name_or_path`: a path to a .yaml file, or a name looked up
// as <dir>/<name>.yaml in each of `search_dirs` in order (a site's own
// templates/ first, so a file of the same name overrides ogfeed's). Reads and
// parses it; errors name the file. The template and every file it names must
// be ones `scope` allows.
util::Expected<CardTemplate>
load_card_template(const std::string& name_or_path,
                   const std::vector<std::filesystem::path>& search_dirs,
                   const std::vector<std::filesystem::path>& font_dirs,
                   const FileScope& scope);

} // namespace ogfeed::card
