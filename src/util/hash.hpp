#pragma once

#include <cstdint>
#include <string_view>

namespace ogfeed::util {

// XXH3-64 of `bytes`: what manifests and caches use to tell contents
// apart (not for security).
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

} // namespace ogfeed::util
