#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ogfeed::card {

// What ogfeed asks of libvips: reading pictures (logos, avatars, photo
// backgrounds) and encoding JPEG and WebP cards. It lives in a module of
// its own, ogfeed-vips.so, loaded the first time a card needs it: libvips
// and its hundred libraries take 20 ms to link at start-up, which every
// command paid, most of which (validate, feeds, PNG cards on a colour
// background) never call it.
//
// Every function returns an empty string on success and the error message
// (with libvips' own words) on failure. Built with the same compiler as
// ogfeed itself, so standard-library types cross the boundary.
struct ImageModuleApi
{
  // The header's size in pixels, nothing decoded.
  std::string (*picture_size)(const char* path, int* width, int* height);
  // The image scaled to a width x height box (cropped at its centre to
  // fill it when `cover`), RGBA 8-bit.
  std::string (*load_rgba)(const char* path,
                           int width,
                           int height,
                           bool cover,
                           int* out_width,
                           int* out_height,
                           std::vector<std::uint8_t>* rgba);
  // The image cropped to fill width x height, darkened by `darken` (0..1),
  // RGB 8-bit.
  std::string (*load_rgb_cover)(const char* path,
                                int width,
                                int height,
                                float darken,
                                std::vector<std::uint8_t>* rgb);
  // RGB pixels as JPEG (`webp` false) or WebP at `quality`, metadata
  // stripped.
  std::string (*encode)(const std::uint8_t* rgb,
                        int width,
                        int height,
                        bool webp,
                        int quality,
                        std::string* out);
};

// The module's one exported symbol.
extern "C" const ImageModuleApi* ogfeed_image_module_v1();

// Loads ogfeed-vips.so once, from where the running ogfeed is installed
// (bin/../lib/[<arch>/]ogfeed/modules/) or from its build folder: found from
// the binary's own path, never from the current folder, the site or the
// environment. Fails with what to do.
util::Expected<const ImageModuleApi*> image_module();

} // namespace ogfeed::card
