#pragma once

namespace ogfeed::card {

// Keeps libvips, when ogfeed's image module starts it, from loading its own
// dynamic modules (ImageMagick, poppler, OpenSlide, libheif, libjxl): they
// cost a third of a one-card run, and ImageMagick and poppler must never see
// a file from a pull request (the module loads the HEIF and JPEG XL ones by
// need). Sets VIPSHOME, unless the user set it, to a folder with no
// modules; call first thing in main(), before any thread starts.
void keep_vips_modules_unloaded();

} // namespace ogfeed::card
