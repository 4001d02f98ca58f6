#include "card/png_encode.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <memory>

namespace ogfeed::card {

namespace {

void
put32(std::string& out, std::uint32_t v)
{
  out += static_cast<char>((v >> 24) & 0xFF);
  out += static_cast<char>((v >> 16) & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

void
chunk(std::string& out, const char* type, const void* data, std::size_t size)
{
  put32(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out.append(type, 4);
  out.append(static_cast<const char*>(data), size);
  put32(out, libdeflate_crc32(0, out.data() + start, out.size() - start));
}

} // namespace

std::string
encode_png(const std::vector<std::uint8_t>& rgb,
           int width,
           int height,
           int level)
{
  // Per thread and reused: a compressor's tables and two 2 MB buffers
  // allocated per card cost more in page faults than the deflating.
  thread_local std::vector<std::uint8_t> raw;
  thread_local std::vector<std::uint8_t> packed;
  thread_local int compressor_level = -1;
  thread_local std::unique_ptr<libdeflate_compressor,
                               void (*)(libdeflate_compressor*)>
    compressor(nullptr, &libdeflate_free_compressor);
  level = std::clamp(level, 0, 12);
  if (compressor_level != level) {
    compressor.reset(libdeflate_alloc_compressor(level));
    compressor_level = level;
  }
  const auto stride = static_cast<std::size_t>(width) * 3;
  raw.resize((stride + 1) * static_cast<std::size_t>(height));
  for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
    std::uint8_t* out = raw.data() + y * (stride + 1);
    out[0] = 0; // filter: none
    std::copy_n(rgb.data() + y * stride, stride, out + 1);
  }
  packed.resize(libdeflate_zlib_compress_bound(compressor.get(), raw.size()));
  const std::size_t n = libdeflate_zlib_compress(
    compressor.get(), raw.data(), raw.size(), packed.data(), packed.size());

  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, no interlace
  chunk(png, "IHDR", header.data(), header.size());
  chunk(png, "IDAT", packed.data(), n);
  chunk(png, "IEND", "", 0);
  return png;
}

} // namespace ogfeed::card
