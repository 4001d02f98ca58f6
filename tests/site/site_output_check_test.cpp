#include "site/site_output_check.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

std::vector<std::string>
messages(const util::Diagnostics& d)
{
  std::vector<std::string> out;
  for (const auto& x : d) {
    out.push_back(util::format_diagnostic(x));
  }
  return out;
}

} // namespace

TEST_CASE("issue 21: published URLs checked against the generator's built "
          "site, with the nearest file it has",
          "[site]")
{
  const fs::path built = test::fresh_dir("built-site");
  for (const char* f : {"index.html",
                        "posts/hello/index.html",
                        "notes/Upper-Case/index.html",
                        "old/page.html",
                        "images/%E6%97%A5.png",
                        "images/日.png"}) {
    REQUIRE(util::write_file_atomic(built / f, "x"));
  }
  auto dir = util::Dir::open(built, util::Create::no);
  REQUIRE(dir);
  const std::string base = "https://e.example/blog/";
  const std::vector<site::PublishedUrl> urls = {
    {base + "posts/hello/", "posts/hello.md", "its link"},
    {base + "posts/hello/#top", "posts/hello.md", "a link"},
    {base + "images/%E6%97%A5.png", "posts/hello.md", "an image"},
    {"https://elsewhere.example/x", "posts/hello.md", "a link"},
    {base + "posts/hello", "posts/a.md", "its link"},
    {base + "notes/upper-case/", "posts/b.md", "its link"},
    {base + "old/page/", "posts/c.md", "its link"},
    // Docusaurus without trailingSlash: /old/page is served from page.html.
    {base + "old/page", "posts/c2.md", "its link"},
    {base + "gone/", "posts/d.md", "its og:image"},
    {base + "../../etc/passwd", "posts/e.md", "a link"},
  };
  const auto found =
    messages(site::check_against_built_site(urls, base, *dir, false));
  const std::string where =
    " names no file of the built site in '" + dir->path().string() + "'";
  CHECK(found
        == std::vector<std::string>{
          "posts/b.md: warning: its link " + base + "notes/upper-case/" + where
            + "; it has " + base + "notes/Upper-Case/",
          "posts/c.md: warning: its link " + base + "old/page/" + where
            + "; it has " + base + "old/page",
          "posts/d.md: warning: its og:image " + base + "gone/" + where,
          "posts/e.md: warning: a link " + base + "../../etc/passwd" + where,
        });
  const auto strict = site::check_against_built_site(urls, base, *dir, true);
  REQUIRE(strict.size() == 4);
  CHECK(strict[0].severity == util::Severity::error);
}

TEST_CASE("issue 21: a build checks the generator's built site once it has "
          "been built, --strict stops it before anything is published",
          "[site]")
{
  const fs::path site = test::git_fixture(
    test::k_source_dir / "tests/data/conformance/jekyll-rules",
    "built-jekyll",
    "2024-06-01T09:00:00+09:00");
  const fs::path out = test::fresh_dir("built-jekyll-out");
  // No _site yet: nothing checked.
  site::BuildReport report = site::build_site(test::build_options(site, out));
  CHECK(report.checked.empty());
  // The site's title from its host; two posts titled from their file names.
  CHECK(report.diagnostics.size() == 3);
  // A built site that lacks one page.
  REQUIRE(util::write_file_atomic(site / "_site/index.html", "x"));
  REQUIRE(util::write_file_atomic(site / "_site/tech/scoped/index.html", "x"));
  report = site::build_site(test::build_options(site, out));
  CHECK(report.checked == site / "_site");
  std::size_t missing = 0;
  for (const auto& d : report.diagnostics) {
    missing +=
      util::format_diagnostic(d).find("names no file of the built site")
      != std::string::npos;
  }
  CHECK(missing == 8); // the pages of the fixture's eight other posts
  CHECK(report.published == site::Published::all);
  site::BuildOptions strict =
    test::build_options(site, test::fresh_dir("built-jekyll-strict"));
  strict.strict = true;
  report = site::build_site(strict);
  CHECK(report.published == site::Published::nothing);
  CHECK(util::has_error(report.diagnostics));
}
