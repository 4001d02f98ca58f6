#pragma once

#include <vips/vips8>

namespace ogfeed::test {

// The tests decode and make images with libvips themselves, while ogfeed
// starts it only inside its image module and only when a card needs it
// (src/card/image_module.hpp): started here, before any test runs.
inline const bool k_vips_started = VIPS_INIT("ogfeed_tests") == 0;

} // namespace ogfeed::test
