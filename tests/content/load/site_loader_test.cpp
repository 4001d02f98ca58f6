#include "content/load/site_loader.hpp"
#include "util/file.hpp"

#include <catch2/catch.hpp>

#include <cerrno>

using namespace ogfeed;

namespace {

const std::filesystem::path k_sites =
  std::filesystem::path(OGFEED_SOURCE_DIR) / "tests/data/sites";

std::vector<std::string>
messages(const util::Diagnostics& ds)
{
  std::vector<std::string> out;
  for (const auto& d : ds) {
    out.push_back(util::format_diagnostic(d));
  }
  return out;
}

} // namespace

TEST_CASE("site loader: every bad post is reported in one pass, in file order",
          "[content]")
{
  auto config = content::load_site_config(k_sites / "errors");
  REQUIRE(config);
  const auto loaded =
    content::load_posts(k_sites / "errors", config->config, 2);
  REQUIRE(loaded.posts.size() == 1);
  const std::string dir = (k_sites / "errors/posts/").string();
  CHECK(
    messages(loaded.diagnostics)
    == std::vector<std::string>{
      dir
        + "b-date.md:3:7: error: 'date' must be a date like 2019-05-27, "
          "2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"2020-13-01\"",
      dir
        + "c-encoding.md:6:11: error: invalid UTF-8 (byte 0x93); the file "
          "looks like Shift_JIS; convert it to UTF-8 with `iconv -f CP932 -t "
          "UTF-8 '"
        + dir + "c-encoding.md' > converted.md && mv converted.md '" + dir
        + "c-encoding.md'`",
      dir + "d-notitle.md:1:1: error: missing 'title' in the front matter",
      dir
        + "e-unclosed.md:1:1: error: expected '---' or '...' to close the "
          "front "
          "matter, got end of file"});
}

TEST_CASE("site loader: page bundles, nested folders, hidden and list files",
          "[content]")
{
  auto config = content::load_site_config(k_sites / "bundles");
  REQUIRE(config);
  const auto loaded =
    content::load_posts(k_sites / "bundles", config->config, 1);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.posts.size() == 2);
  CHECK(loaded.posts[0].slug == "nested");
  CHECK(loaded.posts[0].permalink == "https://bundles.example/2021/nested/");
  CHECK(loaded.posts[1].slug == "my-bundle");
  CHECK(loaded.posts[1].permalink
        == "https://bundles.example/2021/notes/my-bundle/");
}

TEST_CASE("site loader: no config and a missing content folder are errors",
          "[content]")
{
  auto missing = content::load_site_config(k_sites / "no-config");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message
        == "missing 'title' (the site's name, as feeds show it); no "
           "ogfeed.yaml and no generator's config found; write ogfeed.yaml "
           "with 'title' and 'base_url' (`ogfeed init` writes one)");
  content::SiteConfig config;
  config.content_dirs = {"nope"};
  const auto loaded = content::load_posts(k_sites / "errors", config, 1);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].message
        == "content folder '" + (k_sites / "errors/nope").string()
             + "' does not exist");
}

TEST_CASE("site loader: posts sort newest first, ties by slug", "[content]")
{
  std::vector<content::Post> posts(3);
  posts[0].slug = "b";
  posts[1].slug = "a";
  posts[2].slug = "c";
  posts[2].date = util::UtcSeconds{std::chrono::seconds{10}};
  content::sort_posts(posts);
  CHECK(posts[0].slug == "c");
  CHECK(posts[1].slug == "a");
  CHECK(posts[2].slug == "b");
}

TEST_CASE("site loader: a body is read from where the front matter ended, "
          "BOM and CRLF files too",
          "[content]")
{
  const std::filesystem::path dir =
    std::filesystem::path(OGFEED_TEST_TMP) / "body-span";
  std::filesystem::remove_all(dir);
  REQUIRE(util::write_file_atomic(dir / "ogfeed.yaml",
                                  "title: T\nbase_url: https://e.example/\n"));
  REQUIRE(util::write_file_atomic(dir / "posts/crlf.md",
                                  "\xEF\xBB\xBF---\r\ntitle: c\r\ndate: "
                                  "2020-01-01\r\n---\r\nbody\r\nline\r\n"));
  REQUIRE(util::write_file_atomic(
    dir / "posts/lf.md", "---\ntitle: l\ndate: 2020-01-02\n---\n\n# lf\n"));
  auto config = content::load_site_config(dir);
  REQUIRE(config);
  const auto loaded = content::load_posts(dir, config->config, 1);
  REQUIRE(loaded.posts.size() == 2);
  const content::Post& lf = loaded.posts[0];
  const content::Post& crlf = loaded.posts[1];
  CHECK(!lf.body);
  CHECK(lf.body_span.line == 5);
  CHECK(content::load_post_body(lf) == "\n# lf\n");
  CHECK(crlf.body_span.line == 5);
  CHECK(content::load_post_body(crlf) == "body\nline\n");

  // A file that changed under the build is an error, not a wrong body.
  REQUIRE(util::write_file_atomic(
    dir / "posts/lf.md",
    "---\ntitle: l\ndate: 2020-01-02\n---\n\n# lf, longer\n"));
  auto changed = content::load_post_body(lf);
  REQUIRE(!changed);
  CHECK(util::format_diagnostic(changed.error())
        == (dir / "posts/lf.md").lexically_normal().string()
             + ": error: the file changed while ogfeed was building; build "
               "again");
}

TEST_CASE("issue 8: OS errors carry the action and errno, not only words",
          "[content]")
{
  const std::filesystem::path dir =
    std::filesystem::path(OGFEED_TEST_TMP) / "os-errors";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "a-folder.md");
  auto missing = util::read_file(dir / "missing.md", 1024);
  REQUIRE(!missing);
  REQUIRE(missing.error().os);
  CHECK(missing.error().os->action == "open");
  CHECK(missing.error().os->error_number == ENOENT);
  CHECK(missing.error().message
        == "cannot open '" + (dir / "missing.md").string()
             + "': No such file or directory");
  auto folder = util::read_file(dir / "a-folder.md", 1024);
  REQUIRE(!folder);
  CHECK(folder.error().message
        == "'" + (dir / "a-folder.md").string() + "' is a folder");
}

TEST_CASE("issue 9: exclude globs leave files out of the posts", "[content]")
{
  const std::filesystem::path dir =
    std::filesystem::path(OGFEED_TEST_TMP) / "exclude";
  std::filesystem::remove_all(dir);
  REQUIRE(util::write_file_atomic(
    dir / "ogfeed.yaml",
    "title: T\nbase_url: https://e.example/\nexclude:\n  - drafts/**\n  - "
    "'*README.md'\n"));
  const std::string post = "---\ntitle: p\ndate: 2024-01-01\n---\n";
  REQUIRE(util::write_file_atomic(dir / "posts/keep.md", post));
  REQUIRE(util::write_file_atomic(dir / "posts/README.md", "# not a post\n"));
  REQUIRE(util::write_file_atomic(dir / "posts/sub/README.md", "# nor this\n"));
  REQUIRE(util::write_file_atomic(dir / "posts/drafts/a/b.md", "broken"));
  auto config = content::load_site_config(dir);
  REQUIRE(config);
  const auto loaded = content::load_posts(dir, config->config, 1);
  CHECK(messages(loaded.diagnostics).empty());
  REQUIRE(loaded.posts.size() == 1);
  CHECK(loaded.posts[0].slug == "keep");
}

TEST_CASE("site loader: posts are sorted in place, every permutation cycle "
          "walked",
          "[content]")
{
  std::vector<content::Post> posts(500);
  std::uint64_t x = 88172645463325252ull; // xorshift: a fixed shuffle
  for (std::size_t i = 0; i < posts.size(); ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    posts[i].slug = "s" + std::to_string(x % 97);
    posts[i].shown_path = "posts/" + std::to_string(i) + ".md";
    posts[i].date = util::UtcSeconds{std::chrono::seconds{(x >> 8) % 40}};
  }
  std::vector<std::string> expected;
  for (const auto& p : posts) {
    expected.push_back(p.shown_path);
  }
  std::vector<const content::Post*> by(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    by[i] = &posts[i];
  }
  std::sort(by.begin(), by.end(), [](const auto* a, const auto* b) {
    return std::tie(b->date, a->slug, a->shown_path)
           < std::tie(a->date, b->slug, b->shown_path);
  });
  for (std::size_t i = 0; i < by.size(); ++i) {
    expected[i] = by[i]->shown_path;
  }
  content::sort_posts(posts);
  std::vector<std::string> got;
  for (const auto& p : posts) {
    got.push_back(p.shown_path);
  }
  CHECK(got == expected);
}
