#include "card/card_look.hpp"

#include "card/contrast.hpp"

#include <algorithm>

namespace ogfeed::card {

namespace fs = std::filesystem;

namespace {

int
hex_digit(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string_view
trimmed(std::string_view s)
{
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// The colours of "#a, #b, ...", or nothing when any part is not one.
std::optional<std::vector<Color>>
color_list(std::string_view spec)
{
  std::vector<Color> colors;
  while (true) {
    const std::size_t comma = spec.find(',');
    const auto c = parse_color(trimmed(spec.substr(0, comma)));
    if (!c) {
      return std::nullopt;
    }
    colors.push_back(*c);
    if (comma == std::string_view::npos) {
      return colors;
    }
    spec.remove_prefix(comma + 1);
  }
}

} // namespace

std::optional<Color>
parse_color(std::string_view text)
{
  std::string hex(text.size() > 1 && text[0] == '#' ? text.substr(1) : "");
  if (hex.size() == 3 || hex.size() == 4) {
    std::string wide;
    for (const char c : hex) {
      wide += std::string(2, c);
    }
    hex = wide;
  }
  if ((hex.size() != 6 && hex.size() != 8)
      || !std::all_of(
        hex.begin(), hex.end(), [](char c) { return hex_digit(c) >= 0; })) {
    return std::nullopt;
  }
  auto byte = [&](std::size_t i) {
    return static_cast<std::uint8_t>(hex_digit(hex[i]) * 16
                                     + hex_digit(hex[i + 1]));
  };
  return Color{
    byte(0), byte(2), byte(4), hex.size() == 8 ? byte(6) : std::uint8_t{255}};
}

bool
is_remote_image(std::string_view written)
{
  return written.starts_with("//")
         || written.find("://") != std::string_view::npos;
}

std::optional<fs::path>
find_site_image(std::string_view written,
                const std::vector<fs::path>& dirs,
                const FileScope& scope)
{
  std::string_view path = trimmed(written);
  path = path.substr(0, path.find_first_of("?#"));
  if (path.empty() || is_remote_image(path)) {
    return std::nullopt;
  }
  const fs::path as_written = fs::u8path(path);
  if (as_written.is_absolute() && scope.allows(as_written)) {
    return as_written;
  }
  while (path.starts_with('/')) {
    path.remove_prefix(1);
  }
  const fs::path rel = fs::u8path(path);
  for (const fs::path& dir : dirs) {
    const fs::path candidate = (dir / rel).lexically_normal();
    if (scope.allows(candidate)) {
      return candidate;
    }
  }
  return std::nullopt;
}

util::Expected<void>
apply_background(CardTemplate& t,
                 std::string_view spec,
                 const std::vector<fs::path>& dirs,
                 const FileScope& scope)
{
  Background& b = t.background;
  spec = trimmed(spec);
  if (auto colors = color_list(spec)) {
    if (colors->size() == 1) {
      b.kind = BackgroundKind::solid;
      b.color = colors->front();
      b.colors.clear();
    } else {
      if (b.kind != BackgroundKind::linear_gradient) {
        b.angle = 135;
      }
      b.kind = BackgroundKind::linear_gradient;
      b.colors = std::move(*colors);
    }
    return {};
  }
  if (spec.starts_with('#')) {
    return tl::unexpected(util::make_error(
      "card background \"" + std::string(spec)
      + "\" is not a colour like #1e293b (or a list of colours, or an image)"));
  }
  if (is_remote_image(spec)) {
    return tl::unexpected(util::make_error(
      "card background \"" + std::string(spec)
      + "\" is a URL; ogfeed fetches nothing: name a file of the site"));
  }
  const auto found = find_site_image(spec, dirs, scope);
  if (!found) {
    return tl::unexpected(util::make_error(
      "card background \"" + std::string(spec)
      + "\": no such image file in the site (ogfeed follows no link and reads "
        "no file outside the site)"));
  }
  const float least = b.kind == BackgroundKind::image ? b.darken : 0.45F;
  b.kind = BackgroundKind::image;
  b.image = *found;
  for (int step = 0; step <= 8; ++step) {
    b.darken = std::max(least, 0.45F + 0.05F * static_cast<float>(step));
    if (check_contrast(t).empty()) {
      break;
    }
  }
  return {};
}

} // namespace ogfeed::card
