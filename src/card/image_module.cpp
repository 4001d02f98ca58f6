#include "card/image_module.hpp"

#include <dlfcn.h>

#include <array>
#include <filesystem>
#include <mutex>
#include <system_error>

namespace ogfeed::card {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_module = "ogfeed-vips.so";

struct Loaded
{
  const ImageModuleApi* api = nullptr;
  std::string error;
};

Loaded
load()
{
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return {nullptr, "cannot find ogfeed's own folder: " + ec.message()};
  }
  const fs::path dir = exe.parent_path();
  // As installed (bin/../lib/.../ogfeed), then a build folder (ogfeed
  // beside it, its tests one below).
  const fs::path installed =
    (dir / OGFEED_RELATIVE_MODULE_DIR).lexically_normal();
  const std::array<fs::path, 3> candidates = {
    installed / k_module, dir / k_module, dir.parent_path() / k_module};
  std::string why;
  for (const fs::path& path : candidates) {
    if (!fs::is_regular_file(path, ec)) {
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      why = ::dlerror();
      continue;
    }
    using Entry = const ImageModuleApi* (*)();
    auto entry =
      reinterpret_cast<Entry>(::dlsym(handle, "ogfeed_image_module_v1"));
    if (entry == nullptr) {
      why = path.string() + " is not ogfeed's image module";
      continue;
    }
    return {entry(), ""};
  }
  return {
    nullptr,
    "ogfeed's image module (" + std::string(k_module) + ") cannot be loaded"
      + (why.empty() ? ": it is not in " + installed.string() : ": " + why)
      + "; reinstall ogfeed (cards with pictures, JPEG and WebP need "
        "it)"};
}

} // namespace

util::Expected<const ImageModuleApi*>
image_module()
{
  static const Loaded loaded = load();
  if (loaded.api == nullptr) {
    return tl::unexpected(util::make_error(loaded.error));
  }
  return loaded.api;
}

} // namespace ogfeed::card
