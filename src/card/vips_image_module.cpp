// ogfeed-vips.so: the libvips half of card rendering (see image_module.hpp),
// built as a module of its own so that only a run that reads a picture or
// writes JPEG or WebP links libvips.
#include "card/image_module.hpp"

#include <vips/vips8>

#include <dlfcn.h>
#include <gmodule.h>

#include <filesystem>
#include <mutex>
#include <string>

namespace {

// The modules of libvips safe to give an image from a pull request:
// decoders of formats blogs publish, no delegates, no document renderers.
// (ogfeed's main() keeps vips from loading the others: vips_setup.hpp.)
constexpr const char* k_image_modules[] = {"vips-heif.so", "vips-jxl.so"};

// The loaders a card picture may go through: the image formats of the web.
// Every other loader (ImageMagick, Matlab, FITS, PDF, raw, CSV...) stays
// blocked for files from a repository.
constexpr const char* k_allowed_loaders[] = {"VipsForeignLoadJpeg",
                                             "VipsForeignLoadPng",
                                             "VipsForeignLoadWebp",
                                             "VipsForeignLoadNsgif",
                                             "VipsForeignLoadSvg",
                                             "VipsForeignLoadTiff",
                                             "VipsForeignLoadHeif",
                                             "VipsForeignLoadJxl"};

// Starts libvips once: one vips thread per card (ogfeed renders on its own
// threads), no operation cache, every loader but the allowed ones blocked.
std::string
ensure_vips()
{
  static std::once_flag once;
  static std::string failed;
  std::call_once(once, [] {
    if (VIPS_INIT("ogfeed") != 0) {
      failed = std::string("libvips failed to start: ") + vips_error_buffer();
      vips_error_clear();
      return;
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : k_allowed_loaders) {
      vips_operation_block_set(loader, FALSE);
    }
  });
  return failed;
}

// When no loader libvips has knows `path`, loads the HEIF (AVIF, HEIC) and
// JPEG XL modules, once.
void
load_image_modules_for(const char* path)
{
  static std::once_flag once;
  if (vips_foreign_find_load(path) != nullptr) {
    vips_error_clear();
    return;
  }
  vips_error_clear();
  std::call_once(once, [] {
    // The modules sit beside libvips itself, in vips-modules-X.Y.
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void*>(&vips_init), &info) == 0
        || info.dli_fname == nullptr) {
      return;
    }
    const std::filesystem::path dir =
      std::filesystem::path(info.dli_fname).parent_path()
      / ("vips-modules-" + std::to_string(VIPS_MAJOR_VERSION) + "."
         + std::to_string(VIPS_MINOR_VERSION));
    for (const char* name : k_image_modules) {
      const std::string file = (dir / name).string();
      if (GModule* module =
            g_module_open(file.c_str(),
                          static_cast<GModuleFlags>(G_MODULE_BIND_LAZY
                                                    | G_MODULE_BIND_LOCAL))) {
        g_module_make_resident(module);
      }
    }
  });
}

// `what`, then what libvips said.
std::string
failure(const std::string& what)
{
  std::string detail = vips_error_buffer();
  vips_error_clear();
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) {
    detail.pop_back();
  }
  return what + (detail.empty() ? "" : ": " + detail);
}

std::string
picture_size(const char* path, int* width, int* height)
{
  if (auto failed = ensure_vips(); !failed.empty()) {
    return failed;
  }
  load_image_modules_for(path);
  try {
    // Opening reads the header only: nothing is decoded yet.
    const vips::VImage header = vips::VImage::new_from_file(
      path, vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    *width = header.width();
    *height = header.height();
    return "";
  } catch (const vips::VError&) {
    return failure("cannot read image '" + std::string(path) + "'")
           + " (ogfeed reads JPEG, PNG, WebP, GIF, SVG, TIFF, AVIF, HEIC and "
             "JPEG XL images)";
  }
}

std::vector<std::uint8_t>
to_memory(const vips::VImage& image)
{
  std::size_t size = 0;
  void* mem = image.write_to_memory(&size);
  std::vector<std::uint8_t> out(static_cast<std::uint8_t*>(mem),
                                static_cast<std::uint8_t*>(mem) + size);
  g_free(mem);
  return out;
}

std::string
load_rgba(const char* path,
          int width,
          int height,
          bool cover,
          int* out_width,
          int* out_height,
          std::vector<std::uint8_t>* rgba)
{
  try {
    auto options = vips::VImage::option()
                     ->set("height", height)
                     ->set("size", VIPS_SIZE_BOTH);
    if (cover) {
      options->set("crop", VIPS_INTERESTING_CENTRE);
    }
    vips::VImage image = vips::VImage::thumbnail(path, width, options);
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    if (!image.has_alpha()) {
      image = image.bandjoin_const({255});
    }
    image = image.extract_band(0, vips::VImage::option()->set("n", 4))
              .cast(VIPS_FORMAT_UCHAR);
    *out_width = image.width();
    *out_height = image.height();
    *rgba = to_memory(image);
    return "";
  } catch (const vips::VError&) {
    return failure("cannot read image '" + std::string(path) + "'");
  }
}

std::string
load_rgb_cover(const char* path,
               int width,
               int height,
               float darken,
               std::vector<std::uint8_t>* rgb)
{
  try {
    vips::VImage image =
      vips::VImage::thumbnail(path,
                              width,
                              vips::VImage::option()
                                ->set("height", height)
                                ->set("crop", VIPS_INTERESTING_CENTRE)
                                ->set("size", VIPS_SIZE_BOTH));
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    if (image.has_alpha()) {
      image = image.flatten();
    }
    if (darken > 0) {
      image = image.linear(1.0 - darken, 0.0);
    }
    if (image.bands() == 1) {
      image = image.bandjoin({image, image});
    }
    image = image.extract_band(0, vips::VImage::option()->set("n", 3))
              .cast(VIPS_FORMAT_UCHAR);
    *rgb = to_memory(image);
    return "";
  } catch (const vips::VError&) {
    return failure("cannot read background image '" + std::string(path) + "'");
  }
}

std::string
encode(const std::uint8_t* rgb,
       int width,
       int height,
       bool webp,
       int quality,
       std::string* out)
{
  if (auto failed = ensure_vips(); !failed.empty()) {
    return failed;
  }
  try {
    const vips::VImage image = vips::VImage::new_from_memory(
      const_cast<std::uint8_t*>(rgb),
      static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3,
      width,
      height,
      3,
      VIPS_FORMAT_UCHAR);
    auto options =
      vips::VImage::option()->set("Q", quality)->set("strip", true);
    VipsBlob* blob =
      webp ? image.webpsave_buffer(options) : image.jpegsave_buffer(options);
    std::size_t len = 0;
    const void* data = vips_blob_get(blob, &len);
    out->assign(static_cast<const char*>(data), len);
    vips_area_unref(VIPS_AREA(blob));
    return "";
  } catch (const vips::VError&) {
    return failure("cannot encode the card");
  }
}

const ogfeed::card::ImageModuleApi k_api = {
  picture_size, load_rgba, load_rgb_cover, encode};

} // namespace

extern "C" __attribute__((visibility("default")))
const ogfeed::card::ImageModuleApi*
ogfeed_image_module_v1()
{
  return &k_api;
}
