// The libvips floor for one card: compose a prepared text mask onto a
// prepared 1200x630 canvas (ifthenelse with blending, all 8-bit) and encode
// it as PNG, N times on one thread; the least any renderer that draws on a
// libvips canvas and encodes with it can spend per card.
//   ogfeed-vips-floor CARD.png [N] [COMPRESSION]
// The text layer is made once from CARD.png (its bright pixels), so the PNG
// encoder sees content like a real card's.
#include <vips/vips8>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int
main(int argc, char** argv)
{
  if (argc < 2 || VIPS_INIT(argv[0]) != 0) {
    std::fprintf(stderr, "usage: ogfeed-vips-floor CARD.png [N] [COMPRESSION]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 200;
  const int compression = argc > 3 ? std::atoi(argv[3]) : 3;
  vips_concurrency_set(1);
  vips_cache_set_max(0);
  using vips::VImage;
  const VImage card = VImage::new_from_file(argv[1]).colourspace(VIPS_INTERPRETATION_sRGB);
  const VImage rgb = card.extract_band(0, VImage::option()->set("n", 3));
  // Coverage 0..255 from the card's luminance, like anti-aliased text.
  const VImage mask = rgb.colourspace(VIPS_INTERPRETATION_B_W).cast(VIPS_FORMAT_UCHAR).copy_memory();
  const VImage canvas = VImage::black(card.width(), card.height(), VImage::option()->set("bands", 3))
                          .linear({1, 1, 1}, {20, 30, 60})
                          .cast(VIPS_FORMAT_UCHAR)
                          .copy_memory();
  std::size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    const VImage out =
      mask.ifthenelse(std::vector<double>{248, 250, 252}, canvas, VImage::option()->set("blend", true));
    VipsBlob* blob = out.pngsave_buffer(VImage::option()->set("compression", compression)->set("strip", true));
    std::size_t len = 0;
    vips_blob_get(blob, &len);
    bytes += len;
    vips_area_unref(VIPS_AREA(blob));
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("vips-floor cards=%d compression=%d ms_per_card=%.2f mean_png_bytes=%zu\n",
              n,
              compression,
              ms / n,
              bytes / static_cast<std::size_t>(n));
  return 0;
}
