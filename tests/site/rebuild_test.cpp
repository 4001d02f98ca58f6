#include "site/site_build.hpp"
#include "test_support.hpp"

#include <map>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string>
outputs(const fs::path& dir)
{
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().parent_path().filename() != ".ogfeed") {
      files[fs::relative(e.path(), dir).string()] = test::slurp(e.path());
    }
  }
  return files;
}

// The diagnostics as printed, with the output folder's path as "OUT".
std::vector<std::string>
messages(const site::BuildReport& r)
{
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    std::string m = util::format_diagnostic(d);
    const std::string dir = r.output_dir.string();
    if (m.starts_with(dir)) {
      m = "OUT" + m.substr(dir.size());
    }
    out.push_back(m);
  }
  return out;
}

// A site of three posts: two tagged "a", one "b" (with a warning), and one
// future post.
fs::path
make_site(const std::string& name)
{
  const fs::path root = test::fresh_dir(name);
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: t\nbase_url: https://r.example/\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/one.md",
    "---\ntitle: one\ndate: 2024-01-01\ntags: [a]\n---\nOne\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/two.md",
    "---\ntitle: two\ndate: 2024-01-02\ntags: [a]\ndescription: x #y\n---\n"
    "Two\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/three.md",
    "---\ntitle: three\ndate: 2024-01-03\ntags: [b]\n---\nUse List<T>\n"));
  REQUIRE(util::write_file_atomic(
    root / "posts/later.md",
    "---\ntitle: later\ndate: 2031-06-01\ntags: [b]\n---\nLater\n"));
  return root;
}

} // namespace

TEST_CASE("issue 11: a rebuild with nothing changed does nothing and says "
          "what the last build said",
          "[site]")
{
  const fs::path root = make_site("rebuild-noop");
  const auto options = test::build_options(root, root / "public");
  const site::BuildReport first = site::build_site(options);
  REQUIRE_FALSE(util::has_error(first.diagnostics));
  CHECK_FALSE(first.up_to_date);
  CHECK(first.posts_read == 4);
  const auto before = outputs(root / "public");

  const site::BuildReport second = site::build_site(options);
  CHECK(second.up_to_date);
  CHECK(second.posts_read == 0);
  CHECK(messages(second) == messages(first));
  CHECK(second.posts == first.posts);
  CHECK(second.feeds == first.feeds);
  CHECK(second.post_records.size() == first.post_records.size());
  CHECK(second.outputs.size() == first.outputs.size());
  CHECK(outputs(root / "public") == before);

  SECTION("a deleted output is written again")
  {
    fs::remove(root / "public/atom.xml");
    const site::BuildReport third = site::build_site(options);
    CHECK_FALSE(third.up_to_date);
    CHECK(third.posts_read == 0); // the posts came from the parse cache
    CHECK(outputs(root / "public") == before);
  }
  SECTION("another setting rebuilds")
  {
    REQUIRE(util::write_file_atomic(
      root / "ogfeed.yaml", "title: t2\nbase_url: https://r.example/\n"));
    const site::BuildReport third = site::build_site(options);
    CHECK_FALSE(third.up_to_date);
    CHECK(test::changed(third, "atom.xml"));
  }
  SECTION("a post that comes due is published")
  {
    auto later = options;
    later.now = util::UtcSeconds{std::chrono::seconds{1950000000}}; // 2031-10
    const site::BuildReport third = site::build_site(later);
    CHECK_FALSE(third.up_to_date);
    CHECK(third.posts == first.posts + 1);
  }
  SECTION("a post added to a subfolder is read")
  {
    REQUIRE(util::write_file_atomic(
      root / "posts/2024/five.md",
      "---\ntitle: five\ndate: 2024-01-05\n---\nFive\n"));
    const site::BuildReport third = site::build_site(options);
    REQUIRE_FALSE(third.up_to_date);
    REQUIRE(
      util::write_file_atomic(root / "posts/2024/six.md",
                              "---\ntitle: six\ndate: 2024-01-06\n---\nSix\n"));
    const site::BuildReport fourth = site::build_site(options);
    CHECK_FALSE(fourth.up_to_date);
    CHECK(fourth.posts_read == 1);
    CHECK(fourth.posts == first.posts + 2);
  }
  SECTION("a new post file is read")
  {
    REQUIRE(util::write_file_atomic(
      root / "posts/four.md",
      "---\ntitle: four\ndate: 2024-01-04\n---\nFour\n"));
    const site::BuildReport third = site::build_site(options);
    CHECK_FALSE(third.up_to_date);
    CHECK(third.posts_read == 1);
    CHECK(third.posts == first.posts + 1);
  }
}

TEST_CASE("issue 11: editing one post re-reads it alone, rewrites only the "
          "feeds that hold it, and equals a clean build",
          "[site]")
{
  const fs::path root = make_site("rebuild-edit");
  const auto options = test::build_options(root, root / "public");
  REQUIRE_FALSE(util::has_error(site::build_site(options).diagnostics));

  REQUIRE(util::write_file_atomic(
    root / "posts/one.md",
    "---\ntitle: one, edited\ndate: 2024-01-01\ntags: [a]\n---\nOne!\n"));
  const site::BuildReport edited = site::build_site(options);
  REQUIRE_FALSE(util::has_error(edited.diagnostics));
  CHECK(edited.posts_read == 1);
  CHECK(test::changed(edited, "atom.xml"));
  CHECK(test::changed(edited, "tags/a/atom.xml"));
  CHECK_FALSE(test::changed(edited, "tags/b/atom.xml"));
  CHECK_FALSE(test::changed(edited, "tags/b/rss.xml"));
  // Only the posts of rewritten feeds are rendered: all three in the main
  // feed here, but not for tags/b alone.
  CHECK(edited.entries_rendered == 3);
  // The warnings of feeds kept as they were are said all the same.
  bool not_html = false;
  for (const auto& m : messages(edited)) {
    not_html = not_html || m.find("feed-not-html") != std::string::npos;
  }
  CHECK(not_html);

  const fs::path clean = test::fresh_dir("rebuild-edit-clean");
  const site::BuildReport fresh =
    site::build_site(test::build_options(root, clean));
  CHECK(outputs(clean) == outputs(root / "public"));
  CHECK(messages(fresh) == messages(edited));
}

TEST_CASE("issue 20: an output deleted during a build is rebuilt by the next",
          "[site]")
{
  const fs::path root = make_site("deleted-during");
  const fs::path out = test::fresh_dir("deleted-during-out");
  REQUIRE(!util::has_error(
    site::build_site(test::build_options(root, out)).diagnostics));
  const auto first = outputs(out);
  const std::string victim = "tags/b/atom.xml";
  REQUIRE(first.contains(victim));
  // A change to a post of tag "a" only: this build keeps tag b's feed,
  // which someone deletes while it publishes.
  REQUIRE(util::write_file_atomic(
    root / "posts/one.md",
    "---\ntitle: one\ndate: 2024-01-01\ntags: [a]\n---\nOne, edited\n"));
  site::BuildOptions options = test::build_options(root, out);
  options.progress = [&](const site::Progress& p) {
    if (std::string_view(p.stage) == "publishing") {
      fs::remove(out / victim);
    }
  };
  REQUIRE(!util::has_error(site::build_site(options).diagnostics));
  REQUIRE(!fs::exists(out / victim));
  const site::BuildReport next =
    site::build_site(test::build_options(root, out));
  CHECK(!next.up_to_date);
  CHECK(test::slurp(out / victim) == first.at(victim));
  // And one deleted after a build is rebuilt too.
  fs::remove(out / victim);
  const site::BuildReport after =
    site::build_site(test::build_options(root, out));
  CHECK(!after.up_to_date);
  CHECK(test::slurp(out / victim) == first.at(victim));
}
