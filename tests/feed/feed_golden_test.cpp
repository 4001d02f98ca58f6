#include "site/site_build.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

site::BuildOptions
example_options(const std::filesystem::path& out)
{
  return test::build_options(test::k_source_dir / "examples/blog", out);
}

} // namespace

TEST_CASE("feed golden: examples/blog as Atom and RSS", "[feed]")
{
  const auto out = test::fresh_dir("golden-blog");
  const site::BuildReport report = site::build_site(example_options(out));
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE(report.diagnostics.empty());
  test::check_golden("feed/blog-atom.xml", test::slurp(out / "atom.xml"));
  test::check_golden("feed/blog-rss.xml", test::slurp(out / "rss.xml"));
  test::check_golden("feed/blog-tag-atom.xml",
                     test::slurp(out / "tags/勉強会 レポート/atom.xml"));
}

TEST_CASE("feed golden: drafts are in only with --drafts", "[feed]")
{
  const auto out = test::fresh_dir("golden-drafts");
  site::BuildOptions options = example_options(out);
  site::build_site(options);
  CHECK(test::slurp(out / "atom.xml").find("WebAssembly") == std::string::npos);
  options.drafts = site::Drafts::include;
  site::build_site(options);
  CHECK(test::slurp(out / "atom.xml").find("WebAssembly") != std::string::npos);
}
