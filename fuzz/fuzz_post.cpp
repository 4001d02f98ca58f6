// libFuzzer target: a post file's bytes through the parser, Markdown
// rendering and URL rewriting. Build with -DOGFEED_FUZZ=ON and clang (see
// fuzz/README.md).
#include "content/absolute_urls.hpp"
#include "content/markdown.hpp"
#include "content/post_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const ogfeed::util::TimeZone zone =
    *ogfeed::util::TimeZone::locate("Asia/Tokyo");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed =
    ogfeed::content::parse_post(text, {"posts/f.md", "2024-01-01-f"}, zone);
  if (parsed.post && parsed.post->body) {
    const std::string html =
      ogfeed::content::render_markdown(*parsed.post->body);
    (void)ogfeed::content::absolutize_html(html,
                                           "https://example.com/posts/f/");
  }
  return 0;
}
