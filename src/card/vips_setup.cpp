#include "card/vips_setup.hpp"

#include <vips/vips.h>

#include <dlfcn.h>
#include <gmodule.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace ogfeed::card {

namespace {

// VIPSHOME for vips_init(): modules are looked for in its lib/ folder.
constexpr const char* k_home_without_modules = "/nonexistent/ogfeed-vips";

// The modules safe to give an image from a pull request: decoders of
// formats blogs publish, no delegates, no document renderers.
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

} // namespace

void
keep_vips_modules_unloaded()
{
  ::setenv("VIPSHOME", k_home_without_modules, 0);
}

void
ensure_vips()
{
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("ogfeed") != 0) {
      return;
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* loader : k_allowed_loaders) {
      vips_operation_block_set(loader, FALSE);
    }
  });
}

void
load_image_modules_for(const std::filesystem::path& image)
{
  ensure_vips();
  static std::once_flag once;
  if (vips_foreign_find_load(image.c_str()) != nullptr) {
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
    std::filesystem::path dir =
      std::filesystem::path(info.dli_fname).parent_path()
      / ("vips-modules-" + std::to_string(VIPS_MAJOR_VERSION) + "."
         + std::to_string(VIPS_MINOR_VERSION));
    for (const char* name : k_image_modules) {
      const std::string path = (dir / name).string();
      if (GModule* module =
            g_module_open(path.c_str(),
                          static_cast<GModuleFlags>(G_MODULE_BIND_LAZY
                                                    | G_MODULE_BIND_LOCAL))) {
        g_module_make_resident(module);
      }
    }
  });
}

} // namespace ogfeed::card
