#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ogfeed::card {

// Encodes 8-bit RGB pixels as a PNG: rows unfiltered, deflated by
// libdeflate at `level` (0..12), no metadata, so the same pixels give the
// same bytes. On cards (gradients, flat colour, text) this beats libvips'
// libpng + zlib path at compression 3 in time and size, and unfiltered rows
// deflate smaller than adaptively filtered ones (issue 10's note has the
// measurement).
std::string encode_png(const std::vector<std::uint8_t>& rgb,
                       int width,
                       int height,
                       int level);

} // namespace ogfeed::card
