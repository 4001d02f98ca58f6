#pragma once

#include "card/card_template.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::card {

// An RGB canvas in memory, 8 bits per channel.
struct Canvas
{
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;

  // Blends `color` at `coverage` (0..255) into pixel (x, y).
  void blend(int x, int y, const Color& color, unsigned coverage);
};

// The template's background as RGB bytes: a solid colour, a CSS linear
// gradient, or an image scaled to cover the card and darkened.
util::Expected<std::vector<std::uint8_t>>
paint_background(const Background& bg, int width, int height);

// An image to draw on a card (a logo, an avatar), RGBA, 8 bits.
struct Picture
{
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

enum class Fit {
  contain, // the whole image, as large as fits in the box
  cover,   // the box filled, the image cut at its centre
};

// The most pixels a picture (logo, avatar, background) may have; a larger
// one is refused from its header, before it is decoded.
constexpr std::uint64_t k_max_picture_pixels = 50'000'000;

// Fails when the image at `path` has more than k_max_picture_pixels (or
// cannot be read), reading only its header.
util::Expected<void> check_picture_size(const std::filesystem::path& path);

// Reads the image at `path` scaled to a `width` x `height` box (after
// check_picture_size()).
util::Expected<Picture>
load_picture(const std::filesystem::path& path, int width, int height, Fit fit);

enum class Shape {
  as_is,
  round, // inside the largest circle that fits, anti-aliased
};

// Draws `pic` with its top-left corner at (x, y).
void
draw_picture(Canvas& canvas, const Picture& pic, int x, int y, Shape shape);

// Fills a rounded rectangle of radius `r`, anti-aliased.
void fill_rounded(Canvas& canvas,
                  float x0,
                  float y0,
                  float w,
                  float h,
                  float r,
                  const Color& color);

// Fills a pill: a rounded rectangle whose radius is half its height.
void fill_pill(
  Canvas& canvas, float x0, float y0, float w, float h, const Color& color);

// The template's framed panel: its border, then its fill inside it.
void paint_panel(Canvas& canvas, const PanelBlock& p);

} // namespace ogfeed::card
