#include "card/card_template.hpp"

#include "card/card_look.hpp"
#include "util/yaml_value.hpp"

#include <fmt/format.h>

#include <cmath>

namespace ogfeed::card {

namespace fs = std::filesystem;
using util::YamlValue;

namespace {

using Visit = std::function<util::Expected<void>(const std::string&,
                                                 const util::YamlValue&)>;

util::Error
error_at(const util::YamlValue& v, std::string message)
{
  return util::make_error(std::move(message), v.line, v.column);
}

util::Expected<Color>
color(const util::YamlValue& v, std::string_view what)
{
  // Not TRY_ASSIGN: GCC 12 warns that the moved-from string may be
  // uninitialized here (a false positive of -Wmaybe-uninitialized).
  const auto parsed = util::as_string(v, what);
  if (!parsed) {
    return tl::unexpected(parsed.error());
  }
  if (const auto c = parse_color(*parsed)) {
    return *c;
  }
  return tl::unexpected(
    error_at(v,
             "'" + std::string(what)
               + "' must be a colour like #1e293b or #ffffff80, got \""
               + *parsed + "\""));
}

util::Expected<float>
number(const util::YamlValue& v, std::string_view what, float min, float max)
{
  TRY_ASSIGN(text, util::as_string(v, what));
  char* end = nullptr;
  const float value = std::strtof(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value) || value < min
      || value > max) {
    const std::string range = fmt::format("{:g} to {:g}", min, max);
    return tl::unexpected(error_at(v,
                                   "'" + std::string(what)
                                     + "' must be a number from " + range
                                     + ", got \"" + text + "\""));
  }
  return value;
}

util::Expected<Align>
alignment(const util::YamlValue& v, std::string_view what)
{
  TRY_ASSIGN(text, util::as_string(v, what));
  if (text == "left" || text == "top" || text == "start") {
    return Align::start;
  }
  if (text == "center" || text == "middle") {
    return Align::center;
  }
  if (text == "right" || text == "bottom" || text == "end") {
    return Align::end;
  }
  return tl::unexpected(error_at(
    v,
    "'" + std::string(what)
      + "' must be left, center or right (top, middle or bottom), got \"" + text
      + "\""));
}

// Resolves a file named in the template: absolute, else against the
// template's folder, then each fallback folder; the first that exists wins.
fs::path
resolve(const std::string& file,
        const fs::path& dir,
        const std::vector<fs::path>& fallback)
{
  const fs::path p(file);
  if (p.is_absolute()) {
    return p;
  }
  std::error_code ec;
  if (fs::exists(dir / p, ec)) {
    return dir / p;
  }
  for (const auto& d : fallback) {
    if (fs::exists(d / p, ec)) {
      return d / p;
    }
  }
  return dir / p;
}

class Parser
{
public:
  Parser(const fs::path& dir, const std::vector<fs::path>& fallback)
    : m_dir(dir),
      m_fallback(fallback)
  {
  }

  util::Expected<void>
  top(const util::YamlValue& root, CardTemplate& t)
  {
    return util::visit_map(
      root,
      "",
      {"name",
       "width",
       "height",
       "fonts",
       "background",
       "title",
       "site",
       "author",
       "date",
       "tags",
       "emoji",
       "description",
       "logo",
       "panel",
       "avatar",
       "accent"},
      [&](const std::string& k,
          const util::YamlValue& v) -> util::Expected<void> {
        if (k == "name") {
          TRY_ASSIGN(s, util::as_string(v, k));
          t.name = s;
        } else if (k == "width" || k == "height") {
          TRY_ASSIGN(n, util::as_int(v, k, 16, 4096));
          (k == "width" ? t.width : t.height) = n;
        } else if (k == "fonts") {
          TRY(fonts(v, t));
        } else if (k == "background") {
          TRY(background(v, t.background));
        } else if (k == "title") {
          TRY(title(v, t));
        } else if (k == "logo") {
          TRY(logo(v, t.logo));
        } else if (k == "panel" || k == "accent") {
          TRY(panel(v, k, k == "panel" ? t.panel : t.accent));
        } else if (k == "avatar") {
          TRY(avatar(v, t.avatar));
        } else {
          TextBlock& b = k == "site"          ? t.site
                         : k == "author"      ? t.author
                         : k == "date"        ? t.date
                         : k == "emoji"       ? t.emoji
                         : k == "description" ? t.description
                                              : t.tags;
          TRY(block(v, k, b));
        }
        return {};
      });
  }

private:
  util::Expected<void>
  fonts(const util::YamlValue& v, CardTemplate& t)
  {
    if (v.kind != util::YamlValue::Kind::map) {
      return tl::unexpected(
        error_at(v, "'fonts' must map names to font files"));
    }
    for (const auto& [k, fv] : v.entries) {
      FontSpec spec;
      spec.name = k.scalar;
      std::string file;
      if (fv.kind == util::YamlValue::Kind::map) {
        TRY(util::visit_map(fv,
                            "fonts." + k.scalar,
                            {"file", "index", "optional"},
                            [&](const std::string& fk, const util::YamlValue& x)
                              -> util::Expected<void> {
                              if (fk == "file") {
                                TRY_ASSIGN(s, util::as_string(x, "file"));
                                file = s;
                              } else if (fk == "index") {
                                TRY_ASSIGN(n, util::as_int(x, "index", 0, 255));
                                spec.index = n;
                              } else {
                                TRY_ASSIGN(b, util::as_bool(x, "optional"));
                                spec.optional = b;
                              }
                              return {};
                            }));
      } else {
        TRY_ASSIGN(s, util::as_string(fv, "fonts." + k.scalar));
        file = s;
      }
      if (file.empty()) {
        return tl::unexpected(
          error_at(fv, "font '" + k.scalar + "' names no file"));
      }
      spec.path = resolve(file, m_dir, m_fallback);
      t.fonts.push_back(std::move(spec));
    }
    return {};
  }

  util::Expected<void>
  background(const util::YamlValue& v, Background& b)
  {
    return util::visit_map(
      v,
      "background",
      {"type", "color", "colors", "angle", "image", "darken"},
      [&](const std::string& k,
          const util::YamlValue& x) -> util::Expected<void> {
        if (k == "type") {
          TRY_ASSIGN(s, util::as_string(x, "background.type"));
          if (s == "solid") {
            b.kind = BackgroundKind::solid;
          } else if (s == "linear-gradient" || s == "gradient") {
            b.kind = BackgroundKind::linear_gradient;
          } else if (s == "image") {
            b.kind = BackgroundKind::image;
          } else {
            return tl::unexpected(error_at(x,
                                           "'background.type' must be solid, "
                                           "linear-gradient or image, got \""
                                             + s + "\""));
          }
        } else if (k == "color") {
          TRY_ASSIGN(c, color(x, "background.color"));
          b.color = c;
        } else if (k == "colors") {
          if (x.kind != util::YamlValue::Kind::sequence || x.items.size() < 2) {
            return tl::unexpected(
              error_at(x, "'background.colors' must list two or more colours"));
          }
          b.colors.clear();
          for (const auto& item : x.items) {
            TRY_ASSIGN(c, color(item, "background.colors"));
            b.colors.push_back(c);
          }
        } else if (k == "angle") {
          TRY_ASSIGN(a, number(x, "background.angle", -360, 360));
          b.angle = a;
        } else if (k == "image") {
          TRY_ASSIGN(s, util::as_string(x, "background.image"));
          b.image = resolve(s, m_dir, m_fallback);
        } else {
          TRY_ASSIGN(d, number(x, "background.darken", 0, 1));
          b.darken = d;
        }
        return {};
      });
  }

  // title.size: max, min and grow, in pixels.
  util::Expected<void>
  title_size(const util::YamlValue& x, const std::string& what, LayoutStyle& s)
  {
    TRY(util::visit_map(
      x,
      what,
      {"max", "min", "grow"},
      [&](const std::string& sk,
          const util::YamlValue& y) -> util::Expected<void> {
        TRY_ASSIGN(n, number(y, what + "." + sk, 4, 512));
        (sk == "max" ? s.max_size : sk == "min" ? s.min_size : s.grow_size) = n;
        return {};
      }));
    if (s.min_size > s.max_size) {
      return tl::unexpected(error_at(
        x, "'title.size.min' must not be larger than 'title.size.max'"));
    }
    return {};
  }

  util::Expected<void>
  title(const util::YamlValue& v, CardTemplate& t)
  {
    LayoutStyle& s = t.title;
    return util::visit_map(
      v,
      "title",
      {"x",
       "y",
       "width",
       "height",
       "font",
       "fallback",
       "size",
       "weight",
       "color",
       "line_height",
       "max_lines",
       "align",
       "vertical_align",
       "features",
       "latin_spacing"},
      [&](const std::string& k,
          const util::YamlValue& x) -> util::Expected<void> {
        const std::string what = "title." + k;
        if (k == "x" || k == "y") {
          TRY_ASSIGN(n, number(x, what, -4096, 4096));
          (k == "x" ? t.title_x : t.title_y) = n;
        } else if (k == "width" || k == "height") {
          TRY_ASSIGN(n, number(x, what, 8, 4096));
          (k == "width" ? s.box_width : s.box_height) = n;
        } else if (k == "font" || k == "weight") {
          TRY_ASSIGN(f, util::as_string(x, what));
          t.title_font = f;
        } else if (k == "fallback") {
          TRY_ASSIGN(list, util::as_string_list(x, what));
          t.title_fallback = list;
        } else if (k == "size") {
          TRY(title_size(x, what, s));
        } else if (k == "color") {
          TRY_ASSIGN(c, color(x, what));
          t.title_color = c;
        } else if (k == "line_height") {
          TRY_ASSIGN(n, number(x, what, 0.8F, 3));
          s.line_height = n;
        } else if (k == "max_lines") {
          TRY_ASSIGN(n, util::as_int(x, what, 1, 10));
          s.max_lines = n;
        } else if (k == "align") {
          TRY_ASSIGN(a, alignment(x, what));
          s.align = a;
        } else if (k == "vertical_align") {
          TRY_ASSIGN(a, alignment(x, what));
          s.vertical_align = a;
        } else if (k == "features") {
          TRY_ASSIGN(list, util::as_string_list(x, what));
          t.features = list;
        } else if (x.kind == util::YamlValue::Kind::scalar
                   && (x.scalar == "true" || x.scalar == "false")) {
          // true: CSS Text 4's text-autospace, an eighth of an em.
          s.latin_spacing = x.scalar == "true" ? k_default_latin_spacing : 0;
        } else {
          TRY_ASSIGN(n, number(x, what, 0, 0.5F));
          s.latin_spacing = n;
        }
        return {};
      });
  }

  util::Expected<void>
  block(const util::YamlValue& v, const std::string& name, TextBlock& b)
  {
    b.enabled = v.kind != util::YamlValue::Kind::null;
    if (v.kind == util::YamlValue::Kind::scalar) {
      TRY_ASSIGN(on, util::as_bool(v, name));
      b.enabled = on;
      return {};
    }
    return util::visit_map(v,
                           name,
                           {"x",
                            "y",
                            "width",
                            "size",
                            "font",
                            "color",
                            "align",
                            "format",
                            "background",
                            "padding",
                            "gap",
                            "max",
                            "prefix",
                            "max_lines",
                            "line_height"},
                           [&](const std::string& k, const util::YamlValue& x)
                             -> util::Expected<void> {
                             const std::string what = name + "." + k;
                             if (k == "x" || k == "y") {
                               TRY_ASSIGN(n, number(x, what, -4096, 4096));
                               (k == "x" ? b.x : b.y) = n;
                             } else if (k == "width") {
                               TRY_ASSIGN(n, number(x, what, 0, 4096));
                               b.width = n;
                             } else if (k == "size") {
                               TRY_ASSIGN(n, number(x, what, 4, 512));
                               b.size = n;
                             } else if (k == "font") {
                               TRY_ASSIGN(f, util::as_string(x, what));
                               b.font = f;
                             } else if (k == "color" || k == "background") {
                               TRY_ASSIGN(c, color(x, what));
                               (k == "color" ? b.color : b.pill) = c;
                             } else if (k == "align") {
                               TRY_ASSIGN(a, alignment(x, what));
                               b.align = a;
                             } else if (k == "format" || k == "prefix") {
                               TRY_ASSIGN(f, util::as_string(x, what));
                               (k == "format" ? b.format : b.prefix) = f;
                             } else if (k == "padding" || k == "gap") {
                               TRY_ASSIGN(n, number(x, what, 0, 512));
                               (k == "padding" ? b.padding : b.gap) = n;
                             } else if (k == "max_lines") {
                               TRY_ASSIGN(n, util::as_int(x, what, 1, 6));
                               b.max_lines = n;
                             } else if (k == "line_height") {
                               TRY_ASSIGN(n, number(x, what, 0.8F, 3));
                               b.line_height = n;
                             } else {
                               TRY_ASSIGN(n, util::as_int(x, what, 0, 20));
                               b.max = n;
                             }
                             return {};
                           });
  }

  util::Expected<void>
  logo(const util::YamlValue& v, ImageBlock& b)
  {
    b.enabled = v.kind != util::YamlValue::Kind::null;
    return util::visit_map(
      v,
      "logo",
      {"file", "x", "y", "width", "height", "round"},
      [&](const std::string& k,
          const util::YamlValue& x) -> util::Expected<void> {
        const std::string what = "logo." + k;
        if (k == "file") {
          TRY_ASSIGN(s, util::as_string(x, what));
          b.path = resolve(s, m_dir, m_fallback);
        } else if (k == "round") {
          TRY_ASSIGN(on, util::as_bool(x, what));
          b.round = on;
        } else {
          TRY_ASSIGN(n,
                     number(x, what, k == "x" || k == "y" ? -4096 : 1, 4096));
          (k == "x"       ? b.x
           : k == "y"     ? b.y
           : k == "width" ? b.width
                          : b.height) = n;
        }
        return {};
      });
  }

  static util::Expected<void>
  panel(const util::YamlValue& v, const std::string& name, PanelBlock& b)
  {
    b.enabled = v.kind != util::YamlValue::Kind::null;
    return util::visit_map(
      v,
      name,
      {"x",
       "y",
       "width",
       "height",
       "radius",
       "color",
       "border",
       "border_width"},
      [&](const std::string& k,
          const util::YamlValue& x) -> util::Expected<void> {
        const std::string what = name + "." + k;
        if (k == "color" || k == "border") {
          TRY_ASSIGN(c, color(x, what));
          (k == "color" ? b.color : b.border) = c;
        } else {
          TRY_ASSIGN(n,
                     number(x, what, k == "x" || k == "y" ? -4096 : 0, 4096));
          (k == "x"        ? b.x
           : k == "y"      ? b.y
           : k == "width"  ? b.width
           : k == "height" ? b.height
           : k == "radius" ? b.radius
                           : b.border_width) = n;
        }
        return {};
      });
  }

  static util::Expected<void>
  avatar(const util::YamlValue& v, AvatarBlock& b)
  {
    b.enabled = v.kind != util::YamlValue::Kind::null;
    return util::visit_map(
      v,
      "avatar",
      {"size", "gap"},
      [&](const std::string& k,
          const util::YamlValue& x) -> util::Expected<void> {
        TRY_ASSIGN(n, number(x, "avatar." + k, k == "size" ? 8 : 0, 512));
        (k == "size" ? b.size : b.gap) = n;
        return {};
      });
  }

  fs::path m_dir;
  std::vector<fs::path> m_fallback;
};

bool
has_font(const CardTemplate& t, const std::string& name)
{
  return std::any_of(t.fonts.begin(), t.fonts.end(), [&](const FontSpec& f) {
    return f.name == name;
  });
}

} // namespace

util::Expected<CardTemplate>
parse_card_template(std::string_view yaml,
                    const fs::path& dir,
                    const std::vector<fs::path>& fallback_dirs)
{
  TRY_ASSIGN(root, util::parse_yaml(yaml, 1));
  CardTemplate t;
  t.source = std::string(yaml);
  Parser parser(dir, fallback_dirs);
  TRY(parser.top(root, t));
  if (t.fonts.empty()) {
    return tl::unexpected(
      util::make_error("the template names no 'fonts'", 1, 1));
  }
  if (t.title_font.empty()) {
    t.title_font = t.fonts.front().name;
  }
  std::vector<std::string> used = t.title_fallback;
  used.push_back(t.title_font);
  for (const TextBlock* b :
       {&t.site, &t.author, &t.date, &t.tags, &t.emoji, &t.description}) {
    if (!b->font.empty()) {
      used.push_back(b->font);
    }
  }
  for (const auto& name : used) {
    if (!has_font(t, name)) {
      return tl::unexpected(util::make_error(
        "font '" + name + "' is not one of the template's 'fonts'", 1, 1));
    }
  }
  if (t.background.kind == BackgroundKind::image
      && t.background.image.empty()) {
    return tl::unexpected(util::make_error(
      "'background.type: image' needs 'background.image'", 1, 1));
  }
  if (t.background.kind == BackgroundKind::linear_gradient
      && t.background.colors.size() < 2) {
    return tl::unexpected(util::make_error(
      "'background.type: linear-gradient' needs 'background.colors'", 1, 1));
  }
  return t;
}

} // namespace ogfeed::card
