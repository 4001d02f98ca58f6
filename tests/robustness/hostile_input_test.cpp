#include "content/absolute_urls.hpp"
#include "content/markdown.hpp"
#include "content/post_parser.hpp"
#include "test_support.hpp"
#include "util/utf8.hpp"
#include "validate/validator.hpp"

#include <random>

using namespace ogfeed;

namespace {

// Deterministic mutations of `seed`: flipped, inserted, deleted and
// duplicated bytes, so every run tries the same inputs.
std::vector<std::string>
mutations(const std::string& seed, int count)
{
  std::mt19937 rng(12345);
  std::vector<std::string> out;
  const std::string specials =
    "-:#[]{}<>&\"'\\\n\r\t\x01\xC3\xE3\x80\xFF*!|>%@`.";
  for (int i = 0; i < count; ++i) {
    std::string s = seed;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < edits && !s.empty(); ++k) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 4) {
      case 0:
        s[at] = specials[rng() % specials.size()];
        break;
      case 1:
        s.insert(at, 1, specials[rng() % specials.size()]);
        break;
      case 2:
        s.erase(at, 1 + rng() % 8);
        break;
      default:
        s.insert(at, s.substr(at, rng() % 64));
        break;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace

TEST_CASE(
  "robustness: mutated posts load or fail with a positioned error, never crash",
  "[robustness]")
{
  const std::string seed =
    test::slurp(test::k_source_dir
                / "examples/blog/posts/2024-05-18-kansai-meetup-report.md");
  const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  int loaded = 0;
  for (const auto& text : mutations(seed, 1500)) {
    const auto parsed =
      content::parse_post(text, {"posts/m.md", "2024-05-18-m"}, tokyo);
    if (parsed.post) {
      ++loaded;
      const std::string html = content::render_markdown(*parsed.post->body);
      CHECK(util::check_xml_text(
        content::absolutize_html(html, "https://e.com/posts/m/")));
    } else {
      for (const auto& d : parsed.diagnostics) {
        CHECK(d.path == "posts/m.md");
        CHECK(d.line >= 1);
      }
    }
  }
  CHECK(loaded > 0);
}

TEST_CASE("robustness: mutated feeds always get a verdict", "[robustness]")
{
  const std::string seed =
    test::slurp(test::k_source_dir / "tests/golden/feed/blog-atom.xml");
  for (const auto& bytes : mutations(seed, 800)) {
    const auto report = validate::validate_bytes("m.xml", bytes);
    for (const auto& f : report.findings) {
      CHECK(f.line >= 1);
      CHECK(!f.rule.empty());
    }
  }
}
