#include "card/contrast.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ogfeed::card {

namespace {

double
channel(std::uint8_t v)
{
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double
luminance(Color c)
{
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

Color
mix(Color a, Color b, double t) // a at t = 0, b at t = 1
{
  auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}

// `top` drawn over the opaque `under`, by its alpha.
Color
over(Color top, Color under)
{
  return mix(under, top, top.a / 255.0);
}

// The background colour at (x, y), as the renderer paints it: the panel's
// where it covers the spot.
Color
background_at(const CardTemplate& t, float x, float y)
{
  const PanelBlock& p = t.panel;
  if (p.enabled) {
    const float r = std::min({p.radius, p.width / 2, p.height / 2});
    const float cx = std::clamp(x, p.x + r, p.x + p.width - r);
    const float cy = std::clamp(y, p.y + r, p.y + p.height - r);
    if (x >= p.x && x <= p.x + p.width && y >= p.y && y <= p.y + p.height
        && std::hypot(x - cx, y - cy) <= r) {
      return p.color; // inside the panel's rounded outline
    }
  }
  const Background& bg = t.background;
  if (bg.kind == BackgroundKind::image) {
    // The worst case for light text: a white pixel under the scrim.
    return mix(Color{255, 255, 255, 255}, Color{0, 0, 0, 255}, bg.darken);
  }
  if (bg.kind == BackgroundKind::solid || bg.colors.size() < 2) {
    return bg.colors.empty() ? bg.color : bg.colors.front();
  }
  // CSS linear-gradient: the gradient line runs through the centre along
  // the angle (0 = to top), long enough that the corners get the end colours.
  const double a = bg.angle * std::numbers::pi / 180.0;
  const double dx = std::sin(a);
  const double dy = -std::cos(a);
  const double length = std::abs(t.width * dx) + std::abs(t.height * dy);
  const double along = (x - t.width / 2.0) * dx + (y - t.height / 2.0) * dy;
  const double pos = std::clamp(along / length + 0.5, 0.0, 1.0);
  const double scaled = pos * static_cast<double>(bg.colors.size() - 1);
  const auto i =
    std::min(static_cast<std::size_t>(scaled), bg.colors.size() - 2);
  return mix(bg.colors[i], bg.colors[i + 1], scaled - static_cast<double>(i));
}

// The least contrast of `text` (over `pill`, if any) across a box.
double
least_contrast(const CardTemplate& t,
               Color text,
               float x,
               float y,
               float w,
               float h,
               const Color* pill = nullptr)
{
  double least = 21;
  for (const auto& [px, py] : {std::pair{x, y},
                               {x + w, y},
                               {x, y + h},
                               {x + w, y + h},
                               {x + w / 2, y + h / 2}}) {
    Color under = background_at(t, px, py);
    if (pill != nullptr) {
      under = over(*pill, under);
    }
    least = std::min(least, contrast_ratio(over(text, under), under));
  }
  return least;
}

} // namespace

double
contrast_ratio(Color a, Color b)
{
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

util::Diagnostics
check_contrast(const CardTemplate& t)
{
  util::Diagnostics out;
  auto check = [&](const char* what, double ratio, double need) {
    if (ratio + 1e-9 < need) {
      util::Diagnostic d = util::make_warning(fmt::format(
        "template '{}': {} contrast is {:.1f}:1 against the background "
        "under it; at least {:.1f}:1 reads at preview size",
        t.name,
        what,
        ratio,
        need));
      d.path = t.path.string();
      out.push_back(std::move(d));
    }
  };
  const LayoutStyle& s = t.title;
  check("the title's",
        least_contrast(
          t, t.title_color, t.title_x, t.title_y, s.box_width, s.box_height),
        3.0);
  const std::pair<const char*, const TextBlock*> blocks[] = {
    {"the site name's", &t.site},
    {"the author's", &t.author},
    {"the date's", &t.date}};
  for (const auto& [what, b] : blocks) {
    if (b->enabled) {
      // A block with no width is as wide as its text: take a third.
      const float w = b->width > 0 ? b->width : t.width / 3.0F;
      check(
        what, least_contrast(t, b->color, b->x, b->y, w, b->size * 1.4F), 4.5);
    }
  }
  if (t.description.enabled) {
    // It sits under the title, somewhere in the title box.
    const float x = t.description.width > 0 ? t.description.x : t.title_x;
    const float w = t.description.width > 0 ? t.description.width : s.box_width;
    check("the description's",
          least_contrast(t, t.description.color, x, t.title_y, w, s.box_height),
          4.5);
  }
  if (t.tags.enabled) {
    const float w = t.tags.width > 0 ? t.tags.width : t.width / 3.0F;
    check("the tags'",
          least_contrast(t,
                         t.tags.color,
                         t.tags.x,
                         t.tags.y,
                         w,
                         t.tags.size * 1.4F,
                         &t.tags.pill),
          4.5);
  }
  return out;
}

} // namespace ogfeed::card
