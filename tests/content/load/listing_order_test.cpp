// The loader reads post files in the byte order of their names, whatever
// order their folders list them in; what it says about them comes in path
// order ('/' first).
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

// A site whose posts are in posts/.
void
write_settings(const std::filesystem::path& root)
{
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: t\nbase_url: https://e.jp/\n"
                                  "content_dir: posts\n"));
}

} // namespace

TEST_CASE("issue 25: posts listed in any order are reported in path order, "
          "'/' before every other byte",
          "[content]")
{
  const std::filesystem::path root = test::fresh_dir("listing-order");
  write_settings(root);
  // Written last name first: a folder lists its entries in creation order,
  // in hash order or newest first, never by name on purpose.
  const std::vector<std::string> bad = {"z.md", "m-b.md", "m/b.md", "a.md"};
  for (const auto& name : bad) {
    REQUIRE(util::write_file_atomic(root / "posts" / name,
                                    "---\ndate: 2024-01-01\n---\nno title\n"));
  }
  REQUIRE(util::write_file_atomic(
    root / "posts/ok.md", "---\ntitle: OK\ndate: 2024-01-02\n---\nbody\n"));
  const auto setup = content::load_site_config(root, std::nullopt);
  REQUIRE(setup);
  for (const auto order :
       {content::PostOrder::sorted, content::PostOrder::as_listed}) {
    const content::LoadedPosts loaded =
      content::load_posts(root,
                          setup->config,
                          2,
                          content::BrokenDrafts::are_errors,
                          nullptr,
                          nullptr,
                          order);
    std::vector<std::string> files;
    for (const auto& d : loaded.diagnostics) {
      files.push_back(std::filesystem::path(d.path).lexically_relative(root));
    }
    CHECK(files
          == std::vector<std::string>{
            "posts/a.md", "posts/m/b.md", "posts/m-b.md", "posts/z.md"});
    REQUIRE(loaded.posts.size() == 1);
    CHECK(loaded.posts[0].title == "OK");
  }
}

TEST_CASE("issue 25: post_order is newest first, then by slug, then by path, "
          "then as given, and move_posts moves each post to its place",
          "[content]")
{
  std::vector<content::Post> posts(5);
  const auto at = [](int s) {
    return util::UtcSeconds(std::chrono::seconds(1700000000 + s));
  };
  posts[0].date = at(1);
  posts[0].slug = "b";
  posts[1].date = at(2);
  posts[1].slug = "z";
  posts[2].date = at(1);
  posts[2].slug = "a";
  posts[2].shown_path = "posts/2.md";
  posts[3].date = at(1);
  posts[3].slug = "a";
  posts[3].shown_path = "posts/1.md";
  posts[4] = posts[3]; // the same file listed twice: as given
  posts[4].title = "second";
  const std::vector<std::size_t> order = content::post_order(posts);
  CHECK(order == std::vector<std::size_t>{1, 3, 4, 2, 0});
  content::move_posts(posts, order);
  std::vector<std::string> slugs;
  for (const auto& p : posts) {
    slugs.push_back(p.slug + ":" + p.shown_path + ":" + p.title);
  }
  CHECK(
    slugs
    == std::vector<std::string>{
      "z::", "a:posts/1.md:", "a:posts/1.md:second", "a:posts/2.md:", "b::"});
}

TEST_CASE("issue 25: posts are read in the byte order of their names, "
          "whatever order their folder lists them in",
          "[content]")
{
  const std::filesystem::path root = test::fresh_dir("name-order");
  write_settings(root);
  // Written in a shuffled order, all with one date: the order they come out
  // in (as listed, not sorted by date) is the order they were read in.
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) {
    names.push_back("p" + std::to_string((i * 17) % 40) + ".md");
  }
  for (const auto& name : names) {
    REQUIRE(util::write_file_atomic(root / "posts" / name,
                                    "---\ntitle: " + name
                                      + "\ndate: 2024-01-01\n---\nbody\n"));
  }
  const auto setup = content::load_site_config(root, std::nullopt);
  REQUIRE(setup);
  for (const unsigned jobs : {1U, 2U}) {
    const content::LoadedPosts loaded =
      content::load_posts(root,
                          setup->config,
                          jobs,
                          content::BrokenDrafts::are_errors,
                          nullptr,
                          nullptr,
                          content::PostOrder::as_listed);
    std::vector<std::string> read;
    for (const auto& p : loaded.posts) {
      read.push_back(p.title);
    }
    std::vector<std::string> by_name = names;
    std::sort(by_name.begin(), by_name.end());
    CHECK(read == by_name);
  }
}
