#include "content/front_matter/post_parser.hpp"
#include "content/render/absolute_urls.hpp"
#include "content/render/markdown.hpp"
#include "site/site_build.hpp"
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

enum class LineEnds {
  lf,  // posts: lines end at LF (CRLF was normalized)
  xml, // XML 1.0 section 2.11: CRLF, CR and LF each end a line
};

// True when line:column points into `text` (1-based line; column 0 means
// the whole line, else at most one past its last byte).
bool
points_into(std::string text, int line, int column, LineEnds ends)
{
  if (ends == LineEnds::xml) {
    std::string lf;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r') {
        lf += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
      } else {
        lf += text[i];
      }
    }
    text = std::move(lf);
  }
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string::npos) {
      return false;
    }
    ++start;
  }
  const std::size_t end = std::min(text.find('\n', start), text.size());
  return line >= 1 && column >= 0
         && static_cast<std::size_t>(column) <= end - start + 1;
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
        INFO(d.line << ":" << d.column << " " << d.message);
        CHECK(points_into(text, d.line, d.column, LineEnds::lf));
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
      INFO(f.line << ":" << f.column << " " << f.rule);
      CHECK(points_into(bytes, f.line, f.column, LineEnds::xml));
      CHECK(!f.rule.empty());
    }
  }
}

TEST_CASE("robustness: megabyte-long lines and tokens in posts and in a "
          "generator's config neither crash nor hang a build",
          "[robustness]")
{
  // std::regex recurses once per character it matches: a run this long
  // overflowed a usual stack.
  const std::string run(600 * 1000, 'a');
  const auto built = [](const std::filesystem::path& site) {
    return site::build_site(test::build_options(
      site, test::fresh_dir(site.filename().string() + "-out")));
  };
  // Posts of a Jekyll site: a front-matter line YAML refuses (`key: a: b`),
  // a Liquid output, JavaScript front matter.
  const auto posts = test::site_of(
    "hostile-long-posts",
    {{"_config.yml", "title: T\nurl: https://long.example\n"},
     {"_posts/2024-01-01-a.md",
      "---\ntitle: x: " + run + "\ndate: 2024-01-01\n---\nbody\n"},
     {"_posts/2024-01-02-b.md",
      "---\ntitle: b\n---\n{{ \"/" + run + "\" | relative_url }}\n"},
     {"_posts/2024-01-03-c.md",
      "---js\nconst title = \"c\";\nconst n = " + std::string(run.size(), '1')
        + ";\n---\nbody\n"}});
  const site::BuildReport long_posts = built(posts);
  CHECK(long_posts.posts == 3);
  // A Gatsby config whose folder is one long token, and a gatsby-node whose
  // slug value is one.
  const auto config = test::site_of(
    "hostile-long-config",
    {{"gatsby-config.js",
      "module.exports = { siteMetadata: { title: `T`, siteUrl: "
      "`https://long.example` },\n plugins: [{ resolve: "
      "`gatsby-source-filesystem`, options: { path: `"
        + run + "` } }] };\n"},
     {"gatsby-node.js",
      "createNodeField({ name: 'slug', node, value })\nconst value = " + run
        + "\n"},
     {"content/blog/a.md", "---\ntitle: a\ndate: 2024-01-01\n---\nx\n"}});
  const site::BuildReport long_config = built(config);
  CHECK(long_config.posts == 1);
}
