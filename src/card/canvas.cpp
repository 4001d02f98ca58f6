#include "card/canvas.hpp"

#include "card/image_module.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ogfeed::card {

namespace fs = std::filesystem;

namespace {

// A solid colour or a CSS linear gradient (0deg points up, 90deg right),
// as RGB: t runs 0..1 along the gradient line and picks from a 256-entry
// table of the colour stops.
std::vector<std::uint8_t>
paint_fill(const Background& bg, int width, int height)
{
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  std::vector<std::uint8_t> out(w * h * 3);
  if (bg.kind == BackgroundKind::solid || bg.colors.size() < 2) {
    const Color c = bg.kind == BackgroundKind::solid || bg.colors.empty()
                      ? bg.color
                      : bg.colors.front();
    for (std::size_t i = 0; i < w * h; ++i) {
      out[i * 3] = c.r;
      out[i * 3 + 1] = c.g;
      out[i * 3 + 2] = c.b;
    }
    return out;
  }
  std::array<std::uint8_t, 256 * 3> lut{};
  const std::size_t stops = bg.colors.size();
  for (int i = 0; i < 256; ++i) {
    const double pos = i / 255.0 * static_cast<double>(stops - 1);
    const std::size_t k = std::min(static_cast<std::size_t>(pos), stops - 2);
    const double f = pos - static_cast<double>(k);
    const Color& c0 = bg.colors[k];
    const Color& c1 = bg.colors[k + 1];
    const auto at = static_cast<std::size_t>(i) * 3;
    lut[at] = static_cast<std::uint8_t>(std::lround(c0.r + (c1.r - c0.r) * f));
    lut[at + 1] =
      static_cast<std::uint8_t>(std::lround(c0.g + (c1.g - c0.g) * f));
    lut[at + 2] =
      static_cast<std::uint8_t>(std::lround(c0.b + (c1.b - c0.b) * f));
  }
  const double a = bg.angle * M_PI / 180.0;
  const double dx = std::sin(a);
  const double dy = -std::cos(a);
  const double length = std::abs(width * dx) + std::abs(height * dy);
  std::uint8_t* p = out.data();
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const double t =
        ((x - width / 2.0) * dx + (y - height / 2.0) * dy) / length + 0.5;
      const double v = std::clamp(t * 255.0, 0.0, 255.0);
      const auto at = static_cast<std::size_t>(v) * 3;
      *p++ = lut[at];
      *p++ = lut[at + 1];
      *p++ = lut[at + 2];
    }
  }
  return out;
}

} // namespace

void
Canvas::blend(int x, int y, const Color& color, unsigned coverage)
{
  if (x < 0 || y < 0 || x >= width || y >= height || coverage == 0) {
    return;
  }
  const unsigned a = coverage * color.a / 255;
  std::uint8_t* p =
    &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width)
          + static_cast<std::size_t>(x))
         * 3];
  p[0] =
    static_cast<std::uint8_t>((color.r * a + p[0] * (255 - a) + 127) / 255);
  p[1] =
    static_cast<std::uint8_t>((color.g * a + p[1] * (255 - a) + 127) / 255);
  p[2] =
    static_cast<std::uint8_t>((color.b * a + p[2] * (255 - a) + 127) / 255);
}

util::Expected<std::vector<std::uint8_t>>
paint_background(const Background& bg, int width, int height)
{
  if (bg.kind != BackgroundKind::image) {
    // Computed here, row by row: through vips' pipeline a flat fill or a
    // gradient was a fifth of a one-card run.
    return paint_fill(bg, width, height);
  }
  TRY(check_picture_size(bg.image));
  TRY_ASSIGN(vips, image_module());
  std::vector<std::uint8_t> rgb;
  if (auto failed =
        vips->load_rgb_cover(bg.image.c_str(), width, height, bg.darken, &rgb);
      !failed.empty()) {
    return tl::unexpected(util::make_error(failed));
  }
  return rgb;
}

util::Expected<void>
check_picture_size(const fs::path& path)
{
  TRY_ASSIGN(vips, image_module());
  int width = 0;
  int height = 0;
  if (auto failed = vips->picture_size(path.c_str(), &width, &height);
      !failed.empty()) {
    return tl::unexpected(util::make_error(failed));
  }
  const auto pixels =
    static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height);
  if (pixels > k_max_picture_pixels) {
    return tl::unexpected(util::make_error(
      "image '" + path.string() + "' is " + std::to_string(width) + "x"
      + std::to_string(height) + " pixels, more than the "
      + std::to_string(k_max_picture_pixels / 1000000)
      + " megapixels a card picture may have; make it smaller"));
  }
  return {};
}

util::Expected<Picture>
load_picture(const fs::path& path, int width, int height, Fit fit)
{
  TRY(check_picture_size(path));
  TRY_ASSIGN(vips, image_module());
  Picture out;
  if (auto failed = vips->load_rgba(path.c_str(),
                                    width,
                                    height,
                                    fit == Fit::cover,
                                    &out.width,
                                    &out.height,
                                    &out.rgba);
      !failed.empty()) {
    return tl::unexpected(util::make_error(failed));
  }
  return out;
}

void
draw_picture(Canvas& canvas, const Picture& pic, int x0, int y0, Shape shape)
{
  const int w = pic.width;
  const int h = pic.height;
  const double r = std::min(w, h) / 2.0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* p =
        &pic.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w)
                   + static_cast<std::size_t>(x))
                  * 4];
      unsigned alpha = p[3];
      if (shape == Shape::round) {
        const double d = std::hypot(x + 0.5 - w / 2.0, y + 0.5 - h / 2.0) - r;
        alpha = static_cast<unsigned>(alpha * std::clamp(0.5 - d, 0.0, 1.0));
      }
      canvas.blend(x0 + x, y0 + y, Color{p[0], p[1], p[2], 255}, alpha);
    }
  }
}

// Fills a rounded rectangle of radius `r`, anti-aliased.
void
fill_rounded(Canvas& canvas,
             float x0,
             float y0,
             float w,
             float h,
             float r,
             const Color& color)
{
  r = std::min({r, w / 2, h / 2});
  for (int y = static_cast<int>(std::floor(y0));
       y < static_cast<int>(std::ceil(y0 + h));
       ++y) {
    for (int x = static_cast<int>(std::floor(x0));
         x < static_cast<int>(std::ceil(x0 + w));
         ++x) {
      const float px = static_cast<float>(x) + 0.5F;
      const float py = static_cast<float>(y) + 0.5F;
      // Signed distance to the rounded rectangle's outline (negative
      // inside), so a square corner (r = 0) is covered whole too.
      const float qx = std::abs(px - (x0 + w / 2)) - (w / 2 - r);
      const float qy = std::abs(py - (y0 + h / 2)) - (h / 2 - r);
      const float d = std::hypot(std::max(qx, 0.0F), std::max(qy, 0.0F))
                      + std::min(std::max(qx, qy), 0.0F) - r;
      const float cov = std::clamp(0.5F - d, 0.0F, 1.0F);
      canvas.blend(x, y, color, static_cast<unsigned>(std::lround(cov * 255)));
    }
  }
}

// Fills a pill: a rounded rectangle whose radius is half its height.
void
fill_pill(
  Canvas& canvas, float x0, float y0, float w, float h, const Color& color)
{
  fill_rounded(canvas, x0, y0, w, h, h / 2, color);
}

// The template's framed panel: its border, then its fill inside it.
void
paint_panel(Canvas& canvas, const PanelBlock& p)
{
  const float b = p.border_width;
  if (b > 0) {
    fill_rounded(canvas, p.x, p.y, p.width, p.height, p.radius, p.border);
  }
  fill_rounded(canvas,
               p.x + b,
               p.y + b,
               p.width - 2 * b,
               p.height - 2 * b,
               std::max(0.0F, p.radius - b),
               p.color);
}

} // namespace ogfeed::card
