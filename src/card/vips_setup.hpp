#pragma once

#include <filesystem>

namespace ogfeed::card {

// Keeps libvips from loading its dynamic modules (ImageMagick, poppler,
// OpenSlide, libheif, libjxl) when it starts: they cost a third of a
// one-card run, and ImageMagick and poppler must never see a file from a
// pull request. Sets VIPSHOME (unless the user set it) so vips looks for
// modules where there are none; call first thing in main(), before any
// thread starts.
void keep_vips_modules_unloaded();

// Starts libvips once, for ogfeed's use: one vips thread per card (ogfeed
// renders on its own threads), no operation cache, and every loader but
// those of web image formats (JPEG, PNG, WebP, GIF, SVG, TIFF, AVIF/HEIC,
// JPEG XL) blocked.
void ensure_vips();

// Before an image is opened: when no loader libvips has knows the file,
// loads the HEIF (AVIF, HEIC) and JPEG XL modules, once.
void load_image_modules_for(const std::filesystem::path& image);

} // namespace ogfeed::card
