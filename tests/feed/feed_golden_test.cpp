#include "site/site_build.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

site::BuildOptions
example_options(const std::filesystem::path& out)
{
  return test::build_options(test::k_source_dir / "examples/blog", out);
}

// The example with its cards, as a user builds it.
site::BuildOptions
with_cards(const std::filesystem::path& out)
{
  site::BuildOptions options = example_options(out);
  options.cards = site::Cards::as_configured;
  options.template_dirs = {test::k_source_dir / "templates"};
  options.font_dirs = {test::k_source_dir / "fonts"};
  return options;
}

// A feed as the golden files hold it: ogfeed's version and the byte length of
// each card (PNG bytes; the card goldens check pixels) spelled as
// placeholders, so neither a release nor a zlib build rewrites them.
std::string
normalized(std::string feed)
{
  for (const std::string& from : {std::string("version=\"") + OGFEED_VERSION,
                                  std::string("ogfeed ") + OGFEED_VERSION}) {
    for (std::size_t at = feed.find(from); at != std::string::npos;
         at = feed.find(from, at)) {
      feed.replace(at + from.size() - std::string(OGFEED_VERSION).size(),
                   std::string(OGFEED_VERSION).size(),
                   "VERSION");
    }
  }
  const std::string len = "length=\"";
  for (std::size_t at = feed.find(len); at != std::string::npos;
       at = feed.find(len, at + 1)) {
    const std::size_t end = feed.find('"', at + len.size());
    feed.replace(at + len.size(), end - at - len.size(), "LENGTH");
  }
  return feed;
}

} // namespace

TEST_CASE("feed golden: examples/blog as Atom and RSS", "[feed]")
{
  const auto out = test::fresh_dir("golden-blog");
  const site::BuildReport report = site::build_site(with_cards(out));
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE(report.diagnostics.empty());
  test::check_golden("feed/blog-atom.xml",
                     normalized(test::slurp(out / "atom.xml")));
  test::check_golden("feed/blog-rss.xml",
                     normalized(test::slurp(out / "rss.xml")));
  test::check_golden("feed/blog-archive-1-atom.xml",
                     normalized(test::slurp(out / "archive/1/atom.xml")));
  test::check_golden(
    "feed/blog-tag-atom.xml",
    normalized(test::slurp(out / "tags/勉強会 レポート/atom.xml")));
  test::check_golden("feed/blog-cards.json", test::slurp(out / "cards.json"));
  // Issue 22: the main feed as a page any browser shows.
  test::check_golden("feed/blog-page.html",
                     normalized(test::slurp(out / "feed.html")));
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

TEST_CASE("issue 25: feed golden: entry_id: tag gives RFC 4151 ids, "
          "tag:host,date-in-the-site's-zone:path",
          "[feed]")
{
  const auto root = test::fresh_dir("golden-tag-ids");
  REQUIRE(util::write_file_atomic(root / "site/ogfeed.yaml",
                                  "title: タグ ID\n"
                                  "base_url: https://tag.example.jp/blog/\n"
                                  "timezone: Asia/Tokyo\n"
                                  "feeds:\n"
                                  "  entry_id: tag\n"
                                  "  tags: false\n"
                                  "  categories: false\n"));
  REQUIRE(util::write_file_atomic(
    root / "site/posts/first.md",
    "---\ntitle: 最初\ndate: 2019-05-27\n---\n本文。\n"));
  REQUIRE(util::write_file_atomic(root / "site/posts/later.md",
                                  "---\ntitle: 後の記事\ndate: 2024-01-01 "
                                  "00:30\nslug: 日本語の slug\n---\n本文。\n"));
  const site::BuildReport report =
    site::build_site(test::build_options(root / "site", root / "out"));
  for (const auto& d : report.diagnostics) {
    INFO(util::format_diagnostic(d));
  }
  REQUIRE(report.diagnostics.empty());
  test::check_golden("feed/tag-ids-atom.xml",
                     normalized(test::slurp(root / "out/atom.xml")));
}
